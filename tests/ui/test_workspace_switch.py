"""Switching workspaces can never act on the other workspace: two real workspaces that both have a round 1, the
window showing the first one's at its draw step, then File › 打开 the second."""

import shutil

import pytest
from PySide6.QtCore import Qt

from desktop.services import draws, rounds
from desktop.services.rounds import OtherWorkspace, RoundRef
from desktop.store.workspace import close_workspace
from desktop.ui.main_window import EXPERTS, ROUNDS
from desktop.ui.round.workspace import DRAW
from tests.ui.conftest import OPERATOR
from tests.ui.test_round_workspace import _sign_in
from tests.conftest import signed
from tests.test_merge_duplicates import made, stuck  # noqa: F401  (fixtures: a workspace stopped at 0014)


@pytest.fixture
def second_workspace(demo_template, tmp_path):
    """Another copy of the demo: its round 1 has the same id as the first one's, and is another round."""
    root = tmp_path / "second"
    shutil.copytree(demo_template, root)
    yield root.resolve()
    close_workspace(root)


def test_the_round_page_forgets_the_previous_workspace_and_draws_only_in_the_open_one(window, demo_workspace,
                                                                                     second_workspace):
    first = demo_workspace.resolve()
    window.show_round(RoundRef(first, 1))
    ws = window.rounds.workspace
    ws.buttons.button(DRAW).click()
    assert ws.info.ref == RoundRef(first, 1) and ws.draw.draw.isEnabled()

    window.open_workspace(second_workspace)  # File › 打开工作区
    assert window.ctx.place == second_workspace
    shown = [ws.info, ws.method.info, ws.panels.info, ws.conflicts.info, ws.draw.info, ws.letters.info]
    assert all(info is None or info.ref.workspace == second_workspace for info in shown)
    listed = [window.rounds.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.rounds.list.count())]
    assert listed and all(ref.workspace == second_workspace for ref in listed)

    ws.buttons.button(DRAW).click()
    _sign_in(window, "监督员乙")
    ws.draw.draw.click()
    assert draws.latest_draw(second_workspace, signed(second_workspace), 1) is not None  # the draw shown is the draw made
    assert draws.latest_draw(first, signed(first), 1) is None
    assert ws.info.ref == RoundRef(second_workspace, 1) and ws.info.state == "drawn"


def test_a_service_refuses_a_round_of_another_workspace(demo_workspace, second_workspace):
    stranger = RoundRef(demo_workspace.resolve(), 1)
    with pytest.raises(OtherWorkspace, match="属于工作区"):
        draws.draw_round(second_workspace, signed(second_workspace, OPERATOR), stranger, witness_digits="111111", witness=signed(second_workspace, "监督员乙"))
    with pytest.raises(OtherWorkspace):
        rounds.add_panel(second_workspace, signed(second_workspace, OPERATOR), stranger, name="组", size=5, applications=["x"])
    assert draws.latest_draw(second_workspace, signed(second_workspace), 1) is None and draws.latest_draw(demo_workspace, signed(demo_workspace), 1) is None


def test_every_page_starts_empty_in_the_new_workspace(window, demo_workspace, second_workspace):
    window.nav.setCurrentRow(EXPERTS)
    window.experts.table.selectRow(0)
    assert window.experts.detail.key is not None
    window.nav.setCurrentRow(ROUNDS)
    window.open_workspace(second_workspace)
    assert window.experts.detail.key is None and "选择一行" in window.experts.detail.browser.toPlainText()


def test_a_folder_that_is_not_a_workspace_is_named_so_in_the_window(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: said.append(text)))
    before = window.ctx.place
    (tmp_path / "plain").mkdir()
    window.open_workspace(tmp_path / "plain")
    assert said and "不是 PanelDesk 工作区" in said[0] and "新建工作区" in said[0] and "init" not in said[0]
    assert window.ctx.place == before and not (tmp_path / "plain" / "paneldesk.db").exists()


def test_a_workspace_whose_upgrade_stopped_at_a_duplicate_says_so_and_names_the_way_out(window, stuck, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: said.append(text)))
    before = window.ctx.place
    root, _ = stuck
    window.open_workspace(root)
    assert said and "「张三」" in said[0] and "不会自动合并" in said[0]
    assert "workspace merge-duplicates" in said[0] and "Traceback" not in said[0]
    assert window.ctx.place == before
