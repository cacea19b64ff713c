"""The working-day calendar (RULES.md WORKING_DAYS): the State Council's holidays and make-up working days (调休) as
data, and deadlines counted in working days over it.

A day is a working day when it is a make-up working day, or a Monday to Friday that is not a holiday. The program
ships the years known when it was made; a workspace adds or replaces years from the notices. Each year's schedule
is published late in the year before, so the calendar only answers for the years that were entered: a
count that reaches into any other year is refused, never guessed from weekends. Every deadline carries the version
of the data it was counted on (a hash of the years it crossed), so a later correction of a year shows which
deadlines were counted on the old data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.domain.errors import RuleError, UserError

HOLIDAY = "放假"
MAKE_UP = "调休上班"
KINDS = (HOLIDAY, MAKE_UP)
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Day:
    """One day the notice names: a holiday (weekends inside the holiday included) or a make-up working day."""
    day: dt.date
    kind: str
    name: str
    basis: str = ""  # the notice's 文号


@dataclass(frozen=True)
class Year:
    """A year whose schedule was entered, with the notice it came from and where the data was taken from."""
    year: int
    notice: str = ""  # 文号, e.g. 国办发明电〔2025〕7号; empty when the source did not give it
    source: str = ""


@dataclass(frozen=True)
class Deadline:
    start: dt.date
    working_days: int
    due: dt.date
    version: str
    years: tuple[int, ...]

    def to_dict(self) -> dict:
        return {"from": self.start.isoformat(), "working_days": self.working_days, "due": self.due.isoformat(),
                "calendar": {"version": self.version, "years": list(self.years)}}


def not_entered(year: int) -> RuleError:
    return RuleError("WORKING_DAYS", f"WORKING_DAYS {year}年的放假安排尚未录入：请先按国务院办公厅的通知录入"
                                     f"（日历页或 paneldesk calendar import），再计算期限")


def year_hash(year: int, days: Iterable[Day], notice: str = "") -> str:
    """The version of one year's data: its days and its notice, in one canonical spelling."""
    rows = sorted([d.day.isoformat(), d.kind, d.name] for d in days if d.day.year == year)
    text = json.dumps({"year": year, "notice": notice, "days": rows}, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


class WorkingCalendar:
    """The entered years and their days; asks nothing of the clock."""

    def __init__(self, years: Iterable[Year], days: Iterable[Day]):
        self.years: Mapping[int, Year] = {y.year: y for y in years}
        self.days: Mapping[dt.date, Day] = {d.day: d for d in days}

    @classmethod
    def layered(cls, shipped: tuple[Iterable[Year], Iterable[Day]],
                entered: tuple[Iterable[Year], Iterable[Day]]) -> "WorkingCalendar":
        """The years shipped with the program under those the secretariat entered: an entered year takes the place of
        the shipped one whole, and an entered day (a neighbouring year's make-up day) takes the place of that date."""
        years = {y.year: y for y in shipped[0]}
        own_years = {y.year: y for y in entered[0]}
        years.update(own_years)
        days = {d.day: d for d in shipped[1] if d.day.year not in own_years}
        days.update((d.day, d) for d in entered[1])
        return cls(years.values(), days.values())

    def entered(self, year: int) -> bool:
        return year in self.years

    def is_working_day(self, day: dt.date) -> bool:
        if day.year not in self.years:
            raise not_entered(day.year)
        marked = self.days.get(day)
        if marked is not None:
            return marked.kind == MAKE_UP
        return day.weekday() < 5

    def version(self, years: Iterable[int]) -> str:
        """One hash over the data of ``years``: what a deadline counted across them depends on."""
        parts = []
        for year in sorted(set(years)):
            if year not in self.years:
                raise not_entered(year)
            parts.append(f"{year}:{year_hash(year, self.days.values(), self.years[year].notice)}")
        return hashlib.sha256(";".join(parts).encode()).hexdigest()[:16]

    def deadline(self, start: dt.date, working_days: int) -> Deadline:
        """"Within N working days from D": counting starts the day after D, and the N-th working day is the last
        day. A count that reaches a year not entered is refused."""
        if working_days < 1:
            raise UserError(f"工作日数应至少为1（现为{working_days}）")
        day, counted = start, 0
        while counted < working_days:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        years = tuple(range((start + dt.timedelta(days=1)).year, day.year + 1))
        return Deadline(start, working_days, day, self.version(years), years)

    def year_days(self, year: int) -> list[Day]:
        return sorted((d for d in self.days.values() if d.day.year == year), key=lambda d: d.day)


def check_day(day: dt.date, kind: str, name: str, basis: str) -> tuple[str, str] | None:
    """Why a day of a notice cannot stand as given, as (the sheet's column, the reason), or None: a make-up working
    day falls on a weekend (a weekday is a working day already), and every day names its holiday and its notice."""
    if kind not in KINDS:
        return "类型", f"类型应为「{HOLIDAY}」或「{MAKE_UP}」"
    if kind == MAKE_UP and day.weekday() < 5:
        return "类型", f"{day.isoformat()}是星期{WEEKDAYS[day.weekday()]}，本来就是工作日；调休上班日应为周六或周日"
    if not name.strip():
        return "名称", "请填写节日名称（如 国庆节）"
    if not basis.strip():
        return "依据文号", "请填写依据文号（国务院办公厅通知的文号）"
    return None


def notice_year(days: Iterable[Day]) -> int:
    """The year a notice is for: the year most of its holidays fall in (a New Year holiday or its make-up day may
    fall in the last days of the year before)."""
    counts: dict[int, int] = {}
    for d in days:
        if d.kind == HOLIDAY:
            counts[d.day.year] = counts.get(d.day.year, 0) + 1
    if not counts:
        raise UserError("放假安排中没有放假日：一年的安排至少有一个放假日")
    return max(counts, key=lambda y: (counts[y], y))


def holiday_days(name: str, first: dt.date, last: dt.date, make_up: Iterable[dt.date], basis: str) -> list[Day]:
    """One holiday of a notice as the notice words it ("10月1日至7日放假调休，共7天。9月20日（周日）、10月10日（周六）
    上班"): every day from ``first`` to ``last`` off, and the make-up days worked."""
    if last < first:
        raise UserError(f"{name}的放假结束日 {last.isoformat()} 早于开始日 {first.isoformat()}")
    days = [Day(first + dt.timedelta(days=i), HOLIDAY, name, basis) for i in range((last - first).days + 1)]
    days += [Day(d, MAKE_UP, name, basis) for d in make_up]
    for d in days:
        problem = check_day(d.day, d.kind, d.name, d.basis)
        if problem:
            raise UserError(f"{name}：{problem[1]}")
    return days
