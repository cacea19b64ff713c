"""A drawn demo round with signed letters and its archive, made once per module (archives are only read after)."""

import shutil
from pathlib import Path

import keyring
import pytest

from desktop import __version__
from desktop.services import draws, signing
from desktop.services.archive.export import export_round
from desktop.services.documents import generate_letters, letters_folder
from desktop.store import records
from desktop.store.workspace import close_workspace
from tests.conftest import MemoryKeyring, signed

PASSWORD = "archive-password"
AGAIN = "round-1-again.zip"


def drawn_round(root: Path) -> str:
    """Draw round 1, make the signing identity, write the signed letters into out/round-1; the fingerprint."""
    secretary = signed(root, "王秘书")
    draws.draw_round(root, secretary, 1, witness=signed(root, "李监督"), witness_digits="482913")
    identity, _ = signing.create_identity(root, secretary, "省科学技术厅评审办公室")
    generate_letters(root, secretary, 1, letters_folder(root, 1), sign=True)
    return identity.fingerprint


def export(root: Path, out: Path, **kwargs) -> dict:
    return export_round(root, signed(root, "王秘书"), 1, out, PASSWORD, app_version=__version__, **kwargs)


@pytest.fixture(scope="module")
def made(demo_template, tmp_path_factory):
    """(workspace, archive, fingerprint): the demo round drawn, lettered and exported once for the module."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # module-scoped: the per-test memory keyring is not yet in place
    root = tmp_path_factory.mktemp("archive") / "demo"
    shutil.copytree(demo_template, root)
    try:
        fingerprint = drawn_round(root)
        archive = root.parent / "round-1.zip"
        export(root, archive)
        export(root, root.parent / AGAIN)  # a second genuine archive of the same round, for mixing members
        yield root, archive, fingerprint
    finally:
        keyring.set_keyring(previous)
        close_workspace(root)


def pool_rows(data: bytes) -> list[list]:
    """A pool member's records (desktop.store.records) as lists of values, for a test to change them."""
    return [list(row) for row in records.values(records.split([data]))]
