"""Chinese everywhere in Chinese mode, English everywhere in English mode: every text the window marks for
translation has a finished English translation, and Qt's own dialogs speak the chosen language."""

from __future__ import annotations

import ast
import re
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
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([str(LUPDATE), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)], check=True)
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


CHINESE = re.compile(r"[\u4e00-\u9fff]")
MARKERS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
# Chinese that is not the window's to translate: the command line's help of `python -m desktop`, the sample data of
# the screenshots, the name of the Chinese language in its own script, and the prefix the import's progress begins
# with (said in words by service_words).
ALLOWED_FILES = {"app.py", "screenshots.py"}
ALLOWED = {("settings.py", "中文"), ("service_words.py", "读取 ")}


def _untranslated(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    marked, spared = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in MARKERS:
            for arg in node.args:
                for inner in ast.walk(arg):
                    spared.add(id(inner))
                    if isinstance(inner, ast.Constant):
                        marked.add(inner.value)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body and \
                isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            spared.add(id(node.body[0].value))  # a docstring
    hidden = [f"{path.name}:{node.lineno}: marked inside an f-string, where lupdate does not look"
              for fstring in ast.walk(tree) if isinstance(fstring, ast.JoinedStr) for node in ast.walk(fstring)
              if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in MARKERS]
    return hidden + [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str) and CHINESE.search(node.value)
                     and id(node) not in spared and node.value not in marked  # a key that looks up a marked text
                     and (path.name, node.value) not in ALLOWED]


def test_no_chinese_text_of_the_window_escapes_translation():
    """Every Chinese text in desktop/ui goes through tr()/translate(), so English mode has no Chinese of ours."""
    found = [line for path in sorted((ROOT / "desktop" / "ui").rglob("*.py")) if path.name not in ALLOWED_FILES
             for line in _untranslated(path)]
    assert not found, "\n".join(found)
