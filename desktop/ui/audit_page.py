"""审计日志: the latest entries, and a check of the hash chain anyone can run."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.services import audit_log
from desktop.services.confidential import mask_ids_in
from desktop.ui import errors
from desktop.ui.context import AUDIT, WORKSPACE, Context

LIMIT = 500


class AuditPage(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.status = QLabel()
        self.status.setObjectName("audit_status")
        verify = QPushButton(self.tr("校验日志完整性"))
        verify.clicked.connect(self.verify)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("最近 {0} 条操作记录（每条与前一条以哈希相连，任何改动都会被发现）").format(LIMIT)))
        bar.addStretch()
        bar.addWidget(self.status)
        bar.addWidget(verify)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作员"), self.tr("操作"), self.tr("对象"),
                                              self.tr("内容")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        ctx.changed.connect(self._changed)

    def _changed(self, kind: str) -> None:
        if kind == WORKSPACE:
            self.table.setRowCount(0)  # the entries of the workspace open before
            self.status.clear()
        if kind in (WORKSPACE, AUDIT) and self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        if self.ctx.place is None:
            return
        place = self.ctx.place
        self.ctx.runner.run(lambda job: audit_log.recent(place, LIMIT), lambda e: place == self.ctx.place and
                            self._show(e),
                            lambda e: self.status.setText(errors.message(e)))

    def _show(self, entries: list[dict]) -> None:
        entries = sorted(entries, key=lambda e: e["id"], reverse=True)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [entry["at"].replace("T", " ")[:19], entry["actor"], entry["action"],
                     mask_ids_in(entry["target"]), mask_ids_in(entry["after"])[:300]]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(4, 400)

    def verify(self) -> None:
        place = self.ctx.place
        self.ctx.runner.run(lambda job: audit_log.verify_log(place), self._verified,
                            lambda e: errors.show(self, self.tr("校验失败"), e))

    def _verified(self, result) -> None:
        if result.intact:
            text = self.tr("✔ 日志完整，共 {0} 条").format(result.entries)
            if not result.signed:
                text += self.tr("（没有签名检查点：日志被截断或整体改写时无法发现）")
            self.status.setText(text)
            self.status.setStyleSheet("color:#1e7d32")
        elif result.first_broken is not None:
            self.status.setText(self.tr("✘ 日志在第 {0} 条处断开：{1}").format(result.first_broken, result.reason))
            self.status.setStyleSheet("color:#c0392b")
        else:
            self.status.setText(self.tr("✘ 数据与日志不符：{0}").format(
                "；".join(problem["message"] for problem in result.problems)))
            self.status.setStyleSheet("color:#c0392b")
