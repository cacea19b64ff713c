"""The witnessed draw of a round: seeded, reproducible, recorded with everything needed to redo and check it.

The record keeps the seed, the hash of the pool snapshot, the rules and panel specs, the operator and the
witnessing supervisor, the members and reserve order of each panel, and every ground that excluded an expert.
A redraw needs a reason; earlier draws stay in the record, marked superseded (TRACEABLE).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Callable

from sqlalchemy import func, update
from sqlmodel import Session, select

from desktop.domain.draw import PanelSpec, canonical_json, draw_panels
from desktop.domain.errors import Cancelled, RuleError
from desktop.domain.methods import RoundState
from desktop.domain.pool import RoundCase
from desktop.domain.quota import enterprise_required
from desktop.services.conflicts import load_round
from desktop.services.gc_pause import gc_paused
from desktop.services.rounds import RoundRef, get_round, method_of, round_id_in, set_state, settings_of
from desktop.services.uow import change, reading
from desktop.store import bulk
from desktop.store.round_tables import Draw, DrawMember, Exclusion, Panel
from desktop.store.tables import Application, Person
from desktop.store.workspace import Workspace

Place = Path | Workspace


@dataclass(frozen=True)
class DrawRecord:
    id: int
    round: int
    seed: str
    seed_source: str
    pool_hash: str
    operator: str
    witness: str
    reason: str
    at: str
    superseded: bool
    panels: list[dict]

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def snapshot_hash(rows: dict[str, list[tuple]], case: RoundCase) -> str:
    """SHA-256 over the pool's rows and the round's applications, each kind sorted so row order does not matter.

    Rows are spelled by ``ascii`` of tuples of text, integers and None: one spelling per value, cheap on a million
    rows, and the same under any Python (``repr`` would follow the interpreter's Unicode tables for rare characters).
    """
    digest = hashlib.sha256()
    kinds = [rows[kind] for kind in sorted(rows)] + [case.applications]
    for items in kinds:
        for line in sorted(map(ascii, items)):
            digest.update(line.encode("utf-8"))
            digest.update(b"\n")
        digest.update(b"\x1e")
    return digest.hexdigest()


def new_seed() -> str:
    """A seed from the operating system's randomness, short enough to read out and type back."""
    return f"{secrets.randbelow(10**12):012d}"


def _panel_rows(session: Session, round_id: int) -> list[Panel]:
    return list(session.exec(select(Panel).where(Panel.round_id == round_id).order_by(Panel.position)))


def _check_may_draw(session: Session, row, redraw_reason: str | None, operator: str, witness: str) -> None:
    if not witness.strip():
        raise RuleError("SEPARATION", "抽取须由监督员现场见证：请填写见证监督员姓名")
    if witness.strip() == operator.strip():
        raise RuleError("SEPARATION", "SEPARATION 执行抽取的工作人员不能同时担任见证监督员")
    drawn_before = session.execute(select(func.count()).select_from(Draw).where(Draw.round_id == row.id)).scalar_one()
    if drawn_before and not (redraw_reason or "").strip():
        raise RuleError("REDRAW", "本轮已抽取过专家；如确需重新抽取，须填写重新抽取的理由（--redraw-reason），"
                                  "原抽取结果将保留在记录中")
    if row.state not in (RoundState.OPENED, RoundState.DRAWN):
        raise RuleError("ROUND_STATE", f"评审轮次处于「{RoundState(row.state).label}」状态，只有已开启"
                                       "（或已抽取待确认）的轮次才能抽取专家")


class DrawCancelled(Cancelled):
    """The operator stopped the draw before it was saved: nothing of it is kept."""


Progress = Callable[[int, int, str], None]
STEPS = ("读取专家库，计算回避关系", "确定各评审组的可选专家", "按随机种子抽取", "保存抽取记录")


def draw_round(place: Place, actor: str, round_id: int | RoundRef, *, seed: str | None, witness: str,
               redraw_reason: str | None = None, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> DrawRecord:
    """Draw every panel of the round in one transaction. ``progress(step, steps, what)`` hears of each step;
    ``cancelled()`` is asked between them, and a True answer rolls everything back (DrawCancelled)."""
    round_id = round_id_in(place, round_id)
    seed_source = "typed" if seed else "generated"
    seed = (seed or new_seed()).strip()

    def step(number: int) -> None:
        if cancelled is not None and cancelled():
            raise DrawCancelled("已取消抽取，没有保存任何结果")
        if progress is not None and number < len(STEPS):
            progress(number, len(STEPS), STEPS[number])

    with change(place, actor, "round.draw", f"round:{round_id}") as unit:
        session = unit.session
        row = get_round(session, round_id)
        _check_may_draw(session, row, redraw_reason, actor, witness)
        panels = _panel_rows(session, round_id)
        if not panels:
            raise RuleError("PANEL", "本轮尚未设置评审组，无法抽取")
        step(0)
        loaded = load_round(session, round_id)
        conflicts = loaded.conflicts
        step(1)
        with gc_paused():
            eligible = {p.name: conflicts.eligible_for_panel(p.name, [f for f in p.fields.split(";") if f])
                        for p in panels}
        step(2)
        names = {e: expert.name for e, expert in conflicts.experts.items()}
        enterprise = {e: status.counts for e, status in conflicts.enterprise.items()}
        settings = settings_of(row)
        result = draw_panels([PanelSpec(p.name, p.name, p.size) for p in panels], eligible, enterprise, settings,
                             seed, names)
        step(3)
        session.execute(update(Draw).where(Draw.round_id == round_id).values(superseded=True))
        rules = {"method": method_of(row).to_dict(), "settings": settings.to_dict(), "review_date": row.review_date,
                 "panels": [{"name": p.name, "size": p.size, "fields": p.fields, "applications":
                             list(conflicts.panels.get(p.name, ()))} for p in panels]}
        draw = Draw(round_id=round_id, seed=seed, seed_source=seed_source,
                    pool_hash=snapshot_hash(loaded.rows, loaded.case), rules=canonical_json(rules), operator=actor,
                    witness=witness.strip(), reason=(redraw_reason or "").strip(),
                    at=dt.datetime.now().astimezone().isoformat(timespec="seconds"))
        session.add(draw)
        session.flush()
        _record(session, draw.id, panels, result, conflicts)
        if row.state == RoundState.OPENED:
            set_state(session, row, RoundState.DRAWN)
        step(len(STEPS))  # the last moment a cancel still rolls everything back
        unit.after = {"draw": draw.id, "seed": seed, "pool_hash": draw.pool_hash, "witness": draw.witness,
                      "reason": draw.reason,
                      "panels": {p.name: [e for e, _ in p.members] for p in result.panels}}
        return _record_of(session, draw)


def _record(session: Session, draw_id: int, panels: list[Panel], result, conflicts) -> None:
    """Members and reserves, and why each expert who knows the panel's fields was left out of it."""
    person = dict(session.execute(select(Person.id_number, Person.id)).all())
    application = dict(session.execute(select(Application.number, Application.id)).all())
    panel_id = {p.name: p.id for p in panels}
    members = []
    for drawn in result.panels:
        panel = panel_id[drawn.key]
        members += [(draw_id, panel, person[e], False, i, ent, conflicts.enterprise[e].basis)
                    for i, (e, ent) in enumerate(drawn.members)]
        members += [(draw_id, panel, person[e], True, i, conflicts.enterprise[e].counts, conflicts.enterprise[e].basis)
                    for i, e in enumerate(drawn.reserve)]
    bulk.append(session, DrawMember, ("draw_id", "panel_id", "person_id", "reserve", "position", "enterprise",
                                      "enterprise_basis"), members)
    with gc_paused():
        exclusions = [(draw_id, application.get(g.facts.get("application")), person[expert], g.code,
                       canonical_json(g.facts))
                      for panel in panels
                      for expert, grounds in conflicts.panel_exclusions(panel.name,
                                                                        conflicts.knowing_fields(panel.name)).items()
                      for g in grounds]
    bulk.append(session, Exclusion, ("draw_id", "application_id", "person_id", "code", "facts"), exclusions)


def _record_of(session: Session, draw: Draw) -> DrawRecord:
    settings = json.loads(draw.rules)["settings"]
    fraction = settings["enterprise_fraction"]
    rows = session.execute(
        select(Panel.name, Panel.size, Person.id_number, Person.name, DrawMember.reserve, DrawMember.enterprise,
               DrawMember.enterprise_basis)
        .join(Panel, Panel.id == DrawMember.panel_id).join(Person, Person.id == DrawMember.person_id)
        .where(DrawMember.draw_id == draw.id).order_by(Panel.position, DrawMember.reserve, DrawMember.position)).all()
    panels: dict[str, dict] = {}
    for panel, size, id_number, name, reserve, enterprise, basis in rows:
        entry = panels.setdefault(panel, {"name": panel, "size": size, "members": [], "reserve": [],
                                          "reserve_names": []})
        if reserve:
            entry["reserve"].append(id_number)
            entry["reserve_names"].append(name)
        else:
            entry["members"].append({"expert": id_number, "name": name, "enterprise": bool(enterprise),
                                     "enterprise_basis": basis})
    for entry in panels.values():
        entry["enterprise_count"] = sum(m["enterprise"] for m in entry["members"])
        entry["enterprise_required"] = enterprise_required(entry["size"], Fraction(fraction))
    return DrawRecord(draw.id, draw.round_id, draw.seed, draw.seed_source, draw.pool_hash, draw.operator,
                      draw.witness, draw.reason, draw.at, draw.superseded, list(panels.values()))


def latest_draw(place: Place, round_id: int | RoundRef) -> DrawRecord | None:
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        get_round(session, round_id)
        draw = session.exec(select(Draw).where(Draw.round_id == round_id).order_by(Draw.id.desc())).first()
        return None if draw is None else _record_of(session, draw)


def draw_history(place: Place, round_id: int) -> list[DrawRecord]:
    with reading(place) as session:
        return [_record_of(session, d) for d in session.exec(select(Draw).where(Draw.round_id == round_id)
                                                              .order_by(Draw.id))]
