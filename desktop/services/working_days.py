"""The working-day calendar of a workspace (RULES.md WORKING_DAYS): reading it, entering a year from the State
Council's notice (in the window, or from a sheet of 日期, 类型, 名称, 依据文号), and counting deadlines on it.

The program ships the years 2004–2026 (resources/calendar, generated once from the chinese-calendar package); the
workspace keeps the years its secretariat entered, each of which takes the place of a shipped year whole. A notice's
days that fall in a neighbouring year (a New Year holiday that starts on 30 December) are added to that year's days
without entering it, so a count into it is still refused until its own notice is entered.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlmodel import Session, delete, select

from desktop.domain.errors import UserError
from desktop.domain.working_days import HOLIDAY, Day, Deadline, WorkingCalendar, Year, check_day, holiday_days, \
    notice_year
from desktop.services.accounts import Operator, require
from desktop.services.importing.kinds import CALENDAR
from desktop.services.importing.parse import Problems, parse_sheet
from desktop.services.importing.run import ImportRejected
from desktop.services.importing.sheet import UnreadableFile
from desktop.services.importing.sheets import iter_sheets
from desktop.services.uow import change, reading
from desktop.store.calendar_tables import CalendarDay, CalendarYear, Deadline as DeadlineRow


@dataclass(frozen=True)
class Holiday:
    """One holiday of a notice as the window takes it: its name, first and last day off, and its make-up days."""
    name: str
    first: dt.date
    last: dt.date
    make_up: tuple[dt.date, ...] = ()


HOLIDAY_NAMES = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")  # the statutory holidays, in a year's order
SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "calendar" / "cn_2004_2026.csv"
SHIPPED_SOURCE = "随程序提供（chinese-calendar 1.11.0）"


@lru_cache(maxsize=1)
def shipped() -> tuple[tuple[Year, ...], tuple[Day, ...]]:
    """The years the program ships, each named by its notice's title (the source gives no 文号)."""
    with SHIPPED.open(encoding="utf-8", newline="") as handle:
        days = tuple(Day(dt.date.fromisoformat(r["日期"]), r["类型"], r["名称"], r["依据文号"])
                     for r in csv.DictReader(handle))
    years = sorted({d.day.year for d in days if d.kind == HOLIDAY})
    return tuple(Year(y, f"国务院办公厅关于{y}年部分节假日安排的通知", SHIPPED_SOURCE) for y in years), days


def load(session: Session) -> WorkingCalendar:
    years = [Year(r.year, r.notice, r.source) for r in session.exec(select(CalendarYear))]
    days = [Day(dt.date.fromisoformat(r.day), r.kind, r.name, r.basis) for r in session.exec(select(CalendarDay))]
    return WorkingCalendar.layered(shipped(), (years, days))


def calendar(place, op: Operator) -> WorkingCalendar:
    require(op, "calendar.read", place)
    with reading(place) as session:
        return load(session)


def years(place, op: Operator) -> list[dict]:
    """Every year from the first entered to the year after the last, each entered (with its notice and version) or
    not: the list the secretariat reads to see which year must be entered next."""
    found = calendar(place, op)
    if not found.years:
        return []
    first, last = min(found.years), max(found.years) + 1
    return [_year_dict(found, y) for y in range(first, last + 1)]


def _year_dict(found: WorkingCalendar, year: int) -> dict:
    entry = found.years.get(year)
    if entry is None:
        return {"year": year, "status": "未录入", "notice": "", "source": "", "version": None,
                "holidays": 0, "make_up_days": 0}
    days = found.year_days(year)
    return {"year": year, "status": "正式", "notice": entry.notice, "source": entry.source,
            "version": found.version([year]), "holidays": sum(d.kind == HOLIDAY for d in days),
            "make_up_days": sum(d.kind != HOLIDAY for d in days)}


def show_year(place, op: Operator, year: int) -> dict:
    """A year's status and every day its notice names (days of a year not entered are shown if some notice named
    them, with the status saying the year is not entered)."""
    found = calendar(place, op)
    return {**_year_dict(found, year),
            "days": [{"date": d.day.isoformat(), "weekday": "一二三四五六日"[d.day.weekday()], "kind": d.kind,
                      "name": d.name, "basis": d.basis} for d in found.year_days(year)]}


def deadline(place, op: Operator, start: dt.date, working_days: int) -> Deadline:
    """The last day of "within ``working_days`` working days from ``start``", counted, not stored."""
    return calendar(place, op).deadline(start, working_days)


def record_deadline(session: Session, kind: str, target: str, start: dt.date, working_days: int) -> Deadline:
    """Count a deadline inside a caller's change and keep it with the calendar version it used."""
    found = load(session).deadline(start, working_days)
    session.add(DeadlineRow(kind=kind, target=target, start=start.isoformat(), working_days=working_days,
                            due=found.due.isoformat(), calendar_version=found.version,
                            calendar_years=";".join(map(str, found.years)),
                            computed_at=dt.datetime.now().astimezone().isoformat(timespec="seconds")))
    return found


def record_extension(session: Session, kind: str, target: str, due: dt.date, extended: dt.date,
                     calendar_version: str) -> None:
    """Keep a deadline moved by calendar months (an appeal decision's six months) as its own row: counted on no
    working days, it carries the calendar version of the deadline it extends."""
    session.add(DeadlineRow(kind=kind, target=target, start=due.isoformat(), working_days=0,
                            due=extended.isoformat(), calendar_version=calendar_version,
                            calendar_years=";".join(map(str, range(due.year, extended.year + 1))),
                            computed_at=dt.datetime.now().astimezone().isoformat(timespec="seconds")))


def enter_year(place, op: Operator, year: int, notice: str, holidays: Iterable[Holiday]) -> dict:
    """Enter (or enter again) a year from the notice as the window takes it, holiday by holiday."""
    require(op, "calendar.edit", place)
    notice = notice.strip()
    if not notice:
        raise UserError("请填写国务院办公厅通知的文号（如 国办发明电〔2025〕7号）")
    days: list[Day] = []
    for holiday in holidays:
        days += holiday_days(holiday.name.strip(), holiday.first, holiday.last, holiday.make_up, notice)
    if not days:
        raise UserError(f"{year}年的放假安排中没有任何节日：请至少填写一个节日")
    if notice_year(days) != year:
        raise UserError(f"所填的放假日大多在{notice_year(days)}年，不是{year}年：请检查年份或日期")
    _check_unique(days)
    return _write(place, op, "calendar.enter", year, notice, "窗口录入", days)


def _check_unique(days: list[Day]) -> None:
    seen: dict[dt.date, Day] = {}
    for d in days:
        if d.day in seen:
            raise UserError(f"{d.day.isoformat()}同时写在「{seen[d.day].name}」和「{d.name}」中：一天只能有一种安排")
        seen[d.day] = d


def import_calendar(place, op: Operator, path: Path, encoding: str | None = None) -> dict:
    """A notice's days from a sheet (日期, 类型, 名称, 依据文号): every problem by file, row and column, and nothing
    written unless the whole sheet is right. The sheet enters the year most of its holidays fall in."""
    require(op, "calendar.edit", place)
    problems = Problems()
    rows = []
    try:
        with closing(iter_sheets(Path(path), encoding)) as sheets:
            for sheet in sheets:
                parsed = parse_sheet(sheet, problems, kind=CALENDAR)
                if parsed is not None:
                    rows.append(parsed)
    except UnreadableFile as error:
        problems.add(path, "", None, "", "", str(error))
    days: list[Day] = []
    seen: dict[str, tuple[str, int]] = {}
    for parsed in rows:
        at = {k: parsed.index(k) for k in ("day", "kind", "name", "basis")}
        for number, values in parsed.values:
            day = dt.date.fromisoformat(values[at["day"]])
            if values[at["day"]] in seen:
                problems.add(path, parsed.sheet.name, number, "日期", values[at["day"]],
                             f"与「{seen[values[at['day']]][0]}」第{seen[values[at['day']]][1]}行重复")
                continue
            seen[values[at["day"]]] = (parsed.sheet.name, number)
            problem = check_day(day, values[at["kind"]], values[at["name"]], values[at["basis"]])
            if problem:
                problems.add(path, parsed.sheet.name, number, problem[0], values[at["day"]], problem[1])
                continue
            days.append(Day(day, values[at["kind"]], values[at["name"]], values[at["basis"]]))
    year = None
    if not problems:
        if not days:
            problems.add(path, "", None, "", "", "没有可导入的数据行：表中只有表头")
        else:
            year = notice_year(days)
            for d in days:
                if abs(d.day.year - year) > 1:
                    problems.add(path, "", None, "日期", d.day.isoformat(),
                                 f"这份安排是{year}年的，不能含有{d.day.year}年的日期")
    if problems:
        raise ImportRejected(problems.items, problems.total)
    notices = sorted({d.basis for d in days if d.day.year == year and d.kind == HOLIDAY})
    return _write(place, op, "calendar.import", year, "；".join(notices), f"导入 {Path(path).name}", days)


def _write(place, op: Operator, action: str, year: int, notice: str, source: str, days: list[Day]) -> dict:
    with change(place, op, action, f"{year}年") as unit:
        session = unit.session
        before = load(session)
        if year in before.years:
            unit.before = {"year": year, "notice": before.years[year].notice,
                           "version": before.version([year]),
                           "days": len(before.year_days(year))}
        session.execute(delete(CalendarDay).where(CalendarDay.day.between(f"{year}-01-01", f"{year}-12-31")))
        session.execute(delete(CalendarYear).where(CalendarYear.year == year))
        neighbours = [d.day.isoformat() for d in days if d.day.year != year]
        if neighbours:
            session.execute(delete(CalendarDay).where(CalendarDay.day.in_(neighbours)))
        session.flush()
        session.add(CalendarYear(year=year, notice=notice, source=source, entered_by=op.name,
                                 entered_at=dt.datetime.now().astimezone().isoformat(timespec="seconds")))
        session.add_all(CalendarDay(day=d.day.isoformat(), kind=d.kind, name=d.name, basis=d.basis) for d in days)
        session.flush()
        after = load(session)
        result = _year_dict(after, year)
        unit.after = {"year": year, "notice": notice, "source": source, "version": result["version"],
                      "days": len(after.year_days(year)), "neighbouring_days": neighbours}
    return result
