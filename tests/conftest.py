"""Shared fixtures: every test gets its own real workspace folder with a real SQLite file, and its own in-memory
keyring, so no test reads or writes a developer's real one. The demo workspace is built once per run through the
real import and copied for each test that uses it.

Every service call is the act of a signed-in account: ``signed(place, name)`` signs ``name`` in to the workspace,
the administrator making the account first where the workspace has none of that name, with the role its name says
(…监督… a supervisor, 审批… an approver, 审计… an auditor, 管理员 the administrator, anyone else a secretary). Every
account of a test has the password TEST_PASSWORD (the demo template's accounts are reset to it), and the command
line finds it in PANELDESK_PASSWORD, PANELDESK_WITNESS_PASSWORD and PANELDESK_NEW_PASSWORD."""

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
import pytest  # noqa: E402
from argon2 import PasswordHasher, profiles  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from desktop.services import accounts  # noqa: E402

from desktop.domain.draw_checks import canonical_name  # noqa: E402
from desktop.domain.roles import Role  # noqa: E402
from desktop.services import workspace_keys  # noqa: E402
from desktop.services.accounts import Operator, SignInFailed  # noqa: E402
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_SECRETARY, build_demo  # noqa: E402
from desktop.store import keyslots  # noqa: E402
from desktop.store.workspace import Workspace, close_workspace, open_workspace  # noqa: E402
from reports import batch  # noqa: E402
from tests import audio_server  # noqa: E402

DEMO_OPERATOR = DEMO_SECRETARY[0]
TEST_PASSWORD = "test-password"
ADMIN = DEMO_ACCOUNTS[0][0]
# accounts the demo template has beside the demo's own, so tests that name them change nothing by signing in
TEST_ACCOUNTS = ("秘书甲", "李秘书", "tester", "监督员乙", "赵监督", "审计员")


def role_of(name: str) -> Role:
    for part, role in (("监督", Role.SUPERVISOR), ("审批", Role.APPROVER), ("审计", Role.AUDITOR), ("管理", Role.ADMIN)):
        if part in name:
            return role
    return Role.SECRETARY


def signed(place, name: str = DEMO_OPERATOR) -> Operator:
    """``name`` signed in to the workspace at ``place`` (made first if missing, see the module's docstring)."""
    root = place.root if isinstance(place, Workspace) else Path(place)
    name = canonical_name(name)
    try:
        admin = accounts.sign_in(root, ADMIN, TEST_PASSWORD)  # an encrypted workspace opens with this sign-in
    except SignInFailed:  # a workspace without accounts yet
        admin = accounts.init_workspace(root, ADMIN, TEST_PASSWORD)
    if name not in {a.name for a in accounts.list_accounts(admin)}:
        accounts.add_account(admin, name, roles=[role_of(name)], password=TEST_PASSWORD)
    return admin if name == ADMIN else accounts.sign_in(root, name, TEST_PASSWORD)


def pytest_configure(config):
    config.audio_server = audio_server.start()  # before Qt first looks for audio devices


def pytest_unconfigure(config):
    if config.audio_server is not None:
        config.audio_server.stop()


@pytest.fixture(scope="session")
def microphone(pytestconfig):
    """A microphone plugged in to the test run's audio server (it stays for the rest of the run)."""
    if pytestconfig.audio_server is None:
        pytest.skip("PulseAudio is not installed: no virtual microphone (tests/audio_server.py)")
    pytestconfig.audio_server.plug_in_microphone()


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


# Argon2id with its cheapest parameters, for the accounts' hashes and keys.json's password slots: real hashes, in
# microseconds rather than a tenth of a second (for the session's demo template too, so its accounts sign in as fast)
accounts.HASHER = PasswordHasher.from_parameters(profiles.CHEAPEST)
keyslots.ARGON2 = {"time_cost": profiles.CHEAPEST.time_cost, "memory_cost": profiles.CHEAPEST.memory_cost,
                   "parallelism": profiles.CHEAPEST.parallelism}
# Modules about the encrypted workspace itself; everywhere else init makes a plain one, so that tests can change a
# database behind PanelDesk's back with sqlite3 (the tampering tests) and copy it without its key.
ENCRYPTED = {"test_encryption", "test_workspace_keys", "test_accounts", "test_sign_in"}


ENCRYPTING_INIT = workspace_keys.for_init
workspace_keys.for_init = lambda root, admin, password: None  # module- and session-scoped fixtures included


@pytest.fixture(autouse=True)
def plain_workspaces(request, monkeypatch):
    if request.module.__name__.rsplit(".", 1)[-1] in ENCRYPTED:
        monkeypatch.setattr(workspace_keys, "for_init", ENCRYPTING_INIT)


@pytest.fixture(autouse=True)
def quick_accounts(monkeypatch) -> list[float]:
    """The wrong-password delay recorded instead of slept: the list holds each delay asked for."""
    delays: list[float] = []
    monkeypatch.setattr(accounts, "SLEEP", delays.append)
    for variable in ("PANELDESK_PASSWORD", "PANELDESK_WITNESS_PASSWORD", "PANELDESK_NEW_PASSWORD"):
        monkeypatch.setenv(variable, TEST_PASSWORD)
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
    for name in ("tester", DEMO_OPERATOR):  # the accounts tests of an empty workspace act as
        signed(ws, name)
    yield ws
    close_workspace(root)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo workspace (200 experts, 20 applications, an opened round with its panels), built once per run."""
    root = tmp_path_factory.mktemp("template") / "demo"
    demo_for_tests(root)
    close_workspace(root)
    return root


def demo_for_tests(root: Path, experts: int = 200, applications: int = 20) -> None:
    """The demo workspace with every account's password TEST_PASSWORD and the TEST_ACCOUNTS beside the demo's."""
    build_demo(root, experts=experts, applications=applications)
    admin_password = DEMO_ACCOUNTS[0][3]
    admin = accounts.sign_in(root, ADMIN, admin_password)
    for name, *_ in DEMO_ACCOUNTS[1:]:
        accounts.reset_password(admin, name, TEST_PASSWORD)
    accounts.change_password(admin, admin_password, TEST_PASSWORD)
    for name in TEST_ACCOUNTS:
        signed(root, name)


@pytest.fixture
def demo_workspace(demo_template, tmp_path) -> Path:
    """A fresh copy of the demo workspace for one test."""
    root = tmp_path / "demo"
    shutil.copytree(demo_template, root)
    yield root
    close_workspace(root)


@pytest.fixture(scope="session")
def confirmed_templates(demo_template, tmp_path_factory):
    """The demo round drawn and confirmed through the services (tests/execution_setup.confirmed_round), built once
    per run for each set of that function's arguments: ``confirmed_templates(**arguments)`` is its folder."""
    from tests.execution_setup import confirmed_round  # it signs in through this module
    made: dict[tuple, Path] = {}

    def template(**arguments) -> Path:
        key = tuple(sorted(arguments.items()))
        if key not in made:
            root = tmp_path_factory.mktemp("confirmed") / "demo"
            shutil.copytree(demo_template, root)
            confirmed_round(root, **arguments)
            close_workspace(root)
            made[key] = root
        return made[key]
    return template


@pytest.fixture
def confirmed_workspace(confirmed_templates, tmp_path):
    """``confirmed_workspace(**arguments)``: a fresh copy, for one test, of the demo with its round confirmed as
    ``confirmed_round(**arguments)`` leaves it (confirmed_round on it then returns the seats)."""
    root = tmp_path / "demo"

    def copy(**arguments) -> Path:
        shutil.copytree(confirmed_templates(**arguments), root)
        return root
    yield copy
    close_workspace(root)


@pytest.fixture
def confirmed_demo(confirmed_workspace, request) -> Path:
    """A copy of the confirmed demo made with the arguments of the test's ``confirmed`` mark (none: the plain one);
    a module whose tests all start from a confirmed round overrides ``demo_workspace`` with it."""
    mark = request.node.get_closest_marker("confirmed")
    return confirmed_workspace(**(mark.kwargs if mark else {}))
