"""The forms of the publicity step: an objection (异议) as received — who, when, against which application, the text
and its attachments — and an approver's answer to one (PUBLICITY)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLineEdit, QListWidget, QPlainTextEdit, QPushButton

from desktop.services import publicity
from desktop.services.rounds import RoundRef
from desktop.ui.context import ROUNDS, Context
from desktop.ui.widgets.form_dialog import FormDialog, date_edit

DECISIONS = {"upheld": QT_TRANSLATE_NOOP("AnswerDialog", "异议成立"),
             "dismissed": QT_TRANSLATE_NOOP("AnswerDialog", "异议不成立")}  # desktop.domain.publicity.DECISIONS


class ObjectionDialog(FormDialog):
    touches = ROUNDS

    def __init__(self, ctx: Context, ref: RoundRef, applications: list[str], day: dt.date, parent=None):
        super().__init__(ctx, self.tr("登记异议"), parent)
        self.ref = ref
        self.application = QComboBox()
        self.application.setObjectName("objection_application")
        self.application.setEditable(True)
        self.application.addItems(applications)
        self.objector = QLineEdit()
        self.objector.setObjectName("objection_objector")
        self.objector.setPlaceholderText(self.tr("姓名或单位，实名或匿名"))
        self.received_on = date_edit("objection_received_on", day)
        self.text = QPlainTextEdit()
        self.text.setObjectName("objection_text")
        self.files = QListWidget()
        self.files.setObjectName("objection_files")
        self.files.setMaximumHeight(70)
        add = QPushButton(self.tr("添加附件…"))
        add.clicked.connect(self.choose_files)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addWidget(add)
        self.form.addRow(self.tr("针对项目"), self.application)
        self.form.addRow(self.tr("提出人"), self.objector)
        self.form.addRow(self.tr("收到日期"), self.received_on)
        self.form.addRow(self.tr("异议内容"), self.text)
        self.form.addRow(self.tr("附件"), files_row)
        self.finish()

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("选择附件"))
        self.files.addItems(chosen)

    def save(self) -> None:
        place, op, ref = self.ctx.place, self.ctx.actor, self.ref
        application, objector = self.application.currentText().strip(), self.objector.text()
        on, text = self.received_on.date().toPython(), self.text.toPlainText()
        files = [Path(self.files.item(i).text()) for i in range(self.files.count())]
        self.send(lambda: publicity.record_objection(place, op, ref, application, objector, on, text, files))


class AnswerDialog(FormDialog):
    touches = ROUNDS

    def __init__(self, ctx: Context, objection: dict, day: dt.date, parent=None):
        super().__init__(ctx, self.tr("答复异议"), parent)
        self.objection = objection
        self.decision = QComboBox()
        self.decision.setObjectName("answer_decision")
        for key, words in DECISIONS.items():
            self.decision.addItem(self.tr(words), key)
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("answer_text")
        self.answered_on = date_edit("answer_on", day)
        self.form.addRow(self.tr("异议"), QLineEdit(f"{objection['objector']}：{objection['text']}", readOnly=True))
        self.form.addRow(self.tr("结论"), self.decision)
        self.form.addRow(self.tr("答复"), self.answer)
        self.form.addRow(self.tr("答复日期"), self.answered_on)
        self.finish()

    def save(self) -> None:
        place, op, objection_id = self.ctx.place, self.ctx.actor, self.objection["id"]
        decision, answer, on = self.decision.currentData(), self.answer.toPlainText(), self.answered_on.date().toPython()
        self.send(lambda: publicity.answer_objection(place, op, objection_id, decision, answer, on))
