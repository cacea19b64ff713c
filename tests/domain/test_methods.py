"""ONE_METHOD, the method's parts and their parsing, aggregations, settings and round states."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from desktop.domain.errors import RuleError
from desktop.domain.methods import (
    Aggregation, Criterion, Form, Method, RoundSettings, RoundState, Scoring, borda, check_method_change,
    check_same_method, check_transition, default_aggregation, mean, median, median_grade, parse_aggregation,
    parse_form, parse_scoring, trimmed_mean, vote_share, weighted_total,
)


@pytest.mark.parametrize("chinese,english", [("会议评审", "meeting"), ("通讯评审", "correspondence"),
                                             ("视频评审", "video"), ("答辩评审", "defence"), ("现场考察", "site-visit")])
def test_form_parses_either_spelling(chinese, english):
    assert parse_form(chinese) is parse_form(english) is Form(chinese)
    assert parse_form(english.upper()).value == chinese


@pytest.mark.parametrize("chinese,english", [("百分制", "score100"), ("等级", "grades"), ("投票", "vote"),
                                             ("排序", "ranking")])
def test_scoring_parses_either_spelling(chinese, english):
    assert parse_scoring(chinese) is parse_scoring(english) is Scoring(chinese)


def test_unknown_values_raise_rule_error_in_chinese():
    with pytest.raises(RuleError, match="未知的评审形式") as error:
        parse_form("webinar")
    assert error.value.code == "METHOD"
    with pytest.raises(RuleError, match="未知的计分方式"):
        parse_scoring("points")
    with pytest.raises(RuleError, match="未知的汇总规则"):
        parse_aggregation("max")


def test_defaults_per_scoring():
    assert default_aggregation(Scoring.SCORE100) is Aggregation.TRIMMED_MEAN
    assert default_aggregation(Scoring.GRADES) is Aggregation.MEDIAN
    assert default_aggregation(Scoring.VOTE) is Aggregation.VOTE_SHARE
    assert default_aggregation(Scoring.RANKING) is Aggregation.BORDA
    assert Method("meeting", "score100").aggregation is Aggregation.TRIMMED_MEAN


def test_aggregation_must_suit_scoring():
    with pytest.raises(RuleError, match="不能采用"):
        Method("meeting", "vote", "mean")
    assert Method("meeting", "score100", "median").aggregation is Aggregation.MEDIAN


def test_trimmed_mean_drops_one_highest_and_one_lowest():
    assert trimmed_mean([90, 80, 70, 60, 100]) == 80
    assert trimmed_mean([Decimal("85.5"), 90, 60]) == Fraction(171, 2)
    with pytest.raises(RuleError, match="至少需要3个"):
        trimmed_mean([90, 80])


def test_mean_and_median_are_exact():
    assert mean([1, 2]) == Fraction(3, 2)
    assert median([4, 1, 3, 2]) == Fraction(5, 2)
    with pytest.raises(RuleError):
        mean([])


def test_median_grade_takes_the_lower_middle_on_a_tie():
    assert median_grade(["A", "B", "C"]) == "B"
    assert median_grade(["A", "b", "C", "D"]) == "C"
    with pytest.raises(RuleError, match="A、B、C、D"):
        median_grade(["E"])


def test_vote_share_passes_at_exactly_two_thirds():
    assert vote_share([True, True, False]).passed
    assert not vote_share([True, False, True, False]).passed
    assert vote_share([True, False], Fraction(1, 2)).share == Fraction(1, 2)


def test_borda_points_and_consistency():
    assert borda([("x", "y", "z"), ("y", "x", "z")]) == {"x": 3, "y": 3, "z": 0}
    assert list(borda([("b", "a")])) == ["b", "a"]
    with pytest.raises(RuleError):
        borda([("x", "y"), ("x", "z")])


def test_criteria_weights_sum_to_100():
    criteria = (Criterion("创新性", 40), Criterion("可行性", 30), Criterion("效益", 30))
    method = Method("会议评审", "百分制", criteria=criteria)
    assert weighted_total(method.criteria, {"创新性": 35, "可行性": "25.5", "效益": 30}) == Fraction(181, 2)
    with pytest.raises(RuleError, match="之和须为100"):
        Method("meeting", "score100", criteria=(Criterion("创新性", 40), Criterion("可行性", 30)))
    with pytest.raises(RuleError, match="超出范围"):
        weighted_total(criteria, {"创新性": 41, "可行性": 0, "效益": 0})
    with pytest.raises(RuleError, match="只有百分制"):
        Method("meeting", "vote", criteria=criteria)


def test_method_round_trips_through_dict():
    method = Method("video", "vote", pass_fraction=Fraction(3, 4))
    assert Method.from_dict(method.to_dict()) == method
    scored = Method("meeting", "score100", criteria=(Criterion("a", 60), Criterion("b", 40)))
    assert Method.from_dict(scored.to_dict()) == scored


def test_one_method_refuses_another_method():
    round_method = Method("会议评审", "百分制")
    check_same_method(round_method, Method("meeting", "score100", "trimmed-mean"), "评分表")
    with pytest.raises(RuleError, match="ONE_METHOD") as error:
        check_same_method(round_method, Method("correspondence", "score100"), "第2组评分表")
    assert error.value.code == "ONE_METHOD" and "第2组评分表" in str(error.value)


@pytest.mark.parametrize("state", [s for s in RoundState if s is not RoundState.DRAFT])
def test_method_frozen_once_opened(state):
    check_method_change(RoundState.DRAFT)
    with pytest.raises(RuleError, match="ONE_METHOD.*冻结.*另建评审轮次") as error:
        check_method_change(state)
    assert error.value.code == "ONE_METHOD"


def test_round_states_move_one_step_forward():
    states = list(RoundState)
    for here, there in zip(states, states[1:]):
        check_transition(here, there)
    check_transition("drawn", "drawn")
    for bad in [("draft", "drawn"), ("opened", "draft"), ("closed", "draft"), ("opened", "opened")]:
        with pytest.raises(RuleError) as error:
            check_transition(*bad)
        assert error.value.code == "ROUND_STATE"


def test_settings_defaults_and_round_trip():
    settings = RoundSettings()
    assert settings.reserve_for(7) == 14 and settings.enterprise_fraction == Fraction(1, 3)
    assert RoundSettings.from_dict(settings.to_dict()) == settings
    import json
    assert RoundSettings.from_dict(json.loads(json.dumps(settings.to_dict()))) == settings
    assert RoundSettings(reserve_size=3).reserve_for(7) == 3


@pytest.mark.parametrize("bad", [{"field_level": 4}, {"panel_size": 0}, {"enterprise_fraction": "3/2"},
                                 {"look_back_years": -1}, {"max_requested_exclusions": -1}, {"reserve_size": -1},
                                 {"colour": "red"}])
def test_settings_validation(bad):
    with pytest.raises(RuleError) as error:
        RoundSettings.from_dict(bad)
    assert error.value.code == "SETTINGS"


@given(st.lists(st.integers(0, 100), min_size=3, max_size=15))
def test_trimmed_mean_lies_between_min_and_max(scores):
    assert min(scores) <= trimmed_mean(scores) <= max(scores)
