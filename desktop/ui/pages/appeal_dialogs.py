"""The form of the 申诉与复核 page: an appeal against an application's result in a round, or a subject's request for
review of a misconduct record, as the secretariat receives it (002 第二十二条)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from desktop.services import appeals
from desktop.ui.context import ROUNDS, Context
from desktop.ui.widgets.form_dialog import FormDialog, date_edit

APPEAL, REVIEW = "appeal", "review"


class AppealDialog(FormDialog):
    touches = ROUNDS

    def __init__(self, ctx: Context, parent=None):
        super().__init__(ctx, self.tr("登记申诉或复核申请"), parent)
        self.kind = QComboBox()
        self.kind.setObjectName("appeal_kind")
        self.kind.addItem(self.tr("申诉（针对评审结果）"), APPEAL)
        self.kind.addItem(self.tr("复核申请（针对失信行为记录）"), REVIEW)
        self.round = QSpinBox()
        self.round.setObjectName("appeal_round")
        self.round.setRange(1, 99999)
        self.application = QLineEdit()
        self.application.setObjectName("appeal_application")
        self.application.setPlaceholderText(self.tr("项目编号"))
        self.record = QSpinBox()
        self.record.setObjectName("appeal_record")
        self.record.setRange(1, 999999)
        self.appellant = QLineEdit()
        self.appellant.setObjectName("appeal_appellant")
        self.received_on = date_edit("appeal_received_on")
        self.text = QPlainTextEdit()
        self.text.setObjectName("appeal_text")
        self.form.addRow(self.tr("类型"), self.kind)
        self.form.addRow(self.tr("评审轮次编号"), self.round)
        self.form.addRow(self.tr("项目编号"), self.application)
        self.form.addRow(self.tr("失信行为记录编号"), self.record)
        self.form.addRow(self.tr("申请人"), self.appellant)
        self.form.addRow(self.tr("收到日期"), self.received_on)
        self.form.addRow(self.tr("申请事项"), self.text)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.finish()

    def _kind_changed(self) -> None:
        appeal = self.kind.currentData() == APPEAL
        for widget, shown in ((self.round, appeal), (self.application, appeal), (self.record, not appeal)):
            widget.setVisible(shown)
            self.form.labelForField(widget).setVisible(shown)

    def save(self) -> None:
        place, op = self.ctx.place, self.ctx.actor
        on, who, text = self.received_on.date().toPython(), self.appellant.text(), self.text.toPlainText()
        if self.kind.currentData() == APPEAL:
            round_id, application = self.round.value(), self.application.text().strip()
            self.send(lambda: appeals.receive_appeal(place, op, on, who, text, round_id=round_id,
                                                     application=application))
        else:
            record = self.record.value()
            self.send(lambda: appeals.receive_appeal(place, op, on, who, text, record_id=record))
