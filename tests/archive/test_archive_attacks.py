"""Someone who wants an archive to say what did not happen: forged signatures, members mixed between archives, a
draw whose panels were changed together with its pool, hostile zips and headers. Each must be refused with its
reason, or, where PanelDesk cannot tell (an archive re-signed by someone the verifier chose to trust), the verdict
must name who signed."""

import asyncio
import json
import struct
import zipfile
from pathlib import Path

import pytest
from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign import signers

from desktop.services.archive import cms, container
from desktop.store.blobs import BlobDamaged
from desktop.services.archive.container import json_lines
from desktop.services.archive.replay import json_pool, replay
from desktop.services.archive.verify import draw_audit_problems, verify_archive
from reports.batch import SigningKey
from reports.identity import create_identity, describe_certificate
from tests.archive.conftest import AGAIN, PASSWORD, pool_rows

SUBJECT = "省科学技术厅评审办公室"  # the genuine identity's name (tests/archive/conftest.py)


def _attacker(name: str = SUBJECT) -> tuple[SigningKey, x509.Certificate]:
    """A key and self-made certificate with the same subject as the secretariat's."""
    p12 = create_identity(name, b"attacker")
    key = SigningKey(p12, b"attacker")
    signer = signers.SimpleSigner.load_pkcs12_data(p12, other_certs=[], passphrase=b"attacker")
    return key, x509.load_der_x509_certificate(signer.signing_cert.dump())


def _opened(archive: Path) -> tuple[dict, dict[str, bytes], bytes, bytes]:
    """(header, {path: plain content}, manifest bytes, signature) of a genuine archive."""
    with zipfile.ZipFile(archive) as zf:
        header = container.read_header(zf)
        key = container.key_from(header, PASSWORD)
        manifest = container.read_small(zf, container.MANIFEST, key, "m")
        signature = container.read_small(zf, container.SIGNATURE, key, "s")
        contents = {m["path"]: container.read_small(zf, m["member"], key, m["path"])
                    for m in json.loads(manifest)["members"]}
    return header, contents, manifest, signature


def _write(out: Path, header: dict, contents: dict[str, bytes], sign, fields: dict | None = None) -> Path:
    """An archive with these contents under the same password, its manifest (the genuine one's ``fields`` but for
    its members) signed by ``sign(manifest_bytes)``."""
    key = container.key_from(header, PASSWORD)
    with zipfile.ZipFile(out, "w") as zf:
        container.write_plain(zf, container.HEADER, json.dumps(header).encode("utf-8"))
        listed = []
        for index, (path, data) in enumerate(contents.items(), 1):
            sha, size = container.write_sealed(zf, container.member_name(index), (data,), key)
            listed.append({"path": path, "member": container.member_name(index), "sha256": sha, "size": size})
        manifest = (fields or {}) | {"members": listed}
        data = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        container.write_sealed(zf, container.MANIFEST, (data,), key)
        container.write_sealed(zf, container.SIGNATURE, (sign(data),), key)
    return out


@pytest.fixture(scope="module")
def genuine(made):
    root, archive, fingerprint = made
    header, contents, manifest, signature = _opened(archive)
    certificate = x509.load_pem_x509_certificate(
        json.loads((root / "signing" / "identity.json").read_text(encoding="utf-8"))["certificate_pem"].encode())
    return archive, fingerprint, certificate, header, contents, manifest, signature


def test_a_manifest_re_signed_with_a_self_made_certificate_of_the_same_subject_is_not_trusted(genuine, tmp_path):
    archive, fingerprint, certificate, header, contents, manifest, _ = genuine
    key, forged_certificate = _attacker()
    forged = _write(tmp_path / "forged.zip", header, contents, lambda data: cms.sign(data, key), json.loads(manifest))
    for given in ({"fingerprint": fingerprint}, {"trust": [certificate]}):
        result = verify_archive(forged, PASSWORD, **given)
        assert not result["trusted"], given
        assert result["signer"]["fingerprint"] == describe_certificate(forged_certificate).fingerprint
        assert any("不是所给的可信证书或指纹" in p for p in result["problems"])


def test_trusting_the_attackers_certificate_does_not_override_the_fingerprint_given(genuine, tmp_path):
    """`--trust attacker.pem --fingerprint GENUINE`: the fingerprint the secretariat published must still hold."""
    archive, fingerprint, _, header, contents, manifest, _ = genuine
    key, forged_certificate = _attacker()
    forged = _write(tmp_path / "forged.zip", header, contents, lambda data: cms.sign(data, key), json.loads(manifest))
    result = verify_archive(forged, PASSWORD, trust=[forged_certificate], fingerprint=fingerprint)
    assert not result["trusted"]
    assert any("指纹" in p for p in result["problems"]), result["problems"]


def test_a_signature_naming_the_genuine_certificate_first_but_made_by_another_key(genuine, tmp_path):
    """The CMS carries the genuine certificate first and the attacker's after it; the attacker's key signs. The
    signer is the certificate the SignerInfo names, never the first one carried."""
    archive, fingerprint, certificate, header, contents, manifest, _ = genuine
    key, forged_certificate = _attacker()

    def sign(data: bytes) -> bytes:
        signer = signers.SimpleSigner.load_pkcs12_data(key.p12, other_certs=[], passphrase=key.passphrase)
        signed = asyncio.run(signer.async_sign_general_data(data, "sha256", detached=True))
        genuine_cert = asn1_cms.CertificateChoices({"certificate": asn1_cms.Certificate.load(
            certificate.public_bytes(serialization.Encoding.DER))})
        content = signed["content"]
        content["certificates"] = [genuine_cert] + list(content["certificates"])
        return signed.dump(force=True)

    forged = _write(tmp_path / "forged.zip", header, contents, sign, json.loads(manifest))
    result = verify_archive(forged, PASSWORD, fingerprint=fingerprint)
    assert not result["trusted"]
    assert result["signer"]["fingerprint"] == describe_certificate(forged_certificate).fingerprint, result["signer"]


def test_a_genuine_signature_over_another_manifest_is_invalid(genuine, tmp_path):
    archive, fingerprint, _, header, contents, manifest, signature = genuine
    changed = dict(contents)
    changed["data/exclusions.jsonl"] = b""
    forged = _write(tmp_path / "other.zip", header, changed, lambda data: signature, json.loads(manifest))
    result = verify_archive(forged, PASSWORD, fingerprint=fingerprint)
    assert not result["intact"] and not result["trusted"]
    assert any("清单的签名不符" in p for p in result["problems"])


def test_members_mixed_between_two_genuine_archives_of_the_same_round_are_refused(made, genuine, tmp_path):
    root, first, fingerprint = made
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(root.parent / AGAIN) as b:
        b_members = {i.filename: b.read(i) for i in b.infolist()}
        mixed = tmp_path / "mixed.zip"
        with zipfile.ZipFile(mixed, "w") as out:
            for info in a.infolist():  # the first's header, manifest and signature; a member of the second
                data = b_members["payload/000001"] if info.filename == "payload/000001" else a.read(info)
                out.writestr(info.filename, data)
        whole = tmp_path / "whole.zip"  # the second's manifest and signature over the first's payload
        with zipfile.ZipFile(whole, "w") as out:
            for info in a.infolist():
                keep = info.filename in (container.MANIFEST, container.SIGNATURE)
                out.writestr(info.filename, b_members[info.filename] if keep else a.read(info))
    mixed_result = verify_archive(mixed, PASSWORD, fingerprint=fingerprint)
    assert not mixed_result["intact"] and any("payload/000001" in p for p in mixed_result["problems"])
    whole_result = verify_archive(whole, PASSWORD, fingerprint=fingerprint)
    assert not whole_result["intact"] and any("清单" in p for p in whole_result["problems"])


def _redrawn_on(round_data: dict, schema: dict, rows: dict) -> None:
    """Recompute the current draw's panels from changed pool ``rows`` with the same seed and write them, with the
    commitment's candidates hash, into ``round_data``: what a forger with the archive in hand would do."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool
    from sqlmodel import Session
    from desktop.services.draw_inputs import read_inputs
    from desktop.services.draw_verify import _computed
    draw = next(d for d in round_data["draws"] if not d["superseded"])
    engine = create_engine("sqlite://", poolclass=StaticPool)
    with Session(engine) as session:
        json_pool(schema, rows.__getitem__)(session, round_data["round"]["id"])
        inputs = read_inputs(session, round_data["round"]["id"])
        draw["panels"] = _computed(inputs, inputs.draw(draw["seed"]))
    engine.dispose()
    next(c for c in round_data["commitments"] if c["draw_id"] == draw["id"])["candidates_hash"] = \
        inputs.candidates_hash
    draw["rows"] = [[p["name"], e, reserve, n, 0, ""] for p in draw["panels"]
                    for reserve, experts in ((False, [m["expert"] for m in p["members"]]), (True, p["reserve"]))
                    for n, e in enumerate(experts)]


def test_panels_changed_together_with_their_pool_and_candidates_replay_but_differ_from_the_audit(genuine):
    """A drawn expert taken out of the archived pool, the panels drawn again on that pool with the same seed, the
    commitment's candidates hash (a stored value: the published commitment binds only the pool hash and the secret)
    set to match. The replay alone accepts it, as a pool changed after the draw; the draw's audit entry, hash-linked
    and under a signed checkpoint, still names the panels drawn, and verify compares them."""
    _, _, _, _, contents, _, _ = genuine
    round_data = json.loads(contents["data/round.json"])
    schema = json.loads(contents["data/pool/schema.json"])
    rows = {t: pool_rows(contents[f"data/pool/{t}.rows"]) for t in schema}
    entries = list(json_lines([contents["audit/entries.jsonl"]]))
    assert draw_audit_problems(round_data, entries) == []
    draw = next(d for d in round_data["draws"] if not d["superseded"])
    drawn = draw["panels"][0]["members"][0]["expert"]
    person = next(p[0] for p in rows["person"] if p[1] == drawn)
    rows["expert"] = [r for r in rows["expert"] if r[1] != person]
    _redrawn_on(round_data, schema, rows)
    replayed = replay(round_data, json_pool(schema, rows.__getitem__), lambda table: ())
    assert replayed["replayed"] and not replayed["pool_hash_matches"]  # the hole the audit comparison closes
    problems = draw_audit_problems(round_data, entries)
    assert any(draw["panels"][0]["name"] in p and "审计日志" in p for p in problems), problems


def _eocd_count(archive: Path, count: int, out: Path) -> Path:
    """A copy whose end-of-central-directory record claims ``count`` entries."""
    data = bytearray(archive.read_bytes())
    at = data.rfind(b"PK\x05\x06")
    data[at + 8:at + 12] = struct.pack("<HH", min(count, 0xFFFF), min(count, 0xFFFF))
    out.write_bytes(bytes(data))
    return out


def test_a_zip_claiming_very_many_members_is_refused_before_its_directory_is_read(made, tmp_path):
    _, archive, fingerprint = made
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as zf:
        for number in range(30):
            zf.writestr(f"payload/{number:06d}", b"")
    result = verify_archive(many, PASSWORD, fingerprint=fingerprint,
                            caps=container.Caps(members=20))
    assert not result["intact"] and any("超过上限 20" in p for p in result["problems"]), result["problems"]
    claimed = verify_archive(_eocd_count(archive, 65535, tmp_path / "claims.zip"), PASSWORD, fingerprint=fingerprint,
                             caps=container.Caps(members=1000))  # the end record alone is believed, and refused
    assert any("65535 个成员，超过上限 1000" in p for p in claimed["problems"]), claimed["problems"]


@pytest.mark.parametrize("field, value", [("memory_cost", 2 ** 31), ("time_cost", 10 ** 6), ("parallelism", 2 ** 20),
                                          ("salt", "")])
def test_a_header_asking_for_an_absurd_key_derivation_is_refused_at_once(made, tmp_path, field, value):
    """The header is plain: whoever changes it could make every verifier spend terabytes or days deriving a key."""
    _, archive, fingerprint = made
    out = tmp_path / "kdf.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == container.HEADER:
                header = json.loads(data)
                header["kdf"][field] = value
                data = json.dumps(header).encode("utf-8")
            target.writestr(info.filename, data)
    result = verify_archive(out, PASSWORD, fingerprint=fingerprint)
    assert not result["intact"]
    assert any("密钥派生参数" in p for p in result["problems"]), result["problems"]


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("name", ["payload/000001\x00../../x", "payload/０００００１", "payload/000001\u202e",
                                  "./../x", "payload/nested.zip", "payload/000001/"])
def test_names_other_than_the_archive_s_own_are_refused_unread(made, tmp_path, name):
    _, archive, fingerprint = made
    out = tmp_path / "names.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr(zipfile.ZipInfo(name), b"PK\x03\x04")
    result = verify_archive(out, PASSWORD, fingerprint=fingerprint)
    assert not result["intact"] and not result["trusted"], name
    assert any("不予读取" in p for p in result["problems"]), result["problems"]


def test_a_central_directory_that_disagrees_with_the_local_header_is_named(made, tmp_path):
    _, archive, fingerprint = made
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo("payload/000002")
    local_name = info.header_offset + 30
    assert data[local_name:local_name + len("payload/000002")] == b"payload/000002"
    data[local_name:local_name + len("payload/000002")] = b"payload/000003"
    (tmp_path / "cd.zip").write_bytes(bytes(data))
    result = verify_archive(tmp_path / "cd.zip", PASSWORD, fingerprint=fingerprint)
    assert not result["intact"] and any("已损坏或被改动" in p for p in result["problems"]), result["problems"]


def test_an_audit_slice_cut_back_with_the_checkpoints_after_the_cut(genuine, tmp_path):
    """The last entries cut off with the checkpoints that covered them, the manifest's pin moved to match: the slice
    is consistent again (what the log would look like had the export been made earlier), so only a new manifest
    signature can carry it, and one by another key is not trusted; the genuine signature over it is invalid."""
    archive, fingerprint, _, header, contents, manifest, signature = genuine
    assert verify_archive(archive, PASSWORD, fingerprint=fingerprint)["audit"]["checkpoint"]["after"] == 0
    entries = contents["audit/entries.jsonl"].decode("utf-8").splitlines(keepends=True)
    kept = entries[:-1]
    cut = dict(contents)
    cut["audit/entries.jsonl"] = "".join(kept).encode("utf-8")
    cut["audit/checkpoints.json"] = json.dumps([c for c in json.loads(contents["audit/checkpoints.json"])
                                                if c["entries"] <= len(kept)]).encode("utf-8")
    pinned = json.loads(manifest) | {"audit": {"entries": len(kept), "head": json.loads(kept[-1])["hash"]}}
    key, _ = _attacker()
    forged = _write(tmp_path / "cut.zip", header, cut, lambda data: cms.sign(data, key), pinned)
    unsigned = _write(tmp_path / "cut-old-signature.zip", header, cut, lambda data: signature, pinned)
    result = verify_archive(forged, PASSWORD, fingerprint=fingerprint)
    assert result["audit"]["entries"] == len(kept) and not result["trusted"]
    assert not verify_archive(unsigned, PASSWORD, fingerprint=fingerprint)["intact"]


def test_an_archive_replaced_between_its_verify_and_its_import_imports_nothing(genuine, workspace, tmp_path):
    """The file swapped for a forged one (another key, a round renamed) once verify has read it: the import reads
    only what was verified, or nothing."""
    import shutil
    from desktop.services import rounds
    from desktop.services.archive.importing import ArchiveRefused, import_archive
    from tests.conftest import signed
    archive, fingerprint, _, header, contents, manifest, _ = genuine
    changed = dict(contents)
    round_data = json.loads(contents["data/round.json"])
    round_data["round"]["name"] = "伪造的轮次"
    changed["data/round.json"] = json.dumps(round_data, ensure_ascii=False).encode("utf-8")
    key, _ = _attacker()
    forged = _write(tmp_path / "forged.zip", header, changed, lambda data: cms.sign(data, key), json.loads(manifest))
    target = tmp_path / "incoming.zip"
    shutil.copy(archive, target)

    def swap(done, total, _path):
        if done == total:  # verify has read every member
            shutil.copy(forged, target)
    clerk = signed(workspace, "王秘书")
    with pytest.raises(ArchiveRefused, match="核验之后被替换或改动"):
        import_archive(workspace, clerk, target, PASSWORD, fingerprint=fingerprint, progress=swap)
    assert rounds.list_rounds(workspace, clerk) == []


def test_a_member_changed_after_the_manifest_was_read_is_refused_as_it_is_read(genuine):
    archive, _, _, _, contents, _, _ = genuine
    with zipfile.ZipFile(archive) as zf:
        opened = container.Opened(zf, PASSWORD)
        opened.by_path["data/round.json"] = opened.by_path["data/round.json"] | {"sha256": "0" * 64}
        with pytest.raises(BlobDamaged, match="与清单记录的 SHA-256 或大小不符"):
            opened.json("data/round.json")
        assert b"".join(opened.read("data/exclusions.jsonl")) == contents["data/exclusions.jsonl"]


def test_an_untrusted_archive_s_table_statements_are_never_run(genuine, tmp_path):
    """The replay loads the pool with the archive's own CREATE TABLE statements; from a signer not trusted they are
    not run at all (a CHECK or DEFAULT can cost the verifier memory and time), so nothing is replayed."""
    archive, fingerprint, _, header, contents, manifest, _ = genuine
    key, _ = _attacker()
    forged = _write(tmp_path / "forged.zip", header, contents, lambda data: cms.sign(data, key), json.loads(manifest))
    result = verify_archive(forged, PASSWORD, fingerprint=fingerprint)
    assert result["intact"] and not result["trusted"] and not result["draw_replayed"]
    assert any("未重算抽取" in p for p in result["problems"]), result["problems"]


def test_archived_column_names_that_are_not_plain_names_are_refused(genuine):
    _, _, _, _, contents, _, _ = genuine
    round_data = json.loads(contents["data/round.json"])
    schema = json.loads(contents["data/pool/schema.json"])
    rows = {t: pool_rows(contents[f"data/pool/{t}.rows"]) for t in schema}
    schema["expert"]["columns"][0] = 'id") VALUES (1); --'
    result = replay(round_data, json_pool(schema, rows.__getitem__), lambda table: ())
    assert not result["replayed"] and any("列名不是简单的名称" in p for p in result["problems"]), result["problems"]


def test_a_member_whose_data_reaches_into_the_next_is_refused_unread(made, tmp_path):
    """Members are read by their offset (zipfile's CRC pass skipped): a central directory that stretches one member's
    size over the next member's bytes (entries sharing data, the overlapping zip bomb) is refused before reading."""
    _, archive, fingerprint = made
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        first, second = zf.getinfo("payload/000001"), zf.getinfo("payload/000002")
        start_dir = zf.start_dir
    at = data.index(b"PK\x01\x02payload/000001"[:4], start_dir)
    while data[at + 46:at + 46 + 14] != b"payload/000001":
        at = data.index(b"PK\x01\x02", at + 4)
    grown = first.compress_size + (second.header_offset - first.header_offset) + 100
    data[at + 20:at + 28] = struct.pack("<LL", grown, grown)  # compressed and uncompressed sizes
    (tmp_path / "overlap.zip").write_bytes(bytes(data))
    result = verify_archive(tmp_path / "overlap.zip", PASSWORD, fingerprint=fingerprint)
    assert not result["intact"]
    assert any("payload/000001" in p and "重叠" in p for p in result["problems"]), result["problems"]


def test_a_calendar_of_another_shape_under_another_signature_is_named_not_a_crash(genuine, tmp_path):
    archive, fingerprint, _, header, contents, manifest, _ = genuine
    key, _ = _attacker()
    forged = _write(tmp_path / "calendar.zip", header, contents | {"data/calendar.json": b"[1, 2]"},
                    lambda data: cms.sign(data, key), json.loads(manifest))
    result = verify_archive(forged, PASSWORD, fingerprint=fingerprint)
    assert not result["intact"] and any("工作日日历" in p and "格式不对" in p for p in result["problems"])


@pytest.fixture(scope="module")
def older(made, genuine, tmp_path_factory):
    """The genuine archive as an export made before the records wrote it: the pool as JSON Lines (a JSON list of
    each row's values a line), signed by the same identity."""
    from desktop.services import signing
    root, _, _ = made
    _, _, _, header, contents, manifest, _ = genuine
    members = {}
    for path, data in contents.items():
        if path.startswith("data/pool/") and path.endswith(".rows"):
            lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in pool_rows(data)]
            members[path.removesuffix(".rows") + ".jsonl"] = "".join(lines).encode("utf-8")
        else:
            members[path] = data
    key = signing.signing_key(root)
    return _write(tmp_path_factory.mktemp("older") / "older.zip", header, members, lambda data: cms.sign(data, key),
                  json.loads(manifest))


def test_an_archive_with_the_pool_as_json_lines_still_verifies_replays_and_imports(older, made, workspace):
    _, _, fingerprint = made
    result = verify_archive(older, PASSWORD, fingerprint=fingerprint)
    assert result["intact"] and result["trusted"] and result["draw_replayed"], result["problems"]
    assert result["draw"]["pool_hash_matches"]
    from desktop.services.archive.importing import import_archive
    from tests.conftest import signed
    done = import_archive(workspace, signed(workspace, "王秘书"), older, PASSWORD, fingerprint=fingerprint)
    assert not done["already_imported"] and done["persons"]["new"] > 0


@pytest.fixture(scope="module")
def genuine_key(made):
    """The secretariat's own signing key (read while the module's keyring holds its passphrase)."""
    from desktop.services import signing
    return signing.signing_key(made[0])


@pytest.mark.parametrize("change", ["columns reordered", "a number column declared as text"])
def test_pool_records_landing_in_other_columns_or_types_are_refused_even_under_the_genuine_signature(
        made, genuine, genuine_key, tmp_path, change):
    """The records' digests (and so the pool hash) cover each row's values, not the column each lands in nor how
    SQLite keeps it: the archive's column list and CREATE statement must agree with each other and with this
    program's tables, or a key holder could replay the draw on rearranged values under a matching pool hash."""
    _, _, fingerprint = made
    _, _, _, header, contents, manifest, _ = genuine
    schema = json.loads(contents["data/pool/schema.json"])
    table = next(t for t, s in schema.items() if len(s["columns"]) >= 3 and "INTEGER" in s["sql"].upper())
    if change == "columns reordered":
        schema[table]["columns"][1], schema[table]["columns"][2] = schema[table]["columns"][2], schema[table]["columns"][1]
    else:
        at = schema[table]["sql"].upper().index("INTEGER")
        schema[table]["sql"] = schema[table]["sql"][:at] + "TEXT" + schema[table]["sql"][at + len("INTEGER"):]
    forged = _write(tmp_path / "columns.zip", header,
                    contents | {"data/pool/schema.json": json.dumps(schema, ensure_ascii=False).encode("utf-8")},
                    lambda data: cms.sign(data, genuine_key), json.loads(manifest))
    result = verify_archive(forged, PASSWORD, fingerprint=fingerprint)
    assert result["intact"] and result["trusted"] and not result["draw_replayed"]
    assert any(f"表 {table} 的列与其建表语句或本程序的表结构不一致" in p for p in result["problems"]), result["problems"]
