"""The limits page on the demo round: the flagged applications with their facts, and a decision recorded from the
page (admission needs a reason)."""

from __future__ import annotations

from desktop.ui.main_window import LIMITS


def test_flags_and_a_decision(window, monkeypatch):
    window.nav.setCurrentRow(LIMITS)
    page = window.stack.currentWidget()
    codes = [page.table.item(r, 2).text() for r in range(page.table.rowCount())]
    assert "LOBBIED" in codes and "APPLICANT_INTEGRITY" in codes
    assert "待决定" in page.table.item(0, 3).text() and "项待决定" in page.status.text()
    row = codes.index("LOBBIED")
    number = page.table.item(row, 0).text()
    page.table.selectRow(row)
    assert page.admit.isEnabled()
    shown = []
    monkeypatch.setattr("desktop.ui.errors.show", lambda parent, title, error: shown.append(str(error)))
    page.decide_with(number, "LOBBIED", True, "")
    assert shown and "理由" in shown[0]
    page.decide_with(number, "LOBBIED", True, "经核查为第三方所为，申请人不知情")
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == number
               and page.table.item(r, 2).text() == "LOBBIED")
    assert page.table.item(row, 3).text().startswith("予以受理：经核查为第三方所为")
    page.table.selectRow(row)
    assert not page.admit.isEnabled() and not page.reject.isEnabled()
    assert "*" in page.table.item(row, 4).text()  # the expert's ID number masked (CONFIDENTIAL)
