"""The 申诉与复核 page on the real window: an appeal received in the window with its working-day deadlines, accepted,
extended and decided by an approver who did not approve the round's results, and its notice made and signed (kept
with the round's documents when saved elsewhere)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QInputDialog

from desktop.domain.appeals import extended
from desktop.services import appeals, catalogue, misconduct, signing
from desktop.services.misconduct_choices import Entered
from desktop.ui.main_window import APPEALS
from desktop.ui.pages.appeal_dialogs import AppealDialog
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


def test_an_appeal_received_in_the_window_extended_decided_and_its_signed_notice_made(window, demo_workspace,
                                                                                       monkeypatch, qtbot, tmp_path):
    root = demo_workspace
    members, apps = approved_round(root)
    window.nav.setCurrentRow(APPEALS)
    page = window.stack.currentWidget()
    assert page.add.isVisible() and not page.accept.isVisible()  # the secretary registers, the approver decides
    dialog = AppealDialog(window.ctx, page)
    qtbot.addWidget(dialog)
    dialog.round.setValue(1)
    dialog.application.setText(apps[1])
    dialog.appellant.setText("某大学")
    dialog.received_on.setDate(QDate(2027, 1, 5))
    dialog.text.setPlainText("对评分有异议。")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [page.table.item(0, c).text() for c in (1, 2, 4, 5)] == ["申诉", "某大学", "已收到", "2027-01-26"]
    window.ctx.actor = signed(root, "孙审批")
    page.reload()
    page.today = dt.date(2027, 1, 26)
    page.table.selectRow(0)
    page.accept.click()
    due_on = page.table.item(0, 6).text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("需补充调取专家评审材料", True))
    page.table.selectRow(0)
    page.extend.click()
    assert page.table.item(0, 6).text() == extended(dt.date.fromisoformat(due_on)).isoformat()
    assert "需补充调取专家评审材料" in page.table.item(0, 7).text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("维持原评审结果。", True))
    page.table.selectRow(0)
    page.decide.click()
    window.ctx.actor = signed(root)
    signing.create_identity(root, signed(root), "省科学技术厅评审办公室")
    page.reload()
    page.table.selectRow(0)
    kept = root / "out" / "round-1" / "appeals"  # the round's own folder is proposed, and named as the one kept
    assert page.notice.folder.text() == str(kept) and str(kept) in page.notice_title.text()
    page.notice.folder.setText(str(tmp_path / "通知书"))
    assert page.notice.generate.isEnabled()
    page.notice.generate.click()
    [pdf] = (tmp_path / "通知书").glob("*.pdf")
    assert page.notice.files.count() == 1 and "已生成 1 份" in page.notice.status.text()
    assert (kept / pdf.name).read_bytes() == pdf.read_bytes()  # another folder chosen: the round keeps its copy
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages).replace("\n", "")
    assert "处理决定书" in text and "维持原评审结果。" in text
    assert PdfReader(pdf).trailer["/Root"]["/AcroForm"]["/Fields"]  # signed


def test_each_appeal_proposes_its_own_folder_until_the_operator_chooses_one(window, demo_workspace, tmp_path):
    """A round's appeal proposes the round's folder, a request for review of a misconduct record out/appeals (never
    the folder of the appeal selected before, which would put it in that round's archive); a folder the operator
    chose stays chosen from one appeal to the next."""
    root = demo_workspace
    members, apps = approved_round(root)
    received = appeals.receive_appeal(root, signed(root), dt.date(2027, 1, 5), "某大学", "对评分有异议。", round_id=1,
                                      application=apps[1])
    appeals.accept_appeal(root, signed(root, "孙审批"), received["id"], dt.date(2027, 1, 26))
    subject = catalogue.listing(root, signed(root), "experts")[-1]
    record = misconduct.record_misconduct(root, signed(root), Entered(
        subject["name"], subject["id_number"], False, "第十一条", 5, (1,), None, None, "山东省科学技术厅", "",
        dt.date(2026, 11, 30)), dt.date(2026, 12, 1))
    misconduct.record_notification(root, signed(root), record["id"], dt.date(2026, 12, 1), dt.date(2026, 12, 1))
    request = appeals.receive_appeal(root, signed(root), dt.date(2026, 12, 22), "张三", "申请复核。",
                                     record_id=record["id"])
    appeals.reject_appeal(root, signed(root, "赵审批"), request["id"], dt.date(2026, 12, 23), "未提供新的事实和证据")
    window.nav.setCurrentRow(APPEALS)
    page = window.stack.currentWidget()
    page.table.selectRow(0)
    assert page.notice.folder.text() == str(root / "out" / "round-1" / "appeals")
    page.table.selectRow(1)
    assert page.notice.folder.text() == str(root / "out" / "appeals") and "留存" not in page.notice_title.text()
    page.notice.folder.setText(str(tmp_path / "U盘"))
    page.table.selectRow(0)
    assert page.notice.folder.text() == str(tmp_path / "U盘")
