"""A listing page: search box, column filters, the table, and for experts and applications a detail pane.

Rows load in a worker the first time the page is shown (and again after an import), so opening the 50,000-expert
pool never blocks the window; each keystroke then filters precomputed keys on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from desktop.ui import errors
from desktop.ui.context import POOL, WORKSPACE, Context
from desktop.ui.detail_pane import DetailPane
from desktop.ui.listings import Index, Listing, index, read
from desktop.ui.record_dialog import RecordDialog
from desktop.ui.rows_model import ROW_ROLE, RowsModel
from desktop.ui.search_keys import matches
from desktop.ui.shown_load import LoadsWhenShown

KEY_COLUMN = {"experts": "id_number", "applications": "number"}
EDITABLE = ("experts", "organisations")  # records staff may correct here (CORRECTIONS)


class CataloguePage(LoadsWhenShown, QWidget):
    def __init__(self, ctx: Context, listing: Listing, parent=None):
        super().__init__(parent)
        self.ctx, self.listing = ctx, listing
        self._reads = 0  # reads started: a result belongs to the latest or is dropped
        self._loading = False
        self._then: list[Callable[[], None]] = []  # asked for by prefetch: called once the rows are shown
        self.model = RowsModel(listing.columns, self)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音或首字母（如 zhangsan、zs）、证件号、单位"))
        self.search.textChanged.connect(self._apply)
        self.filters: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for column in listing.columns:
            if column.filterable:
                combo = QComboBox()
                combo.setObjectName(f"filter_{column.key}")
                combo.setToolTip(self.tr("按此列筛选"))
                combo.currentIndexChanged.connect(self._apply)
                self.filters[column.key] = combo
                bar.addWidget(combo, 1)
        self.count = QLabel()
        bar.addWidget(self.count)
        self.edit = QPushButton(self.tr("修改…"))
        self.edit.setObjectName("edit_record")
        self.edit.setToolTip(self.tr("更正所选记录（记入审计日志）"))
        self.edit.setVisible(listing.kind in EDITABLE)
        self.edit.setEnabled(False)
        self.edit.clicked.connect(self.edit_selected)
        bar.addWidget(self.edit)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        # Widths from the first forty rows (about a screenful): measuring the thousand Qt would look at costs a
        # quarter second.
        self.table.horizontalHeader().setResizeContentsPrecision(40)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        self.detail: DetailPane | None = None
        if listing.detail:
            self.detail = DetailPane(ctx, listing.kind)
            split = QSplitter()
            split.addWidget(self.table)
            split.addWidget(self.detail)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            layout.addWidget(split, 1)
        else:
            layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        ctx.changed.connect(self._changed)

    def _changed(self, kind: str) -> None:
        if kind == WORKSPACE:
            self._reads += 1  # a read still under way was of the workspace open before
            self.model.set_rows([])
        if kind in (WORKSPACE, POOL):
            self.load_when_shown(True)

    def prefetch(self, then: Callable[[], None] | None = None) -> None:
        """Read the rows now if they are not read yet, so the table is there when the page is chosen; ``then`` is
        called once they are shown (at once if they are)."""
        if then is not None:
            self._then.append(then)
        if self._pending:
            self._load_now()
        elif not self._loading:
            self._rows_shown()

    def _rows_shown(self) -> None:
        waiting, self._then = self._then, []
        for then in waiting:
            then()

    def load(self) -> None:
        if self.ctx.place is None:
            return
        self.count.setText(self.tr("正在载入…"))
        self._reads += 1
        self._loading = True
        place, actor, listing, this = self.ctx.place, self.ctx.actor, self.listing, self._reads
        self.ctx.runner.run(lambda job: read(place, actor, listing), lambda rows: self._read(this, rows),
                            self._unread)

    def _unread(self, error: BaseException) -> None:
        self._loading = False
        self.count.setText(errors.message(error))
        self._rows_shown()

    def _read(self, this: int, rows: list[dict]) -> None:
        if this != self._reads:
            return  # read again meanwhile (another workspace, an import): only the latest rows are shown
        self._loading = False
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._apply()
        listing, runner = self.listing, self.ctx.runner
        place, actor = self.ctx.place, self.ctx.actor
        runner.run(lambda job: index(runner, place, actor, rows, listing), lambda found: self._indexed(this, found),
                   lambda e: self.count.setText(errors.message(e)))
        self._rows_shown()  # after the search keys were asked for: what waits for the rows comes after them

    def _indexed(self, this: int, found: Index) -> None:
        if this != self._reads:
            return
        self.model.set_keys(found.keys)
        keys = [c.key for c in self.listing.columns]
        for key, combo in self.filters.items():
            combo.blockSignals(True)
            combo.clear()
            title = self.model.headerData(keys.index(key), Qt.Orientation.Horizontal)
            combo.addItem(self.tr("{0}：全部").format(title), "")
            for value in found.choices[key]:
                combo.addItem(f"{title}：{value}", value)
            combo.blockSignals(False)
        self._apply()

    def _apply(self) -> None:
        self.model.search(matches(self.search.text()),
                          {key: combo.currentData() or "" for key, combo in self.filters.items()})
        if self.model.searchable:
            self.count.setText(self.tr("{0} / {1} 条").format(self.model.matching, self.model.total))
        else:
            self.count.setText(self.tr("{0} 条（正在建立搜索索引…）").format(self.model.total))

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.edit.setEnabled(current.isValid())
        if current.isValid() and self.detail is not None:
            row = current.data(ROW_ROLE)
            self.detail.show_key(row[KEY_COLUMN[self.listing.kind]])

    def edit_selected(self) -> RecordDialog | None:
        """The correction form of the chosen row; an expert's from the detail pane's record, which has the e-mail."""
        current = self.table.currentIndex()
        if not current.isValid():
            return None
        row = current.data(ROW_ROLE)
        if self.detail is not None and self.detail.key == row.get("id_number") and self.detail.record:
            row = self.detail.record
        dialog = RecordDialog(self.ctx, self.listing.kind, row, self)
        dialog.open()
        return dialog
