"""Confirmation calls (TRACEABLE): what a call may record and what the calls of an invitation make of its seat.

An invitation is pending until a call settles it: accepted, declined (with one of the reasons a secretariat writes
down), or unreachable once ``unreachable_after`` calls in a row went unanswered. A decline or an unreachable expert
frees the seat for the reserve (NO_SUBSTITUTE: never for a name the expert or the operator offers).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.errors import UserError

OUTCOMES = {"accepted": "接受", "declined": "拒绝", "unreachable": "未接通", "pending": "待回复"}
STATUSES = {"pending": "待确认", "accepted": "已接受", "declined": "已拒绝", "unreachable": "未接通",
            "replaced": "已递补"}
DECLINE_REASONS = ("时间冲突", "需回避", "身体原因", "其他")
FREED = frozenset(("declined", "unreachable"))  # a seat whose expert will not sit
SETTLED = frozenset(("declined", "unreachable", "replaced"))  # no further call changes these


class CallRefused(UserError):
    """A call that cannot be recorded as given (an unknown outcome, a decline without its reason)."""


@dataclass(frozen=True)
class CallEntry:
    outcome: str
    reason_kind: str = ""
    reason: str = ""


def outcome_of(text: str) -> str:
    """accepted / declined / unreachable / pending, from the code or its Chinese word."""
    value = (text or "").strip()
    for code, word in OUTCOMES.items():
        if value in (code, word):
            return code
    raise CallRefused(f"通话结果应为 {'、'.join(f'{w}（{c}）' for c, w in OUTCOMES.items())} 之一，不是「{value}」")


def check_call(outcome: str, reason: str = "", reason_kind: str = "") -> CallEntry:
    """A decline needs its reason: one of DECLINE_REASONS, and 其他 its own words. ``reason`` may also start with the
    kind (「时间冲突：当天出差」); a reason that names none is 其他. Other outcomes carry no reason."""
    outcome = outcome_of(outcome)
    text, kind = (reason or "").strip(), (reason_kind or "").strip()
    if outcome != "declined":
        if text or kind:
            raise CallRefused(f"只有拒绝需要填写理由；通话结果为「{OUTCOMES[outcome]}」")
        return CallEntry(outcome)
    if not kind:
        kind = next((k for k in DECLINE_REASONS if text.startswith(k)), "其他")
        if text.startswith(kind):
            text = text[len(kind):].lstrip("：:，,、 ")
    if kind not in DECLINE_REASONS:
        raise CallRefused(f"拒绝理由应为 {'、'.join(DECLINE_REASONS)} 之一，不是「{kind}」")
    if kind == "其他" and not text:
        raise CallRefused("拒绝理由为「其他」时须写明具体理由")
    return CallEntry(outcome, kind, text)


def status_after(outcomes: Iterable[str], unreachable_after: int) -> str:
    """An invitation's status from its calls in order: the last answer counts (an expert who accepted may still
    decline before the panel is confirmed); ``unreachable_after`` unanswered calls since the last answer free the
    seat."""
    status, unanswered = "pending", 0
    for outcome in outcomes:
        if outcome == "unreachable":
            unanswered += 1
            if unanswered >= unreachable_after:
                return "unreachable"
        else:
            unanswered = 0
            status = outcome
        if status == "declined":
            return status
    return status


def check_may_call(status: str, name: str) -> None:
    """Calls go to an expert whose seat is still theirs."""
    if status in SETTLED:
        raise CallRefused(f"{name} 的邀请已{STATUSES[status]}，座位已让出，不能再记录通话")
