"""ENTERPRISE_THIRD (RULES.md §2): at least a fraction (default one third) of a panel are enterprise experts.

Computed with exact fractions: ceil(7 × 1/3) must be 3 on every machine, which float arithmetic does not promise for
every fraction a round may set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from desktop.domain.shares import share_words


def enterprise_required(size: int, fraction: Fraction = Fraction(1, 3)) -> int:
    """ceil(size × fraction), exactly."""
    product = Fraction(size) * Fraction(fraction)
    return -(-product.numerator // product.denominator)


@dataclass(frozen=True)
class QuotaCheck:
    ok: bool
    count: int
    required: int
    size: int
    message: str


def check_panel(members_enterprise: Iterable[bool], size: int | None = None,
                fraction: Fraction = Fraction(1, 3)) -> QuotaCheck:
    """Check a panel as drawn or as it sat; ``size`` defaults to the number of members given."""
    flags = list(members_enterprise)
    size = len(flags) if size is None else size
    count = sum(1 for f in flags if f)
    required = enterprise_required(size, fraction)
    ok = count >= required
    verdict = "符合要求" if ok else f"不足，还差{required - count}名"
    message = (f"ENTERPRISE_THIRD 企业专家比例：评审组{size}人，企业家或企业技术专家应不少于{required}人"
               f"（{share_words(fraction)}），现有{count}人，{verdict}。")
    return QuotaCheck(ok, count, required, size, message)

