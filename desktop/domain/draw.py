"""The draw (FAIR_DRAW): every valid panel equally likely, reproducible from the seed by anyone (docs/draw.md).

Panels are drawn in their order. A panel's candidates are its eligible experts (no recusal ground) not already on an
earlier panel when one panel per expert applies, in canonical order (sorted by ID number). Its composition is drawn
uniformly among the compositions that meet ENTERPRISE_THIRD: first the number e of enterprise members, with
probability C(E, e)·C(G, k − e) / Σ (E enterprise and G other candidates, k seats), then e enterprise experts and
k − e others, each as the first of a seeded order. When one panel per expert applies and the rest of the round could
no longer be drawn with that panel, the proposal is rejected and the next one taken from the same stream: what is
kept is uniform among the valid panels given the panels before it, and the draw never dead-ends.

A panel's reserve is a plain seeded order of its eligible experts who sit on no panel: the quota is met by choosing
among valid panels, never by pushing one class forward or back. One expert may stand in the reserve of several
panels; the first panel to call them takes them, and they leave the others' lists (``next_reserve``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from math import comb
from typing import Any

from desktop.domain.draw_feasibility import DrawInfeasible, Feasibility
from desktop.domain.draw_random import Stream, seeded_prefix
from desktop.domain.methods import RoundSettings
from desktop.domain.quota import enterprise_required

__all__ = ["DrawInfeasible", "DrawResult", "PanelDraw", "PanelSpec", "canonical_json", "draw_panels",
           "next_reserve", "shared_reserves"]


def canonical_json(obj: Any) -> str:
    """One spelling per value (sorted keys, no spaces, fractions as text), for recording a draw's inputs."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


@dataclass(frozen=True)
class PanelSpec:
    key: str
    name: str
    size: int


@dataclass(frozen=True)
class PanelDraw:
    key: str
    name: str
    members: tuple[tuple[str, bool], ...]
    reserve: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "reserve": list(self.reserve),
                "members": [{"expert": e, "enterprise": ent} for e, ent in self.members]}


@dataclass(frozen=True)
class DrawResult:
    seed: str
    panels: tuple[PanelDraw, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"seed": self.seed, "panels": [p.to_dict() for p in self.panels]}


def propose(stream: Stream, enterprise: Sequence[str], general: Sequence[str], size: int, need: int) -> list[str]:
    """One composition drawn uniformly among those with at least ``need`` enterprise members: the enterprise count
    by its exact share of the valid compositions, then the members as the first of seeded orders (enterprise experts
    first, then the others)."""
    weights = [(e, comb(len(enterprise), e) * comb(len(general), size - e))
               for e in range(need, min(size, len(enterprise)) + 1) if size - e <= len(general)]
    pick = stream.below(sum(w for _, w in weights))
    for count, weight in weights:
        if pick < weight:
            break
        pick -= weight
    return seeded_prefix(stream, enterprise, count) + seeded_prefix(stream, general, size - count)


def draw_panels(panels: Sequence[PanelSpec], eligible: Mapping[str, Iterable[str]], enterprise: Mapping[str, bool],
                settings: RoundSettings, seed: str, names: Mapping[str, str] | None = None) -> DrawResult:
    """Draw every panel, with reserves; raise DrawInfeasible naming the panels short and what they lack.

    ``seed`` is the hex seed of draw_random.seed_of; ``eligible`` maps a panel key to the experts with no ground
    against it (recusal); ``names`` only makes the messages readable. Without one panel per expert, panels are drawn
    independently.
    """
    candidates = [sorted(set(eligible.get(p.key, ()))) for p in panels]
    required = [enterprise_required(p.size, settings.enterprise_fraction) for p in panels]
    oracle = Feasibility([p.name for p in panels], [p.key for p in panels], [p.size for p in panels], required,
                         candidates, enterprise, names or {})
    oracle.check_each_alone()
    one_panel = settings.one_panel_per_expert
    witness = oracle.witness(0, set()) if one_panel else None
    if one_panel and witness is None:
        raise oracle.joint_shortage()
    taken: set[str] = set()
    chosen: list[list[str]] = []
    for i, spec in enumerate(panels):
        stream = Stream(seed, "panel:" + spec.key)
        free = [e for e in candidates[i] if e not in taken]
        ent, general = [e for e in free if enterprise[e]], [e for e in free if not enterprise[e]]
        while True:
            members = propose(stream, ent, general, spec.size, required[i])
            if not one_panel:
                break
            kept = oracle.keeps_feasible(i, members, witness, taken)
            if kept is not None:
                witness = kept
                break
        if one_panel:
            taken.update(members)
        chosen.append(members)
    drawn = {e for members in chosen for e in members}
    result = []
    for i, spec in enumerate(panels):
        blocked = drawn if one_panel else set(chosen[i])
        rest = [e for e in candidates[i] if e not in blocked]
        reserve = seeded_prefix(Stream(seed, "reserve:" + spec.key), rest, settings.reserve_for(spec.size))
        result.append(PanelDraw(spec.key, spec.name, tuple((e, bool(enterprise[e])) for e in chosen[i]),
                                tuple(reserve)))
    return DrawResult(seed, tuple(result))


def shared_reserves(reserves: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """For each expert on more than one panel's reserve list, those panels in order: whoever calls them first
    takes them."""
    where: dict[str, list[str]] = {}
    for panel, experts in reserves.items():
        for e in experts:
            where.setdefault(e, []).append(panel)
    return {e: panels for e, panels in where.items() if len(panels) > 1}


def next_reserve(reserve: Sequence[str], unavailable: Iterable[str]) -> str | None:
    """The panel's next replacement (NO_SUBSTITUTE): its first reserve who is not unavailable — a member of any
    panel, or a reserve another panel already called (one panel per expert), or one who declined. None when the
    list is used up (a redraw is then needed)."""
    out = set(unavailable)
    return next((e for e in reserve if e not in out), None)
