"""Row hashes of the tamper digests (desktop.store.digests), and a process of its own that hashes a large pass.

A row's hash is SHAKE-256 over its table's name and its canonical values (SQLite's ``quote()`` of each column, as
the digests' SQL renders them). Hashing is pure Python work, a few microseconds a row; reading the rows is SQLite's.
A pass over a large table (the 850,000 relations of an import) hands its rows in chunks to another process, which
hashes them while this one reads on, so the two halves run on two cores. Only the hashing moves: the rows are read
by the same SQL on the same connection (inside the transaction that wrote them), and the helper adds them up with
the same ``Accumulator`` as the triggers do, so the digests are those ``audit verify`` recomputes.

This module imports nothing heavy: the helper process starts from it quickly.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
from collections import defaultdict
from itertools import groupby, repeat
from operator import itemgetter
from typing import Iterable

BITS = 1024
SHORT = 8  # bytes of a row's hash (its first ones) kept in its group's row list
HELPER_FROM = 20_000  # rows of one pass from which the hashing goes to a helper process; fewer are hashed here
_CONTEXT = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                       else "spawn")

Rows = list[tuple[str, str, int]]  # (group, canonical values, rowid)
_GROUP, _VALUES, _ROWID = itemgetter(0), itemgetter(1), itemgetter(2)


def row_digest(table: str, values: str) -> bytes:
    return hashlib.shake_256(f"{table}\x1f{values}".encode("utf-8")).digest(BITS // 8)


def empty_change() -> list:
    return [0, 0, {}]


class Accumulator:
    """What one connection's transaction changed, group by group: [rows added − removed, hash sum, rowid → short
    hash of the row as it is now, or None where it left the group]."""

    def __init__(self):
        self.changes: dict[tuple[str, str], list] = defaultdict(empty_change)

    def add(self, table: str, sign: int, group: str, values: str, rowid: int) -> None:
        change = self.changes[(table, group)]
        digest = row_digest(table, values)
        change[0] += sign
        change[1] += sign * int.from_bytes(digest, "big")
        change[2][rowid] = digest[:SHORT] if sign > 0 else None

    def add_rows(self, table: str, sign: int, rows: Rows) -> None:
        """``add`` for each row, in order, a run of rows of one group at a time (a pass reads them in rowid order)."""
        for group, run in groupby(rows, _GROUP):
            run = list(run)
            hashes = list(map(row_digest, repeat(table), map(_VALUES, run)))
            change = self.changes[(table, group)]
            change[0] += sign * len(hashes)
            change[1] += sign * sum(int.from_bytes(digest, "big") for digest in hashes)
            change[2].update(zip(map(_ROWID, run), [digest[:SHORT] for digest in hashes] if sign > 0
                                 else repeat(None)))

    def merge(self, changes: dict[tuple[str, str], list]) -> None:
        """Add what another accumulator took, as if its rows had been added here now (later rows win a rowid)."""
        for key, (count, total, rows) in changes.items():
            change = self.changes[key]
            change[0] += count
            change[1] += total
            change[2].update(rows)

    def take(self) -> dict[tuple[str, str], list]:
        changes, self.changes = self.changes, defaultdict(empty_change)
        return changes


def _hash(pipe) -> None:
    """The helper: (table, sign), then chunks of rows until None; sends back what they add up to."""
    gc.disable()  # chunks of tuples come and go; nothing here makes a cycle
    accumulator = Accumulator()
    try:
        table, sign = pipe.recv()
        while (rows := pipe.recv()) is not None:
            accumulator.add_rows(table, sign, rows)
        pipe.send(dict(accumulator.take()))
    except (EOFError, OSError):  # the importer stopped (cancelled, failed or killed): nothing to send
        pass
    finally:
        pipe.close()


class HelperFailed(Exception):
    """The helper process could not be started or ended without its result."""


def add_pass(accumulator: Accumulator, table: str, sign: int, chunks: Iterable[Rows]) -> None:
    """Add the rows of one pass (chunks read from a cursor as this consumes them), in order, to ``accumulator``;
    a pass longer than one chunk is hashed by a helper process, chunk by chunk, while the next chunks are read.
    Raises HelperFailed if the helper fails, leaving ``accumulator`` as it was: the caller reads the pass again and
    hashes it here."""
    chunks = iter(chunks)
    first = next(chunks, [])
    if len(first) < HELPER_FROM:
        accumulator.add_rows(table, sign, first)
        for rows in chunks:  # none, if the chunks are HELPER_FROM rows long
            accumulator.add_rows(table, sign, rows)
        return
    mine, theirs = _CONTEXT.Pipe()
    try:
        process = _CONTEXT.Process(target=_hash, args=(theirs,), daemon=True)
        process.start()
    except Exception as error:  # noqa: BLE001 - no process to be had (resources; a daemonic process may have none)
        mine.close()
        raise HelperFailed(str(error)) from error
    finally:
        theirs.close()
    try:
        mine.send((table, sign))
        mine.send(first)
        for rows in chunks:
            mine.send(rows)
        mine.send(None)
        changes = mine.recv()
    except (EOFError, OSError) as error:
        raise HelperFailed(f"exit code {process.exitcode}") from error
    finally:
        mine.close()
        if process.is_alive():
            process.join(1)
        if process.is_alive():
            process.kill()
        process.join()
    accumulator.merge(changes)
