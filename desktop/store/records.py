"""A table's rows as records: each row's digest group and its values as SQLite's ``quote()`` writes them, which is
the very text its tamper digest hashes (desktop.store.digests). How a round archive carries the pool.

A record is ``GROUP \\x1f VALUES \\x00``: VALUES is ``quote(c1) || ',' || quote(c2) …`` in the table's column order
(integers, ``NULL`` and ``'text'`` with quotes doubled), and ``quote()`` never writes a NUL, so a NUL ends each
record whatever the text holds. Written, the one SQL pass that gives the records gives their digests too; read,
the digests are the hashes of the records' own bytes (no value is formatted again) and the rows load through
SQLite's own parser, a batch at a time, once the batch is checked to hold literals and nothing else.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator

from desktop.store import digests

END = b"\x00"
GROUP_END = b"\x1f"
BATCH = 2000  # records loaded by one INSERT
MAX_RECORD = 4 << 20  # a row's values: far above the import's caps on every cell (20,000 characters for a note)

_LITERAL = r"(?:NULL|-?[0-9]+|'[^']*(?:''[^']*)*')"  # what quote() writes of an integer, NULL and text
_ROW = rf"\({_LITERAL}(?:,{_LITERAL})*\)"
_ROWS = re.compile(rf"{_ROW}(?:,{_ROW})*")


class Unfit(ValueError):
    """Rows that records cannot carry, or records that are not rows."""


def unfit_rows(cursor, table: str, condition: str = "1", parameters: tuple = ()) -> bool:
    """Whether any row of ``table`` holds a value a record does not carry as it is: a blob or a real (their
    literals are not read back), or text with a NUL in it (``quote()`` stops at the NUL)."""
    columns = [row[1] for row in cursor.execute(f"PRAGMA table_info({digests.quote_name(table)})")]
    unfit = " OR ".join(f"CASE typeof(t.{digests.quote_name(c)}) WHEN 'integer' THEN 0 WHEN 'null' THEN 0 "
                        f"WHEN 'text' THEN instr(t.{digests.quote_name(c)}, char(0)) > 0 ELSE 1 END" for c in columns)
    return cursor.execute(f"SELECT 1 FROM {digests.quote_name(table)} AS t WHERE ({condition}) AND ({unfit}) LIMIT 1",
                          parameters).fetchone() is not None


def written(cursor, table: str, sums: digests.Sums, condition: str = "1", parameters: tuple = (),
            size: int = 1 << 20) -> Iterator[bytes]:
    """The records of ``table``'s rows (those matching ``condition`` on alias t) in rowid order, in chunks of about
    ``size`` bytes; each row's digest is added to ``sums`` as its record passes. Unfit, before any record, when a
    row holds what a record does not carry (``unfit_rows``)."""
    if unfit_rows(cursor, table, condition, parameters):
        raise Unfit(f"表 {table} 中有无法存入归档的值（二进制、小数或含空字符的文字）：专家库各表只应有整数和文字")
    layout = digests.layouts(cursor)[table]
    found = cursor.execute(f"SELECT {layout.group('t')}, {layout.values('t')} FROM {digests.quote_name(table)} AS t "
                           f"WHERE {condition} ORDER BY t.rowid", parameters)
    parts, length = [], 0
    while rows := found.fetchmany(BATCH):
        sums.add([(group, values.encode("utf-8")) for group, values in rows])
        parts.append("".join([f"{group}\x1f{values}\x00" for group, values in rows]).encode("utf-8"))
        length += len(parts[-1])
        if length >= size:
            yield b"".join(parts)
            parts, length = [], 0
    if parts:
        yield b"".join(parts)


def split(chunks: Iterable[bytes]) -> Iterator[tuple[bytes, bytes]]:
    """(group, values) of each record of a stream of chunks; Unfit if one has no group, is longer than any row can
    be, or the stream ends inside one. Only the new chunk is searched for the end of a record, so a hostile member
    with no end in it costs one pass, not one per chunk."""
    pending: list[bytes] = []  # the start of a record the chunks so far have not ended
    waiting = 0
    for piece in chunks:
        *whole, rest = piece.split(END)
        if whole:
            whole[0] = b"".join(pending) + whole[0]
            pending, waiting = [], 0
            for record in whole:
                group, marked, values = record.partition(GROUP_END)
                if not marked:
                    raise Unfit("记录缺少分组")
                yield group, values
        if rest:
            pending.append(rest)
            waiting += len(rest)
            if waiting > MAX_RECORD:
                raise Unfit(f"一条记录超过 {MAX_RECORD // (1 << 20)} MiB，不是一行数据")
    if pending:
        raise Unfit("最后一条记录没有结束符（被截短）")


def load(cursor, table: str, columns: list[str], records: Iterable[tuple[bytes, bytes]],
         sums: digests.Sums, keep: Callable[[bytes], bool] | None = None) -> int:
    """Insert the records into ``table`` (its ``columns`` in the records' order), each record's digest added to
    ``sums`` under its group; how many. A batch whose values are anything but literals (a subquery, a function
    call) is refused before SQLite sees it, and one that makes more or fewer rows than it has records: Unfit.
    ``keep``: which records' values to insert; every record is digested whether inserted or not."""
    names = ", ".join(digests.quote_name(c) for c in columns)
    batch, count = [], 0

    def flush() -> None:
        sums.add([(group.decode("utf-8"), values) for group, values in batch])
        literals = [values for _group, values in batch if keep is None or keep(values)]
        batch.clear()
        if not literals:
            return
        try:
            inserted = cursor.execute(f"INSERT INTO {digests.quote_name(table)} ({names}) VALUES "
                                      f"{_checked(literals)}").rowcount
        except sqlite3.Error as error:
            raise Unfit(f"表 {table} 的记录无法载入：{error}") from None
        if inserted != len(literals):
            raise Unfit(f"表 {table} 的记录中有一条不是恰好一行")

    for record in records:
        batch.append(record)
        count += 1
        if len(batch) == BATCH:
            flush()
    if batch:
        flush()
    return count


def values(records: Iterable[tuple[bytes, bytes]]) -> Iterator[tuple]:
    """Each record's values as Python values (integers, None, text), read by SQLite from the checked literals."""
    reader = sqlite3.connect(":memory:", cached_statements=0)  # each batch is a statement of its own, used once
    try:
        batch = []
        for _group, data in records:
            batch.append(data)
            if len(batch) == BATCH:
                yield from _values(reader, batch)
                batch = []
        if batch:
            yield from _values(reader, batch)
    finally:
        reader.close()


def _values(reader, batch: list[bytes]) -> list[tuple]:
    try:
        found = reader.execute(f"VALUES {_checked(batch)}").fetchall()
    except sqlite3.Error as error:
        raise Unfit(f"记录无法读取：{error}") from None
    if len(found) != len(batch):
        raise Unfit("记录中有一条不是恰好一行")
    return found


def _checked(batch: list[bytes]) -> str:
    """The records' values as the rows of an SQL VALUES clause, once they are seen to hold literals alone."""
    text = "(" + b"),(".join(batch).decode("utf-8") + ")"
    if not _ROWS.fullmatch(text):
        raise Unfit("记录中有不是字面值的内容")
    return text
