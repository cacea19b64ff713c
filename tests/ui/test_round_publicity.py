"""The publicity step on the real window: the list started with its working-day end, an objection on time with an
attachment and one late, the list refused as final before the period ends and while objections wait, the answers by
an approver (not the secretary), and the list made final."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from desktop.services import publicity
from desktop.ui.round.publicity_dialogs import AnswerDialog, ObjectionDialog
from desktop.ui.round.workspace import PUBLICITY
from tests.after_review_setup import approved_round
from tests.conftest import signed
from tests.ui.test_round_scores import _shown


def _object(window, step, qtbot, application: str, day: QDate, files=()) -> ObjectionDialog:
    dialog = ObjectionDialog(window.ctx, step.info.ref, step.period["applications"], step.today, step)
    qtbot.addWidget(dialog)
    dialog.application.setCurrentText(application)
    dialog.objector.setText("张某（实名）")
    dialog.received_on.setDate(day)
    dialog.text.setPlainText("该项目负责人在研项目超过两项。")
    dialog.files.addItems([str(f) for f in files])
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.problem.text()
    return dialog


def test_publicity_started_objections_recorded_answered_and_the_list_made_final(window, demo_workspace, qtbot,
                                                                                tmp_path):
    root = demo_workspace
    members, apps = approved_round(root)
    ws = _shown(window, root)
    ws.buttons.button(PUBLICITY).click()
    step = ws.publicity
    assert "尚未开始公示" in step.summary.text() and step.starting.isVisible()
    step.start_on.setDate(QDate(2026, 12, 21))
    step.start.click()
    assert "公示期：2026-12-21 至 2026-12-25（5个工作日" in step.summary.text()
    assert not step.starting.isVisible()
    scan = tmp_path / "举报材料.pdf"
    scan.write_bytes(b"%PDF-1.4 objection evidence")
    first = step.period["applications"][0]
    _object(window, step, qtbot, first, QDate(2026, 12, 25), [scan])
    _object(window, step, qtbot, first, QDate(2026, 12, 28))
    assert step.objections.rowCount() == 2
    assert [step.objections.item(r, 4).text() for r in range(2)] == ["", "逾期"]
    assert step.objections.item(0, 5).text() == "1" and "异议 2 条，其中未答复 2 条" in step.summary.text()
    step.today = dt.date(2026, 12, 25)
    step.final.click()
    assert step.summary.text().startswith("PUBLICITY 公示期至2026-12-25")
    assert not step.answer.isVisible()  # the secretary records; an approver answers
    window.ctx.actor = signed(root, "赵审批")
    step.set_round(step.info)
    for row in range(2):
        step.objections.selectRow(row)
        answer = AnswerDialog(window.ctx, step.period["objections"][row], dt.date(2026, 12, 29), step)
        qtbot.addWidget(answer)
        answer.decision.setCurrentIndex(answer.decision.findData("dismissed"))
        answer.answer.setPlainText("经核查，负责人在研项目为两项，未超限。")
        answer.save()
        assert answer.result() == answer.DialogCode.Accepted, answer.problem.text()
    assert [step.objections.item(r, 7).text() for r in range(2)] == ["异议不成立"] * 2
    window.ctx.actor = signed(root)
    step.set_round(step.info)
    step.today = dt.date(2026, 12, 28)
    step.final.click()
    assert "公示名单已于 2026-12-28 由 王秘书 确认" in step.summary.text() and not step.final.isEnabled()
    assert publicity.show_publicity(root, signed(root), 1)["final"]
