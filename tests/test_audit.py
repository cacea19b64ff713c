"""TAMPER_EVIDENT: edits made to a real workspace file with sqlite3, outside PanelDesk, are found and named by
`audit verify`, and documents are refused from a draw record that does not check."""

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import keyring
import pytest

from desktop.cli import main
from desktop.services import draws, signing
from desktop.store.workspace import close_workspace, open_workspace
from tests.conftest import ADMIN, MemoryKeyring, demo_for_tests, signed

ACTOR = "王秘书"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A demo workspace with a signing identity and a witnessed draw of its round, and its keyring's entries."""
    previous, backend = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        root = tmp_path_factory.mktemp("tamper") / "ws"
        demo_for_tests(root)
        signing.create_identity(root, signed(root, ACTOR), "省科学技术厅评审办公室")
        draws.draw_round(open_workspace(root), signed(open_workspace(root), ACTOR), 1, witness_digits="111111", witness=signed(open_workspace(root), "李监督"))
        close_workspace(root)
    finally:
        keyring.set_keyring(previous)
    return root, dict(backend.entries)


@pytest.fixture
def ws(template, tmp_path, memory_keyring):
    root = tmp_path / "ws"
    shutil.copytree(template[0], root)
    memory_keyring.entries.update(template[1])
    yield root
    close_workspace(root)


def run(root: Path, *argv: str, capsys) -> tuple[int, dict | str, str]:
    code = main(["--workspace", str(root), "--operator", ACTOR, *argv])
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, out, err


def verify(root: Path, capsys) -> tuple[int, dict]:
    close_workspace(root)
    code, report, _ = run(root, "audit", "verify", "--json", capsys=capsys)
    close_workspace(root)
    return code, report


def sql(root: Path, *statements: str, parameters=()) -> None:
    """What someone with the file and sqlite3 does: plain SQL on the database, no PanelDesk."""
    close_workspace(root)
    with sqlite3.connect(root / "paneldesk.db") as db:
        for statement in statements:
            db.execute(statement, parameters)
    db.close()


def messages(report: dict) -> str:
    return "\n".join(p["message"] for p in report["problems"])


def test_an_untouched_workspace_verifies_under_a_signed_checkpoint(ws, capsys):
    code, report = verify(ws, capsys)
    assert code == 0 and report["intact"] and report["problems"] == []
    assert report["checkpoint"]["signed"] and report["checkpoint"]["entries"] == report["entries"]
    assert report["checkpoint"]["after"] == 0


@pytest.mark.parametrize("last", [1, 3])
def test_deleting_the_last_entries_is_found(ws, capsys, last):
    sql(ws, f"DELETE FROM audit_entry WHERE id > (SELECT max(id) - {last} FROM audit_entry)")
    code, report = verify(ws, capsys)
    assert code == 1 and not report["intact"]
    assert "日志被截断" in messages(report)


def test_deleting_every_entry_is_found(ws, capsys):
    sql(ws, "DELETE FROM audit_entry")
    code, report = verify(ws, capsys)
    assert code == 1 and report["entries"] == 0
    assert "日志被截断" in messages(report) and "专家表（expert）" in messages(report)


def test_deleting_an_entry_in_the_middle_breaks_the_chain(ws, capsys):
    sql(ws, "DELETE FROM audit_entry WHERE id = 2")
    code, report = verify(ws, capsys)
    assert code == 1 and report["first_broken"] == 3


def _forge(root: Path, digests: str) -> None:
    """Append an entry whose hash links to the head exactly as PanelDesk computes it."""
    with sqlite3.connect(root / "paneldesk.db") as db:
        prev = db.execute("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()[0]
        fields = [prev, "2026-12-01T10:00:00+08:00", "他人", "round.draw", "round:1", "", "{}"]
        if digests:
            fields.append(digests)
        digest = hashlib.sha256(json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
        db.execute("INSERT INTO audit_entry (at, actor, action, target, before, after, prev_hash, hash, digests) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (*fields[1:7], prev, digest, digests))
    db.close()


def test_an_appended_forged_entry_is_found(ws, capsys):
    close_workspace(ws)
    _forge(ws, "")
    code, report = verify(ws, capsys)
    assert code == 1 and "不是 PanelDesk 写入的" in messages(report)


def test_a_forged_entry_with_digests_is_not_covered_by_the_signature(ws, capsys):
    """The limit of a chain without a key: a well-made forgery after the last signed checkpoint is only said to
    be unsigned, and its missing checkpoint is found."""
    close_workspace(ws)
    _forge(ws, '{"tables":{}}')
    code, report = verify(ws, capsys)
    assert code == 1 and "应有检查点，但检查点已不存在" in messages(report)
    assert report["checkpoint"]["after"] == 1


def test_a_rewritten_chain_does_not_match_the_signed_checkpoint(ws, capsys):
    close_workspace(ws)
    with sqlite3.connect(ws / "paneldesk.db") as db:
        rows = db.execute("SELECT id, at, actor, action, target, before, after, digests FROM audit_entry "
                          "ORDER BY id").fetchall()
        prev = "0" * 64
        for id_, at, actor, action, target, before, after, digests in rows:
            actor = "他人" if id_ == 1 else actor
            fields = [prev, at, actor, action, target, before, after] + ([digests] if digests else [])
            digest = hashlib.sha256(json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
            db.execute("UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
                       (actor, prev, digest, id_))
            prev = digest
    db.close()
    code, report = verify(ws, capsys)
    assert code == 1 and report["first_broken"] is None and "日志被改写" in messages(report)


def test_a_changed_organisation_of_an_expert_is_named(ws, capsys):
    sql(ws, "UPDATE expert SET organisation_id = organisation_id + 1 WHERE id = 5")
    code, report = verify(ws, capsys)
    assert code == 1
    assert [p["table"] for p in report["problems"]] == ["expert"]
    assert report["problems"][0]["rows"] == "id 0–255" and "内容与审计记录不符" in messages(report)


@pytest.mark.parametrize("table, label", [("integrity_record", "诚信记录表"), ("relation", "人员关系表")])
def test_deleted_records_are_named(ws, capsys, table, label):
    sql(ws, f"DELETE FROM {table} WHERE id = (SELECT min(id) FROM {table})")
    code, report = verify(ws, capsys)
    assert code == 1 and [p["table"] for p in report["problems"]] == [table]
    assert label in messages(report) and report["problems"][0]["found"] == report["problems"][0]["recorded"] - 1 \
        or "全部不存在" in messages(report)


def test_a_round_moved_back_to_draft_is_named_to_the_row(ws, capsys):
    sql(ws, "UPDATE review_round SET state = 'draft' WHERE id = 1")
    code, report = verify(ws, capsys)
    assert code == 1 and [(p["table"], p["rows"]) for p in report["problems"]] == [("review_round", "id 1")]


def test_a_swapped_draw_member_is_named_and_its_letters_refused(ws, tmp_path, capsys):
    close_workspace(ws)
    with sqlite3.connect(ws / "paneldesk.db") as db:
        draw_id, panel_id, person_id = db.execute(
            "SELECT draw_id, panel_id, person_id FROM draw_member WHERE reserve = 0 LIMIT 1").fetchone()
        outsider = db.execute("SELECT person_id FROM expert WHERE person_id NOT IN "
                              "(SELECT person_id FROM draw_member) LIMIT 1").fetchone()[0]
        db.execute("UPDATE draw_member SET person_id = ? WHERE draw_id = ? AND panel_id = ? AND person_id = ?",
                   (outsider, draw_id, panel_id, person_id))
    db.close()
    code, report = verify(ws, capsys)
    assert code == 1 and [(p["table"], p["rows"]) for p in report["problems"]] == [
        ("draw_member", f"draw {draw_id} panel {panel_id}")]

    out_dir = tmp_path / "letters"
    code, _, err = run(ws, "letters", "--round", "1", "--out", str(out_dir), "--sign", "--json", capsys=capsys)
    assert code != 0 and f"draw {draw_id} panel {panel_id}" in err and "不能生成" in err
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_deleted_checkpoints_are_found(ws, capsys):
    sql(ws, "DELETE FROM audit_checkpoint WHERE id = (SELECT max(id) FROM audit_checkpoint)")
    code, report = verify(ws, capsys)
    assert code == 1 and "检查点已不存在" in messages(report)


def test_a_changed_checkpoint_signature_is_found(ws, capsys):
    sql(ws, "UPDATE audit_checkpoint SET at = '2020-01-01T00:00:00+08:00' "
            "WHERE id = (SELECT max(id) FROM audit_checkpoint)")
    code, report = verify(ws, capsys)
    assert code == 1 and "签名不符" in messages(report)


def test_forcing_the_digests_to_be_made_again_is_found(ws, capsys):
    """Deleting the stored digests and layouts makes PanelDesk digest the tables afresh at the next opening; the
    chain shows it happened without a change of schema."""
    sql(ws, "UPDATE expert SET title = '院士' WHERE id = 3", "DELETE FROM audit_layout", "DELETE FROM audit_digest")
    open_workspace(ws)
    code, report = verify(ws, capsys)
    assert code == 1 and "摘要记录在 PanelDesk 之外被删除或改动" in messages(report)


def test_a_workspace_without_identity_says_it_is_unsigned(tmp_path, capsys):
    root = tmp_path / "plain"
    assert run(root, "init", "--admin", ADMIN, capsys=capsys)[0] == 0
    signed(root, ACTOR)
    assert run(root, "round", "create", "--name", "测试轮次", "--review-date", "2026-12-01", "--form", "会议评审",
               "--scoring", "百分制", "--confirm-past-date", capsys=capsys)[0] == 0
    code, report = verify(root, capsys)
    assert code == 0 and report["intact"] and not report["checkpoint"]["signed"]
    assert "签名身份" in report["checkpoint"]["note"]
    close_workspace(root)
    code, text, _ = run(root, "audit", "verify", capsys=capsys)
    assert "没有签名检查点" in text and "无法发现" in text
    close_workspace(root)


def _archive(ws: Path, tmp_path: Path) -> Path:
    """A copy as an archive holds it: files and folder without write permission."""
    copy = tmp_path / "archived"
    shutil.copytree(ws, copy)
    for path in sorted(copy.rglob("*"), reverse=True) + [copy]:
        path.chmod(path.stat().st_mode & ~0o222)
    return copy


@pytest.fixture
def restore_permissions(tmp_path):
    yield
    for path in [tmp_path, *tmp_path.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o200)


def test_a_read_only_copy_lists_and_verifies_but_refuses_changes(ws, tmp_path, capsys, restore_permissions):
    close_workspace(ws)
    copy = _archive(ws, tmp_path)
    code, report = verify(copy, capsys)
    assert code == 0 and report["intact"] and report["checkpoint"]["signed"]
    code, experts, _ = run(copy, "list", "experts", "--json", capsys=capsys)
    assert code == 0 and len(experts) == 200
    code, _, err = run(copy, "round", "create", "--name", "新轮次", "--review-date", "2026-12-20", "--form", "会议评审",
                       "--scoring", "百分制", "--confirm-past-date", capsys=capsys)
    assert code == 1 and "只读" in err and "Traceback" not in err
    assert sorted(p.name for p in copy.iterdir()) == sorted(p.name for p in ws.iterdir())


def test_a_read_only_copy_with_its_write_ahead_log_reads_the_log(ws, tmp_path, capsys, restore_permissions):
    """A copy taken while PanelDesk had the workspace open: the last change is still in the -wal file."""
    close_workspace(ws)
    workspace = open_workspace(ws)
    with workspace.engine.connect() as connection:  # holds the log open, as a running PanelDesk does
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        code, _, _ = run(ws, "round", "create", "--name", "复制前最后一轮", "--review-date", "2026-12-20",
                         "--form", "会议评审", "--scoring", "百分制", "--confirm-past-date", capsys=capsys)
        assert code == 0 and (ws / "paneldesk.db-wal").stat().st_size > 0
        copy = _archive(ws, tmp_path)
    code, report = verify(copy, capsys)
    assert code == 0 and report["intact"]
    code, out, _ = run(copy, "round", "list", "--json", capsys=capsys)
    assert code == 0 and "复制前最后一轮" in json.dumps(out, ensure_ascii=False)


def changed_rows(report: dict, table: str) -> list[tuple[str, str]]:
    return [(r["key"], r["change"]) for p in report["problems"] if p["table"] == table
            for r in p.get("changed_rows", ())]


def test_a_changed_row_is_named_by_its_key_inside_its_group(ws, capsys):
    sql(ws, "UPDATE expert SET organisation_id = organisation_id + 1 WHERE id = 5")
    code, report = verify(ws, capsys)
    assert code == 1 and changed_rows(report, "expert") == [("id=5", "changed")]
    assert "id=5 内容被改动" in messages(report)


def test_deleted_and_added_rows_are_named(ws, capsys):
    close_workspace(ws)
    with sqlite3.connect(ws / "paneldesk.db") as db:
        first = db.execute("SELECT min(id) FROM relation").fetchone()[0]
        columns = ", ".join(r[1] for r in db.execute("PRAGMA table_info(relation)") if r[1] != "id")
        db.execute(f"CREATE TEMP TABLE moved AS SELECT {columns} FROM relation WHERE id = ?", (first,))
        db.execute("DELETE FROM relation WHERE id = ?", (first,))  # the relation moved under another id
        db.execute(f"INSERT INTO relation (id, {columns}) SELECT ?, {columns} FROM moved", (first + 1_000_000,))
    db.close()
    code, report = verify(ws, capsys)
    assert code == 1
    assert (f"rowid={first}", "deleted") in changed_rows(report, "relation")
    assert (f"id={first + 1_000_000}", "added") in changed_rows(report, "relation")


def test_a_row_list_edited_to_hide_a_change_names_no_row_and_says_so(ws, capsys):
    """A forger who changes a row and then writes its new hash into the group's row list (or blames another row)
    does not get a clean or a misleading answer: the list no longer matches the seal the chain keeps."""
    close_workspace(ws)
    with sqlite3.connect(ws / "paneldesk.db") as db:
        db.execute("UPDATE expert SET title = '院士' WHERE id = 5")
        group, blob = db.execute("SELECT grp, rows FROM audit_digest WHERE tbl = 'expert' AND grp = 'id 0–255'").fetchone()
        rows = bytearray(blob)
        rows[len(rows) // 2 + 8] ^= 0xFF  # the hash of the list's second row: that row now looks changed
        db.execute("UPDATE audit_digest SET rows = ? WHERE tbl = 'expert' AND grp = ?", (bytes(rows), group))
    db.close()
    code, report = verify(ws, capsys)
    assert code == 1 and [p["table"] for p in report["problems"]] == ["expert"]
    assert changed_rows(report, "expert") == [] and "逐行记录也与审计日志不符" in messages(report)


def test_a_workspace_from_before_row_lists_gets_them_sealed_and_then_names_rows(ws, capsys):
    sql(ws, "UPDATE audit_digest SET rows = x''")
    open_workspace(ws)  # the next opening lists the rows of every group that still matches its digest
    code, report = verify(ws, capsys)
    assert code == 0, messages(report)
    sql(ws, "UPDATE expert SET title = '院士' WHERE id = 7")
    code, report = verify(ws, capsys)
    assert code == 1 and changed_rows(report, "expert") == [("id=7", "changed")]
