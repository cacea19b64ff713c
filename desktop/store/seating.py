"""Who sat on each panel of a round, read in one place for scoring and results.

A panel's members are those of its current confirmation (``panel_confirmation`` not superseded, its ``members``
JSON); a panel not confirmed yet has its accepted invitations. Besides: who recorded a commitment for the round, the
attendance of the review day, each panel's applications in number order, and who ran each panel's draws.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from desktop.store.execution_tables import (Attendance, DrawBatch, ExpertCommitment, Invitation,
                                            PanelConfirmation)
from desktop.store.round_tables import Draw, Panel, PanelApplication
from desktop.store.tables import Application, Person


@dataclass(frozen=True)
class Seat:
    panel_id: int
    person_id: int
    id_number: str
    name: str


@dataclass(frozen=True)
class PanelRow:
    id: int
    name: str
    applications: tuple[str, ...]  # numbers, in order
    application_ids: dict[str, int]
    confirmed: bool


def _member_key(entry) -> str | int:
    """A confirmed seat's expert as the confirmation's JSON names it: an ID number, or {"expert": ID number} (the
    draw record's shape), or a person id."""
    if isinstance(entry, dict):
        for key in ("expert", "id_number", "person_id", "person"):
            if key in entry:
                return entry[key]
        raise ValueError(f"评审组确认记录无法识别的成员：{entry}")
    return entry


def panels(session: Session, round_id: int) -> list[PanelRow]:
    confirmed = set(session.execute(select(PanelConfirmation.panel_id).where(
        PanelConfirmation.round_id == round_id, PanelConfirmation.superseded.is_(False))).scalars())
    apps: dict[int, list[tuple[str, int]]] = {}
    for panel_id, number, app_id in session.execute(
            select(PanelApplication.panel_id, Application.number, Application.id)
            .join(Application, Application.id == PanelApplication.application_id)
            .where(PanelApplication.round_id == round_id).order_by(Application.number)):
        apps.setdefault(panel_id, []).append((number, app_id))
    return [PanelRow(id_, name, tuple(n for n, _ in apps.get(id_, ())), dict(apps.get(id_, ())), id_ in confirmed)
            for id_, name in session.execute(select(Panel.id, Panel.name).where(Panel.round_id == round_id)
                                             .order_by(Panel.position))]


def seats(session: Session, round_id: int) -> list[Seat]:
    """Every member of every panel of the round, confirmed panels from their confirmation, the others from their
    accepted invitations of the current draw."""
    found: list[tuple[int, int]] = []
    confirmations = session.execute(select(PanelConfirmation.panel_id, PanelConfirmation.members).where(
        PanelConfirmation.round_id == round_id, PanelConfirmation.superseded.is_(False))).all()
    keys = {panel_id: [_member_key(e) for e in json.loads(members)] for panel_id, members in confirmations}
    named = {k for ks in keys.values() for k in ks if isinstance(k, str)}
    by_number = dict(session.execute(select(Person.id_number, Person.id).where(Person.id_number.in_(named))).all())
    for panel_id, ks in keys.items():
        found += [(panel_id, by_number[k] if isinstance(k, str) else int(k)) for k in ks]
    current = session.execute(select(Draw.id).where(Draw.round_id == round_id, Draw.superseded.is_(False))).scalar()
    if current is not None:
        found += [(p, person) for p, person in session.execute(
            select(Invitation.panel_id, Invitation.person_id).where(
                Invitation.draw_id == current, Invitation.status == "accepted",
                Invitation.panel_id.not_in(list(keys) or [-1])).order_by(Invitation.panel_id, Invitation.seat))]
    ids = [person for _, person in found]
    people = {id_: (number, name) for id_, number, name in session.execute(
        select(Person.id, Person.id_number, Person.name).where(Person.id.in_(ids)))}
    return [Seat(panel_id, person, *people[person]) for panel_id, person in found]


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
