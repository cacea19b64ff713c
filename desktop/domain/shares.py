"""Exact shares — a vote's pass fraction, a panel's enterprise fraction — read as people write them and spelled as
they say them.

A share is a ``Fraction`` end to end: typed as "2/3", "三分之二", "0.5" or "50%", stored as "2/3", shown as 三分之二
in Chinese. A binary float cannot hold two thirds, and a share rounded to two decimals (0.67) fails 6 votes of 9.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from desktop.domain.errors import UserError

_DIGITS = "零一二三四五六七八九"
_LIMIT = 1000  # Chinese numerals are spelled up to 999; larger parts are written as digits


class ShareError(UserError):
    """A share that is not a fraction between 0 and 1."""


def _chinese(n: int) -> str:
    """1..999 as Chinese numerals: 七, 十二, 二十, 一百零五."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    text = ""
    if hundreds:
        text = _DIGITS[hundreds] + "百"
        if rest and tens == 0:
            return text + "零" + _DIGITS[units]
    if tens:
        text += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if units:
        text += _DIGITS[units]
    return text


def _number(text: str) -> int | None:
    """A Chinese numeral below 1000 (or ASCII digits) as an integer; None when it is not one."""
    if text.isascii() and text.isdigit():
        return int(text)
    match = re.fullmatch(r"(?:([一二三四五六七八九两])百)?(零)?(?:([一二三四五六七八九两])?(十))?([一二三四五六七八九])?",
                         text)
    if not text or match is None:
        return None
    hundreds, zero, tens, ten, units = match.groups()
    digit = {c: i for i, c in enumerate(_DIGITS)} | {"两": 2}
    value = digit[hundreds] * 100 if hundreds else 0
    if ten:
        value += (digit[tens] if tens else 1) * 10
    if units:
        value += digit[units]
    if zero and (not hundreds or ten or not units):
        return None
    return value or None


def share_words(share: Fraction) -> str:
    """How a share is said in Chinese: 三分之二, 百分之六十七, 二分之一; 1 is 百分之百."""
    share = Fraction(share)
    if share == 1:
        return "百分之百"
    if not 0 < share < 1 or share.denominator >= _LIMIT:
        return str(share)
    whole = "百" if share.denominator == 100 else _chinese(share.denominator)
    return f"{whole}分之{_chinese(share.numerator)}"


def parse_share(text: str | Fraction | int) -> Fraction:
    """A share from "2/3", "三分之二", "百分之六十", "0.5" or "50%", exactly; refused unless 0 < share ≤ 1."""
    if isinstance(text, float):
        raise TypeError("a share is exact: pass a Fraction or its text, never a float")
    if isinstance(text, (Fraction, int)):
        share = Fraction(text)
    else:
        written = str(text).strip().replace("／", "/").replace("％", "%")
        share = _read(written)
        if share is None:
            raise ShareError(f"比例「{text}」无法识别：请写成分数、小数或百分数，如 2/3、三分之二、0.5 或 50%")
    if not 0 < share <= 1:
        raise ShareError(f"比例须大于0且不超过1，现为{share}")
    return share


def _read(written: str) -> Fraction | None:
    words = re.fullmatch(r"(.+?)分之(.+)", written)
    if words:
        head, tail = words.groups()
        denominator = 100 if head == "百" else _number(head)
        numerator = 100 if tail == "百" and denominator == 100 else _number(tail)
        return Fraction(numerator, denominator) if numerator and denominator else None
    percent = written.endswith("%")
    try:
        if "/" in written:
            numerator, denominator = written.split("/")
            return Fraction(int(numerator), int(denominator))
        value = Fraction(Decimal(written[:-1] if percent else written))
    except (ValueError, ZeroDivisionError, InvalidOperation, OverflowError):
        return None
    return value / 100 if percent else value
