"""GUI fixtures: one small demo workspace built once through the real import and copied for each test, a
QSettings file per test, and the real main window driven by a synchronous runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from desktop.services.demo import build_demo
from desktop.store.workspace import close_workspace
from desktop.ui.app import load_font
from desktop.ui.context import Context
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.tasks import InlineRunner

OPERATOR = "秘书甲"
QStandardPaths.setTestModeEnabled(True)  # caches the window keeps between sessions stay out of the user's own


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("template") / "demo"
    build_demo(root, OPERATOR, experts=200, applications=20)
    close_workspace(root)
    return root


@pytest.fixture
def demo_workspace(demo_template, tmp_path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(demo_template, root)
    yield root
    close_workspace(root)


@pytest.fixture
def settings(tmp_path) -> Settings:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.operator = OPERATOR
    return settings


@pytest.fixture
def window(qtbot, qapp, settings, demo_workspace) -> MainWindow:
    load_font(qapp)
    window = MainWindow(Context(InlineRunner(), settings))
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(demo_workspace)
    return window
