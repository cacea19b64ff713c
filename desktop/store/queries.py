"""Read queries that return plain dictionaries, for listings and detail views."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from desktop.store.engine import dbapi_cursor
from desktop.store.tables import (Application, ApplicationPartner, DeclaredConflict, Employment, Expert,
                                  IntegrityRecord, Lobbying, Organisation, Person, Relation, RequestedExclusion,
                                  TeamMember)


def experts(session: Session, id_number: str | None = None) -> list[dict]:
    """Experts as the pool holds them; whether each counts as an enterprise expert is derived by the services."""
    query = (select(Person.id_number, Person.name, Person.mobile, Person.email, Expert.title, Expert.fields,
                    Expert.status, Organisation.name, Organisation.credit_code, Organisation.kind)
             .join(Expert, Expert.person_id == Person.id)
             .join(Organisation, Organisation.id == Expert.organisation_id)
             .order_by(Person.id_number))
    if id_number is not None:
        query = query.where(Person.id_number == id_number)
    return [{"id_number": i, "name": n, "mobile": m, "email": e, "title": title,
             "fields": [f for f in fields.split(";") if f], "status": status,
             "organisation": org, "organisation_code": code, "organisation_kind": kind}
            for i, n, m, e, title, fields, status, org, code, kind in session.execute(query)]


def expert_table(session: Session) -> list[dict]:
    """The pool as the window's table shows it, unsorted. On 50,000 experts this decides how soon the table opens,
    so it reads through the DBAPI cursor (SQLAlchemy's result rows cost 0.2 s more) and reads each organisation
    once, sharing its name among its experts instead of decoding it again for every row."""
    with dbapi_cursor(session) as cursor:
        organisations = {id_: (name, kind) for id_, name, kind in cursor.execute(
            "SELECT id, name, kind FROM organisation")}
        rows = cursor.execute(
            "SELECT p.id_number, p.name, p.mobile, e.title, e.fields, e.status, e.organisation_id"
            " FROM expert AS e JOIN person AS p ON p.id = e.person_id").fetchall()
    table = []
    for id_number, name, mobile, title, fields, status, organisation in rows:
        org_name, org_kind = organisations[organisation]
        table.append({"id_number": id_number, "name": name, "mobile": mobile, "title": title,
                      "fields": fields.split(";") if fields else [],
                      "status": status, "organisation": org_name, "organisation_kind": org_kind})
    return table


def organisations(session: Session, credit_code: str | None = None) -> list[dict]:
    query = select(Organisation.credit_code, Organisation.name, Organisation.kind).order_by(Organisation.credit_code)
    if credit_code is not None:
        query = query.where(Organisation.credit_code == credit_code)
    return [{"credit_code": c, "name": n, "kind": k} for c, n, k in session.execute(query)]


def persons(session: Session, id_number: str | None = None) -> list[dict]:
    query = select(Person.id_number, Person.name, Person.mobile, Person.email).order_by(Person.id_number)
    if id_number is not None:
        query = query.where(Person.id_number == id_number)
    return [{"id_number": i, "name": n, "mobile": m, "email": e} for i, n, m, e in session.execute(query)]


def applications(session: Session, number: str | None = None) -> list[dict]:
    query = (select(Application.id, Application.number, Application.title, Application.field_code,
                    Organisation.name, Organisation.credit_code)
             .join(Organisation, Organisation.id == Application.applicant_org_id).order_by(Application.number))
    if number is not None:
        query = query.where(Application.number == number)
    rows = session.execute(query).all()
    leaders = dict(session.execute(
        select(TeamMember.application_id, Person.name).join(Person, Person.id == TeamMember.person_id)
        .where(TeamMember.role == "负责人")).all())
    return [{"number": n, "title": title, "field_code": f, "applicant": org, "applicant_code": code,
             "leader": leaders.get(id_, "")} for id_, n, title, f, org, code in rows]


def relations(session: Session, relation_id: int | None = None) -> list[dict]:
    a, b = aliased(Person), aliased(Person)
    query = (select(Relation.id, a.id_number, a.name, b.id_number, b.name, Relation.kind, Relation.from_year,
                    Relation.to_year, Relation.note)
             .join(a, a.id == Relation.person_a_id).join(b, b.id == Relation.person_b_id).order_by(Relation.id))
    if relation_id is not None:
        query = query.where(Relation.id == relation_id)
    return [{"id": id_, "a": ai, "a_name": an, "b": bi, "b_name": bn, "kind": k, "from_year": fy, "to_year": ty,
             "note": note} for id_, ai, an, bi, bn, k, fy, ty, note in session.execute(query)]


def integrity(session: Session, record_id: int | None = None, subject: str | None = None) -> list[dict]:
    query = select(IntegrityRecord).order_by(IntegrityRecord.id)
    if record_id is not None:
        query = query.where(IntegrityRecord.id == record_id)
    if subject is not None:
        query = query.where(IntegrityRecord.subject_code == subject)
    return [_integrity_dict(r) for r in session.execute(query).scalars()]


def _integrity_dict(record: IntegrityRecord) -> dict:
    data = record.model_dump()
    data["measures"] = [m for m in record.measures.split(";") if m]
    return data


def counts(session: Session) -> dict[str, int]:
    def n(table) -> int:
        return session.execute(select(func.count()).select_from(table)).scalar_one()
    return {"experts": n(Expert), "organisations": n(Organisation), "applications": n(Application),
            "persons": n(Person), "relations": n(Relation), "integrity": n(IntegrityRecord),
            "employment": n(Employment)}


def expert_detail(session: Session, id_number: str) -> dict | None:
    found = experts(session, id_number)
    if not found:
        return None
    detail = found[0]
    person_id = session.execute(select(Person.id).where(Person.id_number == id_number)).scalar_one()
    detail["history"] = [
        {"organisation": name, "credit_code": code, "from_year": fy, "to_year": ty}
        for name, code, fy, ty in session.execute(
            select(Organisation.name, Organisation.credit_code, Employment.from_year, Employment.to_year)
            .join(Organisation, Organisation.id == Employment.organisation_id)
            .where(Employment.person_id == person_id).order_by(Employment.from_year))]
    detail["relations"] = _relations_of(session, person_id)
    detail["integrity"] = integrity(session, subject=id_number)
    detail["declared"] = [{"application": n, "reason": r} for n, r in session.execute(
        select(Application.number, DeclaredConflict.reason)
        .join(Application, Application.id == DeclaredConflict.application_id)
        .where(DeclaredConflict.person_id == person_id))]
    detail["lobbying"] = [{"application": n, "date": d, "note": note, "accepted": bool(acc)}
                          for n, d, note, acc in session.execute(
        select(Application.number, Lobbying.recorded_on, Lobbying.note, Lobbying.accepted)
        .join(Application, Application.id == Lobbying.application_id).where(Lobbying.person_id == person_id))]
    return detail


def _relations_of(session: Session, person_id: int) -> list[dict]:
    other = aliased(Person)
    rows = []
    for column, other_column in ((Relation.person_a_id, Relation.person_b_id),
                                 (Relation.person_b_id, Relation.person_a_id)):
        rows += [{"id_number": i, "name": n, "kind": k, "from_year": fy, "to_year": ty, "note": note}
                 for i, n, k, fy, ty, note in session.execute(
            select(other.id_number, other.name, Relation.kind, Relation.from_year, Relation.to_year, Relation.note)
            .join(other, other.id == other_column).where(column == person_id))]
    return rows


def application_detail(session: Session, number: str) -> dict | None:
    found = applications(session, number)
    if not found:
        return None
    detail = found[0]
    app_id = session.execute(select(Application.id).where(Application.number == number)).scalar_one()
    detail["partners"] = [{"name": n, "credit_code": c} for n, c in session.execute(
        select(Organisation.name, Organisation.credit_code)
        .join(ApplicationPartner, ApplicationPartner.organisation_id == Organisation.id)
        .where(ApplicationPartner.application_id == app_id))]
    member_org = aliased(Organisation)
    detail["team"] = [{"name": n, "id_number": i, "role": role, "organisation_code": code}
                      for n, i, role, code in session.execute(
        select(Person.name, Person.id_number, TeamMember.role, member_org.credit_code)
        .join(TeamMember, TeamMember.person_id == Person.id)
        .outerjoin(member_org, member_org.id == TeamMember.organisation_id)
        .where(TeamMember.application_id == app_id).order_by(TeamMember.position))]
    detail["requested_exclusions"] = [{"expert": i, "name": n, "reason": r} for i, n, r in session.execute(
        select(Person.id_number, Person.name, RequestedExclusion.reason)
        .join(RequestedExclusion, RequestedExclusion.person_id == Person.id)
        .where(RequestedExclusion.application_id == app_id).order_by(RequestedExclusion.position))]
    return detail


def application_heads(session: Session, numbers: list[str]) -> dict[str, tuple[str, str, str]]:
    """Application number → (title, applying unit, the PI's name), as notices and lists head an application."""
    heads = dict(session.execute(select(Application.number, Person.name)
                                 .join(TeamMember, TeamMember.application_id == Application.id)
                                 .join(Person, Person.id == TeamMember.person_id)
                                 .where(Application.number.in_(numbers), TeamMember.role == "负责人")).all())
    return {number: (title, unit, heads.get(number, "")) for number, title, unit in session.execute(
        select(Application.number, Application.title, Organisation.name)
        .join(Organisation, Organisation.id == Application.applicant_org_id)
        .where(Application.number.in_(numbers)))}
