"""MISCONDUCT_RECORD, MEASURES and CREDIT_REPAIR as rules: what an entered record must hold, when a penalty holds,
and the four conditions of 002 第二十五条 one by one, each at its boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.credit_repair import Application, Penalty, check_approval, conditions
from desktop.domain.errors import RuleError
from desktop.domain.misconduct import MEASURES, VIOLATIONS, Entered, check_entered, in_force, measure_items, \
    restricting

D = dt.date


def entered(**changes) -> Entered:
    values = dict(subject_name="张三", subject_code="x", subject_is_unit=False, article="第十一条", item=5,
                  measures=(5,), penalty_start=D(2026, 1, 1), penalty_end=D(2028, 12, 31), decided_by="省科技厅",
                  basis="002第十一条(五)", decision_date=D(2025, 12, 20))
    values.update(changes)
    return Entered(**values)


def test_the_lists_are_002s():
    assert len(VIOLATIONS["第九条"][1]) == 17 and len(VIOLATIONS["第十条"][1]) == 15
    assert len(VIOLATIONS["第十一条"][1]) == 15 and len(VIOLATIONS["第十二条"][1]) == 14
    assert len(VIOLATIONS["第十三条"][1]) == 10 and len(MEASURES) == 8
    record = entered()
    assert record.violation_ref == "第十一条(五)" and record.violation.startswith("组织、协助、接受“打招呼”")
    assert record.measure_texts == ("取消一定期限内承担或参与省级财政资金支持的科学技术活动的资格、评审资格",)


@pytest.mark.parametrize("changes, code, words", [
    (dict(article="第十四条"), "MISCONDUCT_RECORD", "第九至十三条"),
    (dict(item=16), "MISCONDUCT_RECORD", "只有15项"),
    (dict(subject_is_unit=True), "MISCONDUCT_RECORD", "身份证号"),
    (dict(article="第十条", item=1), "MISCONDUCT_RECORD", "统一社会信用代码"),
    (dict(measures=()), "MEASURES", "至少一项"),
    (dict(penalty_end=None), "MEASURES", "惩戒期的开始和结束"),
    (dict(measures=(1,)), "MEASURES", "没有期限"),
    (dict(penalty_end=D(2025, 12, 31)), "MEASURES", "早于开始日期"),
    (dict(penalty_start=D(2025, 12, 19)), "MEASURES", "不能早于处理决定日期"),
    (dict(notified_on=D(2025, 12, 19)), "MISCONDUCT_RECORD", "通报日期"),
    (dict(decided_by=" "), "MISCONDUCT_RECORD", "处理单位"),
])
def test_a_record_002_would_not_allow_is_refused(changes, code, words):
    with pytest.raises(RuleError) as refused:
        check_entered(entered(**changes))
    assert refused.value.code == code and words in str(refused.value)


def test_a_warning_has_no_period_and_a_unit_is_named_by_its_code():
    check_entered(entered(measures=(1, 3), penalty_start=None, penalty_end=None))
    check_entered(entered(article="第十条", item=8, subject_is_unit=True, measures=(6,)))
    check_entered(entered(notified_on=D(2025, 12, 20)))


def test_a_penalty_holds_both_ends_inclusive_until_repaired():
    start, end = D(2026, 1, 1), D(2028, 12, 31)
    assert not in_force(start, end, None, D(2025, 12, 31)) and in_force(start, end, None, start)
    assert in_force(start, end, None, end) and not in_force(start, end, None, D(2029, 1, 1))
    assert in_force(start, end, D(2027, 6, 1), D(2027, 5, 31)) and not in_force(start, end, D(2027, 6, 1), D(2027, 6, 1))
    assert not in_force(None, None, None, start) and in_force(start, None, None, D(2040, 1, 1))


def test_which_records_restrict_applications():
    assert restricting("", "(五)") and restricting("", "(一);(六)") and not restricting("", "(一);(三)")
    assert restricting("限制申报省级科技计划项目3年", "") and not restricting("通报批评", "")
    assert measure_items("(一);(六);x") == (1, 6)


PENALTY = Penalty(1, D(2026, 1, 1), D(2027, 12, 31), None)  # 730 days: more than half is 366 days or more
GOOD = Application(D(2027, 1, 1), corrected="已按处理决定全面完成整改并退回不当得利", commitment="科研诚信承诺书（2026年12月）",
                   commendation_date=D(2026, 9, 10), commendation_level="市级", commendation="济南市科技进步二等奖")


def _met(penalty=PENALTY, **changes) -> list[bool]:
    values = {**GOOD.__dict__, **changes}
    return [c.met for c in conditions(penalty, Application(**values))]


def test_all_four_met():
    found = conditions(PENALTY, GOOD)
    assert [c.met for c in found] == [True] * 4
    assert "共730天" in found[0].facts and "已实施366天，超过一半" in found[0].facts
    assert found[3].facts == "2026-09-10 市级：济南市科技进步二等奖"
    check_approval(found)


def test_condition_one_more_than_half_elapsed():
    assert _met(applied_on=D(2026, 12, 31)) == [False, True, True, True]  # 365 of 730 days: exactly half
    found = conditions(PENALTY, Application(**{**GOOD.__dict__, "applied_on": D(2026, 12, 31)}))
    assert "未超过一半（须多于365天）" in found[0].facts
    with pytest.raises(RuleError, match="条件（一）未满足"):
        check_approval(found)


def test_condition_one_no_new_misconduct_in_the_period():
    newer = Penalty(1, D(2026, 1, 1), D(2027, 12, 31), None, (D(2025, 6, 1), D(2026, 5, 20)))
    found = conditions(newer, GOOD)
    assert not found[0].met and "2026-05-20" in found[0].facts and "2025-06-01" not in found[0].facts
    assert _met(Penalty(1, D(2026, 1, 1), D(2027, 12, 31), None, (D(2025, 6, 1),)))[0]


def test_conditions_two_and_three_need_what_was_shown():
    assert _met(corrected=" ") == [True, False, True, True]
    assert _met(commitment="") == [True, True, False, True]


@pytest.mark.parametrize("changes, met, words", [
    (dict(commendation_level="县级及以下"), False, "不是市级及以上"),
    (dict(commendation_level="省级"), True, "省级"),
    (dict(commendation_date=D(2025, 12, 31)), False, "在惩戒开始（2026-01-01）之前"),
    (dict(commendation_date=D(2026, 1, 1)), True, "2026-01-01"),
    (dict(commendation_date=D(2027, 1, 2)), False, "晚于申请日"),
    (dict(commendation_date=None), False, "未提供表彰或嘉奖"),
])
def test_condition_four_a_commendation_after_the_penalty_began(changes, met, words):
    found = conditions(PENALTY, Application(**{**GOOD.__dict__, **changes}))[3]
    assert found.met is met and words in found.facts


def test_only_a_subject_in_its_penalty_period_may_apply():
    with pytest.raises(RuleError, match="只有在惩戒期内"):
        conditions(PENALTY, Application(**{**GOOD.__dict__, "applied_on": D(2028, 1, 1)}))
    with pytest.raises(RuleError, match="已于2026-06-01信用修复"):
        conditions(Penalty(1, D(2026, 1, 1), D(2027, 12, 31), D(2026, 6, 1)), GOOD)
    with pytest.raises(RuleError, match="没有惩戒期"):
        conditions(Penalty(1, None, None, None), GOOD)
