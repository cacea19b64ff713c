"""A read-only table of rows picked one at a time, as the pages under desktop/ui/pages list their records, and
columns fitted to their contents without one long text pushing the rest out of sight."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

WIDEST = 320  # pixels: a longer text is elided, whole in the cell's tooltip


def read_only_table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_rows(table: QTableWidget, rows: list[list[str]]) -> None:
    """The table's rows replaced by ``rows`` of texts."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


def fit_columns(table: QTableWidget, widest: int = WIDEST) -> None:
    """Each column as wide as its contents, at most ``widest``; a cut text keeps its whole value as a tooltip."""
    table.resizeColumnsToContents()
    for column in range(table.columnCount() - 1):
        if table.columnWidth(column) > widest:
            table.setColumnWidth(column, widest)
            for row in range(table.rowCount()):
                item = table.item(row, column)
                if item is not None:
                    item.setToolTip(item.text())
