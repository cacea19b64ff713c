"""What the window and the command line enter a misconduct record and a repair application from: 002's violations
(第九至十三条) and measures (第十八条), the commendation levels of 第二十五条(四), and the value types the services
take. The rules behind them stay in ``desktop.domain``; this is the part of them a face needs."""

from __future__ import annotations

from desktop.domain.credit_repair import LEVELS, Application
from desktop.domain.misconduct import MEASURES, NUMERALS, ORGANISATION_ARTICLES, VIOLATIONS, Entered, choices, \
    measure_ref

__all__ = ["Application", "Entered", "LEVELS", "MEASURES", "NUMERALS", "ORGANISATION_ARTICLES", "VIOLATIONS",
           "choices", "measure_ref"]
