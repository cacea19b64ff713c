"""Who sits on each panel of a round, read in this one place for commitments, attendance, scoring and results.

A panel's members are those of its current confirmation (``panel_confirmation`` not superseded, its ``members``
JSON as services/confirmation.py writes it); a panel not confirmed has no seats yet — scoring opens only once every
panel is confirmed. Besides: who recorded a commitment for the round, the attendance of the review day, each panel's
applications in number order, who ran each panel's draws, and which seats of the draw still wait for an answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from desktop.store.execution_tables import Attendance, DrawBatch, ExpertCommitment, Invitation, PanelConfirmation
from desktop.store.round_tables import Draw, DrawMember, Panel, PanelApplication
from desktop.store.tables import Application, Person


@dataclass(frozen=True)
class Seat:
    panel_id: int
    panel: str
    person_id: int
    id_number: str
    name: str
    enterprise: bool  # as the panel was confirmed (ENTERPRISE_THIRD as it sat counts these)


@dataclass(frozen=True)
class PanelRow:
    id: int
    name: str
    applications: tuple[str, ...]  # numbers, in order
    application_ids: dict[str, int]


def panels(session: Session, round_id: int) -> list[PanelRow]:
    apps: dict[int, list[tuple[str, int]]] = {}
    for panel_id, number, app_id in session.execute(
            select(PanelApplication.panel_id, Application.number, Application.id)
            .join(Application, Application.id == PanelApplication.application_id)
            .where(PanelApplication.round_id == round_id).order_by(Application.number)):
        apps.setdefault(panel_id, []).append((number, app_id))
    return [PanelRow(id_, name, tuple(n for n, _ in apps.get(id_, ())), dict(apps.get(id_, ())))
            for id_, name in session.execute(select(Panel.id, Panel.name).where(Panel.round_id == round_id)
                                             .order_by(Panel.position))]


def seats(session: Session, round_id: int) -> list[Seat]:
    """Every member of the round's confirmed panels, in panel and seat order, named as the expert pool names them
    now."""
    confirmed = session.execute(
        select(PanelConfirmation.panel_id, Panel.name, PanelConfirmation.members)
        .join(Panel, Panel.id == PanelConfirmation.panel_id)
        .where(PanelConfirmation.round_id == round_id, PanelConfirmation.superseded.is_(False))
        .order_by(Panel.position)).all()
    members = [(panel_id, name, member) for panel_id, name, made in confirmed for member in json.loads(made)]
    people = {number: (id_, name) for id_, number, name in session.execute(
        select(Person.id, Person.id_number, Person.name).where(Person.id_number.in_([m["expert"] for *_, m in members])))}
    return [Seat(panel_id, panel, people[m["expert"]][0], m["expert"], people[m["expert"]][1], bool(m["enterprise"]))
            for panel_id, panel, m in members]


def committed(session: Session, round_id: int) -> set[int]:
    """The people with a commitment recorded for the round (EXPERT_COMMITMENT)."""
    return set(session.execute(select(ExpertCommitment.person_id).where(
        ExpertCommitment.round_id == round_id)).scalars())


def attendance(session: Session, round_id: int) -> dict[int, str]:
    return dict(session.execute(select(Attendance.person_id, Attendance.status).where(
        Attendance.round_id == round_id)).all())


def draw_operators(session: Session, round_id: int) -> set[str]:
    """Everyone who ran a draw of the round or one of its supplementary draws (SEPARATION at approval)."""
    operators = set(session.execute(select(Draw.operator).where(Draw.round_id == round_id)).scalars())
    operators |= set(session.execute(select(DrawBatch.made_by).join(Draw, Draw.id == DrawBatch.draw_id)
                                     .where(Draw.round_id == round_id)).scalars())
    return operators


def unanswered(session: Session, round_id: int) -> list[tuple[str, str, str]]:
    """(panel, name, status) of each seat of the round's current draw whose newest invitation has no acceptance yet
    (pending, or freed and waiting for a supplementary draw), in panel and seat order; every drawn member, pending,
    while the draw's invitations are not written yet."""
    draw = session.execute(select(Draw.id).where(Draw.round_id == round_id, Draw.superseded.is_(False))).scalar()
    if draw is None:
        return []
    rows = session.execute(
        select(Panel.name, Invitation.seat, Person.name, Invitation.status)
        .join(Panel, Panel.id == Invitation.panel_id).join(Person, Person.id == Invitation.person_id)
        .where(Invitation.draw_id == draw).order_by(Panel.position, Invitation.seat, Invitation.id)).all()
    if not rows:
        rows = [(panel, seat, name, "pending") for panel, seat, name in session.execute(
            select(Panel.name, DrawMember.position, Person.name)
            .join(Panel, Panel.id == DrawMember.panel_id).join(Person, Person.id == DrawMember.person_id)
            .where(DrawMember.draw_id == draw, DrawMember.reserve.is_(False))
            .order_by(Panel.position, DrawMember.position))]
    held: dict[tuple[str, int], tuple[str, str, str]] = {}
    for panel, seat, name, status in rows:
        held[(panel, seat)] = (panel, name, status)
    return [seat for seat in held.values() if seat[2] != "accepted"]
