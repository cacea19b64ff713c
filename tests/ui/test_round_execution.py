"""The round after its draw in the real window, one step after the other as a secretary works through them:
电话确认 (one call with its recording, one decline replaced from the reserve), 确认评审组, 承诺与出席, 评分 (a filled
template imported, one application split), 结果与审批 (certifications, the split decided, proposed, approved by
赵审批)."""

from __future__ import annotations

import openpyxl

from desktop.services import rounds
from desktop.ui.round.workspace import CALLS, COMMITMENTS, CONFIRMATION, RESULTS, SCORES
from tests.conftest import signed
from tests.recordings import recording
from tests.test_results import SPLIT, steady
from tests.ui.test_round_calls import _drawn, _step, _supervisor_answers

PENDING, ACCEPTED = "待确认", "已接受"


def _accept(step, row: int) -> None:
    step.table.selectRow(row)
    step.outcome.setCurrentIndex(step.outcome.findData("accepted"))
    step.save.click()


def test_the_steps_after_the_draw_take_the_round_to_approved_results(window, demo_workspace, tmp_path):
    root = demo_workspace
    _drawn(root)
    ws = window.rounds.workspace
    step = _step(window, root, CALLS)
    step.table.selectRow(0)
    step.set_recording(recording(tmp_path, "amr"))
    _accept(step, 0)
    step.table.selectRow(1)
    step.outcome.setCurrentIndex(step.outcome.findData("declined"))
    step.reason_kind.setCurrentIndex(step.reason_kind.findData("时间冲突"))
    step.save.click()
    assert "按备选顺序递补" in step.said.text()
    while pending := [r for r in range(step.table.row_count()) if step.table.text(r, 6) == PENDING]:
        _accept(step, pending[0])
    statuses = [step.table.text(r, 6) for r in range(step.table.row_count())]
    assert statuses.count(ACCEPTED) == 7 and statuses.count("已递补") == 1

    ws.buttons.button(CONFIRMATION).click()
    step = ws.confirmation
    step.table.selectRow(0)
    answers = _supervisor_answers(step, "本领域企业专家不足，经监督员同意")  # only asked below the quota
    step.confirm.click()
    answers.stop()
    assert ws.info.state == "confirmed" and ws.buttons.button(CONFIRMATION).text().startswith("✔")

    ws.buttons.button(COMMITMENTS).click()
    step = ws.commitments
    assert step.table.row_count() == 7 and "尚缺承诺书 7 份" in step.summary.text()
    for row in range(7):
        step.table.selectRow(row)
        answers = _supervisor_answers(step)
        step.on_site.click()
        answers.stop()
        step.attendance.setCurrentIndex(step.attendance.findData("present"))
        step.mark.click()
    assert "尚缺承诺书 0 份" in step.summary.text() and "低于比例" not in step.sat.text()

    ws.buttons.button(SCORES).click()
    members = [r["expert"] for r in ws.commitments.rows]
    ws.scores.export_to(tmp_path / "模板.xlsx")
    book = openpyxl.load_workbook(tmp_path / "模板.xlsx")
    apps = list(dict.fromkeys(row[3].value for row in book["评分表"].iter_rows(min_row=2)))
    for row in book["评分表"].iter_rows(min_row=2):
        i, j = members.index(row[1].value), apps.index(row[3].value)
        for cell, mark in zip(row[5:9], (SPLIT[i] if j == 0 else steady(i, j)).split(",")):
            cell.value = int(mark)
    book.save(tmp_path / "已填.xlsx")
    ws.scores.import_from(tmp_path / "已填.xlsx")
    assert ws.info.state == "scoring" and "已计入{}份评分".format(7 * len(apps)) in ws.scores.status.text()

    ws.buttons.button(RESULTS).click()
    step = ws.results
    assert step.flagged.rowCount() == 1 and step.flagged.item(0, 1).text() == apps[0]
    assert "POST_REVIEW" in step.missing.text() and not step.propose.isEnabled()
    for row in range(step.certifications.rowCount()):
        step.certifications.selectRow(row)
        step.certify.click()
    step.flagged.selectRow(0)
    step.decision.setCurrentIndex(step.decision.findData("recommend"))
    step.decision_reason.setText("评审组复议：低分专家的意见已记录")
    step.decide.click()
    assert step.missing.text() == "" and step.propose.isEnabled()
    step.propose.click()
    window.ctx.actor = signed(root, "赵审批")
    ws.show_round(ws.info, keep_step=True)
    ws.results.approve.click()
    assert rounds.show_round(root, signed(root), 1).state == "results" and "审批并冻结" in step.approval.text()
    assert all(ws.buttons.button(s).text().startswith("✔") for s in (CALLS, CONFIRMATION, COMMITMENTS, SCORES,
                                                                     RESULTS))
