"""A round archive exported from a drawn demo round and verified with nothing but the file, its password and the
published fingerprint; then copies of it changed in every way section 6 of the archive issue names, each caught with
its reason."""

import json
import stat
import zipfile
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.archive import container
from desktop.services.archive.replay import json_pool, records_pool, replay
from desktop.services.archive.verify import verify_archive
from desktop.services.audit import entries
from desktop.store import records
from desktop.store.workspace import open_workspace
from tests.archive.conftest import PASSWORD, pool_rows


def verify(path: Path, fingerprint: str, password: str = PASSWORD) -> dict:
    return verify_archive(path, password, fingerprint=fingerprint)


def manifest_of(archive: Path) -> dict:
    with zipfile.ZipFile(archive) as zf:
        key = container.key_from(container.read_header(zf), PASSWORD)
        return json.loads(container.read_small(zf, container.MANIFEST, key, "manifest"))


def test_the_archive_verifies_from_a_folder_without_the_workspace(made, tmp_path, monkeypatch, capsys):
    root, archive, fingerprint = made
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PANELDESK_ARCHIVE_PASSWORD", PASSWORD)
    code = main(["archive", "verify", str(archive), "--fingerprint", fingerprint, "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0, result["problems"]
    assert (result["intact"], result["trusted"], result["draw_replayed"]) == (True, True, True)
    assert result["draw"]["pool_hash_matches"] and result["draw"]["panels"]
    assert all("*" in e for panel in result["draw"]["panels"].values() for e in panel)  # ID numbers masked
    assert result["audit"]["checkpoint"]["signed"] and result["audit"]["checkpoint"]["fingerprint"] == fingerprint
    assert not any(tmp_path.iterdir())  # nothing extracted


def test_the_manifest_lists_every_member_with_its_hash_and_the_export_is_audited(made):
    root, archive, fingerprint = made
    manifest = manifest_of(archive)
    paths = {m["path"] for m in manifest["members"]}
    letters = sorted(p.name for p in (root / "out" / "round-1").iterdir())
    assert {"data/round.json", "data/pool/schema.json", "data/pool/expert.rows", "audit/entries.jsonl",
            "audit/checkpoints.json"} <= paths
    assert sorted(p.rsplit("/", 1)[1] for p in paths if p.startswith("documents/")) == letters
    assert manifest["app_version"] and manifest["schema_version"] and manifest["round"]["id"] == 1
    assert all(len(m["sha256"]) == 64 and m["size"] >= 0 for m in manifest["members"])
    with zipfile.ZipFile(archive) as zf:  # member names say nothing of their content
        assert all(n.startswith("payload/") for n in zf.namelist()
                   if n not in (container.HEADER, container.MANIFEST, container.SIGNATURE))
        assert not any("承诺书" in n for n in zf.namelist())
    logged = [e for e in entries(open_workspace(root).session()) if e.action == "archive.export"]
    assert len(logged) == 2 and all(json.loads(e.after)["signer"] == fingerprint for e in logged)  # conftest's two
    assert not list(archive.parent.glob(".*part*")) and not list(archive.parent.glob("*.tmp"))


def test_trust_needs_the_right_fingerprint_or_certificate(made, tmp_path, monkeypatch, capsys):
    root, archive, fingerprint = made
    wrong = "AA" * 32
    result = verify(archive, wrong)
    assert result["intact"] and not result["trusted"]
    assert any("不是所给的可信证书或指纹" in p for p in result["problems"])
    untrusted = verify(archive, "")
    assert not untrusted["trusted"] and any("未给出可信的证书或指纹" in p for p in untrusted["problems"])
    certificate = tmp_path / "signer.pem"
    certificate.write_text(json.loads((root / "signing" / "identity.json").read_text(encoding="utf-8"))[
        "certificate_pem"])
    monkeypatch.setenv("PANELDESK_ARCHIVE_PASSWORD", PASSWORD)
    assert main(["archive", "verify", str(archive), "--trust", str(certificate), "--json"]) == 0
    capsys.readouterr()
    assert main(["archive", "verify", str(archive), "--fingerprint", wrong, "--json"]) == 1


def test_a_wrong_password_opens_nothing(made):
    _, archive, fingerprint = made
    result = verify(archive, fingerprint, password="not-the-password")
    assert not result["intact"] and result["problems"] == ["口令不对（或归档头被改动）：无法解密归档"]


def _flip(archive: Path, name: str, out: Path) -> Path:
    """A copy of ``archive`` with one byte of member ``name``'s stored data changed."""
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo(name)
    local = data[info.header_offset:info.header_offset + 30]
    start = info.header_offset + 30 + int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little")
    data[start + min(info.compress_size // 2, 40)] ^= 0x01
    out.write_bytes(bytes(data))
    return out


KINDS = {"the round's data": "data/round.json", "a pool table": "data/pool/expert.rows",
         "a letter": "documents/", "the audit slice": "audit/entries.jsonl", "the checkpoints": "audit/checkpoints.json"}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_one_byte_changed_in_a_member_is_named(made, tmp_path, kind):
    _, archive, fingerprint = made
    member = next(m for m in manifest_of(archive)["members"] if m["path"].startswith(KINDS[kind]))
    result = verify(_flip(archive, member["member"], tmp_path / "changed.zip"), fingerprint)
    assert not result["intact"] and not result["trusted"]
    assert any(member["path"] in p and "已损坏或被改动" in p for p in result["problems"]), result["problems"]


@pytest.mark.parametrize("name, reason", [(container.MANIFEST, "清单 manifest.json 已损坏或被改动"),
                                          (container.SIGNATURE, "签名 manifest.json.p7s 已损坏或被改动"),
                                          (container.HEADER, "归档头")])
def test_one_byte_changed_in_the_manifest_its_signature_or_the_header_is_named(made, tmp_path, name, reason):
    _, archive, fingerprint = made
    result = verify(_flip(archive, name, tmp_path / "changed.zip"), fingerprint)
    assert not result["intact"] and any(reason in p for p in result["problems"]), result["problems"]


def _rewrite(archive: Path, out: Path, change) -> Path:
    """A copy of ``archive`` whose members (stored bytes as they are) pass through ``change(name, data)``, which
    returns the (name, data) pairs to write instead."""
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            for name, data in change(info.filename, source.read(info)):
                target.writestr(name if isinstance(name, zipfile.ZipInfo) else zipfile.ZipInfo(name), data)
    return out


def test_a_member_added_removed_or_renamed_is_named(made, tmp_path):
    _, archive, fingerprint = made
    letter = next(m for m in manifest_of(archive)["members"] if m["path"].startswith("documents/"))
    added = verify(_rewrite(archive, tmp_path / "a.zip", lambda n, d: [(n, d)] + (
        [("payload/999999", b"extra")] if n == letter["member"] else [])), fingerprint)
    assert any("未列出的成员「payload/999999」" in p for p in added["problems"]) and not added["intact"]
    removed = verify(_rewrite(archive, tmp_path / "r.zip", lambda n, d: [] if n == letter["member"] else [(n, d)]),
                     fingerprint)
    assert any(letter["path"] in p and "不在归档中" in p for p in removed["problems"]) and not removed["intact"]
    renamed = verify(_rewrite(archive, tmp_path / "n.zip", lambda n, d: [
        ("payload/letter.pdf" if n == letter["member"] else n, d)]), fingerprint)
    assert any("payload/letter.pdf" in p for p in renamed["problems"])
    assert any(letter["path"] in p and "不在归档中" in p for p in renamed["problems"]) and not renamed["intact"]


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("name, reason", [("../../etc/cron.d/x", "名称含 .."), ("/etc/passwd", "名称是绝对路径"),
                                          ("payload\\..\\x", "名称含反斜杠"), ("C:/Windows/x", "名称是绝对路径"),
                                          ("payload/000001", "名称重复出现"), (_symlink("payload/999999"), "是符号链接")])
def test_unsafe_member_names_are_refused_unread(made, tmp_path, name, reason):
    _, archive, fingerprint = made
    shown = name.filename if isinstance(name, zipfile.ZipInfo) else name
    result = verify(_rewrite(archive, tmp_path / "bad.zip", lambda n, d: [(n, d)] + (
        [(name, b"x")] if n == container.HEADER else [])), fingerprint)
    assert not result["intact"]
    assert any(f"成员「{shown}」不予读取：{reason}" in p for p in result["problems"]), result["problems"]


def test_a_zip_bomb_is_refused_by_its_compression_ratio(made, tmp_path):
    _, archive, fingerprint = made
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(bomb, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr(zipfile.ZipInfo("payload/999998"), bytes(50 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)
    result = verify(bomb, fingerprint)
    assert not result["intact"]
    assert any("「payload/999998」不予读取" in p and "压缩炸弹" in p for p in result["problems"]), result["problems"]


def test_a_path_outside_the_archive_is_told_by_commonpath_not_by_prefix():
    for name in ("payload/../../archive2/x", "./../x"):
        assert container.unsafe(zipfile.ZipInfo(name))
    assert container.unsafe(zipfile.ZipInfo("payload/000001")) == ""
    assert "不是轮次归档会有的成员名" in container.unsafe(zipfile.ZipInfo("payload/./000001"))


def test_a_draw_whose_recorded_panels_differ_from_the_replay_is_named(made):
    """The replay itself, on the archive's own data with two recorded members swapped between panels."""
    _, archive, _ = made
    with zipfile.ZipFile(archive) as zf:
        key = container.key_from(container.read_header(zf), PASSWORD)
        by_path = {m["path"]: m["member"] for m in manifest_of(archive)["members"]}

        def read(path):
            return container.read_small(zf, by_path[path], key, path)
        round_data = json.loads(read("data/round.json"))
        schema = json.loads(read("data/pool/schema.json"))
        pooled = {t: read(f"data/pool/{t}.rows") for t in schema}
    rows = {t: pool_rows(data) for t, data in pooled.items()}
    from_records = replay(round_data, records_pool(schema, lambda t: records.split([pooled[t]])), lambda table: ())
    as_json_lines = replay(round_data, json_pool(schema, rows.__getitem__), lambda table: ())  # an older archive's
    assert from_records["replayed"] and from_records["pool_hash_matches"]
    assert as_json_lines["replayed"] and as_json_lines["pool_hash_matches"]
    panels = round_data["draws"][-1]["panels"]
    first = panels[0]["members"][0]
    first["expert"], panels[0]["reserve"][0] = panels[0]["reserve"][0], first["expert"]
    swapped = replay(round_data, json_pool(schema, rows.__getitem__), lambda table: ())
    assert not swapped["replayed"]
    assert f"评审组「{panels[0]['name']}」的评审专家与按记录重新计算的结果不同" in swapped["problems"]
    first["expert"], panels[0]["reserve"][0] = panels[0]["reserve"][0], first["expert"]

    rows["person"][0][2] += "改"  # a name changed after the draw: another pool hash, the same candidates
    renamed = replay(round_data, json_pool(schema, rows.__getitem__), lambda table: ())
    assert renamed["replayed"] and renamed["pool_hash_matches"] is False
    assert any("可选专家与抽取时承诺的完全相同" in n for n in renamed["notes"])
    drawn = panels[0]["members"][0]["expert"]
    rows["expert"] = [r for r in rows["expert"] if r[1] != next(p[0] for p in rows["person"] if p[1] == drawn)]
    gone = replay(round_data, json_pool(schema, rows.__getitem__), lambda table: ())  # a drawn expert missing from the pool
    assert not gone["replayed"] and any("无法据此重算抽取" in p for p in gone["problems"])


def test_json_lines_are_read_across_chunks_one_value_a_line():
    chunks = [b'{"a": 1}\n[1, "x\\n"', b']\n\n  \n"tail"']
    assert list(container.json_lines(chunks)) == [{"a": 1}, [1, "x\n"], "tail"]
    with pytest.raises(ValueError):
        list(container.json_lines([b"1, 2\n3\n"]))  # a line of two values is not two lines


def test_relations_the_round_cannot_read_are_not_loaded_but_still_digested(made):
    """The replay loads only the relations that touch a team of the round's applications; a change to any other
    still changes the archived pool's hash, and the replay says the pool is not the one drawn from."""
    _, archive, _ = made
    with zipfile.ZipFile(archive) as zf:
        key = container.key_from(container.read_header(zf), PASSWORD)
        by_path = {m["path"]: m["member"] for m in manifest_of(archive)["members"]}
        round_data = json.loads(container.read_small(zf, by_path["data/round.json"], key, "round"))
        schema = json.loads(container.read_small(zf, by_path["data/pool/schema.json"], key, "schema"))
        pooled = {t: container.read_small(zf, by_path[f"data/pool/{t}.rows"], key, t) for t in schema}
    rows = {t: pool_rows(data) for t, data in pooled.items()}
    applications = {application for _panel, application, round_id in rows["panel_application"]
                    if round_id == round_data["round"]["id"]}
    team = {row[schema["team_member"]["columns"].index("person_id")] for row in rows["team_member"]
            if row[schema["team_member"]["columns"].index("application_id")] in applications}
    records_of = pooled["relation"].split(b"\x00")
    far = next(i for i, row in enumerate(rows["relation"]) if row[1] not in team and row[2] not in team)
    group, values = records_of[far].split(b"\x1f")
    records_of[far] = group + b"\x1f" + values.rsplit(b",", 1)[0] + ",'与本轮无关的改动'".encode("utf-8")
    pooled["relation"] = b"\x00".join(records_of)
    replayed = replay(round_data, records_pool(schema, lambda t: records.split([pooled[t]])), lambda table: ())
    assert replayed["replayed"] and replayed["pool_hash_matches"] is False
    assert any("可选专家与抽取时承诺的完全相同" in n for n in replayed["notes"])
