"""Check characters of Chinese identifiers.

ID numbers (公民身份号码) carry a GB 11643 check digit and a birth date; unified social credit codes
(统一社会信用代码) carry a GB 32100 check character. Imports reject a code whose check fails, so a typo is caught at
the row where it was made rather than as a silent mismatch in recusal.
"""

from __future__ import annotations

import datetime as dt

_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK = "10X98765432"

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def id_check_digit(first17: str) -> str:
    """The GB 11643 check digit for the first 17 digits of an ID number."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def id_number_problem(value: str) -> str | None:
    """Why ``value`` is not a valid 18-digit ID number, in Chinese, or None when it is valid."""
    if len(value) != 18:
        return f"身份证号应为18位，实为{len(value)}位"
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        return "身份证号前17位应为数字，末位为数字或X"
    try:
        dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return f"身份证号中的出生日期{value[6:14]}不存在"
    expected = id_check_digit(value[:17])
    if value[17] != expected:
        return f"身份证号校验码错误：末位应为{expected}"
    return None


def credit_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a unified social credit code."""
    total = sum(CREDIT_CHARSET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def credit_code_problem(value: str) -> str | None:
    """Why ``value`` is not a valid unified social credit code, in Chinese, or None when it is valid."""
    if len(value) != 18:
        return f"统一社会信用代码应为18位，实为{len(value)}位"
    bad = sorted({c for c in value if c not in CREDIT_CHARSET})
    if bad:
        return f"统一社会信用代码含非法字符：{''.join(bad)}（不得使用I、O、S、V、Z）"
    expected = credit_check_char(value[:17])
    if value[17] != expected:
        return f"统一社会信用代码校验位错误：末位应为{expected}"
    return None


def normalise_id_number(value: str) -> str:
    """Strip spaces and upper-case a trailing x, as IDs typed in spreadsheets often have them."""
    return value.strip().replace(" ", "").upper()


def normalise_credit_code(value: str) -> str:
    return value.strip().replace(" ", "").upper()
