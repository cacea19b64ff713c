"""Replacements (NO_SUBSTITUTE): a freed seat goes to the next reserve of its panel's draw order, or, when that
order is used up, to a supplementary draw (补抽) from the pool — never to a name anyone types.

The reserve is taken in its drawn order, passing over who is no longer available: invited to a panel already (one
panel per expert) or to this one, declined in this round, or with a ground against the panel on the current data.
When the seats still held would leave the panel below ENTERPRISE_THIRD, only an enterprise expert can take the seat,
and general reserves before them are passed over, as the draw itself meets the quota by choosing among valid panels.
A supplementary batch is drawn like a first-draw panel (desktop.domain.draw.propose) from its own stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop.domain.draw import next_reserve, propose
from desktop.domain.draw_random import Stream

UNAVAILABLE = "已受邀或已拒绝"
GROUND = "对本组项目有回避事由"
GENERAL = "非企业专家（本座位须由企业专家递补以满足企业专家比例）"


@dataclass(frozen=True)
class Pick:
    expert: str | None  # None: the reserve is used up, a supplementary draw is needed
    passed_over: tuple[tuple[str, str], ...]  # (expert, why) in reserve order, before the pick
    enterprise_needed: bool


def enterprise_shortfall(held_enterprise: Iterable[bool], required: int) -> int:
    """How many enterprise experts the free seats must bring so that the panel meets its quota."""
    return max(0, required - sum(1 for e in held_enterprise if e))


def next_replacement(reserve: Sequence[str], unavailable: Iterable[str], eligible: Iterable[str],
                     enterprise: Mapping[str, bool], need_enterprise: bool) -> Pick:
    """The first reserve who may take the seat (desktop.domain.draw.next_reserve over everyone left out), with
    everyone passed over before them and why."""
    taken, allowed = set(unavailable), set(eligible)
    passed: list[tuple[str, str]] = []
    for expert in reserve:
        why = (UNAVAILABLE if expert in taken else GROUND if expert not in allowed
               else GENERAL if need_enterprise and not enterprise.get(expert, False) else None)
        if why is None:
            break
        passed.append((expert, why))
    pick = next_reserve(reserve, [e for e, _ in passed])
    return Pick(pick, tuple(passed), need_enterprise)


def batch_label(panel: str, batch: int) -> str:
    """The stream label of a supplementary batch (docs/draw.md section 7)."""
    return f"batch:{batch}:{panel}"


def draw_batch(seed: str, panel: str, batch: int, candidates: Iterable[str], excluded: Iterable[str],
               enterprise: Mapping[str, bool], seats: int, enterprise_needed: int) -> list[str] | None:
    """``seats`` experts for a panel, uniform among the compositions of its candidates (canonical order, sorted)
    less ``excluded`` that bring at least ``enterprise_needed`` enterprise experts; None when none exists."""
    out = set(excluded)
    free = sorted(e for e in set(candidates) if e not in out)
    ent, general = [e for e in free if enterprise.get(e, False)], [e for e in free if not enterprise.get(e, False)]
    if len(free) < seats or len(ent) < enterprise_needed or enterprise_needed > seats:
        return None
    return propose(Stream(seed, batch_label(panel, batch)), ent, general, seats, enterprise_needed)
