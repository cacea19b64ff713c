"""Alembic environment: runs on the engine handed in by desktop.store.engine, never on a URL from a file."""

from alembic import context

from desktop.store import account_tables, audit_tables, calendar_tables, integrity_tables, limit_tables, round_tables, \
    tables  # noqa: F401  (registers every table on the metadata)
from sqlmodel import SQLModel

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
    context.run_migrations()
