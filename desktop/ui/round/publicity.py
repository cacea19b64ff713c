"""Step 11: the publicity list and its objections (PUBLICITY). The list of the approved results' recommended
applications is noticed for N working days (default 5) from its start, the end counted on the working-day calendar;
objections received are recorded with their attachments (late ones marked), an approver answers each, and the list
is made final once the period has ended and every objection is answered. The list itself is printed here, signed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from desktop.services import publicity
from desktop.services.publicity import DEFAULT_WORKING_DAYS
from desktop.services.rounds import RoundInfo, RoundRef
from desktop.ui import errors
from desktop.ui.context import ROUNDS, Context
from desktop.ui.round.publicity_dialogs import DECISIONS, AnswerDialog, ObjectionDialog
from desktop.ui.shown_load import LoadsWhenShown
from desktop.ui.widgets.form_dialog import date_edit
from desktop.ui.widgets.read_only_table import fill_rows, fit_columns, read_only_table
from desktop.ui.widgets.signed_batch import SignedBatch


class PublicityStep(LoadsWhenShown, QWidget):
    saved = Signal(object)

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = dt.date.today()
        self.info: RoundInfo | None = None
        self.period: dict | None = None
        self.summary = QLabel()
        self.summary.setObjectName("publicity_summary")
        self.summary.setWordWrap(True)
        self.start_on = date_edit("publicity_start")
        self.days = QSpinBox()
        self.days.setObjectName("publicity_days")
        self.days.setRange(1, 60)
        self.days.setValue(DEFAULT_WORKING_DAYS)
        self.days.setSuffix(self.tr(" 个工作日"))
        self.start = QPushButton(self.tr("开始公示"))
        self.start.setObjectName("publicity_begin")
        self.start.clicked.connect(self.start_selected)
        self.starting = QWidget()
        start_row = QHBoxLayout(self.starting)
        start_row.setContentsMargins(0, 0, 0, 0)
        start_row.addWidget(QLabel(self.tr("公示开始日期")))
        start_row.addWidget(self.start_on)
        start_row.addWidget(QLabel(self.tr("公示期")))
        start_row.addWidget(self.days)
        start_row.addWidget(self.start)
        start_row.addStretch(1)
        self.objections = read_only_table([self.tr("编号"), self.tr("项目"), self.tr("提出人"), self.tr("收到日期"),
                                           self.tr("逾期"), self.tr("附件"), self.tr("异议内容"), self.tr("结论"),
                                           self.tr("答复")], "objections")
        self.add = QPushButton(self.tr("登记异议…"))
        self.add.setObjectName("objection_add")
        self.add.clicked.connect(self.add_objection)
        self.answer = QPushButton(self.tr("答复所选异议…"))
        self.answer.setObjectName("objection_answer")
        self.answer.clicked.connect(self.answer_selected)
        self.final = QPushButton(self.tr("确认公示名单"))
        self.final.setObjectName("publicity_final")
        self.final.clicked.connect(self.make_final)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.answer)
        buttons.addStretch(1)
        buttons.addWidget(self.final)
        self.printing = SignedBatch(ctx, "publicity_list")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.starting)
        layout.addWidget(QLabel(self.tr("异议（公示期内收到的，及期满后收到、记为逾期的）")))
        layout.addWidget(self.objections, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("公示名单（PDF）")))
        layout.addWidget(self.printing)
        ctx.changed.connect(lambda kind: kind == ROUNDS and self.info is not None and self.load_when_shown(True))

    def set_round(self, info: RoundInfo | None) -> None:
        self.info, self.period = info, None
        ready = bool(info and info.state in ("results", "closed"))
        self._show(None)
        self.summary.setText(self.tr("评审结果审批后，在这里公示推荐名单、登记和答复异议。") if not ready
                             else self.tr("正在读取…"))
        self.load_when_shown(ready)

    def load(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: publicity.show_publicity(place, actor, ref, missing_ok=True), lambda shown: self._loaded(ref, shown),
                            lambda e: self.summary.setText(errors.message(e)))

    def _loaded(self, ref: RoundRef, period: dict | None) -> None:
        if self.info is None or self.info.ref != ref:
            return
        self._show(period)
        if period is None:
            self.summary.setText(self.tr("尚未开始公示：选择开始日期和公示期（工作日），公示名单为审批后的推荐项目。"))
            return
        text = self.tr("公示期：{0} 至 {1}（{2}个工作日，按工作日历版本 {3} 计算）；公示名单 {4} 项；"
                       "异议 {5} 条，其中未答复 {6} 条。").format(
            period["start"], period["end"], period["working_days"], period["calendar_version"],
            len(period["applications"]), len(period["objections"]), period["unanswered"])
        if period["final"]:
            text += self.tr("公示名单已于 {0} 由 {1} 确认。").format(period["final_at"], period["final_by"])
        else:
            text += self.tr("期满（{0}之后）且异议均已答复后，才能确认公示名单。").format(period["end"])
        self.summary.setText(text)

    def _show(self, period: dict | None) -> None:
        self.period = period
        rows = period["objections"] if period else []
        fill_rows(self.objections, [[str(o["id"]), o["application"], o["objector"], o["received_on"],
                                     self.tr("逾期") if o["late"] else "", str(len(o["attachments"])) if o["attachments"] else "",
                                     o["text"], self.tr(DECISIONS[o["decision"]]) if o["decision"] else "",
                                     o["answer"]] for o in rows])
        fit_columns(self.objections)
        op, open_ = self.ctx.actor, bool(self.info and self.info.state == "results")
        started, final = period is not None, bool(period and period["final"])
        self.starting.setVisible(open_ and not started and op is not None and op.may("publicity.manage"))
        self.add.setVisible(op is not None and op.may("objections.record"))
        self.answer.setVisible(op is not None and op.may("objections.answer"))
        self.final.setVisible(op is not None and op.may("publicity.manage"))
        for button in (self.add, self.answer):
            button.setEnabled(open_ and started)
        self.final.setEnabled(open_ and started and not final)
        self.printing.setVisible(op is not None and op.may("letters"))
        if started and open_:
            place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
            self.printing.set_make(lambda out, sign, cancel, progress, password: publicity.print_publicity(
                place, actor, ref, out, sign=sign, cancel=cancel, password=password),
                place / "out" / f"round-{ref.id}")
        else:
            self.printing.set_make(None)

    def _act(self, work) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: work(place, actor, ref), lambda _: self._changed(ref),
                            lambda e: self.summary.setText(errors.message(e)), write=True)

    def _changed(self, ref: RoundRef) -> None:
        self.ctx.touched(ROUNDS)
        self.saved.emit(ref)

    def start_selected(self) -> None:
        start, days = self.start_on.date().toPython(), self.days.value()
        self._act(lambda place, actor, ref: publicity.start_publicity(place, actor, ref, start, days))

    def add_objection(self) -> None:
        if self.period is not None:
            ObjectionDialog(self.ctx, self.info.ref, self.period["applications"], self.today, self).open()

    def answer_selected(self) -> None:
        row = self.objections.currentRow()
        if self.period is not None and 0 <= row < len(self.period["objections"]):
            AnswerDialog(self.ctx, self.period["objections"][row], self.today, self).open()

    def make_final(self) -> None:
        today = self.today
        self._act(lambda place, actor, ref: publicity.make_final(place, actor, ref, today))
