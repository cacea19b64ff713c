"""Bulk upserts for the import: one statement per chunk of rows, keyed by the natural keys of the tables.

Re-importing the same file must update rows, never duplicate them, so every write is an INSERT … ON CONFLICT
DO UPDATE on the natural key. Rows are streamed in chunks to keep memory flat on a pool of 50,000 experts, and go
straight to the DB-API cursor's executemany: the ORM's bulk path would run an upsert one row at a time, and the Core
connection's per-row parameter processing cost more than SQLite's own work.
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

from sqlalchemy import delete, select
from sqlmodel import Session, SQLModel

from desktop.store.engine import dbapi_cursor

CHUNK = 20_000


def _chunks(rows: Iterable[dict]) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _literal(value) -> str:
    """A column default as SQL: the few kinds the tables declare (text, flags, numbers)."""
    if value is None:
        return "NULL"
    if isinstance(value, (bool, int)):
        return str(int(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for the default {value!r}")


def _insert(table: type[SQLModel], columns: list[str]) -> str:
    """INSERT of named parameters for ``columns``, the table's other columns given their declared defaults as
    SQLAlchemy would (the rows go to the DB-API cursor, which knows no defaults)."""
    defaults = {c.name: _literal(c.default.arg) for c in table.__table__.columns
                if c.name not in columns and c.default is not None and c.default.is_scalar}
    names = [*columns, *defaults]
    values = [f":{c}" for c in columns] + list(defaults.values())
    return f"INSERT INTO {table.__tablename__} ({', '.join(names)}) VALUES ({', '.join(values)})"


def upsert(session: Session, table: type[SQLModel], rows: Iterable[dict], keys: tuple[str, ...],
           update: tuple[str, ...]) -> None:
    """Insert rows; where the natural key exists, overwrite the ``update`` columns (or leave it, if none).

    The rows go as dicts straight to the DB-API cursor: SQLAlchemy's per-row parameter processing cost the import
    of a large pool more than SQLite's own work."""
    conflict = f" ON CONFLICT ({', '.join(keys)}) " + (
        "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in update) if update else "DO NOTHING")
    with dbapi_cursor(session) as cursor:
        for chunk in _chunks(rows):
            cursor.executemany(_insert(table, list(chunk[0])) + conflict, chunk)


def append(session: Session, table: type[SQLModel], columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
    """Insert plain tuples through the DB-API cursor, inside the session's transaction. For the tens of thousands
    of rows a draw records, SQLAlchemy's per-row parameter processing costs twice the insert itself."""
    sql = (f"INSERT INTO {table.__tablename__} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    with dbapi_cursor(session) as cursor:
        cursor.executemany(sql, rows)


def upsert_tuples(session: Session, table: type[SQLModel], columns: tuple[str, ...], rows: Iterable[tuple],
                  keys: tuple[str, ...], update: tuple[str, ...]) -> None:
    """``upsert`` of plain tuples through the DB-API cursor, as ``append`` inserts them: 35,000 scores of a workbook
    spend more in SQLAlchemy's per-row parameter processing than in SQLite."""
    sql = (f"INSERT INTO {table.__tablename__} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in update)}")
    with dbapi_cursor(session) as cursor:
        cursor.executemany(sql, rows)


def ids_by(session: Session, column, key_column) -> dict:
    return dict(session.execute(select(key_column, column)).all())


def replace_children(session: Session, table: type[SQLModel], application_ids: Iterable[int],
                     rows: Iterable[dict]) -> None:
    """Replace an application's list (team, partners, requested exclusions) by the one in the file."""
    ids = list(application_ids)
    for start in range(0, len(ids), 500):
        session.execute(delete(table).where(table.application_id.in_(ids[start:start + 500])))
    with dbapi_cursor(session) as cursor:
        for chunk in _chunks(rows):
            cursor.executemany(_insert(table, list(chunk[0])), chunk)


def stays_and_employers(session: Session) -> tuple[list[tuple], dict[int, int]]:
    """Every stay of every expert as (stay id, person id, organisation id, from_year, to_year), and each expert's
    organisation as the expert sheet names it (person id → organisation id)."""
    with dbapi_cursor(session) as cursor:
        stays = cursor.execute("SELECT s.id, s.person_id, s.organisation_id, s.from_year, s.to_year FROM employment s "
                               "JOIN expert e ON e.person_id = s.person_id").fetchall()
        declared = dict(cursor.execute("SELECT person_id, organisation_id FROM expert"))
    return stays, declared


def change_stays(session: Session, add: Iterable[tuple[int, int]], end: Iterable[int], drop: Iterable[int],
                 year: int) -> None:
    """Add undated stays (person id, organisation id), end stays in ``year`` and drop stays, by id."""
    with dbapi_cursor(session) as cursor:
        cursor.executemany("DELETE FROM employment WHERE id = ?", ((i,) for i in drop))
        cursor.executemany("UPDATE employment SET to_year = ? WHERE id = ?", ((year, i) for i in end))
        cursor.executemany("INSERT INTO employment (person_id, organisation_id, from_year, to_year) "
                           "VALUES (?, ?, NULL, NULL)", add)
