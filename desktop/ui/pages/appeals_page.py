"""申诉与复核 (RULES.md APPEAL): every appeal against a result and every request for review of a misconduct record,
across rounds, with its state and its working-day deadlines (acceptance within 15 working days of receipt, the
decision within 90 of acceptance, once extended by six months); the secretariat registers each as received and
makes its signed notices here, the approver accepts, refuses with reasons, extends with a reason or decides."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.services import appeals
from desktop.ui import errors
from desktop.ui.context import ROUNDS, WORKSPACE, Context
from desktop.ui.pages.appeal_dialogs import AppealDialog
from desktop.ui.widgets.read_only_table import fit_columns, read_only_table
from desktop.ui.widgets.signed_batch import SignedBatch


class AppealsPage(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = dt.date.today()
        self.rows: list[dict] = []
        self.table = read_only_table([self.tr("编号"), self.tr("类型"), self.tr("申请人"), self.tr("收到日期"),
                                      self.tr("状态"), self.tr("受理决定期限"), self.tr("处理决定期限"),
                                      self.tr("决定")], "appeals")
        self.table.itemSelectionChanged.connect(self._selected_changed)
        self.add = QPushButton(self.tr("登记申诉或复核申请…"))
        self.add.setObjectName("appeal_add")
        self.add.clicked.connect(lambda: AppealDialog(self.ctx, self).open())
        self.accept = QPushButton(self.tr("予以受理"))
        self.accept.setObjectName("appeal_accept")
        self.accept.clicked.connect(self.accept_selected)
        self.reject = QPushButton(self.tr("不予受理…"))
        self.reject.setObjectName("appeal_reject")
        self.reject.clicked.connect(self.reject_selected)
        self.decide = QPushButton(self.tr("作出处理决定…"))
        self.decide.setObjectName("appeal_decide")
        self.decide.clicked.connect(self.decide_selected)
        self.extend = QPushButton(self.tr("延长处理期限…"))
        self.extend.setObjectName("appeal_extend")
        self.extend.clicked.connect(self.extend_selected)
        self.notice = SignedBatch(ctx, "appeal_notice")
        self.notice_title = QLabel()
        self.notice_title.setObjectName("appeal_notice_title")
        self.notice_title.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("appeals_status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addStretch(1)
        for button in (self.accept, self.reject, self.extend, self.decide):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.notice_title)
        layout.addWidget(self.notice)
        ctx.changed.connect(lambda kind: kind in (WORKSPACE, ROUNDS) and self.reload())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        if self.ctx.place is None or not self.ctx.actor.may("results.read"):
            return
        place, actor = self.ctx.place, self.ctx.actor
        self.ctx.runner.run(lambda job: appeals.list_appeals(place, actor), self._show,
                            lambda e: self.status.setText(errors.message(e)))
        for button in (self.accept, self.reject, self.extend, self.decide):
            button.setVisible(actor.may("appeals.decide"))
        self.add.setVisible(actor.may("appeals.record"))
        self.notice.setVisible(actor.may("letters"))

    def _show(self, rows: list[dict]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            extension = self.tr("（已延长：{0}）").format(a["extension_reason"]) if a["extension_reason"] else ""
            cells = [str(a["id"]), a["kind_text"], a["appellant"], a["received_on"], a["state_text"],
                     a["acceptance_due"], a["decision_due"] or "", (a["decision"] or a["reasons"]) + extension]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        fit_columns(self.table)
        waiting = [a for a in rows if a["state"] in ("received", "accepted")]
        self.status.setText(self.tr("共 {0} 件，待受理或待决定 {1} 件").format(len(rows), len(waiting)))
        self._selected_changed()

    def _selected_changed(self) -> None:
        """The notice of the selected appeal's present state; none before acceptance is decided. An appeal against
        a round's result proposes the round's own folder for it, and says the workspace keeps its copy there (the
        round's archive holds it) whatever folder is chosen."""
        row = self._selected()
        self.notice_title.setText(self.tr("所选申诉的通知书（受理、不予受理或处理决定）"))
        if row is None or row["state"] == "received" or self.ctx.place is None:
            self.notice.set_make(None)
            return
        place, actor, appeal_id = self.ctx.place, self.ctx.actor, row["id"]
        kept = appeals.notices_folder(place, row["round"])
        if row["round"] is not None:
            self.notice_title.setText(self.tr("所选申诉的通知书（受理、不予受理或处理决定）。无论保存到哪个文件夹，"
                                              "工作区都在 {0} 留存一份，随评审轮次 {1} 归档").format(kept, row["round"]))
        self.notice.set_make(lambda out, sign, cancel, progress, password: appeals.print_appeal_notice(
            place, actor, appeal_id, out, sign=sign, cancel=cancel, password=password), kept)

    def _selected(self) -> dict | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _act(self, work, title: str) -> None:
        place, actor = self.ctx.place, self.ctx.actor
        self.ctx.runner.run(lambda job: work(place, actor), lambda _: self.reload(),
                            lambda e: errors.show(self, title, e))

    def accept_selected(self) -> None:
        if (row := self._selected()) is not None:
            self._act(lambda place, actor: appeals.accept_appeal(place, actor, row["id"], self.today),
                      self.tr("无法受理"))

    def reject_selected(self) -> None:
        if (row := self._selected()) is None:
            return
        reasons, ok = QInputDialog.getText(self, self.tr("不予受理"), self.tr("不予受理的理由："))
        if ok:
            self._act(lambda place, actor: appeals.reject_appeal(place, actor, row["id"], self.today, reasons),
                      self.tr("无法作出不予受理决定"))

    def extend_selected(self) -> None:
        if (row := self._selected()) is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("延长处理期限"),
                                          self.tr("延长六个月的理由（第二十三条，只能延长一次）："))
        if ok:
            self._act(lambda place, actor: appeals.extend_appeal(place, actor, row["id"], reason),
                      self.tr("无法延长处理期限"))

    def decide_selected(self) -> None:
        if (row := self._selected()) is None:
            return
        decision, ok = QInputDialog.getText(self, self.tr("处理决定"), self.tr("处理决定："))
        if ok:
            self._act(lambda place, actor: appeals.decide_appeal(place, actor, row["id"], self.today, decision),
                      self.tr("无法作出处理决定"))
