"""Writing a checked batch into the workspace, in dependency order, inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import Callable, Iterator

from sqlalchemy import bindparam, func, select, update
from sqlmodel import SQLModel

from desktop.services.importing.check import Batch
from desktop.services.stays import settle_stays
from desktop.store import bulk, digests
from desktop.store import tables as t
from desktop.store.limit_tables import OngoingProject
from desktop.store.lookups import Known


EVERY_ROW = "1"
RELATION_COLUMNS = ("person_a_id", "person_b_id", "kind", "from_year", "to_year", "note")


@contextmanager
def _digested(session, table: type[SQLModel], rows: int) -> Iterator[None]:
    """Write ``rows`` rows of ``table`` with its digests kept by a pass over the table before and after the write
    (digests.bulk) where they are many against what the table holds, by its per-row triggers otherwise. A trigger
    calls into Python for every row it fires on (it cost 14 s of the 850,000 relations' 18 s), a pass reads every
    row of the table twice: a few rows written into a large table go through the triggers."""
    held = session.execute(select(func.count()).select_from(table)).scalar_one()
    if rows and 2 * rows >= held:
        with digests.bulk(session, (table.__tablename__,), EVERY_ROW, ()):
            yield
    else:
        yield


def _size(batch: Batch, *kinds: str) -> int:
    return sum(len(rows.values) for kind in kinds for rows in batch.of(kind))


def _rows(batch: Batch, kind: str, *keys: str):
    for _, _, values in batch.values(kind, *keys):
        yield values


def write_batch(session, batch: Batch, known: Known, step: Callable[[str], None]) -> dict[str, dict[str, int]]:
    """Upsert every kind of the batch; returns per sheet title how many rows were new and how many updated."""
    counts: dict[str, dict[str, int]] = {}

    def count(kind: str, keys_before: set, keys_now) -> None:
        keys = list(keys_now)
        if keys:
            title = batch.of(kind)[0].kind.title
            new = sum(1 for key in keys if key not in keys_before)
            counts[title] = {"新增": new, "更新": len(keys) - new}

    step("单位")
    with _digested(session, t.Organisation, _size(batch, "organisations")):
        bulk.upsert(session, t.Organisation, ({"credit_code": c, "name": n, "kind": k} for n, c, k in _rows(
            batch, "organisations", "name", "credit_code", "kind")), ("credit_code",), ("name", "kind"))
    count("organisations", set(known.org_codes), (c for (c,) in _rows(batch, "organisations", "credit_code")))
    step("学科")
    bulk.upsert(session, t.FieldCode, ({"code": c, "name": n, "parent": p}
                                       for c, n, p in _rows(batch, "fields", "code", "name", "parent")),
                ("code",), ("name", "parent"))
    count("fields", known.fields, (c for (c,) in _rows(batch, "fields", "code")))

    step("人员")
    with _digested(session, t.Person, _size(batch, "experts", "team")):
        bulk.upsert(session, t.Person, ({"id_number": i, "name": n, "mobile": m or "", "email": e or ""} for i, n, m, e
                                        in _rows(batch, "experts", "id_number", "name", "mobile", "email")),
                    ("id_number",), ("name", "mobile", "email"))
        bulk.upsert(session, t.Person, ({"id_number": i, "name": n}
                                        for i, n in _rows(batch, "team", "id_number", "name")), ("id_number",), ())
        _heads_of_units(session, batch)
    person = bulk.ids_by(session, t.Person.id, t.Person.id_number)
    org = bulk.ids_by(session, t.Organisation.id, t.Organisation.credit_code)

    step("专家")  # who counts as an enterprise expert is derived per round unless the 企业专家 column says so
    with _digested(session, t.Expert, _size(batch, "experts")):
        bulk.upsert(session, t.Expert, (
            {"person_id": person[i], "organisation_id": org[o], "title": title or "", "fields": ";".join(fields),
             "enterprise": bool(ent), "enterprise_explicit": ent is not None, "enterprise_reason": reason or ""}
            for i, o, title, fields, ent, reason in _rows(batch, "experts", "id_number", "org_code", "title", "fields",
                                                          "enterprise", "enterprise_reason")),
            ("person_id",), ("organisation_id", "title", "fields", "enterprise", "enterprise_explicit",
                             "enterprise_reason"))
    count("experts", known.experts, (i for (i,) in _rows(batch, "experts", "id_number")))

    step("任职经历")
    with _digested(session, t.Employment, _size(batch, "employment")):
        bulk.upsert(session, t.Employment, (
            {"person_id": person[i], "organisation_id": org[o], "from_year": start, "to_year": end}
            for i, o, start, end in _rows(batch, "employment", "id_number", "org_code", "from_year", "to_year")),
            ("person_id", "organisation_id", "from_year"), ("to_year",))
    settle_stays(session, dt.date.today().year)
    _count_plain(batch, counts, "employment")

    step("人员关系")
    with _digested(session, t.Relation, _size(batch, "relations")):
        bulk.upsert_tuples(session, t.Relation, RELATION_COLUMNS, _relations(batch, person),
                           ("person_a_id", "person_b_id", "kind"), ("from_year", "to_year", "note"))
    _count_plain(batch, counts, "relations")

    step("项目")
    bulk.upsert(session, t.Application, (
        {"number": n, "title": title, "field_code": f, "applicant_org_id": org[a]}
        for n, title, f, a in _rows(batch, "applications", "number", "title", "field_code", "applicant_code")),
        ("number",), ("title", "field_code", "applicant_org_id"))
    count("applications", set(known.applications), (n for (n,) in _rows(batch, "applications", "number")))
    application = bulk.ids_by(session, t.Application.id, t.Application.number)
    bulk.replace_children(session, t.ApplicationPartner,
                          {application[n] for (n,) in _rows(batch, "applications", "number")},
                          ({"application_id": application[n], "organisation_id": org[c]}
                           for n, codes in _rows(batch, "applications", "number", "partner_codes")
                           for c in codes or ()))

    step("项目成员")
    with _digested(session, t.TeamMember, _size(batch, "team")):
        bulk.replace_children(session, t.TeamMember, {application[n] for (n,) in _rows(batch, "team", "number")},
                              ({"application_id": application[n], "person_id": person[i], "role": role,
                                "organisation_id": org[o] if o else None, "position": position}
                               for position, (n, i, role, o) in enumerate(_rows(batch, "team", "number", "id_number",
                                                                                "role", "org_code"))))
    _count_plain(batch, counts, "team")
    bulk.replace_children(session, t.RequestedExclusion,
                          {application[n] for (n,) in _rows(batch, "requested", "number")},
                          ({"application_id": application[n], "person_id": person[e], "reason": r, "position": pos}
                           for pos, (n, e, r) in enumerate(_rows(batch, "requested", "number", "expert_id",
                                                                 "reason"))))
    _count_plain(batch, counts, "requested")

    step("回避与请托")
    bulk.upsert(session, t.DeclaredConflict, (
        {"person_id": person[e], "application_id": application[n], "reason": r}
        for e, n, r in _rows(batch, "declared", "expert_id", "number", "reason")),
        ("person_id", "application_id"), ("reason",))
    _count_plain(batch, counts, "declared")
    bulk.upsert(session, t.Lobbying, (
        {"person_id": person[e], "application_id": application[n], "recorded_on": d, "note": note or "",
         "accepted": accepted}
        for e, n, d, note, accepted in _rows(batch, "lobbying", "expert_id", "number", "recorded_on", "note",
                                             "accepted")),
        ("person_id", "application_id", "recorded_on"), ("note", "accepted"))
    _count_plain(batch, counts, "lobbying")

    step("诚信记录")
    bulk.upsert(session, t.IntegrityRecord, (
        {"subject_name": name, "subject_code": code, "project_name": pname or "", "project_number": pnum or "",
         "violation": violation, "measures": ";".join(measures or ()), "penalty_start": start, "penalty_end": end,
         "decided_by": by, "basis": basis or "", "decision_date": decided}
        for name, code, pname, pnum, violation, measures, start, end, by, basis, decided in _rows(
            batch, "integrity", "subject_name", "subject_code", "project_name", "project_number", "violation",
            "measures", "penalty_start", "penalty_end", "decided_by", "basis", "decision_date")),
        ("subject_code", "violation", "decision_date", "project_number"),
        ("subject_name", "project_name", "measures", "penalty_start", "penalty_end", "decided_by", "basis"))
    _count_plain(batch, counts, "integrity")

    step("在研项目")
    bulk.upsert(session, OngoingProject, (
        {"number": n, "title": title, "leader": leader, "members": ";".join(members or ()), "start": period[0],
         "end": period[1]}
        for n, title, leader, members, period in _rows(batch, "ongoing", "number", "title", "leader", "members",
                                                       "period")),
        ("number",), ("title", "leader", "members", "start", "end"))
    _count_plain(batch, counts, "ongoing")
    return counts


def _relations(batch: Batch, person: dict[str, int]) -> list[tuple]:
    """The relations as rows, in the order of their unique key (the file's duplicates were refused, so no two
    compare equal): in file order each insert lands at a random place of the key's index, and the import of
    850,000 relations spent half its SQLite time moving index pages through the cache; in key order the index
    grows at its end."""
    rows = []
    for a, b, kind, start, end, note in _rows(batch, "relations", "a", "b", "kind", "from_year", "to_year", "note"):
        a, b = person[a], person[b]
        rows.append((a, b, kind, start, end, note or "") if a < b else (b, a, kind, start, end, note or ""))
    rows.sort()
    return rows


def _heads_of_units(session, batch: Batch) -> None:
    """单位负责人 where a sheet says so (是 or 否); an empty cell leaves what the workspace knew."""
    flags = {i: h for kind in ("experts", "team") for i, h in _rows(batch, kind, "id_number", "head_of_unit")
             if h is not None}
    if flags:
        session.connection().execute(
            update(t.Person).where(t.Person.id_number == bindparam("key")).values(head_of_unit=bindparam("head")),
            [{"key": i, "head": h} for i, h in flags.items()])


def _count_plain(batch: Batch, counts: dict, kind: str) -> None:
    rows = sum(len(r.values) for r in batch.of(kind))
    if rows:
        counts[batch.of(kind)[0].kind.title] = {"行数": rows}
