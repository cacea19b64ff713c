"""Starting the program: the QApplication with a Chinese font and translations, then the main window (which asks
for a sign-in before it shows a workspace).

The CJK font ships in ``resources/fonts`` because an air-gapped laptop (and the offscreen platform) may have none,
and without it every Chinese character is a box. Translations are compiled from ``resources/translations/*.ts``
at build time; when no ``.qm`` exists the program simply stays in Chinese, its source language.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.ui.context import Context
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import APPLICATION, ORGANISATION, Settings
from desktop.ui.tasks import Runner

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
FONT = RESOURCES / "fonts" / "wqy-zenhei.ttc"
TRANSLATIONS = RESOURCES / "translations"


def load_font(app: QApplication) -> None:
    if FONT.exists():
        font_id = QFontDatabase.addApplicationFont(str(FONT))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            app.setFont(QFont(families[0], 10))
            return
    log.warning("CJK font %s not loaded; Chinese text may not render", FONT)


def qt_translations() -> list[Path]:
    """Where Qt's own translations may be: Qt's configured folder, then PySide6's (a frozen build may move either)."""
    import PySide6
    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            Path(PySide6.__file__).resolve().parent / "Qt" / "translations"]


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own strings (file dialogs, dialog buttons) in the chosen language, and PanelDesk's when it is not
    Chinese. ``qt_zh_CN`` brings qtbase and Qt's other modules; ``qtbase_zh_CN`` alone where it is all there is."""
    installed = []
    if language == "zh_CN":
        china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        qt_translator = QTranslator(app)
        if any(qt_translator.load(china, name, "_", str(folder)) for folder in qt_translations()
               for name in ("qt", "qtbase")):
            installed.append(qt_translator)
        else:
            log.warning("Qt's Chinese translations not found in %s; Qt's dialogs stay in English", qt_translations())
    if language != "zh_CN":
        own = QTranslator(app)
        if own.load(f"paneldesk_{language}", str(TRANSLATIONS)):
            installed.append(own)
        else:
            log.warning("no compiled translation for %s in %s; staying in Chinese", language, TRANSLATIONS)
    for translator in installed:
        app.installTranslator(translator)
    return installed


SWITCH_INTERVAL = 0.001  # seconds: see make_app


def make_app(argv: list[str], settings: Settings | None = None) -> tuple[QApplication, Settings]:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    settings = settings or Settings()
    load_font(app)
    install_translations(app, settings.language)
    # What the libraries imported so far hold lives as long as the program: the cycle collector's full passes would
    # walk it on the GUI thread again and again (tens of milliseconds each), so it is left out of them from now on.
    gc.freeze()
    # A worker thread running Python holds the interpreter lock until another thread has waited this long for it;
    # the GUI thread takes it again for every call into Python (each table cell painted), so with the default 5 ms
    # a short read beside it stretched a repaint several times over. Workers that run long are in the side process.
    sys.setswitchinterval(SWITCH_INTERVAL)
    return app, settings


def default_demo() -> Path:
    """Where the demo workspace lives when the user has not chosen one."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "demo"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m desktop", description="PanelDesk 评审组织工作台")
    parser.add_argument("--workspace", type=Path, default=None, help="打开此工作区（缺少时建成示例工作区）")
    parser.add_argument("--language", choices=("zh_CN", "en"), default=None, help="界面语言（默认取设置）")
    args, qt_args = parser.parse_known_args(argv[1:])
    settings = Settings()
    if args.language:
        settings.language = args.language
    app, settings = make_app([argv[0], *qt_args], settings)
    ctx = Context(Runner(), settings)
    window = MainWindow(ctx)
    window.show()
    last = settings.last_workspace
    if args.workspace is not None:
        window.open_or_build(args.workspace)
    elif last is not None and (last / "paneldesk.db").exists():
        window.open_workspace(last)
    else:
        window.open_or_build(default_demo())
    code = app.exec()
    ctx.runner.close()
    return code
