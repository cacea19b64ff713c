"""CORRECTIONS: what may still be corrected, and when.

A mistake can be put right until the step it belongs to is done: a round's name, date, method and settings while it
is a draft (opening freezes them, ONE_METHOD), its panels until the draw, a person's contact details at any time.
What a completed step produced is never changed here.
"""

from __future__ import annotations

import datetime as dt

from desktop.domain.errors import RuleError, UserError
from desktop.domain.methods import RoundState

PANELS_OPEN = (RoundState.DRAFT, RoundState.OPENED)  # panels are the draw's input: fixed once it is made


class BadValue(UserError, ValueError):
    """A corrected value that cannot stand: an empty name, a name already taken."""


class NeedsConfirmation(UserError):
    """The value is allowed only when the user confirms it (a review date already past); asking again with the
    confirmation given goes through."""


def check_round_correctable(state: RoundState | str, what: str) -> None:
    """A round's own record (name, date, method, settings) and its deletion: only while it is a draft."""
    now = RoundState(state)
    if now is not RoundState.DRAFT:
        raise RuleError("CORRECTIONS", f"评审轮次已处于「{now.label}」状态，不能再{what}：只有草稿状态的轮次可以修改或删除"
                                       "（开启后评审方法和规则即冻结）")


def check_panels_correctable(state: RoundState | str) -> None:
    """Panels (name, size, applications, removal) until the draw, which is made from them."""
    now = RoundState(state)
    if now not in PANELS_OPEN:
        raise RuleError("CORRECTIONS", f"评审轮次已处于「{now.label}」状态：评审组是抽取的依据，抽取后不能再修改；"
                                       "如需调整，请说明理由后重新抽取")


def clean_name(name: str, what: str) -> str:
    """A name as stored: trimmed, and never empty."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise BadValue(f"{what}名称不能为空")
    return cleaned


def check_review_date(review_date: dt.date, today: dt.date, confirmed: bool) -> None:
    """A review date in the past is most often a typing slip: it needs the user's explicit confirmation."""
    if review_date < today and not confirmed:
        raise NeedsConfirmation(f"评审日期 {review_date.isoformat()} 早于今天（{today.isoformat()}），请确认日期无误")


def check_panel_size(size: int) -> None:
    if size < 1:
        raise BadValue("评审组人数至少为1")


EXPERT_STATUSES = ("active", "inactive")  # 在库 / 停用: an inactive expert stays on record but is never drawn


def check_expert_status(status: str) -> str:
    if status not in EXPERT_STATUSES:
        raise BadValue(f"专家状态应为 {'、'.join(EXPERT_STATUSES)} 之一：{status}")
    return status
