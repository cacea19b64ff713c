"""Shared fixtures: every test gets its own real workspace folder with a real SQLite file."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop.store.workspace import close_workspace, open_workspace  # noqa: E402


@pytest.fixture
def workspace(tmp_path):
    root = tmp_path / "ws"
    ws = open_workspace(root, create=True)
    yield ws
    close_workspace(root)
