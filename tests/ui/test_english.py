"""The window in English mode speaks English in the texts it writes itself: the expert detail pane, the reasons for
a recusal, the draw's panel boxes and progress steps (data — names, organisations — stay as entered)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QTableWidget

from desktop.services import rounds
from desktop.ui.main_window import EXPERTS
from desktop.ui.round.draw import panel_box
from desktop.ui.round.workspace import CONFLICTS
from desktop.ui.service_words import said
from tests.ui.english import english  # noqa: F401 - a fixture
from tests.conftest import signed

LABELS = re.compile(r"(身份证号|任职经历|人员关系|诚信记录|参加过的评审|工作单位|状态)")


def test_the_expert_detail_pane_is_in_english(english, window):
    window.nav.setCurrentRow(EXPERTS)
    window.experts.table.selectRow(0)
    text = window.experts.detail.browser.toPlainText()
    assert "ID number: " in text and "Employment history" in text and "Reviews served on" in text
    assert not LABELS.search(text)


def test_recusal_grounds_and_progress_are_in_english(english, window, demo_workspace):
    window.show_round(rounds.show_round(demo_workspace, signed(demo_workspace), 1).ref)
    ws = window.rounds.workspace
    ws.buttons.button(CONFLICTS).click()
    ws.conflicts.compute.click()
    model = ws.conflicts.pairs.model()
    grounds = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert grounds and not any(re.search(r"[\u4e00-\u9fff]", g) for g in grounds)
    assert said("保存抽取记录") == "saving the draw record" and said("读取 专家库.xlsx") == "reading 专家库.xlsx"


def test_a_drawn_panel_box_is_in_english(english, qtbot):
    box = panel_box({"name": "Panel 1", "quota_ok": True, "enterprise_count": 1, "enterprise_required": 1,
                     "quota_message": "", "members": [{"name": "Li", "expert": "110101197508082078",
                                                       "enterprise": True}],
                     "reserve_names": [], "reserve_shared": []})
    qtbot.addWidget(box)
    table = box.findChild(QTableWidget)
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[1] == "Name" and table.item(0, 3).text() == "Yes"
    assert "enterprise experts 1/1" in box.title()
    assert not re.search(r"[\u4e00-\u9fff]", box.title())
