"""Importing real spreadsheets into a real workspace: all or nothing, with every problem named by place."""

import sqlite3

import pytest
from sqlalchemy import text

from desktop.services import catalogue
from desktop.services.importing.run import ImportRejected, import_files
from tests.spreadsheets import credit_code, csv_file, id_number, small_pool, workbook


def test_workbook_with_sheets_in_any_order_imports_in_one_go(workspace, tmp_path):
    sheets = dict(reversed(list(small_pool().items())))
    summary = import_files(workspace, [workbook(tmp_path / "pool.xlsx", sheets)], "tester")
    assert summary.counts["专家"] == {"新增": 3, "更新": 0}
    experts = {e["name"]: e for e in catalogue.listing(workspace, "experts")}
    assert experts["李四"]["enterprise"] is True  # defaulted from the enterprise employer
    assert experts["王五"]["enterprise"] is True  # given explicitly although the employer is a university
    assert experts["张三"]["enterprise"] is False
    assert experts["李四"]["fields"] == ["520", "52020"]


def test_reimporting_the_same_file_updates_instead_of_duplicating(workspace, tmp_path):
    path = workbook(tmp_path / "pool.xlsx", small_pool())
    import_files(workspace, [path], "tester")
    again = import_files(workspace, [path], "tester")
    assert again.counts["专家"] == {"新增": 0, "更新": 3}
    counts = catalogue.counts(workspace)
    assert (counts["experts"], counts["persons"], counts["organisations"]) == (3, 3, 2)
    assert counts["employment"] == 4  # three current stays and one past stay, not twice as many


def test_one_bad_id_number_among_ten_thousand_rows_imports_nothing(workspace, tmp_path):
    pool = small_pool()
    del pool["任职经历"]
    uni = pool["单位"][1][1]
    pool["专家"] = [[f"专家{i}", id_number(i, born=f"19{60 + i // 1000:02d}0101"), None, None, "教授", "山东理工大学",
                   uni, "52020", None] for i in range(10_000)]
    bad = pool["专家"][6_999][1]
    pool["专家"][6_999][1] = bad[:-1] + ("0" if bad[-1] != "0" else "1")
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "big.xlsx", pool)], "tester")
    [problem] = rejected.value.problems
    assert (problem.file, problem.sheet, problem.row, problem.column) == ("big.xlsx", "专家", 7001, "身份证号")
    assert "校验码" in problem.reason
    assert catalogue.counts(workspace)["experts"] == 0
    assert catalogue.counts(workspace)["organisations"] == 0


def test_gb18030_csv_as_wps_writes_it(workspace, tmp_path):
    pool = small_pool()
    files = [csv_file(tmp_path / f"{title}.csv", title, rows, encoding="gb18030") for title, rows in pool.items()]
    import_files(workspace, files, "tester")
    names = sorted(e["name"] for e in catalogue.listing(workspace, "experts"))
    assert names == ["张三", "李四", "王五"]


def test_csv_is_recognised_by_its_headers_whatever_its_name(workspace, tmp_path):
    pool = small_pool()
    files = [csv_file(tmp_path / f"file{i}.csv", title, rows) for i, (title, rows) in enumerate(pool.items())]
    import_files(workspace, files, "tester")
    assert catalogue.counts(workspace)["experts"] == 3


def test_reference_to_an_unregistered_organisation_is_named(workspace, tmp_path):
    pool = small_pool()
    stranger = credit_code(99)
    pool["专家"][0][6] = stranger
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], "tester")
    [problem] = rejected.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "工作单位信用代码", stranger)
    assert "单位未登记" in problem.reason


def test_duplicate_rows_and_inconsistent_names_are_reported_with_the_first_place(workspace, tmp_path):
    pool = small_pool()
    pool["专家"].append(list(pool["专家"][0]))
    pool["项目"] = [["2026KJ0001", "工业视觉检测", "52020", "济南华信精密机械有限公司", pool["单位"][0][1], None]]
    pool["项目成员"] = [["2026KJ0001", "张叁", id_number(1), "负责人", None]]
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], "tester")
    reasons = [(p.sheet, p.row, p.reason) for p in rejected.value.problems]
    assert ("专家", 5, "与「专家」第2行重复") in reasons
    assert any(sheet == "项目成员" and "不一致" in reason for sheet, _, reason in reasons)


def test_bad_cells_of_every_kind_are_all_reported_at_once(workspace, tmp_path):
    pool = small_pool()
    pool["单位"][0][2] = "公司"
    pool["任职经历"][0][3] = "二〇一五"
    pool["专家"][1][7] = "5202"
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], "tester")
    columns = {(p.sheet, p.column) for p in rejected.value.problems}
    assert {("单位", "单位类型"), ("任职经历", "起始年"), ("专家", "学科代码")} <= columns


def test_applications_with_teams_and_people_shared_with_the_pool(workspace, tmp_path):
    pool = small_pool()
    ent = pool["单位"][0][1]
    pool["项目"] = [["2026KJ0001", "工业视觉检测", "52020", "济南华信精密机械有限公司", ent, pool["单位"][1][1]]]
    pool["项目成员"] = [["2026KJ0001", "赵六", id_number(10), "负责人", ent], ["2026KJ0001", "张三", id_number(1), "骨干", None]]
    pool["不宜评审专家"] = [["2026KJ0001", id_number(2), "存在学术竞争关系"]]
    pool["人员关系"] = [[id_number(10), id_number(3), "师生", 2001, 2006, "博士导师"]]
    import_files(workspace, [workbook(tmp_path / "all.xlsx", pool)], "tester")
    detail = catalogue.detail(workspace, "applications", "2026KJ0001")
    assert [m["name"] for m in detail["team"]] == ["赵六", "张三"]
    assert detail["leader"] == "赵六"
    assert detail["requested_exclusions"][0]["reason"] == "存在学术竞争关系"
    assert catalogue.counts(workspace)["persons"] == 4  # 张三 is one person as expert and as team member
    expert = catalogue.detail(workspace, "experts", id_number(3))
    assert expert["relations"][0]["kind"] == "师生"


def test_workspace_runs_in_wal_mode_with_foreign_keys(workspace):
    with workspace.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_workspace_from_a_newer_version_is_refused(tmp_path):
    from desktop.store.engine import SchemaError
    from desktop.store.workspace import close_workspace, open_workspace
    root = tmp_path / "newer"
    open_workspace(root, create=True)
    close_workspace(root)
    with sqlite3.connect(root / "paneldesk.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaError, match="更新版本"):
        open_workspace(root)


def test_a_file_that_is_not_a_workbook_is_named_and_nothing_is_written(workspace, tmp_path):
    fake = tmp_path / "专家库.xlsx"
    fake.write_text("这不是表格")
    good = workbook(tmp_path / "pool.xlsx", small_pool())
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [good, fake], "tester")
    [problem] = rejected.value.problems
    assert problem.file == "专家库.xlsx" and "无法作为 Excel 文件读取" in problem.reason
    assert catalogue.counts(workspace)["experts"] == 0
