"""`workspace merge-duplicates` on a real workspace whose upgrade stopped at canonical identifiers (migration 0015).

The workspace is made by this version and given the second row an import made before RULES.md IDENTIFIERS: 张三 is
the expert (3701…) and, typed full-width with a space and a lower-case x, a team member of 2026KJ0001, so recusal
found no SELF ground. Then it is taken down to 0014, where 0015 refuses to open it. The command merges the two,
the upgrade finishes, 张三 gets SELF, and the audit log covers it all."""

import datetime as dt
import json

import pytest
from sqlalchemy import text

from desktop.cli import main
from desktop.domain.methods import Method
from desktop.services import audit_log, catalogue, conflicts, rounds
from desktop.services.importing.run import import_files
from desktop.services.uow import change
from desktop.store.engine import SchemaError, known_revisions
from desktop.store.workspace import close_workspace, open_workspace
from tests.conftest import signed
from tests.spreadsheets import full_width, id_number, small_pool, workbook
from tests.test_migration_identifiers import _at_0014, _rows

ZHANG = id_number(1)
OLD_SPELLING = " " + full_width(ZHANG)[:6] + "\u3000" + full_width(ZHANG)[6:]
HEAD = known_revisions()[1]


def _pool() -> dict:
    pool = small_pool()
    ent = pool["单位"][0][1]
    pool["项目"] = [["2026KJ0001", "工业视觉检测", "52020", "济南华信精密机械有限公司", ent, None]]
    pool["项目成员"] = [["2026KJ0001", "赵六", id_number(10), "负责人", ent]]
    return pool


def _sql(root, sql: str, **values) -> None:
    """Rows as an import before RULES.md IDENTIFIERS stored them, written as PanelDesk wrote them (audited)."""
    with change(root, signed(root, "tester"), "import", "旧版本导入") as unit:
        unit.session.execute(text(sql), values)


@pytest.fixture
def made(tmp_path):
    """张三 (person 1) the expert, 李四 (2), 王五 (3), 赵六 (4) the leader of 2026KJ0001; a round with a panel for it;
    the pool file, to import again."""
    root = tmp_path / "ws"
    workspace = open_workspace(root, create=True)
    pool = workbook(tmp_path / "pool.xlsx", _pool())
    import_files(workspace, [pool], signed(workspace, "tester"))
    info = rounds.create_round(root, signed(root, "tester"), name="第一轮", review_date=dt.date(2026, 12, 20),
                               method=Method("会议评审", "百分制"), confirm_past_date=True)
    rounds.add_panel(root, signed(root, "tester"), info.id, name="一组", size=1, applications=["2026KJ0001"])
    return root, pool


def _twin(root) -> None:
    """张三 again as person 5, the team member of 2026KJ0001; a collaboration with 李四 recorded on both rows."""
    _sql(root, "INSERT INTO person (id, id_number, name, mobile, email, head_of_unit) "
               "VALUES (5, :spelled, '张三', '13900000005', '', 0)", spelled=OLD_SPELLING)
    _sql(root, "INSERT INTO team_member (application_id, person_id, role, organisation_id, position) "
               "SELECT id, 5, '骨干', NULL, 2 FROM application")
    _sql(root, "INSERT INTO relation (person_a_id, person_b_id, kind, from_year, to_year, note) "
               "VALUES (1, 2, '合作', 2020, NULL, ''), (2, 5, '合作', 2020, NULL, '')")


@pytest.fixture
def stuck(made):
    root, pool = made
    _twin(root)
    _at_0014(root)
    return root, pool


@pytest.fixture
def cli(capsys):
    def run(root, *argv: str) -> tuple[int, dict | str, str]:
        code = main(["--workspace", str(root), "--operator", "tester", "workspace", "merge-duplicates", "--json",
                     *argv])
        out, err = capsys.readouterr()
        close_workspace(root)
        return code, json.loads(out) if out else out, err
    return run


def _actions(root, action: str) -> list:
    return _rows(root, f"SELECT before, after FROM audit_entry WHERE action = '{action}'")


def test_the_refusal_names_the_command(stuck):
    root, _ = stuck
    with pytest.raises(SchemaError, match="workspace merge-duplicates"):
        open_workspace(root)


def test_a_person_registered_twice_is_merged_the_upgrade_finishes_and_recusal_finds_self(stuck, cli):
    root, pool = stuck
    code, listed, _ = cli(root)
    assert code == 0 and not listed["current_schema"]
    assert _rows(root, "SELECT version_num FROM alembic_version") == [("0014",)]
    [clash] = listed["clashes"]
    assert [r["key"] for r in clash["rows"]] == ["person:1", "person:5"] and clash["keep"] == "person:1"
    assert [r["born"] for r in clash["rows"]] == ["1970-01-01", "1970-01-01"]
    assert clash["identifier"] == ZHANG[:6] + "********" + ZHANG[-4:]
    assert ZHANG not in json.dumps(listed, ensure_ascii=False)  # masked
    said = "\n".join(clash["differences"])
    assert "项目成员" in said and "2026KJ0001 骨干" in said and "专家记录" in said and "手机" in said
    assert "姓名" not in said

    code, merged, _ = cli(root, "--keep", "person:1")
    assert code == 0 and merged["current_schema"] and merged["clashes"] == []
    assert merged["merged"][0]["merged"] == ["person:5"]
    references = merged["merged"][0]["references"]["person:5"]
    assert references["moved"]["team_member.person_id"] == 1
    assert references["collapsed"]["relation.person_a_id"] == 1  # 张三–李四 recorded on both rows: one now
    assert _rows(root, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert _rows(root, "SELECT id, id_number FROM person WHERE name = '张三'") == [(1, ZHANG)]
    assert _rows(root, "SELECT person_a_id, person_b_id, kind FROM relation") == [(1, 2, "合作")]

    [(before, after)] = _actions(root, "identifiers.merge")
    before = json.loads(before)
    assert before["kept"]["stays"] and before["dropped"]["person:5"]["team"] == ["2026KJ0001 骨干"]
    assert json.loads(after)["kept"]["team"] == ["2026KJ0001 骨干"]
    verification = audit_log.verify_log(root, signed(root, "审计员"))
    assert verification.intact, verification.summary()
    [round_id] = [r.id for r in rounds.list_rounds(root, signed(root, "tester"))]
    grounds = conflicts.round_conflicts(root, signed(root), round_id).grounds_for("2026KJ0001", ZHANG)
    assert "SELF" in [g.code for g in grounds]

    code, again, _ = cli(root, "--keep", "person:1")  # merged twice: nothing more happens
    assert code == 0 and again["merged"][0]["merged"] == [] and again["current_schema"]
    import_files(root, [pool], signed(root, "tester"))  # the same pool imported again: still one 张三
    assert catalogue.counts(root, signed(root))["persons"] == 4
    assert len(_actions(root, "identifiers.merge")) == 1
    assert audit_log.verify_log(root, signed(root, "审计员")).intact


def test_two_names_on_one_number_are_refused_naming_the_difference_and_corrected_instead(made, cli):
    root, _ = made
    _sql(root, "UPDATE person SET id_number = :spelled WHERE id = 2", spelled=OLD_SPELLING)  # 李四 typed with 张三's
    _at_0014(root)
    before = _rows(root, "SELECT id, name, id_number FROM person ORDER BY id")

    code, listed, _ = cli(root)
    [clash] = listed["clashes"]
    assert clash["keep"] is None and "IDENTIFIERS" in clash["refusal"] and "「张三」" in clash["refusal"]
    code, out, err = cli(root, "--keep", "person:1")
    assert code != 0 and not out
    assert "IDENTIFIERS" in err and "「李四」" in err and "姓名（名称）：第1条「张三」，第2条「李四」" in err
    assert "--correct" in err
    assert _rows(root, "SELECT id, name, id_number FROM person ORDER BY id") == before
    assert _rows(root, "SELECT version_num FROM alembic_version") == [("0014",)]

    code, out, err = cli(root, "--correct", f"person:2={ZHANG}")
    assert code != 0 and "已属于第1条「张三」" in err
    code, corrected, _ = cli(root, "--correct", f"person:2={id_number(2)}")
    assert code == 0 and corrected["current_schema"] and corrected["corrected"][0]["changed"]
    assert _rows(root, "SELECT name, id_number FROM person WHERE id = 2") == [("李四", id_number(2))]
    assert len(_actions(root, "identifiers.correct")) == 1
    assert audit_log.verify_log(root, signed(root, "审计员")).intact


def _seated(root, person: int) -> None:
    """A draw of the round that seats ``person`` on its panel, as a draw record stores it."""
    _sql(root, "INSERT INTO draw (id, round_id, seed, seed_source, pool_hash, rules, operator, witness, reason, at, "
               "superseded, witness_digits) VALUES (1, 1, 's', 'commit-reveal', 'h', '{}', 'tester', '赵监督', '', "
               "'2026-12-01T09:00:00+08:00', 0, '123456')")
    _sql(root, "INSERT INTO draw_member (draw_id, panel_id, person_id, reserve, position, enterprise, "
               "enterprise_basis) VALUES (1, 1, :person, 0, 1, 0, '')", person=person)


def test_a_row_a_draw_seats_is_never_dropped_the_draw_record_keeps_naming_it(made, cli):
    root, _ = made
    _twin(root)
    _seated(root, 5)
    _at_0014(root)
    code, listed, _ = cli(root)
    assert listed["clashes"][0]["keep"] == "person:5"  # the row the draw names

    code, out, err = cli(root, "--keep", "person:1")
    assert code != 0 and "CORRECTIONS" in err and "抽取成员（轮次 1）" in err and "--keep person:5" in err
    code, merged, _ = cli(root, "--keep", "person:5")
    assert code == 0 and merged["current_schema"]
    assert _rows(root, "SELECT person_id FROM draw_member") == [(5,)]
    assert _rows(root, "SELECT mobile, email FROM person WHERE id = 5") == [("13900000005", "zs@example.cn")]
    assert _rows(root, "SELECT p.id, p.id_number FROM expert e JOIN person p ON p.id = e.person_id "
                       "WHERE p.name = '张三'") == [(5, ZHANG)]
    assert audit_log.verify_log(root, signed(root, "审计员")).intact


def test_when_draws_name_both_rows_nothing_is_merged(made, cli):
    root, _ = made
    _twin(root)
    _seated(root, 5)
    _sql(root, "INSERT INTO draw_member (draw_id, panel_id, person_id, reserve, position, enterprise, "
               "enterprise_basis) VALUES (1, 1, 1, 1, 1, 0, '')")
    _at_0014(root)
    code, listed, _ = cli(root)
    [clash] = listed["clashes"]
    assert clash["keep"] is None and "CORRECTIONS" in clash["refusal"]
    for keep in ("person:1", "person:5"):
        code, out, err = cli(root, "--keep", keep)
        assert code != 0 and "不能合并" in err
    assert _rows(root, "SELECT count(*) FROM person") == [(5,)]
    assert _rows(root, "SELECT version_num FROM alembic_version") == [("0014",)]


def test_an_organisation_registered_twice_is_merged_with_its_applications_and_experts(made, cli):
    root, _ = made
    ent = _pool()["单位"][0][1]
    _sql(root, "INSERT INTO organisation (id, credit_code, name, kind) VALUES (3, :code, '济南华信精密机械有限公司', '企业')",
         code=ent.lower())
    _sql(root, "UPDATE application SET applicant_org_id = 3")
    _sql(root, "INSERT INTO application_partner (application_id, organisation_id) SELECT id, 3 FROM application")
    _sql(root, "INSERT INTO application_partner (application_id, organisation_id) SELECT id, 1 FROM application")
    _at_0014(root)
    code, listed, _ = cli(root)
    [clash] = listed["clashes"]
    assert clash["kind"] == "organisation" and clash["keep"] == "organisation:1"
    assert "申报项目：第1条「（无）」，第3条「2026KJ0001」" in clash["differences"]

    code, merged, _ = cli(root, "--keep", "organisation:1")
    assert code == 0 and merged["current_schema"]
    collapsed = merged["merged"][0]["references"]["organisation:3"]["collapsed"]
    assert collapsed == {"application_partner.organisation_id": 1}
    assert _rows(root, "SELECT applicant_org_id FROM application") == [(1,)]
    assert _rows(root, "SELECT organisation_id FROM application_partner") == [(1,)]
    assert _rows(root, "SELECT count(*) FROM organisation") == [(2,)]
    assert audit_log.verify_log(root, signed(root, "审计员")).intact


def test_a_workspace_already_current_has_nothing_to_merge(made, cli):
    root, _ = made
    close_workspace(root)
    code, listed, _ = cli(root)
    assert code == 0 and listed["clashes"] == [] and listed["current_schema"]
    assert _rows(root, "SELECT version_num FROM alembic_version") == [(HEAD,)]


_RECORD = ("INSERT INTO integrity_record (subject_name, subject_code, project_name, project_number, violation, "
           "measures, penalty_start, penalty_end, decided_by, basis, decision_date, violation_ref, measure_items) "
           "VALUES (:name, :code, '某项目', 'XM-1', '抄袭', :measures, '2025-01-01', '2027-12-31', '省科技厅', '第九条', "
           "'2024-12-20', '', '')")


def test_a_misconduct_record_entered_twice_is_merged_and_two_subjects_on_one_number_are_not(made, cli):
    root, _ = made
    for name, code, measures in (("张三", ZHANG, "警告"), ("张三", OLD_SPELLING, "警告；取消评审资格")):
        _sql(root, _RECORD, name=name, code=code, measures=measures)
    _at_0014(root)
    code, listed, _ = cli(root)
    [clash] = listed["clashes"]
    assert clash["kind"] == "integrity_record" and clash["keep"] == "integrity_record:1"
    assert "处理措施：第1条「警告」，第2条「警告；取消评审资格」" in clash["differences"]
    code, merged, _ = cli(root, "--keep", "integrity_record:1")
    assert code == 0 and merged["current_schema"]
    assert _rows(root, "SELECT subject_code, measures FROM integrity_record") == [(ZHANG, "警告")]
    assert audit_log.verify_log(root, signed(root, "审计员")).intact


def test_two_subjects_of_one_misconduct_record_are_not_merged_and_one_is_corrected(made, cli):
    root, _ = made
    for name, code in (("张三", ZHANG), ("张山", OLD_SPELLING)):
        _sql(root, _RECORD, name=name, code=code, measures="警告")
    _at_0014(root)
    code, out, err = cli(root, "--keep", "integrity_record:2")
    assert code != 0 and "IDENTIFIERS" in err and "「张山」" in err
    assert _rows(root, "SELECT count(*) FROM integrity_record") == [(2,)]
    code, corrected, _ = cli(root, "--correct", f"integrity_record:2={id_number(2)}")
    assert code == 0 and corrected["current_schema"]
    assert _rows(root, "SELECT subject_name, subject_code FROM integrity_record ORDER BY id") == [
        ("张三", ZHANG), ("张山", id_number(2))]
