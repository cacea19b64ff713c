"""A form dialog whose Save runs one service call as a write and closes only when it succeeded, the refusal shown
in the form; and the date field the forms share."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel

from desktop.ui import errors
from desktop.ui.context import Context


def date_edit(name: str, day: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(day) if day else QDate.currentDate())
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class FormDialog(QDialog):
    """Subclasses build their rows on ``form``, call ``finish()`` and implement ``save()`` with ``send``; a saved
    change tells the pages through ``Context.touched(touches)``."""

    touches = ""

    def __init__(self, ctx: Context, title: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.problem = QLabel()
        self.problem.setObjectName("form_problem")
        self.problem.setStyleSheet("color:#c0392b")
        self.problem.setWordWrap(True)

    def finish(self) -> None:
        self.form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def send(self, work) -> None:
        def done(result) -> None:
            self.result_value = result
            self.ctx.touched(*[kind for kind in (self.touches,) if kind])
            self.accept()
        self.ctx.runner.run(lambda job: work(), done, lambda e: self.problem.setText(errors.message(e)), write=True)

    def save(self) -> None:
        raise NotImplementedError
