"""The seats of a round's current draw and who is invited to each: the drawn members first (``invitation`` rows the
draw writes in its own transaction), then every reserve or supplementary pick that took a freed seat.

A round drawn before invitations existed has none: reads show its drawn members as pending invitations, and the first
change of a call writes them (``ensure``), as the draw would have — seat, enterprise and basis as the draw recorded
them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from desktop.domain.errors import UserError
from desktop.services.rounds import get_round
from desktop.store import bulk
from desktop.store.execution_tables import Call, Invitation
from desktop.store.round_tables import Draw, DrawMember, Panel
from desktop.store.tables import Person


class NotDrawn(UserError):
    """The round has no current draw: nobody is invited yet."""


@dataclass(frozen=True)
class Seat:
    """One invitation as the calls and the confirmation read it."""
    invitation: int | None  # None: a drawn member of a round whose invitations are not written yet
    panel_id: int
    panel: str
    seat: int
    person_id: int
    expert: str  # ID number
    name: str
    mobile: str
    enterprise: bool
    enterprise_basis: str
    source: str
    batch: int
    status: str
    replaced_by: int | None
    attempts: int

    @property
    def current(self) -> bool:
        return self.status != "replaced"


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def current_draw(session: Session, round_id: int) -> Draw:
    row = get_round(session, round_id)
    draw = session.exec(select(Draw).where(Draw.round_id == round_id, Draw.superseded.is_(False))).first()
    if draw is None:
        raise NotDrawn(f"评审轮次“{row.name}”尚未抽取专家，还没有可以电话确认的专家")
    return draw


def write_for_draw(session: Session, draw: Draw) -> None:
    """The drawn members of ``draw`` invited to their seats (in the draw's own transaction, or on first use)."""
    at = _now()
    rows = session.execute(select(DrawMember.panel_id, DrawMember.person_id, DrawMember.position,
                                  DrawMember.enterprise, DrawMember.enterprise_basis)
                           .where(DrawMember.draw_id == draw.id, DrawMember.reserve.is_(False))).all()
    bulk.append(session, Invitation, ("round_id", "draw_id", "panel_id", "person_id", "seat", "source", "batch",
                                      "enterprise", "enterprise_basis", "status", "invited_at"),
                [(draw.round_id, draw.id, panel, person, seat, "draw", 1, enterprise, basis, "pending", at)
                 for panel, person, seat, enterprise, basis in rows])


def ensure(session: Session, draw: Draw) -> None:
    """Write the invitations of a draw made before they existed; nothing when they are there."""
    if session.exec(select(Invitation.id).where(Invitation.draw_id == draw.id)).first() is None:
        write_for_draw(session, draw)
        session.flush()


def seats(session: Session, draw: Draw, panel_id: int | None = None) -> list[Seat]:
    """Every invitation of the draw, replaced ones included, by panel, seat and order of invitation."""
    attempts = dict(session.execute(select(Call.invitation_id, func.count(Call.id))
                                    .where(Call.round_id == draw.round_id).group_by(Call.invitation_id)).all())
    query = (select(Invitation.id, Invitation.panel_id, Panel.name, Invitation.seat, Invitation.person_id,
                    Person.id_number, Person.name, Person.mobile, Invitation.enterprise, Invitation.enterprise_basis,
                    Invitation.source, Invitation.batch, Invitation.status, Invitation.replaced_by)
             .join(Panel, Panel.id == Invitation.panel_id).join(Person, Person.id == Invitation.person_id)
             .where(Invitation.draw_id == draw.id).order_by(Panel.position, Invitation.seat, Invitation.id))
    if panel_id is not None:
        query = query.where(Invitation.panel_id == panel_id)
    found = [Seat(*row[:14], attempts.get(row[0], 0)) for row in session.execute(query)]
    if found or session.exec(select(Invitation.id).where(Invitation.draw_id == draw.id)).first() is not None:
        return found
    drawn = (select(DrawMember.panel_id, Panel.name, DrawMember.position, DrawMember.person_id, Person.id_number,
                    Person.name, Person.mobile, DrawMember.enterprise, DrawMember.enterprise_basis)
             .join(Panel, Panel.id == DrawMember.panel_id).join(Person, Person.id == DrawMember.person_id)
             .where(DrawMember.draw_id == draw.id, DrawMember.reserve.is_(False))
             .order_by(Panel.position, DrawMember.position))
    if panel_id is not None:
        drawn = drawn.where(DrawMember.panel_id == panel_id)
    return [Seat(None, *row, "draw", 1, "pending", None, 0) for row in session.execute(drawn)]


def holders(found: list[Seat]) -> dict[tuple[int, int], Seat]:
    """Each seat's current invitation (the newest one of the seat)."""
    held: dict[tuple[int, int], Seat] = {}
    for seat in found:
        held[(seat.panel_id, seat.seat)] = seat
    return held


def panel_of(session: Session, round_id: int, name: str) -> Panel:
    panel = session.exec(select(Panel).where(Panel.round_id == round_id, Panel.name == name.strip())).first()
    if panel is None:
        names = "、".join(session.exec(select(Panel.name).where(Panel.round_id == round_id).order_by(Panel.position)))
        raise UserError(f"本轮没有名为「{name}」的评审组（有：{names or '无'}）")
    return panel
