"""The window with its real worker threads: results that arrive late give way to newer ones, and a draw can be
cancelled while it runs. The other GUI tests use the synchronous runner; these wait on the threads."""

import time

import pytest

from desktop.services import draw_inputs, draws
from desktop.services.rounds import RoundRef
from desktop.store.workspace import close_workspace
from desktop.ui.pages import catalogue_page
from desktop.ui.app import load_font
from desktop.ui.context import Context
from desktop.ui.main_window import EXPERTS, MainWindow
from desktop.ui.round.workspace import DRAW
from desktop.ui.tasks import Runner
from tests.conftest import demo_for_tests, signed


@pytest.fixture
def threaded(qtbot, qapp, settings):
    load_font(qapp)
    window = MainWindow(Context(Runner(), settings, signed))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.ctx.runner.wait()


@pytest.fixture
def smaller(tmp_path):
    root = tmp_path / "smaller"
    demo_for_tests(root, experts=120, applications=12)
    yield root
    close_workspace(root)


def test_a_slow_read_of_the_previous_workspace_does_not_replace_the_latest(threaded, demo_workspace, smaller,
                                                                             qtbot, monkeypatch):
    read = catalogue_page.read

    def slow_for_the_first(place, actor, listing):
        if place == demo_workspace:
            time.sleep(1.0)
        return read(place, actor, listing)

    monkeypatch.setattr(catalogue_page, "read", slow_for_the_first)
    threaded.nav.setCurrentRow(EXPERTS)
    threaded.open_workspace(demo_workspace)
    qtbot.waitUntil(lambda: threaded.ctx.place == demo_workspace, timeout=10_000)
    threaded.open_workspace(smaller)
    page = threaded.experts
    qtbot.waitUntil(lambda: page.model.total == 120 and page.model.searchable, timeout=10_000)
    qtbot.wait(1500)  # the first workspace's read ends now; were it shown, it would replace the table
    threaded.ctx.runner.wait()
    qtbot.wait(50)
    assert page.model.total == 120
    assert threaded.experts.count.text() == "120 / 120 条"


def test_cancelling_a_running_draw_saves_nothing(threaded, demo_workspace, qtbot, monkeypatch):
    load_round = draw_inputs.load_round

    def slow(session, round_id):
        time.sleep(0.5)
        return load_round(session, round_id)

    monkeypatch.setattr(draw_inputs, "load_round", slow)
    threaded.open_workspace(demo_workspace)
    qtbot.waitUntil(lambda: threaded.ctx.place == demo_workspace, timeout=10_000)
    threaded.show_round(RoundRef(threaded.ctx.place, 1))
    workspace = threaded.rounds.workspace
    qtbot.waitUntil(lambda: workspace.info is not None and workspace.info.id == 1, timeout=10_000)
    workspace.buttons.button(DRAW).click()
    step = workspace.draw
    step.run(signed(demo_workspace, "监督员乙"), "20261215")
    assert step.progress.isVisible() and step.cancel.isVisible() and not step.draw.isEnabled()
    step.cancel.click()
    qtbot.waitUntil(lambda: step.job is None, timeout=10_000)
    assert "已取消抽取" in step.status.text() and not step.progress.isVisible()
    assert draws.draw_history(demo_workspace, signed(demo_workspace), 1) == [] and step.draw.isEnabled()
