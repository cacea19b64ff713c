"""Replacements (NO_SUBSTITUTE): a freed seat goes to the next available reserve of its panel, in the call's own
transaction; when the reserve is used up, to a supplementary draw (补抽) of the panel's open seats, commit–reveal and
witnessed like the first draw (FAIR_DRAW), recorded as batch 2, 3, … of the same draw.

Who is available is decided on the current data with the draw's own computation (desktop.services.draw_inputs:
recusal, fields, active experts), never copied here; the rule of who comes next is desktop.domain.replacements.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from desktop.domain import draw_checks
from desktop.domain.draw import canonical_json
from desktop.domain.draw_random import SECRET_BYTES, commitment_of, seed_of
from desktop.domain.errors import RuleError, UserError
from desktop.domain.quota import enterprise_required
from desktop.domain.calls import FREED, SETTLED, status_after
from desktop.domain.replacements import GENERAL, GROUND, draw_batch, enterprise_shortfall, next_replacement
from desktop.services import invitations
from desktop.services.accounts import Operator, check_witness, require
from desktop.services.draw_inputs import DrawInputs, read_inputs
from desktop.services.rounds import RoundRef, get_round, round_id_in, settings_of
from desktop.services.uow import change, reading
from desktop.store.execution_tables import Call, DrawBatch, Invitation
from desktop.store.round_tables import Draw, DrawMember, Panel
from desktop.store.tables import AuditEntry, Person
from desktop.store.workspace import Workspace

Place = Path | Workspace


@dataclass(frozen=True)
class Refill:
    expert: str | None  # the reserve invited, None when the reserve is used up
    name: str | None
    passed_over: list[dict]


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _ids(session: Session) -> tuple[dict[int, str], dict[str, int]]:
    rows = session.execute(select(Person.id, Person.id_number)).all()
    return dict(rows), {number: pid for pid, number in rows}


def unavailable(session: Session, draw: Draw, panel_id: int, one_panel: bool) -> set[int]:
    """Person ids who cannot take a seat of the panel: invited to it before, declined or unreachable anywhere in the
    round (replaced since, too), and, when one panel per expert holds, invited to any panel of the draw."""
    rows = session.execute(select(Invitation.person_id, Invitation.panel_id, Invitation.status)
                           .where(Invitation.draw_id == draw.id)).all()
    return {p for p, panel, status in rows if one_panel or panel == panel_id or status in SETTLED}


def _held_enterprise(session: Session, draw: Draw, panel_id: int, free_seats: set[int]) -> list[bool]:
    """The enterprise flags of the panel's seats still held (their newest invitation not freed)."""
    held = invitations.holders(invitations.seats(session, draw, panel_id))
    return [s.enterprise for (_, seat), s in held.items()
            if seat not in free_seats and s.status not in ("declined", "unreachable")]


def _invite(session: Session, draw: Draw, freed: Invitation, person_id: int, enterprise: bool, basis: str,
            source: str, batch: int) -> Invitation:
    new = Invitation(round_id=draw.round_id, draw_id=draw.id, panel_id=freed.panel_id, person_id=person_id,
                     seat=freed.seat, source=source, batch=batch, enterprise=enterprise, enterprise_basis=basis,
                     invited_at=_now())
    session.add(new)
    session.flush()
    freed.status, freed.replaced_by = "replaced", new.id
    session.flush()
    return new


def refill(session: Session, draw: Draw, freed: Invitation, inputs: DrawInputs | None = None) -> Refill:
    """Invite the panel's next available reserve to the freed seat, ENTERPRISE_THIRD kept."""
    settings = settings_of(get_round(session, draw.round_id))
    panel = session.get(Panel, freed.panel_id)
    inputs = inputs or read_inputs(session, draw.round_id)
    number_of, _ = _ids(session)
    reserve = session.execute(select(DrawMember.person_id, DrawMember.enterprise, DrawMember.enterprise_basis)
                              .where(DrawMember.draw_id == draw.id, DrawMember.panel_id == panel.id,
                                     DrawMember.reserve.is_(True)).order_by(DrawMember.position)).all()
    recorded = {number_of[p]: (p, bool(e), b) for p, e, b in reserve}
    required = enterprise_required(panel.size, settings.enterprise_fraction)
    need = enterprise_shortfall(_held_enterprise(session, draw, panel.id, {freed.seat}), required) > 0
    out = {number_of[p] for p in unavailable(session, draw, panel.id, settings.one_panel_per_expert)}
    pick = next_replacement(list(recorded), out, inputs.eligible.get(panel.name, ()),
                            {e: v[1] for e, v in recorded.items()}, need)
    passed = [{"expert": e, "name": inputs.names.get(e, ""), "why": why} for e, why in pick.passed_over]
    if pick.expert is None:
        return Refill(None, None, passed)
    person_id, enterprise, basis = recorded[pick.expert]
    _invite(session, draw, freed, person_id, enterprise, basis, "reserve", 1)
    return Refill(pick.expert, inputs.names.get(pick.expert, ""), passed)


def recheck(session: Session, draw: Draw, panel: Panel, inputs: DrawInputs | None = None) -> list[dict]:
    """The panel's seat holders who now have a ground against it on the current data (after a declaration)."""
    inputs = inputs or read_inputs(session, draw.round_id)
    allowed = set(inputs.eligible.get(panel.name, ()))
    held = invitations.holders(invitations.seats(session, draw, panel.id))
    return [{"expert": s.expert, "name": s.name, "why": GROUND} for s in held.values()
            if s.status not in ("declined", "unreachable") and s.expert not in allowed]


def open_seats(session: Session, draw: Draw, panel_id: int) -> list[Invitation]:
    """The panel's freed seats that no reserve took: what a supplementary draw fills."""
    held = invitations.holders(invitations.seats(session, draw, panel_id))
    ids = [s.invitation for s in held.values() if s.status in ("declined", "unreachable")]
    return list(session.exec(select(Invitation).where(Invitation.id.in_(ids)).order_by(Invitation.seat))) if ids \
        else []


# --- the supplementary draw ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BatchInfo:
    round: int
    panel: str
    batch: int
    seats: int
    commitment: str
    made_by: str
    made_at: str
    state: str
    witness: str = ""
    witness_digits: str = ""
    secret: str = ""
    seed: str = ""
    enterprise_needed: int = 0
    picked: tuple[dict, ...] = ()

    def to_dict(self) -> dict:
        data = self.__dict__.copy()
        data["picked"] = list(self.picked)
        return data


def _batch_info(session: Session, draw: Draw, made: DrawBatch) -> BatchInfo:
    panel = session.get(Panel, made.panel_id)
    picked = session.execute(select(Person.id_number, Person.name, Invitation.seat, Invitation.enterprise)
                             .join(Person, Person.id == Invitation.person_id)
                             .where(Invitation.draw_id == draw.id, Invitation.panel_id == made.panel_id,
                                    Invitation.source == "supplementary", Invitation.batch == made.batch)
                             .order_by(Invitation.seat)).all()
    revealed = made.state == "drawn"
    return BatchInfo(draw.round_id, panel.name, made.batch, made.seats, made.commitment, made.made_by, made.made_at,
                     made.state, made.witness, made.witness_digits, made.secret if revealed else "", made.seed,
                     made.enterprise_needed,
                     tuple({"expert": e, "name": n, "seat": s + 1, "enterprise": bool(ent)} for e, n, s, ent in picked))


def _pending_batch(session: Session, draw: Draw) -> DrawBatch | None:
    return session.exec(select(DrawBatch).where(DrawBatch.draw_id == draw.id, DrawBatch.state == "pending")).first()


def commit_supplementary(place: Place, actor: Operator, round_id: int | RoundRef, panel: str) -> BatchInfo:
    """Publish the commitment of the panel's next supplementary batch, before the witness gives digits; the same
    one is returned until it is used, unless the pool changed or another panel's batch is asked for."""
    require(actor, "draw.operate", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "round.draw.batch.commit", f"round:{round_id}/panel:{panel}") as unit:
        session = unit.session
        draw = invitations.current_draw(session, round_id)
        invitations.ensure(session, draw)
        row = invitations.panel_of(session, round_id, panel)
        seats = open_seats(session, draw, row.id)
        if not seats:
            raise UserError(f"评审组「{row.name}」没有空缺座位：拒绝或未接通的专家已由备选专家递补，无需补抽")
        inputs = read_inputs(session, round_id)
        pending = _pending_batch(session, draw)
        if pending is not None and (pending.panel_id != row.id or pending.pool_hash != inputs.pool_hash
                                    or pending.seats != len(seats)):
            pending.state, pending = "void", None
            session.flush()
        if pending is None:
            number = (session.execute(select(func.max(DrawBatch.batch)).where(DrawBatch.draw_id == draw.id))
                      .scalar_one() or 1) + 1
            secret = secrets.token_bytes(SECRET_BYTES)
            pending = DrawBatch(draw_id=draw.id, batch=number, panel_id=row.id, seats=len(seats),
                                commitment=commitment_of(inputs.pool_hash, secret), secret=secret.hex(),
                                pool_hash=inputs.pool_hash, made_by=actor.name, made_at=_now())
            session.add(pending)
            session.flush()
        unit.after = {"batch": pending.batch, "panel": row.name, "seats": pending.seats,
                      "commitment": pending.commitment, "pool_hash": pending.pool_hash}
        return _batch_info(session, draw, pending)


def draw_supplementary(place: Place, actor: Operator, round_id: int | RoundRef, panel: str, *, witness: Operator,
                       witness_digits: str) -> BatchInfo:
    """Draw the panel's open seats from the pool with the published commitment and the witness's digits: uniform
    among the experts available now (desktop.domain.replacements.draw_batch), ENTERPRISE_THIRD kept; each pick is
    invited to a seat, and the record keeps what recomputes it."""
    require(actor, "draw.operate", place)
    round_id = round_id_in(place, round_id)
    witness_name = check_witness(actor, witness).name
    digits = draw_checks.witness_digits(witness_digits)
    with change(place, actor, "round.draw.batch", f"round:{round_id}/panel:{panel}") as unit:
        session = unit.session
        draw = invitations.current_draw(session, round_id)
        row = invitations.panel_of(session, round_id, panel)
        made = _pending_batch(session, draw)
        if made is None or made.panel_id != row.id:
            raise UserError(f"请先为评审组「{row.name}」生成并向现场公布补抽的承诺值，再由见证人给出随机数")
        inputs = read_inputs(session, round_id)
        seats = open_seats(session, draw, row.id)
        if made.pool_hash != inputs.pool_hash or made.seats != len(seats):
            raise RuleError("FAIR_DRAW", "FAIR_DRAW 公布补抽承诺值之后专家库或空缺座位有改动，该承诺已不能使用："
                                         "请重新生成并公布新的承诺值")
        settings = settings_of(get_round(session, round_id))
        number_of, id_of = _ids(session)
        excluded = sorted(number_of[p] for p in unavailable(session, draw, row.id, settings.one_panel_per_expert))
        required = enterprise_required(row.size, settings.enterprise_fraction)
        need = enterprise_shortfall(_held_enterprise(session, draw, row.id, {s.seat for s in seats}), required)
        seed = seed_of(inputs.pool_hash, bytes.fromhex(made.secret), digits)
        picks = draw_batch(seed, row.name, made.batch, inputs.eligible.get(row.name, ()), excluded,
                           inputs.enterprise, len(seats), need)
        if picks is None:
            raise UserError(f"专家库中已没有足够的可选专家补抽评审组「{row.name}」的{len(seats)}个座位"
                            f"（其中至少{need}名企业专家）：请调整评审组的学科要求或扩充专家库")
        for freed, expert in zip(seats, picks):
            _invite(session, draw, freed, id_of[expert], inputs.enterprise[expert], inputs.basis[expert],
                    "supplementary", made.batch)
        made.state, made.witness, made.witness_digits, made.seed = "drawn", witness_name, digits, seed
        made.excluded, made.enterprise_needed, made.drawn_at = canonical_json(excluded), need, _now()
        session.flush()
        unit.after = {"batch": made.batch, "panel": row.name, "commitment": made.commitment, "secret": made.secret,
                      "witness": witness_name, "witness_digits": digits, "seed": seed, "pool_hash": made.pool_hash,
                      "enterprise_needed": need, "excluded": len(excluded), "picked": picks}
        return _batch_info(session, draw, made)


def batches(place: Place, op: Operator, round_id: int | RoundRef) -> list[BatchInfo]:
    """The supplementary batches of the round's current draw, pending, drawn and void."""
    require(op, "draws.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        draw = invitations.current_draw(session, round_id)
        return [_batch_info(session, draw, b) for b in session.exec(select(DrawBatch).where(
            DrawBatch.draw_id == draw.id).order_by(DrawBatch.batch))]


def verify_batches(session: Session, draw: Draw, inputs: DrawInputs) -> list[str]:
    """Problems found recomputing each drawn batch from its record: commitment, seed and picks."""
    problems = []
    for made in session.exec(select(DrawBatch).where(DrawBatch.draw_id == draw.id, DrawBatch.state == "drawn")
                             .order_by(DrawBatch.batch)):
        panel = session.get(Panel, made.panel_id)
        secret = bytes.fromhex(made.secret)
        label = f"第{made.batch}批补抽（评审组「{panel.name}」）"
        if commitment_of(made.pool_hash, secret) != made.commitment:
            problems.append(f"{label}公布的承诺值与揭示的密钥不符")
        if seed_of(made.pool_hash, secret, made.witness_digits) != made.seed:
            problems.append(f"{label}的随机种子不是由专家库哈希、密钥和见证人随机数算出的")
        if inputs.pool_hash != made.pool_hash:
            problems.append(f"{label}之后专家库或本轮规则有改动，不能按现在的专家库重新计算")
            continue
        picked = [e for e, in session.execute(
            select(Person.id_number).join(Invitation, Invitation.person_id == Person.id)
            .where(Invitation.draw_id == draw.id, Invitation.panel_id == made.panel_id,
                   Invitation.source == "supplementary", Invitation.batch == made.batch).order_by(Invitation.seat))]
        again = draw_batch(made.seed, panel.name, made.batch, inputs.eligible.get(panel.name, ()),
                           json.loads(made.excluded), inputs.enterprise, made.seats, made.enterprise_needed)
        if again != picked:
            problems.append(f"{label}抽中的专家与按记录重新计算的结果不同")
    return problems


# --- replacements recomputed from the record -----------------------------------------------------------------------

def _recorded_calls(session: Session, round_id: int) -> dict[int, dict]:
    """What each call's audit entry recorded of the seat it freed, by call id: the reserve invited and who was
    passed over, and why."""
    found = {}
    for after, in session.execute(select(AuditEntry.after).where(
            AuditEntry.action.in_(("call.record", "call.withdraw")),
            AuditEntry.target.startswith(f"round:{round_id}/"))):
        entry = json.loads(after or "{}")
        if entry.get("call"):
            found[entry["call"]["id"]] = entry
    return found


def verify_reserves(session: Session, draw: Draw, inputs: DrawInputs) -> list[str]:
    """Problems found recomputing every seat a decline or an unreachable expert freed, from the record: the panel's
    reserve order, who was invited and who had declined when the call was made (invitations and calls before it),
    the quota on the seats then held, and the grounds — those of the current data, less those of experts the call's
    audit entry names as passed over for a ground (which the current data must still show). The reserve invited, or
    none, and everyone passed over with the reason must be what desktop.domain.replacements gives."""
    settings = settings_of(get_round(session, draw.round_id))
    number_of, _ = _ids(session)
    invited = list(session.exec(select(Invitation).where(Invitation.draw_id == draw.id).order_by(Invitation.id)))
    by_id = {i.id: i for i in invited}
    calls = session.execute(select(Call.id, Call.invitation_id, Call.outcome, Call.at)
                            .where(Call.round_id == draw.round_id).order_by(Call.id)).all()
    drawn_at = dict(session.execute(select(DrawBatch.batch, DrawBatch.drawn_at).where(
        DrawBatch.draw_id == draw.id, DrawBatch.state == "drawn")).all())
    recorded = _recorded_calls(session, draw.round_id)
    panels = {p.id: p for p in session.exec(select(Panel).where(Panel.round_id == draw.round_id))}
    reserves: dict[int, list[tuple[str, bool]]] = {}
    for panel_id, person_id, enterprise in session.execute(
            select(DrawMember.panel_id, DrawMember.person_id, DrawMember.enterprise)
            .where(DrawMember.draw_id == draw.id, DrawMember.reserve.is_(True)).order_by(DrawMember.position)):
        reserves.setdefault(panel_id, []).append((number_of[person_id], bool(enterprise)))
    problems = []
    for freed in invited:
        if freed.status not in ("replaced", "declined", "unreachable"):
            continue
        mine = [c for c in calls if c[1] == freed.id]
        if not mine:
            continue
        trigger, at = mine[-1][0], mine[-1][3]  # the call that freed the seat: its last
        new = by_id.get(freed.replaced_by) if freed.replaced_by else None
        took = new if new is not None and new.source == "reserve" else None
        panel = panels[freed.panel_id]
        label = f"评审组「{panel.name}」第{freed.seat + 1}座（{inputs.names.get(number_of[freed.person_id], '')}让出）"
        entry = recorded.get(trigger)
        if entry is None:
            problems.append(f"{label}：让出座位的通话没有审计记录，无法复核递补")
            continue
        got = number_of[took.person_id] if took is not None else None
        if entry.get("replacement") != got:
            problems.append(f"{label}：审计记录的递补专家与邀请记录不符")
        bound = took.id if took is not None else _made_after(invited, calls, trigger, at, drawn_at)
        before = [i for i in invited if i.id < bound]
        status = {i.id: status_after([o for c, inv, o, _ in calls if inv == i.id and c <= trigger],
                                     settings.unreachable_after) for i in before}
        out = {number_of[i.person_id] for i in before
               if settings.one_panel_per_expert or i.panel_id == panel.id or status[i.id] in SETTLED}
        held: dict[int, Invitation] = {}
        for i in before:
            if i.panel_id == panel.id:
                held[i.seat] = i
        enterprise = [i.enterprise for seat, i in held.items() if seat != freed.seat and status[i.id] not in FREED]
        need = enterprise_shortfall(enterprise, enterprise_required(panel.size, settings.enterprise_fraction)) > 0
        grounds = {p["expert"] for p in entry.get("passed_over", []) if p["why"] == GROUND}
        general = {p["expert"] for p in entry.get("passed_over", []) if p["why"] == GENERAL}  # no ground then
        eligible = (set(inputs.eligible.get(panel.name, ())) | general | ({got} if got else set())) - grounds
        order = reserves.get(panel.id, [])
        pick = next_replacement([e for e, _ in order], out, eligible, dict(order), need)
        want = [(p["expert"], p["why"]) for p in entry.get("passed_over", [])]
        if pick.expert != got:
            name = inputs.names.get(pick.expert, pick.expert) if pick.expert else "无人（须补抽）"
            problems.append(f"{label}：递补了{inputs.names.get(got, got) if got else '无人'}，按备选顺序、企业专家比例"
                            f"和回避事由应递补{name}")
        elif list(pick.passed_over) != want:
            problems.append(f"{label}：审计记录的被跳过专家及理由与按记录重新计算的不同")
        for expert in sorted(grounds & set(inputs.eligible.get(panel.name, ()))):
            problems.append(f"{label}：{inputs.names.get(expert, expert)}以回避事由被跳过，但现在的数据中其对本组没有"
                            "回避事由")
    return problems


def _made_after(invited: list[Invitation], calls: list, trigger: int, at: str, drawn_at: dict[int, str]) -> int:
    """The id of the first invitation made after call ``trigger`` (at ``at``): a reserve a later call brought in, or
    the pick of a supplementary batch drawn since (``drawn_at``: batch → when); past the last id when none was."""
    last_call = {}
    for call, invitation, _, _ in calls:
        last_call[invitation] = call
    later = [i.replaced_by for i in invited if i.replaced_by and last_call.get(i.id, 0) > trigger]
    later += [i.id for i in invited if i.source == "supplementary" and drawn_at.get(i.batch, "") >= at]
    return min(later, default=max((i.id for i in invited), default=0) + 1)
