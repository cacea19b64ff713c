"""The schema the migrations build is the schema the tables declare: a table or column added to desktop/store without
its migration (or a migration that differs from its table) would open on a new workspace and fail on an old one."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop.store.metadata import all_tables


def _differences(connection) -> list:
    metadata = all_tables()
    declared = set(metadata.tables)
    found = compare_metadata(MigrationContext.configure(connection), metadata)
    # tables kept by plain SQL (the digests, checkpoints, accounts' own) are not on the metadata: not compared here
    return [d for d in found if not (isinstance(d, tuple) and d[0] == "remove_table" and d[1].name not in declared)]


def test_a_new_workspace_has_exactly_the_declared_schema(workspace):
    with workspace.engine.connect() as connection:
        assert _differences(connection) == []
