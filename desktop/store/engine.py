"""Opening a workspace database: SQLite in WAL mode with foreign keys on, migrated to the current schema.

A workspace made by a newer PanelDesk carries a schema revision this version does not know; opening it is refused
rather than risking writes in a layout we do not understand.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event

log = logging.getLogger(__name__)

DB_NAME = "paneldesk.db"
MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaError(Exception):
    """The workspace's schema cannot be used by this version."""


def _pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")  # a power cut must not lose a committed change
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def open_engine(db_path: Path) -> Engine:
    """The engine of an existing or new database, upgraded to the newest schema this version knows."""
    engine = make_engine(db_path)
    config = _alembic_config(engine)
    script = ScriptDirectory.from_config(config)
    revision = current_revision(engine)
    if revision is not None and not _known(script, revision):
        engine.dispose()
        raise SchemaError(
            f"工作区 {db_path.parent} 由更新版本的 PanelDesk 创建（数据库版本 {revision}），"
            "本版本无法打开，请升级 PanelDesk。")
    if revision != script.get_current_head():
        log.info("migrating %s from %s to %s", db_path, revision, script.get_current_head())
        command.upgrade(config, "head")
    return engine


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:  # alembic raises for revisions it has never heard of
        return False
