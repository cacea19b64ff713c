"""The look-back window of RULES.md §2: which past stays and collaborations still bind an expert.

Whole calendar years are compared, because the sources (CVs, personnel files) record years, not dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    first: int
    last: int


def look_back(review_date: dt.date, years: int) -> Window:
    """Calendar years (Y − N)..Y inclusive, Y the year of the review date."""
    return Window(review_date.year - years, review_date.year)


def overlaps(from_year: int | None, to_year: int | None, window: Window) -> bool:
    """Whether a period of years touches the window; None from means "since always", None to means "still"."""
    return (from_year is None or from_year <= window.last) and (to_year is None or to_year >= window.first)
