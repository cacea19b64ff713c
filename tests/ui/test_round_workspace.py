"""A round through the window: create it, open it (method frozen), add a panel, see conflicts explained, draw with
a witness, and the letters due."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from desktop.services import draws, rounds
from desktop.ui.main_window import ROUNDS
from desktop.ui.round.draw import WitnessDialog
from desktop.ui.round.workspace import CONFLICTS, DRAW, LETTERS, METHOD, PANELS
from tests.conftest import TEST_PASSWORD, signed


def _sign_in(window, witness, digits="20261215"):
    """Fill in the witness dialog as soon as the draw button opens it."""
    def fill():
        dialog = window.rounds.workspace.draw.findChild(WitnessDialog)
        assert dialog.findChild(QLabel, "witness_commitment").text() == window.rounds.workspace.draw.pending
        dialog.name.setText(witness)
        dialog.password.setText(TEST_PASSWORD)  # the supervisor types their own password
        dialog.digits.setText(digits)
        dialog.present.setChecked(True)
        dialog.accept()
    QTimer.singleShot(0, fill)


def test_create_open_panel_conflicts_and_draw(window, demo_workspace):
    window.nav.setCurrentRow(ROUNDS)
    page = window.rounds
    page.new_round()
    ws = page.workspace
    assert ws.stack.currentIndex() == METHOD and not ws.method.open.isEnabled()
    ws.method.name.setText("界面测试轮次")
    ws.method.save.click()
    created = [r for r in rounds.list_rounds(demo_workspace, signed(demo_workspace)) if r.name == "界面测试轮次"]
    assert created and ws.info.id == created[0].id and ws.info.state == "draft"
    assert page.list.currentItem().data(Qt.ItemDataRole.UserRole) == created[0].ref

    ws.method.open_now()
    assert ws.info.state == "opened" and "冻结" in ws.method.frozen.text()
    assert not ws.method.inputs[1].isEnabled()  # the method can no longer be changed
    assert ws.stack.currentIndex() == METHOD

    ws.buttons.button(PANELS).click()
    panels = ws.panels
    panels.name.setText("测试组")
    panels.size.setValue(5)
    panels._choose_visible()
    panels.add.click()
    assert [p["name"] for p in ws.info.panels] == ["测试组"]

    ws.buttons.button(CONFLICTS).click()
    ws.conflicts.compute.click()
    assert ws.conflicts.applications.model().rowCount() == len(ws.info.panels[0]["applications"])
    pairs = ws.conflicts.pairs
    if pairs.model().rowCount():
        pairs.selectRow(0)
        assert "专家" in ws.conflicts.explanation.toPlainText()

    ws.buttons.button(DRAW).click()
    ws.draw.commit.click()  # the commitment is on screen before the witness speaks
    shown = ws.draw.commitment.text()
    assert len(shown) == 64 and draws.pending_commitment(demo_workspace, signed(demo_workspace), ws.info.id).commitment == shown
    _sign_in(window, "监督员乙")
    ws.draw.draw.click()
    assert ws.info.state == "drawn", ws.draw.status.text()
    record = draws.latest_draw(demo_workspace, signed(demo_workspace), ws.info.id)
    assert record.commitment == shown and record.witness_digits == "20261215"
    for part in (shown, record.secret, record.seed, "监督员乙"):
        assert part in ws.draw.status.text()
    assert ws.draw.results.count() == 1
    box = ws.draw.results.itemAt(0).widget()
    assert "企业专家" in box.title() and "至少 2 人" in box.title()

    ws.buttons.button(LETTERS).click()
    assert ws.letters.letters.count() == 5


def test_the_operator_cannot_witness_the_draw(window, qtbot):
    dialog = WitnessDialog(window.ctx.actor, "ab" * 32, window)
    qtbot.addWidget(dialog)
    dialog.name.setText(window.ctx.actor.name + "\u200b")  # a zero-width space does not make another person
    dialog.password.setText(TEST_PASSWORD)
    dialog.digits.setText("123456")
    dialog.present.setChecked(True)
    dialog.accept()
    assert dialog.result() == 0 and "不能" in dialog.problem.text() and "SEPARATION" in dialog.problem.text()


def test_the_witness_digits_are_checked_in_the_dialog(window, qtbot):
    dialog = WitnessDialog(window.ctx.actor, "ab" * 32, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("监督员乙")
    dialog.digits.setText("12 34")
    dialog.present.setChecked(True)
    dialog.accept()
    assert dialog.result() == 0 and "6至64位" in dialog.problem.text()


def test_the_witness_signs_in_with_their_own_password(window, qtbot, quick_accounts):
    dialog = WitnessDialog(window.ctx.actor, "ab" * 32, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("李监督")
    dialog.password.setText("not-the-password")
    dialog.digits.setText("123456")
    dialog.present.setChecked(True)
    dialog.accept()
    assert dialog.result() == 0 and "口令不正确" in dialog.problem.text() and dialog.password.text() == ""
    assert quick_accounts == [1.0]
    dialog.password.setText(TEST_PASSWORD)
    dialog.accept()
    assert dialog.result() == 1 and dialog.witness.name == "李监督"


def test_a_witness_who_is_no_supervisor_is_refused(window, qtbot):
    dialog = WitnessDialog(window.ctx.actor, "ab" * 32, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("秘书甲")
    dialog.password.setText(TEST_PASSWORD)
    dialog.digits.setText("123456")
    dialog.present.setChecked(True)
    dialog.accept()
    assert dialog.result() == 0 and "见证人须为监督员" in dialog.problem.text()
