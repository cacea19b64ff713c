"""The round itself: its row (method and settings frozen in it), its panels with their applications, every draw with
its record (commitment, revealed secret, witness digits, seed, pool hash, members and reserves), the commitments
made for it, and why each expert was kept from each panel at each draw."""

from __future__ import annotations

import json

from sqlmodel import select

from desktop.services.archive.members import Source, json_member, lines_member
from desktop.services.draws import record_of
from desktop.services.rounds import get_round, method_of, settings_of
from desktop.store.round_tables import Draw, DrawCommitment, DrawMember, Exclusion, Panel, PanelApplication
from desktop.store.tables import Application, Person

ROUND = "data/round.json"
EXCLUSIONS = "data/exclusions.jsonl"


def members(source: Source):
    session, round_id = source.session, source.round_id
    row = get_round(session, round_id)
    panels = []
    for panel in session.exec(select(Panel).where(Panel.round_id == round_id).order_by(Panel.position)):
        numbers = session.exec(select(Application.number).join(PanelApplication,
                               PanelApplication.application_id == Application.id)
                               .where(PanelApplication.panel_id == panel.id).order_by(Application.number)).all()
        panels.append(panel.model_dump() | {"applications": list(numbers)})
    draws = list(session.exec(select(Draw).where(Draw.round_id == round_id).order_by(Draw.id)))
    commitments = [c.model_dump() | ({} if c.state == "used" else {"secret": ""})  # an unused secret stays hidden
                   for c in session.exec(select(DrawCommitment).where(DrawCommitment.round_id == round_id)
                                         .order_by(DrawCommitment.id))]
    yield json_member(ROUND, {
        "round": row.model_dump(), "method": method_of(row).to_dict(), "settings": settings_of(row).to_dict(),
        "panels": panels,
        "draws": [record_of(session, d).to_dict() | {"rules": json.loads(d.rules), "rows": _rows(session, d.id)}
                  for d in draws],
        "commitments": commitments})
    ids = [d.id for d in draws]

    def exclusions():
        for draw_id in ids:
            for row_ in session.exec(select(Exclusion).where(Exclusion.draw_id == draw_id).order_by(Exclusion.id)
                                     .execution_options(yield_per=16)):  # 15 MB of grounds a draw, a few at a time
                yield {"draw": row_.draw_id, "panel": row_.panel_id, "grounds": json.loads(row_.grounds)}
    yield lines_member(EXCLUSIONS, exclusions)


def _rows(session, draw_id: int) -> list[list]:
    """The draw's member rows as stored (panel, ID number, reserve, position, enterprise, basis): what an import
    writes back, the reserves' enterprise flags included, which the record does not show."""
    return [list(row) for row in session.execute(
        select(Panel.name, Person.id_number, DrawMember.reserve, DrawMember.position, DrawMember.enterprise,
               DrawMember.enterprise_basis).join(Panel, Panel.id == DrawMember.panel_id)
        .join(Person, Person.id == DrawMember.person_id).where(DrawMember.draw_id == draw_id)
        .order_by(Panel.position, DrawMember.reserve, DrawMember.position))]
