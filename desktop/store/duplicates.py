"""Rows that are one person, organisation or misconduct record once identifiers are canonical, and merging them.

Migration 0015 makes every stored identifier canonical and refuses when two rows would become one: a workspace
imported before RULES.md IDENTIFIERS may hold the same person twice (``３７０６…x`` as a team member, ``3706…X`` as
an expert). Such a workspace is opened at ``BEFORE_CANONICAL`` (desktop.store.workspace ``held_at``) and the rows are
read, merged or corrected here, in the schema of that revision, through the foreign keys the database itself
declares, so a table added later is re-pointed too.

Merging re-points every reference to the dropped row to the kept one. Where the kept row already has the same
reference (a team membership, a relation, a stay), the two would break a unique constraint: the dropped row's copy is
deleted and counted as collapsed. What a round produced (draw seats, invitations, scores, commitments: the rows of a
table that belongs to a round or a draw) is never re-pointed: ``round_records`` names them so the caller can refuse.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desktop.domain.ids import canonical
from desktop.store.digests import quote_name

BEFORE_CANONICAL = "0014"  # the revision before migration 0015 made identifiers canonical


@dataclass(frozen=True)
class Kind:
    table: str
    code: str  # the identifier's column
    name: str  # the column that names the person, the organisation or a record's subject


KINDS = {"person": Kind("person", "id_number", "name"),
         "organisation": Kind("organisation", "credit_code", "name"),
         "integrity_record": Kind("integrity_record", "subject_code", "subject_name")}

# a misconduct record is the same record when its subject, violation, decision date and project number are
_RECORD_KEY = "violation, decision_date, project_number"


def _keys(cursor, kind: str) -> dict[int, tuple]:
    """Each row of ``kind`` with what makes it one with another: its canonical identifier (for a misconduct record,
    with its violation, decision date and project number)."""
    spec = KINDS[kind]
    extra = f", {_RECORD_KEY}" if kind == "integrity_record" else ""
    return {id_: (canonical(code), *rest)
            for id_, code, *rest in cursor.execute(f"SELECT id, {spec.code}{extra} FROM {spec.table} ORDER BY id")}


def clash_groups(cursor) -> list[tuple[str, list[int]]]:
    """Each set of rows of one kind that the canonical form makes one, as (kind, row ids), in the order of the rows."""
    found = []
    for kind in KINDS:
        groups = defaultdict(list)
        for id_, one in _keys(cursor, kind).items():
            groups[one].append(id_)
        found += [(kind, ids) for ids in groups.values() if len(ids) > 1]
    return found


def sharing(cursor, kind: str, row: int, code: str) -> list[int]:
    """The rows other than ``row`` that would be one with it if its identifier were the canonical ``code``."""
    keys = _keys(cursor, kind)
    mine = (code, *keys[row][1:])
    return [id_ for id_, one in keys.items() if id_ != row and one == mine]


def identifier(cursor, kind: str, row: int) -> tuple[str, str] | None:
    """The row's identifier as stored and its name; None if there is no such row."""
    spec = KINDS[kind]
    return cursor.execute(f"SELECT {spec.code}, {spec.name} FROM {spec.table} WHERE id = ?", (row,)).fetchone()


def _columns(cursor, table: str) -> set[str]:
    return {row[1] for row in cursor.execute(f"PRAGMA table_info({quote_name(table)})")}


def references(cursor, table: str) -> list[tuple[str, str]]:
    """Every (table, column) whose foreign key names ``table``."""
    found = []
    for (other,) in cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
        for key in cursor.execute(f"PRAGMA foreign_key_list({quote_name(other)})").fetchall():
            if key[2] == table:
                found.append((other, key[3]))
    return found


def round_records(cursor, kind: str, row: int) -> dict[str, list[int]]:
    """The rows of tables that belong to a round or a draw and name ``row``: table → the rounds they are of."""
    found = {}
    for table, column in references(cursor, KINDS[kind].table):
        columns = _columns(cursor, table)
        if "round_id" in columns:
            sql = f"SELECT DISTINCT round_id FROM {quote_name(table)} WHERE {quote_name(column)} = ?"
        elif "draw_id" in columns:
            sql = (f"SELECT DISTINCT d.round_id FROM {quote_name(table)} t JOIN draw d ON d.id = t.draw_id "
                   f"WHERE t.{quote_name(column)} = ?")
        else:
            continue
        rounds = [r for (r,) in cursor.execute(sql, (row,)).fetchall()]
        if rounds:
            found[table] = sorted(r for r in rounds if r is not None)
    return found


def _years(start, end) -> str:
    return f"{start or ''}–{end or ''}" if start or end else ""


def _during(what: str, start, end) -> str:
    years = _years(start, end)
    return f"{what}（{years}）" if years else what


def _person(cursor, row: int) -> dict:
    id_number, name, mobile, email, head = cursor.execute(
        "SELECT id_number, name, mobile, email, head_of_unit FROM person WHERE id = ?", (row,)).fetchone()
    expert = cursor.execute(
        "SELECT o.name, o.credit_code, e.title, e.fields, e.enterprise, e.status FROM expert e "
        "JOIN organisation o ON o.id = e.organisation_id WHERE e.person_id = ?", (row,)).fetchone()
    code = canonical(id_number)
    return {
        "name": name, "stored_as": id_number, "born": f"{code[6:10]}-{code[10:12]}-{code[12:14]}" if len(code) == 18
        else "", "mobile": mobile, "email": email, "head_of_unit": bool(head),
        "expert": None if expert is None else {"organisation": f"{expert[0]}（{expert[1]}）", "title": expert[2],
                                               "fields": expert[3], "enterprise": bool(expert[4]),
                                               "status": expert[5]},
        "stays": sorted(_during(o, a, b) for o, a, b in cursor.execute(
            "SELECT o.name, s.from_year, s.to_year FROM employment s JOIN organisation o ON o.id = s.organisation_id "
            "WHERE s.person_id = ?", (row,))),
        "relations": sorted(_during(f"{kind}：{other}", a, b) for kind, other, a, b in cursor.execute(
            "SELECT r.kind, p.name, r.from_year, r.to_year FROM relation r JOIN person p "
            "ON p.id = CASE WHEN r.person_a_id = ? THEN r.person_b_id ELSE r.person_a_id END "
            "WHERE ? IN (r.person_a_id, r.person_b_id)", (row, row))),
        "team": sorted(f"{number} {role}" for number, role in cursor.execute(
            "SELECT a.number, t.role FROM team_member t JOIN application a ON a.id = t.application_id "
            "WHERE t.person_id = ?", (row,))),
        "declared": sorted(n for (n,) in cursor.execute(
            "SELECT a.number FROM declared_conflict d JOIN application a ON a.id = d.application_id "
            "WHERE d.person_id = ?", (row,))),
        "requested": sorted(n for (n,) in cursor.execute(
            "SELECT a.number FROM requested_exclusion r JOIN application a ON a.id = r.application_id "
            "WHERE r.person_id = ?", (row,))),
        "lobbying": sorted(f"{n} {on}" for n, on in cursor.execute(
            "SELECT a.number, l.recorded_on FROM lobbying l JOIN application a ON a.id = l.application_id "
            "WHERE l.person_id = ?", (row,))),
    }


def _organisation(cursor, row: int) -> dict:
    code, name, kind = cursor.execute("SELECT credit_code, name, kind FROM organisation WHERE id = ?",
                                      (row,)).fetchone()

    def count(sql: str) -> int:
        return cursor.execute(sql, (row,)).fetchone()[0]

    return {
        "name": name, "stored_as": code, "kind": kind,
        "experts": count("SELECT count(*) FROM expert WHERE organisation_id = ?"),
        "stays": count("SELECT count(*) FROM employment WHERE organisation_id = ?"),
        "applications": sorted(n for (n,) in cursor.execute(
            "SELECT number FROM application WHERE applicant_org_id = ?", (row,))),
        "partner_of": sorted(n for (n,) in cursor.execute(
            "SELECT a.number FROM application_partner p JOIN application a ON a.id = p.application_id "
            "WHERE p.organisation_id = ?", (row,))),
        "team_units": count("SELECT count(*) FROM team_member WHERE organisation_id = ?"),
    }


def _record(cursor, row: int) -> dict:
    found = cursor.execute(
        "SELECT subject_name, subject_code, project_name, measures, penalty_start, penalty_end, decided_by, basis, "
        "notified_on, repaired_on FROM integrity_record WHERE id = ?", (row,)).fetchone()
    name, code, project, measures, start, end, decided_by, basis, notified, repaired = found
    return {"name": name, "stored_as": code, "project_name": project, "measures": measures,
            "penalty": _years(start, end), "decided_by": decided_by, "basis": basis, "notified_on": notified,
            "repaired_on": repaired,
            "repairs": cursor.execute("SELECT count(*) FROM credit_repair WHERE record_id = ?", (row,)).fetchone()[0]}


_FACTS = {"person": _person, "organisation": _organisation, "integrity_record": _record}


def facts(cursor, kind: str, row: int) -> dict:
    """What the row records and what refers to it, as plain values (identifiers as stored: the caller masks them)."""
    return {**_FACTS[kind](cursor, row), "round_records": round_records(cursor, kind, row)}


def merge(cursor, kind: str, keep: int, drop: int) -> dict[str, dict[str, int]]:
    """Re-point every reference to ``drop`` at ``keep`` and delete ``drop``; what moved and what was one row with
    the kept row's own (collapsed), per table.column. The kept row keeps its own values; a person's empty mobile or
    e-mail is taken from the dropped row. A relation of the two with each other goes (a person is not their own
    colleague), and relations keep their smaller person first."""
    table = KINDS[kind].table
    moved, collapsed = {}, {}
    for other, column in references(cursor, table):
        where = f"{quote_name(other)}.{quote_name(column)}"
        count = cursor.execute(f"UPDATE OR IGNORE {quote_name(other)} SET {quote_name(column)} = ? WHERE {where} = ?",
                               (keep, drop)).rowcount
        left = cursor.execute(f"DELETE FROM {quote_name(other)} WHERE {where} = ?", (drop,)).rowcount
        if count:
            moved[f"{other}.{column}"] = count
        if left:
            collapsed[f"{other}.{column}"] = left
    if kind == "person":
        cursor.execute(
            "UPDATE person SET mobile = CASE mobile WHEN '' THEN (SELECT mobile FROM person WHERE id = :drop) "
            "ELSE mobile END, email = CASE email WHEN '' THEN (SELECT email FROM person WHERE id = :drop) "
            "ELSE email END, head_of_unit = head_of_unit OR (SELECT head_of_unit FROM person WHERE id = :drop) "
            "WHERE id = :keep", {"keep": keep, "drop": drop})
        own = cursor.execute("DELETE FROM relation WHERE person_a_id = ? AND person_b_id = ?", (keep, keep)).rowcount
        cursor.execute("UPDATE OR IGNORE relation SET person_a_id = person_b_id, person_b_id = person_a_id "
                       "WHERE person_a_id > person_b_id AND ? IN (person_a_id, person_b_id)", (keep,))
        twice = cursor.execute("DELETE FROM relation WHERE person_a_id > person_b_id AND ? IN (person_a_id, "
                               "person_b_id)", (keep,)).rowcount
        if own or twice:
            collapsed["relation.person_a_id"] = collapsed.get("relation.person_a_id", 0) + own + twice
    cursor.execute(f"DELETE FROM {table} WHERE id = ?", (drop,))
    return {"moved": moved, "collapsed": collapsed}


def set_identifier(cursor, kind: str, row: int, code: str) -> None:
    spec = KINDS[kind]
    cursor.execute(f"UPDATE {spec.table} SET {spec.code} = ? WHERE id = ?", (code, row))
