"""Opening a workspace database: SQLite in WAL mode with foreign keys on, migrated to the current schema.

A read-only copy (an archived workspace, a write-protected stick) is opened read-only: ``mode=ro``, so SQLite reads
the write-ahead log if the copy has one (it needs the ``-wal`` and ``-shm`` files to exist, or to be creatable), and
``immutable=1`` when there is no log to read, since then nothing can change the file under us and SQLite need not
create the ``-shm`` file it could not write. Such a copy cannot be migrated either: one from an older version is
refused with a message rather than silently left half-read.

A workspace made by a newer PanelDesk carries a schema revision this version does not know; opening it is refused
rather than risking writes in a layout we do not understand.

Importing Alembic costs about 0.4 s, a fifth of the start-up budget, and almost every opening finds the schema
current. So the stored revision is read with plain sqlite3 and the known revisions from the migration files' text,
and Alembic is loaded only when there is something to upgrade.

An encrypted workspace (desktop.store.cipher) is opened the same way through SQLCipher, given its data key; the
pragmas, the read-only modes and the revision check are the same.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from desktop.domain.errors import UserError
from desktop.store import cipher

log = logging.getLogger(__name__)

DB_NAME = "paneldesk.db"
MIGRATIONS = Path(__file__).with_name("migrations")
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([^'\"\s]*)['\"]?\s*$", re.MULTILINE)


class SchemaError(UserError):
    """The workspace's schema cannot be used by this version."""


WRITE = {"paneldesk_begin": "IMMEDIATE"}  # execution options of a session that checks and then writes


def _pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # sqlite3 emits no BEGIN of its own: _begin does (SQLAlchemy's recipe)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")  # a power cut must not lose a committed change
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _read_only_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def read_only_uri(db_path: Path) -> str:
    wal = db_path.with_name(db_path.name + "-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    return f"{db_path.resolve().as_uri()}?{'mode=ro' if has_log else 'immutable=1'}"


def _begin(connection) -> None:
    """Every transaction begins explicitly, so reads are repeatable too. A writing one (``WRITE``) takes the write
    lock at its start with BEGIN IMMEDIATE: what it checks cannot change before it writes, and two writers queue
    instead of one failing at its first write with a lock it could not upgrade."""
    mode = connection.get_execution_options().get("paneldesk_begin", "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def _connect(db_path: Path, *, read_only: bool, key: bytes | None):
    """A DB-API connection to the database: sqlite3 for a plain one, SQLCipher keyed with ``key`` for an encrypted
    one; read-only through the URI of ``read_only_uri``."""
    target, uri = (read_only_uri(db_path), True) if read_only else (str(db_path), False)
    if key is None:
        return sqlite3.connect(target, uri=uri, check_same_thread=False)
    return cipher.connect(target, key, uri=uri, check=False)


def live_reader(db_path: Path, key: bytes | None):
    """A DB-API connection of another process that reads the database while the workspace is open for writing:
    ``mode=ro``, which takes part in the write-ahead log's locking (``immutable`` would read a file that changes
    under it), and no implicit transactions, so the caller's BEGIN starts the one its reads share."""
    target = f"{db_path.resolve().as_uri()}?mode=ro"
    connection = sqlite3.connect(target, uri=True) if key is None else cipher.connect(target, key, uri=True)
    connection.isolation_level = None
    _read_only_pragmas(connection, None)
    return connection


def make_engine(db_path: Path, *, read_only: bool = False, key: bytes | None = None) -> Engine:
    # hide_parameters: no ID numbers in tracebacks and logs. The URL names the file so the pool is the one SQLAlchemy
    # gives a file database; the creator makes each connection (SQLCipher keys it before anything else runs).
    engine = create_engine(f"sqlite:///{db_path}", hide_parameters=True,
                           module=cipher.sqlcipher if key is not None else sqlite3,
                           creator=lambda: _connect(db_path, read_only=read_only, key=key))
    if read_only:
        event.listen(engine, "connect", _read_only_pragmas)
    else:
        event.listen(engine, "connect", _pragmas)
        event.listen(engine, "begin", _begin)
    return engine


def stored_revision(db_path: Path, *, read_only: bool = False, key: bytes | None = None) -> str | None:
    """The schema revision recorded in the database; None for a new or empty one. With ``key``, a key that does not
    open the database is a WrongKey here, before anything else reads it."""
    if not db_path.exists():
        return None
    if key is not None:
        target, uri = (read_only_uri(db_path), True) if read_only else (str(db_path), False)
        connection = cipher.connect(target, key, uri=uri)
    else:
        connection = _connect(db_path, read_only=read_only, key=None)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.OperationalError, cipher.sqlcipher.OperationalError):  # no alembic_version: nothing migrated
        return None
    finally:
        connection.close()
    return row[0] if row else None


def known_revisions() -> tuple[set[str], str]:
    """Every revision the migration files define, and the head: the one no other revision follows.

    The chain is linear (one head); ``test_engine`` checks this reading against Alembic's own."""
    follows = _follows()
    (head,) = set(follows) - set(follows.values())
    return set(follows), head


def _follows() -> dict[str, str | None]:
    """Each revision the migration files define, with the one it follows (None for the first)."""
    follows = {}
    for script in MIGRATIONS.joinpath("versions").glob("*.py"):
        found = dict(_ASSIGNMENT.findall(script.read_text(encoding="utf-8")))
        down = found.get("down_revision")
        follows[found["revision"]] = None if down in (None, "", "None") else down
    return follows


def reached(revision: str | None, target: str) -> bool:
    """Whether a database at ``revision`` (None: new) has had the migration ``target`` already: ``target`` is
    ``revision`` or one of the revisions it follows."""
    follows = _follows()
    while revision is not None:
        if revision == target:
            return True
        revision = follows.get(revision)
    return False


def open_engine(db_path: Path, *, read_only: bool = False, key: bytes | None = None,
                upto: str | None = None) -> Engine:
    """The engine of an existing or new database (encrypted with ``key`` when given), upgraded to the newest schema
    this version knows; with ``upto``, upgraded no further than that revision (a database already past it is opened
    as it is)."""
    revision = stored_revision(db_path, read_only=read_only, key=key)
    known, head = known_revisions()
    if revision is not None and revision not in known:
        raise SchemaError(
            f"工作区 {db_path.parent} 由更新版本的 PanelDesk 创建（数据库版本 {revision}），"
            "本版本无法打开，请升级 PanelDesk。")
    target = head if upto is None else revision if reached(revision, upto) else upto
    engine = make_engine(db_path, read_only=read_only, key=key)
    if revision != target and read_only:
        raise SchemaError(f"工作区 {db_path.parent} 是只读的，且由较早版本的 PanelDesk 创建（数据库版本 {revision}），"
                          "需要升级后才能打开：请复制到可写的位置后再打开。")
    if revision != target:
        log.info("migrating %s from %s to %s", db_path, revision, target)
        _upgrade(engine, target)
    return engine


def _upgrade(engine: Engine, target: str) -> None:
    from alembic import command  # loaded only here: see the module docstring
    from alembic.config import Config
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    command.upgrade(config, target)


@contextmanager
def dbapi_cursor(session: Session) -> Iterator[sqlite3.Cursor]:
    """The sqlite3 cursor of the session's own connection, inside its transaction. For the few paths that move
    hundreds of thousands of rows: plain tuples in and out, without SQLAlchemy's per-row processing."""
    cursor = session.connection().connection.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


def copy_database(engine: Engine, target: Path, key: bytes | None) -> None:
    """A consistent copy of the live database at ``target`` through SQLite's online backup API (writers may go on
    meanwhile), encrypted with the same key and settings as the source (plain for a plain one)."""
    source = engine.raw_connection()
    try:
        destination = _connect(Path(target), read_only=False, key=key)
        try:
            source.driver_connection.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
