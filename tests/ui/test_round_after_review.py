"""The step after the approved results on the real window: an opinion that names its expert is listed with what it
names and corrected through the dialog; conduct is recorded as prefilled; closing waits for what is missing."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from desktop.services import feedback
from desktop.ui.round_workspace import AFTER
from tests.after_review_setup import approved_round, people
from tests.conftest import signed
from tests.ui.test_round_scores import _shown


def test_an_opinion_naming_its_expert_is_corrected_and_conduct_recorded_before_closing(window, demo_workspace,
                                                                                        monkeypatch):
    root = demo_workspace
    members, apps = approved_round(root, lambda i, j, who: f"本人（{who[0][1]} {who[0][0]}）认为该项目创新性突出。"
                                   if (i, j) == (0, 0) else f"研究基础较好（意见{i}-{j}）。")
    name, org = people(root, members)[members[0]]
    ws = _shown(window, root)
    ws.buttons.button(AFTER).click()
    step = ws.after
    assert step.opinions.rowCount() == 1
    assert step.opinions.item(0, 2).text() == f"专家姓名“{name}”、工作单位“{org}”"
    assert "公示名单尚未确认" in step.summary.text() and not step.close_round.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("该项目创新性突出。", True))
    step.opinions.selectRow(0)
    step.correct.click()
    assert step.opinions.rowCount() == 0
    assert not [o for o in feedback.opinions(root, signed(root), 1) if o.matches]
    assert step.conduct.rowCount() == len(members)
    assert {step.conduct.item(r, 3).text() for r in range(len(members))} == {"未登记（预填）"}
    step.conduct.selectRow(0)
    step.record.click()
    assert step.conduct.item(0, 1).text() == "按时出席" and step.conduct.item(0, 3).text() == "已登记"
    assert f"还有{len(members) - 1}位专家未登记评审行为" in step.summary.text()
