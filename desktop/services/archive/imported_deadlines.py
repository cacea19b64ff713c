"""The deadlines of an imported round (desktop.services.archive.sections.calendar) written into this workspace: each
of the round's and its appeals' deadline rows as a row of the imported round and appeals, counted as it was (the
calendar version and years it used kept), and each year of the archived calendar that this workspace has not entered,
so that the deadlines count again here and in an archive of the round made here (a year already here is kept as it
is, and a different version of it is reported, as a person's differing details are)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from desktop.domain.errors import UserError
from desktop.domain.working_days import Day
from desktop.services.working_days import load
from desktop.store.calendar_tables import CalendarDay, CalendarYear, Deadline


def import_deadlines(session: Session, rows: list[dict], source_round: int, round_id: int,
                     appeals: dict[int, int]) -> int:
    """The round's deadlines and its appeals', now of the imported round (``round_id``) and appeals (``appeals``
    maps the archive's appeal numbers to this workspace's); how many."""
    targets = {f"round:{source_round}": f"round:{round_id}"} | {f"appeal:{a}": f"appeal:{b}" for a, b in appeals.items()}
    for row in rows:
        if row["target"] not in targets:
            raise UserError(f"归档中的期限「{row['kind']}」属于 {row['target']}，不是本轮或其申诉的：没有导入任何内容")
        session.add(Deadline(**(row | {"target": targets[row["target"]]})))
    return len(rows)


def import_years(session: Session, years: list[dict], actor: str, file_name: str) -> tuple[list[int], list[str]]:
    """The archived calendar's years this workspace lacks, entered as the archive has them (verify checked each
    against its version); (the years added, the differences of the years it has)."""
    here = load(session)
    added, differences = [], []
    for entry in years:
        year = entry["year"]
        days = [Day(dt.date.fromisoformat(day), kind, name, basis) for day, kind, name, basis in entry["days"]]
        if year in here.years:
            if here.version([year]) != entry["version"]:
                differences.append(f"工作日日历 {year} 年：本库依据「{here.years[year].notice}」，归档依据"
                                   f"「{entry['notice']}」，两者的放假安排不同（保留本库的）")
            continue
        session.add(CalendarYear(year=year, notice=entry["notice"], source=f"归档导入：{file_name}",
                                 entered_by=actor,
                                 entered_at=dt.datetime.now().astimezone().isoformat(timespec="seconds")))
        known = set(session.exec(select(CalendarDay.day)))  # a neighbouring year's make-up day entered here stays
        session.add_all(CalendarDay(day=d.day.isoformat(), kind=d.kind, name=d.name, basis=d.basis)
                        for d in days if d.day.isoformat() not in known)
        added.append(year)
    session.flush()
    return added, differences
