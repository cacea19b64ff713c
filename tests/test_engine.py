"""The schema check that runs on every opening without loading Alembic must agree with Alembic."""

from __future__ import annotations

import subprocess
import sys

from alembic.config import Config
from alembic.script import ScriptDirectory

from desktop.store.engine import MIGRATIONS, known_revisions


def test_the_migration_files_are_read_as_alembic_reads_them():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    revisions, head = known_revisions()
    assert head == script.get_current_head()
    assert revisions == {r.revision for r in script.walk_revisions()}


def test_opening_a_current_workspace_does_not_load_alembic(tmp_path):
    from desktop.store.workspace import close_workspace, open_workspace
    open_workspace(tmp_path / "ws", create=True)
    close_workspace(tmp_path / "ws")
    code = ("import sys; from pathlib import Path; from desktop.store.workspace import open_workspace; "
            f"open_workspace(Path({str(tmp_path / 'ws')!r})); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
