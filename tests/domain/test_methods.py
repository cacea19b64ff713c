"""ONE_METHOD, the method's parts and their parsing, aggregations, settings and round states."""

import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from desktop.domain.errors import RuleError, UserError
from desktop.domain.methods import (
    Aggregation, Criterion, Form, Method, MethodError, RoundSettings, RoundState, RoundStateError, Scoring,
    ScoringError, SettingsError, borda, check_method_change, check_same_method, check_transition,
    default_aggregation, mean, median, median_grade, parse_aggregation, parse_form, parse_scoring, trimmed_mean,
    vote_share, weighted_total,
)
from desktop.domain.shares import ShareError, parse_share, share_words


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
    with pytest.raises(MethodError, match="未知的评审形式"):
        parse_form("webinar")
    with pytest.raises(MethodError, match="未知的计分方式"):
        parse_scoring("points")
    with pytest.raises(MethodError, match="未知的汇总规则"):
        parse_aggregation("max")


def test_defaults_per_scoring():
    assert default_aggregation(Scoring.SCORE100) is Aggregation.TRIMMED_MEAN
    assert default_aggregation(Scoring.GRADES) is Aggregation.MEDIAN
    assert default_aggregation(Scoring.VOTE) is Aggregation.VOTE_SHARE
    assert default_aggregation(Scoring.RANKING) is Aggregation.BORDA
    assert Method("meeting", "score100").aggregation is Aggregation.TRIMMED_MEAN


def test_aggregation_must_suit_scoring():
    with pytest.raises(MethodError, match="不能采用"):
        Method("meeting", "vote", "mean")
    assert Method("meeting", "score100", "median").aggregation is Aggregation.MEDIAN


def test_trimmed_mean_drops_one_highest_and_one_lowest():
    assert trimmed_mean([90, 80, 70, 60, 100]) == 80
    assert trimmed_mean([Decimal("85.5"), 90, 60]) == Fraction(171, 2)
    with pytest.raises(ScoringError, match="至少需要3个"):
        trimmed_mean([90, 80])


def test_mean_and_median_are_exact():
    assert mean([1, 2]) == Fraction(3, 2)
    assert median([4, 1, 3, 2]) == Fraction(5, 2)
    with pytest.raises(ScoringError):
        mean([])


def test_median_grade_takes_the_lower_middle_on_a_tie():
    assert median_grade(["A", "B", "C"]) == "B"
    assert median_grade(["A", "b", "C", "D"]) == "C"
    with pytest.raises(ScoringError, match="A、B、C、D"):
        median_grade(["E"])


def test_vote_share_passes_at_exactly_two_thirds():
    assert vote_share([True, True, False]).passed
    assert not vote_share([True, False, True, False]).passed
    assert vote_share([True, False], Fraction(1, 2)).share == Fraction(1, 2)


def test_borda_points_and_consistency():
    assert borda([("x", "y", "z"), ("y", "x", "z")]) == {"x": 3, "y": 3, "z": 0}
    assert list(borda([("b", "a")])) == ["b", "a"]
    with pytest.raises(ScoringError):
        borda([("x", "y"), ("x", "z")])


def test_criteria_weights_sum_to_100():
    criteria = (Criterion("创新性", 40), Criterion("可行性", 30), Criterion("效益", 30))
    method = Method("会议评审", "百分制", criteria=criteria)
    assert weighted_total(method.criteria, {"创新性": 35, "可行性": "25.5", "效益": 30}) == Fraction(181, 2)
    with pytest.raises(MethodError, match="之和须为100"):
        Method("meeting", "score100", criteria=(Criterion("创新性", 40), Criterion("可行性", 30)))
    with pytest.raises(ScoringError, match="超出范围"):
        weighted_total(criteria, {"创新性": 41, "可行性": 0, "效益": 0})
    with pytest.raises(MethodError, match="只有百分制"):
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
        with pytest.raises(RoundStateError, match="只能依次进入下一状态"):
            check_transition(*bad)


def test_settings_defaults_and_round_trip():
    settings = RoundSettings()
    assert settings.reserve_for(7) == 14 and settings.enterprise_fraction == Fraction(1, 3)
    assert RoundSettings.from_dict(settings.to_dict()) == settings
    import json
    assert RoundSettings.from_dict(json.loads(json.dumps(settings.to_dict()))) == settings
    assert RoundSettings(reserve_size=3).reserve_for(7) == 3


@pytest.mark.parametrize("bad", [{"field_level": 4}, {"panel_size": 0}, {"look_back_years": -1},
                                 {"max_requested_exclusions": -1}, {"reserve_size": -1}, {"colour": "red"}])
def test_settings_validation(bad):
    with pytest.raises(SettingsError):
        RoundSettings.from_dict(bad)


def test_enterprise_fraction_is_a_floor_of_one_third():
    """ENTERPRISE_THIRD: a round may raise the fraction, never set it below one third."""
    assert RoundSettings(enterprise_fraction="1/2").enterprise_fraction == Fraction(1, 2)
    assert RoundSettings.from_dict({"enterprise_fraction": "三分之一"}).enterprise_fraction == Fraction(1, 3)
    with pytest.raises(RuleError, match="不得低于三分之一") as error:
        RoundSettings(enterprise_fraction=Fraction(1, 4))
    assert error.value.code == "ENTERPRISE_THIRD"
    with pytest.raises(ShareError):
        RoundSettings.from_dict({"enterprise_fraction": "3/2"})


def test_six_of_nine_yes_votes_pass_at_the_default_two_thirds():
    """Exactly two thirds reaches the threshold: the default is 2/3 itself, not 0.67."""
    method = Method("会议评审", "投票")
    assert method.pass_fraction == Fraction(2, 3)
    stored = Method.from_dict(json.loads(json.dumps(method.to_dict())))
    assert stored.to_dict()["pass_fraction"] == "2/3" and stored.pass_fraction == Fraction(2, 3)
    assert vote_share([True] * 6 + [False] * 3, stored.pass_fraction).passed
    assert not vote_share([True] * 5 + [False] * 4, stored.pass_fraction).passed
    assert "三分之二" in method.describe()


@pytest.mark.parametrize("text,share", [("2/3", Fraction(2, 3)), ("三分之二", Fraction(2, 3)), (" 3／4 ", Fraction(3, 4)),
                                        ("0.5", Fraction(1, 2)), ("60%", Fraction(3, 5)), ("百分之六十", Fraction(3, 5)),
                                        ("十二分之七", Fraction(7, 12)), ("1", Fraction(1)), ("0.67", Fraction(67, 100))])
def test_a_share_is_read_exactly_as_written(text, share):
    assert parse_share(text) == share
    assert Method("meeting", "vote", pass_fraction=text).pass_fraction == share


@pytest.mark.parametrize("bad", ["abc", "0", "3/2", "1/0", "nan", "二分之", ""])
def test_a_share_that_is_not_one_is_refused_in_chinese(bad):
    with pytest.raises(UserError, match="比例"):
        parse_share(bad)


def test_a_float_share_is_refused_because_it_is_not_exact():
    with pytest.raises(TypeError):
        Method("meeting", "vote", pass_fraction=2 / 3)


@given(st.integers(1, 999).flatmap(lambda d: st.tuples(st.integers(1, d), st.just(d))))
def test_share_words_read_back_to_the_same_share(pair):
    share = Fraction(*pair)
    words = share_words(share)
    assert parse_share(words) == share
    assert share == 1 or "分之" in words


@given(st.lists(st.integers(0, 100), min_size=3, max_size=15))
def test_trimmed_mean_lies_between_min_and_max(scores):
    assert min(scores) <= trimmed_mean(scores) <= max(scores)
