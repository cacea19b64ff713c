"""The dashboard on the real window: the pool's figures and the rounds with what is due next."""

from desktop.services import catalogue


def test_counts_enterprise_experts_and_lists_the_open_round(window, demo_workspace):
    experts = catalogue.listing(demo_workspace, "experts")
    enterprise = sum(e["enterprise"] for e in experts)
    assert 1 < enterprise < len(experts)
    text = window.dashboard.counts.text()
    assert f"专家 {len(experts)} 人（企业专家 {enterprise} 人）" in text
    assert window.dashboard.rounds.rowCount() == 1
    assert window.dashboard.rounds.item(0, 0).text() == "2026年度省重点研发计划项目会议评审（示例）"
    assert window.dashboard.due.count() == 1
