"""Credit repair (RULES.md CREDIT_REPAIR, 002 第二十四至二十六条): an application is judged against the four
conditions of 第二十五条, each found met or not with the facts it rests on, so that the approver sees why.

Repair may be applied for only by a subject in its penalty period (第二十四条); approval needs all four conditions,
and ends the listing from the decision's date: the record and the decision are kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.errors import RuleError

LEVELS = ("国家级", "省级", "市级", "县级及以下")
COUNTING_LEVELS = LEVELS[:3]  # 市级及以上


@dataclass(frozen=True)
class Penalty:
    """The record repair is asked for, and the dates of the subject's other records (new misconduct)."""
    record_id: int
    penalty_start: dt.date | None
    penalty_end: dt.date | None
    repaired_on: dt.date | None
    other_decisions: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class Application:
    applied_on: dt.date
    corrected: str = ""  # how the misconduct was corrected: rectification done, gains returned, results withdrawn
    commitment: str = ""  # the written commitment
    commendation_date: dt.date | None = None
    commendation_level: str = ""
    commendation: str = ""


@dataclass(frozen=True)
class Condition:
    number: str
    text: str
    met: bool
    facts: str

    def to_dict(self) -> dict:
        return {"condition": self.number, "text": self.text, "met": self.met, "facts": self.facts}


def check_applicable(penalty: Penalty, applied_on: dt.date) -> None:
    """第二十四条: only a subject listed and in its penalty period may apply."""
    if penalty.repaired_on is not None:
        raise RuleError("CREDIT_REPAIR", f"CREDIT_REPAIR 该记录已于{penalty.repaired_on}信用修复")
    if penalty.penalty_start is None or penalty.penalty_end is None:
        raise RuleError("CREDIT_REPAIR", "CREDIT_REPAIR 该记录没有惩戒期（如警告、通报批评），无需也无法申请信用修复")
    if not penalty.penalty_start <= applied_on <= penalty.penalty_end:
        raise RuleError("CREDIT_REPAIR", f"CREDIT_REPAIR 只有在惩戒期内（{penalty.penalty_start}至{penalty.penalty_end}）"
                                         f"才能申请信用修复，申请日为{applied_on}")


def conditions(penalty: Penalty, application: Application) -> tuple[Condition, ...]:
    """The four conditions of 第二十五条 on the application's date."""
    check_applicable(penalty, application.applied_on)
    start, end, day = penalty.penalty_start, penalty.penalty_end, application.applied_on
    total = (end - start).days + 1
    served = (day - start).days + 1
    new = sorted(d for d in penalty.other_decisions if start <= d <= day)
    half = served * 2 > total
    first = Condition(
        "（一）", "惩戒已实施大于惩戒期的一半，且惩戒期内未发生或未发现新的失信行为", half and not new,
        f"惩戒期{start}至{end}共{total}天，至申请日{day}已实施{served}天，" +
        ("超过一半" if half else f"未超过一半（须多于{total / 2:g}天）") + "；" +
        (f"惩戒期内另有失信记录（决定日期{'、'.join(map(str, new))}）" if new else "惩戒期内没有新的失信记录"))
    second = Condition("（二）", "有主动纠正失信行为、消除不良影响等表现", bool(application.corrected.strip()),
                       application.corrected.strip() or "未提供纠正失信行为的情况")
    third = Condition("（三）", "作出书面科研诚信承诺", bool(application.commitment.strip()),
                      application.commitment.strip() or "未提供书面承诺")
    fourth = _commendation(start, application)
    return first, second, third, fourth


def _commendation(start: dt.date, application: Application) -> Condition:
    text = "惩戒实施后获得市级及以上表彰或嘉奖"
    date, level, what = application.commendation_date, application.commendation_level, application.commendation.strip()
    if date is None or not level:
        return Condition("（四）", text, False, "未提供表彰或嘉奖")
    facts = f"{date} {level}{'：' + what if what else ''}"
    if level not in COUNTING_LEVELS:
        return Condition("（四）", text, False, f"{facts}，不是市级及以上")
    if date < start:
        return Condition("（四）", text, False, f"{facts}，在惩戒开始（{start}）之前")
    if date > application.applied_on:
        return Condition("（四）", text, False, f"{facts}，晚于申请日")
    return Condition("（四）", text, True, facts)


def check_approval(found: Iterable[Condition]) -> None:
    """Repair is granted only when every condition holds (第二十五条: 须同时满足)."""
    unmet = [c.number for c in found if not c.met]
    if unmet:
        raise RuleError("CREDIT_REPAIR", f"CREDIT_REPAIR 第二十五条的条件{'、'.join(unmet)}未满足，不能同意修复")
