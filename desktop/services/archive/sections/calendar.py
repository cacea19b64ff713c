"""The working-day calendar the round's deadlines were counted on (RULES.md WORKING_DAYS): each year they reach, with
its notice, its days and its version (the hash a deadline keeps), and the round's deadlines themselves (the
publicity's end, the appeal period after the outcome notices, each appeal's acceptance and decision), so a verifier
can count every deadline again on the archived calendar and see it lands where the round says.

The workspace keeps a year's current data only: a deadline counted before its year was corrected keeps the older
version, which the archive cannot show, and verify says so rather than calling it wrong."""

from __future__ import annotations

import datetime as dt

from sqlmodel import or_, select

from desktop.domain.errors import UserError
from desktop.domain.working_days import Day, WorkingCalendar, Year, year_hash
from desktop.services.archive.members import Source, json_member
from desktop.services.working_days import load
from desktop.store.after_review_tables import Appeal
from desktop.store.calendar_tables import Deadline

CALENDAR = "data/calendar.json"


def members(source: Source):
    session, round_id = source.session, source.round_id
    appeals = [f"appeal:{a}" for a in session.exec(select(Appeal.id).where(Appeal.round_id == round_id))]
    deadlines = list(session.exec(select(Deadline).where(or_(Deadline.target == f"round:{round_id}",
                                                             Deadline.target.in_(appeals))).order_by(Deadline.id)))
    found = load(session)
    years = sorted({int(y) for d in deadlines for y in d.calendar_years.split(";") if y} & set(found.years))
    yield json_member(CALENDAR, {
        "years": [{"year": y, "notice": found.years[y].notice, "source": found.years[y].source,
                   "version": year_hash(y, found.days.values(), found.years[y].notice),
                   "days": [[d.day.isoformat(), d.kind, d.name, d.basis] for d in found.year_days(y)]}
                  for y in years],
        "deadlines": [d.model_dump(exclude={"id"}) for d in deadlines]})


def problems(data: dict) -> tuple[list[str], list[str]]:
    """(problems, notes) of the archived calendar: each year's days and notice must hash to the version listed, and
    each deadline counted on the version it names must fall on the day it names."""
    found, notes = [], []
    years, days = [], []
    for entry in data["years"]:
        own = [Day(dt.date.fromisoformat(day), kind, name, basis) for day, kind, name, basis in entry["days"]]
        if year_hash(entry["year"], own, entry["notice"]) != entry["version"]:
            found.append(f"工作日日历 {entry['year']} 年的放假安排与其版本号不符（日历被改动）")
        years.append(Year(entry["year"], entry["notice"], entry["source"]))
        days += own
    calendar = WorkingCalendar(years, days)
    for row in data["deadlines"]:
        what = f"期限「{row['kind']}」（{row['target']}，自 {row['start']} 起 {row['working_days']} 个工作日）"
        try:
            counted = calendar.deadline(dt.date.fromisoformat(row["start"]), row["working_days"])
        except (UserError, ValueError) as error:  # a year the archive's calendar lacks: WORKING_DAYS
            found.append(f"{what}无法按归档的日历重算：{error}")
            continue
        if counted.version != row["calendar_version"]:
            notes.append(f"{what}是按日历的较早版本计算的（其后该年的放假安排有更正），归档中只有现行版本")
        elif counted.due.isoformat() != row["due"]:
            found.append(f"{what}按归档的日历应到 {counted.due.isoformat()}，记录为 {row['due']}")
    return found, notes
