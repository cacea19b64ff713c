"""Results of a round from its scores to their approval: POST_REVIEW, NON_CONSENSUS decided and shown, SEPARATION
at approval, and results frozen once approved."""

from __future__ import annotations

import pytest

from desktop.domain.errors import RuleError, UserError
from desktop.services import accounts, results, rounds, scores
from desktop.services.scores import ScoreInput
from tests.conftest import ADMIN, TEST_PASSWORD, signed
from tests.execution_setup import confirmed_round

SPLIT = ["28,23,18,23", "10,8,6,8", "27,22,18,22", "26,22,17,22", "27,23,18,21", "26,21,17,22", "28,22,18,22"]


@pytest.fixture
def demo_workspace(confirmed_demo):
    """The demo with its round confirmed through the services, a copy of the run's template (tests/conftest.py)."""
    return confirmed_demo


def steady(seat: int, app: int) -> str:
    return f"{20 + (seat + app) % 5},{18 + app % 3},15,{16 + seat % 4}"


def score_round(root, who="王秘书"):
    """The demo round drawn by 王秘书, confirmed, and every sheet entered by ``who``; the first application split."""
    members = list(confirmed_round(root).values())[0]
    apps = rounds.show_round(root, signed(root), 1).panels[0]["applications"]
    cells = [ScoreInput(m, a, SPLIT[i] if j == 0 else steady(i, j), f"意见{i}-{j}")
             for i, m in enumerate(members) for j, a in enumerate(apps)]
    scores.enter_scores(root, signed(root, who), 1, cells)
    return root, members, apps


@pytest.fixture
def scored(demo_workspace):
    return score_round(demo_workspace)


def certify_all(root, members):
    for member in members[1:]:
        results.record_certification(root, signed(root, "王秘书"), 1, member)
    results.waive_certification(root, signed(root, "李监督"), 1, members[0], "专家会后即出国，已电话说明，书面确认补交")


def test_a_split_is_flagged_listed_with_its_scores_and_decided_never_averaged_away(scored):
    root, members, apps = scored
    found = results.round_results(root, signed(root, "赵审批"), 1)
    [flagged] = found.flagged()
    assert flagged["application"] == apps[0] and flagged["non_consensus_reason"].startswith("评分极差")
    assert sorted(s["shown"] for s in flagged["scores"]) == sorted(["92", "32", "89", "87", "89", "86", "90"])
    assert any("NON_CONSENSUS" in m for m in found.missing) and any("POST_REVIEW" in m for m in found.missing)
    assert found.panels[0].alpha is not None
    with pytest.raises(UserError, match="还不能提交审批"):
        results.propose_results(root, signed(root, "王秘书"), 1)
    decided = results.decide_non_consensus(root, signed(root, "王秘书"), 1, apps[0], "recommend",
                                           "评审组讨论认为低分专家对技术路线理解有误，仍予推荐")
    assert decided["decision_text"] == "推荐"
    with pytest.raises(UserError, match="未被标记为非共识项目"):
        results.decide_non_consensus(root, signed(root, "王秘书"), 1, apps[1], "recommend", "x")


def test_results_wait_for_every_certification_or_the_supervisors_reason(scored):
    root, members, apps = scored
    with pytest.raises(accounts.Forbidden):
        results.waive_certification(root, signed(root, "王秘书"), 1, members[0], "理由")
    with pytest.raises(RuleError, match="^POST_REVIEW"):
        results.waive_certification(root, signed(root, "李监督"), 1, members[0], " ")
    certify_all(root, members)
    certifications = results.round_results(root, signed(root), 1).certifications
    assert {c["kind"] for c in certifications} == {"certified", "waived"}
    assert not any("POST_REVIEW" in m for m in results.round_results(root, signed(root), 1).missing)


def test_approval_by_an_account_that_entered_scores_is_refused_and_another_freezes_the_results(scored):
    root, members, apps = scored
    certify_all(root, members)
    results.decide_non_consensus(root, signed(root, "王秘书"), 1, apps[0], "keep", "维持汇总结果")
    proposal = results.propose_results(root, signed(root, "王秘书"), 1)
    admin = accounts.sign_in(root, ADMIN, TEST_PASSWORD)
    accounts.add_account(admin, "钱双岗", roles="秘书,审批人", password=TEST_PASSWORD)
    both = accounts.sign_in(root, "钱双岗", TEST_PASSWORD)
    scores.enter_scores(root, both, 1, [ScoreInput(members[1], apps[1], steady(1, 1), "意见1-1")])  # same value
    with pytest.raises(RuleError, match="^SEPARATION .*录入过本轮的评分"):
        results.approve_results(root, both, 1)
    approved = results.approve_results(root, signed(root, "赵审批"), 1)
    assert approved["version"] == proposal["version"] and approved["round_state"] == "results"
    frozen = results.round_results(root, signed(root), 1)
    assert frozen.approval["state"] == "approved" and not frozen.changed_since
    with pytest.raises(UserError, match="须写明理由"):
        scores.enter_scores(root, signed(root), 1, [ScoreInput(members[1], apps[1], "25,20,15,20")])
    scores.enter_scores(root, signed(root), 1, [ScoreInput(members[1], apps[1], "25,20,15,20")],
                        reason="专家书面更正第2项得分")
    assert results.round_results(root, signed(root), 1).changed_since
    with pytest.raises(UserError, match="须写明修改的理由"):
        results.propose_results(root, signed(root, "王秘书"), 1)
    again = results.propose_results(root, signed(root, "王秘书"), 1, reason="专家书面更正评分")
    results.approve_results(root, signed(root, "赵审批"), 1)
    latest = results.round_results(root, signed(root), 1).approval
    assert (latest["version"], latest["state"], again["version"]) == (2, "approved", 2)


def test_the_operator_who_ran_the_draw_cannot_approve(demo_workspace):
    root, members, apps = score_round(demo_workspace, who="秘书甲")
    certify_all(root, members)
    results.decide_non_consensus(root, signed(root, "王秘书"), 1, apps[0], "keep", "维持汇总结果")
    results.propose_results(root, signed(root, "秘书甲"), 1)
    admin = accounts.sign_in(root, ADMIN, TEST_PASSWORD)
    accounts.set_roles(admin, "王秘书", "秘书,审批人")
    with pytest.raises(RuleError, match="^SEPARATION 王秘书操作过本轮的抽取"):
        results.approve_results(root, signed(root, "王秘书"), 1)
