"""The misconduct page: a record entered with its violation and measures from 002's lists and its review deadline,
a repair application shown condition by condition, and the approver's decision taking the subject off the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from desktop.services import accounts, catalogue
from desktop.ui.main_window import MISCONDUCT
from desktop.ui.pages.misconduct_dialogs import MisconductDialog, RepairDialog
from tests.conftest import TEST_PASSWORD


def _page(window):
    window.nav.setCurrentRow(MISCONDUCT)
    return window.stack.currentWidget()


def _enter(window, page, qtbot, expert: dict) -> MisconductDialog:
    dialog = MisconductDialog(window.ctx, page)
    qtbot.addWidget(dialog)
    dialog.name.setText(expert["name"])
    dialog.code.setText(expert["id_number"])
    dialog.article.setCurrentIndex(dialog.article.findData("第十一条"))
    dialog.item.setCurrentIndex(dialog.item.findData(6))
    dialog.measures[4].setChecked(True)
    dialog.decided_by.setText("山东省科学技术厅")
    dialog.decision_date.setDate(QDate(2026, 1, 5))
    dialog.start.setDate(QDate(2026, 1, 5))
    dialog.end.setDate(QDate(2027, 1, 4))
    dialog.notified.setChecked(True)
    dialog.notified_on.setDate(QDate(2026, 9, 30))
    return dialog


def test_a_record_entered_and_repaired(window, qtbot):
    page = _page(window)
    before = page.table.rowCount()
    expert = catalogue.listing(window.ctx.place, window.ctx.actor, "experts")[5]
    dialog = _enter(window, page, qtbot, expert)
    dialog.save()
    assert "惩戒期" in dialog.problem.text() and dialog.result() != dialog.DialogCode.Accepted  # (五) needs a period
    dialog.has_period.setChecked(True)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.table.rowCount() == before + 1
    row = page.table.rowCount() - 1
    shown = [page.table.item(row, c).text() for c in range(page.table.columnCount())]
    assert shown[7].startswith("第十一条(六) 引导、游说其他专家") and shown[6] == "2026-10-27"  # 15 working days past National Day
    assert expert["id_number"] not in shown and "*" in shown[2]
    page.table.selectRow(row)
    repair = RepairDialog(window.ctx, page.current(), page)
    qtbot.addWidget(repair)
    repair.applied_on.setDate(QDate(2026, 8, 1))
    repair.corrected.setPlainText("已按处理决定完成整改")
    repair.commitment.setText("2026年7月签署科研诚信承诺书")
    repair.commended.setChecked(True)
    repair.commendation_date.setDate(QDate(2026, 5, 1))
    repair.level.setCurrentText("县级及以下")
    repair.commendation.setText("区级先进工作者")
    repair.save()
    assert repair.result() == repair.DialogCode.Accepted
    page.table.selectRow(row)
    met = [page.repair_table.item(r, 1).text() for r in range(page.repair_table.rowCount())]
    assert met == ["满足", "满足", "满足", "不满足"] and "不是市级及以上" in page.repair_table.item(3, 2).text()
    assert page.approve.isHidden()  # a secretary records, an approver decides

    window.sign_out(ask=False)
    window.signed_in(accounts.sign_in(window.ctx.place, "赵审批", TEST_PASSWORD))
    page = _page(window)
    page.table.selectRow(row)
    assert not page.approve.isEnabled() and page.refuse.isEnabled()
    page.decide_with(page.current_repair()["id"], False, dt.date(2026, 8, 10), "表彰为县级")
    page.table.selectRow(row)
    assert "不予修复" in page.repair_note.text() and "赵审批" in page.repair_note.text()
    assert not page.refuse.isEnabled()
