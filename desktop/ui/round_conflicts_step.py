"""Step 3: who may not review what, and why — per application the excluded experts with the ground codes, and
for any pair the explanation in words.

Conflicts are computed in a worker, which hands back a plain summary (names, codes, and a call that words one pair)
so nothing on the GUI thread walks the domain's index; Cancel drops the result (the computation itself is one call). Experts excluded
only by FIELD are not listed (they are most of a large pool) but any pair can be explained by ID number, again in a
worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QTextBrowser, QVBoxLayout, QWidget)

from desktop.services import ui_queries
from desktop.services.confidential import mask_id
from desktop.services.rounds import RoundInfo
from desktop.services.ui_queries import ConflictSummary
from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.service_words import said


class ConflictsStep(QWidget):
    computed = Signal()  # conflicts of the shown round are on screen

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.conflicts: ConflictSummary | None = None
        self.job = None
        self.compute = QPushButton(self.tr("计算回避关系"))
        self.compute.setObjectName("compute_conflicts")
        self.compute.clicked.connect(self.run)
        self.cancel = QPushButton(self.tr("取消"))
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self._cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.applications = QListWidget()
        self.applications.setObjectName("conflict_applications")
        self.applications.currentItemChanged.connect(self._application_chosen)
        self.pairs = QTableWidget(0, 4)
        self.pairs.setObjectName("conflict_pairs")
        self.pairs.setHorizontalHeaderLabels([self.tr("专家"), self.tr("身份证号"), self.tr("回避事由代码"),
                                              self.tr("事由")])
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs.verticalHeader().setVisible(False)
        self.pairs.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.pairs.currentCellChanged.connect(lambda row, *_: self._explain_row(row))
        self.expert = QLineEdit()
        self.expert.setPlaceholderText(self.tr("输入任一专家的身份证号，查看其与所选项目的回避情况"))
        self.expert.returnPressed.connect(lambda: self.explain(self.expert.text().strip().upper()))
        self.explanation = QTextBrowser()
        self.explanation.setObjectName("explanation")
        bar = QHBoxLayout()
        bar.addWidget(self.compute)
        bar.addWidget(self.cancel)
        bar.addWidget(self.status, 1)
        right = QWidget()
        r = QVBoxLayout(right)
        r.setContentsMargins(0, 0, 0, 0)
        r.addWidget(self.pairs, 3)
        r.addWidget(self.expert)
        r.addWidget(self.explanation, 2)
        split = QSplitter()
        split.addWidget(self.applications)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def set_round(self, info: RoundInfo | None) -> None:
        if info is None or self.info is None or info.ref != self.info.ref or info.panels != self.info.panels:
            self.conflicts = None
            self.applications.clear()
            self.pairs.setRowCount(0)
            self.explanation.clear()
        self.info = info
        ready = info is not None and bool(info.panels)
        self.compute.setEnabled(ready)
        if not ready:
            self.status.setText(self.tr("设置评审组后才能计算回避关系。"))
        elif self.conflicts is None:
            self.status.setText(self.tr("点击「计算回避关系」，逐一核对每位专家与每个项目之间的回避事由。"))

    def run(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.compute.setEnabled(False)
        self.cancel.setEnabled(True)
        self.status.setText(self.tr("正在计算回避关系…"))
        self.job = self.ctx.runner.run(lambda job: ui_queries.conflict_summary(place, actor, ref),
                                       lambda found: self._computed(ref, found), self._failed)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.cancel.setEnabled(False)
        self.compute.setEnabled(True)
        self.status.setText(self.tr("已取消。"))

    def _failed(self, error: BaseException) -> None:
        self.cancel.setEnabled(False)
        self.compute.setEnabled(True)
        self.status.setText(errors.message(error))

    def _computed(self, ref, summary: ConflictSummary) -> None:
        if (self.job is not None and self.job.cancelled()) or self.info is None or self.info.ref != ref:
            return  # cancelled, or another round (or workspace) was chosen meanwhile
        self.cancel.setEnabled(False)
        self.compute.setEnabled(True)
        self.conflicts = summary
        self.applications.clear()
        for number, panel in summary.applications:
            item = QListWidgetItem(self.tr("{0}（{1}）回避 {2} 人").format(number, panel, len(summary.pairs[number])))
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.applications.addItem(item)
        total = sum(len(rows) for rows in summary.pairs.values())
        warnings = "；".join(summary.warnings)
        self.status.setText(self.tr("共 {0} 个项目、{1} 位专家；除学科不符外，共 {2} 对专家—项目须回避。").format(
            len(summary.applications), summary.experts, total) + (f"　{warnings}" if warnings else ""))
        if self.applications.count():
            self.applications.setCurrentRow(0)
        self.computed.emit()

    def _application_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None or self.conflicts is None:
            return
        rows = self.conflicts.pairs[item.data(Qt.ItemDataRole.UserRole)]
        self.pairs.setRowCount(len(rows))
        for row, pair in enumerate(rows):
            for column, text in enumerate([pair.name, mask_id(pair.expert), self.tr("、").join(pair.codes),
                                           self.tr("；").join(said(t) for t in pair.titles)]):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, row)
                self.pairs.setItem(row, column, cell)
        self.explanation.clear()

    def _explain_row(self, row: int) -> None:
        current = self.applications.currentItem()
        if current is None or self.conflicts is None or self.pairs.item(row, 0) is None:
            return
        number = current.data(Qt.ItemDataRole.UserRole)
        pair = self.conflicts.pairs[number][row]
        self._show_explanation(number, pair.expert, *self.conflicts.explain(number, pair.expert))

    def explain(self, expert: str) -> None:
        """Any expert of the pool against the chosen application: computed again in a worker."""
        current = self.applications.currentItem()
        if current is None or self.conflicts is None or not expert:
            return
        number, place, ref = current.data(Qt.ItemDataRole.UserRole), self.ctx.place, self.conflicts.ref
        actor = self.ctx.actor
        self.explanation.setPlainText(self.tr("正在查询…"))

        def shown(found) -> None:
            if self.conflicts is not None and self.conflicts.ref == ref:
                self._show_explanation(number, expert, *found)

        self.ctx.runner.run(lambda job: ui_queries.explain_pair(place, actor, ref, number, expert), shown,
                            lambda e: self.explanation.setPlainText(errors.message(e)))

    def _show_explanation(self, number: str, expert: str, name: str, sentences: list[str]) -> None:
        head = self.tr("专家 {0}（{1}）与项目 {2}：").format(name, mask_id(expert), number)
        body = "\n".join(f"· {s}" for s in sentences) if sentences else self.tr("无回避事由，可以评审此项目。")
        self.explanation.setPlainText(f"{head}\n{body}")
