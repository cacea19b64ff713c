"""A read-only table of texts that may hold thousands of rows (a round's 1,750 seats in call order).

A QTableWidget makes an item object for every cell before it shows one: 15,750 of them held the GUI thread for
half a second when the calls of a 250-panel round were shown. Here the rows stay plain tuples and Qt asks only
for the cells in sight; the columns are fitted to the first screenful just after the rows are shown, in an event
of its own (measuring them took as long as the rest of showing a round's seats).
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
MEASURED_ROWS = 40  # the rows the column widths are fitted to
Cell = str | tuple[str, str]  # a text, or a text and its colour ("#c0392b")
Index = QModelIndex | QPersistentModelIndex


class TextRows(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent=None):
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Sequence[Cell]] = []

    def set_rows(self, rows: list[Sequence[Cell]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in (DISPLAY, FOREGROUND, TOOLTIP) or not index.isValid():
            return None
        cell = self.rows[index.row()][index.column()]
        text, colour = (cell, None) if isinstance(cell, str) else cell
        if role == FOREGROUND:
            return QColor(colour) if colour else None
        return text

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class TextTable(QTableView):
    """Rows picked one at a time; ``selected`` is emitted when the chosen row changes."""

    selected = Signal()

    def __init__(self, headers: Sequence[str], name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.rows = TextRows(headers, self)
        self.setModel(self.rows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.selectionModel().selectionChanged.connect(lambda *_: self.selected.emit())

    def set_rows(self, rows: list[Sequence[Cell]]) -> None:
        """The table's rows replaced by ``rows`` (the selection is cleared), the columns fitted to them next."""
        self.rows.set_rows(rows)
        QTimer.singleShot(0, self, self.resizeColumnsToContents)

    def row_count(self) -> int:
        return self.rows.rowCount()

    def text(self, row: int, column: int) -> str:
        return self.rows.data(self.rows.index(row, column))

    def current_row(self) -> int:
        """The chosen row, or -1."""
        chosen = self.selectionModel().selectedRows()
        return chosen[0].row() if chosen else -1
