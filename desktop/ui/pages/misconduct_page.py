"""失信与修复 (RULES.md MISCONDUCT_RECORD, MEASURES, CREDIT_REPAIR): every misconduct record with its status today and
its review-request deadline, entering a record and its notification, and credit repair: the application judged
against 002 第二十五条's four conditions, each shown met or not with its facts, and the approver's decision.

The secretariat enters records and applications; an approver (审批人) decides repairs; the services refuse anyone
else. ID numbers are shown masked (CONFIDENTIAL).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QPushButton, QSplitter, QTableWidgetItem,
                               QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from desktop.services import credit_repair, misconduct
from desktop.services.confidential import masked
from desktop.ui import errors
from desktop.ui.context import POOL, WORKSPACE, Context
from desktop.ui.pages.calendar_page import CALENDAR
from desktop.ui.pages.misconduct_dialogs import MISCONDUCT, MisconductDialog, NotificationDialog, RepairDialog
from desktop.ui.widgets.read_only_table import fit_columns, read_only_table


class MisconductPage(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.records: list[dict] = []
        self.repairs: list[dict] = []
        self.table = read_only_table([self.tr("编号"), self.tr("责任主体"), self.tr("证件号码"), self.tr("状态"),
                                      self.tr("惩戒期"), self.tr("通报日期"), self.tr("复核申请截止"),
                                      self.tr("失信行为"), self.tr("惩戒措施")], "misconduct_records")
        self.table.itemSelectionChanged.connect(self._selected)
        self.add = QPushButton(self.tr("录入失信行为记录…"))
        self.add.setObjectName("add_misconduct")
        self.add.clicked.connect(lambda: MisconductDialog(self.ctx, self).open())
        self.notify = QPushButton(self.tr("记录通报日期…"))
        self.notify.setObjectName("notify_misconduct")
        self.notify.clicked.connect(lambda: NotificationDialog(self.ctx, self.current(), self).open())
        self.apply = QPushButton(self.tr("登记信用修复申请…"))
        self.apply.setObjectName("apply_repair")
        self.apply.clicked.connect(lambda: RepairDialog(self.ctx, self.current(), self).open())
        self.repair_table = read_only_table([self.tr("条件"), self.tr("是否满足"), self.tr("事实")], "repair_conditions")
        self.repair_note = QLabel()
        self.repair_note.setObjectName("repair_note")
        self.repair_note.setWordWrap(True)
        self.approve = QPushButton(self.tr("同意修复…"))
        self.approve.setObjectName("approve_repair")
        self.approve.clicked.connect(lambda: self.decide(True))
        self.refuse = QPushButton(self.tr("不予修复…"))
        self.refuse.setObjectName("refuse_repair")
        self.refuse.clicked.connect(lambda: self.decide(False))
        self.status = QLabel()
        self.status.setWordWrap(True)
        note = QLabel(self.tr("失信行为选自002第九至十三条，惩戒措施选自第十八条；措施(五)(六)在惩戒期内使专家回避"
                              "（INTEGRITY）并限制申报。责任主体自通报之日起15个工作日内可申请复核。信用修复须同时满足"
                              "第二十五条四项条件，由审批人决定；同意修复后自决定之日起移出名单，记录与决定均保留。"))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add, self.notify, self.apply):
            buttons.addWidget(button)
        buttons.addStretch()
        decide = QHBoxLayout()
        decide.addWidget(self.repair_note, 1)
        decide.addWidget(self.approve)
        decide.addWidget(self.refuse)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(decide)
        lower_layout.addWidget(self.repair_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([360, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        ctx.changed.connect(self._changed)
        self._selected()

    def _changed(self, kind: str) -> None:
        if kind in (WORKSPACE, POOL, CALENDAR, MISCONDUCT) and self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        op, place = self.ctx.actor, self.ctx.place
        if op is None or not op.may("experts.read"):
            return
        for button in (self.add, self.notify, self.apply):
            button.setVisible(op.may("misconduct.edit"))
        for button in (self.approve, self.refuse):
            button.setVisible(op.may("repair.decide"))
        today = dt.date.today()
        self.ctx.runner.run(lambda job: (masked(misconduct.misconduct_records(place, op, today)),
                                         credit_repair.repairs(place, op)), self._show,
                            lambda e: self.status.setText(errors.message(e)))

    def _words(self) -> dict[str, str]:
        """The services' status words in the window's language."""
        return {misconduct.NO_PERIOD: self.tr("无惩戒期"), misconduct.NOT_YET: self.tr("未到惩戒期"),
                misconduct.IN_FORCE: self.tr("惩戒期内"), misconduct.ENDED: self.tr("惩戒期已满"),
                misconduct.REPAIRED: self.tr("已信用修复"), credit_repair.PENDING: self.tr("待审批"),
                credit_repair.APPROVED: self.tr("同意修复"), credit_repair.REFUSED: self.tr("不予修复")}

    def _show(self, found: tuple[list[dict], list[dict]]) -> None:
        chosen = self.current()
        words = self._words()
        self.records, self.repairs = found
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            period = self.tr("{0} 至 {1}").format(r["penalty_start"], r["penalty_end"]) if r["penalty_start"] else ""
            for column, text in enumerate((str(r["id"]), r["subject_name"], r["subject_code"],
                                           words.get(r["status"], r["status"]), period, r["notified_on"] or "",
                                           r["review_request_due"] or "",
                                           f"{r['violation_ref']} {r['violation']}".strip(),
                                           self.tr("；").join(r["measures"]))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        fit_columns(self.table)
        ids = [r["id"] for r in self.records]
        if chosen is not None and chosen["id"] in ids:
            self.table.selectRow(ids.index(chosen["id"]))
        self.status.setText(self.tr("共 {0} 条记录，其中惩戒期内 {1} 条，已信用修复 {2} 条").format(
            len(self.records), sum(r["status"] == misconduct.IN_FORCE for r in self.records),
            sum(r["status"] == misconduct.REPAIRED for r in self.records)))
        self._selected()

    def current(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows and rows[0].row() < len(self.records) else None

    def current_repair(self) -> dict | None:
        record = self.current()
        found = [r for r in self.repairs if record is not None and r["record_id"] == record["id"]]
        return found[-1] if found else None

    def _selected(self) -> None:
        record, repair = self.current(), self.current_repair()
        self.notify.setEnabled(record is not None)
        self.apply.setEnabled(record is not None and record["status"] == misconduct.IN_FORCE)
        pending = repair is not None and repair["state"] == credit_repair.PENDING
        self.approve.setEnabled(pending and repair["all_met"])
        self.refuse.setEnabled(pending)
        conditions = repair["conditions"] if repair else []
        self.repair_table.setRowCount(len(conditions))
        for row, c in enumerate(conditions):
            for column, text in enumerate((f"{c['condition']} {c['text']}", self.tr("满足") if c["met"] else
                                           self.tr("不满足"), c["facts"])):
                self.repair_table.setItem(row, column, QTableWidgetItem(text))
        fit_columns(self.repair_table, 420)
        if repair is None:
            self.repair_note.setText(self.tr("所选记录没有信用修复申请。") if record else "")
        else:
            self.repair_note.setText(self.tr("修复申请 {0}（{1}申请）：{2}{3}").format(
                repair["id"], repair["applied_on"], self._words().get(repair["state"], repair["state"]),
                self.tr("，{0}于{1}决定").format(repair["decided_by"], repair["decided_on"])
                if repair["decided_on"] else ""))

    def decide(self, approve: bool) -> None:
        repair = self.current_repair()
        if repair is None:
            return
        title = self.tr("同意修复") if approve else self.tr("不予修复")
        reason, ok = QInputDialog.getText(self, title, self.tr("决定日期为今天。理由（不予修复时必填）："))
        if ok:
            self.decide_with(repair["id"], approve, dt.date.today(), reason)

    def decide_with(self, repair_id: int, approve: bool, on: dt.date, reason: str) -> None:
        op, place = self.ctx.actor, self.ctx.place
        self.ctx.runner.run(lambda job: credit_repair.decide_repair(place, op, repair_id, approve, on, reason),
                            lambda _r: self.ctx.touched(MISCONDUCT, POOL),
                            lambda e: errors.show(self, self.tr("未能作出决定"), e), write=True)
