"""Panel confirmation (ENTERPRISE_THIRD as it will sit): every seat held by an expert who accepted and who has no
ground against the panel on the current data, the quota counted on the current data too (an organisation found not
to be an enterprise since the draw no longer counts); below quota only with a supervisor, signed in with their own account,
recording why. The round moves from drawn to confirmed when its last panel is confirmed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain.confirmation import NotReady, check_confirmable
from desktop.domain.draw import canonical_json
from desktop.domain.errors import UserError
from desktop.domain.methods import RoundState
from desktop.services import invitations, replacements
from desktop.services.accounts import Operator, check_witness, require
from desktop.services.draw_inputs import read_inputs
from desktop.services.rounds import RoundRef, get_round, round_id_in, set_state, settings_of
from desktop.services.uow import change, reading
from desktop.store.execution_tables import PanelConfirmation
from desktop.store.round_tables import Panel
from desktop.store.workspace import Workspace

Place = Path | Workspace


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _current(session: Session, panel_id: int) -> PanelConfirmation | None:
    return session.exec(select(PanelConfirmation).where(PanelConfirmation.panel_id == panel_id,
                                                        PanelConfirmation.superseded.is_(False))).first()


def _record(row: PanelConfirmation, panel: str) -> dict:
    return {"panel": panel, "members": json.loads(row.members), "enterprise_count": row.enterprise_count,
            "enterprise_required": row.enterprise_required, "override_reason": row.override_reason,
            "override_by": row.override_by, "confirmed_by": row.confirmed_by, "confirmed_at": row.confirmed_at}


def confirm_panel(place: Place, actor: Operator, round_id: int | RoundRef, panel: str, *, override_reason: str = "",
                  supervisor: Operator | None = None) -> dict:
    """Confirm one panel; ``override_reason`` with a signed-in ``supervisor`` lets a panel below ENTERPRISE_THIRD
    through, and is recorded with their name."""
    require(actor, "panel.confirm", place)
    round_id = round_id_in(place, round_id)
    reason = (override_reason or "").strip()
    if reason:
        if supervisor is None:
            raise UserError("低于企业专家比例确认评审组须由监督员用自己的账户和口令登录")
        check_witness(actor, supervisor)  # SEPARATION: a supervisor other than the operator, signed in here
        require(supervisor, "quota.override", place)
    with change(place, actor, "panel.confirm", f"round:{round_id}/panel:{panel}") as unit:
        session = unit.session
        row = get_round(session, round_id)
        draw = invitations.current_draw(session, round_id)
        invitations.ensure(session, draw)
        target = invitations.panel_of(session, round_id, panel)
        if _current(session, target.id) is not None:
            raise UserError(f"评审组「{target.name}」已经确认")
        held = invitations.holders(invitations.seats(session, draw, target.id))
        inputs = read_inputs(session, round_id)  # the panel as it will sit, on the current data
        grounds = replacements.recheck(session, draw, target, inputs)
        if grounds:
            raise NotReady(f"评审组「{target.name}」还不能确认：{'、'.join(g['name'] for g in grounds)} 现对本组项目有"
                           "回避事由，请记录其拒绝（需回避）以便递补")
        fraction = settings_of(row).enterprise_fraction
        enterprise = {s.expert: inputs.enterprise.get(s.expert, s.enterprise) for s in held.values()}
        verdict = check_confirmable(target.name, [(s.name, s.status, enterprise[s.expert]) for s in held.values()],
                                    target.size, fraction, reason)
        override = reason if not verdict.ok else ""
        members = [{"seat": s.seat + 1, "expert": s.expert, "name": s.name, "enterprise": enterprise[s.expert],
                    "enterprise_at_draw": s.enterprise, "source": s.source, "batch": s.batch} for s in held.values()]
        made = PanelConfirmation(round_id=round_id, panel_id=target.id, draw_id=draw.id,
                                 members=canonical_json(members), enterprise_count=verdict.count,
                                 enterprise_required=verdict.required, override_reason=override,
                                 override_by=supervisor.name if override else "", confirmed_by=actor.name,
                                 confirmed_at=_now())
        session.add(made)
        session.flush()
        panels = session.exec(select(Panel.id).where(Panel.round_id == round_id)).all()
        if all(_current(session, p) is not None for p in panels) and row.state == RoundState.DRAWN:
            set_state(session, row, RoundState.CONFIRMED)
        result = _record(made, target.name) | {"quota_ok": verdict.ok, "quota_message": verdict.message,
                                                "round_state": row.state}
        unit.after = result
        return result


def confirmations(place: Place, op: Operator, round_id: int | RoundRef) -> list[dict]:
    """Every panel of the round with its confirmation, or None while it is not confirmed."""
    require(op, "calls.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        get_round(session, round_id)
        found = []
        for panel in session.exec(select(Panel).where(Panel.round_id == round_id).order_by(Panel.position)):
            made = _current(session, panel.id)
            found.append({"panel": panel.name, "size": panel.size,
                          "confirmation": None if made is None else _record(made, panel.name)})
        return found

