"""How far a panel's experts agree: the NON_CONSENSUS flag of each application and each panel's Krippendorff alpha.

NON_CONSENSUS (RULES.md §1) asks that applications on which the experts disagree strongly are picked out, not
averaged away; so the flag is computed on every score as given, never on the trimmed ones (a trimmed mean removes
exactly the dissent). An application is flagged when:

- 百分制: the range of its totals (highest − lowest) is at least the round's ``non_consensus_range`` of the scale
  (default 30 % of 100 = 30 points);
- 等级: at least one expert gave the top grade (A) and one the bottom grade (D);
- 投票: the share of 同意 lies strictly between one third and two thirds. The boundaries are not a split: 3 of 9
  (exactly a third) is a clear no and 6 of 9 (exactly two thirds) the pass the rule itself draws; 4 or 5 of 9 are
  flagged. Abstentions count among the votes, as they do for the pass;
- 排序: at least one expert ranked it in the first third of the panel's places and one in the last third (the
  ranking's top and bottom grades).

Krippendorff's alpha (interval metric) is 1 − D_o / D_e over the panel's applications (units) and experts (coders):
D_o the mean squared difference within an application, D_e the same over all values pooled. A vote counts 同意 as 1
and 不同意 as 0 (an abstention is a missing value); a grade A as 4 down to D as 1; a rank as its place. It is exact
(``Fraction``) and computed from sums, so 5,000 applications cost no more than reading their scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import ceil

from desktop.domain.methods import GRADES, Scoring, scaled
from desktop.domain.scores import SCALE, Mark, words

LOW_SPLIT, HIGH_SPLIT = Fraction(1, 3), Fraction(2, 3)


@dataclass(frozen=True)
class Flag:
    flagged: bool
    reason: str = ""  # in Chinese, as the command line and the archive say it
    facts: dict = field(default_factory=dict)  # the reason as values ({"kind": range/grades/vote/ranks, …}) to word


def non_consensus(scoring: Scoring, marks: Sequence[Mark], range_share: Fraction, places: int = 0) -> Flag:
    """Whether the experts split on one application (see the module's docstring); ``places`` is the number of the
    panel's applications, for a ranking."""
    if len(marks) < 2:
        return Flag(False)
    if scoring is Scoring.SCORE100:
        totals, denominator = scaled([m.total for m in marks])
        spread, limit = Fraction(max(totals) - min(totals), denominator), range_share * SCALE
        if spread >= limit:
            return Flag(True, f"评分极差{words(spread)}分，达到满分的{words(range_share * 100)}%（{words(limit)}分）",
                        {"kind": "range", "spread": words(spread), "percent": words(range_share * 100),
                         "limit": words(limit)})
        return Flag(False)
    if scoring is Scoring.GRADES:
        grades = {m.grade for m in marks}
        if GRADES[0] in grades and GRADES[-1] in grades:
            return Flag(True, f"既有专家评为{GRADES[0]}，又有专家评为{GRADES[-1]}",
                        {"kind": "grades", "top": GRADES[0], "bottom": GRADES[-1]})
        return Flag(False)
    if scoring is Scoring.VOTE:
        yes = sum(1 for m in marks if m.vote == "同意")
        share = Fraction(yes, len(marks))
        if LOW_SPLIT < share < HIGH_SPLIT:
            return Flag(True, f"同意{yes}票，共{len(marks)}票，得票率介于三分之一与三分之二之间",
                        {"kind": "vote", "yes": yes, "total": len(marks)})
        return Flag(False)
    third = max(1, ceil(Fraction(places or max(m.rank for m in marks), 3)))
    ranks = [m.rank for m in marks]
    last = (places or max(ranks)) - third
    if min(ranks) <= third and max(ranks) > last:
        return Flag(True, f"有专家排在前{third}名，也有专家排在后{third}名", {"kind": "ranks", "third": third})
    return Flag(False)


def interval_value(mark: Mark) -> Fraction | None:
    """A mark on the interval scale alpha is computed on; None for an abstention (a missing value)."""
    if mark.scoring is Scoring.SCORE100:
        return mark.total
    if mark.scoring is Scoring.GRADES:
        return Fraction(len(GRADES) - GRADES.index(mark.grade))
    if mark.scoring is Scoring.VOTE:
        return None if mark.vote == "弃权" else Fraction(1 if mark.vote == "同意" else 0)
    return Fraction(mark.rank)


def _squares(values: Sequence[int]) -> int:
    """Σ over ordered pairs i ≠ j of (v_i − v_j)² = 2n·Σv² − 2(Σv)², without walking the pairs."""
    total = sum(values)
    return 2 * len(values) * sum(v * v for v in values) - 2 * total * total


def krippendorff_alpha(units: Iterable[Sequence[Fraction | None]]) -> Fraction | None:
    """Krippendorff's alpha, interval metric, for units given as the values their coders gave (None: missing).
    None when it is not defined: fewer than two pairable values, or no variation at all among them. The values are
    scaled to integers by their common denominator first: both disagreements scale alike, so alpha is unchanged
    and every sum is an integer one."""
    pairable = [[v for v in unit if v is not None] for unit in units]
    pairable = [unit for unit in pairable if len(unit) >= 2]
    n = sum(len(unit) for unit in pairable)
    if n < 2:
        return None
    pooled, _ = scaled([v for unit in pairable for v in unit])
    parts, start = [], 0
    for unit in pairable:
        parts.append(pooled[start:start + len(unit)])
        start += len(unit)
    observed = sum(Fraction(_squares(unit), len(unit) - 1) for unit in parts) / n
    expected = Fraction(_squares(pooled), n * (n - 1))
    if expected == 0:
        return None
    return 1 - observed / expected
