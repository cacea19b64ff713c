"""A backup folder handled by someone else (a USB stick passed around): files swapped, added, linked elsewhere, an
older snapshot renamed to pass for the latest, a manifest whose paths leave the workspace; and a restore killed half
way. Nothing is restored from a backup that does not check, and nothing of the workspace is ever lost."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from desktop.services import audit_log, backup
from desktop.store.workspace import open_workspace
from tests.conftest import signed

PASSWORD = "backup-password"


@pytest.fixture
def stick(demo_workspace, tmp_path):
    folder = tmp_path / "usb"
    open_workspace(demo_workspace).write_blob([b"a call recording"])
    made = backup.backup_workspace(demo_workspace, signed(demo_workspace, "王秘书"), folder, PASSWORD)
    return folder, folder / "snapshots" / made["snapshot"]


def _untouched(root, before):
    assert sorted(p.name for p in root.iterdir()) == before
    assert not list(root.parent.glob(".*restoring"))


def test_two_files_of_a_snapshot_swapped_restore_nothing(demo_workspace, stick):
    folder, snapshot = stick
    first, second = snapshot / "paneldesk.db.sealed", next((folder / "blobs").iterdir())  # both sealed, one key
    first_bytes = first.read_bytes()
    first.write_bytes(second.read_bytes())
    second.write_bytes(first_bytes)
    before = sorted(p.name for p in demo_workspace.iterdir())
    with pytest.raises(backup.BackupProblem, match="与备份清单不符"):
        backup.restore_backup(folder, demo_workspace, PASSWORD)
    _untouched(demo_workspace, before)


def test_an_extra_file_in_a_snapshot_is_not_restored(demo_workspace, stick):
    folder, snapshot = stick
    (snapshot / "999999.sealed").write_bytes(b"planted")
    (folder / "blobs" / "planted").write_bytes(b"planted")
    done = backup.restore_backup(folder, demo_workspace, PASSWORD)
    assert not any(p.name in ("planted", "999999.sealed") for p in demo_workspace.rglob("*"))
    assert done["kept"] and audit_log.verify_log(demo_workspace, signed(demo_workspace, "审计员")).intact


def test_a_snapshot_file_replaced_by_a_symbolic_link_is_refused(demo_workspace, stick, tmp_path):
    folder, snapshot = stick
    elsewhere = tmp_path / "elsewhere.sealed"
    shutil.move(snapshot / "paneldesk.db.sealed", elsewhere)  # the genuine bytes, reached through a link
    (snapshot / "paneldesk.db.sealed").symlink_to(elsewhere)
    before = sorted(p.name for p in demo_workspace.iterdir())
    with pytest.raises(backup.BackupProblem, match="不是普通文件"):
        backup.restore_backup(folder, demo_workspace, PASSWORD)
    _untouched(demo_workspace, before)


def test_an_older_snapshot_renamed_to_pass_for_the_latest_is_refused(demo_workspace, stick, tmp_path):
    folder, older = stick
    later = backup.backup_workspace(demo_workspace, signed(demo_workspace, "王秘书"), folder, PASSWORD)["snapshot"]
    newest = folder / "snapshots" / later
    shutil.rmtree(newest)
    older.rename(newest)
    with pytest.raises(backup.BackupProblem, match="被改名或调换"):
        backup.restore_backup(folder, demo_workspace, PASSWORD)


def _forge_manifest(folder, snapshot, change) -> None:
    """Rewrite the snapshot's sealed manifest (as someone holding the backup password could)."""
    key = backup._key(folder, PASSWORD, create=False)
    manifest = backup._manifest(folder, key, snapshot.name)
    change(manifest)
    backup._seal_to(snapshot / backup.MANIFEST, (json.dumps(manifest).encode("utf-8"),), key)


@pytest.mark.parametrize("field, value", [("path", "../escaped"), ("path", "/tmp/escaped"), ("path", "out/../../x"),
                                          ("stored", "../../outside.sealed"), ("stored", "/etc/passwd")])
def test_a_manifest_pointing_outside_writes_and_reads_nothing(demo_workspace, stick, field, value):
    folder, snapshot = stick

    def change(manifest):
        manifest["files"][-1][field] = value
    _forge_manifest(folder, snapshot, change)
    before = sorted(p.name for p in demo_workspace.iterdir())
    with pytest.raises(backup.BackupProblem, match="没有恢复任何内容"):
        backup.restore_backup(folder, demo_workspace, PASSWORD)
    _untouched(demo_workspace, before)
    assert not (demo_workspace.parent / "escaped").exists()


def test_a_restore_killed_half_way_loses_nothing_and_the_next_one_completes(demo_workspace, tmp_path):
    """kill -9 while the restored copy is being written: the workspace stays where it was; the next restore
    removes the half-written copy and completes, keeping the old workspace renamed."""
    root = demo_workspace
    open_workspace(root).write_blob([os.urandom(1024 * 1024)] * 48)  # a restore that takes a moment
    folder = tmp_path / "usb"
    backup.backup_workspace(root, signed(root, "王秘书"), folder, PASSWORD)
    entries = audit_log.verify_log(root, signed(root, "审计员")).entries
    building = root.with_name(f".{root.name}.restoring")
    code = (f"import sys; from desktop.cli import main; "
            f"sys.exit(main(['--workspace', {str(root)!r}, 'restore', '--from', {str(folder)!r}, '--json']))")
    child = subprocess.Popen([sys.executable, "-c", code], env=os.environ | {"PANELDESK_BACKUP_PASSWORD": PASSWORD},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not building.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert building.exists(), "the restore ended before it could be interrupted"
    assert (root / "paneldesk.db").exists()  # the workspace is where it was
    done = backup.restore_backup(folder, root, PASSWORD)
    assert done["kept"] and not building.exists()
    assert audit_log.verify_log(root, signed(root, "审计员")).entries >= entries - 1  # less the first verify's own
    assert (tmp_path / done["kept"]).joinpath("paneldesk.db").exists()


def test_a_backup_header_asking_for_an_absurd_key_derivation_is_refused_at_once(demo_workspace, stick):
    folder, _ = stick
    header = folder / backup.HEADER
    fields = json.loads(header.read_text(encoding="utf-8"))
    fields["kdf"]["memory_cost"] = 2 ** 31  # KiB: two TiB, before the check value could say the password is wrong
    header.write_text(json.dumps(fields), encoding="utf-8")
    with pytest.raises(backup.BackupProblem, match="密钥派生参数 memory_cost"):
        backup.restore_backup(folder, demo_workspace, PASSWORD)
