"""CONFIDENTIAL: what PanelDesk writes names people, so only the user running it may read it, and no traceback or
log line carries an ID number."""

import logging
import os
import stat

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.services import signing
from desktop.store.engine import DB_NAME
from desktop.store.workspace import close_workspace, open_workspace
from tests.conftest import signed

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_workspace_database_folders_and_identity_are_private(tmp_path, loose_umask):
    root = tmp_path / "ws"
    try:
        open_workspace(root, create=True)
        signing.create_identity(root, signed(root, "王秘书"), "省科学技术厅评审办公室")
        made = [root / DB_NAME, *root.glob(DB_NAME + "-*"), *root.glob("signing/*")]
        assert {p.name: mode(p) for p in made if p.is_file()} == {p.name: 0o600 for p in made if p.is_file()}
        assert len([p for p in made if p.suffix == ".p12"]) == 1 and (root / f"{DB_NAME}-wal").exists()
        assert {p.name: mode(p) for p in (root, root / "blobs", root / "out", root / "signing")} == {
            "ws": 0o700, "blobs": 0o700, "out": 0o700, "signing": 0o700}
    finally:
        close_workspace(root)


def test_a_workspace_made_before_gets_its_database_tightened(tmp_path):
    root = tmp_path / "ws"
    open_workspace(root, create=True)
    close_workspace(root)
    os.chmod(root / DB_NAME, 0o644)
    open_workspace(root)
    close_workspace(root)
    assert mode(root / DB_NAME) == 0o600


def test_the_window_log_is_private(tmp_path, loose_umask):
    from desktop.ui import errors
    errors.log_to(tmp_path)
    logging.getLogger("paneldesk.test").warning("written")
    assert mode(tmp_path / errors.LOG_NAME) == 0o600


def test_a_failed_statement_does_not_show_its_parameters(workspace):
    number = "110101197508082078"
    with pytest.raises(IntegrityError) as failed, workspace.session() as session:
        session.execute(text("INSERT INTO person (id_number, name) VALUES (:n, NULL)"), {"n": number})
        session.execute(text("INSERT INTO person (id_number, name) VALUES (:n, NULL)"), {"n": number})
    assert number not in str(failed.value) and "hidden" in str(failed.value)


def test_an_archive_and_a_backup_are_their_users_alone(demo_workspace, tmp_path, loose_umask):
    """Both carry the whole round (names, ID numbers, recordings), sealed, but a sealed file is still nobody else's
    to read or copy: the USB stick may be mounted for several users."""
    from desktop.services import backup
    from tests.archive.conftest import drawn_round, export
    drawn_round(demo_workspace)
    archive = tmp_path / "usb" / "round-1.zip"
    export(demo_workspace, archive)
    backup.backup_workspace(demo_workspace, signed(demo_workspace, "王秘书"), tmp_path / "usb" / "备份",
                            "backup-password")
    written = [path for path in (tmp_path / "usb").rglob("*") if path.is_file()]
    assert archive in written and len(written) > 3
    assert {path.name: mode(path) for path in written} == {path.name: 0o600 for path in written}
