"""日历 (RULES.md WORKING_DAYS): which years' holiday schedules are entered, a year's holidays and make-up working
days, entering a year from the State Council's notice or importing it from a sheet, and a deadline counted on it.

Entering and importing are the secretariat's (the services refuse anyone else); every business role and the auditor
may read the calendar and count a deadline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QDateEdit, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.services import working_days
from desktop.services.importing.run import ImportRejected
from desktop.ui import errors
from desktop.ui.context import WORKSPACE, Context
from desktop.ui.pages.calendar_dialogs import EnterYearDialog
from desktop.ui.widgets.read_only_table import fit_columns, read_only_table

CALENDAR = "calendar"  # what Context.changed names after a year was entered


class CalendarPage(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] = []
        self.years = read_only_table([self.tr("年度"), self.tr("状态"), self.tr("放假"), self.tr("调休上班"),
                                      self.tr("依据")], "calendar_years")
        self.years.itemSelectionChanged.connect(self._show_year)
        self.days = read_only_table([self.tr("日期"), self.tr("星期"), self.tr("类型"), self.tr("名称"),
                                     self.tr("依据文号")], "calendar_days")
        self.year_note = QLabel()
        self.year_note.setWordWrap(True)
        self.enter = QPushButton(self.tr("按通知录入年度安排…"))
        self.enter.setObjectName("enter_year")
        self.enter.clicked.connect(self.enter_year)
        self.import_button = QPushButton(self.tr("从表格导入…"))
        self.import_button.setObjectName("import_calendar")
        self.import_button.setToolTip(self.tr("表格列：日期、类型（放假/调休上班）、名称、依据文号"))
        self.import_button.clicked.connect(self.choose_file)
        self.start = QDateEdit(QDate.currentDate())
        self.start.setObjectName("deadline_from")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.count = QSpinBox()
        self.count.setObjectName("deadline_days")
        self.count.setRange(1, 400)
        self.count.setValue(15)
        self.compute = QPushButton(self.tr("计算期限"))
        self.compute.setObjectName("compute_deadline")
        self.compute.clicked.connect(self.count_deadline)
        self.due = QLabel()
        self.due.setObjectName("deadline_due")
        self.due.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        note = QLabel(self.tr("工作日按国务院办公厅每年公布的放假安排计算：放假日不计，调休上班的周末计入。"
                              "“自某日起N个工作日内”从次日起算，第N个工作日为最后一天。尚未录入的年度不作推算，"
                              "期限跨入该年度时会提示先录入（WORKING_DAYS）。"))
        note.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.enter)
        buttons.addWidget(self.import_button)
        buttons.addStretch()
        tables = QHBoxLayout()
        tables.addWidget(self.years, 2)
        right = QVBoxLayout()
        right.addWidget(self.year_note)
        right.addWidget(self.days, 1)
        tables.addLayout(right, 3)
        deadline = QHBoxLayout()
        deadline.addWidget(QLabel(self.tr("自")))
        deadline.addWidget(self.start)
        deadline.addWidget(QLabel(self.tr("起")))
        deadline.addWidget(self.count)
        deadline.addWidget(QLabel(self.tr("个工作日内")))
        deadline.addWidget(self.compute)
        deadline.addWidget(self.due, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addLayout(tables, 1)
        layout.addLayout(deadline)
        layout.addWidget(self.status)
        ctx.changed.connect(self._changed)

    def _changed(self, kind: str) -> None:
        if kind in (WORKSPACE, CALENDAR) and self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        op, place = self.ctx.actor, self.ctx.place
        if op is None or not op.may("calendar.read"):
            return
        for button in (self.enter, self.import_button):
            button.setVisible(op.may("calendar.edit"))
        self.ctx.runner.run(lambda job: working_days.years(place, op), self._show_years,
                            lambda e: self.status.setText(errors.message(e)))

    def _show_years(self, rows: list[dict]) -> None:
        chosen = self.chosen_year()
        self.rows = rows = list(reversed(rows))  # the newest first: the years a deadline of today reaches
        self.years.setRowCount(len(rows))
        for row, year in enumerate(rows):
            entered = year["version"] is not None
            for column, text in enumerate((str(year["year"]), self.tr("已录入") if entered else self.tr("未录入"),
                                           str(year["holidays"]) if entered else "",
                                           str(year["make_up_days"]) if entered else "", year["notice"])):
                self.years.setItem(row, column, QTableWidgetItem(text))
        fit_columns(self.years)
        years = [r["year"] for r in rows]
        current = QDate.currentDate().year()
        pick = chosen if chosen in years else current if current in years else (years[-1] if years else None)
        if pick is not None:
            self.years.selectRow(years.index(pick))
            self.years.scrollToItem(self.years.item(years.index(pick), 0))
        missing = [str(r["year"]) for r in rows if r["version"] is None]
        self.status.setText(self.tr("已录入 {0} 个年度；尚未录入：{1}").format(
            len(rows) - len(missing), self.tr("、").join(missing) or self.tr("无")))

    def chosen_year(self) -> int | None:
        selected = self.years.selectionModel().selectedRows()
        return self.rows[selected[0].row()]["year"] if selected and selected[0].row() < len(self.rows) else None

    def _show_year(self) -> None:
        year, op, place = self.chosen_year(), self.ctx.actor, self.ctx.place
        if year is None or op is None:
            return
        self.ctx.runner.run(lambda job: working_days.show_year(place, op, year), self._show_days,
                            lambda e: self.status.setText(errors.message(e)))

    def _show_days(self, shown: dict) -> None:
        kinds = {"放假": self.tr("放假"), "调休上班": self.tr("调休上班")}
        if shown["version"] is None:
            self.year_note.setText(self.tr("{0}年的放假安排尚未录入：跨入该年度的期限不能计算。").format(shown["year"]))
        else:
            self.year_note.setText(self.tr("{0}年：{1}；来源：{2}；日历版本 {3}").format(
                shown["year"], shown["notice"], shown["source"], shown["version"]))
        weekdays = (self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"), self.tr("周五"), self.tr("周六"),
                    self.tr("周日"))
        self.days.setRowCount(len(shown["days"]))
        for row, day in enumerate(shown["days"]):
            for column, text in enumerate((day["date"], weekdays[dt.date.fromisoformat(day["date"]).weekday()],
                                           kinds.get(day["kind"], day["kind"]), day["name"], day["basis"])):
                self.days.setItem(row, column, QTableWidgetItem(text))
        fit_columns(self.days)

    def count_deadline(self) -> None:
        op, place = self.ctx.actor, self.ctx.place
        start, n = self.start.date().toPython(), self.count.value()
        self.ctx.runner.run(lambda job: working_days.deadline(place, op, start, n), self._show_due,
                            lambda e: self.due.setText(errors.message(e)))

    def _show_due(self, found) -> None:
        self.due.setText(self.tr("截止于 {0}（日历版本 {1}）").format(found.due.isoformat(), found.version))

    def enter_year(self) -> None:
        dialog = EnterYearDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self.ctx.touched(CALENDAR))
        dialog.open()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入放假安排"), "", self.tr("表格 (*.xlsx *.csv)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        op, place = self.ctx.actor, self.ctx.place
        self.ctx.runner.run(lambda job: working_days.import_calendar(place, op, path), self._imported,
                            self._import_failed, write=True)

    def _imported(self, year: dict) -> None:
        self.ctx.touched(CALENDAR)
        self.status.setText(self.tr("已导入{0}年的放假安排：放假 {1} 天，调休上班 {2} 天").format(
            year["year"], year["holidays"], year["make_up_days"]))

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, ImportRejected):
            text = "\n".join(str(p) for p in error.problems[:20])
            QMessageBox.warning(self, self.tr("未导入"), f"{errors.message(error)}\n\n{text}")
            self.status.setText(errors.message(error))
        else:
            errors.show(self, self.tr("未导入"), error)
