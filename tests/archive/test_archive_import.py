"""Importing a round archive into another workspace: verified first, the round closed (read-only), persons merged by
ID number and organisations by credit code with differences reported, its generated documents written where its
letters are listed from, and a second import merging nothing."""

import json
import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from desktop.cli import main
from desktop.services import catalogue, draws, rounds, signing, ui_queries
from desktop.services.rounds import RoundRef
from reports.trust import Trust
from desktop.services.archive.importing import ArchiveRefused, import_archive
from desktop.domain.errors import UserError
from tests.archive.conftest import AGAIN, PASSWORD
from tests.conftest import signed


def _count(root, table: str) -> int:
    with sqlite3.connect(root / "paneldesk.db") as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_an_archive_imported_into_an_empty_workspace_and_again(made, workspace):
    _, archive, fingerprint = made
    clerk = signed(workspace, "王秘书")
    first = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    assert not first["already_imported"] and first["persons"]["new"] > 0 and first["persons"]["merged"] == 0
    shown = rounds.show_round(workspace, clerk, first["round"])
    assert shown.state == "closed" and shown.panels
    with pytest.raises(UserError, match="已结束"):
        rounds.edit_round(workspace, clerk, first["round"], name="改名")
    counts = {t: _count(workspace.root, t) for t in ("person", "organisation", "application", "draw", "draw_member")}
    again = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    assert again["already_imported"] and again["round"] == first["round"]
    assert {t: _count(workspace.root, t) for t in counts} == counts
    assert len(rounds.list_rounds(workspace, clerk)) == 1


def test_persons_and_organisations_merge_by_their_numbers_and_differences_are_reported(made, demo_workspace):
    root, archive, fingerprint = made
    target = demo_workspace  # the same pool: every person and organisation of the round is already there
    clerk = signed(target, "王秘书")
    data = rounds.show_round(target, clerk, 1).panels[0]  # a panel and its applications
    with sqlite3.connect(target / "paneldesk.db") as db:
        code = db.execute("SELECT o.credit_code FROM application a JOIN organisation o ON o.id = a.applicant_org_id "
                          "WHERE a.number = ?", (data["applications"][0],)).fetchone()[0]
    catalogue.edit_organisation(target, clerk, code, name="改过名的单位")
    before = {t: _count(target, t) for t in ("person", "organisation", "application")}
    done = import_archive(target, clerk, archive, PASSWORD, fingerprint=fingerprint)
    assert done["persons"]["new"] == done["organisations"]["new"] == done["applications"]["new"] == 0
    assert {t: _count(target, t) for t in before} == before  # no duplicates
    assert any(code in d and "改过名的单位" in d and "保留本库的" in d for d in done["differences"])
    assert rounds.show_round(target, clerk, done["round"]).name.endswith("（归档导入）")


def test_an_archive_that_does_not_verify_imports_nothing(made, workspace):
    _, archive, fingerprint = made
    clerk = signed(workspace, "王秘书")
    with pytest.raises(ArchiveRefused, match="不是所给的可信证书或指纹"):
        import_archive(workspace, clerk, archive, PASSWORD, fingerprint="BB" * 32)
    assert rounds.list_rounds(workspace, clerk) == [] and _count(workspace.root, "person") == 0


def test_a_person_known_here_under_another_name_keeps_it_and_the_difference_is_named(made, demo_workspace):
    """The same ID number, another name and phone here: nothing of this workspace's is overwritten, each
    difference is reported, and the drawn expert is the person already here (no second person)."""
    root, archive, fingerprint = made
    target = demo_workspace
    clerk = signed(target, "王秘书")
    with sqlite3.connect(root / "paneldesk.db") as db:
        id_number, name = db.execute("SELECT p.id_number, p.name FROM draw_member m JOIN person p "
                                     "ON p.id = m.person_id ORDER BY p.id_number LIMIT 1").fetchone()
    catalogue.edit_expert(target, clerk, id_number, mobile="13900000000")
    with sqlite3.connect(target / "paneldesk.db") as db:  # registered here under another name (say, before a change)
        db.execute("UPDATE person SET name = '另一个名字' WHERE id_number = ?", (id_number,))
    done = import_archive(target, clerk, archive, PASSWORD, fingerprint=fingerprint)
    about = [d for d in done["differences"] if id_number[-4:] in d]
    assert any("姓名本库为「另一个名字」" in d and f"归档为「{name}」" in d for d in about), done["differences"]
    assert any("手机本库为「13900000000」" in d for d in about), done["differences"]
    with sqlite3.connect(target / "paneldesk.db") as db:
        assert db.execute("SELECT name, mobile FROM person WHERE id_number = ?", (id_number,)).fetchall() == [
            ("另一个名字", "13900000000")]


def test_another_export_of_the_same_round_is_not_imported_a_second_time(made, workspace):
    root, archive, fingerprint = made
    clerk = signed(workspace, "王秘书")
    first = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    counts = {t: _count(workspace.root, t) for t in ("person", "review_round", "draw", "draw_member")}
    again = import_archive(workspace, clerk, root.parent / AGAIN, PASSWORD, fingerprint=fingerprint)
    assert again["already_imported"] and not again["same_file"] and again["round"] == first["round"]
    assert again["earlier_file"] == archive.name
    assert {t: _count(workspace.root, t) for t in counts} == counts


def test_the_generated_documents_come_with_the_round_and_verify_as_the_imports_own(made, workspace, capsys):
    """The signed letters the round's workspace generated are written into out/round-N/ here, listed as the letters
    step lists them (by kind, from the log), byte for byte the originals; `verify` in this workspace finds each
    intact and trusted (its import confirmed the signer's fingerprint); elsewhere, or changed, it is not."""
    root, archive, fingerprint = made
    clerk = signed(workspace, "王秘书")
    done = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    ref = RoundRef(workspace.root.resolve(), done["round"])
    letters = ui_queries.round_documents(workspace, clerk, ref, "letters", draws.latest_draw(workspace, clerk, ref).at)
    originals = sorted((root / "out" / "round-1").glob("*.pdf"))
    assert len(letters) == len(originals) > 0 and ui_queries.round_documents(workspace, clerk, ref, "score_sheet") == []
    assert {p.parent for p in letters} == {workspace.root / "out" / f"round-{done['round']}"}
    assert sorted(p.read_bytes() for p in letters) == sorted(p.read_bytes() for p in originals)

    code = main(["--workspace", str(workspace.root), "--operator", "王秘书", "verify", str(letters[0]), "--json"])
    shown = json.loads(capsys.readouterr().out)
    assert code == 0 and shown["intact"] and shown["trusted"] and shown["fingerprint"] == fingerprint, shown
    alone = signing.verify_file(letters[0], signing.published_trust())
    assert alone.intact and not alone.trusted
    changed = workspace.root / "changed.pdf"
    changed.write_bytes(letters[0].read_bytes().replace(b"/Producer", b"/Pro-ucer", 1))
    assert not signing.verify_file(changed, signing.workspace_trust(workspace, clerk)).intact

    again = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    assert again["already_imported"] and sorted((workspace.root / "out").iterdir()) == [
        workspace.root / "out" / f"round-{done['round']}"]


def test_the_signer_of_an_imported_archive_vouches_for_no_document_the_import_did_not_bring(made, workspace):
    """Trusted for the files its import wrote, which the log records, and for no other document signed with that
    key (the other office's key may sign anything)."""
    root, archive, fingerprint = made
    clerk = signed(workspace, "王秘书")
    import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    trust = signing.workspace_trust(workspace, clerk)
    assert [i.fingerprint for i in trust.identities if i.imported] == [fingerprint]
    letter = next((root / "out" / "round-1").glob("*.pdf"))
    unknown = Trust(trust.identities, frozenset(), trust.source)
    result = signing.verify_file(letter, unknown)
    assert result.intact and not result.trusted and "只为随归档导入本工作区的文件作证" in result.problem


def test_the_command_line_import_says_what_documents_and_deadlines_came(made, workspace, monkeypatch, capsys):
    _, archive, fingerprint = made
    monkeypatch.setenv("PANELDESK_ARCHIVE_PASSWORD", PASSWORD)
    code = main(["--workspace", str(workspace.root), "--operator", "王秘书", "archive", "import", str(archive),
                 "--fingerprint", fingerprint])
    out = capsys.readouterr().out
    letters = sorted((workspace.root / "out" / "round-1").glob("*.pdf"))
    assert code == 0 and letters and f"生成的文书 {len(letters)} 份已写入 {workspace.root / 'out' / 'round-1'}" in out
    assert "期限 0 条" in out, out


def test_an_import_whose_commit_fails_leaves_no_document_behind(made, workspace):
    """The database refuses the import's last write, the checkpoint of its audit entry, as the commit flushes it
    (a trigger here; a full disk or a broken file there): the documents already renamed into out/round-N/ go with
    the rollback, so no later round given that number finds a folder filled by an import that never happened, and
    the same import goes through once the database takes it."""
    _, archive, fingerprint = made
    clerk = signed(workspace, "王秘书")
    out = workspace.root / "out"
    with sqlite3.connect(workspace.root / "paneldesk.db") as db:
        db.execute("CREATE TRIGGER refuse_import BEFORE INSERT ON audit_checkpoint WHEN (SELECT action FROM "
                   "audit_entry ORDER BY id DESC LIMIT 1) = 'archive.import' "
                   "BEGIN SELECT RAISE(ABORT, 'no checkpoint for the import'); END")
    with pytest.raises(IntegrityError, match="no checkpoint for the import"):
        import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    assert not out.exists() or list(out.iterdir()) == []  # no round folder, no half-written one
    assert _count(workspace.root, "archived_round") == _count(workspace.root, "review_round") == 0
    with sqlite3.connect(workspace.root / "paneldesk.db") as db:
        db.execute("DROP TRIGGER refuse_import")
    done = import_archive(workspace, clerk, archive, PASSWORD, fingerprint=fingerprint)
    assert sorted(out.iterdir()) == [out / f"round-{done['round']}"] and any(out.rglob("*.pdf"))


@pytest.mark.parametrize("path", ["../x.pdf", "letters/../../x.pdf", "a/D:/x.pdf", "C:x.pdf", "a\\..\\x.pdf",
                                  "letters/x.pdf:stream", "letters/CON.pdf", "letters/nul", "letters//x.pdf",
                                  "letters/x.pdf.", "letters/ x.pdf", "letters/\u202ex.pdf", "letters/x\x00.pdf"])
def test_a_document_path_that_is_not_plain_names_imports_nothing(path):
    """Each part of a document's path must be a name as PanelDesk makes them, or the import writes nothing: a drive
    in the middle (a/D:/x.pdf joins to D:x.pdf on Windows), a stream, a device, a bidi override."""
    from desktop.domain.errors import UserError
    from desktop.services.archive.imported_documents import archived_documents
    good = "documents/round-1/letters/承诺书_第1组_张三.pdf"
    assert archived_documents([good], 1) == ["letters/承诺书_第1组_张三.pdf"]
    with pytest.raises(UserError, match="指向轮次文件夹之外"):
        archived_documents([good, f"documents/round-1/{path}"], 1)
