"""Bulk upserts for the import: one statement per chunk of rows, keyed by the natural keys of the tables.

Re-importing the same file must update rows, never duplicate them, so every write is an INSERT … ON CONFLICT
DO UPDATE on the natural key. Rows are streamed in chunks to keep memory flat on a pool of 50,000 experts, and go
through the Core connection's executemany: the ORM's bulk path would run an upsert one row at a time.
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlmodel import Session, SQLModel

from desktop.store import tables as t
from desktop.store.engine import dbapi_cursor

CHUNK = 20_000


def _chunks(rows: Iterable[dict]) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def upsert(session: Session, table: type[SQLModel], rows: Iterable[dict], keys: tuple[str, ...],
           update: tuple[str, ...]) -> None:
    """Insert rows; where the natural key exists, overwrite the ``update`` columns (or leave it, if none)."""
    statement = insert(table.__table__)
    if update:
        statement = statement.on_conflict_do_update(
            index_elements=list(keys), set_={name: statement.excluded[name] for name in update})
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    connection = session.connection()
    for chunk in _chunks(rows):
        connection.execute(statement, chunk)


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
    connection = session.connection()
    for chunk in _chunks(rows):
        connection.execute(insert(table.__table__), chunk)


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
