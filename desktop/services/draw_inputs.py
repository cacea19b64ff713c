"""What a draw is computed from, read once: the round's panels and rules, each panel's eligible experts after
recusal, who counts as an enterprise expert, and the pool hash that binds them. The draw, its replay and its
verification all read the same, so they recompute the same panels."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from sqlmodel import Session, select

from desktop.domain.draw import DrawResult, PanelSpec, canonical_json, draw_panels
from desktop.domain.methods import RoundSettings
from desktop.domain.recusal import Conflicts
from desktop.services.conflicts import load_round
from desktop.services.gc_pause import gc_paused
from desktop.services.rounds import get_round, method_of, settings_of
from desktop.store.round_tables import Panel
from desktop.store.snapshot import pool_hash


@dataclass(frozen=True)
class PanelRow:
    id: int
    name: str
    size: int
    fields: str


@dataclass(frozen=True)
class DrawInputs:
    panels: list[PanelRow]
    settings: RoundSettings
    conflicts: Conflicts
    eligible: dict[str, list[str]]
    enterprise: dict[str, bool]  # who counts toward ENTERPRISE_THIRD at this round
    basis: dict[str, str]  # why (kept with each drawn expert)
    names: dict[str, str]
    rules: str  # canonical JSON: method, settings, review date, panels with their applications
    pool_hash: str

    @cached_property
    def candidates_hash(self) -> str:
        """SHA-256 over what the panels are drawn from besides the seed and the rules: each panel's eligible experts
        and whether each counts as an enterprise expert (spelled in docs/draw.md section 2). The commitment keeps it,
        so a draw refuses a commitment whose candidates changed since it was shown, even by a change to the pool made
        outside PanelDesk (which the pool hash, read from the digests PanelDesk keeps, would not see until a
        verify)."""
        digest = hashlib.sha256(b"PanelDesk draw candidates v1\x00")
        for panel in sorted(self.eligible):
            digest.update(f"{panel}\x1e".encode("utf-8"))
            digest.update("".join(f"{e}\x1f{int(self.enterprise[e])}\x1d" for e in self.eligible[panel]).encode("utf-8"))
        return digest.hexdigest()

    def draw(self, seed: str) -> DrawResult:
        specs = [PanelSpec(p.name, p.name, p.size) for p in self.panels]
        with gc_paused():
            return draw_panels(specs, self.eligible, self.enterprise, self.settings, seed, self.names)


def read_inputs(session: Session, round_id: int, between: Callable[[], None] | None = None) -> DrawInputs:
    """The round's draw inputs; ``between()`` is called after the pool is read and recusal computed."""
    row = get_round(session, round_id)
    panels = [PanelRow(*row) for row in session.execute(
        select(Panel.id, Panel.name, Panel.size, Panel.fields).where(Panel.round_id == round_id)
        .order_by(Panel.position))]
    with gc_paused():  # the pool, its conflicts and every panel's candidates: a million objects, no cycles
        conflicts = load_round(session, round_id).conflicts
        if between is not None:
            between()
        eligible = {p.name: conflicts.eligible_for_panel(p.name, [f for f in p.fields.split(";") if f])
                    for p in panels}
        enterprise = {e: status.counts for e, status in conflicts.enterprise.items()}
        basis = {e: status.basis for e, status in conflicts.enterprise.items()}
        names = {e: expert.name for e, expert in conflicts.experts.items()}
    settings = settings_of(row)
    rules = canonical_json({"method": method_of(row).to_dict(), "settings": settings.to_dict(),
                            "review_date": row.review_date,
                            "panels": [{"name": p.name, "size": p.size, "fields": p.fields,
                                        "applications": list(conflicts.panels.get(p.name, ()))} for p in panels]})
    return DrawInputs(panels, settings, conflicts, eligible, enterprise, basis, names, rules, pool_hash(session, rules))
