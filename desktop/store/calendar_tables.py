"""The working-day calendar of a workspace: the years entered with their notice, the days each notice names, and
every deadline the program counted on them with the calendar version it used (RULES.md WORKING_DAYS)."""

from __future__ import annotations

from typing import Optional

from sqlmodel import Field, SQLModel


class CalendarYear(SQLModel, table=True):
    """A year whose schedule was entered; a year without a row is not entered, and no deadline reaches into it."""
    __tablename__ = "calendar_year"
    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    notice: str = ""  # the notice's 文号 (or its title where the source gave no number)
    source: str = ""  # where the data came from: the library it was seeded from, a file, the window
    entered_by: str = ""
    entered_at: str = ""


class CalendarDay(SQLModel, table=True):
    """A day the State Council's notice names: 放假 (weekend days inside a holiday included) or 调休上班."""
    __tablename__ = "calendar_day"
    id: Optional[int] = Field(default=None, primary_key=True)
    day: str = Field(unique=True)  # ISO date
    kind: str  # 放假 / 调休上班
    name: str  # the holiday, e.g. 国庆节
    basis: str = ""  # 依据文号


class Deadline(SQLModel, table=True):
    """A deadline counted in working days, kept with the calendar version (hash of the years' data) it used, so a
    later correction of a year shows which deadlines were counted on the old data."""
    __tablename__ = "deadline"
    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str  # what it limits, e.g. 复核申请
    target: str  # what it belongs to, e.g. integrity_record 12
    start: str  # ISO date D of "within N working days from D"
    working_days: int
    due: str  # ISO date, the last day
    calendar_version: str
    calendar_years: str  # the years counted across, e.g. 2026;2027
    computed_at: str
