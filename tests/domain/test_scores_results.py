"""Scores in the round's one method, the aggregation at its boundaries, NON_CONSENSUS and Krippendorff's alpha."""

import json
from fractions import Fraction

import pytest

from desktop.domain.agreement import krippendorff_alpha, non_consensus
from desktop.domain.errors import RuleError
from desktop.domain.grounds import Ground, GroundCode
from desktop.domain.methods import Criterion, Method, RoundSettings, Scoring, ScoringError, SettingsError
from desktop.domain.results import Scored, panel_result, parse_recommendation
from desktop.domain.scores import Mark, MarkReader, Scorer, check_ranks, check_scorer, parse_mark

SCORE100 = Method("会议评审", "百分制", criteria=(Criterion("创新性", 30), Criterion("可行性", 25),
                                               Criterion("基础", 20), Criterion("前景", 25)))
PLAIN100 = Method("会议评审", "百分制", "平均分")
GRADES = Method("会议评审", "等级")
VOTE = Method("会议评审", "投票")
RANKING = Method("会议评审", "排序")


def marks(method, *values, places=0):
    return [parse_mark(method, v, places) for v in values]


def scored(method, *values, places=0):
    return [Scored(f"E{i}", f"专家{i}", m) for i, m in enumerate(marks(method, *values, places=places))]


def test_a_score100_sheet_is_marked_per_criterion_and_totalled_exactly():
    mark = parse_mark(SCORE100, "27.5，24, 18.5 20")
    assert mark.total == 90 and mark.text() == "27.5,24,18.5,20"
    assert Mark.from_json(Scoring.SCORE100, mark.to_json()) == mark
    assert mark.to_json() == json.dumps(mark.to_dict(), sort_keys=True, separators=(",", ":"))  # spelled by hand
    with pytest.raises(ScoringError, match="满分30分"):
        parse_mark(SCORE100, "31,25,20,15")
    with pytest.raises(ScoringError, match="4项指标"):
        parse_mark(SCORE100, "30,25,20")


@pytest.mark.parametrize("method, plain, other, places", [
    (SCORE100, [["28", "22", "17.5", "20"], ["30", "25", "20", "25"], ["0", "0", "0", "0"], ["28", "22", "17.5", "20"]],
     [["31", "22", "17", "20"], ["28", "", "17", "20"], ["２８", "22", "17", "20"], ["A", "22", "17", "20"],
      ["28", "22", "17"], ["-1", "22", "17", "20"], ["1e1", "22", "17", "20"]], 0),
    (PLAIN100, [["90"], ["90"]], [["100.5"], ["88，2"]], 0),
    (GRADES, [["b"], ["B"]], [["E"], ["90"]], 0),
    (VOTE, [["赞成"]], [["A"]], 0),
    (RANKING, [["3"], ["20"]], [["21"], ["0"]], 20),
])
def test_a_sheet_row_read_by_the_mark_reader_is_what_parse_mark_reads(method, plain, other, places):
    """A workbook's value cells, each distinct cell read once, give exactly parse_mark's mark for them joined; any
    other row gives None (parse_mark then reads it, as full-width digits or 1e1, or says what is wrong)."""
    reader = MarkReader(method)
    for cells in plain:
        found = reader.mark(cells, places)
        assert found == parse_mark(method, ",".join(cells), places)
        assert found.to_json() == parse_mark(method, ",".join(cells), places).to_json()
    assert [reader.mark(cells, places) for cells in other] == [None] * len(other)


@pytest.mark.parametrize("method,value", [(SCORE100, "A"), (SCORE100, "同意"), (GRADES, "30,25,20,15"),
                                          (GRADES, "弃权"), (VOTE, "B"), (RANKING, "不同意"), (PLAIN100, "C")])
def test_a_value_of_another_method_is_refused_as_one_method(method, value):
    with pytest.raises(RuleError, match="^ONE_METHOD") as refused:
        parse_mark(method, value, 5)
    assert refused.value.code == "ONE_METHOD"


def test_grades_votes_and_ranks_are_read_in_their_own_method():
    assert parse_mark(GRADES, "ｂ").grade == "B"
    assert parse_mark(VOTE, "反对").vote == "不同意"
    assert parse_mark(RANKING, "3", 5).rank == 3
    with pytest.raises(ScoringError, match="共5个项目"):
        parse_mark(RANKING, "6", 5)
    with pytest.raises(ScoringError, match="每个名次只能给一个项目"):
        check_ranks("甲", {"P1": 1, "P2": 1})


@pytest.mark.parametrize("scorer,code", [
    (Scorer("甲", seated=False, committed=True, attendance="present"), "NO_SUBSTITUTE"),
    (Scorer("甲", seated=True, committed=True, attendance="absent"), "NO_SUBSTITUTE"),
    (Scorer("甲", seated=True, committed=False, attendance="present"), "EXPERT_COMMITMENT"),
    (Scorer("甲", seated=True, committed=True, attendance="present",
            grounds=(Ground(GroundCode.DECLARED, {"application": "P1", "reason": "合作"}),)), "DECLARED"),
])
def test_who_may_not_score_is_refused_with_the_rule(scorer, code):
    with pytest.raises(RuleError) as refused:
        check_scorer(scorer, "P1", "第1组")
    assert refused.value.code == code and str(refused.value).startswith(code)
    check_scorer(Scorer("乙", seated=True, committed=True, attendance="present"), "P1", "第1组")


def test_six_of_nine_votes_pass_two_thirds_and_five_do_not():
    settings = RoundSettings()
    six = ["同意"] * 6 + ["不同意"] * 2 + ["弃权"]
    five = ["同意"] * 5 + ["不同意"] * 4
    result = panel_result(VOTE, settings, "第1组", ["P1", "P2"], {"P1": scored(VOTE, *six), "P2": scored(VOTE, *five)})
    first, second = result.rows
    assert first.aggregate == Fraction(2, 3) and first.passed and first.recommended
    assert second.passed is False and second.recommended is False
    assert not first.non_consensus and second.non_consensus  # 2/3 is the pass itself; 5/9 lies between
    assert [r.rank for r in result.rows] == [1, 2]


@pytest.mark.parametrize("totals,expected", [((80, 90, 70), 80), ((60, 90, 70, 80), 75)])
def test_a_trimmed_mean_drops_one_highest_and_one_lowest(totals, expected):
    result = panel_result(Method("会议评审", "百分制"), RoundSettings(), "g", ["P1"],
                          {"P1": scored(PLAIN100, *[str(t) for t in totals])})
    assert result.rows[0].aggregate == expected and result.rows[0].rank == 1


def test_a_trimmed_mean_of_two_scores_is_a_clear_error_never_a_plain_mean():
    result = panel_result(Method("会议评审", "百分制"), RoundSettings(), "g", ["P1", "P2"],
                          {"P1": scored(PLAIN100, "80", "90"), "P2": scored(PLAIN100, "70", "75", "72")})
    broken, fine = result.rows
    assert broken.aggregate is None and broken.rank is None and "至少需要3个评分" in broken.problem
    assert fine.aggregate == 72 and fine.rank == 1


def test_a_range_of_thirty_points_is_flagged_and_kept_in_the_result():
    result = panel_result(PLAIN100, RoundSettings(), "g", ["P1", "P2"],
                          {"P1": scored(PLAIN100, "90", "60", "75"), "P2": scored(PLAIN100, "90", "61", "75")})
    assert result.rows[0].non_consensus and "极差30分" in result.rows[0].non_consensus_reason
    assert not result.rows[1].non_consensus
    assert [s.mark.total for s in result.rows[0].scores] == [90, 60, 75]  # every score shown, the dissent included


def test_grades_split_on_a_top_and_a_bottom_grade():
    assert non_consensus(Scoring.GRADES, marks(GRADES, "A", "B", "D"), Fraction(3, 10)).flagged
    assert not non_consensus(Scoring.GRADES, marks(GRADES, "A", "B", "C"), Fraction(3, 10)).flagged


@pytest.mark.parametrize("yes,flagged", [(3, False), (4, True), (5, True), (6, False)])
def test_a_vote_splits_strictly_between_a_third_and_two_thirds(yes, flagged):
    votes = marks(VOTE, *(["同意"] * yes + ["不同意"] * (9 - yes)))
    assert non_consensus(Scoring.VOTE, votes, Fraction(3, 10)).flagged is flagged


def test_ties_are_broken_by_the_rule_shown_with_the_result():
    result = panel_result(PLAIN100, RoundSettings(), "g", ["P2", "P1"],
                          {"P1": scored(PLAIN100, "80", "80", "80"), "P2": scored(PLAIN100, "80", "80", "80")})
    assert [(r.application, r.rank, r.tied_with) for r in result.rows] == [("P2", 2, ["P1"]), ("P1", 1, ["P2"])]
    assert "项目编号" in result.tie_rule


def test_borda_ranks_the_panel_and_top_k_recommends():
    settings = RoundSettings(recommendation="top:1")
    ranks = {"P1": ["1", "2", "1"], "P2": ["2", "1", "3"], "P3": ["3", "3", "2"]}
    result = panel_result(RANKING, settings, "g", ["P1", "P2", "P3"],
                          {n: scored(RANKING, *v, places=3) for n, v in ranks.items()})
    assert [(r.application, r.aggregate, r.rank, r.recommended) for r in result.rows] == [
        ("P1", 5, 1, True), ("P2", 3, 2, False), ("P3", 1, 3, False)]


def test_recommendation_settings_are_read_for_the_scoring():
    assert parse_recommendation("min:75", Scoring.SCORE100).minimum == 75
    assert parse_recommendation("", Scoring.VOTE).kind == "pass"
    assert parse_recommendation("", Scoring.SCORE100).kind == "none"
    with pytest.raises(SettingsError):
        parse_recommendation("pass", Scoring.SCORE100)
    with pytest.raises(SettingsError):
        parse_recommendation("best:3", Scoring.SCORE100)


def test_a_flagged_application_takes_the_panel_decision():
    settings = RoundSettings(recommendation="min:75")
    scores = {"P1": scored(PLAIN100, "95", "50", "66")}
    undecided = panel_result(PLAIN100, settings, "g", ["P1"], scores).rows[0]
    decided = panel_result(PLAIN100, settings, "g", ["P1"], scores, {"P1": "recommend"}).rows[0]
    assert undecided.recommended is False and decided.recommended is True and decided.decision == "recommend"


def test_krippendorff_alpha_matches_a_hand_computed_example():
    # units (1, 2), (3, 3), (5, 4) and one unpairable (7): D_o = 4/6, D_e = 120/30 = 4, alpha = 1 - (2/3)/4 = 5/6
    F = Fraction
    assert krippendorff_alpha([[F(1), F(2)], [F(3), F(3)], [F(5), F(4)], [F(7), None]]) == F(5, 6)
    assert krippendorff_alpha([[F(3), F(3)], [F(3), F(3)]]) is None  # no variation: not defined
    assert krippendorff_alpha([[F(1), F(2)], [F(2), F(1)]]) < 0  # worse than chance


def test_krippendorff_alpha_matches_krippendorffs_published_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 4 observers × 12 units: interval α = 0.849
    rows = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3", ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 ."]
    coded = [[None if v == "." else Fraction(v) for v in row.split()] for row in rows]
    units = [list(unit) for unit in zip(*coded)]
    assert round(float(krippendorff_alpha(units)), 3) == 0.849
