"""Opening a workspace database: SQLite in WAL mode with foreign keys on, migrated to the current schema.

A workspace made by a newer PanelDesk carries a schema revision this version does not know; opening it is refused
rather than risking writes in a layout we do not understand.

Importing Alembic costs about 0.4 s, a fifth of the start-up budget, and almost every opening finds the schema
current. So the stored revision is read with plain sqlite3 and the known revisions from the migration files' text,
and Alembic is loaded only when there is something to upgrade.
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

log = logging.getLogger(__name__)

DB_NAME = "paneldesk.db"
MIGRATIONS = Path(__file__).with_name("migrations")
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([^'\"\s]*)['\"]?\s*$", re.MULTILINE)


class SchemaError(UserError):
    """The workspace's schema cannot be used by this version."""


def _pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")  # a power cut must not lose a committed change
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _pragmas)
    return engine


def stored_revision(db_path: Path) -> str | None:
    """The schema revision recorded in the database; None for a new or empty one."""
    if not db_path.exists():
        return None
    connection = sqlite3.connect(db_path)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no alembic_version table: nothing migrated yet
        return None
    finally:
        connection.close()
    return row[0] if row else None


def known_revisions() -> tuple[set[str], str]:
    """Every revision the migration files define, and the head: the one no other revision follows.

    The chain is linear (one head); ``test_engine`` checks this reading against Alembic's own."""
    revisions, followed = set(), set()
    for script in MIGRATIONS.joinpath("versions").glob("*.py"):
        found = dict(_ASSIGNMENT.findall(script.read_text(encoding="utf-8")))
        revisions.add(found["revision"])
        if found.get("down_revision") not in (None, "", "None"):
            followed.add(found["down_revision"])
    (head,) = revisions - followed
    return revisions, head


def open_engine(db_path: Path) -> Engine:
    """The engine of an existing or new database, upgraded to the newest schema this version knows."""
    revision = stored_revision(db_path)
    known, head = known_revisions()
    if revision is not None and revision not in known:
        raise SchemaError(
            f"工作区 {db_path.parent} 由更新版本的 PanelDesk 创建（数据库版本 {revision}），"
            "本版本无法打开，请升级 PanelDesk。")
    engine = make_engine(db_path)
    if revision != head:
        log.info("migrating %s from %s to %s", db_path, revision, head)
        _upgrade(engine)
    return engine


def _upgrade(engine: Engine) -> None:
    from alembic import command  # loaded only here: see the module docstring
    from alembic.config import Config
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    command.upgrade(config, "head")


@contextmanager
def dbapi_cursor(session: Session) -> Iterator[sqlite3.Cursor]:
    """The sqlite3 cursor of the session's own connection, inside its transaction. For the few paths that move
    hundreds of thousands of rows: plain tuples in and out, without SQLAlchemy's per-row processing."""
    cursor = session.connection().connection.cursor()
    try:
        yield cursor
    finally:
        cursor.close()
