"""Migration 0015 on a real workspace at the 0014 schema: identifiers stored before they were normalised become
canonical, the audit log seals the rows it changed (``audit verify`` stays clean, and a change made outside PanelDesk
before the migration is still named after it), and two rows that would become one person stop the migration with
both named and nothing changed.

The workspace is made by this version, given the spellings an older import stored (written as PanelDesk wrote them,
in an audited change), then taken down to 0014 by Alembic and opened again, which migrates it."""

import sqlite3

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from desktop.services import audit_log, catalogue
from desktop.services.importing.run import import_files
from desktop.services.uow import change
from desktop.store.engine import DB_NAME, MIGRATIONS, SchemaError, make_engine
from desktop.store.workspace import close_workspace, open_workspace
from tests.conftest import signed
from tests.spreadsheets import id_number, small_pool, workbook


def _wide(code: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in code.lower())


def _stored_before_normalisation(root, spellings: dict[str, str]) -> None:
    """Give persons the spellings an import made before RULES.md IDENTIFIERS, through an audited change."""
    with change(root, signed(root, "tester"), "import", "旧版本导入") as unit:
        for canonical_id, spelled in spellings.items():
            unit.session.execute(text("UPDATE person SET id_number = :spelled WHERE id_number = :id"),
                                 {"spelled": spelled, "id": canonical_id})


def _at_0014(root) -> None:
    close_workspace(root)
    engine = make_engine(root / DB_NAME)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    command.downgrade(config, "0014")
    engine.dispose()


def _rows(root, sql: str) -> list:
    with sqlite3.connect(root / DB_NAME) as db:
        return db.execute(sql).fetchall()


@pytest.fixture
def old_workspace(tmp_path):
    root = tmp_path / "ws"
    workspace = open_workspace(root, create=True)
    import_files(workspace, [workbook(tmp_path / "pool.xlsx", small_pool())], signed(workspace, "tester"))
    return root


def test_identifiers_stored_unnormalised_become_canonical_and_the_log_seals_them(old_workspace):
    root = old_workspace
    _stored_before_normalisation(root, {id_number(1): _wide(id_number(1)),
                                        id_number(2): " " + id_number(2)[:9] + "\u3000" + id_number(2)[9:]})
    _at_0014(root)
    assert _rows(root, "SELECT version_num FROM alembic_version") == [("0014",)]

    open_workspace(root)
    assert sorted(i for (i,) in _rows(root, "SELECT id_number FROM person")) == sorted(
        [id_number(1), id_number(2), id_number(3)])
    verification = audit_log.verify_log(root, signed(root, "审计员"))
    assert verification.intact, verification.summary()
    [(after,)] = _rows(root, "SELECT after FROM audit_entry WHERE action = 'identifiers.canonical'")
    assert '"person": 2' in after
    assert catalogue.counts(root, signed(root))["persons"] == 3


def test_a_change_made_outside_paneldesk_before_the_migration_is_still_named_after_it(old_workspace):
    root = old_workspace
    _stored_before_normalisation(root, {id_number(1): _wide(id_number(1))})
    _at_0014(root)
    with sqlite3.connect(root / DB_NAME) as db:
        db.execute("UPDATE person SET name = '赵冒名' WHERE id_number = ?", (_wide(id_number(1)),))

    open_workspace(root)
    verification = audit_log.verify_log(root, signed(root, "审计员"))
    assert not verification.intact
    assert [p["table"] for p in verification.problems] == ["person"]


def test_two_rows_that_become_one_person_stop_the_migration_naming_both_and_change_nothing(old_workspace):
    root = old_workspace
    _stored_before_normalisation(root, {id_number(2): _wide(id_number(1))})  # 李四 typed with 张三's number
    _at_0014(root)
    before = _rows(root, "SELECT id, name, id_number FROM person ORDER BY id")

    with pytest.raises(SchemaError) as refused:
        open_workspace(root)
    message = str(refused.value)
    assert "「张三」" in message and "「李四」" in message and "不会自动合并" in message
    assert id_number(1) not in message and id_number(1)[:6] + "********" + id_number(1)[-4:] in message
    assert _rows(root, "SELECT version_num FROM alembic_version") == [("0014",)]
    assert _rows(root, "SELECT id, name, id_number FROM person ORDER BY id") == before
