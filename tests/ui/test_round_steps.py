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
