"""Encrypting a plain workspace in place, so that a kill at any moment leaves it openable, plain or encrypted.

The steps, each of which leaves a workspace that opens:

1. the write-ahead log is folded into the plain file and the plain file copied, encrypted, to
   ``paneldesk.db.encrypting`` with ``sqlcipher_export`` (ATTACH … KEY), under a write lock, then flushed to disk;
   a kill here leaves the plain database as it was and a partial copy that the next attempt removes;
2. the plain file gets a second name, ``paneldesk.db.plain`` (a hard link: the same file, so nothing is copied and
   nothing can be lost between the two names);
3. one rename puts the encrypted copy in place of ``paneldesk.db``; before it the plain database is the workspace,
   after it the encrypted one;
4. the plain file, now named only ``paneldesk.db.plain``, is overwritten with zeros, flushed, and removed.

``finish`` clears what a killed conversion left: an ``.encrypting`` copy (never swapped in, so not the workspace),
and a ``.plain`` name (just removed if it is still the live database's second name, overwritten first if it is the
old plain file). The keys (keys.json) are written before step 1, so an encrypted file never exists without them.

Overwriting cannot reach copies a journaling or copy-on-write file system, an SSD's wear levelling or a backup made
before the conversion kept: docs/security.md says so.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop.domain.errors import UserError
from desktop.store.cipher import attach, connect, is_encrypted_file, sqlcipher
from desktop.store.engine import DB_NAME
from reports.files import make_private

log = logging.getLogger(__name__)

ENCRYPTING = DB_NAME + ".encrypting"
PLAIN = DB_NAME + ".plain"
WIPE_CHUNK = 1 << 20


class InUse(UserError):
    """Another program has the plain database open: it cannot be encrypted under it."""


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """The renames and removals of a folder reach the disk (POSIX; Windows has no folder handles to flush)."""
    if os.name != "nt":
        _fsync(folder)


def _wipe(path: Path) -> None:
    """Overwrite ``path`` with zeros, flush, remove."""
    size = path.stat().st_size
    with open(path, "r+b") as file:
        zeros = bytes(WIPE_CHUNK)
        for offset in range(0, size, WIPE_CHUNK):
            file.write(zeros[:min(WIPE_CHUNK, size - offset)])
        file.flush()
        os.fsync(file.fileno())
    path.unlink()


def finish(root: Path) -> None:
    """Clear what a killed conversion left in ``root`` (see the module docstring); nothing if none ran."""
    root = Path(root)
    (root / ENCRYPTING).unlink(missing_ok=True)
    plain, db = root / PLAIN, root / DB_NAME
    if plain.exists():
        if not db.exists():  # no step leaves this, but the only copy is never wiped
            os.replace(plain, db)
        elif os.path.samefile(plain, db):
            plain.unlink()  # step 3 never ran: the plain database is still the workspace under its own name
        elif is_encrypted_file(db):
            _wipe(plain)  # step 4 was under way
    for end in ("-wal", "-shm"):
        for name in (ENCRYPTING, PLAIN):
            (root / (name + end)).unlink(missing_ok=True)
    _fsync_folder(root)


def encrypt_database(root: Path, key: bytes) -> None:
    """Encrypt ``root``'s plain database with ``key`` in place (the steps of the module docstring)."""
    root = Path(root)
    finish(root)
    db, copy = root / DB_NAME, root / ENCRYPTING
    source = sqlcipher.connect(str(db), isolation_level=None)  # no key: SQLCipher reads a plain file as SQLite does
    try:
        source.execute("PRAGMA busy_timeout=10000")
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        attach(source, copy, "encrypted", key)
        source.execute("BEGIN IMMEDIATE")  # no other writer until the copy is complete
        source.execute("SELECT sqlcipher_export('encrypted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.execute("COMMIT")
        source.execute("DETACH DATABASE encrypted")
    except BaseException:
        source.close()
        copy.unlink(missing_ok=True)
        raise
    source.close()
    if (root / (DB_NAME + "-wal")).exists():  # SQLite removes the log when its last connection closes
        copy.unlink()
        raise InUse(f"工作区 {root} 正被另一个 PanelDesk 打开，无法加密：请关闭其他窗口后重试")
    make_private(copy)
    _check_copy(copy, key)
    _fsync(copy)
    os.link(db, root / PLAIN)
    os.replace(copy, db)
    _fsync_folder(root)
    _wipe(root / PLAIN)
    _fsync_folder(root)
    log.info("encrypted %s", db)


def _check_copy(copy: Path, key: bytes) -> None:
    """The copy opens with the key and holds a schema: a failed export is never swapped in."""
    connection = connect(str(copy), key)
    try:
        tables = connection.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").fetchone()[0]
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok" or not tables:
            raise OSError(f"the encrypted copy {copy} does not check")
    finally:
        connection.close()
