"""Cell parsers: each turns the text of one cell into a value or raises ValueError with the reason in Chinese."""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from functools import lru_cache
from typing import Callable

from desktop.domain.ids import (canonical, credit_code_problem, expert_birth_problem, id_number_problem,
                                id_or_credit_code_problem)

Parser = Callable[[str], object]

ORG_KINDS = ("企业", "高校", "科研院所", "医疗卫生机构", "机关", "其他")
RELATION_KINDS = ("近亲属", "姻亲", "师生", "合作")
ROLES = ("负责人", "骨干")
_SEPARATORS = re.compile(r"[；;、,，\s]+")
_FIELD = re.compile(r"(\d{3}|\d{5}|\d{7})", re.ASCII)
_DATES = (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII), re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})", re.ASCII),
          re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})", re.ASCII), re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日", re.ASCII),
          re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII))
NAME_CAP = 2_000
NOTE_CAP = 20_000


def _plain(value: str) -> str:
    """Full-width digits and letters as ASCII, for cells read as numbers, dates and codes."""
    return unicodedata.normalize("NFKC", value).strip()


def _capped(cap: int, lines: bool) -> Parser:
    def parse(value: str) -> str:
        if len(value) > cap:
            raise ValueError(f"内容过长：{len(value):,}个字符，此列最多{cap:,}个字符")
        if not lines and ("\n" in value or "\r" in value or "\t" in value):
            raise ValueError("含换行符或制表符：此列应为一行文字（引号是否未闭合？）")
        return value
    return parse


text = _capped(NAME_CAP, lines=False)  # names, titles: one line
note = _capped(NOTE_CAP, lines=True)  # reasons, notes, bases: free text


def reference(value: str) -> str:
    """A project number as the register spells it: full-width characters and stray spaces do not make another one."""
    return sys.intern("".join(_plain(text(value)).split()))


class _Codes(dict):
    """The canonical form of each distinct cell text of an identifier column (RULES.md IDENTIFIERS), worked out once
    however many rows repeat it (relations name the same people often): a repeat is a dict lookup, without a call
    into Python, two million times in a large pool. A refused text raises its reason, every time it recurs."""

    def __init__(self, problem_of: Callable[[str, dt.date], str | None]):
        super().__init__()
        self.problem_of = problem_of
        self.refused: dict[str, str] = {}

    def __missing__(self, value: str) -> str:
        problem = self.refused.get(value)
        if problem is None:
            code = canonical(value)
            problem = self.problem_of(code, dt.date.today()) or ""
            if not problem:
                if len(self) >= _CODES_KEPT:
                    self.clear()
                code = self[value] = sys.intern(code)
                return code
            if len(self.refused) >= _CODES_KEPT:
                self.refused.clear()
            self.refused[value] = problem
        raise ValueError(problem)


_CODES_KEPT = 1 << 18  # distinct texts kept per column kind: a hostile file cannot grow the cache without bound


def _code(problem_of: Callable[[str, dt.date], str | None]) -> Parser:
    """A parser for an identifier column: the canonical form or the reason it is refused."""
    return _Codes(problem_of).__getitem__


id_number = _code(id_number_problem)


def expert_id_number(value: str) -> str:
    """An expert's ID number: besides its form, the birth date in it must make the expert 18 to 100 at the import.
    Checked through ``id_number``'s cache, which the expert's stays and relations then find warm."""
    value = id_number(value)
    problem = expert_birth_problem(value, dt.date.today())
    if problem:
        raise ValueError(problem)
    return value


credit_code = _code(lambda value, _today: credit_code_problem(value))
id_or_credit_code = _code(id_or_credit_code_problem)


def field_code(value: str) -> str:
    value = _plain(value)
    if not _FIELD.fullmatch(value):
        raise ValueError("学科代码应为3、5或7位数字（GB/T 13745）")
    return sys.intern(value)


_YEAR = re.compile(r"\d{4}", re.ASCII)


@lru_cache(maxsize=1024)  # a million and a half year cells in a large pool, a few hundred distinct values
def year(value: str) -> int:
    value = _plain(value)
    if not _YEAR.fullmatch(value) or not 1900 <= int(value) <= 2100:
        raise ValueError("年份应为四位数字，如 2021")
    return int(value)


def date(value: str) -> str:
    """A whole date in one of the usual spellings; ``2026111`` is refused, not guessed as 2026-11-01."""
    value = _plain(value)
    for pattern in _DATES:
        found = pattern.fullmatch(value)
        if found:
            try:
                day = dt.date(*map(int, found.groups()))
            except ValueError:
                raise ValueError(f"日期{value}不存在") from None
            if not 1900 <= day.year <= 2100:
                raise ValueError("日期的年份应在1900至2100之间")
            return day.isoformat()
    raise ValueError("日期格式应为 YYYY-MM-DD，如 2026-03-01")


_RANGE = re.compile(r"\s*(?:至|到|~|～|—|－－|--)\s*")


def date_range(value: str) -> tuple[str, str]:
    """A period written as two dates, 2024-01-01至2026-12-31 (or with 到, ~ or —), its end not before its start."""
    parts = _RANGE.split(_plain(value).replace("～", "~"))
    if len(parts) != 2:
        raise ValueError("起止日期应写成「开始日期至结束日期」，如 2024-01-01至2026-12-31")
    start, end = date(parts[0]), date(parts[1])
    if end < start:
        raise ValueError(f"结束日期 {end} 早于开始日期 {start}")
    return start, end


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
    digits = "".join(_plain(value).replace("-", "").split()).removeprefix("+86")
    if not re.fullmatch(r"1[3-9]\d{9}|0\d{9,11}", digits, re.ASCII):
        raise ValueError("手机号应为11位数字（以1开头）或带区号的固定电话")
    return digits


def email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ValueError("电子邮箱格式不正确")
    return value
