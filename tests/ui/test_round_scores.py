"""The score entry and results steps on the real window: keyboard entry to the next empty cell, a refused cell
selected with its rule, the workbook round trip, the non-consensus list decided, and the approval by a second
account; in English, the method and the results worded from the services' values."""

from __future__ import annotations

import re
from fractions import Fraction

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from desktop.services import results, rounds, scores
from desktop.services.demo import DEMO_METHOD
from desktop.services.method_choices import Method
from desktop.services.scores import ScoreInput
from desktop.ui.method_words import method_text
from desktop.ui.round.workspace import COMMITMENTS, RESULTS, SCORES
from tests.conftest import signed
from tests.execution_setup import confirmed_round
from tests.test_results import SPLIT, steady
from tests.ui.english import english  # noqa: F401 - a fixture


@pytest.fixture
def demo_workspace(confirmed_demo):
    """The demo with its round confirmed through the services, a copy of the run's template (tests/conftest.py)."""
    return confirmed_demo


def _shown(window, root):
    """The round opened in the window as it stands now (the list had shown it before the test changed it)."""
    info = rounds.show_round(root, signed(root), 1)
    window.show_round(info.ref)
    window.rounds.workspace.show_round(info)
    return window.rounds.workspace


def _type(qtbot, grid, text: str) -> None:
    """Keys as the operator presses them: the first opens the cell's editor with it, the rest go to the editor,
    Enter closes it."""
    qtbot.keyClick(grid, text[0])
    editor = next(e for e in grid.viewport().findChildren(QLineEdit) if e.isVisible())  # not one closed before
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)  # the delegate commits on a queued call


def _input(widget, text: str) -> None:
    """Chinese as an input method commits it (QTest types ASCII keys only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.mark.confirmed(without_commitment=1)
def test_scores_are_typed_from_the_keyboard_and_a_refused_cell_is_selected(window, demo_workspace, qtbot,
                                                                          monkeypatch):
    root = demo_workspace
    members = list(confirmed_round(root, without_commitment=1).values())[0]
    ws = _shown(window, root)
    assert ws.stack.currentIndex() == SCORES
    step = ws.scores
    grid = step.grid
    assert grid.rowCount() == len(members) and not grid.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert "承诺书" in grid.item(0, 0).toolTip()
    assert (grid.currentRow(), grid.currentColumn()) == (1, 0)  # the first open, empty cell
    grid.setFocus()
    _type(qtbot, grid, "25,20,15,20")
    assert grid.item(1, 0).text() == "25,20,15,20"
    assert (grid.currentRow(), grid.currentColumn()) == (1, 1)  # Enter went on to the next empty cell
    grid.setCurrentCell(1, 0)
    _input(step.opinion, "方案可行")
    grid.setCurrentCell(1, 1)
    grid.setCurrentCell(1, 0)
    step.opinion.end(False)
    _input(step.opinion, "，基础扎实")
    grid.setFocus()
    grid.setCurrentCell(1, 1)
    _type(qtbot, grid, "B")  # a grade on a 百分制 round
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    qtbot.keyClick(step, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert shown and shown[0].startswith("ONE_METHOD") and (grid.currentRow(), grid.currentColumn()) == (1, 1)
    grid.item(1, 1).setText("")
    step.pending.pop(grid.item(1, 1).data(Qt.ItemDataRole.UserRole))
    step.save.click()
    app = grid.horizontalHeaderItem(0).text()
    cell = scores.score_sheet(root, signed(root), 1, step.panel.currentText()).cells[(members[1], app)]
    assert cell == {"value": "25,20,15,20", "opinion": "方案可行，基础扎实", "state": "settled"}
    assert ws.info.state == "scoring"


def test_a_template_exported_and_imported_from_the_step(window, demo_workspace, tmp_path, monkeypatch):
    root = demo_workspace
    confirmed_round(root)
    ws = _shown(window, root)
    ws.scores.export_to(tmp_path / "模板.xlsx")
    book = openpyxl.load_workbook(tmp_path / "模板.xlsx")
    row = book["评分表"][2]
    for cell, mark in zip(row[5:9], (26, 21, 16, 99)):
        cell.value = mark
    book.save(tmp_path / "错.xlsx")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    ws.scores.import_from(tmp_path / "错.xlsx")
    assert "第2行" in shown[0] and "满分25分" in shown[0]
    row[8].value = 21
    book.save(tmp_path / "对.xlsx")
    ws.scores.import_from(tmp_path / "对.xlsx")
    assert ws.scores.grid.item(0, 0).text() == "26,21,16,21" and ws.info.state == "scoring"


def test_results_show_the_split_its_decision_and_the_approval_by_a_second_account(window, demo_workspace):
    root = demo_workspace
    members = list(confirmed_round(root).values())[0]
    apps = rounds.show_round(root, signed(root), 1).panels[0]["applications"]
    scores.enter_scores(root, signed(root), 1, [ScoreInput(m, a, SPLIT[i] if j == 0 else steady(i, j))
                                                for i, m in enumerate(members) for j, a in enumerate(apps)])
    for member in members:
        results.record_certification(root, signed(root), 1, member)
    ws = _shown(window, root)
    ws.buttons.button(RESULTS).click()
    step = ws.results
    assert step.flagged.rowCount() == 1 and step.flagged.item(0, 1).text() == apps[0]
    assert "NON_CONSENSUS" in step.missing.text() and not step.propose.isEnabled()
    assert "Krippendorff α" in step.agreement.text()
    assert step.findChild(type(step.charts.itemAt(0).widget()), "score_distribution").strips[0].flagged
    step.flagged.selectRow(0)
    step.decision.setCurrentIndex(step.decision.findData("not_recommend"))
    step.decision_reason.setText("评审组复议：技术路线存在明显缺陷")
    step.decide.click()
    assert step.missing.text() == "" and step.propose.isEnabled()
    step.propose.click()
    assert "待审批人审批" in step.approval.text()
    window.ctx.actor = signed(root, "赵审批")
    ws.show_round(ws.info, keep_step=True)
    assert ws.results.approve.isVisible() and not ws.results.propose.isVisible()
    ws.results.approve.click()
    assert ws.info.state == "results" and "审批并冻结" in ws.results.approval.text()
    assert all(ws.buttons.button(step).text().startswith("✔") for step in (COMMITMENTS, SCORES, RESULTS))


def test_a_score_changed_after_approval_asks_for_the_reason(window, demo_workspace, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    root = demo_workspace
    members = list(confirmed_round(root).values())[0]
    apps = rounds.show_round(root, signed(root), 1).panels[0]["applications"]
    scores.enter_scores(root, signed(root), 1, [ScoreInput(m, a, steady(i, j))
                                                for i, m in enumerate(members) for j, a in enumerate(apps)])
    for member in members:
        results.record_certification(root, signed(root), 1, member)
    results.propose_results(root, signed(root), 1)
    results.approve_results(root, signed(root, "赵审批"), 1)
    ws = _shown(window, root)
    assert ws.stack.currentIndex() == RESULTS
    ws.buttons.button(SCORES).click()
    grid = ws.scores.grid
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or ("专家书面更正", True))
    grid.item(0, 0).setText("20,20,15,20")
    ws.scores.save.click()
    assert "已审批并冻结" in asked[0]
    assert results.round_results(root, signed(root), 1).changed_since


CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_scores_and_results_steps_word_the_method_and_the_results_in_english(english, window, demo_workspace):
    """The method, the cells' contents, each aggregate, the split's reason, the tie rule, the recommendation and
    what stands before a proposal come from the services as values and are worded in the window's language."""
    root = demo_workspace
    members = list(confirmed_round(root).values())[0]
    apps = rounds.show_round(root, signed(root), 1).panels[0]["applications"]
    scores.enter_scores(root, signed(root), 1, [ScoreInput(m, a, SPLIT[i] if j == 0 else steady(i, j))
                                                for i, m in enumerate(members) for j, a in enumerate(apps)])
    ws = _shown(window, root)
    ws.buttons.button(SCORES).click()
    assert ws.scores.method.text().startswith("Method: Meeting review · Score out of 100 · mean without the highest")
    assert "(30 points)" in ws.scores.method.text()
    ws.buttons.button(RESULTS).click()
    step = ws.results
    assert step.status.text().startswith("Method: Meeting review · Score out of 100")
    aggregates = [step.table.item(r, 3).text() for r in range(step.table.rowCount())]
    assert aggregates and all(" scores)" in a and not CJK.search(a) for a in aggregates)
    assert step.flagged.item(0, 2).text().startswith("scores range over")
    assert "ties broken by the mean of all scores" in step.agreement.text()
    assert "no recommendation" in step.agreement.text()
    missing = step.missing.text()
    assert "POST_REVIEW 7 experts have not certified" in missing and "NON_CONSENSUS non-consensus" in missing
    assert not CJK.search(missing.replace("、", "").split("(")[0])


def test_the_method_is_worded_in_chinese_as_the_services_describe_it(qapp):
    vote = Method("通讯评审", "投票", pass_fraction=Fraction(3, 5))
    for method in (DEMO_METHOD, vote, Method("会议评审", "等级"), Method("答辩评审", "排序")):
        assert method_text(method.to_dict(), chinese=True) == method.describe()
    assert method_text(vote.to_dict(), chinese=False).endswith("（通过比例3/5）")  # no translator: Chinese words
