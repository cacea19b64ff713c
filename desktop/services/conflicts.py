"""Conflicts of a round: every recusal ground of every (expert, application) pair, with the facts behind it."""

from __future__ import annotations

import os
import threading
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain.grounds import TITLES, GroundCode, explain
from desktop.domain.ids import canonical
from desktop.domain.pool import RoundCase
from desktop.domain.recusal import Conflicts, compute_conflicts
from desktop.services.accounts import Operator, require
from desktop.services.gc_pause import gc_paused
from desktop.services.rounds import NotFound, RoundRef, get_round, round_id_in
from desktop.services.uow import reading, workspace_of
from desktop.store.snapshot import load_case, pool_from_rows, raw_pool_rows
from desktop.store.tables import AuditEntry
from desktop.store.workspace import Workspace


@dataclass(frozen=True)
class LoadedRound:
    case: RoundCase
    conflicts: Conflicts


def load_round(session: Session, round_id: int, experts: Collection[str] | None = None) -> LoadedRound:
    """The pool and one round read from the workspace, with every ground computed; of ``experts`` alone when given
    (scoring asks only about the seated members, a few thousand of a pool of tens of thousands)."""
    get_round(session, round_id)
    with gc_paused():
        case = load_case(session, round_id)
        return LoadedRound(case, compute_conflicts(pool_from_rows(raw_pool_rows(session, round_id, experts, shared=True)), case))


# The conflicts last computed, for the questions the window asks about them one at a time (one application's
# excluded experts, one pair's grounds in words): computing them again costs seconds on a large pool. Kept while the
# workspace is unchanged, as the audit log's head and the database files' sizes and times say.
_kept: tuple[tuple, Conflicts] | None = None
_kept_lock = threading.Lock()


def _state(place: Path | Workspace, session: Session, round_id: int) -> tuple:
    root = workspace_of(place).root
    head = session.exec(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    files = []
    for name in ("paneldesk.db", "paneldesk.db-wal"):
        try:
            found = os.stat(root / name)
        except OSError:
            continue
        files.append((name, found.st_size, found.st_mtime_ns))
    return str(root), round_id, head, tuple(files)


def round_conflicts(place: Path | Workspace, op: Operator, round_id: int | RoundRef) -> Conflicts:
    """The round's conflicts; the same object again while nothing in the workspace changed (a draw never uses
    this: it computes them inside its own transaction)."""
    global _kept
    require(op, "conflicts.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        state = _state(place, session, round_id)
        with _kept_lock:
            if _kept is not None and _kept[0] == state:
                return _kept[1]
        found = load_round(session, round_id).conflicts
    with _kept_lock:
        _kept = (state, found)
    return found


def _pair(conflicts: Conflicts, application: str, expert: str) -> dict:
    return {"application": application, "expert": expert, "expert_name": conflicts.experts[expert].name,
            "grounds": [g.to_dict() for g in conflicts.grounds_for(application, expert)]}


def conflict_pairs(conflicts: Conflicts, application: str | None = None, expert: str | None = None) -> list[dict]:
    """Excluded pairs. Without a filter FIELD-only pairs are left out (they are most of a large pool); with one,
    every pair of that application or expert that has any ground is listed."""
    expert = None if expert is None else canonical(expert)
    if application is not None and application not in conflicts.applications:
        raise NotFound(f"项目 {application} 不在本轮任何评审组中")
    if expert is not None and expert not in conflicts.experts:
        raise NotFound(f"专家 {expert} 不在专家库中")
    numbers = [application] if application else list(conflicts.applications)
    pairs = []
    for number in numbers:
        if application is None and expert is None:
            excluded = conflicts.for_application(number)
            experts = sorted(excluded)
        else:
            experts = [expert] if expert else sorted(conflicts.experts)
        for person in experts:
            pair = _pair(conflicts, number, person)
            if pair["grounds"]:
                pairs.append(pair)
    return pairs


def ground_title(code: str) -> str:
    """The short Chinese title of a ground (SELF: 本人参与), as the window's tables name it."""
    return TITLES[GroundCode(code)]


def explanation(conflicts: Conflicts, application: str, expert: str) -> list[str]:
    """Every ground of one pair as a Chinese sentence; an empty list means the expert may review it."""
    expert = canonical(expert)
    conflict_pairs(conflicts, application, expert)  # raises NotFound for unknown keys
    sentences = [explain(g) for g in conflicts.grounds_for(application, expert)]
    sentences += [f"（提示，不构成回避）专家有未设惩戒期的诚信记录：{n['violation']}（{n['decided_by']}，{n['decision_date']}）"
                  for n in conflicts.notes.get(expert, ())]
    return sentences
