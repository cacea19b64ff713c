"""Panel confirmation (ENTERPRISE_THIRD as it will sit): every seat held by an expert who accepted, the quota checked
on those experts; below quota only with a supervisor's recorded override."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from desktop.domain.calls import STATUSES
from desktop.domain.errors import RuleError, UserError
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
