"""The settings page: the open workspace's low-rating thresholds of expert conduct, shown, changed and audited."""

from __future__ import annotations

from desktop.services import audit_log, conduct
from desktop.ui.main_window import SETTINGS
from tests.conftest import signed


def test_the_low_rating_thresholds_are_the_workspaces_and_audited(qtbot, window):
    window.nav.setCurrentRow(SETTINGS)
    page = window.settings_page
    assert (page.below.value(), page.count.value(), page.days.value()) == (60, 2, 730)
    page.below.setValue(70)
    page.count.setValue(1)
    page.days.setValue(365)
    page.save_rules.click()
    assert page.rules_note.text() == "已保存：365天内1次评价低于70分的专家提示复核。"
    assert conduct.low_ratings(window.ctx.place, window.ctx.actor)["text"] == "365天内1次评价低于70分"
    assert [e["action"] for e in audit_log.recent(window.ctx.place, signed(window.ctx.place, "李监督"))][0] == \
        "conduct.low_ratings"
