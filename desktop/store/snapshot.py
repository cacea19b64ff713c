"""Loading the pool and a round from the database as the plain values desktop.domain.recusal works on.

Plain SQL over the indexed tables, one pass per kind of row: at 50,000 experts and a million stays and relations the
load is the floor the conflict computation is measured against.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Collection

from sqlalchemy import text
from sqlmodel import Session

from desktop.domain.methods import RoundSettings
from desktop.domain.pool import (Application, Declared, Expert, IntegrityRecord, Lobbying, Pool, Requested,
                                 RoundCase, TeamMember)
from desktop.store import digests
from desktop.store.engine import dbapi_cursor

_intern = sys.intern


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


_STAYS = ("SELECT p.id_number, o.credit_code, o.name, s.from_year, s.to_year FROM employment s "
          "JOIN expert e ON e.person_id = s.person_id JOIN person p ON p.id = s.person_id "
          "JOIN organisation o ON o.id = s.organisation_id")
_EXPLICIT = "CASE WHEN e.enterprise_explicit THEN e.enterprise END"  # the 企业专家 column's answer, or NULL
_KINDS = "SELECT credit_code, kind FROM organisation"
_ONLY_EXPERTS = " WHERE p.id_number IN (SELECT value FROM json_each(:experts))"  # the experts given, as JSON
_LOBBYING = ("SELECT p.id_number, a.number, l.recorded_on, l.note, l.accepted FROM lobbying l "
             "JOIN person p ON p.id = l.person_id JOIN application a ON a.id = l.application_id")


# The team members of a round's applications: only relations touching one of them can exclude anyone in the round.
_ROUND_TEAM = ("SELECT t.person_id FROM team_member t JOIN panel_application pa ON pa.application_id = t.application_id "
               "WHERE pa.round_id = :round")


def round_team(cursor, round_id: int) -> set[int]:
    """The persons on the teams of the round's applications: a relation can bind the round only through one of
    them (``raw_pool_rows`` reads no other)."""
    return {person for (person,) in cursor.execute(_ROUND_TEAM, {"round": round_id})}


def raw_pool_rows(session: Session, round_id: int | None = None,
                  experts: Collection[str] | None = None, *, shared: bool = False) -> dict[str, list[tuple]]:
    """The pool's rows as the database gives them (the conflict benchmark's baseline); for a round, only the
    relations that touch a team member of its applications (a few percent of them), since no other relation can
    give a ground in it. With ``experts`` (ID numbers), only those experts and their stays: every ground is of one
    expert and one application, so the grounds of a panel's members come from their rows alone. ``shared``: each
    text one object however many rows repeat it (``_shared_stays``), as the conflicts are computed from them."""
    relations, only = "", ""
    if round_id is not None:
        relations = f" WHERE r.person_a_id IN ({_ROUND_TEAM}) OR r.person_b_id IN ({_ROUND_TEAM})"
    if experts is not None:
        only = _ONLY_EXPERTS
    queries = {
        "experts": f"SELECT p.id_number, p.name, e.fields, {_EXPLICIT}, e.status, e.enterprise_reason FROM expert e "
                   "JOIN person p ON p.id = e.person_id" + only,
        "organisations": _KINDS,
        "stays": _STAYS + only,
        "relations": "SELECT a.id_number, b.id_number, r.kind, r.from_year, r.to_year, r.note FROM relation r "
                     "JOIN person a ON a.id = r.person_a_id JOIN person b ON b.id = r.person_b_id" + relations,
        "declared": "SELECT p.id_number, a.number, d.reason FROM declared_conflict d "
                    "JOIN person p ON p.id = d.person_id JOIN application a ON a.id = d.application_id",
        "requested": "SELECT a.number, p.id_number, q.reason, q.position FROM requested_exclusion q "
                     "JOIN person p ON p.id = q.person_id JOIN application a ON a.id = q.application_id",
        "lobbying": _LOBBYING,
        "integrity": "SELECT i.id, i.subject_code, i.subject_name, i.violation, i.measures, i.penalty_start, "
                     "i.penalty_end, i.decided_by, i.basis, i.decision_date, i.repaired_on FROM integrity_record i "
                     "WHERE length(i.subject_code) = 18",
    }
    with dbapi_cursor(session) as cursor:
        parameters = {"round": round_id, "experts": json.dumps(sorted(experts or ()))}
        if not shared:
            return {kind: cursor.execute(sql, parameters).fetchall() for kind, sql in queries.items()}
        rows = {kind: cursor.execute(sql, parameters).fetchall() for kind, sql in queries.items()
                if kind not in ("stays", "relations")}
        rows["stays"] = _shared_stays(cursor, only, parameters)
        rows["relations"] = [(_intern(a), _intern(b), _intern(kind), start, end, _intern(note)) for a, b, kind, start,
                             end, note in cursor.execute(queries["relations"], parameters)]
        return rows


def _shared_stays(cursor, only: str, parameters: dict) -> list[tuple]:
    """The stays as ``_STAYS`` gives them, each ID number, credit code and name one object however many stays
    repeat it: the pool's 137,000 stays name 50,000 experts and 17,000 organisations, and a copy of each in every
    row held 40 MB while the conflicts were computed. Made from ids looked up in one read of each, which costs
    less than the join's copies did."""
    people = dict(cursor.execute("SELECT p.id, p.id_number FROM expert e JOIN person p ON p.id = e.person_id" + only,
                                 parameters))
    places = {i: (code, name) for i, code, name in cursor.execute("SELECT id, credit_code, name FROM organisation")}
    return [(people[person], *places[place], start, end) for person, place, start, end in cursor.execute(
        "SELECT s.person_id, s.organisation_id, s.from_year, s.to_year FROM employment s "
        "JOIN expert e ON e.person_id = s.person_id JOIN person p ON p.id = s.person_id" + only, parameters)
        if place in places]  # as the join: a stay at no organisation (a database changed by hand) is no row


def enterprise_rows(session: Session, experts: Collection[str] | None = None
                    ) -> tuple[list[tuple], list[tuple], dict[str, str]]:
    """What ENTERPRISE_THIRD is derived from: (ID number, the 企业专家 column's answer or None, its reason) per
    expert, the experts' stays, and each organisation's type; with ``experts`` (ID numbers), of those alone."""
    only = "" if experts is None else _ONLY_EXPERTS
    parameters = {"experts": json.dumps(sorted(experts or ()))}
    with dbapi_cursor(session) as cursor:
        rows = cursor.execute(f"SELECT p.id_number, {_EXPLICIT}, e.enterprise_reason FROM expert e "
                              "JOIN person p ON p.id = e.person_id" + only, parameters).fetchall()
        return ([(i, None if ent is None else bool(ent), reason) for i, ent, reason in rows],
                cursor.execute(_STAYS + only, parameters).fetchall(), dict(cursor.execute(_KINDS).fetchall()))


def _lobbying(rows: list[tuple]) -> tuple[Lobbying, ...]:
    return tuple(Lobbying(i, n, _date(d), note, bool(accepted)) for i, n, d, note, accepted in rows)


def lobbying(session: Session) -> tuple[Lobbying, ...]:
    """The recorded requests (请托) alone, for the limits list, which needs nothing else of the pool."""
    with dbapi_cursor(session) as cursor:
        return _lobbying(cursor.execute(_LOBBYING).fetchall())


def pool_from_rows(rows: dict[str, list[tuple]]) -> Pool:
    return Pool(
        experts=tuple(Expert(_intern(i), n, tuple(filter(None, fields.split(";"))), None if ent is None else bool(ent),
                             status == "active", reason)
                      for i, n, fields, ent, status, reason in rows["experts"]),
        stays=tuple(rows["stays"]),
        relations=tuple(rows["relations"]),
        declared=tuple(Declared(i, n, reason) for i, n, reason in rows["declared"]),
        requested=tuple(Requested(n, i, reason, position + 1) for n, i, reason, position in rows["requested"]),
        lobbying=_lobbying(rows["lobbying"]),
        integrity=tuple(IntegrityRecord(str(id_), code, name, violation, measures, _date(start), _date(end), by, basis,
                                        _date(decided), _date(repaired))
                        for id_, code, name, violation, measures, start, end, by, basis, decided, repaired
                        in rows["integrity"]),
        org_kinds=dict(rows["organisations"]),
    )


def load_applications(session: Session, numbers: list[str] | None = None) -> tuple[Application, ...]:
    """Applications with their organisations and teams; all of them, or those numbered."""
    with dbapi_cursor(session) as cursor:
        apps = cursor.execute("SELECT a.id, a.number, a.title, a.field_code, o.credit_code FROM application a "
                              "JOIN organisation o ON o.id = a.applicant_org_id").fetchall()
        partner_rows = cursor.execute("SELECT p.application_id, o.credit_code FROM application_partner p "
                                      "JOIN organisation o ON o.id = p.organisation_id").fetchall()
        team_rows = cursor.execute(
            "SELECT t.application_id, p.id_number, p.name, t.role, o.credit_code FROM team_member t "
            "JOIN person p ON p.id = t.person_id LEFT JOIN organisation o ON o.id = t.organisation_id "
            "ORDER BY t.application_id, t.position").fetchall()
    if numbers is not None:
        wanted = set(numbers)
        apps = [row for row in apps if row[1] in wanted]
    partners: dict[int, list[str]] = {}
    for app_id, code in partner_rows:
        partners.setdefault(app_id, []).append(code)
    teams: dict[int, list[TeamMember]] = {}
    for app_id, id_number, name, role, code in team_rows:
        teams.setdefault(app_id, []).append(TeamMember(_intern(id_number), name, role, code))
    order = {n: i for i, n in enumerate(numbers or ())}
    apps = sorted(apps, key=lambda row: order.get(row[1], 0)) if numbers else apps
    return tuple(Application(number, title, field, applicant, tuple(partners.get(app_id, ())),
                             tuple(teams.get(app_id, ())))
                 for app_id, number, title, field, applicant in apps)


def load_case(session: Session, round_id: int) -> RoundCase:
    """The round as recusal sees it: review date, settings, its panels' applications and which panel each is in.

    Panels are keyed by name (unique in a round), not by row id, so a draw's seeded order does not depend on how a
    workspace happened to number its rows.
    """
    review_date, settings = session.execute(text(
        "SELECT review_date, settings FROM review_round WHERE id = :id"), {"id": round_id}).one()
    panel_of = dict(session.execute(text(
        "SELECT a.number, p.name FROM panel_application pa JOIN panel p ON p.id = pa.panel_id "
        "JOIN application a ON a.id = pa.application_id WHERE pa.round_id = :id"), {"id": round_id}).all())
    return RoundCase(dt.date.fromisoformat(review_date), RoundSettings.from_dict(json.loads(settings)),
                     load_applications(session, sorted(panel_of)), panel_of)


# The tables whose rows make the pool a draw is computed from (experts and their persons, organisations, stays,
# relations, declarations, requests, lobbying, integrity records, applications with partners and teams).
POOL_TABLES = ("application", "application_partner", "declared_conflict", "employment", "expert", "integrity_record",
               "lobbying", "organisation", "person", "relation", "requested_exclusion", "team_member")


def pool_hash(session: Session, rules: str) -> str:
    """The pool hash a draw binds (FAIR_DRAW): SHA-256 over the digests PanelDesk keeps of every pool table as the
    data changes (desktop.store.digests, the same the audit log records) and the round's rules and panels
    (``rules``, canonical JSON). Reading the kept digests costs milliseconds where hashing a million rows at each
    draw cost seconds; what it proves is the same because the digests are sums over every row's values: a change
    made through PanelDesk changes them, and a change made outside it leaves rows that no longer match them, which
    ``draw verify`` and ``audit verify`` recompute and name (desktop.services.draw_verify)."""
    digest = hashlib.sha256(b"PanelDesk pool hash v2\x00")
    digest.update(bytes.fromhex(digests.table_digest(session, POOL_TABLES)))
    digest.update(rules.encode("utf-8"))
    return digest.hexdigest()
