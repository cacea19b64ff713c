"""GUI fixtures: a QSettings file per test, and the real main window driven by a synchronous runner on a copy of
the demo workspace (tests/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from desktop.ui.app import load_font
from desktop.ui.context import Context
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.tasks import InlineRunner
from tests.conftest import DEMO_OPERATOR as OPERATOR, signed
QStandardPaths.setTestModeEnabled(True)  # caches the window keeps between sessions stay out of the user's own


@pytest.fixture
def settings(tmp_path) -> Settings:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.operator = OPERATOR
    return settings


@pytest.fixture
def window(qtbot, qapp, settings, demo_workspace) -> MainWindow:
    load_font(qapp)
    window = MainWindow(Context(InlineRunner(), settings, signed))
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(demo_workspace)
    return window
