"""A PDF opened inside the window (QtPdf), for machines with no PDF viewer of their own — an offline laptop often
has none — and for anyone who would rather read it here.

Asking the system to open a PDF is no test of whether it can: on Linux ``QDesktopServices.openUrl`` reports success
as soon as ``xdg-open`` starts, handler or not, and the file never shows. So the handler tables are asked first
(``xdg-mime``, the Windows registry), and where there is no handler the document opens here at once.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

PDF = "application/pdf"


class PdfViewer(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None):
        from PySide6.QtPdf import QPdfDocument  # loaded with the first document opened here, not at start
        from PySide6.QtPdfWidgets import QPdfView
        super().__init__(parent)
        self.setWindowTitle(path.name)
        self.document = QPdfDocument(self)
        self.error = self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        QVBoxLayout(self).addWidget(self.view)
        self.resize(820, 1000)


@functools.cache
def system_pdf_viewer() -> bool:
    """Whether this machine has an application registered for PDF files (asked once: it runs xdg-mime on Linux,
    so call it first in a worker)."""
    if sys.platform == "darwin":
        return True  # Preview is part of the system
    if sys.platform == "win32":
        import winreg
        for key in (".pdf", r".pdf\OpenWithProgids"):
            try:
                with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, key) as opened:
                    if winreg.QueryValueEx(opened, "")[0] or winreg.QueryInfoKey(opened)[1]:
                        return True
            except OSError:
                continue
        return False
    xdg_mime = shutil.which("xdg-mime")
    if xdg_mime is None:
        return False
    try:
        asked = subprocess.run([xdg_mime, "query", "default", PDF], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return False
    return asked.returncode == 0 and bool(asked.stdout.strip())


def open_document(path: Path, parent: QWidget | None = None, *, inside: bool = False) -> PdfViewer | None:
    """The system's viewer where there is one (unless ``inside``); else the document in a window of ours (returned,
    for tests)."""
    if not inside and system_pdf_viewer() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return None
    viewer = PdfViewer(path, parent)
    viewer.show()
    return viewer
