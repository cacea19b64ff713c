"""The workspace's working-day calendar: seeded with 2004–2026, a year entered in the window's way or from a sheet
(all or nothing, problems by file, row and column), deadlines counted on it, and the command line over it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.domain.errors import RuleError, UserError
from desktop.services import working_days
from desktop.services.importing.run import ImportRejected
from desktop.services.working_days import Holiday
from tests.conftest import signed
from tests.spreadsheets import csv_file, table_contents, workbook

D = dt.date
NOTICE_2027 = "国办发明电〔2026〕5号"
# a 2027 schedule for the tests (the real one is published late in 2026)
ROWS_2027 = [["2027-01-01", "放假", "元旦", NOTICE_2027], ["2027-01-02", "放假", "元旦", NOTICE_2027],
             ["2027-01-03", "放假", "元旦", NOTICE_2027], ["2026-12-27", "调休上班", "元旦", NOTICE_2027],
             ["2027-10-01", "放假", "国庆节", NOTICE_2027], ["2027-10-09", "调休上班", "国庆节", NOTICE_2027]]


def test_a_new_workspace_knows_2004_to_2026_and_not_2027(workspace):
    op = signed(workspace)
    years = working_days.years(workspace, op)
    assert [y["year"] for y in years] == list(range(2004, 2028))
    assert all(y["status"] == "正式" for y in years[:-1]) and years[-1]["status"] == "未录入"
    shown = working_days.show_year(workspace, op, 2026)
    national = [d for d in shown["days"] if d["name"] == "国庆节"]
    assert [d["date"] for d in national if d["kind"] == "放假"] == [f"2026-10-0{i}" for i in range(1, 8)]
    assert [d["date"] for d in national if d["kind"] == "调休上班"] == ["2026-09-20", "2026-10-10"]
    assert "chinese-calendar 1.11.0" in shown["source"]
    assert working_days.deadline(workspace, op, D(2026, 9, 30), 5).due == D(2026, 10, 13)
    with pytest.raises(RuleError, match="2027年的放假安排尚未录入"):
        working_days.deadline(workspace, op, D(2026, 12, 30), 2)


def test_a_year_entered_in_the_window_way(workspace):
    op = signed(workspace)
    result = working_days.enter_year(workspace, op, 2027, NOTICE_2027, [
        Holiday("元旦", D(2027, 1, 1), D(2027, 1, 3), (D(2026, 12, 27),)),
        Holiday("国庆节", D(2027, 10, 1), D(2027, 10, 7), (D(2027, 10, 9),))])
    assert result["status"] == "正式" and result["notice"] == NOTICE_2027 and result["holidays"] == 10
    assert working_days.deadline(workspace, op, D(2026, 12, 30), 2).due == D(2027, 1, 4)
    assert working_days.deadline(workspace, op, D(2026, 12, 25), 1).due == D(2026, 12, 27)  # 2026 gained a day
    with pytest.raises(UserError, match="同时写在"):
        working_days.enter_year(workspace, op, 2027, NOTICE_2027, [
            Holiday("元旦", D(2027, 1, 1), D(2027, 1, 3)), Holiday("春节", D(2027, 1, 3), D(2027, 1, 9))])
    with pytest.raises(UserError, match="文号"):
        working_days.enter_year(workspace, op, 2027, " ", [Holiday("元旦", D(2027, 1, 1), D(2027, 1, 3))])
    with pytest.raises(UserError, match="大多在2027年，不是2028年"):
        working_days.enter_year(workspace, op, 2028, NOTICE_2027, [Holiday("元旦", D(2027, 1, 1), D(2027, 1, 3))])


def test_entering_a_year_again_replaces_its_days(workspace):
    op = signed(workspace)
    before = working_days.show_year(workspace, op, 2026)
    working_days.enter_year(workspace, op, 2026, "国办发明电〔2025〕7号",
                            [Holiday("国庆节", D(2026, 10, 1), D(2026, 10, 8), (D(2026, 9, 20),))])
    after = working_days.show_year(workspace, op, 2026)
    assert after["notice"] == "国办发明电〔2025〕7号" and after["version"] != before["version"]
    assert len(after["days"]) == 9 and after["source"] == "窗口录入"
    assert working_days.deadline(workspace, op, D(2026, 9, 30), 1).due == D(2026, 10, 9)


def test_a_sheet_enters_its_year(workspace, tmp_path):
    op = signed(workspace)
    result = working_days.import_calendar(workspace, op, workbook(tmp_path / "2027.xlsx", {"放假安排": ROWS_2027}))
    assert result["year"] == 2027 and result["notice"] == NOTICE_2027 and result["make_up_days"] == 1
    last = working_days.years(workspace, op)[-1]
    assert (last["year"], last["status"]) == (2028, "未录入")
    assert working_days.deadline(workspace, op, D(2027, 9, 30), 1).due == D(2027, 10, 4)
    assert working_days.deadline(workspace, op, D(2027, 10, 7), 2).due == D(2027, 10, 9)  # the make-up Saturday


def test_a_csv_in_gb18030_as_wps_writes_it(workspace, tmp_path):
    path = csv_file(tmp_path / "放假安排.csv", "放假安排", ROWS_2027, encoding="gb18030")
    assert working_days.import_calendar(workspace, signed(workspace), path, "gb18030")["year"] == 2027


def test_a_bad_sheet_writes_nothing_and_names_every_problem(workspace, tmp_path):
    op = signed(workspace)
    rows = ROWS_2027 + [["2027-10-08", "调休上班", "国庆节", NOTICE_2027],   # a Friday
                        ["2027-10-01", "放假", "国庆节", NOTICE_2027],        # twice
                        ["2027-10-32", "放假", "国庆节", NOTICE_2027],
                        ["2027-10-02", "休息", "国庆节", NOTICE_2027],
                        ["2027-10-03", "放假", "国庆节", None]]
    path = workbook(tmp_path / "bad.xlsx", {"放假安排": rows})
    working_days.years(workspace, op)  # the workspace opened for use, as every service opens it
    before = table_contents(workspace)
    with pytest.raises(ImportRejected) as rejected:
        working_days.import_calendar(workspace, op, path)
    found = {(p.row, p.column): p.reason for p in rejected.value.problems}
    assert "周六或周日" in found[(8, "类型")] and "重复" in found[(9, "日期")]
    assert "不存在" in found[(10, "日期")] and "应为以下之一" in found[(11, "类型")]
    assert found[(12, "依据文号")] == "必填项为空" and rejected.value.total == 5
    assert table_contents(workspace) == before


def test_a_sheet_with_dates_of_a_far_year_is_refused(workspace, tmp_path):
    path = workbook(tmp_path / "far.xlsx", {"放假安排": ROWS_2027 + [["2029-01-01", "放假", "元旦", NOTICE_2027]]})
    with pytest.raises(ImportRejected) as rejected:
        working_days.import_calendar(workspace, signed(workspace), path)
    assert "不能含有2029年的日期" in str(rejected.value.problems[0])


@pytest.fixture
def cli(workspace, capsys):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--workspace", str(workspace.root), "--operator", "tester", *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def test_the_command_line(cli, tmp_path):
    code, out, _ = cli("deadline", "--from", "2026-09-30", "--working-days", "3", "--json")
    found = json.loads(out)
    assert code == 0 and found["due"] == "2026-10-10" and found["calendar"]["years"] == [2026]
    code, out, err = cli("deadline", "--from", "2026-12-31", "--working-days", "1", "--json")
    assert code == 1 and out == "" and "2027年的放假安排尚未录入" in err
    code, out, _ = cli("calendar", "show", "2027", "--json")
    assert json.loads(out)["status"] == "未录入"
    code, out, _ = cli("calendar", "import", str(workbook(tmp_path / "2027.xlsx", {"放假安排": ROWS_2027})), "--json")
    assert code == 0 and json.loads(out)["imported"] is True
    code, out, _ = cli("calendar", "show", "2027", "--json")
    shown = json.loads(out)
    assert shown["status"] == "正式" and shown["notice"] == NOTICE_2027 and len(shown["days"]) == 5
    code, out, _ = cli("deadline", "--from", "2026-12-31", "--working-days", "1", "--json")
    assert json.loads(out)["due"] == "2027-01-04"
    bad = workbook(tmp_path / "bad.xlsx", {"放假安排": [["2027-10-08", "调休上班", "国庆节", NOTICE_2027]]})
    code, out, err = cli("calendar", "import", str(bad), "--json")
    assert code == 1 and json.loads(out)["problems"][0]["row"] == 2
