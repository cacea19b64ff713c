"""The 申诉与复核 page on the real window: an appeal with its working-day deadlines, accepted and decided by an
approver who did not approve the round's results."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QInputDialog

from desktop.services import appeals
from desktop.ui.main_window import APPEALS
from tests.after_review_setup import approved_round
from tests.conftest import signed


def test_an_appeal_is_listed_with_its_deadlines_accepted_and_decided(window, demo_workspace, monkeypatch):
    root = demo_workspace
    members, apps = approved_round(root)
    appeals.receive_appeal(root, signed(root), dt.date(2027, 1, 5), "某大学", "对评分有异议。", round_id=1,
                           application=apps[1])
    window.ctx.actor = signed(root, "孙审批")
    window.nav.setCurrentRow(APPEALS)
    page = window.stack.currentWidget()
    assert page.table.rowCount() == 1
    assert [page.table.item(0, c).text() for c in (1, 2, 4, 5)] == ["申诉", "某大学", "已收到", "2027-01-26"]
    page.today = dt.date(2027, 1, 26)
    page.table.selectRow(0)
    page.accept.click()
    assert page.table.item(0, 4).text() == "已受理" and page.table.item(0, 6).text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("维持原评审结果。", True))
    page.table.selectRow(0)
    page.decide.click()
    assert page.table.item(0, 4).text() == "已作出决定" and page.table.item(0, 7).text() == "维持原评审结果。"
