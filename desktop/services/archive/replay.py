"""Replaying an archived draw: the archived pool rows loaded into a database of the verifier's own, a temporary file
removed after (in memory, the 1.2 million rows of the benchmark pool took 120 MB more of it), with the tables' own
CREATE statements, then the pool hash, the conflicts, each panel's eligible experts and the panels computed by the
very code the draw ran (desktop.services.draw_inputs, desktop.services.draw_verify), and compared with the record.

The pool hash is made from the digests the workspace keeps of each pool table. The archive's records are the text
those digests hash (desktop.store.records), so each table's digests come from hashing its records as they load;
an archive written before the records (JSON Lines) loads its rows and digests them from the loaded table, as the
workspace would (``json_pool``)."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel

from desktop.domain.errors import UserError
from desktop.services.draw_inputs import read_inputs
from desktop.services.draw_verify import panel_problems, seed_problems
from desktop.services.draws import DrawRecord
from desktop.services.replacements import verify_batches
from desktop.services.archive.sections.pool import TABLES
from desktop.store import digests, records
from desktop.store.audit_tables import AuditDigest, AuditLayout
from desktop.store.engine import dbapi_cursor
from desktop.store.execution_tables import DrawBatch, Invitation
from desktop.store.round_tables import Draw
from desktop.store.snapshot import POOL_TABLES, round_team

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CREATE = re.compile(r'^\s*CREATE TABLE\s+"?(\w+)"?\s*\(', re.IGNORECASE)


Pool = Callable[[Session, int], None]  # fills the pool tables made from the schema for a round, and their digests
RELATIONS = "relation"


def _create(session: Session, schema: dict) -> None:
    with dbapi_cursor(session) as cursor:
        for table in TABLES:
            sql = schema[table]["sql"]
            found = _CREATE.match(sql)
            if found is None or found.group(1) != table or ";" in sql:
                raise UserError(f"归档中表 {table} 的结构语句不是一条建表语句")
            cursor.execute(sql)
        SQLModel.metadata.create_all(session.connection(), tables=[AuditDigest.__table__, AuditLayout.__table__])


def _affinity(declared: str) -> str:
    """SQLite's affinity of a declared column type (its documentation, "Datatypes In SQLite", 3.1)."""
    declared = declared.upper()
    if "INT" in declared:
        return "INTEGER"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in declared or not declared:
        return "BLOB"
    return "REAL" if any(word in declared for word in ("REAL", "FLOA", "DOUB")) else "NUMERIC"


def _columns(cursor, schema: dict, table: str) -> list[str]:
    """The archive's column list of ``table``, once it is seen to name the created table's columns in their order,
    each with the affinity this program gives it: the records' digests cover the values, not which column each
    lands in, nor whether 1 is kept as a number or as text."""
    columns = schema[table]["columns"]
    if not all(isinstance(c, str) and _NAME.fullmatch(c) for c in columns):
        raise UserError(f"归档中表 {table} 的列名不是简单的名称")
    created = [(row[1], row[2]) for row in cursor.execute(f'PRAGMA table_info("{table}")')]
    ours = SQLModel.metadata.tables.get(table)
    if [name for name, _declared in created] != list(columns) or ours is not None and any(
            name in ours.c and _affinity(declared) != _affinity(ours.c[name].type.compile(dialect=sqlite.dialect()))
            for name, declared in created):
        raise UserError(f"归档中表 {table} 的列与其建表语句或本程序的表结构不一致")
    return columns


def records_pool(schema: dict, rows: Callable[[str], Iterable[tuple[bytes, bytes]]]) -> Pool:
    """The pool from an archive's records (``rows(table)``: (group, values) of each, desktop.store.records.split),
    each pool table's digests made from every record of it. The relations are loaded last and only those that touch
    a person on a team of the round's applications, the only ones the round's conflicts read
    (desktop.store.snapshot.raw_pool_rows): 47,000 of the benchmark pool's 850,000, which took a quarter of the
    replay to load."""
    def load(session: Session, round_id: int) -> None:
        _create(session, schema)
        with dbapi_cursor(session) as cursor:
            for table in sorted(TABLES, key=lambda name: name == RELATIONS):
                sums = digests.Sums(table)
                columns = _columns(cursor, schema, table)
                keep = _touching(columns, round_team(cursor, round_id)) if table == RELATIONS else None
                records.load(cursor, table, columns, rows(table), sums, keep)
                if table in POOL_TABLES:
                    sums.keep(session)
    return load


def _touching(columns: list[str], team: set[int]) -> Callable[[bytes], bool]:
    """Whether a relation's record names a person of ``team`` (its two persons' ids read from the literals before
    them, all integers); a record that does not read so is kept, for SQLite to load or refuse."""
    a, b = columns.index("person_a_id"), columns.index("person_b_id")
    ahead = max(a, b) + 1

    def touching(values: bytes) -> bool:
        fields = values.split(b",", ahead)
        try:
            return int(fields[a]) in team or int(fields[b]) in team
        except (ValueError, IndexError):
            return True
    return touching


def json_pool(schema: dict, rows: Callable[[str], Iterable[list]]) -> Pool:
    """The pool from an archive written before the records: ``rows(table)`` gives each row as a list of values,
    and the pool tables are digested from the loaded rows."""
    def load(session: Session, _round_id: int) -> None:
        _create(session, schema)
        with dbapi_cursor(session) as cursor:
            for table in TABLES:
                columns = _columns(cursor, schema, table)
                marks = ", ".join("?" * len(columns))
                names = ", ".join(f'"{c}"' for c in columns)
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows(table))
        digests.rebase(session, POOL_TABLES)
    return load


def _load_batches(session: Session, executed: Callable[[str], Iterable[dict]]) -> None:
    """The draw's supplementary batches and the invitations they made (the archived execution rows, keyed by column),
    beside the pool, for desktop.services.replacements.verify_batches to read as it reads a workspace."""
    for table in (DrawBatch.__table__, Invitation.__table__):
        table.create(session.connection())
        columns = {c.name for c in table.columns}
        found = [row for row in executed(table.name)]
        if any(set(row) != columns for row in found):
            raise UserError(f"归档中 {table.name} 的记录与其表的列不符")
        if found:
            session.execute(table.insert(), found)


def replay(round_data: dict, pool: Pool, executed: Callable[[str], Iterable[dict]]) -> dict:
    """{"replayed": bool, "draw": id, "pool_hash_matches": bool, "batches": n, "problems": [...], "notes": [...]}.
    ``pool`` loads the archived pool (``records_pool``, ``json_pool``), ``executed(table)`` gives an archived
    execution table's rows (draw_batch, invitation: each supplementary batch is drawn again like the first draw,
    docs/draw.md section 7)."""
    current = [d for d in round_data["draws"] if not d["superseded"]]
    if not current:
        return {"replayed": False, "draw": None, "problems": ["归档中本轮没有抽取记录"], "notes": []}
    record = DrawRecord(**{k: v for k, v in current[0].items() if k not in ("rules", "rows")})
    problems, notes = seed_problems(record), []
    scratch = tempfile.TemporaryDirectory(prefix="paneldesk-replay-")
    # no statement cache: each batch of records is a statement of its own, a megabyte compiled, used once
    engine = create_engine(f"sqlite:///{Path(scratch.name) / 'pool.db'}", poolclass=StaticPool,
                           connect_args={"cached_statements": 0})
    try:
        with Session(engine) as session:
            pool(session, round_data["round"]["id"])
            inputs = read_inputs(session, round_data["round"]["id"])
            _load_batches(session, executed)
            batch_problems = verify_batches(session, Draw(id=record.id), inputs)
            batches = session.execute(select(func.count()).select_from(DrawBatch).where(
                DrawBatch.draw_id == record.id, DrawBatch.state == "drawn")).scalar_one()
    except Exception as error:  # noqa: BLE001 - archived tables that do not load as they were (the DB-API's errors too)
        return {"replayed": False, "draw": record.id, "pool_hash_matches": None, "seed": record.seed,
                "problems": problems + [f"归档的专家库无法载入，无法重算抽取：{error}"], "notes": notes, "panels": {}}
    finally:
        engine.dispose()
        scratch.cleanup()
    same_pool = inputs.pool_hash == record.pool_hash
    if not same_pool:
        bound = next((c for c in round_data["commitments"] if c.get("draw_id") == record.id), {})
        if bound.get("candidates_hash") and bound["candidates_hash"] == inputs.candidates_hash:
            notes.append("专家库在抽取后有改动（归档的是导出时的专家库），但各评审组的可选专家与抽取时承诺的完全相同，"
                         "据此重算抽取有效")
        else:
            problems.append(f"归档的专家库与抽取时不同（抽取时哈希 {record.pool_hash[:16]}…，归档 {inputs.pool_hash[:16]}…），"
                            "且各评审组的可选专家与抽取时承诺的不同：无法据此重算抽取")
    problems += batch_problems
    try:
        problems += panel_problems(record.panels, inputs, record.seed)
    except UserError as error:  # the archived pool cannot give panels at all (DrawInfeasible)
        problems.append(f"按归档的专家库无法重算抽取：{error}")
    return {"replayed": not problems, "draw": record.id, "pool_hash_matches": same_pool, "seed": record.seed,
            "batches": batches, "problems": problems, "notes": notes,
            "panels": {p["name"]: [m["expert"] for m in p["members"]] for p in record.panels}}

