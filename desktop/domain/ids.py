"""Chinese identifiers in one canonical form, with their check characters (RULES.md IDENTIFIERS).

ID numbers (公民身份号码, GB 11643) carry a check digit and a birth date; unified social credit codes (统一社会信用代码,
GB 32100) carry a check character. The same person typed as ``３７０６…x`` and ``3706…X`` must be one person, so every
identifier is brought to one form (NFKC, no spaces of any kind, upper case) before it is checked, stored or compared,
and only ASCII digits and letters survive. A code whose check fails is refused at the row where it was typed, without
a "corrected" check character: the wrong character is as likely any other one, and a spreadsheet that stored the
number as a number has lost its last digits for good.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK = "10X98765432"

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

# Invisible characters that NFKC keeps and str.split() does not treat as space: zero-width space, (non-)joiners,
# word joiner, byte-order mark, Mongolian vowel separator, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad"))
# How a spreadsheet writes a number too long for its 15 significant digits: 1.10101197508082E+17.
_SCIENTIFIC = re.compile(r"\d(\.\d+)?E\+?\d+", re.ASCII)

ID_STORED_AS_NUMBER = "身份证号被表格存成了数字，末尾几位已丢失，请把该列设为文本后重新录入"
CREDIT_STORED_AS_NUMBER = "统一社会信用代码被表格存成了数字，末尾几位已丢失，请把该列设为文本后重新录入"
STORED_AS_NUMBER = (ID_STORED_AS_NUMBER, CREDIT_STORED_AS_NUMBER)
SAME_COLUMN = "：同列已有号码确定被存成了数字，末三位为000的号码即使校验位相符也可能已丢失数字"

EXPERT_AGES = (18, 100)  # an expert's age at the import, in whole years: outside it the birth year was mistyped


def canonical(value: str) -> str:
    """NFKC, every space removed (full-width, no-break and zero-width ones too), ASCII letters upper-cased.

    Characters that NFKC does not turn into ASCII (Arabic-Indic digits, bidi controls) are kept, so the checks
    below can name them instead of silently dropping them."""
    value = unicodedata.normalize("NFKC", value)
    if not value.isascii():
        value = value.translate(_INVISIBLE)
    value = "".join(value.split())
    return value.upper() if value.isascii() else value


def mask_id(value: str) -> str:
    """370102********1234; short or odd values are masked all but the last four characters."""
    if not value:
        return ""
    if len(value) == 18:
        return f"{value[:6]}{'*' * 8}{value[-4:]}"
    return "*" * max(0, len(value) - 4) + value[-4:]


def _form_problem(value: str, what: str, allowed: str, stored_as_number: str) -> str | None:
    """What is wrong before the code itself is looked at: nothing there, a character that is not ASCII (named, as
    NFKC left it), or the form a spreadsheet gives a long number."""
    if not value:
        return f"{what}为空：单元格中只有空格或不可见字符"
    for char in value:
        if not char.isascii():
            name = unicodedata.name(char, "")
            return f"{what}含无法识别的字符「{char}」（U+{ord(char):04X}{' ' + name if name else ''}）：只能由{allowed}组成"
    if _SCIENTIFIC.fullmatch(value):
        return stored_as_number
    return None


def id_check_digit(first17: str) -> str:
    """The GB 11643 check digit for the first 17 digits of an ID number."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def id_number_problem(value: str, today: dt.date | None = None) -> str | None:
    """Why the canonical ``value`` is not a valid 18-digit ID number, in Chinese, or None when it is valid.

    With ``today`` a birth date after it is refused too (a typo in the year)."""
    problem = _form_problem(value, "身份证号", "数字0–9和X", ID_STORED_AS_NUMBER)
    if problem:
        return problem
    if len(value) != 18:
        return f"身份证号应为18位，实为{len(value)}位"
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        return "身份证号前17位应为数字，末位为数字或X"
    try:
        born = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return f"身份证号中的出生日期{value[6:14]}不存在"
    if today is not None and born > today:
        return f"身份证号中的出生日期{born.isoformat()}晚于今天（{today.isoformat()}）"
    if value[17] != id_check_digit(value[:17]):
        if zeroed_by_spreadsheet(value):
            return ID_STORED_AS_NUMBER
        return "身份证号校验码不符：号码中有录入错误，请对照证件逐位核对"
    return None


def zeroed_by_spreadsheet(value: str) -> bool:
    """Whether a canonical code has the form a spreadsheet leaves of any 18-digit number it stored: 15 significant
    digits, then 000.

    About one real ID number in 1,100 ends in 000 as well (two zero sequence digits and a check digit of 0), and one
    zeroed number in 11 passes its check by chance, so this form alone proves nothing. It does in a column where
    another cell shows the spreadsheet stored the codes as numbers (a reason of ``STORED_AS_NUMBER``): there every
    code of this form is refused with that reason plus ``SAME_COLUMN``, whatever its check digit says."""
    return len(value) == 18 and value.endswith("000") and value.isdigit()


def _age(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def expert_birth_problem(value: str, day: dt.date) -> str | None:
    """Why the valid ID number ``value`` cannot be an expert's on ``day`` (the import's date): the birth date it
    carries makes the expert under 18 or over 100, which is a mistyped year, not a reviewer."""
    born = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    age = _age(born, day)
    youngest, oldest = EXPERT_AGES
    if age < youngest:
        return f"身份证号中的出生日期{born.isoformat()}表明该专家在{day.isoformat()}未满{youngest}周岁：出生年份可能录错，请对照证件核对"
    if age > oldest:
        return f"身份证号中的出生日期{born.isoformat()}表明该专家在{day.isoformat()}已满{age}周岁（超过{oldest}周岁）：" \
               "出生年份可能录错，请对照证件核对"
    return None


def credit_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a unified social credit code."""
    total = sum(CREDIT_CHARSET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def credit_code_problem(value: str) -> str | None:
    """Why the canonical ``value`` is not a valid unified social credit code, in Chinese, or None when it is valid."""
    problem = _form_problem(value, "统一社会信用代码", "数字0–9和大写字母", CREDIT_STORED_AS_NUMBER)
    if problem:
        return problem
    if len(value) != 18:
        return f"统一社会信用代码应为18位，实为{len(value)}位"
    bad = sorted({c for c in value if c not in CREDIT_CHARSET})
    if bad:
        return f"统一社会信用代码含非法字符：{''.join(bad)}（不得使用I、O、S、V、Z）"
    if value[17] != credit_check_char(value[:17]):
        if zeroed_by_spreadsheet(value):
            return CREDIT_STORED_AS_NUMBER
        return "统一社会信用代码校验位不符：代码中有录入错误，请对照营业执照逐位核对"
    return None


def id_or_credit_code_problem(value: str, today: dt.date | None = None) -> str | None:
    """Why the canonical ``value`` is neither a valid ID number nor a valid credit code, or None when it is one."""
    as_id = id_number_problem(value, today)
    if as_id is None or credit_code_problem(value) is None:
        return None
    if as_id.startswith("身份证号含") or as_id == ID_STORED_AS_NUMBER:
        return as_id
    return "既不是有效的身份证号，也不是有效的统一社会信用代码（长度或校验位不符）"
