"""Step 6: score entry, one panel at a time, from the keyboard: experts by rows, applications by columns.

Typing in a cell and pressing Enter or Tab goes to the next empty cell of the expert's sheet, then of the next
expert; the opinion of the current cell is typed below the grid. Nothing is kept until 保存 (Ctrl+S), which sends
every changed cell to the scores service in one transaction: a cell refused (another method's value, an expert
without a commitment, a ground, an absence) refuses all and is selected, with the rule's message. Experts who may
not score are greyed with the reason. A panel's template is exported and imported back as a workbook. Under double
entry (双人录入) each operator sees only their own entries, and the differences of the two are listed below for
resolution from the paper sheet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from desktop.services import score_workbook, scores
from desktop.services.rounds import RoundInfo
from desktop.services.scores import ScoreInput, Sheet
from desktop.ui import errors
from desktop.ui.context import ROUNDS, Context
from desktop.ui.method_words import cell_words, method_text
from desktop.ui.shown_load import LoadsWhenShown

CLOSED = QColor("#e6e6e6")
WAITING = QColor("#fff4c2")  # double entry: the first of two entries
CHANGED = QColor("#d9ecff")  # typed, not saved yet
DIFFERENT = QColor("#f6c6c0")  # double entry: the two entries differ
OPEN_STATES = ("confirmed", "scoring", "results")


class ScoresStep(LoadsWhenShown, QWidget):
    saved = Signal(object)  # the RoundRef whose state may have moved (confirmed → scoring)

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.sheet: Sheet | None = None
        self.pending: dict[tuple[str, str], tuple[str, str]] = {}
        self.filling = False
        self.status = QLabel()
        self.status.setObjectName("scores_status")
        self.status.setWordWrap(True)
        self.panel = QComboBox()
        self.panel.setObjectName("scores_panel")
        self.panel.currentIndexChanged.connect(lambda _i: self.load())
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.export = QPushButton(self.tr("导出评分模板…"))
        self.export.clicked.connect(self.ask_export)
        self.import_ = QPushButton(self.tr("导入评分表…"))
        self.import_.clicked.connect(self.ask_import)
        self.grid = QTableWidget()
        self.grid.setObjectName("score_grid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.itemChanged.connect(self._typed)
        self.grid.itemDelegate().closeEditor.connect(self._edited)
        self.typed_at: tuple[int, int] | None = None
        self.grid.currentCellChanged.connect(lambda row, column, *_: self._show_opinion(row, column))
        self.opinion = QLineEdit()
        self.opinion.setObjectName("score_opinion")
        self.opinion.setPlaceholderText(self.tr("当前单元格的专家评审意见（用于匿名反馈）"))
        self.opinion.textEdited.connect(self._opinion_typed)
        self.opinion.returnPressed.connect(self.grid.setFocus)
        self.save = QPushButton(self.tr("保存（Ctrl+S）"))
        self.save.setObjectName("scores_save")
        self.save.clicked.connect(self.store)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.store)
        self.unsaved = QLabel()
        self.differences = QTableWidget(0, 5)
        self.differences.setObjectName("score_differences")
        self.differences.setHorizontalHeaderLabels([self.tr("评审组"), self.tr("项目"), self.tr("专家"),
                                                    self.tr("第一遍"), self.tr("第二遍")])
        self.differences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.differences.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.differences.itemSelectionChanged.connect(self._difference_chosen)
        self.resolved = QLineEdit()
        self.resolved.setObjectName("score_resolved")
        self.resolved.setPlaceholderText(self.tr("按专家纸质评分表核定的评分"))
        self.resolve = QPushButton(self.tr("按纸质评分表裁定"))
        self.resolve.setObjectName("score_resolve")
        self.resolve.clicked.connect(self.settle)
        self.found: list[dict] = []

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("评审组")))
        top.addWidget(self.panel, 1)
        top.addStretch(2)
        top.addWidget(self.export)
        top.addWidget(self.import_)
        opinion_row = QHBoxLayout()
        opinion_row.addWidget(QLabel(self.tr("评审意见")))
        opinion_row.addWidget(self.opinion, 1)
        opinion_row.addWidget(self.unsaved)
        opinion_row.addWidget(self.save)
        self.double = QGroupBox(self.tr("双人录入：两遍不一致之处"))
        double = QVBoxLayout(self.double)
        double.addWidget(self.differences)
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.resolved, 1)
        resolve_row.addWidget(self.resolve)
        double.addLayout(resolve_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(top)
        layout.addWidget(self.method)
        layout.addWidget(self.grid, 3)
        layout.addLayout(opinion_row)
        layout.addWidget(self.double, 1)

    # --- reading -----------------------------------------------------------------------------------------------

    def set_round(self, info: RoundInfo | None) -> None:
        self.info = info
        self.pending.clear()
        self.filling = True
        self.panel.clear()
        for panel in (info.panels if info else []):
            self.panel.addItem(panel["name"])
        self.filling = False
        ready = info is not None and info.state in OPEN_STATES
        for widget in (self.grid, self.save, self.export, self.import_, self.opinion):
            widget.setEnabled(ready)
        if not ready:
            self.grid.clear()
            self.grid.setRowCount(0)
            self.status.setText(self.tr("各评审组确认（电话确认、承诺书、签到）之后才能录入评分。"))
        self.load_when_shown(ready)

    def load(self) -> None:
        if self.filling or self.info is None or self.info.state not in OPEN_STATES or not self.panel.currentText():
            return
        place, actor, ref, panel = self.ctx.place, self.ctx.actor, self.info.ref, self.panel.currentText()
        self.ctx.runner.run(lambda job: (scores.score_sheet(place, actor, ref, panel),
                                         scores.differences(place, actor, ref)),
                            lambda loaded: self._loaded(ref, *loaded), lambda e: self.status.setText(errors.message(e)))

    def _loaded(self, ref, sheet: Sheet, found: list[dict]) -> None:
        if self.info is None or self.info.ref != ref:
            return
        self.sheet, self.found = sheet, found
        self.pending.clear()
        chinese = self.ctx.settings.language == "zh_CN"
        self.method.setText(self.tr("评审方法：{0}；每格填写：{1}").format(
            method_text(self.info.method, chinese), self.tr("、").join(cell_words(self.info.method))))
        self._fill(sheet)
        self._fill_differences(found)
        self._mark_differences(found)
        closed = sum(1 for e in sheet.experts if not e.may_score)
        text = self.tr("{0}位专家 × {1}个项目，已计入{2}份评分。").format(
            len(sheet.experts), len(sheet.applications),
            sum(1 for c in sheet.cells.values() if c["state"] == "settled"))
        if closed:
            text += self.tr("灰色的{0}位专家不能评分（鼠标停留可见原因）。").format(closed)
        if sheet.double_entry:
            text += self.tr("本轮双人录入：您只看到自己录入的一遍，两遍一致才计入。")
        self.status.setText(text)
        self._show_unsaved()

    def _fill(self, sheet: Sheet) -> None:
        self.filling = True
        self.grid.clear()
        self.grid.setRowCount(len(sheet.experts))
        self.grid.setColumnCount(len(sheet.applications))
        self.grid.setHorizontalHeaderLabels([number for number, _ in sheet.applications])
        self.grid.setVerticalHeaderLabels([expert.name for expert in sheet.experts])
        for column, (number, title) in enumerate(sheet.applications):
            self.grid.horizontalHeaderItem(column).setToolTip(title)
        for row, expert in enumerate(sheet.experts):
            for column, (number, _) in enumerate(sheet.applications):
                cell = sheet.cells.get((expert.expert, number), {})
                item = QTableWidgetItem(cell.get("value", ""))
                item.setData(Qt.ItemDataRole.UserRole, (expert.expert, number))
                if not expert.may_score:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setBackground(QBrush(CLOSED))
                    item.setToolTip(expert.why_not)
                elif cell.get("state") == "waiting":
                    item.setBackground(QBrush(WAITING))
                    item.setToolTip(self.tr("已录入第一遍，待另一位操作员录入"))
                self.grid.setItem(row, column, item)
        self.grid.resizeColumnsToContents()
        self.filling = False
        self._next_empty(0, -1)

    def _fill_differences(self, found: list[dict]) -> None:
        self.double.setVisible(bool(self.sheet and self.sheet.double_entry) or bool(found))
        self.differences.setRowCount(len(found))
        for row, item in enumerate(found):
            passes = [f"{e['value']}（{e['by']}）" for e in item["entries"]]
            for column, text in enumerate([item["panel"], item["application"], item["name"], *passes[:2]]):
                self.differences.setItem(row, column, QTableWidgetItem(text))
        self.differences.resizeColumnsToContents()

    def _mark_differences(self, found: list[dict]) -> None:
        different = {(item["expert"], item["application"]) for item in found}
        self.filling = True
        for row in range(self.grid.rowCount()):
            for column in range(self.grid.columnCount()):
                if self._key(row, column) in different:
                    self.grid.item(row, column).setBackground(QBrush(DIFFERENT))
                    self.grid.item(row, column).setToolTip(self.tr("两遍录入不一致，见下方列表"))
        self.filling = False

    # --- typing ------------------------------------------------------------------------------------------------

    def _key(self, row: int, column: int) -> tuple[str, str] | None:
        item = self.grid.item(row, column)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _typed(self, item: QTableWidgetItem) -> None:
        if self.filling:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        opinion = self.pending.get(key, ("", self._saved_opinion(key)))[1]
        self.pending[key] = (item.text().strip(), opinion)
        self.filling = True
        item.setBackground(QBrush(CHANGED))
        self.filling = False
        self._show_unsaved()
        self.typed_at = (item.row(), item.column())

    def _edited(self, _editor, _hint) -> None:
        """Enter or Tab closed a cell's editor after a value was typed: on to the next empty cell."""
        if self.typed_at is not None:
            row, column = self.typed_at
            self.typed_at = None
            self._next_empty(row, column)

    def _saved_opinion(self, key) -> str:
        return (self.sheet.cells.get(key, {}) if self.sheet else {}).get("opinion", "")

    def _next_empty(self, row: int, column: int) -> None:
        """Select the next open, empty cell after (row, column): along the expert's sheet, then the next expert."""
        rows, columns = self.grid.rowCount(), self.grid.columnCount()
        for step in range(1, rows * columns + 1):
            index = row * columns + column + step
            if index >= rows * columns:
                break
            r, c = divmod(index, columns)
            item = self.grid.item(r, c)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable and not item.text().strip():
                self.grid.setCurrentCell(r, c)
                return

    def _show_opinion(self, row: int, column: int) -> None:
        key = self._key(row, column)
        self.opinion.setText("" if key is None else self.pending.get(key, ("", self._saved_opinion(key)))[1])

    def _opinion_typed(self, text: str) -> None:
        key = self._key(self.grid.currentRow(), self.grid.currentColumn())
        if key is None:
            return
        item = self.grid.currentItem()
        self.pending[key] = (item.text().strip(), text.strip())
        self._show_unsaved()

    def _show_unsaved(self) -> None:
        self.unsaved.setText(self.tr("{0}格未保存").format(len(self.pending)) if self.pending else "")

    # --- saving ------------------------------------------------------------------------------------------------

    def store(self) -> None:
        cells = [ScoreInput(expert, number, value, opinion)
                 for (expert, number), (value, opinion) in self.pending.items() if value]
        if not cells or self.info is None:
            return
        reason = ""
        if self.info.state == "results":  # approved results are frozen: a change says why, and needs a new approval
            reason, given = QInputDialog.getText(self, self.tr("修改已审批的评分"),
                                                 self.tr("评审结果已审批并冻结。修改评分的理由（修改后须重新提交审批）："))
            if not given or not reason.strip():
                return
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: scores.enter_scores(place, actor, ref, cells, reason=reason),
                            lambda done: self._stored(ref), self._refused, write=True)

    def _stored(self, ref) -> None:
        self.pending.clear()
        self.ctx.touched(ROUNDS)
        self.saved.emit(ref)
        self.load()

    def _refused(self, error: BaseException) -> None:
        cell = getattr(error, "cell", None)
        if cell is not None:
            for row in range(self.grid.rowCount()):
                for column in range(self.grid.columnCount()):
                    if self._key(row, column) == cell:
                        self.grid.setCurrentCell(row, column)
        errors.show(self, self.tr("评分未保存"), error)

    def settle(self) -> None:
        row = self.differences.currentRow()
        if row < 0 or self.info is None or not self.resolved.text().strip():
            return
        item = self.found[row]
        place, actor, ref, value = self.ctx.place, self.ctx.actor, self.info.ref, self.resolved.text().strip()
        opinion = item["entries"][0]["opinion"]
        self.ctx.runner.run(lambda job: scores.resolve_difference(place, actor, ref, item["expert"],
                                                                  item["application"], value, opinion),
                            lambda done: self._stored(ref), lambda e: errors.show(self, self.tr("未能裁定"), e),
                            write=True)

    def _difference_chosen(self) -> None:
        row = self.differences.currentRow()
        if 0 <= row < len(self.found):
            self.resolved.setText(self.found[row]["entries"][0]["value"])

    # --- workbooks ---------------------------------------------------------------------------------------------

    def ask_export(self) -> None:
        panel = self.panel.currentText()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出评分模板"),
                                              str(Path.home() / self.tr("评分模板-{0}.xlsx").format(panel)),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        place, actor, ref, panel = self.ctx.place, self.ctx.actor, self.info.ref, self.panel.currentText()
        self.ctx.runner.run(lambda job: score_workbook.export_template(place, actor, ref, panel, path),
                            lambda made: self.status.setText(self.tr("已导出评分模板：{0}").format(made["out"])),
                            lambda e: errors.show(self, self.tr("未能导出评分模板"), e), write=True)

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入评分表"), str(Path.home()),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: score_workbook.import_scores(place, actor, ref, path),
                            lambda done: self._stored(ref), self._import_refused, write=True)

    def _import_refused(self, error: BaseException) -> None:
        problems = getattr(error, "problems", [])
        text = errors.message(error) + "".join(f"\n• {p}" for p in problems[:20])
        self.status.setText(text)
        QMessageBox.warning(self, self.tr("评分表未导入"), text)
