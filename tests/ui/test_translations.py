"""Chinese everywhere in Chinese mode, English everywhere in English mode: every text the window marks for
translation has a finished English translation, and Qt's own dialogs speak the chosen language."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.ui.app import TRANSLATIONS, install_translations

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def test_every_text_of_the_window_has_a_finished_english_translation(tmp_path):
    """lupdate over desktop/ui, as `make lupdate` runs it, into a copy: a text added or changed since the .ts was
    translated comes out unfinished."""
    copy = tmp_path / "paneldesk_en.ts"
    shutil.copy(TRANSLATIONS / "paneldesk_en.ts", copy)
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").glob("*.py"))
    subprocess.run([str(LUPDATE), "-silent", "-no-obsolete", *sources, "-ts", str(copy)], check=True)
    missing = []
    for context in ET.parse(copy).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") or not (translation.text or "").strip():
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert not missing, "untranslated (make lupdate, then translate them in paneldesk_en.ts):\n" + "\n".join(missing)


def test_qt_own_dialogs_speak_chinese(qapp):
    installed = install_translations(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
