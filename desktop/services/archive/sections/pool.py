"""The pool the round's draw was computed from: every row of every pool table (desktop.store.snapshot.POOL_TABLES)
with the table's own CREATE statement, and the round's rows of the round tables. Whole tables, because the pool hash
the draw's commitment binds covers them whole: a verifier loads them into a database of its own, recomputes the pool
hash from them, and draws again through the same code (desktop.services.archive.replay).

Each table is one member of records (desktop.store.records): each row's digest group and its values as the tamper
digests hash them. The pool's tables are sealed by processes beside the export (desktop.services.archive.beside),
which digest the rows as they write them (``Source.digested``); the export refuses to sign a pool whose rows are not
what the audit chain says (desktop.services.archive.export). Archives written before the records carried the rows
as JSON Lines (``json_rows_path``), which verify still reads."""

from __future__ import annotations

from desktop.domain.errors import UserError
from desktop.services.archive.beside import Sealed
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
        sizes = {table: cursor.execute(f"SELECT count(*) FROM {digests.quote_name(table)}").fetchone()[0]
                 for table in POOL_TABLES}
    yield json_member(SCHEMA, schema)
    source.beside.start(sizes)
    for table in POOL_TABLES:
        yield Member(rows_path(table), None, sealed=lambda table=table: _taken(source, table))
    for table in ROUND_TABLES:
        yield Member(rows_path(table), lambda table=table: _records(source, table))


def _taken(source: Source, table: str) -> Sealed:
    sealed = source.beside.take(table)
    source.digested[table] = sealed.sums(table)
    return sealed


def _records(source: Source, table: str):
    """The round's rows of a round table, written here: a few hundred rows."""
    sums = source.digested[table] = digests.Sums(table)
    with dbapi_cursor(source.session) as cursor:
        try:
            yield from records.written(cursor, table, sums, ROUND_TABLES[table], (source.round_id,))
        except records.Unfit as why:
            raise UserError(str(why)) from None
