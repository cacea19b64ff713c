"""Cell parsers: each turns the text of one cell into a value or raises ValueError with the reason in Chinese."""

from __future__ import annotations

import datetime as dt
import re
import sys
from functools import lru_cache
from typing import Callable

from desktop.domain.ids import credit_code_problem, id_number_problem, normalise_credit_code, normalise_id_number

Parser = Callable[[str], object]

ORG_KINDS = ("企业", "高校", "科研院所", "医疗卫生机构", "机关", "其他")
RELATION_KINDS = ("近亲属", "姻亲", "师生", "合作")
ROLES = ("负责人", "骨干")
_SEPARATORS = re.compile(r"[；;、,，\s]+")
_FIELD = re.compile(r"^(\d{3}|\d{5}|\d{7})$")


def text(value: str) -> str:
    return value


@lru_cache(maxsize=1 << 18)
def _checked(value: str, normalise: Callable[[str], str], problem_of: Callable[[str], str | None]) -> tuple[str, str]:
    """A code normalised and checked once however many rows repeat it (relations name the same people often)."""
    value = normalise(value)
    return sys.intern(value), problem_of(value) or ""


def id_number(value: str) -> str:
    value, problem = _checked(value, normalise_id_number, id_number_problem)
    if problem:
        raise ValueError(problem)
    return value


def credit_code(value: str) -> str:
    value, problem = _checked(value, normalise_credit_code, credit_code_problem)
    if problem:
        raise ValueError(problem)
    return value


def id_or_credit_code(value: str) -> str:
    value = normalise_credit_code(value)
    if id_number_problem(value) is None or credit_code_problem(value) is None:
        return value
    raise ValueError("既不是有效的身份证号，也不是有效的统一社会信用代码（校验位不符）")


def field_code(value: str) -> str:
    if not _FIELD.match(value):
        raise ValueError("学科代码应为3、5或7位数字（GB/T 13745）")
    return sys.intern(value)


def year(value: str) -> int:
    if not re.fullmatch(r"\d{4}", value) or not 1900 <= int(value) <= 2100:
        raise ValueError("年份应为四位数字，如 2021")
    return int(value)


def date(value: str) -> str:
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"):
        try:
            return dt.datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError("日期格式应为 YYYY-MM-DD，如 2026-03-01")


def yes_no(value: str) -> bool:
    if value in ("是", "Y", "y", "yes", "Yes", "YES", "true", "True", "TRUE", "1"):
        return True
    if value in ("否", "N", "n", "no", "No", "NO", "false", "False", "FALSE", "0"):
        return False
    raise ValueError("应填「是」或「否」")


def one_of(choices: tuple[str, ...]) -> Parser:
    def parse(value: str) -> str:
        if value not in choices:
            raise ValueError(f"应为以下之一：{'、'.join(choices)}")
        return value
    return parse


def several(parse: Parser) -> Parser:
    """A cell holding several values separated by ；, ;, 、 or commas."""
    def parse_all(value: str) -> tuple:
        items = [item for item in _SEPARATORS.split(value) if item]
        return tuple(dict.fromkeys(parse(item) for item in items))
    return parse_all


def mobile(value: str) -> str:
    digits = value.replace("-", "").replace(" ", "").removeprefix("+86")
    if not re.fullmatch(r"1[3-9]\d{9}|0\d{9,11}", digits):
        raise ValueError("手机号应为11位数字（以1开头）或带区号的固定电话")
    return digits


def email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ValueError("电子邮箱格式不正确")
    return value
