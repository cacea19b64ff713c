"""ID numbers that a spreadsheet has damaged or that cannot be an expert's, refused at the row where they were typed.

A column that once was a number column has lost the last three digits of every ID in it: they read 000. Most such
numbers then fail their check digit and are refused by it; one in eleven passes by chance. A real ID number ends in
000 too, about one in 1,100 (two zero sequence digits and a check digit of 0), so 000 alone proves nothing, and a
pool of 50,000 experts holds some forty of them. What does prove it is the column: once one of its cells shows that
the spreadsheet stored the IDs as numbers (a failed check on 000, or 1.10101197508082E+17), every ID ending in 000
in that column is refused with the same reason, check digit or not, so a user who fixes the rows named does not
leave the lucky ones in with their digits lost. A lone 000 in a column with no such sign is accepted: nothing in the
file tells it from a real one.
"""

import datetime as dt

import pytest

from desktop.domain.ids import ID_STORED_AS_NUMBER
from desktop.services import catalogue
from desktop.services.importing.run import ImportRejected, import_files
from tests.conftest import signed
from tests.spreadsheets import csv_file, id_number, small_pool, workbook

ZEROED_PASSING = "110101197508082000"  # 110101197508082078 after Excel's 15 digits: its check digit passes
ZEROED_FAILING = "370102197001010000"  # another one, whose check digit fails


def _csv_files(tmp_path, pool):
    return [csv_file(tmp_path / f"{title}.csv", title, rows) for title, rows in pool.items()]


def test_a_zeroed_id_that_passes_its_check_is_refused_when_its_column_shows_the_spreadsheet_pattern(workspace,
                                                                                                      tmp_path):
    pool = small_pool()
    pool["专家"][1][1] = ZEROED_PASSING
    pool["专家"][2][1] = ZEROED_FAILING
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, _csv_files(tmp_path, pool), signed(workspace, "tester"))
    problems = sorted((p.file, p.row, p.column, p.value) for p in rejected.value.problems)
    assert problems == [("专家.csv", 3, "身份证号", ZEROED_PASSING), ("专家.csv", 4, "身份证号", ZEROED_FAILING)]
    assert all(p.reason.startswith(ID_STORED_AS_NUMBER) for p in rejected.value.problems)
    assert all("应为" not in p.reason for p in rejected.value.problems)  # no corrected check digit, ever
    assert catalogue.counts(workspace, signed(workspace))["experts"] == 0


def test_the_pattern_shown_in_a_text_cell_of_a_workbook_refuses_the_lucky_zeroed_ids_of_that_column(workspace,
                                                                                                     tmp_path):
    pool = small_pool()
    pool["人员关系"] = [[id_number(1), ZEROED_PASSING, "合作", 2020, None, None],
                    [id_number(2), "1.10101197508082E+17", "合作", 2020, None, None]]
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    assert sorted((p.row, p.column) for p in rejected.value.problems) == [(2, "身份证号B"), (3, "身份证号B")]


def test_a_lone_id_ending_in_000_with_a_valid_check_digit_is_accepted(workspace, tmp_path):
    pool = small_pool()
    pool["专家"][2][1] = ZEROED_PASSING  # one real ID number in about 1,100 ends so: nothing tells them apart
    import_files(workspace, _csv_files(tmp_path, pool), signed(workspace, "tester"))
    assert catalogue.counts(workspace, signed(workspace))["experts"] == 3


def test_the_pattern_in_one_column_does_not_refuse_another_columns_ids(workspace, tmp_path):
    pool = small_pool()
    pool["专家"][2][1] = ZEROED_PASSING
    pool["人员关系"] = [[id_number(1), ZEROED_FAILING, "合作", 2020, None, None]]
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, _csv_files(tmp_path, pool), signed(workspace, "tester"))
    assert [(p.file, p.row, p.column) for p in rejected.value.problems] == [("人员关系.csv", 2, "身份证号B")]


def _born_years_ago(years: int, days: int = 0) -> str:
    today = dt.date.today()
    return (today.replace(year=today.year - years) + dt.timedelta(days=days)).strftime("%Y%m%d")


def test_an_expert_under_18_or_over_100_at_the_import_date_is_refused_by_place(workspace, tmp_path):
    pool = small_pool()
    pool["专家"][0][1] = id_number(1, born=_born_years_ago(18, days=1))  # 18 tomorrow
    pool["专家"][1][1] = id_number(2, born=_born_years_ago(101))
    pool["专家"][2][1] = id_number(3, born=_born_years_ago(18))  # 18 today: may be an expert
    pool["任职经历"] = []
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    problems = rejected.value.problems
    assert [(p.file, p.sheet, p.row, p.column) for p in problems] == [
        ("pool.xlsx", "专家", 2, "身份证号"), ("pool.xlsx", "专家", 3, "身份证号")]
    assert "未满18周岁" in problems[0].reason and "101周岁" in problems[1].reason
    assert all("出生日期" in p.reason for p in problems)


def test_a_team_member_is_not_held_to_an_experts_age(workspace, tmp_path):
    pool = small_pool()
    pool["项目"] = [["2026KJ0001", "工业视觉检测", "52020", "山东理工大学", pool["单位"][1][1], None]]
    pool["项目成员"] = [["2026KJ0001", "赵小六", id_number(9, born=_born_years_ago(17)), "骨干", None]]
    import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    assert catalogue.counts(workspace, signed(workspace))["persons"] == 4
