"""Stays and what follows from them outside a round: the undated stays an import keeps in step with the dated
history, and who counts as an enterprise expert today (listings, the dashboard).

The store reads the rows and applies the changes; what to add, end or drop and who counts are the domain's
decisions (desktop.domain.employers), so each rule has one home.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlmodel import Session

from desktop.domain.employers import EnterpriseStatus, classify_experts, settle_undated
from desktop.services.gc_pause import gc_paused
from desktop.store import bulk
from desktop.store.snapshot import enterprise_rows


def settle_stays(session: Session, year: int) -> None:
    """Inside the import's transaction; ``year`` is the year of the import, when a moved expert's old stay ends."""
    stays, declared = bulk.stays_and_employers(session)
    changes = settle_undated(stays, declared)
    bulk.change_stays(session, changes.add, changes.end, changes.drop, year)


def enterprise_today(session: Session, only: Collection[str] | None = None) -> dict[str, EnterpriseStatus]:
    """ID number → whether the expert counts as an enterprise expert this year, and why (of the experts ``only``
    names, if given); a round derives it again for its own review year."""
    with gc_paused():  # the whole pool's rows and their classes: see desktop.services.gc_pause
        experts, stays, kinds = enterprise_rows(session, only)
        return classify_experts(experts, stays, kinds, dt.date.today().year)
