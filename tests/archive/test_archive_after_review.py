"""A round taken through its after-review steps — publicity with an objection and its evidence, an appeal accepted,
conduct recorded — archived: the working-day calendar its deadlines were counted on travels with it and verify counts
each deadline again; another workspace imports the round's execution and after-review rows read-only."""

import copy
import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import zipfile

import keyring
import pytest

from desktop import __version__

from desktop.services import accounts, appeals, conduct, due, publicity, signing
from desktop.domain.errors import UserError
from desktop.services.archive import container
from desktop.services.archive.export import export_round
from desktop.services.archive.importing import import_archive
from desktop.services.archive.sections import calendar
from desktop.services.archive.verify import verify_archive
from desktop.store.workspace import close_workspace
from tests.after_review_setup import approved_round
from tests.archive.conftest import PASSWORD, export
from tests.conftest import ADMIN, TEST_PASSWORD, MemoryKeyring, signed

D = dt.date


@pytest.fixture(scope="module")
def reviewed(demo_template, tmp_path_factory):
    """(workspace, archive, fingerprint, members, applications) of the demo round after review (its appeal accepted
    and decided, each notice printed to a folder outside the workspace), exported once."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    root = tmp_path_factory.mktemp("reviewed") / "demo"
    shutil.copytree(demo_template, root)
    try:
        members, apps = approved_round(root)
        identity, _ = signing.create_identity(root, signed(root), "省科学技术厅评审办公室")
        publicity.start_publicity(root, signed(root), 1, D(2026, 12, 21))
        evidence = root.parent / "举报材料.pdf"
        evidence.write_bytes(b"%PDF-1.4 objection evidence")
        publicity.record_objection(root, signed(root), 1, apps[0], "张某（实名）", D(2026, 12, 22), "有异议。", [evidence])
        received = appeals.receive_appeal(root, signed(root), D(2027, 1, 5), "某大学", "对评分有异议。", round_id=1,
                                          application=apps[0])
        accounts.add_account(accounts.sign_in(root, ADMIN, TEST_PASSWORD), "孙审批", roles="审批人",
                             password=TEST_PASSWORD)
        approver = accounts.sign_in(root, "孙审批", TEST_PASSWORD)
        appeals.accept_appeal(root, approver, received["id"], D(2027, 1, 26))
        stick = root.parent / "U盘"  # the folder the notices were given out on, outside the workspace
        appeals.print_appeal_notice(root, signed(root), received["id"], stick, sign=True)
        appeals.decide_appeal(root, approver, received["id"], D(2027, 2, 1), "维持原评审结果。")
        appeals.print_appeal_notice(root, signed(root), received["id"], stick, sign=True)
        conduct.record_conduct(root, signed(root), 1, members[0], ["present"], 90)
        archive = root.parent / "reviewed.zip"
        export(root, archive)
        yield root, archive, identity.fingerprint, members, apps
    finally:
        keyring.set_keyring(previous)
        close_workspace(root)


def _calendar(archive) -> dict:
    with zipfile.ZipFile(archive) as zf:
        return container.Opened(zf, PASSWORD).json(calendar.CALENDAR)


def test_the_calendar_the_deadlines_used_is_archived_and_each_deadline_counts_again(reviewed):
    _, archive, fingerprint, _, _ = reviewed
    archived = _calendar(archive)
    assert [y["year"] for y in archived["years"]] == [2026, 2027]
    assert archived["years"][1]["notice"] == "国办发明电〔2026〕5号" and archived["years"][1]["days"]
    assert {d["kind"] for d in archived["deadlines"]} >= {"publicity.end", "appeal.acceptance", "appeal.decision"}
    result = verify_archive(archive, PASSWORD, fingerprint=fingerprint)
    assert result["intact"] and result["trusted"], result["problems"]
    assert calendar.problems(archived) == ([], [])


def test_a_changed_calendar_day_or_deadline_is_named():
    archived = {"years": [{"year": 2026, "notice": "通知", "source": "s", "version": "",
                           "days": [["2026-12-31", "放假", "元旦", ""]]}],
                "deadlines": []}
    archived["years"][0]["version"] = calendar.year_hash(2026, [calendar.Day(D(2026, 12, 31), "放假", "元旦", "")],
                                                         "通知")
    counted = calendar.WorkingCalendar([calendar.Year(2026, "通知", "s")],
                                       [calendar.Day(D(2026, 12, 31), "放假", "元旦", "")]).deadline(D(2026, 12, 21), 5)
    archived["deadlines"] = [{"kind": "publicity.end", "target": "round:1", "start": "2026-12-21", "working_days": 5,
                              "due": counted.due.isoformat(), "calendar_version": counted.version,
                              "calendar_years": "2026", "computed_at": ""}]
    assert calendar.problems(archived) == ([], [])
    moved = copy.deepcopy(archived)
    moved["years"][0]["days"][0][0] = "2026-12-24"
    assert any("2026 年的放假安排与其版本号不符" in p for p in calendar.problems(moved)[0])
    late = copy.deepcopy(archived)
    late["deadlines"][0]["due"] = "2026-12-29"
    assert any("按归档的日历应到 2026-12-28，记录为 2026-12-29" in p for p in calendar.problems(late)[0])
    older = copy.deepcopy(archived)
    older["deadlines"][0]["calendar_version"] = "0" * 16
    assert calendar.problems(older)[0] == [] and "较早版本" in calendar.problems(older)[1][0]
    short = copy.deepcopy(archived)
    short["deadlines"][0]["working_days"] = 9
    assert any("无法按归档的日历重算" in p for p in calendar.problems(short)[0])


def test_every_notice_printed_for_the_rounds_appeal_is_archived_and_imported(reviewed, workspace):
    """The appeal's notices were printed to a folder outside the workspace (a USB stick): the workspace kept the
    same files with the round's documents, the archive lists them under documents/round-1/appeals/ and verifies,
    and an import into an empty workspace puts them beside the round's other documents."""
    source, archive, fingerprint, _, _ = reviewed
    given = {p.name: p.read_bytes() for p in (source.parent / "U盘").iterdir()}
    assert {name.split("_")[0] for name in given} == {"申诉（复核申请）受理通知书", "申诉（复核申请）处理决定书"}
    kept = source / "out" / "round-1" / "appeals"
    assert {p.name: p.read_bytes() for p in kept.iterdir()} == given
    with sqlite3.connect(source / "paneldesk.db") as db:  # the log says where each went, with the same digests
        logged = [(action, json.loads(after)["out"], json.loads(after)["sha256"]) for action, after in db.execute(
            "SELECT action, after FROM audit_entry WHERE action LIKE 'documents.appeal_notice%' "
            "AND action NOT LIKE '%.started' ORDER BY id")]
    printed = sorted(given, key=lambda name: "处理决定书" in name)  # the acceptance first, then the decision
    digests = [[hashlib.sha256(given[name]).hexdigest()] for name in printed]
    assert logged == [(action, str(folder.resolve()), digest) for digest in digests for action, folder in (
        ("documents.appeal_notice", kept), ("documents.appeal_notice_copy", source.parent / "U盘"))]
    with zipfile.ZipFile(archive) as zf:
        listed = container.Opened(zf, PASSWORD).by_path
    for name, data in given.items():
        member = listed[f"documents/round-1/appeals/{name}"]
        assert (member["sha256"], member["size"]) == (hashlib.sha256(data).hexdigest(), len(data))
    result = verify_archive(archive, PASSWORD, fingerprint=fingerprint)
    assert result["intact"] and result["trusted"] and result["draw_replayed"], result["problems"]
    done = import_archive(workspace, signed(workspace, "王秘书"), archive, PASSWORD, fingerprint=fingerprint)
    placed = workspace.root / "out" / f"round-{done['round']}" / "appeals"
    assert {p.name: p.read_bytes() for p in placed.iterdir()} == given
    assert {f"appeals/{name}" for name in given} <= set(done["documents"]["files"])


ROWS = ("invitation", "score_entry", "score", "attendance", "post_review_certification", "result_approval",
        "publicity", "objection", "appeal", "expert_conduct", "attachment")


def _counts(root, round_id=None) -> dict[str, int]:
    with sqlite3.connect(root / "paneldesk.db") as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}" + ("" if t == "attachment" or round_id is None
                                                              else f" WHERE round_id = {round_id}")).fetchone()[0]
                for t in ROWS}


def test_the_execution_and_after_review_rows_are_imported_read_only_with_their_attachments(reviewed, workspace):
    source, archive, fingerprint, members, apps = reviewed
    clerk = signed(workspace, "王秘书")
    done = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    imported = _counts(workspace.root, done["round"])
    assert imported == _counts(source, 1) and all(imported[t] for t in ROWS), imported
    assert done["rows"]["objection"] == 1 and done["rows"]["expert_conduct"] == 1
    [objection] = publicity.list_objections(workspace, clerk, done["round"])
    assert objection["objector"] == "张某（实名）" and objection["application"] == apps[0]
    [evidence] = objection["attachments"]
    assert b"".join(workspace.read_blob(evidence)) == b"%PDF-1.4 objection evidence"
    history = conduct.expert_history(workspace, clerk, members[0])
    assert [r["rating"] for r in history["rounds"]] == [90]
    with pytest.raises(UserError, match="已结束"):
        conduct.record_conduct(workspace, clerk, done["round"], members[1], ["present"], 80)
    again = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    assert again["already_imported"] and _counts(workspace.root) == imported


def test_imported_rows_refer_to_the_persons_and_applications_already_here(reviewed, tmp_path):
    """Into a copy of the source workspace itself: every person and application of the rows is merged, none added,
    and each imported score names the same expert and application as the original."""
    source, archive, fingerprint, _, _ = reviewed
    target = tmp_path / "copy"
    shutil.copytree(source, target)
    try:
        clerk = signed(target, "王秘书")
        with sqlite3.connect(target / "paneldesk.db") as db:
            persons, applications = (db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                     for t in ("person", "application"))
        done = import_archive(target, clerk, archive, PASSWORD, fingerprint=fingerprint)
        query = ("SELECT p.id_number, a.number, s.value FROM score s JOIN person p ON p.id = s.person_id "
                 "JOIN application a ON a.id = s.application_id WHERE s.round_id = ? ORDER BY 1, 2")
        with sqlite3.connect(target / "paneldesk.db") as db:
            assert [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("person", "application")] \
                == [persons, applications]
            assert db.execute(query, (done["round"],)).fetchall() == db.execute(query, (1,)).fetchall()
        assert done["persons"]["new"] == done["applications"]["new"] == 0
    finally:
        close_workspace(target)


def _deadlines(root, round_id: int) -> list[tuple]:
    """The round's deadlines and its appeals' (each appeal by its appellant), as the dashboard reads them."""
    with sqlite3.connect(root / "paneldesk.db") as db:
        return db.execute(
            "SELECT d.kind, coalesce(a.appellant, ''), d.start, d.working_days, d.due, d.calendar_version, "
            "d.calendar_years FROM deadline d LEFT JOIN appeal a ON d.target = 'appeal:' || a.id "
            "WHERE d.target = ? OR a.round_id = ? ORDER BY d.kind, d.start", (f"round:{round_id}", round_id)).fetchall()


def test_the_deadlines_are_imported_with_their_calendar_versions_and_stay_read_only(reviewed, workspace):
    """Each deadline of the round and of its appeal becomes a row of the imported round and appeal, counted on the
    calendar version it was counted on; the imported appeal is not due here and cannot be moved, and a second import
    adds no deadline."""
    source, archive, fingerprint, _, _ = reviewed
    clerk = signed(workspace, "王秘书")
    done = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    imported = _deadlines(workspace.root, done["round"])
    assert imported == _deadlines(source, 1) and {row[0] for row in imported} >= {
        "publicity.end", "appeal.acceptance", "appeal.decision"}
    assert done["rows"]["deadline"] == len(imported)
    assert done["calendar_years"] == [2027]  # counted on a year this workspace had not entered: it came with them
    assert [i for i in due.due_items(workspace, clerk, D(2027, 6, 1)) if i["round"] == done["round"]] == []
    [appeal] = [a for a in appeals.list_appeals(workspace, clerk) if a["round"] == done["round"]]
    with pytest.raises(UserError, match="从归档导入的评审轮次"):
        appeals.decide_appeal(workspace, signed(workspace, "孙审批"), appeal["id"], D(2027, 2, 1), "维持原评审结果。")
    import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    assert _deadlines(workspace.root, done["round"]) == imported


def test_an_imported_round_exported_again_carries_its_deadlines_and_they_count_again(reviewed, workspace, tmp_path):
    """The importing workspace's own archive of the imported round holds the same deadlines, and each counts again
    on the calendar it archives (nothing of the import's deadlines is lost or changed on the way on)."""
    _, archive, fingerprint, _, _ = reviewed
    clerk = signed(workspace, "王秘书")
    done = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    signing.create_identity(workspace.root, clerk, "另一评审办公室")
    again = tmp_path / "again.zip"
    export_round(workspace, clerk, done["round"], again, PASSWORD, app_version=__version__)
    moved = _calendar(again)
    keys = ("kind", "start", "working_days", "due", "calendar_version", "calendar_years")
    assert sorted(tuple(d[k] for k in keys) for d in moved["deadlines"]) == sorted(
        tuple(d[k] for k in keys) for d in _calendar(archive)["deadlines"])
    assert calendar.problems(moved) == ([], [])
