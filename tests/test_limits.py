"""PROJECT_LIMIT, APPLICANT_INTEGRITY and LOBBIED on the demo round (review date 2026-12-15): ongoing projects
imported from a sheet, a head of unit flagged in the team sheet, restricting measures by their period, and the
secretariat's decision recorded once; the list raised when applications or their records are imported and when a
round opens, and its undecided flags on the due list."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.domain.errors import RuleError, UserError
from desktop.domain.misconduct import Entered
from desktop.services import conflicts, due, limits, misconduct, rounds
from desktop.services.demo import DEMO_METHOD
from desktop.services.importing.run import ImportRejected, import_files
from tests.conftest import signed
from tests.spreadsheets import id_number, workbook

D = dt.date
OTHER, ANOTHER = id_number(901, "19750101"), id_number(902, "19750101")  # leaders from outside the pool


@pytest.fixture
def round_apps(demo_workspace):
    found = conflicts.round_conflicts(demo_workspace, signed(demo_workspace), 1)
    flagged = {r["application"] for r in limits.round_limits(demo_workspace, signed(demo_workspace), 1)["applications"]}
    return [app for number, app in sorted(found.applications.items()) if number not in flagged]


def _flags(root, number: str) -> dict[str, dict]:
    rows = limits.round_limits(root, signed(root), 1)["applications"]
    return {f["code"]: f for r in rows if r["application"] == number for f in r["flags"]}


def _member(app, role: str):
    return next(m for m in app.team if m.role == role)


def test_a_researcher_over_two_projects_at_a_time(demo_workspace, round_apps, tmp_path):
    app = round_apps[0]
    pi = _member(app, "负责人").person
    sheet = workbook(tmp_path / "在研.xlsx", {"在研项目": [
        ["2024KJ0101", "在研一", OTHER, pi, "2024-01-01至2026-12-15"],      # ends on the review date
        ["2025KJ0102", "在研二", OTHER, f"{pi}；{ANOTHER}", "2026-12-15至2028-12-31"]]})
    import_files(demo_workspace, [sheet], signed(demo_workspace))
    flag = _flags(demo_workspace, app.number)["PROJECT_LIMIT"]
    assert flag["facts"]["person"] == pi and "主持或参与3项，超过2项" in flag["facts"]["reasons"]
    assert [p["number"] for p in flag["facts"]["projects"]] == ["2024KJ0101", "2025KJ0102", app.number]


def test_a_project_ended_the_day_before_does_not_count(demo_workspace, round_apps, tmp_path):
    app = round_apps[0]
    pi = _member(app, "负责人").person
    sheet = workbook(tmp_path / "在研.xlsx", {"在研项目": [
        ["2023KJ0101", "已结题", pi, None, "2023-01-01至2026-12-14"],
        ["2025KJ0103", "在研", pi, None, "2025-01-01至2027-12-31"]]})
    import_files(demo_workspace, [sheet], signed(demo_workspace))
    assert "PROJECT_LIMIT" not in _flags(demo_workspace, app.number)  # 2 at a time: within the limit


def test_a_head_of_unit_leading_two(demo_workspace, round_apps, tmp_path):
    app = round_apps[1]
    pi = _member(app, "负责人")
    team = [[app.number, m.name, m.person, m.role, m.org, "是" if m.person == pi.person else None] for m in app.team]
    sheet = workbook(tmp_path / "成员.xlsx", {"项目成员": team, "在研项目": [
        ["2025KJ0201", "在研", pi.person, None, "2025-01-01至2027-12-31"]]})
    import_files(demo_workspace, [sheet], signed(demo_workspace))
    flag = _flags(demo_workspace, app.number)["PROJECT_LIMIT"]
    assert flag["facts"]["head_of_unit"] and flag["facts"]["reasons"] == ["单位负责人主持2项，超过1项"]


def test_a_bad_period_is_refused_by_row_and_column(demo_workspace, tmp_path):
    sheet = workbook(tmp_path / "在研.xlsx", {"在研项目": [["2025KJ0301", "x", OTHER, None,
                                                       "2027-01-01至2026-01-01"]]})
    with pytest.raises(ImportRejected) as rejected:
        import_files(demo_workspace, [sheet], signed(demo_workspace))
    problem = rejected.value.problems[0]
    assert (problem.row, problem.column) == (2, "起止日期") and "早于" in problem.reason


def _record(root, person: str, name: str, measures, start, end) -> None:
    misconduct.record_misconduct(root, signed(root), Entered(
        name, person, False, "第九条", 2, measures, start, end, "省科技厅", "", D(2025, 1, 2)), D(2026, 12, 1))


def test_applicants_under_a_restricting_measure_on_the_review_date(demo_workspace, round_apps):
    a, b, c = round_apps[2], round_apps[3], round_apps[4]
    _record(demo_workspace, _member(a, "负责人").person, "甲", (6,), D(2025, 1, 2), D(2026, 12, 15))
    _record(demo_workspace, _member(b, "负责人").person, "乙", (6,), D(2025, 1, 2), D(2026, 12, 14))
    _record(demo_workspace, _member(c, "负责人").person, "丙", (1, 3), None, None)
    flag = _flags(demo_workspace, a.number)["APPLICANT_INTEGRITY"]
    assert flag["facts"]["role"] == "负责人" and flag["facts"]["penalty_end"] == "2026-12-15"
    assert "APPLICANT_INTEGRITY" not in _flags(demo_workspace, b.number)
    assert "APPLICANT_INTEGRITY" not in _flags(demo_workspace, c.number)


def test_the_decision_is_recorded_once_and_admission_needs_a_reason(demo_workspace, capsys):
    op = signed(demo_workspace)
    found = limits.round_limits(demo_workspace, op, 1)
    lobbied = next(r["application"] for r in found["applications"] if any(f["code"] == "LOBBIED" for f in r["flags"]))
    with pytest.raises(RuleError, match="须写明理由"):
        limits.decide_limit(demo_workspace, op, 1, lobbied, "LOBBIED", True)
    with pytest.raises(UserError, match="没有 PROJECT_LIMIT 标记"):
        limits.decide_limit(demo_workspace, op, 1, lobbied, "PROJECT_LIMIT", False)
    code = main(["--workspace", str(demo_workspace), "--operator", op.name, "limits", "--round", "1", "--decide",
                 lobbied, "LOBBIED", "--reject", "--reason", "经查实请托", "--json"])
    shown = json.loads(capsys.readouterr().out)
    decision = next(f for r in shown["applications"] if r["application"] == lobbied for f in r["flags"])["decision"]
    assert code == 0 and decision["admitted"] is False and decision["decided_by"] == op.name
    assert shown["undecided"] == found["undecided"] - 1
    with pytest.raises(RuleError, match="已有决定"):
        limits.decide_limit(demo_workspace, op, 1, lobbied, "LOBBIED", True, "复查")


def test_the_list_is_raised_by_an_import_a_round_opening_and_the_due_list(demo_workspace, round_apps, tmp_path):
    root, op = demo_workspace, signed(demo_workspace)
    before = limits.round_limits(root, op, 1)
    app = round_apps[0]
    pi = _member(app, "负责人").person
    sheet = workbook(tmp_path / "在研.xlsx", {"在研项目": [
        ["2024KJ0101", "在研一", pi, None, "2024-01-01至2027-12-31"],
        ["2025KJ0102", "在研二", pi, None, "2025-01-01至2028-12-31"]]})
    summary = import_files(root, [sheet], op)
    assert summary.limits == [{"round": 1, "name": "2026年度省重点研发计划项目会议评审（示例）",
                               "listed": len(before["applications"]) + 1, "undecided": before["undecided"] + 1}]
    [item] = [i for i in due.due_items(root, op, D(2026, 12, 14)) if i["kind"] == "limits"]
    assert (item["round"], item["due"], item["when"]) == (1, "2026-12-15", "week")
    assert item["what"] == f"对限项与资格名单作出决定（{before['undecided'] + 1}项未决定）"
    second = rounds.create_round(root, op, name="复审轮次", review_date=D(2026, 12, 20), method=DEMO_METHOD)
    rounds.add_panel(root, op, second.id, name="复审组", size=5, applications=[app.number])
    opened = rounds.open_round(root, op, second.id)
    assert opened.limits == {"round": second.id, "name": "复审轮次", "listed": 1, "undecided": 1}
    assert opened.to_dict()["limits"]["listed"] == 1


def test_the_import_command_says_what_the_list_names(demo_workspace, round_apps, tmp_path, capsys):
    pi = _member(round_apps[0], "负责人").person
    sheet = workbook(tmp_path / "在研.xlsx", {"在研项目": [["2024KJ0101", "在研一", pi, None, "2024-01-01至2027-12-31"],
                                                       ["2025KJ0102", "在研二", pi, None, "2025-01-01至2028-12-31"]]})
    code = main(["--workspace", str(demo_workspace), "--operator", signed(demo_workspace).name, "import", str(sheet),
                 "--json"])
    shown = json.loads(capsys.readouterr().out)
    listed = limits.round_limits(demo_workspace, signed(demo_workspace), 1)
    assert code == 0 and [(r["round"], r["listed"], r["undecided"]) for r in shown["limits"]] == [
        (1, len(listed["applications"]), listed["undecided"])]
