"""Entering a year's holiday schedule as the State Council's notice words it: its 文号, then for each holiday the
first and last day off and the weekend days worked in exchange (e.g. 国庆节 10-01 to 10-07, make-up 09-20, 10-10).
The whole year is sent as one audited change and replaces whatever the year held."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem)

from desktop.services import working_days
from desktop.services.working_days import Holiday
from desktop.ui import errors
from desktop.ui.context import Context

_SPLIT = str.maketrans({"；": ",", ";": ",", "、": ",", "，": ",", " ": ","})


class EnterYearDialog(QDialog):
    def __init__(self, ctx: Context, parent=None, year: int | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("按通知录入年度放假安排"))
        self.resize(720, 420)
        self.year = QSpinBox()
        self.year.setObjectName("calendar_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(year or dt.date.today().year + 1)
        self.notice = QLineEdit()
        self.notice.setObjectName("calendar_notice")
        self.notice.setPlaceholderText(self.tr("如 国办发明电〔2026〕×号"))
        self.holidays = QTableWidget(0, 4)
        self.holidays.setObjectName("calendar_holidays")
        self.holidays.setHorizontalHeaderLabels([self.tr("节日"), self.tr("放假开始"), self.tr("放假结束"),
                                                 self.tr("调休上班日（可多个，用逗号分隔）")])
        self.holidays.horizontalHeader().setStretchLastSection(True)
        self.holidays.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for name in working_days.HOLIDAY_NAMES:  # data as the notice names them, in Chinese in either language
            self.add_row(name)
        add = QPushButton(self.tr("添加一行"))
        add.clicked.connect(lambda: self.add_row(""))
        self.problem = QLabel()
        self.problem.setObjectName("calendar_problem")
        self.problem.setStyleSheet("color:#c0392b")
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("年度"), self.year)
        form.addRow(self.tr("通知文号"), self.notice)
        form.addRow(QLabel(self.tr("日期写作 YYYY-MM-DD。未填日期的节日不录入；录入后该年度原有的安排整体替换，"
                                   "记入审计日志。")))
        form.addRow(self.holidays)
        form.addRow(add)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def add_row(self, name: str) -> None:
        row = self.holidays.rowCount()
        self.holidays.insertRow(row)
        for column, text in enumerate((name, "", "", "")):
            self.holidays.setItem(row, column, QTableWidgetItem(text))

    def set_row(self, row: int, name: str, first: str, last: str, make_up: str = "") -> None:
        for column, text in enumerate((name, first, last, make_up)):
            self.holidays.item(row, column).setText(text)

    def entered(self) -> list[Holiday]:
        """The rows with dates, as the service takes them; a date that cannot be read is a ValueError naming it."""
        found = []
        for row in range(self.holidays.rowCount()):
            name, first, last, make_up = (self.holidays.item(row, c).text().strip() for c in range(4))
            if not (first or last or make_up):
                continue
            found.append(Holiday(name, self._date(first, row), self._date(last or first, row),
                                 tuple(self._date(d, row) for d in make_up.translate(_SPLIT).split(",") if d)))
        return found

    def _date(self, text: str, row: int) -> dt.date:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(self.tr("第 {0} 行的日期「{1}」应写作 YYYY-MM-DD").format(row + 1, text)) from None

    def save(self) -> None:
        try:
            holidays = self.entered()
        except ValueError as error:
            self.problem.setText(str(error))
            return
        place, op, year, notice = self.ctx.place, self.ctx.actor, self.year.value(), self.notice.text()
        self.ctx.runner.run(lambda job: working_days.enter_year(place, op, year, notice, holidays),
                            lambda _year: self.accept(), lambda e: self.problem.setText(errors.message(e)),
                            write=True)
