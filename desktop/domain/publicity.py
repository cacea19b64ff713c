"""The publicity period (PUBLICITY): the approved results' recommended applications are publicly noticed for N working
days (default 5) from the start; an objection after the end is recorded as late; the list is final once the period
has ended and every objection is answered."""

from __future__ import annotations

import datetime as dt

from desktop.domain.errors import RuleError

DEFAULT_WORKING_DAYS = 5
DECISIONS = {"upheld": "异议成立", "dismissed": "异议不成立"}


def is_late(received_on: dt.date, end: dt.date) -> bool:
    return received_on > end


def check_final(today: dt.date, end: dt.date, unanswered: list[str]) -> None:
    """Refuse to make the list final before the period ends or while an objection waits for its answer."""
    if today <= end:
        raise RuleError("PUBLICITY", f"PUBLICITY 公示期至{end.isoformat()}（含当日）结束，期满后才能确认公示名单")
    if unanswered:
        raise RuleError("PUBLICITY", f"PUBLICITY 还有{len(unanswered)}条异议未答复（{'、'.join(unanswered)}），"
                                     "答复后才能确认公示名单")


def check_decision(decision: str, answer: str) -> None:
    if decision not in DECISIONS:
        raise RuleError("PUBLICITY", f"PUBLICITY 异议的处理结论只能是：{'、'.join(DECISIONS.values())}")
    if not answer.strip():
        raise RuleError("PUBLICITY", "PUBLICITY 答复异议须写明答复内容")
