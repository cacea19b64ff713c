"""Small look-ups of what a workspace already holds, loaded once per import or computation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from desktop.store.tables import Application, Expert, FieldCode, Organisation, Person


@dataclass
class Known:
    org_codes: dict[str, int]  # credit code → id
    org_kinds: dict[str, str]  # credit code → 单位类型
    persons: dict[str, str]  # ID number → name
    person_ids: dict[str, int]  # ID number → id
    experts: set[str]  # ID numbers
    applications: dict[str, int]  # number → id
    fields: set[str]


def known(session: Session) -> Known:
    orgs = session.execute(select(Organisation.credit_code, Organisation.id, Organisation.kind)).all()
    persons = session.execute(select(Person.id_number, Person.id, Person.name)).all()
    experts = session.execute(select(Person.id_number).join(Expert, Expert.person_id == Person.id)).scalars()
    return Known(
        org_codes={code: id_ for code, id_, _ in orgs},
        org_kinds={code: kind for code, _, kind in orgs},
        persons={number: name for number, _, name in persons},
        person_ids={number: id_ for number, id_, _ in persons},
        experts=set(experts),
        applications=dict(session.execute(select(Application.number, Application.id)).all()),
        fields=set(session.execute(select(FieldCode.code)).scalars()),
    )
