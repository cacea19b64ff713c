"""Bulk upserts for the import: one statement per chunk of rows, keyed by the natural keys of the tables.

Re-importing the same file must update rows, never duplicate them, so every write is an INSERT … ON CONFLICT
DO UPDATE on the natural key. Rows are streamed in chunks to keep memory flat on a pool of 50,000 experts, and go
through the Core connection's executemany: the ORM's bulk path would run an upsert one row at a time.
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

from sqlalchemy import delete, select, text
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


def add_current_stays(session: Session) -> None:
    """Every expert's current organisation counts as a stay that is still running, even if no history names it.

    Such an implied stay (no years) gives way once an imported history records the stay with its start year.
    """
    session.execute(text(
        "DELETE FROM employment WHERE from_year IS NULL AND to_year IS NULL AND EXISTS (SELECT 1 FROM employment s "
        "WHERE s.person_id = employment.person_id AND s.organisation_id = employment.organisation_id "
        "AND s.from_year IS NOT NULL AND s.to_year IS NULL)"))
    session.execute(text(
        "INSERT INTO employment (person_id, organisation_id, from_year, to_year) "
        "SELECT e.person_id, e.organisation_id, NULL, NULL FROM expert e "
        "WHERE NOT EXISTS (SELECT 1 FROM employment s WHERE s.person_id = e.person_id "
        "AND s.organisation_id = e.organisation_id AND s.to_year IS NULL)"))

