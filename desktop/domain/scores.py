"""A score as an expert gives it, in the round's one method (ONE_METHOD), and who may give one (EXPERT_COMMITMENT,
recusal at scoring, NO_SUBSTITUTE).

A value is read from what an operator types or a workbook holds — ``30,25,20,15`` (one mark per criterion of a
百分制 sheet), ``A``…``D``, ``同意``/``不同意``/``弃权``, or a rank — and kept as a ``Mark``. A value that is plainly of
another scoring (a grade on a 百分制 round) is refused as ONE_METHOD; a value of the right kind but out of range is
an ordinary mistake (ScoringError). Marks are exact (``Fraction``): the total of 27.5 + 24 + 18.5 + 20 is 90.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import Any

from desktop.domain.errors import RuleError
from desktop.domain.grounds import Ground
from desktop.domain.methods import GRADES, Method, Scoring, ScoringError, scaled, weighted_total

VOTES = ("同意", "不同意", "弃权")
_VOTE_ALIASES = {"同意": "同意", "赞成": "同意", "yes": "同意", "不同意": "不同意", "反对": "不同意", "no": "不同意",
                 "弃权": "弃权", "abstain": "弃权"}
_SEPARATORS = re.compile(r"[,，;；、\s]+")
_NUMBER = re.compile(r"\d+(\.\d+)?", re.ASCII)
SCALE = 100  # a 百分制 total is out of 100


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip()


@lru_cache(maxsize=4096)
def number(text: str) -> Fraction:
    """A mark as typed (30, 27.5); never a float, so 0.1 + 0.2 is 0.3. A sheet repeats the same few marks, so each
    text is read once."""
    try:
        value = Decimal(_plain(text))
    except InvalidOperation:
        raise ScoringError(f"「{text}」不是数字") from None
    if not value.is_finite():
        raise ScoringError(f"「{text}」不是数字")
    return Fraction(value)


def _terminates(value: Fraction) -> bool:
    rest = value.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    return rest == 1


def words(value: Fraction) -> str:
    """A mark as a person writes it: 90, 27.5 exactly; a repeating decimal (a mean of 250/3) to two places."""
    if value.denominator == 1:
        return str(value.numerator)
    if _terminates(value):
        return format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return format(round(Decimal(value.numerator) / Decimal(value.denominator), 2), "f")


@dataclass(frozen=True)
class Mark:
    """One expert's score of one application: marks per criterion with their total (百分制), a grade, a vote, or a
    rank among the panel's applications. Stored as canonical JSON (``to_json``)."""
    scoring: Scoring
    marks: tuple[Fraction, ...] = ()
    total: Fraction | None = None
    grade: str = ""
    vote: str = ""
    rank: int = 0

    def text(self) -> str:
        """As the operator typed it, and as the sheet and the command line show it."""
        if self.scoring is Scoring.SCORE100:
            return ",".join(words(m) for m in self.marks) if len(self.marks) > 1 else words(self.total)
        if self.scoring is Scoring.GRADES:
            return self.grade
        if self.scoring is Scoring.VOTE:
            return self.vote
        return str(self.rank)

    def shown(self) -> str:
        """What a results table shows: the total of a 百分制 sheet, else the value itself."""
        return words(self.total) if self.scoring is Scoring.SCORE100 else self.text()

    def to_dict(self) -> dict[str, Any]:
        if self.scoring is Scoring.SCORE100:
            return {"marks": [words(m) for m in self.marks], "total": words(self.total)}
        if self.scoring is Scoring.GRADES:
            return {"grade": self.grade}
        if self.scoring is Scoring.VOTE:
            return {"vote": self.vote}
        return {"rank": self.rank}

    def to_json(self) -> str:
        if self.scoring is Scoring.SCORE100:  # numbers only: spelled directly, as json.dumps would (a workbook has
            marks = ",".join(f'"{words(m)}"' for m in self.marks)  # tens of thousands of them)
            return f'{{"marks":[{marks}],"total":"{words(self.total)}"}}'
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, scoring: Scoring, text: str) -> Mark:
        data = json.loads(text)
        if scoring is Scoring.SCORE100:
            marks = tuple(number(m) for m in data["marks"])
            return cls(scoring, marks, sum(marks, Fraction(0)))
        if scoring is Scoring.GRADES:
            return cls(scoring, grade=data["grade"])
        if scoring is Scoring.VOTE:
            return cls(scoring, vote=data["vote"])
        return cls(scoring, rank=int(data["rank"]))


def kind_of(text: str) -> Scoring | None:
    """Which scoring a typed value plainly belongs to, if any (a single number could be a mark or a rank)."""
    if _NUMBER.fullmatch(text):
        return None
    if text.upper() in GRADES or text.upper() in {"E", "F"}:
        return Scoring.GRADES
    if text.lower() in _VOTE_ALIASES:
        return Scoring.VOTE
    if len([p for p in _SEPARATORS.split(text) if p]) > 1:
        return Scoring.SCORE100
    return None


def other_method(method: Method, kind: Scoring, text: str) -> RuleError:
    return RuleError("ONE_METHOD", f"ONE_METHOD 本轮评审方法为「{method.describe()}」，不能录入{kind.value}的评分"
                                   f"「{text}」；同一轮次只能采用一种评审方法")


def parse_mark(method: Method, value: str | Mark, applications: int = 0) -> Mark:
    """The value typed for one sheet cell, read in the round's method. ``applications`` is the number of the panel's
    applications, the largest rank a ranking may give."""
    if isinstance(value, Mark):
        if value.scoring is not method.scoring:
            raise other_method(method, value.scoring, value.text())
        return value
    text = _plain(value)
    if not text:
        raise ScoringError("评分不能为空")
    kind = kind_of(text)
    if kind is not None and kind is not method.scoring:
        raise other_method(method, kind, text)
    if method.scoring is Scoring.SCORE100:
        return _score100(method, text)
    if method.scoring is Scoring.GRADES:
        if text.upper() not in GRADES:
            raise ScoringError(f"等级只能为A、B、C、D，收到「{text}」")
        return Mark(Scoring.GRADES, grade=text.upper())
    if method.scoring is Scoring.VOTE:
        return Mark(Scoring.VOTE, vote=_VOTE_ALIASES[text.lower()]) if kind else _bad_vote(text)
    return _rank(text, applications)


class MarkReader:
    """``parse_mark`` for the value cells of many sheet rows (one cell per criterion of a 百分制 sheet, else one),
    each distinct cell read once: a 35,000-row workbook repeats the same few dozen marks, grades or votes. A row
    whose cells are not all plainly valid gives None, and ``parse_mark`` then says what is wrong with it."""

    def __init__(self, method: Method):
        self.method = method
        self._criteria = method.criteria if method.scoring is Scoring.SCORE100 else ()
        self._marks: dict[tuple[int, str], Fraction | None] = {}  # (criterion, cell) → its mark, None if not plain
        self._values: dict[tuple[str, int], Mark | None] = {}  # (cell, applications) → what parse_mark gives

    def mark(self, cells: list[str], applications: int = 0) -> Mark | None:
        """What ``parse_mark`` gives for the cells joined by commas, or None where it would refuse them (or where
        a cell is not plain digits, as a full-width or spaced mark is: ``parse_mark`` reads those)."""
        if not self._criteria:
            key = (",".join(cells), applications)
            if key not in self._values:
                try:
                    self._values[key] = parse_mark(self.method, key[0], applications)
                except (ScoringError, RuleError):
                    self._values[key] = None
            return self._values[key]
        if len(cells) != len(self._criteria):
            return None
        marks, whole = [], 0
        for index, text in enumerate(cells):
            mark = self._marks.get((index, text), _UNREAD)
            if mark is _UNREAD:
                mark = self._marks[(index, text)] = self._criterion_mark(index, text)
            if mark is None:
                return None
            marks.append(mark)
            if whole is not None:
                whole = whole + mark.numerator if mark.denominator == 1 else None
        if whole is None:  # a half mark: summed over the common denominator, as weighted_total does
            ints, denominator = scaled(marks)
            return Mark(Scoring.SCORE100, tuple(marks), Fraction(sum(ints), denominator))
        return Mark(Scoring.SCORE100, tuple(marks), Fraction(whole))

    def _criterion_mark(self, index: int, text: str) -> Fraction | None:
        if not _NUMBER.fullmatch(text):
            return None
        mark = number(text)
        return mark if mark <= self._criteria[index].weight else None


_UNREAD = object()


def _bad_vote(text: str) -> Mark:
    raise ScoringError(f"表决只能为同意、不同意或弃权，收到「{text}」")


def _score100(method: Method, text: str) -> Mark:
    parts = [p for p in _SEPARATORS.split(text) if p]
    marks = tuple(number(p) for p in parts)
    if not method.criteria:
        if len(marks) != 1:
            raise ScoringError(f"本轮百分制不分指标，只填一个总分，收到「{text}」")
        if not 0 <= marks[0] <= SCALE:
            raise ScoringError(f"总分须在0至{SCALE}分之间，收到{words(marks[0])}")
        return Mark(Scoring.SCORE100, marks, marks[0])
    names = [c.name for c in method.criteria]
    if len(marks) != len(names):
        raise ScoringError(f"须按{len(names)}项指标逐项给分，以逗号分隔（{'、'.join(names)}），收到「{text}」")
    total = weighted_total(method.criteria, dict(zip(names, marks)))
    return Mark(Scoring.SCORE100, marks, total)


def criterion_problems(method: Method, marks: list[str]) -> list[tuple[int, str]]:
    """What is wrong with each mark of a 百分制 sheet, criterion by criterion (index, reason), so an import can name
    the column of a bad mark rather than the whole sheet."""
    problems = []
    for index, (criterion, text) in enumerate(zip(method.criteria, marks)):
        try:
            mark = number(text)
        except ScoringError as error:
            problems.append((index, str(error)))
            continue
        if not 0 <= mark <= criterion.weight:
            problems.append((index, f"指标「{criterion.name}」满分{criterion.weight}分，给分{words(mark)}超出范围"))
    return problems


def _rank(text: str, applications: int) -> Mark:
    if not text.isdigit() or int(text) < 1:
        raise ScoringError(f"排序须为正整数（第几名），收到「{text}」")
    rank = int(text)
    if applications and rank > applications:
        raise ScoringError(f"本组共{applications}个项目，排序不能为第{rank}名")
    return Mark(Scoring.RANKING, rank=rank)


def check_ranks(expert: str, ranks: dict[str, int]) -> None:
    """An expert's ranks within one panel: each place given once."""
    seen: dict[int, str] = {}
    for number_, rank in ranks.items():
        if rank in seen:
            raise ScoringError(f"专家{expert}把项目{seen[rank]}和{number_}都排在第{rank}名；每个名次只能给一个项目")
        seen[rank] = number_


# --- who may score ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scorer:
    """What is known of one expert at scoring time, for one application."""
    name: str
    seated: bool  # a member of the application's panel as confirmed (or as accepted, before confirmation)
    committed: bool  # a commitment recorded for the round (EXPERT_COMMITMENT)
    attendance: str | None  # present / absent / left_early, or None when not recorded
    grounds: tuple[Ground, ...] = ()  # every ground against the application on the current data


def check_scorer(scorer: Scorer, application: str, panel: str) -> None:
    """Refuse a score its expert may not give, with the rule's code: only the panel that sat (NO_SUBSTITUTE), only
    after a commitment (EXPERT_COMMITMENT), recusal holds at scoring too (the ground's own code). An absent
    expert's sheet can only have been filled by someone else, so it is refused as NO_SUBSTITUTE too."""
    who = f"专家{scorer.name}"
    if not scorer.seated:
        raise RuleError("NO_SUBSTITUTE", f"NO_SUBSTITUTE {who}不是评审组「{panel}」确认参加评审的成员，不能为项目"
                                         f"{application}评分；评审专家只能来自抽取")
    if scorer.attendance == "absent":
        raise RuleError("NO_SUBSTITUTE", f"NO_SUBSTITUTE {who}在评审当天缺席，不能为项目{application}评分；"
                                         "缺席专家的评分不能由他人代为填写")
    if not scorer.committed:
        raise RuleError("EXPERT_COMMITMENT", f"EXPERT_COMMITMENT {who}尚未签署本轮的评审专家承诺书（未登记），"
                                             f"其对项目{application}的评分不予接受")
    if scorer.grounds:
        codes = "、".join(dict.fromkeys(g.code.value for g in scorer.grounds))
        first = scorer.grounds[0].code.value
        raise RuleError(first, f"{first} {who}对项目{application}有回避事由（{codes}），评分时回避同样适用，"
                               "不能为该项目评分")
