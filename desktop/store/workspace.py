"""A workspace: the folder that holds one secretariat's data.

``paneldesk.db`` (SQLite), ``blobs/`` (content-addressed attachments, never overwritten) and ``out/`` (generated
PDFs). One engine per folder per process, so the GUI and a worker share the connection pool and its pragmas.

A workspace with a data key (keys.json, desktop.store.keyslots) is opened with that key: the database through
SQLCipher and blobs/ sealed with AES-GCM. The first open with a key of a plain workspace encrypts it in place
(desktop.store.conversion); a plain database is opened without a key, so a conversion killed half way leaves a
workspace that still opens. Once opened with its key, the workspace stays open in this process for the services.

A folder or database file without write permission (an archived copy) opens read-only: it can be listed and its
audit verified, and every change is refused before it starts (``read_only``). Writable workspaces get the row
digests' triggers on each connection (desktop.store.digests).

While ``held_at`` holds a folder, its workspace opens migrated no further than the given revision: the one way to
work on a workspace whose next migration refuses (desktop.store.duplicates), with the accounts and the audit log of
that schema, before the migration is tried again.
"""

from __future__ import annotations

import os
import stat
import threading
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event
from sqlmodel import Session

from collections.abc import Iterable, Iterator

from desktop.store import blobs, conversion, digests, keyslots
from desktop.store.cipher import KeyRequired, is_encrypted_file
from desktop.store.engine import DB_NAME, open_engine
from desktop.domain.errors import UserError


PRIVATE_FILE = 0o600    # the data names people: only the user who runs PanelDesk may read it
PRIVATE_FOLDER = 0o700


class WorkspaceMissing(UserError):
    """The folder holds no workspace and the caller did not ask to create one."""


class Workspace:
    def __init__(self, root: Path, engine: Engine, read_only: bool = False, key: bytes | None = None):
        self.root = root
        self.engine = engine
        self.read_only = read_only
        self.key = key  # the data key of an encrypted workspace; None for a plain one
        self.digested = False  # set once the services have made sure every data table has its digests

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    @property
    def out(self) -> Path:
        return self.root / "out"

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def write_blob(self, chunks: Iterable[bytes]) -> str:
        """Store a stream of bytes under blobs/ (encrypted in an encrypted workspace); its name."""
        return blobs.write(self.blobs, chunks, self.key)

    def read_blob(self, name: str) -> Iterator[bytes]:
        return blobs.read(self.blobs / name, self.key)


_open: dict[Path, Workspace] = {}
_held: dict[Path, str] = {}  # folder → the revision its workspace is opened at, while held_at holds it
_lock = threading.Lock()


def _not_writable(path: Path) -> bool:
    """No write permission for us, or none for anyone (what a read-only copy or attribute looks like even to an
    administrator, whom the permission check alone would let through)."""
    return not os.access(path, os.W_OK) or not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def is_read_only(root: Path) -> bool:
    db = Path(root) / DB_NAME
    return db.exists() and (_not_writable(db) or _not_writable(Path(root)))


def open_workspace(root: Path, *, key: bytes | None = None, create: bool = False) -> Workspace:
    """The workspace in ``root``, migrated to the current schema; with ``create``, made if missing. ``key`` is the
    data key of an encrypted workspace (or of one to encrypt: keys.json must hold it); a plain workspace given a key
    is encrypted in place first. An encrypted workspace without its key is a KeyRequired, a wrong key a WrongKey."""
    root = Path(root).resolve()
    with _lock:
        cached = _open.get(root)
        if cached is not None:
            if key is None or cached.key is not None or cached.read_only:
                return cached
            cached.engine.dispose()  # opened plain before its key was made: reopened below, encrypted
            del _open[root]
        db = root / DB_NAME
        if not db.exists():
            if not create:
                raise WorkspaceMissing(f"{root} 不是 PanelDesk 工作区（缺少 {DB_NAME}），请先执行 init 或新建工作区")
            _private_folder(root)
        if key is not None:
            keyslots.verify(root, key)
        elif is_encrypted_file(db):
            raise KeyRequired(root)
        read_only = is_read_only(root)
        if read_only:
            key = key if is_encrypted_file(db) else None  # a read-only plain copy cannot be converted
            workspace = Workspace(root, open_engine(db, read_only=True, key=key, upto=_held.get(root)),
                                  read_only=True, key=key)
        else:
            for folder in ("blobs", "out"):
                _private_folder(root / folder)
            _private_database(db)
            if key is not None:
                _encrypt(root, key)
            engine = open_engine(db, key=key, upto=_held.get(root))
            engine.dispose()  # connections made before the migration lack the triggers of its new tables
            event.listen(engine, "connect", digests.install)
            workspace = Workspace(root, engine, key=key)
        _open[root] = workspace
        return workspace


def opened_key(root: Path) -> bytes | None:
    """The data key of the workspace at ``root`` if this process has it open, encrypted."""
    workspace = _open.get(Path(root).resolve())
    return workspace.key if workspace is not None else None


def _encrypt(root: Path, key: bytes) -> None:
    """Finish what a killed conversion left, and encrypt a plain database and plain blobs (a new, empty database
    file is made encrypted by SQLCipher itself)."""
    conversion.finish(root)
    db = root / DB_NAME
    if db.stat().st_size and not is_encrypted_file(db):
        conversion.encrypt_database(root, key)
    blobs.encrypt_plain(root / "blobs", key)


def _private_folder(folder: Path) -> None:
    """Make ``folder`` (and its missing parents) if missing; the folder itself 0700 whatever the umask."""
    if folder.is_dir():
        return
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if os.name != "nt":
        os.chmod(folder, PRIVATE_FOLDER)


def _private_database(db_path: Path) -> None:
    """The database file 0600 before SQLite first opens it, so its -wal and -shm (which SQLite creates with the
    database's mode) are 0600 too; a workspace made before gets its modes tightened, where it can be."""
    if not db_path.exists():
        os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    if os.name == "nt":
        return
    for path in (db_path, *(db_path.with_name(db_path.name + end) for end in ("-wal", "-shm"))):
        try:
            os.chmod(path, PRIVATE_FILE)
        except OSError:
            pass  # missing, another user's, or an archived copy on a read-only medium: its mode stays


def close_workspace(root: Path) -> None:
    with _lock:
        workspace = _open.pop(Path(root).resolve(), None)
    if workspace is not None:
        workspace.engine.dispose()


@contextmanager
def held_at(root: Path, revision: str) -> Iterator[None]:
    """Inside, the workspace at ``root`` opens upgraded no further than ``revision`` (as it is if it is past it);
    closed on entry and on exit, so the next opening outside migrates it to the current schema."""
    root = Path(root).resolve()
    close_workspace(root)
    with _lock:
        _held[root] = revision
    try:
        yield
    finally:
        with _lock:
            del _held[root]
        close_workspace(root)
