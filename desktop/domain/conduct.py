"""Each seated expert's conduct in a round (EXPERT_CONDUCT, 001 第八章第二节, 002 第十一条), recorded within 2 working
days after the review, with an optional rating out of 100; a number of low ratings within a period flags the expert
for a review of pool membership, what counts as low, how many and in what period being the workspace's setting.
Closing a round waits for every seated expert's record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.domain.errors import RuleError

DUE_WORKING_DAYS = 2
CONDUCTS = {"present": "按时出席", "absent": "无故缺席", "replaced": "被替换", "late_conflict": "未及时申报回避",
            "leaked": "泄露评审信息", "lobbied": "说情打招呼", "unqualified": "评审意见不专业"}


@dataclass(frozen=True)
class LowRatings:
    """``count`` ratings under ``below`` within ``days`` days (the review dates') flag an expert; the defaults until
    the workspace sets its own."""
    below: int = 60
    count: int = 2
    days: int = 730

    def check(self) -> None:
        if not 1 <= self.below <= 100:
            raise RuleError("EXPERT_CONDUCT", f"EXPERT_CONDUCT 低分线应在1至100分之间，{self.below}不在其中")
        if self.count < 1 or self.days < 1:
            raise RuleError("EXPERT_CONDUCT", "EXPERT_CONDUCT 低分次数和统计期（天）都应至少为1")

    def words(self) -> str:
        return f"{self.days}天内{self.count}次评价低于{self.below}分"


def check(codes: list[str], rating: int | None) -> None:
    unknown = [c for c in codes if c not in CONDUCTS]
    if not codes or unknown:
        raise RuleError("EXPERT_CONDUCT", "EXPERT_CONDUCT 评审行为只能是：" + "、".join(
            f"{code}（{word}）" for code, word in CONDUCTS.items()))
    if "present" in codes and ("absent" in codes or "replaced" in codes):
        raise RuleError("EXPERT_CONDUCT", "EXPERT_CONDUCT 同一位专家不能既“按时出席”又“无故缺席”或“被替换”")
    if rating is not None and not 0 <= rating <= 100:
        raise RuleError("EXPERT_CONDUCT", f"EXPERT_CONDUCT 评价分为0至100分，{rating}不在其中")


def flagged(ratings: list[tuple[dt.date, int]], today: dt.date, rule: LowRatings = LowRatings()) -> bool:
    """Whether the expert's low ratings within the period reach the number that calls for a review of membership."""
    since = today - dt.timedelta(days=rule.days)
    return sum(1 for day, rating in ratings if day >= since and rating < rule.below) >= rule.count


def closing_missing(publicity_final: bool, unanswered: int, without_conduct: list[str]) -> list[str]:
    """What still stands before a round can be closed, one sentence each."""
    missing = [] if publicity_final else ["公示名单尚未确认（公示期满且异议均已答复后确认）"]
    if unanswered:
        missing.append(f"还有{unanswered}条异议未答复")
    if without_conduct:
        missing.append(f"还有{len(without_conduct)}位专家未登记评审行为：{'、'.join(without_conduct)}")
    return missing
