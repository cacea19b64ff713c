"""The row of long work in a page or dialog: a progress bar with its Cancel button beside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton


def progress_row(cancel_text: str, on_cancel: Callable[[], None]) -> tuple[QHBoxLayout, QProgressBar, QPushButton]:
    """The row to add to a layout, its bar and its button (``cancel_text`` already translated by the caller)."""
    row, bar, cancel = QHBoxLayout(), QProgressBar(), QPushButton(cancel_text)
    cancel.clicked.connect(on_cancel)
    row.addWidget(bar, 1)
    row.addWidget(cancel)
    return row, bar, cancel
