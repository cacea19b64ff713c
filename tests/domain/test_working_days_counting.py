"""WORKING_DAYS: deadlines counted over the State Council's schedule, the 2026 National Day holiday and its make-up
days at every boundary, and a count into a year not entered refused."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.errors import RuleError, UserError
from desktop.domain.working_days import HOLIDAY, MAKE_UP, Day, WorkingCalendar, Year, check_day, holiday_days, \
    notice_year

D = dt.date
NOTICE = "国务院办公厅关于2026年部分节假日安排的通知"
# 2026: 国庆节、中秋节 … 10月1日至7日放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
NATIONAL_DAY = holiday_days("国庆节", D(2026, 10, 1), D(2026, 10, 7), [D(2026, 9, 20), D(2026, 10, 10)], NOTICE)


def calendar_2026(*extra: Year) -> WorkingCalendar:
    return WorkingCalendar([Year(2026, NOTICE), *extra], NATIONAL_DAY)


@pytest.mark.parametrize("start, n, due", [
    (D(2026, 9, 30), 1, D(2026, 10, 8)),    # the whole holiday is skipped: the first working day after it
    (D(2026, 9, 30), 3, D(2026, 10, 10)),   # the make-up Saturday counts
    (D(2026, 9, 30), 4, D(2026, 10, 12)),   # the Sunday after it does not
    (D(2026, 9, 18), 1, D(2026, 9, 20)),    # Friday: the make-up Sunday is the next working day, not Monday
    (D(2026, 9, 19), 1, D(2026, 9, 20)),
    (D(2026, 9, 20), 1, D(2026, 9, 21)),    # counting starts the day after D, even when D is a working day
    (D(2026, 10, 7), 1, D(2026, 10, 8)),    # from the last day off
    (D(2026, 10, 1), 5, D(2026, 10, 13)),   # from inside the holiday
    (D(2026, 10, 9), 1, D(2026, 10, 10)),
    (D(2026, 10, 10), 1, D(2026, 10, 12)),
    (D(2026, 9, 25), 5, D(2026, 10, 9)),    # 28, 29, 30 Sep, (1–7 Oct off), 8, 9 Oct
])
def test_national_day_2026(start, n, due):
    assert calendar_2026().deadline(start, n).due == due


def test_fifteen_working_days_across_the_holiday():
    # notified on Mon 28 Sep 2026: 29, 30 Sep, 8, 9, 10(Sat), 12–16, 19–23 Oct → the 15th is Fri 23 Oct
    assert calendar_2026().deadline(D(2026, 9, 28), 15).due == D(2026, 10, 23)


def test_weekends_and_weekdays_outside_the_notice():
    cal = calendar_2026()
    assert cal.is_working_day(D(2026, 11, 2)) and not cal.is_working_day(D(2026, 11, 1))
    assert not cal.is_working_day(D(2026, 10, 5)) and cal.is_working_day(D(2026, 9, 20))


def test_a_count_into_a_year_not_entered_is_refused():
    cal = calendar_2026()
    assert cal.deadline(D(2026, 12, 24), 5).due == D(2026, 12, 31)  # Thu 24 → 25, 28, 29, 30, 31: still 2026
    with pytest.raises(RuleError) as refused:
        cal.deadline(D(2026, 12, 24), 6)
    assert refused.value.code == "WORKING_DAYS" and "2027年的放假安排尚未录入" in str(refused.value)
    with pytest.raises(RuleError, match="2027年的放假安排尚未录入"):
        cal.deadline(D(2026, 12, 31), 1)  # the first day counted is already in 2027
    with pytest.raises(RuleError, match="2025年的放假安排尚未录入"):
        cal.deadline(D(2025, 12, 30), 1)


def test_entering_the_next_year_lets_the_count_through_and_changes_its_version():
    cal = calendar_2026()
    new_year = holiday_days("元旦", D(2027, 1, 1), D(2027, 1, 3), [], "国办发明电〔2026〕1号")
    both = WorkingCalendar([Year(2026, NOTICE), Year(2027, "国办发明电〔2026〕1号")], NATIONAL_DAY + new_year)
    found = both.deadline(D(2026, 12, 31), 1)
    assert found.due == D(2027, 1, 4) and found.years == (2027,)
    across = both.deadline(D(2026, 12, 30), 2)
    assert across.due == D(2027, 1, 4) and across.years == (2026, 2027)
    assert across.version != found.version
    assert cal.deadline(D(2026, 9, 30), 1).version == both.deadline(D(2026, 9, 30), 1).version  # 2026 unchanged


def test_the_version_is_a_hash_of_the_data():
    moved = holiday_days("国庆节", D(2026, 10, 1), D(2026, 10, 8), [D(2026, 9, 20)], NOTICE)
    one = calendar_2026().deadline(D(2026, 9, 1), 3)
    other = WorkingCalendar([Year(2026, NOTICE)], moved).deadline(D(2026, 9, 1), 3)
    assert one.due == other.due and one.version != other.version
    assert one.to_dict() == {"from": "2026-09-01", "working_days": 3, "due": "2026-09-04",
                             "calendar": {"version": one.version, "years": [2026]}}


def test_zero_working_days_is_refused():
    with pytest.raises(UserError, match="至少为1"):
        calendar_2026().deadline(D(2026, 9, 1), 0)


def test_a_make_up_day_must_be_a_weekend():
    assert check_day(D(2026, 10, 10), MAKE_UP, "国庆节", NOTICE) is None
    column, reason = check_day(D(2026, 10, 9), MAKE_UP, "国庆节", NOTICE)
    assert column == "类型" and "星期五" in reason and "本来就是工作日" in reason
    assert check_day(D(2026, 10, 3), HOLIDAY, "", NOTICE)[0] == "名称"
    assert check_day(D(2026, 10, 3), HOLIDAY, "国庆节", " ")[0] == "依据文号"
    with pytest.raises(UserError, match="国庆节.*星期五"):
        holiday_days("国庆节", D(2026, 10, 1), D(2026, 10, 7), [D(2026, 10, 9)], NOTICE)
    with pytest.raises(UserError, match="早于"):
        holiday_days("国庆节", D(2026, 10, 7), D(2026, 10, 1), [], NOTICE)


def test_the_notice_year_is_where_most_holidays_fall():
    new_year = holiday_days("元旦", D(2018, 12, 30), D(2019, 1, 1), [D(2018, 12, 29)], "x")
    spring = holiday_days("春节", D(2019, 2, 4), D(2019, 2, 10), [D(2019, 2, 2), D(2019, 2, 3)], "x")
    assert notice_year(new_year + spring) == 2019
    with pytest.raises(UserError):
        notice_year([Day(D(2019, 2, 2), MAKE_UP, "春节", "x")])
