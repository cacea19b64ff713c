"""The pool the round's draw was computed from: every row of every pool table (desktop.store.snapshot.POOL_TABLES)
with the table's own CREATE statement, and the round's rows of the round tables. Whole tables, because the pool hash
the draw's commitment binds covers them whole: a verifier loads them into a database of its own, recomputes the pool
hash from them, and draws again through the same code (desktop.services.archive.replay).

Each table is one member of records (desktop.store.records): each row's digest group and its values as the tamper
digests hash them. The export digests the rows as it writes them (``Source.digested``) and refuses to sign a pool
whose rows are not what the audit chain says (desktop.services.archive.export); archives written before the records
carried the rows as JSON Lines (``json_rows_path``), which verify still reads."""

from __future__ import annotations

from desktop.domain.errors import UserError
from desktop.services.archive.members import Member, Source, json_member
from desktop.store import digests, records
from desktop.store.engine import dbapi_cursor
from desktop.store.snapshot import POOL_TABLES

SCHEMA = "data/pool/schema.json"
ROUND_TABLES = {"review_round": "id = ?", "panel": "round_id = ?", "panel_application": "round_id = ?"}
TABLES = (*POOL_TABLES, *ROUND_TABLES)


def rows_path(table: str) -> str:
    return f"data/pool/{table}.rows"


def json_rows_path(table: str) -> str:
    """Where an archive written before the records kept the table: its rows as JSON Lines, one list a row."""
    return f"data/pool/{table}.jsonl"


def members(source: Source):
    session = source.session
    with dbapi_cursor(session) as cursor:
        schema = {}
        for table in TABLES:
            (sql,) = cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                    (table,)).fetchone()
            columns = [row[1] for row in cursor.execute(f'PRAGMA table_info("{table}")')]
            schema[table] = {"sql": sql, "columns": columns}
    yield json_member(SCHEMA, schema)
    for table in TABLES:
        yield Member(rows_path(table), lambda table=table: _records(source, table))


def _records(source: Source, table: str):
    condition, parameters = (ROUND_TABLES[table], (source.round_id,)) if table in ROUND_TABLES else ("1", ())
    sums = source.digested[table] = digests.Sums(table)
    with dbapi_cursor(source.session) as cursor:
        if records.unfit_rows(cursor, table, condition, parameters):
            raise UserError(f"表 {table} 中有无法存入归档的值（二进制、小数或含空字符的文字）：专家库各表只应有整数和文字")
        yield from records.written(cursor, table, sums, condition, parameters)
