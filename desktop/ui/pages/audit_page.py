"""审计日志: the latest entries in words (desktop.ui.audit_words), each entry's changes as before and after, the
entry as stored for auditors, and a check of the hash chain anyone can run."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.services import audit_log
from desktop.ui import audit_words, errors
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
        self.entries: list[dict] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作员"), self.tr("操作"), self.tr("对象"),
                                              self.tr("改动")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_entry(row))
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("audit_detail")
        self.detail.setReadOnly(True)
        self.raw = QPushButton(self.tr("显示原始记录"))
        self.raw.setObjectName("audit_raw")
        self.raw.setToolTip(self.tr("按日志中保存的样子显示这一条（JSON、哈希），供审计核对"))
        self.raw.setCheckable(True)
        self.raw.toggled.connect(lambda _on: self._show_entry(self.table.currentRow()))
        detail_bar = QHBoxLayout()
        detail_bar.addWidget(QLabel(self.tr("所选记录的改动")))
        detail_bar.addStretch()
        detail_bar.addWidget(self.raw)
        lower = QWidget()
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addLayout(detail_bar)
        below.addWidget(self.detail)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split)
        ctx.changed.connect(self._changed)

    def _changed(self, kind: str) -> None:
        if kind == WORKSPACE:
            self._fill([])  # the entries of the workspace open before
            self.status.clear()
        if kind in (WORKSPACE, AUDIT) and self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        if self.ctx.place is None:
            return
        place, actor = self.ctx.place, self.ctx.actor
        self.ctx.runner.run(lambda job: audit_log.recent(place, actor, LIMIT), lambda e: place == self.ctx.place and
                            self._fill(e),
                            lambda e: self.status.setText(errors.message(e)))

    def _chinese(self) -> bool:
        return self.ctx.settings.language == "zh_CN"

    def _fill(self, entries: list[dict]) -> None:
        self.entries = sorted(entries, key=lambda e: e["id"], reverse=True)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = [entry["at"].replace("T", " ")[:19], entry["actor"], audit_words.action_name(entry["action"]),
                     audit_words.target_text(entry["target"], entry["action"]),
                     audit_words.summary(entry, self._chinese())]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setToolTip(entry["action"])  # the code, as the command line and the raw entry name it
                self.table.setItem(row, column, item)
        for column in range(4):  # the changes take the rest of the width, and are read whole below
            self.table.resizeColumnToContents(column)
        if self.entries:
            self.table.setCurrentCell(0, 0)
        else:
            self.detail.clear()

    def _show_entry(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            self.detail.clear()
            return
        entry = self.entries[row]
        if self.raw.isChecked():
            self.detail.setPlainText(audit_words.raw_text(entry))
            return
        head = self.tr("第 {0} 条　{1}　{2}　{3}").format(entry["id"], entry["at"].replace("T", " ")[:19],
                                                      entry["actor"], audit_words.action_name(entry["action"]))
        target = audit_words.target_text(entry["target"], entry["action"])
        lines = [head] + ([self.tr("对象：{0}").format(target)] if target else [])
        self.detail.setPlainText("\n".join(lines + audit_words.changes(entry, self._chinese())))

    def verify(self) -> None:
        place, actor = self.ctx.place, self.ctx.actor
        self.ctx.runner.run(lambda job: audit_log.verify_log(place, actor), self._verified,
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
