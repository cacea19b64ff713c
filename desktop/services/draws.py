"""The witnessed draw of a round (FAIR_DRAW): commit, reveal, record everything needed to recompute and check it.

The program commits to a secret from the operating system's random source (its SHA-256 commitment, which binds the
pool too, is shown before the witness speaks); the witness — another person (SEPARATION) — supplies their own random
digits; the seed is the hash of the pool hash, the secret and the digits; the secret is revealed with the panels.
The record keeps the commitment and who made it, the secret, the digits and the witness, the seed, the pool hash,
the rules and panel specs, the members and reserve order of each panel, and every ground that excluded an expert.
A redraw needs a reason; earlier draws stay in the record, marked superseded (CORRECTIONS).

Every check and write of a draw runs in one BEGIN IMMEDIATE transaction, and the database allows one current draw
per round: of two draws started together, the second finds the round changed and is told so (DrawBusy).
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Callable

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from desktop.domain import draw_checks
from desktop.domain.draw import DrawInfeasible, canonical_json, shared_reserves
from desktop.domain.draw_random import SECRET_BYTES, commitment_of, seed_of
from desktop.domain.errors import Cancelled, RuleError, UserError
from desktop.domain.methods import RoundState
from desktop.domain.quota import check_panel
from desktop.services.accounts import Operator, check_witness, require
from desktop.services import invitations
from desktop.services.draw_inputs import DrawInputs, read_inputs
from desktop.services.gc_pause import gc_paused
from desktop.services.rounds import RoundRef, get_round, round_id_in, set_state
from desktop.services.uow import change, reading
from desktop.store import bulk
from desktop.store.engine import dbapi_cursor
from desktop.store.round_tables import Draw, DrawCommitment, DrawMember, Exclusion, Panel
from desktop.store.tables import Person
from desktop.store.workspace import Workspace

Place = Path | Workspace
SEED_SOURCE = "commit-reveal"


class DrawBusy(UserError):
    """Another draw of the same round was made while this one was being prepared; this one saved nothing."""


class DrawCancelled(Cancelled):
    """The operator stopped the draw before it was saved: nothing of it is kept."""


@dataclass(frozen=True)
class Commitment:
    round: int
    commitment: str
    made_by: str
    made_at: str

    def to_dict(self) -> dict:
        return self.__dict__.copy()


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
    commitment: str = ""
    secret: str = ""
    witness_digits: str = ""
    committed_by: str = ""
    committed_at: str = ""
    enterprise_fraction: str = "1/3"

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _current_draw(session: Session, round_id: int) -> int | None:
    return session.exec(select(Draw.id).where(Draw.round_id == round_id, Draw.superseded.is_(False))).first()


def _pending(session: Session, round_id: int) -> DrawCommitment | None:
    return session.exec(select(DrawCommitment).where(DrawCommitment.round_id == round_id,
                                                     DrawCommitment.state == "pending")).first()


def _check_round(session: Session, round_id: int) -> None:
    row = get_round(session, round_id)
    if not draw_checks.may_draw(row.state, _panel_count(session, round_id)):
        draw_checks.check_may_draw(row.state, False, None)  # names the state when that is the reason
        raise DrawInfeasible("本轮尚未设置评审组，无法抽取", ())


def _panel_count(session: Session, round_id: int) -> int:
    return len(list(session.exec(select(Panel.id).where(Panel.round_id == round_id))))


def _binds(made: DrawCommitment, inputs: DrawInputs) -> bool:
    return made.pool_hash == inputs.pool_hash and made.candidates_hash == inputs.candidates_hash


def _commitment_for(session: Session, actor: str, round_id: int, inputs: DrawInputs) -> DrawCommitment:
    """The round's pending commitment when it binds this pool and these candidates; otherwise a new one (a stale one
    is voided: the pool, the panels or the candidates changed after it was shown)."""
    pending = _pending(session, round_id)
    if pending is not None and _binds(pending, inputs):
        return pending
    if pending is not None:
        pending.state = "void"
        session.flush()
    secret = secrets.token_bytes(SECRET_BYTES)
    made = DrawCommitment(round_id=round_id, commitment=commitment_of(inputs.pool_hash, secret), secret=secret.hex(),
                          pool_hash=inputs.pool_hash, candidates_hash=inputs.candidates_hash, made_by=actor,
                          made_at=_now())
    session.add(made)
    session.flush()
    return made


def pending_commitment(place: Place, op: Operator, round_id: int | RoundRef) -> Commitment | None:
    """The commitment shown to the room and not yet used, if any (its secret stays hidden)."""
    require(op, "draws.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        get_round(session, round_id)
        pending = _pending(session, round_id)
        return None if pending is None else Commitment(round_id, pending.commitment, pending.made_by,
                                                       pending.made_at)


def commit_draw(place: Place, actor: Operator, round_id: int | RoundRef) -> Commitment:
    """Draw the secret for the round's next draw and publish its commitment, before the witness gives digits. The
    same commitment is returned until a draw uses it, unless the pool or the panels changed meanwhile."""
    require(actor, "draw.operate", place)
    round_id = round_id_in(place, round_id)
    with _writing(), change(place, actor, "round.draw.commit", f"round:{round_id}") as unit:
        session = unit.session
        _check_round(session, round_id)
        inputs = read_inputs(session, round_id)
        made = _commitment_for(session, actor.name, round_id, inputs)
        unit.after = {"commitment": made.commitment, "pool_hash": made.pool_hash, "made_by": made.made_by}
        return Commitment(round_id, made.commitment, made.made_by, made.made_at)


Progress = Callable[[int, int, str], None]
STEPS = ("读取专家库，计算回避关系", "确定各评审组的可选专家", "按承诺—揭示的种子抽取", "保存抽取记录")


_NOW = object()


def draw_round(place: Place, actor: Operator, round_id: int | RoundRef, *, witness: Operator, witness_digits: str,
               redraw_reason: str | None = None, seen: int | None | object = _NOW, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> DrawRecord:
    """Draw every panel of the round in one transaction. ``seen`` is the current draw the operator saw (None: no
    draw yet; by default the one current when called): another draw made since refuses this one (DrawBusy).
    ``progress(step, steps, what)`` hears of each step; ``cancelled()`` is asked between them, and a True answer
    rolls everything back (DrawCancelled)."""
    require(actor, "draw.operate", place)
    round_id = round_id_in(place, round_id)
    witness = check_witness(actor, witness).name  # SEPARATION: a supervisor other than the operator, signed in
    digits = draw_checks.witness_digits(witness_digits)
    if seen is _NOW:
        with reading(place) as session:
            seen = _current_draw(session, round_id)

    def step(number: int) -> None:
        if cancelled is not None and cancelled():
            raise DrawCancelled("已取消抽取，没有保存任何结果")
        if progress is not None and number < len(STEPS):
            progress(number, len(STEPS), STEPS[number])

    # The cycle collector waits: each collection would walk the million objects of the pool and its conflicts.
    with gc_paused(), _writing(), change(place, actor, "round.draw", f"round:{round_id}") as unit:
        session = unit.session
        row = get_round(session, round_id)
        current = _current_draw(session, round_id)
        if current != seen:
            raise DrawBusy(f"另一个抽取正在进行或刚刚完成（第 {current} 次抽取），本次抽取没有保存；"
                           "请查看最新的抽取结果")
        reason = draw_checks.check_may_draw(row.state, current is not None, redraw_reason)
        _check_round(session, round_id)
        step(0)
        inputs = read_inputs(session, round_id, between=lambda: step(1))
        made = _pending(session, round_id) or _commitment_for(session, actor.name, round_id, inputs)
        if not _binds(made, inputs):
            raise RuleError("FAIR_DRAW", "FAIR_DRAW 公布承诺值之后专家库或本轮评审组有改动，该承诺已不能使用："
                                         "请重新生成并向现场公布新的承诺值，再由见证人给出随机数")
        seed = seed_of(inputs.pool_hash, bytes.fromhex(made.secret), digits)
        step(2)
        result = inputs.draw(seed)
        step(3)
        session.execute(update(Draw).where(Draw.round_id == round_id).values(superseded=True))
        draw = Draw(round_id=round_id, seed=seed, seed_source=SEED_SOURCE, witness_digits=digits,
                    pool_hash=inputs.pool_hash, rules=inputs.rules, operator=actor.name, witness=witness, reason=reason,
                    at=_now())
        session.add(draw)
        session.flush()
        made.state, made.draw_id = "used", draw.id
        session.flush()
        _record(session, draw.id, inputs, result)
        invitations.write_for_draw(session, draw)  # the drawn members, invited to their seats for the calls
        if row.state == RoundState.OPENED:
            set_state(session, row, RoundState.DRAWN)
        step(len(STEPS))  # the last moment a cancel still rolls everything back
        unit.after = {"draw": draw.id, "commitment": made.commitment, "committed_by": made.made_by,
                      "secret": made.secret, "witness": witness, "witness_digits": digits, "seed": seed,
                      "pool_hash": draw.pool_hash, "reason": reason,
                      "panels": {p.name: [e for e, _ in p.members] for p in result.panels}}
        return record_of(session, draw)


class _writing:
    """Turns the database's refusals of a racing draw into DrawBusy: the write lock not granted within the busy
    timeout, or the one-current-draw constraint."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, _trace):
        racing = (isinstance(error, IntegrityError) and "UNIQUE constraint failed: draw" in str(error)) or (
            isinstance(error, OperationalError) and "database is locked" in str(error))
        if racing:
            raise DrawBusy("另一个抽取正在进行，本次抽取没有保存；请等它完成后查看结果") from error
        return False


def _record(session: Session, draw_id: int, inputs: DrawInputs, result) -> None:
    """Members and reserves, and why each expert who knows the panel's fields was left out of it (one row per
    panel: desktop.store.round_tables.Exclusion)."""
    conflicts = inputs.conflicts
    with dbapi_cursor(session) as cursor:
        person = dict(cursor.execute("SELECT id_number, id FROM person").fetchall())
    panel_id = {p.name: p.id for p in inputs.panels}
    members = []
    for drawn in result.panels:
        panel = panel_id[drawn.key]
        members += [(draw_id, panel, person[e], False, i, ent, inputs.basis[e])
                    for i, (e, ent) in enumerate(drawn.members)]
        members += [(draw_id, panel, person[e], True, i, inputs.enterprise[e], inputs.basis[e])
                    for i, e in enumerate(drawn.reserve)]
    bulk.append(session, DrawMember, ("draw_id", "panel_id", "person_id", "reserve", "position", "enterprise",
                                      "enterprise_basis"), members)
    exclusions = [(draw_id, panel.id, canonical_json([
        [g.facts.get("application"), expert, g.code, g.facts]
        for expert, grounds in conflicts.panel_exclusions(panel.name, conflicts.knowing_fields(panel.name)).items()
        for g in grounds])) for panel in inputs.panels]
    bulk.append(session, Exclusion, ("draw_id", "panel_id", "grounds"), exclusions)


def record_panels(rows, fraction: Fraction) -> list[dict]:
    """Panels as a draw record shows them, from (panel, size, id number, name, reserve, enterprise, basis) rows in
    order: members with the quota verdict (domain), reserves with the other panels whose lists also hold them."""
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
    shared = shared_reserves({p: entry["reserve"] for p, entry in panels.items()})
    for entry in panels.values():
        verdict = check_panel([m["enterprise"] for m in entry["members"]], entry["size"], fraction)
        entry.update(enterprise_count=verdict.count, enterprise_required=verdict.required, quota_ok=verdict.ok,
                     quota_message=verdict.message,
                     reserve_shared=[[p for p in shared.get(e, ()) if p != entry["name"]] for e in entry["reserve"]])
    return list(panels.values())


def record_of(session: Session, draw: Draw) -> DrawRecord:
    fraction = Fraction(json.loads(draw.rules)["settings"]["enterprise_fraction"])
    rows = session.execute(
        select(Panel.name, Panel.size, Person.id_number, Person.name, DrawMember.reserve, DrawMember.enterprise,
               DrawMember.enterprise_basis)
        .join(Panel, Panel.id == DrawMember.panel_id).join(Person, Person.id == DrawMember.person_id)
        .where(DrawMember.draw_id == draw.id).order_by(Panel.position, DrawMember.reserve, DrawMember.position)).all()
    made = session.exec(select(DrawCommitment).where(DrawCommitment.draw_id == draw.id)).first()
    extra = {} if made is None else {"commitment": made.commitment, "secret": made.secret,
                                     "committed_by": made.made_by, "committed_at": made.made_at}
    return DrawRecord(draw.id, draw.round_id, draw.seed, draw.seed_source, draw.pool_hash, draw.operator,
                      draw.witness, draw.reason, draw.at, draw.superseded, record_panels(rows, fraction),
                      witness_digits=draw.witness_digits, enterprise_fraction=str(fraction), **extra)


def latest_draw(place: Place, op: Operator, round_id: int | RoundRef) -> DrawRecord | None:
    require(op, "draws.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        get_round(session, round_id)
        draw = session.exec(select(Draw).where(Draw.round_id == round_id).order_by(Draw.id.desc())).first()
        return None if draw is None else record_of(session, draw)


def draw_history(place: Place, op: Operator, round_id: int) -> list[DrawRecord]:
    require(op, "draws.read", place)
    with reading(place) as session:
        return [record_of(session, d) for d in session.exec(select(Draw).where(Draw.round_id == round_id)
                                                              .order_by(Draw.id))]


def check_witness_digits(text: str) -> str:
    return draw_checks.witness_digits(text)


def may_draw(state: str, panels: int) -> bool:
    return draw_checks.may_draw(state, panels)
