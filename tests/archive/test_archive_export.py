"""Exporting a round: an interrupted or cancelled export leaves no file under the final name and no audit entry;
an export without a signing identity or with a short password is refused before anything is written; a pool changed
outside PanelDesk, or changed while the processes beside the export read it, is not archived."""

import json
import os
import sqlite3

import pytest

from desktop.domain.errors import RuleError, UserError
from desktop.services import draws, rounds
from desktop.services.archive.beside import Beside, WorkspaceChanged
from desktop.services.archive.export import ExportCancelled, export_round
from desktop.services.archive.sections.audit import head
from desktop.services.audit import entries
from desktop.services.signing import SigningError
from desktop.services.uow import reading
from desktop.store.workspace import close_workspace, open_workspace
from reports.files import temp_path
from tests.archive.conftest import drawn_round, export
from tests.conftest import signed


def _exports(root) -> list:
    return [e for e in entries(open_workspace(root).session()) if e.action == "archive.export"]


@pytest.fixture
def drawn(demo_workspace):
    return demo_workspace, drawn_round(demo_workspace)


def test_a_cancelled_export_leaves_nothing(drawn, tmp_path):
    root, _ = drawn
    out = tmp_path / "out" / "round-1.zip"
    seen = []
    with pytest.raises(ExportCancelled):
        export(root, out, progress=lambda done, total, what: seen.append(what), cancelled=lambda: len(seen) > 3)
    assert not out.exists() and list(out.parent.iterdir()) == [] and not _exports(root)


def test_an_export_interrupted_half_way_leaves_nothing(drawn, tmp_path):
    root, _ = drawn
    out = tmp_path / "usb" / "round-1.zip"

    def interrupt(done, total, what):
        if what.startswith("documents/"):
            raise KeyboardInterrupt  # Ctrl+C, a closed window: whatever stops the writer half way
    with pytest.raises(KeyboardInterrupt):
        export(root, out, progress=interrupt)
    assert list(out.parent.iterdir()) == [] and not _exports(root)
    export(root, out)  # and the next export is whole
    assert out.exists() and json.loads(_exports(root)[0].after)["file"] == "round-1.zip"


def test_refused_without_a_signing_identity_or_with_a_short_password(demo_workspace, tmp_path):
    root = demo_workspace
    draws.draw_round(root, signed(root, "王秘书"), 1, witness=signed(root, "李监督"), witness_digits="482913")
    with pytest.raises(SigningError, match="签名身份"):
        export(root, tmp_path / "usb" / "a.zip")
    with pytest.raises(UserError, match="至少须有"):
        export_round(root, signed(root, "王秘书"), 1, tmp_path / "usb" / "a.zip", "short", app_version="0")
    assert not (tmp_path / "usb").exists() and not _exports(root)


@pytest.mark.parametrize("sql", [
    "UPDATE draw_commitment SET candidates_hash = '" + "0" * 64 + "'",
    "UPDATE draw_member SET reserve = 1 - reserve WHERE position = 0",
    "DELETE FROM exclusion", "DELETE FROM draw_member",  # the round's groups named by its draws and panels
    "DELETE FROM panel_application WHERE panel_id = (SELECT min(id) FROM panel)",
    # a panel application moved into the round from another panel: checked in the group of the panel it names
    "INSERT INTO panel_application (panel_id, application_id, round_id) VALUES (999, 99999, 1)",
    # a pool row: read and digested by the processes beside the export, checked before anything is signed
    "UPDATE relation SET to_year = 1999 WHERE id = (SELECT min(id) FROM relation)"])
def test_records_changed_outside_paneldesk_are_not_archived(drawn, tmp_path, sql):
    """The round's draw records (the commitment's candidates hash is what a replay on a pool changed since the draw
    relies on), its panels' applications and the pool: changed in the database by hand, the export refuses
    (TAMPER_EVIDENT) rather than sign them, and leaves nothing in the folder."""
    root, _ = drawn
    close_workspace(root)
    with sqlite3.connect(root / "paneldesk.db") as db:
        db.execute(sql)
    with pytest.raises(RuleError, match="在 PanelDesk 之外被改动") as refused:
        export(root, tmp_path / "usb" / "round-1.zip")
    assert refused.value.code == "TAMPER_EVIDENT"
    assert list((tmp_path / "usb").iterdir()) == []


def test_a_pool_value_an_archive_cannot_carry_is_refused_by_name(drawn, tmp_path):
    root, _ = drawn
    close_workspace(root)
    with sqlite3.connect(root / "paneldesk.db") as db:
        db.execute("UPDATE relation SET note = x'00ff' WHERE id = (SELECT min(id) FROM relation)")
    with pytest.raises(UserError, match="表 relation 中有无法存入归档的值"):
        export(root, tmp_path / "usb" / "round-1.zip")
    assert list((tmp_path / "usb").iterdir()) == []


def test_a_change_made_while_the_pool_is_read_refuses_the_export(drawn, tmp_path):
    """The processes reading the pool have transactions of their own: one that saw another head of the audit chain
    than the export's read another state of the workspace, and the archive would mix the two."""
    root, _ = drawn
    workspace = open_workspace(root)
    with reading(workspace) as session:
        before = head(session)
    rounds.edit_round(root, signed(root, "王秘书"), 1, venue="省科技会堂二楼")  # committed after the export's read began
    folder = tmp_path / "usb"
    folder.mkdir()
    with Beside(workspace.db_path, workspace.key, os.urandom(32), folder, before) as beside:
        beside.start({"relation": 1, "person": 1})
        with pytest.raises(WorkspaceChanged, match="重新导出"):
            beside.take("relation")
    assert list(folder.iterdir()) == []


def test_a_pool_process_that_dies_is_an_error_not_a_hang(drawn, tmp_path):
    root, _ = drawn
    workspace = open_workspace(root)
    with reading(workspace) as session:
        now = head(session)
    with Beside(workspace.db_path, workspace.key, os.urandom(32), tmp_path, now) as beside:
        beside.start({"relation": 1})
        process, _pipe, _tables = beside.running[0]
        process.kill()
        with pytest.raises(UserError, match="后台进程意外结束"):
            beside.take("relation")


def test_a_pool_file_that_cannot_be_written_is_said_so(drawn, tmp_path):
    root, _ = drawn
    workspace = open_workspace(root)
    with reading(workspace) as session:
        now = head(session)
    folder = tmp_path / "usb"
    folder.mkdir()
    temp_path(folder / "pool-relation.sealed").symlink_to(tmp_path / "pulled-out" / "stick")
    with Beside(workspace.db_path, workspace.key, os.urandom(32), folder, now) as beside:
        beside.start({"relation": 1})
        with pytest.raises(UserError, match=f"导出时无法写入临时文件 {folder}"):
            beside.take("relation")
    assert list(folder.iterdir()) == []
