"""The conflicts step over a plain summary, and the step bar that ticks 回避关系 only once they were computed."""

from desktop.services import catalogue, rounds
from desktop.services.ui_queries import ConflictSummary
from desktop.ui.round_workspace import CONFLICTS, PANELS
from tests.conftest import signed


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
