"""Backups: a workspace backed up, deleted and restored verifies clean; a changed backup restores nothing."""

import json
import shutil

import pytest

from desktop.cli import main
from desktop.services import audit_log, backup
from desktop.store.workspace import close_workspace, open_workspace
from tests.conftest import signed

PASSWORD = "backup-password"


def test_backup_delete_restore_and_the_audit_verifies_clean(demo_workspace, tmp_path, monkeypatch, capsys):
    root = demo_workspace
    blob = open_workspace(root).write_blob([b"a call recording"])
    monkeypatch.setenv("PANELDESK_BACKUP_PASSWORD", PASSWORD)
    stick = tmp_path / "usb"
    assert main(["--workspace", str(root), "--operator", "王秘书", "backup", "--out", str(stick), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["new_blobs"] == 1 and first["files"] >= 2
    second = backup.backup_workspace(root, signed(root, "王秘书"), stick, PASSWORD)
    assert second["new_blobs"] == 0 and second["snapshot"] != first["snapshot"]  # blobs copied once, by name
    entries_before = audit_log.verify_log(root, signed(root, "审计员")).entries

    close_workspace(root)
    shutil.rmtree(root)
    assert main(["--workspace", str(root), "restore", "--from", str(stick), "--json"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert restored["snapshot"] == second["snapshot"] and restored["kept"] is None
    verification = audit_log.verify_log(root, signed(root, "审计员"))
    assert verification.intact and verification.entries >= entries_before - 1, verification.summary()
    assert b"".join(open_workspace(root).read_blob(blob)) == b"a call recording"


def test_a_changed_backup_restores_nothing_and_leaves_the_workspace_as_it_was(demo_workspace, tmp_path):
    root = demo_workspace
    stick = tmp_path / "usb"
    made = backup.backup_workspace(root, signed(root, "王秘书"), stick, PASSWORD)
    sealed = stick / "snapshots" / made["snapshot"] / "paneldesk.db.sealed"
    data = bytearray(sealed.read_bytes())
    data[len(data) // 2] ^= 0x01
    sealed.write_bytes(bytes(data))
    before = sorted(p.name for p in root.iterdir())
    with pytest.raises(backup.BackupProblem, match="没有恢复任何内容.*paneldesk.db"):
        backup.restore_backup(stick, root, PASSWORD)
    with pytest.raises(backup.BackupProblem, match="备份口令不对"):
        backup.restore_backup(stick, root, "another-password")
    assert sorted(p.name for p in root.iterdir()) == before and not list(tmp_path.glob(".*restoring"))
    with pytest.raises(backup.BackupProblem, match="不是 PanelDesk 工作区且不是空文件夹"):
        backup.restore_backup(stick, tmp_path, PASSWORD)  # a folder of other things is never renamed away


def test_restoring_over_a_workspace_keeps_the_old_one_renamed(demo_workspace, tmp_path):
    root = demo_workspace
    stick = tmp_path / "usb"
    backup.backup_workspace(root, signed(root, "王秘书"), stick, PASSWORD)
    done = backup.restore_backup(stick, root, PASSWORD)
    assert done["kept"] and (tmp_path / done["kept"]).joinpath("paneldesk.db").exists()
    assert audit_log.verify_log(root, signed(root, "审计员")).intact


def test_a_cancelled_restore_replaces_nothing_and_its_progress_covers_checking_and_writing(demo_workspace, tmp_path):
    root = demo_workspace
    stick = tmp_path / "usb"
    made = backup.backup_workspace(root, signed(root, "王秘书"), stick, PASSWORD)
    described = backup.describe_backup(stick, PASSWORD)
    assert described["snapshot"] == made["snapshot"] and described["files"] == made["files"]
    assert described["signer"] is None and described["created_by"] == "王秘书"  # no identity: unsigned
    heard: list[tuple[int, int]] = []
    done = backup.restore_backup(tmp_path / "usb", tmp_path / "restored", PASSWORD,
                                 progress=lambda n, total, _path: heard.append((n, total)))
    assert heard[0] == (0, 2 * done["files"]) and heard[-1] == (2 * done["files"] - 1, 2 * done["files"])
    before = sorted(p.name for p in root.iterdir())
    asked = []
    with pytest.raises(backup.RestoreCancelled, match="没有任何改动"):
        backup.restore_backup(stick, root, PASSWORD,  # stopped after the check, at the first file written
                              cancelled=lambda: len(asked) >= made["files"] or bool(asked.append(1)))
    assert sorted(p.name for p in root.iterdir()) == before and not list(tmp_path.glob(".*restoring"))
    assert not list(tmp_path.glob("*before-restore*"))
    close_workspace(tmp_path / "restored")
