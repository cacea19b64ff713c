"""One table model for every listing: rows as plain dictionaries from the services, searched and sorted here.

Filtering and sorting work on an index list rather than through a QSortFilterProxyModel: a proxy calls Python once
per row per keystroke, which on 50,000 experts costs far more than one list comprehension over precomputed search
keys. The view sees rows in chunks (``canFetchMore``/``fetchMore``), so a large table opens at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

CHUNK = 1000
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
DISPLAY = int(Qt.ItemDataRole.DisplayRole)  # compared as a plain number: data() is asked once per role and cell
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # Chinese source text; translated in the "columns" context
    text: Callable[[dict], str] | None = None  # how a row shows in this column; by default str(row[key])
    filterable: bool = False  # offer a drop-down of this column's values (its text must depend on its own value alone)
    sort: Callable[[dict], Any] | None = None

    def show(self, row: dict) -> str:
        if self.text is not None:
            return self.text(row)
        value = row.get(self.key)
        return "" if value is None else str(value)

    def sort_value(self, row: dict) -> Any:
        return self.sort(row) if self.sort is not None else self.show(row)


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: tuple[Column, ...], parent=None):
        super().__init__(parent)
        self.columns = columns
        self._rows: list[dict] = []
        self._keys: list[str] = []
        self._order: list[int] = []  # every row, in the current sort order
        self._visible: list[int] = []  # the rows that pass search and filters, in order
        self._loaded = 0
        self._terms: list[str] = []
        self._filters: dict[str, str] = {}

    # --- content ------------------------------------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        """New rows, shown at once; the search applies from ``set_keys`` on."""
        self.beginResetModel()
        self._rows, self._keys = rows, []
        self._order = list(range(len(rows)))
        self._refilter()
        self.endResetModel()

    def set_keys(self, keys: list[str]) -> None:
        """The search key of each row, in the order given to ``set_rows``."""
        self._keys = keys
        self.search(self._terms)

    @property
    def searchable(self) -> bool:
        return len(self._keys) == len(self._rows)

    def search(self, terms: list[str], filters: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._terms = terms
        if filters is not None:
            self._filters = {k: v for k, v in filters.items() if v}
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        keys, order = self._keys, self._order
        visible = order
        for term in self._terms if self.searchable else ():
            visible = [i for i in visible if term in keys[i]]
        for key, wanted in self._filters.items():
            column = next(c for c in self.columns if c.key == key)
            visible = [i for i in visible if column.show(self._rows[i]) == wanted]
        self._visible = visible if visible is not order else list(order)
        self._loaded = min(CHUNK, len(self._visible))

    def row_at(self, row: int) -> dict:
        return self._rows[self._visible[row]]

    @property
    def total(self) -> int:
        return len(self._rows)

    @property
    def matching(self) -> int:
        return len(self._visible)

    # --- Qt model -----------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._loaded < len(self._visible)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        more = min(CHUNK, len(self._visible) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == DISPLAY and index.isValid():
            return self.columns[index.column()].show(self._rows[self._visible[index.row()]])
        if role == ROW_ROLE and index.isValid():
            return self._rows[self._visible[index.row()]]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("columns", self.columns[section].title)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        col = self.columns[column]
        self.beginResetModel()
        rows = self._rows
        self._order.sort(key=lambda i: col.sort_value(rows[i]), reverse=order == Qt.SortOrder.DescendingOrder)
        self._refilter()
        self.endResetModel()
