"""Step 3: who may not review what, and why — per application the excluded experts with the ground codes, and
for any pair the explanation in words.

Conflicts are computed in the process beside the window (desktop.services.side_process: seconds of Python, which in
a worker thread kept the GUI thread waiting for the interpreter lock), which hands back a plain summary (per
application how many are excluded) and keeps the conflicts; the chosen application's excluded experts and the
chosen pair's grounds in words are each asked of it too, so nothing in the window's process walks the domain's
index or receives millions of pairs at once. Cancel drops the result (the computation itself is one call). Experts
excluded only by FIELD are not listed (they are most of a large pool) but any pair can be explained by ID number.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex, QStringListModel, Qt,
                            Signal)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView, QPushButton,
                               QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget)

from desktop.services import ui_queries
from desktop.services.confidential import mask_id
from desktop.services.rounds import RoundInfo
from desktop.services.ui_queries import ConflictSummary, ExcludedPair
from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.service_words import said


class PairsModel(QAbstractTableModel):
    """The chosen application's excluded experts, worded only as the view paints them: a large unit's application
    has well over a thousand, and a table item per cell made choosing one hold the window."""

    def __init__(self, headers: list[str], texts: Callable[[ExcludedPair], list[str]], parent=None):
        super().__init__(parent)
        self.headers, self.texts = headers, texts
        self.rows: tuple[ExcludedPair, ...] = ()

    def set_rows(self, rows: tuple[ExcludedPair, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self.texts(self.rows[index.row()])[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def _with_lines(summary: ConflictSummary, line: str) -> tuple[ConflictSummary, list[str], int]:
    """The summary, its line per application (``line`` filled in) and its total, made by the worker: 5,000
    applications took the GUI thread a third of the time showing the summary may."""
    return summary, [line.format(*entry) for entry in summary.applications], summary.pairs


class ConflictsStep(QWidget):
    computed = Signal()  # conflicts of the shown round are on screen

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.conflicts: ConflictSummary | None = None
        self.shown: tuple[str, tuple[ExcludedPair, ...]] | None = None  # the chosen application and its pairs
        self.job = None
        self.compute = QPushButton(self.tr("计算回避关系"))
        self.compute.setObjectName("compute_conflicts")
        self.compute.clicked.connect(self.run)
        self.cancel = QPushButton(self.tr("取消"))
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self._cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.numbers: list[str] = []  # the application of each line of the list
        self.applications = QListView()
        self.applications.setObjectName("conflict_applications")
        self.applications.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.applications.setUniformItemSizes(True)
        self.applications.setModel(QStringListModel(self))
        self.applications.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._application_chosen(current.row()))
        self.pairs = QTableView()
        self.pairs.setObjectName("conflict_pairs")
        self.pairs.setModel(PairsModel([self.tr("专家"), self.tr("身份证号"), self.tr("回避事由代码"), self.tr("事由")],
                                       self._pair_texts, self))
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pairs.verticalHeader().setVisible(False)
        self.pairs.verticalHeader().setDefaultSectionSize(26)
        self.pairs.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.pairs.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._explain_row(current.row()))
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
            self.conflicts = self.shown = None
            self._list([])
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
        line = self.tr("{0}（{1}）回避 {2} 人")
        runner = self.ctx.runner
        self.job = runner.run(
            lambda job: _with_lines(runner.apart(ui_queries.conflict_summary, place, actor, ref), line),
            lambda found: self._computed(ref, *found), self._failed)

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

    def _computed(self, ref, summary: ConflictSummary, lines: list[str], total: int) -> None:
        if (self.job is not None and self.job.cancelled()) or self.info is None or self.info.ref != ref:
            return  # cancelled, or another round (or workspace) was chosen meanwhile
        self.cancel.setEnabled(False)
        self.compute.setEnabled(True)
        self.conflicts, self.shown = summary, None
        self._list(summary.applications, lines)
        warnings = "；".join(summary.warnings)
        self.status.setText(self.tr("共 {0} 个项目、{1} 位专家；除学科不符外，共 {2} 对专家—项目须回避。").format(
            len(summary.applications), summary.experts, total) + (f"　{warnings}" if warnings else ""))
        if self.numbers:
            self.applications.setCurrentIndex(self.applications.model().index(0, 0))
        self.computed.emit()

    def _list(self, applications, lines: list[str] = ()) -> None:
        self.numbers = [number for number, *_ in applications]
        self.applications.model().setStringList(list(lines))
        self.pairs.model().set_rows(())

    def current_application(self) -> str | None:
        row = self.applications.currentIndex().row()
        return self.numbers[row] if 0 <= row < len(self.numbers) else None

    def _application_chosen(self, row: int) -> None:
        self.shown = None
        self.pairs.model().set_rows(())
        self.explanation.clear()
        number = self.current_application()
        if number is None or self.conflicts is None:
            return
        place, actor, ref = self.ctx.place, self.ctx.actor, self.conflicts.ref

        def shown(rows: tuple[ExcludedPair, ...]) -> None:
            if self.conflicts is not None and self.conflicts.ref == ref and self.current_application() == number:
                self.shown = (number, rows)
                self.pairs.model().set_rows(rows)

        runner = self.ctx.runner
        runner.run(lambda job: runner.apart(ui_queries.application_conflicts, place, actor, ref, number), shown,
                   lambda e: self.explanation.setPlainText(errors.message(e)))

    def _pair_texts(self, pair: ExcludedPair) -> list[str]:
        return [pair.name, mask_id(pair.expert), self.tr("、").join(pair.codes),
                self.tr("；").join(said(t) for t in pair.titles)]

    def _explain_row(self, row: int) -> None:
        if self.shown is None or not 0 <= row < len(self.shown[1]):
            return
        self.explain(self.shown[1][row].expert)

    def explain(self, expert: str) -> None:
        """Any expert of the pool against the chosen application, worded in a worker."""
        number = self.current_application()
        if number is None or self.conflicts is None or not expert:
            return
        place, ref = self.ctx.place, self.conflicts.ref
        actor = self.ctx.actor
        self.explanation.setPlainText(self.tr("正在查询…"))

        def shown(found) -> None:
            if self.conflicts is not None and self.conflicts.ref == ref:
                self._show_explanation(number, expert, *found)

        runner = self.ctx.runner
        runner.run(lambda job: runner.apart(ui_queries.explain_pair, place, actor, ref, number, expert), shown,
                   lambda e: self.explanation.setPlainText(errors.message(e)))

    def _show_explanation(self, number: str, expert: str, name: str, sentences: list[str]) -> None:
        head = self.tr("专家 {0}（{1}）与项目 {2}：").format(name, mask_id(expert), number)
        body = "\n".join(f"· {s}" for s in sentences) if sentences else self.tr("无回避事由，可以评审此项目。")
        self.explanation.setPlainText(f"{head}\n{body}")
