"""Printing finished PDFs with Qt alone: QtPdf draws each page as an image onto the printer.

No PDF viewer or system print spooler command is needed, which matters on a locked-down laptop. Pages are drawn at
no more than 300 dpi: enough for a letter to be signed by hand, and a high-resolution printer at full resolution
would need half a gigabyte per A4 page. QPainter may paint on a QPrinter outside the GUI thread, so this runs in a
worker; the printer belongs to that worker until it returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.services.errors import UserError

MAX_DPI = 300


class PrintError(UserError):
    """A file that cannot be read as a PDF, or a printer that cannot start; message in Chinese."""


def print_pdfs(paths: Sequence[Path], printer: QPrinter) -> int:
    """Print every page of ``paths`` in order, one print job; returns the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(QCoreApplication.translate("printing", "打印机无法开始打印，请检查打印机设置"))
    pages = 0
    try:
        for path in paths:
            document = QPdfDocument()
            if document.load(str(path)) != QPdfDocument.Error.None_:
                raise PrintError(QCoreApplication.translate("printing", "无法读取 {0}：不是可打印的 PDF 文件").format(
                    Path(path).name))
            for page in range(document.pageCount()):
                if pages:
                    printer.newPage()
                _draw_page(painter, printer, document, page)
                pages += 1
    finally:
        painter.end()
    return pages


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    """The page scaled to fit the printable area, centred, at the printer's resolution capped at MAX_DPI."""
    points = document.pagePointSize(page)
    dpi = min(printer.resolution(), MAX_DPI)
    image = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
    area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    area.moveTo(0, 0)
    scale = min(area.width() / image.width(), area.height() / image.height())
    target = QRectF(0, 0, image.width() * scale, image.height() * scale)
    target.moveCenter(area.center())
    painter.drawImage(target, image)
