"""The conflicts step over a plain summary, and the step bar that ticks 回避关系 only once they were computed."""

from PySide6.QtWidgets import QApplication

from desktop.services import catalogue, rounds
from desktop.services.ui_queries import ConflictSummary
from desktop.ui.round.workspace import CONFLICTS, PANELS, RESULTS
from tests.conftest import signed
from tests.ui.english import english  # noqa: F401 - a fixture


def _opened_round(window, demo_workspace):
    info = rounds.show_round(demo_workspace, signed(demo_workspace), 1)
    window.show_round(info.ref)
    return window.rounds.workspace


def test_conflicts_are_ticked_only_once_computed_and_come_as_a_plain_summary(window, demo_workspace):
    ws = _opened_round(window, demo_workspace)
    bar = ws.buttons
    assert bar.button(PANELS).text().startswith("✔") and not bar.button(CONFLICTS).text().startswith("✔")
    bar.button(CONFLICTS).click()
    ws.conflicts.compute.click()
    assert isinstance(ws.conflicts.conflicts, ConflictSummary)
    assert bar.button(CONFLICTS).text().startswith("✔")

    expert = catalogue.listing(demo_workspace, signed(demo_workspace), "experts")[0]
    ws.conflicts.expert.setText(expert["id_number"])
    ws.conflicts.expert.returnPressed.emit()
    text = ws.conflicts.explanation.toPlainText()
    assert expert["name"] in text and expert["id_number"] not in text  # named, the number masked


def test_each_application_lists_as_many_excluded_experts_as_its_line_says(window, demo_workspace):
    """The summary carries counts only; the chosen application's experts are fetched when it is chosen."""
    ws = _opened_round(window, demo_workspace)
    ws.buttons.button(CONFLICTS).click()
    ws.conflicts.compute.click()
    summary = ws.conflicts.conflicts
    assert all(isinstance(count, int) for _, _, count in summary.applications) and summary.pairs > 0
    lines = ws.conflicts.applications.model()
    for row, (number, panel, count) in enumerate(summary.applications):
        if count:
            break
    ws.conflicts.applications.setCurrentIndex(lines.index(row, 0))
    assert lines.index(row, 0).data().startswith(f"{number}（{panel}）回避 {count} 人")
    pairs = ws.conflicts.pairs.model()
    assert pairs.rowCount() == count
    ws.conflicts.pairs.selectRow(0)
    assert pairs.index(0, 0).data() in ws.conflicts.explanation.toPlainText()


def _bar_fits(window, demo_workspace) -> list[str]:
    ws = _opened_round(window, demo_workspace)
    window.resize(1280, 800)
    QApplication.processEvents()
    right = window.mapToGlobal(window.rect().topRight()).x()
    assert window.width() == 1280
    for button in ws.buttons.buttons():
        assert button.width() >= button.sizeHint().width(), button.text()  # the whole label shown
        assert button.mapToGlobal(button.rect().topRight()).x() <= right, button.text()
    return list(ws.titles)


def test_the_steps_fit_a_window_1280_pixels_wide(window, demo_workspace):
    assert _bar_fits(window, demo_workspace)[RESULTS] == "结果与审批"


def test_the_steps_fit_a_window_1280_pixels_wide_in_english(english, window, demo_workspace):
    assert _bar_fits(window, demo_workspace)[RESULTS] == "Results"
