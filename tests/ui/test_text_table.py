"""The read-only table of texts used where a step lists a round's seats: every row shown, colours kept, the chosen
row reported."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.widgets.text_table import TextTable


def test_a_table_of_two_thousand_rows_shows_each_text_and_colour_and_reports_the_chosen_row(qtbot):
    table = TextTable(["评审组", "姓名", "状态"], "seats")
    qtbot.addWidget(table)
    table.resize(600, 400)
    table.show()
    rows = [(f"第{i // 7 + 1}组", f"专家{i}", ("已拒绝", "#c0392b") if i % 5 == 0 else "待确认") for i in range(2000)]
    table.set_rows(rows)
    assert table.row_count() == 2000
    assert table.text(1999, 1) == "专家1999" and table.text(3, 2) == "待确认"
    refused = table.model().index(5, 2)
    assert table.text(5, 2) == "已拒绝" and refused.data(Qt.ItemDataRole.ForegroundRole).name() == "#c0392b"
    assert table.current_row() == -1
    with qtbot.waitSignal(table.selected):
        table.selectRow(42)
    assert table.current_row() == 42
    qtbot.waitUntil(lambda: table.columnWidth(1) >= table.fontMetrics().horizontalAdvance("专家39"))  # first screenful
    table.set_rows(rows[:3])
    assert table.row_count() == 3 and table.current_row() == -1
