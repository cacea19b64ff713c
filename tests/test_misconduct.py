"""Misconduct records entered by the secretariat, their review-request deadline in working days, and credit repair
decided by an approver: what INTEGRITY excludes before and after, on the demo round (review date 2026-12-15)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.domain.credit_repair import Application
from desktop.domain.errors import RuleError, UserError
from desktop.domain.misconduct import Entered
from desktop.services import catalogue, conflicts, credit_repair, misconduct
from desktop.services.accounts import Forbidden
from tests.conftest import signed
from tests.spreadsheets import credit_code

D = dt.date
TODAY = D(2026, 12, 1)


def _expert(root) -> dict:
    """An expert of the demo pool without any record of their own yet."""
    op = signed(root)
    listed = {r["subject_code"] for r in misconduct.misconduct_records(root, op, TODAY)}
    return next(e for e in catalogue.listing(root, op, "experts") if e["id_number"] not in listed)


def _entered(expert: dict, **changes) -> Entered:
    values = dict(subject_name=expert["name"], subject_code=expert["id_number"], subject_is_unit=False,
                  article="第十一条", item=10, measures=(5,), penalty_start=D(2026, 1, 1),
                  penalty_end=D(2027, 6, 30), decided_by="山东省科学技术厅", basis="鲁科字〔2025〕99号",
                  decision_date=D(2025, 12, 22), notified_on=D(2025, 12, 24))
    values.update(changes)
    return Entered(**values)


def _integrity_grounds(root, person: str) -> list:
    found = conflicts.round_conflicts(root, signed(root), 1)
    return [g for g in found.round_grounds.get(person, ()) if g.code == "INTEGRITY"]


def test_an_entered_record_excludes_for_its_period_and_gets_its_review_deadline(demo_workspace):
    expert = _expert(demo_workspace)
    record = misconduct.record_misconduct(demo_workspace, signed(demo_workspace), _entered(expert), TODAY)
    assert record["violation_ref"] == "第十一条(十)" and record["violation"] == "无正当理由缺席或擅自委托他人顶替"
    assert record["measure_items"] == "(五)" and record["status"] == "惩戒期内"
    # notified Wed 24 Dec 2025: 25, 26, 29, 30, 31 Dec; 1–3 Jan 2026 off (元旦), 4 Jan (Sun) worked, 5–9, 12–15 Jan
    assert record["review_request_due"] == "2026-01-15" and record["review_request_calendar"]
    grounds = _integrity_grounds(demo_workspace, expert["id_number"])
    assert grounds and grounds[0].facts["record_id"] == str(record["id"])


def test_a_notification_reaching_a_year_not_entered_is_refused_and_nothing_is_kept(demo_workspace):
    expert = _expert(demo_workspace)
    op = signed(demo_workspace)
    record = misconduct.record_misconduct(demo_workspace, op, _entered(expert, notified_on=None), TODAY)
    assert record["review_request_due"] is None
    with pytest.raises(RuleError, match="2027年的放假安排尚未录入"):
        misconduct.record_notification(demo_workspace, op, record["id"], D(2026, 12, 20), TODAY)
    assert misconduct.misconduct_records(demo_workspace, op, TODAY)[-1]["notified_on"] is None
    found = misconduct.record_notification(demo_workspace, op, record["id"], D(2026, 12, 1), TODAY)
    assert found["notified_on"] == "2026-12-01" and found["review_request_due"] == "2026-12-22"


def test_a_warning_without_period_excludes_nothing(demo_workspace):
    expert = _expert(demo_workspace)
    before = len(_integrity_grounds(demo_workspace, expert["id_number"]))
    record = misconduct.record_misconduct(demo_workspace, signed(demo_workspace),
                                          _entered(expert, measures=(1,), penalty_start=None, penalty_end=None), TODAY)
    assert record["status"] == "无惩戒期"
    assert len(_integrity_grounds(demo_workspace, expert["id_number"])) == before


def test_a_unit_is_recorded_by_credit_code_and_a_bad_code_is_refused(demo_workspace):
    op = signed(demo_workspace)
    unit = misconduct.record_misconduct(demo_workspace, op, Entered(
        "某某科技有限公司", credit_code(77), True, "第十条", 4, (6,), D(2026, 1, 1), D(2026, 12, 31), "省科技厅", "",
        D(2025, 12, 1)), TODAY)
    assert unit["subject_code"] == credit_code(77) and unit["violation_ref"] == "第十条(四)"
    with pytest.raises(RuleError) as refused:
        misconduct.record_misconduct(demo_workspace, op, _entered(_expert(demo_workspace), subject_code="370102"),
                                     TODAY)
    assert refused.value.code == "IDENTIFIERS"


def _repair(root, record_id: int, **changes) -> dict:
    values = dict(applied_on=D(2026, 12, 2), corrected="已全面完成整改", commitment="已签署科研诚信承诺书",
                  commendation_date=D(2026, 10, 8), commendation_level="市级", commendation="济南市优秀科技工作者")
    values.update(changes)
    return credit_repair.apply_for_repair(root, signed(root), record_id, Application(**values))


def test_an_approved_repair_ends_the_exclusion_from_its_date(demo_workspace):
    expert = _expert(demo_workspace)
    record = misconduct.record_misconduct(demo_workspace, signed(demo_workspace), _entered(expert), TODAY)
    repair = _repair(demo_workspace, record["id"])
    assert repair["all_met"] and repair["state"] == "待审批"
    assert [c["met"] for c in repair["conditions"]] == [True] * 4
    with pytest.raises(Forbidden):
        credit_repair.decide_repair(demo_workspace, signed(demo_workspace), repair["id"], True, D(2026, 12, 10))
    approver = signed(demo_workspace, "赵审批")
    decided = credit_repair.decide_repair(demo_workspace, approver, repair["id"], True, D(2026, 12, 10))
    assert decided["state"] == "同意修复" and decided["decided_by"] == "赵审批"
    assert _integrity_grounds(demo_workspace, expert["id_number"]) == []  # review date 15 Dec: after the repair
    kept = misconduct.misconduct_records(demo_workspace, signed(demo_workspace), D(2026, 12, 10))[-1]
    assert kept["repaired_on"] == "2026-12-10" and kept["status"] == "已信用修复"
    before = misconduct.misconduct_records(demo_workspace, signed(demo_workspace), D(2026, 12, 9))[-1]
    assert before["status"] == "惩戒期内"
    with pytest.raises(RuleError, match="已于2026-12-10决定"):
        credit_repair.decide_repair(demo_workspace, approver, repair["id"], False, D(2026, 12, 11), "x")


def test_a_repair_after_the_review_date_leaves_the_exclusion(demo_workspace):
    expert = _expert(demo_workspace)
    record = misconduct.record_misconduct(demo_workspace, signed(demo_workspace), _entered(expert), TODAY)
    repair = _repair(demo_workspace, record["id"])
    credit_repair.decide_repair(demo_workspace, signed(demo_workspace, "赵审批"), repair["id"], True, D(2026, 12, 16))
    assert _integrity_grounds(demo_workspace, expert["id_number"])


def test_an_unmet_condition_cannot_be_approved_only_refused_with_a_reason(demo_workspace):
    expert = _expert(demo_workspace)
    record = misconduct.record_misconduct(demo_workspace, signed(demo_workspace), _entered(expert), TODAY)
    repair = _repair(demo_workspace, record["id"], commendation_level="县级及以下")
    assert not repair["all_met"] and [c["met"] for c in repair["conditions"]] == [True, True, True, False]
    approver = signed(demo_workspace, "赵审批")
    with pytest.raises(RuleError, match="条件（四）未满足"):
        credit_repair.decide_repair(demo_workspace, approver, repair["id"], True, D(2026, 12, 10))
    with pytest.raises(UserError, match="理由"):
        credit_repair.decide_repair(demo_workspace, approver, repair["id"], False, D(2026, 12, 10))
    refused = credit_repair.decide_repair(demo_workspace, approver, repair["id"], False, D(2026, 12, 10),
                                          "表彰为县级，不满足第二十五条（四）")
    assert refused["state"] == "不予修复" and _integrity_grounds(demo_workspace, expert["id_number"])


def test_new_misconduct_found_before_the_decision_is_seen_at_the_decision(demo_workspace):
    expert = _expert(demo_workspace)
    op = signed(demo_workspace)
    record = misconduct.record_misconduct(demo_workspace, op, _entered(expert), TODAY)
    repair = _repair(demo_workspace, record["id"])
    misconduct.record_misconduct(demo_workspace, op, _entered(expert, item=9, measures=(3,), penalty_start=None,
                                                              penalty_end=None, decision_date=D(2026, 11, 30),
                                                              notified_on=None), TODAY)
    with pytest.raises(RuleError, match="条件（一）未满足"):
        credit_repair.decide_repair(demo_workspace, signed(demo_workspace, "赵审批"), repair["id"], True,
                                    D(2026, 12, 10))
    assert repair["all_met"]


def test_the_command_line(demo_workspace, capsys):
    expert = _expert(demo_workspace)

    def run(operator: str, *argv: str) -> tuple[int, dict | list | None, str]:
        code = main(["--workspace", str(demo_workspace), "--operator", operator, *argv])
        out, err = capsys.readouterr()
        return code, json.loads(out) if out.strip() else None, err

    code, record, _ = run("王秘书", "misconduct", "add", "--name", expert["name"], "--code", expert["id_number"],
                          "--violation", "第十一条(十)", "--measures", "(五)", "--penalty", "2026-01-01", "2027-06-30",
                          "--decided-by", "山东省科学技术厅", "--decision-date", "2025-12-22",
                          "--notified-on", "2025-12-24", "--today", "2026-12-01", "--json")
    assert code == 0 and record["review_request_due"] == "2026-01-15"
    code, rows, _ = run("王秘书", "misconduct", "list", "--today", "2026-12-01", "--json")
    assert rows[-1]["id"] == record["id"] and "*" in rows[-1]["subject_code"]  # masked without --reveal
    code, repair, _ = run("王秘书", "repair", "apply", "--record", str(record["id"]), "--applied-on", "2026-12-02",
                          "--corrected", "已全面完成整改", "--commitment", "已签署承诺书",
                          "--commendation", "2026-10-08", "市级", "济南市优秀科技工作者", "--json")
    assert code == 0 and repair["all_met"]
    code, _, err = run("王秘书", "repair", "decide", str(repair["id"]), "--approve", "--on", "2026-12-10")
    assert code != 0 and "审批人" in err
    code, decided, _ = run("赵审批", "repair", "decide", str(repair["id"]), "--approve", "--on", "2026-12-10", "--json")
    assert code == 0 and decided["state"] == "同意修复"
    code, _, err = run("王秘书", "misconduct", "add", "--name", "x", "--code", expert["id_number"],
                       "--violation", "第十一条(十六)", "--measures", "(一)", "--decided-by", "x",
                       "--decision-date", "2025-12-22")
    assert code == 1 and "只有15项" in err
