"""Digests of the data tables, kept as the data changes, so the audit log can say what the tables must hold.

Every row has a hash over its canonical values (SQLite's ``quote()`` of each column, in the table's column order).
A table's rows fall into groups by their key (a round, a draw, a block of 256 ids); a group's digest is the number
of its rows and the sum of their hashes modulo 2^1024, so it does not depend on row order and a change adds or
subtracts one row hash instead of reading the table again. 1024 bits rather than 256: a sum of hashes is open to
generalised-birthday searches for rows that cancel out, which 256 bits resist only weakly.

Beside each group's digest PanelDesk keeps its row list: every row's rowid and the first 8 bytes of its hash. The
audit entry seals a hash of that list with the group's digest, so when a group no longer matches its digest, ``audit
verify`` can name the rows that differ (changed, added, deleted) from a list that is itself checked against the
chain: a forger who edits the list to hide a row, or to blame another, breaks its sealed hash. The group digest
remains the proof; the list only says where to look.

Temporary triggers, made on each connection PanelDesk opens, hand every inserted, updated or deleted row to
``pd_row``, which adds it to the connection's accumulator; ``collect`` turns what a transaction changed into new
group digests and row lists and returns them sealed for the audit entry. The triggers live only in PanelDesk's own connections: a write
from any other program bypasses them, which is exactly what ``audit verify`` then finds when it recomputes the groups
from the tables' contents.
"""

from __future__ import annotations

import hashlib
import logging
import struct
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Iterable

from sqlalchemy.orm import Session

from desktop.store.engine import dbapi_cursor
from desktop.store.row_hashes import (BITS, HELPER_FROM, SHORT, Accumulator, HelperFailed, add_pass, empty_change,
                                     row_digest)

log = logging.getLogger(__name__)

MODULUS = 1 << BITS
FUNCTION = "pd_row"
ACCUMULATOR = "pd_accumulator"  # key of the accumulator in the pool's per-connection info

# Tables that are not data: the chain itself, its digests and checkpoints, and the schema's revision.
NOT_DATA = {"alembic_version", "audit_entry", "audit_digest", "audit_layout", "audit_checkpoint", "audit_pending"}
# Small tables whose every row is its own group, so a change is named down to the row.
ONE_ROW_GROUPS = {"review_round", "panel", "draw", "lobbying", "integrity_record"}
# Group keys where the first key column alone would be too coarse or too fine.
GROUP_KEYS = {
    "draw_member": "'draw ' || {t}.draw_id || ' panel ' || {t}.panel_id",
    "exclusion": "'draw ' || {t}.draw_id",
    "panel_application": "'panel ' || {t}.panel_id",
    "field_code": "'code ' || substr({t}.code, 1, 3)",
}
BLOCK = 8  # other tables: blocks of 2^8 = 256 values of their first key column


class RowList:
    """A group's rows as kept beside its digest: rowid → the first bytes of the row's hash, stored as the rowids
    (signed 64-bit, ascending) followed by the hashes in the same order."""

    @staticmethod
    def decode(blob: bytes) -> dict[int, bytes]:
        n = len(blob) // (8 + SHORT)
        rowids = struct.unpack(f">{n}q", blob[:8 * n])
        return {rowid: blob[8 * n + SHORT * i:8 * n + SHORT * (i + 1)] for i, rowid in enumerate(rowids)}

    @staticmethod
    def encode(rows: dict[int, bytes]) -> bytes:
        rowids = sorted(rows)
        return struct.pack(f">{len(rowids)}q", *rowids) + b"".join(map(rows.__getitem__, rowids))

    @staticmethod
    def seal(blob: bytes) -> str:
        return hashlib.sha256(b"PanelDesk row list v1\x00" + blob).hexdigest()[:32]


def seal(count: int, total: int) -> str:
    """A group's digest as the audit entry keeps it: the row count and a short hash of the sum."""
    body = count.to_bytes(8, "big") + (total % MODULUS).to_bytes(BITS // 8, "big")
    return f"{count}:{hashlib.sha256(body).hexdigest()[:32]}"


@dataclass(frozen=True)
class Layout:
    """How one table is hashed: its columns and the SQL of its group key and canonical values."""
    table: str
    columns: tuple[str, ...]
    group_sql: str = field(repr=False)
    values_sql: str = field(repr=False)

    def group(self, alias: str) -> str:
        return self.group_sql.format(t=alias)

    def values(self, alias: str) -> str:
        return self.values_sql.format(t=alias)

    @property
    def signature(self) -> str:
        return ",".join(self.columns) + "|" + self.group_sql


def quote_name(name: str) -> str:
    """A table's or column's name as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def layouts(cursor) -> dict[str, Layout]:
    """The data tables of the database as they are now, with how each is hashed."""
    names = [n for (n,) in cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if n not in NOT_DATA]
    found = {}
    for name in names:
        info = cursor.execute(f"PRAGMA table_info({quote_name(name)})").fetchall()
        columns = tuple(row[1] for row in info)
        keys = sorted((row[5], row[1]) for row in info if row[5]) or [(1, columns[0])]
        first = "{t}." + quote_name(keys[0][1])
        if name in GROUP_KEYS:
            group = GROUP_KEYS[name]
        elif name in ONE_ROW_GROUPS:
            group = f"'{keys[0][1]} ' || {first}"
        else:
            start = f"(({first} >> {BLOCK}) << {BLOCK})"
            group = f"'{keys[0][1]} ' || {start} || '–' || ({start} + {(1 << BLOCK) - 1})"
        values = " || ',' || ".join(f"quote({{t}}.{quote_name(c)})" for c in columns)
        found[name] = Layout(name, columns, group, values)
    return found


EVENTS = ("INSERT", "DELETE", "UPDATE")


def _triggers(cursor, layout: Layout) -> None:
    table = quote_name(layout.table)
    new = f"SELECT {FUNCTION}('{layout.table}', 1, {layout.group('NEW')}, {layout.values('NEW')}, NEW.rowid);"
    old = f"SELECT {FUNCTION}('{layout.table}', -1, {layout.group('OLD')}, {layout.values('OLD')}, OLD.rowid);"
    for event, body in zip(EVENTS, (new, old, old + " " + new)):
        cursor.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS pd_{event.lower()}_{layout.table} "
                       f"AFTER {event} ON main.{table} BEGIN {body} END")


def install(dbapi_connection, record) -> None:
    """Give a new connection the row function and the triggers that feed its accumulator."""
    accumulator = Accumulator()
    record.info[ACCUMULATOR] = accumulator
    dbapi_connection.create_function(FUNCTION, 5, accumulator.add)
    cursor = dbapi_connection.cursor()
    try:
        for layout in layouts(cursor).values():
            _triggers(cursor, layout)
    finally:
        cursor.close()


@contextmanager
def bulk(session: Session, tables: Iterable[str], condition: str, parameters: tuple) -> Iterator[None]:
    """Write many rows of ``tables`` without their per-row triggers: every row that matches ``condition`` (on alias
    t; it must hold every row the writes touch) is taken out of the accumulator before and put back after, one query
    each. The digests come out exactly as the triggers would leave them, at a fraction of the cost: a trigger calls
    back into Python for every row, and a 35,000-row score workbook writes 70,000 of them. A large pass is hashed
    by a helper process as it is read (desktop.store.row_hashes)."""
    accumulator = _accumulator(session)
    with dbapi_cursor(session) as cursor:
        found = layouts(cursor)
        chosen = [found[name] for name in tables]

        def feed(sign: int) -> None:
            for layout in chosen:
                sql = (f"SELECT {layout.group('t')}, {layout.values('t')}, t.rowid FROM main.{quote_name(layout.table)} "
                       f"AS t WHERE {condition}")
                try:
                    add_pass(accumulator, layout.table, sign, _chunks(cursor.execute(sql, parameters)))
                except HelperFailed:
                    log.warning("hashing %s in process: the helper process failed", layout.table, exc_info=True)
                    accumulator.add_rows(layout.table, sign, cursor.execute(sql, parameters).fetchall())

        feed(-1)
        for layout in chosen:
            for event in EVENTS:
                cursor.execute(f"DROP TRIGGER IF EXISTS temp.pd_{event.lower()}_{layout.table}")
        try:
            yield
        finally:  # inside the transaction: a rollback undoes the drop and this alike
            for layout in chosen:
                _triggers(cursor, layout)
        feed(1)


@contextmanager
def tracked(dbapi_connection) -> Iterator[Accumulator]:
    """The triggers of ``install`` on a connection PanelDesk did not open for its services (a schema migration's),
    for as long as the body runs: what the body changes is in the accumulator yielded, for ``apply``."""
    record = SimpleNamespace(info={})
    install(dbapi_connection, record)
    try:
        yield record.info[ACCUMULATOR]
    finally:
        cursor = dbapi_connection.cursor()
        try:
            for (name,) in cursor.execute("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' "
                                          "AND name LIKE 'pd\\_%' ESCAPE '\\'").fetchall():
                cursor.execute(f"DROP TRIGGER temp.{quote_name(name)}")
        finally:
            cursor.close()


def _chunks(cursor) -> Iterator[list]:
    while rows := cursor.fetchmany(HELPER_FROM):
        yield rows


def _accumulator(session: Session) -> Accumulator:
    return session.connection().connection.info[ACCUMULATOR]


def discard(session: Session) -> None:
    """Forget changes not made through ``collect``'s caller (for instance a rolled-back transaction)."""
    _accumulator(session).take()


def stale_tables(session: Session) -> list[str]:
    """Data tables whose stored digests were not made with their present columns (or not made at all)."""
    with dbapi_cursor(session) as cursor:
        stored = dict(cursor.execute("SELECT tbl, signature FROM audit_layout").fetchall())
        return [name for name, layout in layouts(cursor).items() if stored.get(name) != layout.signature]


def group_keys(session: Session, table: str, source: str, parameters: dict) -> set[str]:
    """The group keys of ``table`` for the key columns ``source`` selects (an SQL query whose columns are named as
    the table's): the groups a check narrowed to some rows must find, whether or not a row is left in them."""
    with dbapi_cursor(session) as cursor:
        layout = layouts(cursor)[table]
        return {key for (key,) in cursor.execute(f"SELECT {layout.group('t')} FROM ({source}) AS t", parameters)}


def signatures(session: Session, tables: Iterable[str]) -> dict[str, str]:
    with dbapi_cursor(session) as cursor:
        found = layouts(cursor)
    return {name: found[name].signature for name in tables}


def _sums(cursor, layout: Layout, condition: str = "1", parameters: tuple = (), *,
          rows: bool = False) -> dict[str, list]:
    """Each group's [row count, hash sum] from the table's rows, and with ``rows`` its row list (rowid → short)."""
    sums: dict[str, list] = defaultdict(empty_change)
    for group, values, rowid in cursor.execute(f"SELECT {layout.group('t')}, {layout.values('t')}, t.rowid "
                                               f"FROM {quote_name(layout.table)} AS t WHERE {condition}", parameters):
        entry = sums[group]
        digest = row_digest(layout.table, values)
        entry[0] += 1
        entry[1] += int.from_bytes(digest, "big")
        if rows:
            entry[2][rowid] = digest[:SHORT]
    return sums


class Sums:
    """One table's groups as ``_sums`` finds them (row count and hash sum), made from its rows' canonical values as
    they pass rather than by reading the table: an archive's export adds each row it writes, its replay each row it
    reads (desktop.store.records), and neither formats a value twice."""

    def __init__(self, table: str):
        self.table = table
        self.prefix = f"{table}\x1f".encode("utf-8")
        self.groups: dict[str, list[int]] = {}

    def add(self, rows: Iterable[tuple[str, bytes]]) -> None:
        """Rows, each as its group and its canonical values (``Layout.values``) in UTF-8: a batch at a time, since
        this runs a million times for the benchmark pool."""
        groups, prefix, shake, number = self.groups, self.prefix, hashlib.shake_256, int.from_bytes
        for group, values in rows:
            entry = groups.get(group)
            if entry is None:
                entry = groups[group] = [0, 0]
            entry[0] += 1
            entry[1] += number(shake(prefix + values).digest(BITS // 8), "big")

    def sealed(self) -> dict[str, str]:
        """As ``compute`` gives a table's groups: {group: sealed digest}."""
        return {group: seal(n, total) for group, (n, total) in self.groups.items()}

    def keep(self, session: Session) -> None:
        """Store these groups as the table's kept digests (without row lists), as ``rebase`` would."""
        with dbapi_cursor(session) as cursor:
            cursor.execute("DELETE FROM audit_digest WHERE tbl = ?", (self.table,))
            cursor.executemany("INSERT INTO audit_digest (tbl, grp, n, total, rows) VALUES (?, ?, ?, ?, ?)",
                               [(self.table, g, n, _bytes(t), b"") for g, (n, t) in self.groups.items()])


def compute(session: Session, tables: Iterable[str] | None = None,
            where: dict[str, tuple[str, tuple]] | None = None) -> dict[str, dict[str, str]]:
    """Each table's groups recomputed from its rows: {table: {group: sealed digest}}; ``where`` narrows a table
    to some rows ({table: (SQL condition on alias t, parameters)})."""
    with dbapi_cursor(session) as cursor:
        found = layouts(cursor)
        return {name: {group: seal(n, total)
                       for group, (n, total, _) in _sums(cursor, found[name], *(where or {}).get(name, ())).items()}
                for name in (found if tables is None else tables)}


def rebase(session: Session, tables: Iterable[str]) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Digest ``tables`` afresh from their rows (a new workspace, or a schema upgrade changed their columns): the
    sealed group digests and the sealed row lists, each {table: {group: seal}}."""
    sealed: dict[str, dict[str, str]] = {}
    lists: dict[str, dict[str, str]] = {}
    with dbapi_cursor(session) as cursor:
        found = layouts(cursor)
        for name in tables:
            sums = _sums(cursor, found[name], rows=True)
            blobs = {g: RowList.encode(kept) for g, (_, _, kept) in sums.items()}
            cursor.execute("DELETE FROM audit_digest WHERE tbl = ?", (name,))
            cursor.executemany("INSERT INTO audit_digest (tbl, grp, n, total, rows) VALUES (?, ?, ?, ?, ?)",
                               [(name, g, n, _bytes(t), blobs[g]) for g, (n, t, _) in sums.items()])
            cursor.execute("INSERT OR REPLACE INTO audit_layout (tbl, signature) VALUES (?, ?)",
                           (name, found[name].signature))
            sealed[name] = {g: seal(n, t) for g, (n, t, _) in sums.items()}
            lists[name] = {g: RowList.seal(blob) for g, blob in blobs.items()}
    return sealed, lists


def unlisted(session: Session) -> list[str]:
    """Tables with groups whose row list is not kept (digested before the lists were)."""
    with dbapi_cursor(session) as cursor:
        return [t for (t,) in cursor.execute(
            "SELECT DISTINCT tbl FROM audit_digest WHERE n > 0 AND length(rows) = 0 ORDER BY tbl")]


def list_rows(session: Session, tables: Iterable[str]) -> dict[str, dict[str, str]]:
    """Make the missing row lists of ``tables`` from their rows, for each group whose rows still sum to its kept
    digest (a group that does not is left without one: its rows were changed outside PanelDesk, and a list made
    from them would vouch for the change). Returns the lists made, sealed ({table: {group: seal}})."""
    made: dict[str, dict[str, str]] = {}
    with dbapi_cursor(session) as cursor:
        found = layouts(cursor)
        for name in tables:
            missing = {g: (n, int.from_bytes(t, "big")) for g, n, t in cursor.execute(
                "SELECT grp, n, total FROM audit_digest WHERE tbl = ? AND n > 0 AND length(rows) = 0", (name,))}
            for group, (n, total, kept) in _sums(cursor, found[name], rows=True).items():
                if missing.get(group) == (n, total % MODULUS):
                    blob = RowList.encode(kept)
                    cursor.execute("UPDATE audit_digest SET rows = ? WHERE tbl = ? AND grp = ?", (blob, name, group))
                    made.setdefault(name, {})[group] = RowList.seal(blob)
    return made


def _bytes(total: int) -> bytes:
    return (total % MODULUS).to_bytes(BITS // 8, "big")


def collect(session: Session) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Apply what this transaction changed to the stored group digests and row lists; returns the changed groups,
    sealed ({table: {group: "count:hash"}}; a group left empty is "0:…"), and their row lists, sealed, where kept
    ({table: {group: hash}}: a group whose list was not kept before keeps none)."""
    changes = _accumulator(session).take()
    if not changes:
        return {}, {}
    with dbapi_cursor(session) as cursor:
        return apply(cursor, changes)


def apply(cursor, changes: dict[tuple[str, str], list]) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """``collect`` for the changes an accumulator took, through ``cursor``."""
    sealed: dict[str, dict[str, str]] = defaultdict(dict)
    lists: dict[str, dict[str, str]] = defaultdict(dict)
    for (table, group), (count, delta, rows) in sorted(changes.items()):
        row = cursor.execute("SELECT n, total, rows FROM audit_digest WHERE tbl = ? AND grp = ?",
                             (table, group)).fetchone()
        was, total, blob = (row[0], int.from_bytes(row[1], "big"), row[2]) if row else (0, 0, b"")
        n, total = was + count, (total + delta) % MODULUS
        kept = RowList.decode(blob)
        if len(kept) == was:  # a complete list: keep it up
            for rowid, hashed in rows.items():
                if hashed is None:
                    kept.pop(rowid, None)
                else:
                    kept[rowid] = hashed
        new_blob = RowList.encode(kept) if len(kept) == n and len(blob) // (8 + SHORT) == was else b""
        if count == 0 and delta % MODULUS == 0 and new_blob == blob:
            continue  # rows written back unchanged
        if n:
            cursor.execute("INSERT OR REPLACE INTO audit_digest (tbl, grp, n, total, rows) VALUES (?, ?, ?, ?, ?)",
                           (table, group, n, _bytes(total), new_blob))
            if new_blob:
                lists[table][group] = RowList.seal(new_blob)
        else:
            cursor.execute("DELETE FROM audit_digest WHERE tbl = ? AND grp = ?", (table, group))
        sealed[table][group] = seal(n, total)
    return dict(sealed), dict(lists)


def group_rows(session: Session, table: str,
               groups: Iterable[str]) -> dict[str, tuple[bytes, list[tuple[int, bytes, str]]]]:
    """Some groups' kept row lists (empty where none is kept) and their rows as they are now: group → (list,
    [(rowid, short hash, the row's primary key spelled "column=value")]); one pass over the table for them all."""
    wanted = set(groups)
    found: dict[str, tuple[bytes, list]] = {}
    with dbapi_cursor(session) as cursor:
        layout = layouts(cursor)[table]
        for group in wanted:
            row = cursor.execute("SELECT rows FROM audit_digest WHERE tbl = ? AND grp = ?", (table, group)).fetchone()
            found[group] = (row[0] if row else b"", [])
        info = cursor.execute(f"PRAGMA table_info({quote_name(table)})").fetchall()
        keys = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]] or [layout.columns[0]]
        for group, rowid, values, *key in cursor.execute(
                f"SELECT {layout.group('t')}, t.rowid, {layout.values('t')}, " +
                ", ".join(f"t.{quote_name(k)}" for k in keys) + f" FROM {quote_name(table)} AS t"):
            if group in wanted:
                found[group][1].append((rowid, row_digest(table, values)[:SHORT],
                                        ", ".join(f"{k}={v}" for k, v in zip(keys, key))))
    return found


def stored(session: Session, tables: Iterable[str]) -> dict[str, dict[str, str]]:
    """The kept digests of ``tables``, sealed as ``compute`` seals what it finds: the two differ where rows were
    changed without PanelDesk."""
    with dbapi_cursor(session) as cursor:
        return {name: {group: seal(n, int.from_bytes(total, "big")) for group, n, total in cursor.execute(
                    "SELECT grp, n, total FROM audit_digest WHERE tbl = ?", (name,))}
                for name in tables}


def table_digest(session: Session, tables: Iterable[str]) -> str:
    """One SHA-256 over the stored digests of ``tables``, read without touching their rows: what the draw can
    record as its pool hash. It proves the same content as a hash over the rows as long as ``audit verify``
    finds the tables matching their digests."""
    digest = hashlib.sha256()
    with dbapi_cursor(session) as cursor:
        for name in sorted(tables):
            digest.update(name.encode("utf-8") + b"\x1e")
            for group, n, total in cursor.execute(
                    "SELECT grp, n, total FROM audit_digest WHERE tbl = ? ORDER BY grp", (name,)):
                digest.update(f"{group}\x1f{n}\x1f".encode("utf-8") + total + b"\x1d")
    return digest.hexdigest()
