"""Shared fixtures: every test gets its own real workspace folder with a real SQLite file, and its own in-memory
keyring, so no test reads or writes a developer's real one."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from desktop.store.workspace import close_workspace, open_workspace  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps entries in a dict for the life of one test."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username))


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("PANELDESK_PASSPHRASE", raising=False)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def workspace(tmp_path):
    root = tmp_path / "ws"
    ws = open_workspace(root, create=True)
    yield ws
    close_workspace(root)
