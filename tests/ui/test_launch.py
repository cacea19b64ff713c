"""The window starts within two seconds only if starting loads no more than the first screen needs: the libraries
that print and sign, read spreadsheets, check scans or play sound are loaded when a user first does that."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DEMO_OPERATOR, TEST_PASSWORD

LOADED_ON_FIRST_USE = ("pyhanko", "reportlab", "openpyxl", "fontTools", "av", "pypdf", "PIL", "aiohttp",
                       "PySide6.QtMultimedia", "PySide6.QtPdfWidgets", "PySide6.QtCharts")

WINDOW = """
import json, sys, tempfile
from PySide6.QtCore import QSettings
from desktop.ui.app import make_app
from desktop.ui.context import Context
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.services.accounts import sign_in
from desktop.ui.tasks import InlineRunner
scratch = tempfile.mkdtemp()
app, settings = make_app(sys.argv[:1], Settings(QSettings(scratch + "/s.ini", QSettings.Format.IniFormat)))
window = MainWindow(Context(InlineRunner(), settings, lambda root: sign_in(root, sys.argv[2], sys.argv[3])))
window.show()
window.open_workspace(sys.argv[1])
app.processEvents()
assert window.dashboard.counts.text(), "the dashboard was not filled in"
print(json.dumps(sorted(name for name in sys.modules if name.startswith({heavy!r}))))
"""


def test_starting_the_window_on_a_workspace_loads_none_of_the_libraries_used_later(demo_workspace):
    """The window is made, shown and opened on the demo workspace in a fresh interpreter, as a user starts it."""
    root = Path(__file__).resolve().parents[2]
    script = WINDOW.format(heavy=LOADED_ON_FIRST_USE)
    done = subprocess.run([sys.executable, "-c", script, str(demo_workspace), DEMO_OPERATOR, TEST_PASSWORD],
                          capture_output=True, text=True, cwd=root, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], f"loaded at start: {sorted({name.split('.')[0] for name in loaded})}"
