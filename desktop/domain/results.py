"""A panel's results from its scores: each application's aggregate in the round's method, the ranking with its tie
rule, the recommendation, and the NON_CONSENSUS flags (desktop.domain.agreement).

The aggregation is the method's (desktop.domain.methods: mean, trimmed mean, median, median grade, vote share,
Borda); an application it cannot aggregate — a trimmed mean of two scores — gets no aggregate and says why, and is
never given a plain mean instead. Ties are always broken, by a rule written out with the result (``TIE_RULES``).
The recommendation is the round's setting: ``top:K`` the first K of each panel, ``min:SCORE`` an aggregate of at
least SCORE (a grade for 等级: ``min:B``), ``pass`` the vote's pass; empty means the vote's pass for a vote and no
recommendation otherwise. A flagged application's recommendation is the panel's recorded decision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from desktop.domain.agreement import interval_value, krippendorff_alpha, non_consensus
from desktop.domain.methods import (GRADES, Aggregation, Method, RoundSettings, Scoring, ScoringError, SettingsError,
                                    borda, mean, median, median_grade, scaled, trimmed_mean, vote_share)
from desktop.domain.scores import Mark, number, words

TIE_RULES = {
    Scoring.SCORE100: "同分时依次比较：全部评分（不去掉最高最低分）的平均分、最高分，仍相同按项目编号先后",
    Scoring.GRADES: "同等级时依次比较：全部等级的平均（A=4，B=3，C=2，D=1）、A的个数，仍相同按项目编号先后",
    Scoring.VOTE: "得票率相同时依次比较：同意票数、不同意票数少者在前，仍相同按项目编号先后",
    Scoring.RANKING: "波达计分相同时依次比较：排第一的次数、最差名次较好者在前，仍相同按项目编号先后",
}
DECISIONS = {"recommend": "推荐", "not_recommend": "不推荐", "keep": "按汇总结果"}


@dataclass(frozen=True)
class Recommendation:
    kind: str  # top / min / pass / none
    top: int = 0
    minimum: Fraction | str | None = None

    def words(self) -> str:
        if self.kind == "top":
            return f"每组前{self.top}名推荐"
        if self.kind == "min":
            shown = self.minimum if isinstance(self.minimum, str) else words(self.minimum)
            return f"汇总结果不低于{shown}者推荐"
        return "表决通过者推荐" if self.kind == "pass" else "不作推荐"


def parse_recommendation(text: str, scoring: Scoring) -> Recommendation:
    """The round's ``recommendation`` setting read for its scoring."""
    text = (text or "").strip().lower()
    if not text:
        return Recommendation("pass" if scoring is Scoring.VOTE else "none")
    kind, _, value = text.partition(":")
    if kind == "pass":
        if scoring is not Scoring.VOTE:
            raise SettingsError(f"推荐规则「pass」只适用于投票，本轮为{scoring.value}")
        return Recommendation("pass")
    if kind == "top" and value.isdigit() and int(value) > 0:
        return Recommendation("top", top=int(value))
    if kind == "min" and value:
        if scoring is Scoring.GRADES:
            if value.upper() not in GRADES:
                raise SettingsError(f"等级的推荐线须为A至D，现为「{value}」")
            return Recommendation("min", minimum=value.upper())
        try:
            return Recommendation("min", minimum=number(value))
        except ScoringError:
            pass
    raise SettingsError(f"推荐规则「{text}」无法识别：可写 top:K（每组前K名）、min:分数线、pass（表决通过），或留空")


@dataclass(frozen=True)
class Scored:
    """One expert's score of one application, as results show it."""
    expert: str
    name: str
    mark: Mark


@dataclass
class Row:
    application: str
    panel: str
    scores: list[Scored]
    aggregate: Fraction | str | None = None
    aggregate_text: str = ""
    problem: str = ""
    rank: int | None = None
    tied_with: list[str] = field(default_factory=list)
    recommended: bool | None = None
    passed: bool | None = None
    non_consensus: bool = False
    non_consensus_reason: str = ""
    decision: str = ""
    # the aggregate and the flag's reason as values, for a window that words them in its language (not hashed:
    # ``to_dict`` is what an approval binds)
    aggregate_facts: dict = field(default_factory=dict)
    non_consensus_facts: dict = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aggregate = self.aggregate if isinstance(self.aggregate, (str, type(None))) else words(self.aggregate)
        return {"application": self.application, "panel": self.panel, "aggregate": aggregate,
                "aggregate_text": self.aggregate_text, "problem": self.problem, "rank": self.rank,
                "tied_with": self.tied_with, "recommended": self.recommended, "passed": self.passed,
                "non_consensus": self.non_consensus, "non_consensus_reason": self.non_consensus_reason,
                "decision": self.decision,
                "scores": [{"expert": s.expert, "name": s.name, "value": s.mark.text(), "shown": s.mark.shown(),
                            "point": _point(s.mark)} for s in self.scores]}


def _point(mark: Mark) -> float | None:
    """The mark on the interval scale of the panel's agreement, for charts (None: an abstention)."""
    value = interval_value(mark)
    return None if value is None else float(value)


@dataclass
class PanelResult:
    panel: str
    rows: list[Row]
    tie_rule: str
    recommendation: str
    alpha: Fraction | None
    scoring: str = ""  # the method's scoring, whose tie rule this is (TIE_RULES)
    rule: dict = field(default_factory=dict)  # the recommendation as values: {"kind", "top", "minimum"}

    def to_dict(self) -> dict[str, Any]:
        return {"panel": self.panel, "tie_rule": self.tie_rule, "recommendation": self.recommendation,
                "alpha": None if self.alpha is None else round(float(self.alpha), 4),
                "applications": [r.to_dict() for r in self.rows]}


def _aggregate(method: Method, row: Row, borda_points: Mapping[str, int] | None) -> tuple[Any, tuple]:
    """(aggregate, sort key best first) of one application; raises ScoringError when it cannot be aggregated."""
    marks = [s.mark for s in row.scores]
    if method.scoring is Scoring.RANKING:
        points = borda_points[row.application]
        ranks = [m.rank for m in marks]
        row.aggregate_text = f"波达计分{points}"
        row.aggregate_facts = {"kind": "borda", "points": points}
        return Fraction(points), (-points, -ranks.count(1), max(ranks))
    if not marks:
        raise ScoringError("没有评分")
    if method.scoring is Scoring.SCORE100:
        totals = [m.total for m in marks]
        rule = {Aggregation.MEAN: mean, Aggregation.TRIMMED_MEAN: trimmed_mean, Aggregation.MEDIAN: median}
        value = rule[method.aggregation](totals)
        row.aggregate_text = f"{words(value)}分（{method.aggregation.value}，{len(totals)}个评分）"
        row.aggregate_facts = {"kind": "score", "value": words(value), "aggregation": method.aggregation.value,
                               "count": len(totals)}
        ints, denominator = scaled(totals)
        return value, (-value, -Fraction(sum(ints), denominator * len(ints)), -Fraction(max(ints), denominator))
    if method.scoring is Scoring.GRADES:
        grade = median_grade(m.grade for m in marks)
        points = mean(interval_value(m) for m in marks)
        row.aggregate_text = f"{grade}（{method.aggregation.value}）"
        row.aggregate_facts = {"kind": "grade", "grade": grade, "aggregation": method.aggregation.value}
        return grade, (GRADES.index(grade), -points, -sum(1 for m in marks if m.grade == GRADES[0]))
    result = vote_share([m.vote == "同意" for m in marks], method.pass_fraction)
    row.passed = result.passed
    against = sum(1 for m in marks if m.vote == "不同意")
    row.aggregate_text = (f"同意{result.yes}/{result.total}（{'通过' if result.passed else '未通过'}，"
                          f"通过比例{method.pass_fraction}）")
    row.aggregate_facts = {"kind": "vote", "yes": result.yes, "total": result.total, "passed": result.passed,
                           "pass_fraction": str(method.pass_fraction)}
    return result.share, (-result.share, -result.yes, against)


def _borda(rows: Sequence[Row]) -> dict[str, int]:
    rankings: dict[str, list[tuple[int, str]]] = {}
    for row in rows:
        for s in row.scores:
            rankings.setdefault(s.expert, []).append((s.mark.rank, row.application))
    return borda([[number for _, number in sorted(ranked)] for ranked in rankings.values()])


def _recommended(rule: Recommendation, row: Row, position: int) -> bool | None:
    if rule.kind == "none":
        return None
    if rule.kind == "pass":
        return bool(row.passed)
    if rule.kind == "top":
        return position < rule.top
    if isinstance(rule.minimum, str):
        return GRADES.index(row.aggregate) <= GRADES.index(rule.minimum)
    return row.aggregate >= rule.minimum


def panel_result(method: Method, settings: RoundSettings, panel: str, applications: Sequence[str],
                 scores: Mapping[str, Sequence[Scored]], decisions: Mapping[str, str] = {}) -> PanelResult:
    """The panel's results. ``applications`` in the panel's order, ``scores`` by application (what counts: settled
    scores), ``decisions`` the panel's recorded decision (DECISIONS) on a flagged application."""
    rule = parse_recommendation(settings.recommendation, method.scoring)
    rows = [Row(number_, panel, sorted(scores.get(number_, ()), key=lambda s: s.expert)) for number_ in applications]
    points = None
    if method.scoring is Scoring.RANKING:
        try:
            points = _borda([r for r in rows if r.scores])
        except ScoringError as error:
            for row in rows:
                row.problem = str(error)
    keyed = []
    for row in rows:
        flag = non_consensus(method.scoring, [s.mark for s in row.scores], settings.non_consensus_range,
                             len(applications))
        row.non_consensus, row.non_consensus_reason, row.non_consensus_facts = flag.flagged, flag.reason, flag.facts
        row.decision = decisions.get(row.application, "")
        if row.problem:
            continue
        try:
            row.aggregate, key = _aggregate(method, row, points)
        except ScoringError as error:
            row.problem = f"项目{row.application}：{error}"
            continue
        keyed.append((key, row.application, row))
    keyed.sort(key=lambda item: (item[0], item[1]))
    level: dict[Any, list[str]] = {}
    for key, number_, _ in keyed:
        level.setdefault(key[0], []).append(number_)
    for position, (key, _, row) in enumerate(keyed):
        row.rank = position + 1
        row.tied_with = [other for other in level[key[0]] if other != row.application]
        recommended = _recommended(rule, row, position)
        if row.non_consensus and row.decision in ("recommend", "not_recommend"):
            recommended = row.decision == "recommend"
        row.recommended = recommended
    alpha = krippendorff_alpha([[interval_value(s.mark) for s in row.scores] for row in rows])
    minimum = rule.minimum if rule.minimum is None or isinstance(rule.minimum, str) else words(rule.minimum)
    return PanelResult(panel, rows, TIE_RULES[method.scoring], rule.words(), alpha, method.scoring.value,
                       {"kind": rule.kind, "top": rule.top, "minimum": minimum})
