"""Rows as records (desktop.store.records), the form a round archive carries the pool in: written with their tamper
digests in one pass, read back into a table with the same digests, and nothing but literals let through."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from desktop.store import digests, records
from desktop.store.engine import dbapi_cursor

TABLE = "CREATE TABLE person (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR NOT NULL, note VARCHAR, born INTEGER)"
ROWS = [(1, "王'五", None, 1970), (300, "李\n四", "a,b),(c", None), (301, "赵六", "", -5), (70000, "x\x1fy", "NULL", 0)]


def _session(rows=()) -> Session:
    session = Session(create_engine("sqlite://", poolclass=StaticPool))
    session.execute(text(TABLE))
    with dbapi_cursor(session) as cursor:
        cursor.executemany("INSERT INTO person VALUES (?, ?, ?, ?)", rows)
    return session


def test_records_carry_the_rows_with_the_digests_the_table_has():
    source = _session(ROWS)
    written = digests.Sums("person")
    with dbapi_cursor(source) as cursor:
        data = b"".join(records.written(cursor, "person", written, size=10))
    assert written.sealed() == digests.compute(source, ["person"])["person"]
    copy, loaded = _session(), digests.Sums("person")
    with dbapi_cursor(copy) as cursor:  # read in pieces that cut records anywhere
        pieces = [data[i:i + 7] for i in range(0, len(data), 7)]
        assert records.load(cursor, "person", ["id", "name", "note", "born"], records.split(pieces), loaded) == 4
        assert cursor.execute("SELECT * FROM person ORDER BY id").fetchall() == ROWS
    assert loaded.sealed() == written.sealed() == digests.compute(copy, ["person"])["person"]
    assert list(records.values(records.split([data]))) == ROWS


@pytest.mark.parametrize("values", [b"1,(SELECT name FROM person),NULL,1", b"1,randomblob(9),NULL,1",
                                    b"1,'a',NULL,1),(2,'b',NULL,1", b"1,'a'),(2,'b',NULL,1",
                                    b"1,X'00',NULL,1", b"1,1.5,NULL,1"])
def test_a_record_that_is_not_literals_is_refused_before_sqlite_reads_it(values):
    with dbapi_cursor(_session()) as cursor, pytest.raises(records.Unfit):
        records.load(cursor, "person", ["id", "name", "note", "born"], [(b"id 0", values)], digests.Sums("person"))


def test_a_cut_record_and_one_without_its_group_are_refused():
    with pytest.raises(records.Unfit):
        list(records.split([b"id 0\x1f1,'a',NULL,1\x00id 0\x1f2,'b'"]))
    with pytest.raises(records.Unfit):
        list(records.split([b"1,'a',NULL,1\x00"]))


def test_rows_a_record_cannot_carry_are_found():
    session = _session(ROWS)
    with dbapi_cursor(session) as cursor:
        assert not records.unfit_rows(cursor, "person")
        for column, value in (("born", "1.5"), ("note", "X'00'"), ("note", "'a' || char(0) || 'b'")):
            cursor.execute(f"UPDATE person SET {column} = {value} WHERE id = 1")
            assert records.unfit_rows(cursor, "person")
            assert not records.unfit_rows(cursor, "person", "id = ?", (300,))
            cursor.execute("UPDATE person SET born = 1, note = NULL WHERE id = 1")


def test_a_record_without_an_end_is_refused_once_longer_than_a_row_can_be():
    """A hostile member of one endless record: refused after MAX_RECORD bytes, each chunk searched once."""
    endless = (b"x" * 65536 for _ in range(records.MAX_RECORD // 65536 + 2))
    with pytest.raises(records.Unfit, match="超过"):
        list(records.split(endless))
    ended = [b"id 0\x1f1,'", b"a" * 100, b"',NULL,1", b"\x00id 0\x1f2,'b',NULL,2\x00"]
    assert list(records.split(ended)) == [(b"id 0", b"1,'" + b"a" * 100 + b"',NULL,1"), (b"id 0", b"2,'b',NULL,2")]
