"""Review methods, round settings and round states: the ONE_METHOD rule and what it freezes.

A method is (form, scoring, aggregation, criteria, pass fraction). RULES.md §1 ONE_METHOD says every application of
a round is reviewed by the same method, fixed when the round opens, so the method and the settings travel together
and both refuse change after the draft state. Aggregations are exact (``Fraction``): a result that decides funding
must not depend on float rounding.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from desktop.domain.errors import RuleError, UserError
from desktop.domain.shares import parse_share, share_words


class MethodError(UserError):
    """A form, scoring, aggregation or criterion as given cannot make a review method."""


class ScoringError(UserError):
    """Scores, grades, votes or rankings that cannot be aggregated as the method says."""


class SettingsError(UserError):
    """A round setting outside what the rules allow."""


class RoundStateError(UserError):
    """A round asked to move to a state it cannot reach from where it is."""


class Form(StrEnum):
    MEETING = "会议评审"
    CORRESPONDENCE = "通讯评审"
    VIDEO = "视频评审"
    DEFENCE = "答辩评审"
    SITE_VISIT = "现场考察"


class Scoring(StrEnum):
    SCORE100 = "百分制"
    GRADES = "等级"
    VOTE = "投票"
    RANKING = "排序"


class Aggregation(StrEnum):
    MEAN = "平均分"
    TRIMMED_MEAN = "去掉一个最高分和一个最低分后平均"
    MEDIAN = "中位数"
    VOTE_SHARE = "得票率"
    BORDA = "波达计数"


_ALIASES: dict[type, dict[str, str]] = {
    Form: {"meeting": "会议评审", "correspondence": "通讯评审", "video": "视频评审", "defence": "答辩评审",
           "site-visit": "现场考察"},
    Scoring: {"score100": "百分制", "grades": "等级", "vote": "投票", "ranking": "排序"},
    Aggregation: {"mean": "平均分", "trimmed-mean": "去掉一个最高分和一个最低分后平均", "median": "中位数",
                  "vote-share": "得票率", "borda": "波达计数"},
}
_KIND_NAMES = {Form: "评审形式", Scoring: "计分方式", Aggregation: "汇总规则"}


def _parse(kind: type, value: str | StrEnum) -> Any:
    text = str(value).strip()
    chinese = _ALIASES[kind].get(text.lower(), text)
    try:
        return kind(chinese)
    except ValueError:
        choices = "、".join(f"{m.value}（{a}）" for a, m in zip(_ALIASES[kind], kind))
        raise MethodError(f"未知的{_KIND_NAMES[kind]}「{text}」，可选：{choices}") from None


def parse_form(value: str | Form) -> Form:
    return _parse(Form, value)


def parse_scoring(value: str | Scoring) -> Scoring:
    return _parse(Scoring, value)


def parse_aggregation(value: str | Aggregation) -> Aggregation:
    return _parse(Aggregation, value)


ALLOWED_AGGREGATIONS: dict[Scoring, tuple[Aggregation, ...]] = {
    Scoring.SCORE100: (Aggregation.TRIMMED_MEAN, Aggregation.MEAN, Aggregation.MEDIAN),
    Scoring.GRADES: (Aggregation.MEDIAN,),
    Scoring.VOTE: (Aggregation.VOTE_SHARE,),
    Scoring.RANKING: (Aggregation.BORDA,),
}
"""The first aggregation of each scoring is its default."""


def default_aggregation(scoring: Scoring) -> Aggregation:
    return ALLOWED_AGGREGATIONS[scoring][0]


# --- aggregation functions ---------------------------------------------------------------------------------------

Score = int | Fraction | Decimal | str


def _exact(scores: Iterable[Score]) -> list[Fraction]:
    values = [s if type(s) is Fraction else Fraction(s) for s in scores]
    if not values:
        raise ScoringError("没有可汇总的评分")
    return values


def scaled(values: Sequence[Fraction]) -> tuple[list[int], int]:
    """Exact values as integers over one common denominator: sums, sorts and comparisons then run on integers, not
    on a reduced Fraction at every step (5,000 applications' results handle some 100,000 marks)."""
    denominator = math.lcm(*(v.denominator for v in values)) if values else 1
    return [v.numerator * (denominator // v.denominator) for v in values], denominator


def mean(scores: Iterable[Score]) -> Fraction:
    ints, denominator = scaled(_exact(scores))
    return Fraction(sum(ints), denominator * len(ints))


def trimmed_mean(scores: Iterable[Score]) -> Fraction:
    """去掉一个最高分和一个最低分后的平均分; with fewer than three scores nothing would remain to average."""
    ints, denominator = scaled(_exact(scores))
    if len(ints) < 3:
        raise ScoringError(f"去掉最高分和最低分至少需要3个评分，现有{len(ints)}个")
    ints.sort()
    return Fraction(sum(ints[1:-1]), denominator * (len(ints) - 2))


def median(scores: Iterable[Score]) -> Fraction:
    ints, denominator = scaled(_exact(scores))
    ints.sort()
    middle = len(ints) // 2
    if len(ints) % 2:
        return Fraction(ints[middle], denominator)
    return Fraction(ints[middle - 1] + ints[middle], 2 * denominator)


GRADES = ("A", "B", "C", "D")


def median_grade(grades: Iterable[str]) -> str:
    """The median of grades A>B>C>D; with an even count the lower of the two middle grades, so a tie never
    rounds a result up."""
    ranks = []
    for grade in grades:
        letter = grade.strip().upper()
        if letter not in GRADES:
            raise ScoringError(f"等级只能为A、B、C、D，收到「{grade}」")
        ranks.append(GRADES.index(letter))
    if not ranks:
        raise ScoringError("没有可汇总的等级")
    ranks.sort()
    return GRADES[ranks[len(ranks) // 2]]


@dataclass(frozen=True)
class VoteResult:
    yes: int
    total: int
    share: Fraction
    passed: bool


def vote_share(votes: Iterable[bool], pass_fraction: Fraction = Fraction(2, 3)) -> VoteResult:
    """Passed when the share of yes votes reaches the pass fraction (2/3 means at least two thirds)."""
    ballots = list(votes)
    if not ballots:
        raise ScoringError("没有可汇总的投票")
    yes = sum(1 for b in ballots if b)
    share = Fraction(yes, len(ballots))
    return VoteResult(yes, len(ballots), share, share >= pass_fraction)


def borda(rankings: Iterable[Sequence[str]]) -> dict[str, int]:
    """Borda points: in a ranking of n items the first gets n−1 points, the last 0. Every expert must rank the
    same items, each once, or the points would not be comparable. Returned best first, ties by item."""
    lists = [tuple(r) for r in rankings]
    if not lists:
        raise ScoringError("没有可汇总的排序")
    items = set(lists[0])
    points = dict.fromkeys(sorted(items), 0)
    for ranking in lists:
        if len(set(ranking)) != len(ranking) or set(ranking) != items:
            raise ScoringError("每位专家须对同一组项目各排一次序")
        for position, item in enumerate(ranking):
            points[item] += len(ranking) - 1 - position
    return dict(sorted(points.items(), key=lambda kv: (-kv[1], kv[0])))


# --- criteria ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Criterion:
    """One line of a 百分制 score sheet; ``weight`` is both its share of 100 and its maximum points."""
    name: str
    weight: int


def check_criteria(criteria: Sequence[Criterion]) -> None:
    names = [c.name.strip() for c in criteria]
    if any(not n for n in names):
        raise MethodError("评分指标名称不能为空")
    if len(set(names)) != len(names):
        raise MethodError("评分指标名称重复")
    if any(c.weight <= 0 for c in criteria):
        raise MethodError("评分指标权重须为正整数")
    total = sum(c.weight for c in criteria)
    if total != 100:
        raise MethodError(f"评分指标权重之和须为100，现为{total}")


def weighted_total(criteria: Sequence[Criterion], marks: Mapping[str, Score]) -> Fraction:
    """An expert's total out of 100: each criterion scored from 0 to its weight, then summed."""
    if set(marks) != {c.name for c in criteria}:
        raise ScoringError("评分须覆盖且仅覆盖全部评分指标")
    values = []
    for c in criteria:
        mark = marks[c.name]
        mark = mark if type(mark) is Fraction else Fraction(mark)
        if not 0 <= mark.numerator <= c.weight * mark.denominator:  # 0 ≤ mark ≤ weight, in integers
            raise ScoringError(f"指标「{c.name}」满分{c.weight}分，给分{mark}超出范围")
        values.append(mark)
    ints, denominator = scaled(values)
    return Fraction(sum(ints), denominator)


# --- the method --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Method:
    """The one review method of a round (ONE_METHOD). Accepts Chinese or English spellings and keeps the enums."""
    form: Form
    scoring: Scoring
    aggregation: Aggregation | None = None
    criteria: tuple[Criterion, ...] = ()
    pass_fraction: Fraction = Fraction(2, 3)

    def __post_init__(self) -> None:
        scoring = parse_scoring(self.scoring)
        aggregation = default_aggregation(scoring) if self.aggregation is None else parse_aggregation(self.aggregation)
        object.__setattr__(self, "form", parse_form(self.form))
        object.__setattr__(self, "scoring", scoring)
        object.__setattr__(self, "aggregation", aggregation)
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "pass_fraction", parse_share(self.pass_fraction))
        if aggregation not in ALLOWED_AGGREGATIONS[scoring]:
            allowed = "、".join(ALLOWED_AGGREGATIONS[scoring])
            raise MethodError(f"{scoring.value}不能采用「{aggregation.value}」汇总，可选：{allowed}")
        if self.criteria and scoring is not Scoring.SCORE100:
            raise MethodError("只有百分制才设评分指标及权重")
        if self.criteria:
            check_criteria(self.criteria)

    def describe(self) -> str:
        text = f"{self.form.value}·{self.scoring.value}·{self.aggregation.value}"
        if self.scoring is Scoring.VOTE:
            text += f"（通过比例{share_words(self.pass_fraction)}）"
        if self.criteria:
            text += "（" + "、".join(f"{c.name}{c.weight}分" for c in self.criteria) + "）"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {"form": self.form.value, "scoring": self.scoring.value, "aggregation": self.aggregation.value,
                "criteria": [asdict(c) for c in self.criteria], "pass_fraction": str(self.pass_fraction)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Method:
        criteria = tuple(Criterion(c["name"], int(c["weight"])) for c in data.get("criteria", ()))
        return cls(data["form"], data["scoring"], data.get("aggregation"), criteria,
                   parse_share(data.get("pass_fraction", "2/3")))


def check_same_method(round_method: Method, other_method: Method, what: str) -> None:
    """ONE_METHOD: a panel, score sheet or result of the round may not use another method."""
    if other_method != round_method:
        raise RuleError("ONE_METHOD", f"ONE_METHOD 同一轮次的所有项目须采用同一评审方法：本轮为「{round_method.describe()}」，"
                                      f"{what}却采用「{other_method.describe()}」。如需采用其他方法，请另建评审轮次。")


# --- round states ------------------------------------------------------------------------------------------------

class RoundState(StrEnum):
    DRAFT = "draft"
    OPENED = "opened"
    DRAWN = "drawn"
    CONFIRMED = "confirmed"
    SCORING = "scoring"
    RESULTS = "results"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {RoundState.DRAFT: "草稿", RoundState.OPENED: "已开启", RoundState.DRAWN: "已抽取",
                 RoundState.CONFIRMED: "已确认", RoundState.SCORING: "评分中", RoundState.RESULTS: "已出结果",
                 RoundState.CLOSED: "已结束"}
_STATE_ORDER = list(RoundState)


def check_transition(current: RoundState | str, target: RoundState | str) -> None:
    """A round moves one step forward at a time; drawn→drawn is a redraw before confirmation."""
    now, then = RoundState(current), RoundState(target)
    step = _STATE_ORDER.index(then) - _STATE_ORDER.index(now)
    if step == 1 or (now is then is RoundState.DRAWN):
        return
    raise RoundStateError(f"评审轮次不能从「{now.label}」变为「{then.label}」：只能依次进入下一状态"
                                   f"（{'→'.join(s.label for s in _STATE_ORDER)}），已抽取时可重新抽取")


class RoundClosed(UserError):
    """A change asked of a closed round."""


def check_changeable(state: RoundState | str, round_id: int) -> None:
    """A closed round is read-only: what its steps produced is kept as it was closed (CORRECTIONS); it is still
    read, printed from its records, verified and archived, never changed."""
    if RoundState(state) is RoundState.CLOSED:
        raise RoundClosed(f"评审轮次 {round_id} 已结束（已关闭），只能查看，不能再修改")


def check_method_change(state: RoundState | str) -> None:
    """ONE_METHOD: method and settings are frozen once the round leaves draft."""
    now = RoundState(state)
    if now is not RoundState.DRAFT:
        raise RuleError("ONE_METHOD", f"ONE_METHOD 评审轮次开启后评审方法和规则设置即冻结，当前状态为「{now.label}」，不能修改；"
                                      "如需采用其他评审方法，请另建评审轮次。")


# --- settings ----------------------------------------------------------------------------------------------------

FIELD_LEVELS = (1, 2, 3)
ENTERPRISE_FLOOR = Fraction(1, 3)  # ENTERPRISE_THIRD: a round may raise the fraction, never lower it


@dataclass(frozen=True)
class RoundSettings:
    """The numbers RULES.md leaves to the round, with its defaults. ``reserve_size`` None means twice each panel's
    size, so a panel of any size keeps enough replacements."""
    look_back_years: int = 3
    field_level: int = 2
    max_requested_exclusions: int = 3
    panel_size: int = 7
    enterprise_fraction: Fraction = Fraction(1, 3)
    one_panel_per_expert: bool = True
    include_in_laws: bool = False
    reserve_size: int | None = None
    # review execution (calls, scores, results)
    unreachable_after: int = 3  # unanswered calls after which a seat is freed for the reserve
    non_consensus_range: Fraction = Fraction(3, 10)  # NON_CONSENSUS: a range of totals ≥ this share of the scale
    recommendation: str = ""  # "top:K", "min:SCORE" or "pass"; empty: the vote's pass, no recommendation otherwise
    double_entry: bool = False  # 双人录入: two operators enter every score sheet before the scores count

    def __post_init__(self) -> None:
        object.__setattr__(self, "enterprise_fraction", parse_share(self.enterprise_fraction))
        object.__setattr__(self, "non_consensus_range", parse_share(self.non_consensus_range))
        if self.enterprise_fraction < ENTERPRISE_FLOOR:
            raise RuleError("ENTERPRISE_THIRD", f"ENTERPRISE_THIRD 企业专家比例不得低于{share_words(ENTERPRISE_FLOOR)}，"
                                                f"现为{share_words(self.enterprise_fraction)}；轮次只能提高这一比例")
        problems = []
        if not 0 <= self.look_back_years <= 50:
            problems.append(f"回避年限须在0至50年之间（现为{self.look_back_years}）")
        if self.field_level not in FIELD_LEVELS:
            problems.append(f"学科匹配级别须为1、2或3（现为{self.field_level}）")
        if self.max_requested_exclusions < 0:
            problems.append("申请人要求回避专家人数不能为负")
        if self.panel_size < 1:
            problems.append("评审组人数至少为1")
        if self.reserve_size is not None and self.reserve_size < 0:
            problems.append("备选专家人数不能为负")
        if not 1 <= self.unreachable_after <= 20:
            problems.append(f"未接通多少次后递补须在1至20次之间（现为{self.unreachable_after}）")
        if not 0 < self.non_consensus_range <= 1:
            problems.append("非共识评分极差须在满分的0至100%之间")
        if problems:
            raise SettingsError("轮次设置有误：" + "；".join(problems))

    def reserve_for(self, size: int) -> int:
        return 2 * size if self.reserve_size is None else self.reserve_size

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["enterprise_fraction"] = str(self.enterprise_fraction)
        data["non_consensus_range"] = str(self.non_consensus_range)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoundSettings:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise SettingsError(f"未知的轮次设置项：{'、'.join(unknown)}")
        values = dict(data)
        return cls(**values)
