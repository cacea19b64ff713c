"""Panel confirmation (ENTERPRISE_THIRD as it will sit): every seat held by an expert who accepted, the quota checked
on those experts; below quota only with a supervisor's recorded override. A confirmed member who withdraws before
scoring undoes the panel's confirmation (and the round's)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from desktop.domain.calls import STATUSES
from desktop.domain.errors import RuleError, UserError
from desktop.domain.methods import RoundState
from desktop.domain.quota import QuotaCheck, check_panel


class NotReady(UserError):
    """A panel with a seat not yet held by an accepting expert."""


def check_confirmable(panel: str, seats: Sequence[tuple[str, str, bool]], size: int, fraction: Fraction,
                      override_reason: str = "") -> QuotaCheck:
    """``seats``: (name, status, enterprise) of each seat's current invitation. Every seat accepted, else NotReady
    naming who is missing; below quota, a RuleError unless ``override_reason`` is given."""
    missing = [f"{name}（{STATUSES.get(status, status)}）" for name, status, _ in seats if status != "accepted"]
    if len(seats) < size:
        missing.append(f"{size - len(seats)}个空缺座位（须补抽）")
    if missing:
        raise NotReady(f"评审组「{panel}」还不能确认：尚未接受邀请的有 {'、'.join(missing)}")
    verdict = check_panel([enterprise for _, _, enterprise in seats], size, fraction)
    if not verdict.ok and not override_reason.strip():
        raise RuleError("ENTERPRISE_THIRD", f"{verdict.message}评审组「{panel}」须由监督员登录并写明理由后方可确认")
    return verdict


def state_after_withdrawal(state: str, name: str) -> RoundState:
    """A confirmed member may still withdraw (calls back to decline, falls ill) until scoring starts: their panel is
    confirmed no longer, and a confirmed round goes back to drawn until the refilled panel is confirmed again.
    Once scores are entered a member who does not come is recorded absent instead."""
    now = RoundState(state)
    if now is RoundState.CONFIRMED:
        return RoundState.DRAWN
    if now is RoundState.DRAWN:
        return now
    raise UserError(f"评审轮次当前为「{now.label}」：评分开始后不能再记录{name}退出，未到场的专家请在「承诺与出席」中记为缺席")
