"""The window in English: the translation compiled from resources/translations as ``make translations`` does, and
installed for one test only (the rest of the suite reads the Chinese source texts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.ui.app import TRANSLATIONS

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


@pytest.fixture
def english(qapp, tmp_path, settings):
    compiled = tmp_path / "paneldesk_en.qm"
    subprocess.run([str(LRELEASE), "-silent", str(TRANSLATIONS / "paneldesk_en.ts"), "-qm", str(compiled)],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    settings.language = "en"
    yield settings
    QCoreApplication.removeTranslator(translator)
