"""A workspace holding a small pool, so that malformed files are refused for what is wrong with them and not for
referring to experts or organisations that do not exist."""

import shutil

import pytest

from desktop.services.importing.run import import_files
from desktop.store.workspace import close_workspace, open_workspace
from tests.spreadsheets import small_pool, workbook
from tests.conftest import signed


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory):
    root = tmp_path_factory.mktemp("seeded") / "ws"
    import_files(open_workspace(root, create=True), [workbook(root.parent / "pool.xlsx", small_pool())], signed(open_workspace(root, create=True), "tester"))
    close_workspace(root)
    return root


@pytest.fixture
def seeded(seeded_template, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(seeded_template, root)
    yield open_workspace(root)
    close_workspace(root)
