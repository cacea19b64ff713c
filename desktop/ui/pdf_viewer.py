"""A PDF opened inside the window (QtPdf), for machines with no PDF viewer of their own: an offline laptop often
has none, and 打开 would otherwise do nothing at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget


class PdfViewer(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None):
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


def open_document(path: Path, parent: QWidget | None = None) -> PdfViewer | None:
    """The system's viewer where there is one; else the document in a window of ours (returned, for tests)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return None
    viewer = PdfViewer(path, parent)
    viewer.show()
    return viewer
