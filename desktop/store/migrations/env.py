"""Alembic environment: runs on the engine handed in by desktop.store.engine, never on a URL from a file."""

from alembic import context

from desktop.store.metadata import all_tables

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=all_tables(), render_as_batch=True)
    context.run_migrations()
