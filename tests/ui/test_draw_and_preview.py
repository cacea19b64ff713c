"""The window's own words and sizes: a redraw without a reason is refused by pointing at the window's reason box
(not a command-line flag), and the import preview shows an 18-digit ID number whole."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from desktop.services import draws, rounds
from desktop.ui.round import draw as draw_step
from desktop.ui.import_wizard import ImportWizard
from desktop.ui.round.draw import WitnessDialog
from desktop.ui.round.workspace import DRAW
from tests.conftest import DEMO_OPERATOR, signed
from tests.spreadsheets import credit_code, id_number, workbook


def test_a_redraw_without_a_reason_points_at_the_reason_box(window, demo_workspace):
    draws.draw_round(demo_workspace, signed(demo_workspace, DEMO_OPERATOR), 1, witness_digits="111111",
                              witness=signed(demo_workspace, "李监督"))
    window.show_round(rounds.show_round(demo_workspace, signed(demo_workspace), 1).ref)
    ws = window.rounds.workspace
    ws.buttons.button(DRAW).click()
    step = ws.draw
    called = []

    def dismiss():  # were the witness called in, the test goes on (and fails) rather than wait on the dialog
        for dialog in step.findChildren(WitnessDialog):
            called.append(dialog)
            dialog.reject()
    QTimer.singleShot(0, dismiss)
    step.draw.click()
    text = step.status.text()
    assert "「重新抽取理由」" in text and "--" not in text
    assert not called  # no witness is called in for a draw that would be refused
    assert len(draws.draw_history(demo_workspace, signed(demo_workspace, DEMO_OPERATOR), 1)) == 1


def test_the_preview_shows_the_id_number_whole(window, tmp_path):
    uni = credit_code(900, "12")
    number = id_number(901)
    path = workbook(tmp_path / "专家.xlsx", {"单位": [["测试大学", uni, "高校"]],
                                            "专家": [["赵六", number, None, None, "教授", "测试大学", uni, "52020",
                                                      None]]})
    wizard = ImportWizard(window.ctx, window)
    wizard.show()
    wizard.files.add_paths([path])
    wizard.next()
    page = wizard.mapping
    page.sheet.setCurrentIndex([plan.sheet.name for plan in page.plans].index("专家"))
    preview = page.preview
    column = next(c for c in range(preview.columnCount())
                  if preview.item(0, c) is not None and preview.item(0, c).text() == number)
    needed = preview.fontMetrics().horizontalAdvance(number)
    assert preview.columnWidth(column) >= needed
    wizard.reject()


def test_the_panels_of_a_draw_are_laid_out_a_few_per_turn_of_the_event_loop(window, demo_workspace, qtbot,
                                                                             monkeypatch):
    """250 panel boxes built at once held the window for a second; a few per turn keep it responsive."""
    monkeypatch.setattr(draw_step, "BOXES_AT_ONCE", 1)
    record = draws.draw_round(demo_workspace, signed(demo_workspace, DEMO_OPERATOR), 1, witness_digits="111111",
                              witness=signed(demo_workspace, "李监督"))
    step = window.rounds.workspace.draw
    step.show_record(record)
    assert step.results.count() == 1
    qtbot.waitUntil(lambda: step.results.count() == len(record.panels))
    step.show_record(record)  # shown again: laid out anew, not added to the first
    qtbot.waitUntil(lambda: step.results.count() == len(record.panels))
    qtbot.wait(50)
    assert step.results.count() == len(record.panels)
