"""Shared fixtures: every test gets its own real workspace folder with a real SQLite file, and its own in-memory
keyring, so no test reads or writes a developer's real one. The demo workspace is built once per run through the
real import and copied for each test that uses it."""

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
import pytest  # noqa: E402
from argon2 import PasswordHasher, profiles  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from desktop.services import accounts  # noqa: E402

from desktop.services.demo import build_demo  # noqa: E402
from desktop.store import keyslots  # noqa: E402
from desktop.store.workspace import close_workspace, open_workspace  # noqa: E402
from reports import batch  # noqa: E402

DEMO_OPERATOR = "秘书甲"


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


@pytest.fixture(autouse=True)
def quick_accounts(monkeypatch) -> list[float]:
    """Argon2id with its cheapest parameters (a real hash, in microseconds rather than a tenth of a second), and
    the wrong-password delay recorded instead of slept: the list holds each delay asked for."""
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher.from_parameters(profiles.CHEAPEST))
    monkeypatch.setattr(keyslots, "ARGON2", {"time_cost": profiles.CHEAPEST.time_cost,  # keys.json's password slots
                                             "memory_cost": profiles.CHEAPEST.memory_cost,
                                             "parallelism": profiles.CHEAPEST.parallelism})
    delays: list[float] = []
    monkeypatch.setattr(accounts, "SLEEP", delays.append)
    return delays


@pytest.fixture(autouse=True)
def pdfs_in_process(monkeypatch):
    """Batches of documents are rendered in the test's own process: starting worker processes costs more than the
    few documents of a test. Tests of the pool itself give render_batch their number of workers."""
    monkeypatch.setattr(batch, "WORKERS", 0)


@pytest.fixture
def workspace(tmp_path):
    root = tmp_path / "ws"
    ws = open_workspace(root, create=True)
    yield ws
    close_workspace(root)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo workspace (200 experts, 20 applications, an opened round with its panels), built once per run."""
    root = tmp_path_factory.mktemp("template") / "demo"
    build_demo(root, DEMO_OPERATOR, experts=200, applications=20)
    close_workspace(root)
    return root


@pytest.fixture
def demo_workspace(demo_template, tmp_path) -> Path:
    """A fresh copy of the demo workspace for one test."""
    root = tmp_path / "demo"
    shutil.copytree(demo_template, root)
    yield root
    close_workspace(root)
