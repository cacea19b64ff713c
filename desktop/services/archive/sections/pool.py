"""The pool the round's draw was computed from: every row of every pool table (desktop.store.snapshot.POOL_TABLES)
with the table's own CREATE statement, and the round's rows of the round tables. Whole tables, because the pool hash
the draw's commitment binds covers them whole: a verifier loads them into a database of its own, recomputes the pool
hash through the same code, and draws again through the same code (desktop.services.archive.replay)."""

from __future__ import annotations

from desktop.domain.errors import UserError
from desktop.services.archive.members import Source, json_member, lines_member
from desktop.store.engine import dbapi_cursor
from desktop.store.snapshot import POOL_TABLES

SCHEMA = "data/pool/schema.json"
ROUND_TABLES = {"review_round": "id = ?", "panel": "round_id = ?", "panel_application": "round_id = ?"}
TABLES = (*POOL_TABLES, *ROUND_TABLES)


def rows_path(table: str) -> str:
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
        yield lines_member(rows_path(table), lambda table=table: _rows(source, table))


def _rows(source: Source, table: str):
    condition, parameters = (ROUND_TABLES[table], (source.round_id,)) if table in ROUND_TABLES else ("1", ())
    with dbapi_cursor(source.session) as cursor:
        columns = [row[1] for row in cursor.execute(f'PRAGMA table_info("{table}")')]
        unfit = " OR ".join(f"typeof(\"{c}\") IN ('blob', 'real')" for c in columns)
        if cursor.execute(f'SELECT 1 FROM "{table}" WHERE ({condition}) AND ({unfit}) LIMIT 1', parameters).fetchone():
            raise UserError(f"表 {table} 中有无法存入归档的值（二进制或小数）：专家库各表只应有整数和文字")
        for row in cursor.execute(f'SELECT * FROM "{table}" WHERE {condition} ORDER BY rowid', parameters):
            yield list(row)
