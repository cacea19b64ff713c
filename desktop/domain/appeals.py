"""Appeals and requests for review (APPEAL, 002 第二十二、二十三条): received → accepted / not_accepted → decided.

A subject's request for review of a misconduct record comes within 15 working days of notification; acceptance is
decided within 15 working days of receipt; the result within 90 working days of acceptance, extendable once by six
months with a recorded reason. The decision is made by an approver who did not approve the round's results.
"""

from __future__ import annotations

import calendar
import datetime as dt

from desktop.domain.errors import RuleError, UserError

ACCEPTANCE_WORKING_DAYS = 15
DECISION_WORKING_DAYS = 90
EXTENSION_MONTHS = 6
KINDS = {"appeal": "申诉", "review": "复核申请"}
STATES = {"received": "已收到", "accepted": "已受理", "not_accepted": "不予受理", "decided": "已作出决定"}
_NEXT = {"received": ("accepted", "not_accepted"), "accepted": ("decided",)}


def check_move(state: str, target: str) -> None:
    if target not in _NEXT.get(state, ()):
        raise UserError(f"该申诉（复核申请）当前为“{STATES[state]}”，不能改为“{STATES[target]}”")


def check_in_time(day: dt.date, due: dt.date, what: str) -> None:
    if day > due:
        raise RuleError("APPEAL", f"APPEAL {what}的期限至{due.isoformat()}（含当日），{day.isoformat()}已逾期")


def extended(due: dt.date, months: int = EXTENSION_MONTHS) -> dt.date:
    """``due`` moved by ``months`` calendar months (the last day of a shorter month where the day is missing)."""
    month = due.month - 1 + months
    year, month = due.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(due.day, calendar.monthrange(year, month)[1]))


def check_decider(decider: str, results_approver: str) -> None:
    if decider and decider == results_approver:
        raise RuleError("SEPARATION", f"SEPARATION {decider}审批了本轮评审结果，不能再对针对该结果的申诉作出决定")
