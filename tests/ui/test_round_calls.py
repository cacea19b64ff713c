"""The steps after the draw in the real window: calls with an imported recording played back and a decline replaced
from the reserve, the call list written, panel confirmation (below quota with a supervisor's sign-in and reason),
and commitments with attendance as the panel sat."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtMultimedia import QMediaDevices
from PIL import Image

from desktop.services import calls, catalogue, draws, rounds
from desktop.services.rounds import RoundRef
from desktop.ui.round.supervisor import SupervisorDialog
from desktop.ui.round.workspace import CALLS, COMMITMENTS, CONFIRMATION
from tests.conftest import TEST_PASSWORD, signed
from tests.recordings import recording
from tests.ui.conftest import OPERATOR


def _step(window, demo_workspace, index):
    window.show_round(RoundRef(window.ctx.place, 1))
    ws = window.rounds.workspace
    ws.load(RoundRef(window.ctx.place, 1))
    ws.buttons.button(index).click()
    return ws.step(index)


def _drawn(demo_workspace):
    draws.draw_round(demo_workspace, signed(demo_workspace, OPERATOR), 1, witness_digits="111111",
                     witness=signed(demo_workspace, "李监督"))


def _accept_all(root):
    for row in calls.list_calls(root, signed(root), 1):
        if row.status == "pending":
            calls.record_call(root, signed(root), 1, row.expert, "accepted")


def _supervisor_answers(parent, reason: str = "") -> QTimer:
    """Sign the supervisor in to the dialog the step opens, as soon as it shows."""
    timer = QTimer(parent)

    def look():
        dialog = next((d for d in parent.findChildren(SupervisorDialog) if d.isVisible()), None)
        if dialog is not None:
            timer.stop()
            dialog.name.setText("李监督")
            dialog.password.setText(TEST_PASSWORD)
            dialog.reason.setPlainText(reason)
            dialog.accept()
    timer.timeout.connect(look)
    timer.start(20)
    return timer


def test_calls_step_records_a_call_with_its_recording_plays_it_and_replaces_a_decline(window, demo_workspace,
                                                                                        tmp_path, qtbot):
    _drawn(demo_workspace)
    step = _step(window, demo_workspace, CALLS)
    assert step.table.row_count() == 7 and "待确认 7" in step.summary.text()
    assert "*" in step.table.text(0, 3)  # the mobile masked on screen
    if not QMediaDevices.audioInputs():
        qtbot.waitUntil(lambda: "导入录音文件" in step.no_microphone.text())  # looked for once the step is made
        assert step.no_microphone.isVisible()
        assert not step.microphone.isEnabled()
    step.table.selectRow(0)
    step.set_recording(recording(tmp_path, "amr"))
    step.outcome.setCurrentIndex(step.outcome.findData("accepted"))
    step.save.click()
    assert step.table.text(0, 6) == "已接受" and step.table.text(0, 7) == "1"
    assert step.history.count() == 1 and "录音" in step.history.item(0).text()
    step.history.setCurrentRow(0)
    step.play.click()
    assert step.player.source().toLocalFile().endswith(".amr")
    step.table.selectRow(1)
    step.outcome.setCurrentIndex(step.outcome.findData("declined"))
    step.reason_kind.setCurrentIndex(step.reason_kind.findData("身体原因"))
    step.save.click()
    assert "按备选顺序递补" in step.said.text()
    assert step.table.row_count() == 8 and step.table.text(1, 6) == "已递补"
    assert step.table.text(2, 8) == "备选递补"
    step.write_call_list(tmp_path / "名单.pdf")
    assert (tmp_path / "名单.pdf").stat().st_size > 1000 and "已写出" in step.summary.text()


def test_confirmation_step_confirms_and_asks_a_supervisor_below_quota(window, demo_workspace):
    _drawn(demo_workspace)
    _accept_all(demo_workspace)
    members = calls.list_calls(demo_workspace, signed(demo_workspace), 1)
    orgs = {m.organisation for m in members if m.enterprise}
    for org in catalogue.listing(demo_workspace, signed(demo_workspace), "organisations"):
        if org["name"] in orgs:
            catalogue.edit_organisation(demo_workspace, signed(demo_workspace), org["credit_code"], kind="高校")
    step = _step(window, demo_workspace, CONFIRMATION)
    assert step.table.row_count() == 1 and step.table.text(0, 1) == "7/7"
    step.table.selectRow(0)
    answers = _supervisor_answers(step, "本领域企业专家不足，经监督员同意")
    step.confirm.click()
    answers.stop()
    assert rounds.show_round(demo_workspace, signed(demo_workspace), 1).state == "confirmed"
    assert "已确认" in step.table.text(0, 3) and "李监督" in step.table.text(0, 3)
    assert window.rounds.workspace.buttons.button(CONFIRMATION).text().startswith("✔")


def test_commitments_step_records_a_scan_an_on_site_signature_and_attendance(window, demo_workspace, tmp_path):
    _drawn(demo_workspace)
    _accept_all(demo_workspace)
    from desktop.services import confirmation
    confirmation.confirm_panel(demo_workspace, signed(demo_workspace), 1,
                               rounds.show_round(demo_workspace, signed(demo_workspace), 1).panels[0]["name"])
    step = _step(window, demo_workspace, COMMITMENTS)
    assert step.table.row_count() == 7 and "尚缺承诺书 7 份" in step.summary.text()
    photo = tmp_path / "承诺书.png"
    Image.new("RGB", (120, 160), "white").save(photo)
    step.record_scan(step.rows[0]["expert"], photo)
    assert step.table.text(0, 4) == "扫描件"
    step.table.selectRow(1)
    answers = _supervisor_answers(step)
    step.on_site.click()
    answers.stop()
    assert "李监督" in step.table.text(1, 4)
    enterprise = [i for i, r in enumerate(step.rows) if r["enterprise"]]
    for index in range(7):
        step.table.selectRow(index)
        step.attendance.setCurrentIndex(step.attendance.findData("absent" if index in enterprise else "present"))
        step.mark.click()
    assert "低于比例" in step.sat.text() and step.table.text(enterprise[0], 5) == "缺席"


def test_a_headset_plugged_in_enables_recording_and_a_call_recorded_from_it_is_kept(window, demo_workspace, qtbot,
                                                                                   request):
    """The test run's audio server (tests/audio_server.py) starts with no input; a virtual microphone is plugged in
    while the calls step is open, as a headset would be."""
    _drawn(demo_workspace)
    step = _step(window, demo_workspace, CALLS)
    request.getfixturevalue("microphone")
    qtbot.waitUntil(lambda: step.microphone.isEnabled() and not step.no_microphone.isVisible(), timeout=10000)
    step.table.selectRow(0)
    step.microphone.setChecked(True)
    assert step.recording_label.text() == "正在录音…"
    qtbot.wait(2000)
    step.microphone.setChecked(False)
    qtbot.waitUntil(lambda: step.recording is not None, timeout=20000)
    assert step.recording.suffix == ".m4a"
    step.outcome.setCurrentIndex(step.outcome.findData("pending"))
    step.save.click()
    kept = calls.call_history(demo_workspace, signed(demo_workspace), 1, step.rows[0].expert)[-1]
    assert kept["recording"] and kept["seconds"] > 0  # lengths come out far shorter than wall time on a loaded machine


def test_the_calls_step_is_ticked_once_every_seat_answered_and_a_withdrawal_unticks_it(window, demo_workspace):
    from desktop.services import confirmation
    _drawn(demo_workspace)
    step = _step(window, demo_workspace, CALLS)
    bar = window.rounds.workspace.buttons
    assert not bar.button(CALLS).text().startswith("✔") and "尚未答复的座位 7 个" in bar.button(CALLS).toolTip()
    _accept_all(demo_workspace)
    window.rounds.workspace.load(RoundRef(window.ctx.place, 1))
    assert bar.button(CALLS).text().startswith("✔") and bar.button(CALLS).toolTip() == ""
    assert not bar.button(CONFIRMATION).text().startswith("✔")
    name = rounds.show_round(demo_workspace, signed(demo_workspace), 1).panels[0]["name"]
    confirmation.confirm_panel(demo_workspace, signed(demo_workspace), 1, name)
    window.rounds.workspace.load(RoundRef(window.ctx.place, 1))
    assert bar.button(CONFIRMATION).text().startswith("✔")
    bar.button(CALLS).click()
    step.load()
    step.table.selectRow(0)
    leaving = step.rows[0].name
    step.reason_kind.setCurrentIndex(step.reason_kind.findData("身体原因"))
    step.withdraw.click()
    assert "须重新确认" in step.said.text()
    assert rounds.show_round(demo_workspace, signed(demo_workspace), 1).state == "drawn"
    assert not bar.button(CALLS).text().startswith("✔") and not bar.button(CONFIRMATION).text().startswith("✔")
    assert "尚未答复的座位 1 个" in bar.button(CALLS).toolTip() and leaving not in bar.button(CALLS).toolTip()
    assert "尚待答复" in step.summary.text()
