"""The calendar page: the years entered and not, a year's days, entering 2027 from its notice, importing a sheet
(and a bad one refused with its problems), and a deadline counted across the 2026 National Day holiday."""

from __future__ import annotations


from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from desktop.ui.main_window import CALENDAR
from desktop.ui.pages.calendar_dialogs import EnterYearDialog
from tests.spreadsheets import workbook


def _page(window):
    window.nav.setCurrentRow(CALENDAR)
    return window.stack.currentWidget()


def _years(page) -> dict[str, str]:
    return {page.years.item(r, 0).text(): page.years.item(r, 1).text() for r in range(page.years.rowCount())}


def test_the_years_and_a_deadline_across_national_day(window):
    page = _page(window)
    years = _years(page)
    assert years["2026"] == "已录入" and years["2027"] == "未录入" and "2027" in page.status.text()
    page.years.selectRow(list(years).index("2026"))
    days = [page.days.item(r, 0).text() for r in range(page.days.rowCount())]
    assert "2026-10-10" in days and "2026-09-20" in days
    page.start.setDate(QDate(2026, 9, 30))
    page.count.setValue(5)
    page.compute.click()
    assert "2026-10-13" in page.due.text()
    page.start.setDate(QDate(2026, 12, 30))
    page.compute.click()
    assert "2027年的放假安排尚未录入" in page.due.text()


def test_entering_2027_from_its_notice(window, qtbot):
    page = _page(window)
    dialog = EnterYearDialog(window.ctx, page, year=2027)
    qtbot.addWidget(dialog)
    dialog.accepted.connect(lambda: window.ctx.touched("calendar"))
    dialog.notice.setText("国办发明电〔2026〕5号")
    dialog.set_row(0, "元旦", "2027-01-01", "2027-01-03")
    dialog.set_row(6, "国庆节", "2027-10-01", "2027-10-07", "2027-09-26，2027-10-09")
    dialog.set_row(1, "春节", "2027-02-3x", "")
    dialog.save()
    assert "2027-02-3x" in dialog.problem.text() and dialog.result() != dialog.DialogCode.Accepted
    dialog.set_row(1, "春节", "", "")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _years(page)["2027"] == "已录入"
    page.start.setDate(QDate(2026, 12, 31))
    page.count.setValue(1)
    page.compute.click()
    assert "2027-01-04" in page.due.text()


def test_importing_a_sheet_and_a_bad_one(window, tmp_path, monkeypatch):
    page = _page(window)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    bad = workbook(tmp_path / "bad.xlsx", {"放假安排": [["2027-10-08", "调休上班", "国庆节", "x"]]})
    page.import_file(bad)
    assert warned and "第2行" in warned[0] and "周六或周日" in warned[0] and _years(page)["2027"] == "未录入"
    good = workbook(tmp_path / "2027.xlsx", {"放假安排": [["2027-10-01", "放假", "国庆节", "国办发明电〔2026〕5号"],
                                                      ["2027-10-09", "调休上班", "国庆节", "国办发明电〔2026〕5号"]]})
    page.import_file(good)
    assert _years(page)["2027"] == "已录入" and "2027年" in page.status.text()


def test_an_auditor_reads_the_calendar_but_enters_nothing(window):
    from desktop.services import accounts
    from tests.conftest import TEST_PASSWORD
    window.sign_out(ask=False)
    window.signed_in(accounts.sign_in(window.ctx.place, "钱审计", TEST_PASSWORD))
    page = _page(window)
    assert not window.nav.item(CALENDAR).isHidden() and _years(page)["2026"] == "已录入"
    assert page.enter.isHidden() and page.import_button.isHidden()
