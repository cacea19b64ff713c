"""The dashboard on the real window: the pool's figures and the rounds with what is due next."""

import datetime as dt

from desktop.domain.appeals import extended
from desktop.domain.methods import Method
from desktop.services import appeals, catalogue, draws, limits, publicity, rounds
from desktop.ui.context import ROUNDS
from tests.conftest import signed


def test_counts_enterprise_experts_and_lists_the_open_round(window, demo_workspace):
    experts = catalogue.listing(demo_workspace, signed(demo_workspace), "experts")
    enterprise = sum(e["enterprise"] for e in experts)
    assert 1 < enterprise < len(experts)
    text = window.dashboard.counts.text()
    assert f"专家 {len(experts)} 人（企业专家 {enterprise} 人）" in text
    assert window.dashboard.rounds.rowCount() == 1
    assert window.dashboard.rounds.item(0, 0).text() == "2026年度省重点研发计划项目会议评审（示例）"
    assert window.dashboard.due.count() == 1


def test_the_panel_chart_shows_the_round_drawn_last(window, demo_workspace):
    first = rounds.show_round(demo_workspace, signed(demo_workspace), 1)
    draws.draw_round(demo_workspace, signed(demo_workspace, "秘书甲"), 1, witness_digits="111111", witness=signed(demo_workspace, "监督员乙"))
    second = rounds.create_round(demo_workspace, signed(demo_workspace, "秘书甲"), name="复审轮次", review_date=dt.date(2026, 12, 20),
                                 method=Method("会议评审", "投票"), confirm_past_date=True)
    rounds.add_panel(demo_workspace, signed(demo_workspace, "秘书甲"), second.id, name="复审组", size=5,
                     applications=first.panels[0]["applications"][:3])
    rounds.open_round(demo_workspace, signed(demo_workspace, "秘书甲"), second.id)
    draws.draw_round(demo_workspace, signed(demo_workspace, "秘书甲"), second.id, witness_digits="222222", witness=signed(demo_workspace, "监督员乙"))
    window.ctx.touched(ROUNDS)
    chart = window.dashboard.panels_chart
    assert [bar.label for bar in chart.bars] == ["复审组"] and chart.title.startswith("复审轮次：")


def test_the_due_list_shows_the_deadlines_after_a_review_across_rounds(window, demo_workspace):
    from tests.after_review_setup import approved_round
    members, apps = approved_round(demo_workspace)
    publicity.start_publicity(demo_workspace, signed(demo_workspace), 1, dt.date(2026, 12, 21))
    publicity.record_objection(demo_workspace, signed(demo_workspace), 1, apps[0], "张某", dt.date(2026, 12, 22),
                               "负责人在研项目超过两项。")
    window.dashboard.today = dt.date(2026, 12, 22)
    window.ctx.touched(ROUNDS)
    shown = [window.dashboard.due.item(n).text() for n in range(window.dashboard.due.count())]
    assert "已逾期（2026-12-17）：登记专家评审行为（7位未登记），2026年度省重点研发计划项目会议评审（示例）" in shown
    assert any(text.startswith("本周到期（2026-12-25）：答复异议（张某，项目 ") for text in shown)
    assert any(text.startswith("本周到期（2026-12-25）：公示期结束，确认公示名单") for text in shown)


def test_an_appeal_decision_extended_by_six_months_is_due_on_its_new_date(window, demo_workspace):
    from tests.after_review_setup import approved_round
    members, apps = approved_round(demo_workspace)
    received = appeals.receive_appeal(demo_workspace, signed(demo_workspace), dt.date(2027, 1, 5), "某大学",
                                      "对评分有异议。", round_id=1, application=apps[0])
    approver = signed(demo_workspace, "孙审批")
    accepted = appeals.accept_appeal(demo_workspace, approver, received["id"], dt.date(2027, 1, 20))
    appeals.extend_appeal(demo_workspace, approver, received["id"], "需补充调取专家评审材料")
    moved = extended(dt.date.fromisoformat(accepted["decision_due"]))
    window.dashboard.today = moved
    window.ctx.touched(ROUNDS)
    shown = [window.dashboard.due.item(n).text() for n in range(window.dashboard.due.count())]
    assert f"今日到期（{moved.isoformat()}）：作出处理决定（某大学），期限已延长六个月：需补充调取专家评审材料" in shown


def test_the_undecided_flags_of_the_limits_list_are_due_by_the_review(window, demo_workspace):
    undecided = limits.round_limits(demo_workspace, signed(demo_workspace), 1)["undecided"]
    window.dashboard.today = dt.date(2026, 12, 14)
    window.ctx.touched(ROUNDS)
    shown = [window.dashboard.due.item(n).text() for n in range(window.dashboard.due.count())]
    assert (f"本周到期（2026-12-15）：对限项与资格名单作出决定（{undecided}项未决定），"
            "2026年度省重点研发计划项目会议评审（示例）") in shown
