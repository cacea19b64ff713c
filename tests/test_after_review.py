"""After approved results: the publicity period and its objections (PUBLICITY), appeals and review requests with
their working-day limits (APPEAL, SEPARATION), each expert's conduct (EXPERT_CONDUCT), the due list, and closing
a round only when nothing is missing. Deadlines are taken at their boundary: the last day accepted, the next
refused. The demo round's review is Tuesday 15 December 2026; 2027 is entered with 1–3 January off."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.domain.appeals import extended
from desktop.domain.errors import RuleError, UserError
from desktop.services import accounts, appeals, catalogue, conduct, due, misconduct, publicity, signing
from desktop.services.misconduct_choices import Entered
from tests.after_review_setup import approved_round, enter_2027
from tests.conftest import ADMIN, TEST_PASSWORD, signed

D = dt.date


@pytest.fixture
def demo_workspace(confirmed_demo):
    """The demo with its round confirmed through the services, a copy of the run's template (tests/conftest.py)."""
    return confirmed_demo


@pytest.fixture
def approved(demo_workspace):
    members, apps = approved_round(demo_workspace)
    return demo_workspace, members, apps


def test_publicity_runs_five_working_days_and_an_objection_after_it_is_late(approved, tmp_path):
    root, members, apps = approved
    period = publicity.start_publicity(root, signed(root), 1, D(2026, 12, 21))
    assert (period["start"], period["end"]) == ("2026-12-21", "2026-12-25")  # Monday to Friday
    assert period["applications"] and set(period["applications"]) <= set(apps)
    scan = tmp_path / "举报材料.pdf"
    scan.write_bytes(b"%PDF-1.4 objection evidence")
    on_time = publicity.record_objection(root, signed(root), 1, apps[0], "张某（实名）", D(2026, 12, 25),
                                         "该项目负责人在研项目超过两项。", [scan])
    late = publicity.record_objection(root, signed(root), 1, apps[1], "李某", D(2026, 12, 28), "成果存疑。")
    assert (on_time["late"], late["late"], len(on_time["attachments"])) == (False, True, 1)
    assert (root / "blobs").is_dir() and any((root / "blobs").rglob(on_time["attachments"][0] + "*"))
    with pytest.raises(RuleError, match="^PUBLICITY 公示期至2026-12-25"):
        publicity.make_final(root, signed(root), 1, D(2026, 12, 25))
    with pytest.raises(RuleError, match="^PUBLICITY 还有2条异议未答复"):
        publicity.make_final(root, signed(root), 1, D(2026, 12, 28))
    with pytest.raises(accounts.Forbidden):
        publicity.answer_objection(root, signed(root), on_time["id"], "dismissed", "经核查不属实。", D(2026, 12, 28))
    for objection in (on_time, late):
        publicity.answer_objection(root, signed(root, "赵审批"), objection["id"], "dismissed",
                                   "经核查，负责人在研项目为两项，未超限。", D(2026, 12, 29))
    final = publicity.make_final(root, signed(root), 1, D(2026, 12, 28))
    assert final["final"] and final["unanswered"] == 0
    [pdf] = publicity.print_publicity(root, signed(root), 1, tmp_path / "out", sign=False)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_an_appeal_is_accepted_within_15_working_days_and_decided_within_90_by_another_approver(approved, tmp_path):
    root, members, apps = approved
    received = appeals.receive_appeal(root, signed(root), D(2027, 1, 5), "某大学", "对评分有异议。", round_id=1,
                                      application=apps[0])
    assert received["acceptance_due"] == "2027-01-26" and received["state"] == "received"
    with pytest.raises(RuleError, match="^SEPARATION 赵审批审批了本轮评审结果"):
        appeals.accept_appeal(root, signed(root, "赵审批"), received["id"], D(2027, 1, 26))
    admin = accounts.sign_in(root, ADMIN, TEST_PASSWORD)
    accounts.add_account(admin, "孙审批", roles="审批人", password=TEST_PASSWORD)
    other = accounts.sign_in(root, "孙审批", TEST_PASSWORD)
    with pytest.raises(RuleError, match="^APPEAL .*2027-01-26（含当日），2027-01-27已逾期"):
        appeals.accept_appeal(root, other, received["id"], D(2027, 1, 27))
    accepted = appeals.accept_appeal(root, other, received["id"], D(2027, 1, 26))
    due_on = dt.date.fromisoformat(accepted["decision_due"])
    with pytest.raises(RuleError, match="^APPEAL"):
        appeals.decide_appeal(root, other, received["id"], due_on + dt.timedelta(days=1), "维持原评审结果。")
    extended_ = appeals.extend_appeal(root, other, received["id"], "需补充调取专家评审材料")
    assert extended_["decision_due"] == extended(due_on).isoformat()
    [item] = [i for i in due.due_items(root, other, due_on) if i["target"] == f"appeal:{received['id']}"]
    assert (item["due"], item["when"], item["calendar"]) == (extended(due_on).isoformat(), "later",
                                                             accepted["calendar_version"])
    assert "延长" in item["what"] and "需补充调取专家评审材料" in item["what"]
    with pytest.raises(UserError, match="已延长过一次"):
        appeals.extend_appeal(root, other, received["id"], "再次延长")
    decided = appeals.decide_appeal(root, other, received["id"], due_on + dt.timedelta(days=1), "维持原评审结果。")
    assert decided["state"] == "decided"
    signing.create_identity(root, signed(root), "省科学技术厅评审办公室")
    [pdf] = appeals.print_appeal_notice(root, signed(root), received["id"], tmp_path, sign=True)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")
    assert "处理决定书" in text and "维持原评审结果。" in text and "某大学" in text
    with pytest.raises(UserError, match="已作出决定"):
        appeals.reject_appeal(root, other, received["id"], D(2027, 1, 26), "x")


def test_a_review_request_comes_within_15_working_days_of_notification(demo_workspace, capsys):
    root = demo_workspace
    enter_2027(root)
    subject = catalogue.listing(root, signed(root), "experts")[-1]
    record = misconduct.record_misconduct(root, signed(root), Entered(
        subject["name"], subject["id_number"], False, "第十一条", 5, (1,), None, None, "山东省科学技术厅", "",
        D(2026, 11, 30)), D(2026, 12, 1))
    misconduct.record_notification(root, signed(root), record["id"], D(2026, 12, 1), D(2026, 12, 1))
    with pytest.raises(RuleError, match="^APPEAL 申请复核的期限至2026-12-22"):
        appeals.receive_appeal(root, signed(root), D(2026, 12, 23), "张三", "申请复核。", record_id=record["id"])
    request = appeals.receive_appeal(root, signed(root), D(2026, 12, 22), "张三", "申请复核。", record_id=record["id"])
    assert request["kind"] == "review"
    refused = appeals.reject_appeal(root, signed(root, "赵审批"), request["id"], D(2026, 12, 23), "未提供新的事实和证据")
    assert refused["state"] == "not_accepted" and refused["reasons"] == "未提供新的事实和证据"
    code = main(["--workspace", str(root), "--operator", "王秘书", "appeal", "notice", str(request["id"]), "--json"])
    [notice] = json.loads(capsys.readouterr().out)["files"]
    assert code == 0 and Path(notice).parent == (root / "out" / "appeals").resolve()  # with no round's documents


def test_the_command_line_keeps_a_rounds_appeal_notice_with_the_round_wherever_it_is_saved(approved, tmp_path, capsys):
    root, members, apps = approved
    received = appeals.receive_appeal(root, signed(root), D(2027, 1, 5), "某大学", "对评分有异议。", round_id=1,
                                      application=apps[0])
    accounts.add_account(accounts.sign_in(root, ADMIN, TEST_PASSWORD), "孙审批", roles="审批人", password=TEST_PASSWORD)
    appeals.accept_appeal(root, accounts.sign_in(root, "孙审批", TEST_PASSWORD), received["id"], D(2027, 1, 26))
    command = ["--workspace", str(root), "--operator", "王秘书", "appeal", "notice", str(received["id"]), "--json"]
    assert main(command) == 0
    [kept] = map(Path, json.loads(capsys.readouterr().out)["files"])
    assert kept.parent == (root / "out" / "round-1" / "appeals").resolve()
    assert main(command + ["--out", str(tmp_path / "U盘")]) == 0
    [given] = map(Path, json.loads(capsys.readouterr().out)["files"])
    assert given.parent == (tmp_path / "U盘").resolve() and given.name == kept.name
    assert sorted(kept.parent.iterdir()) == [kept]  # the same notice again: one file in the round's folder
    taken = tmp_path / "不是文件夹"
    taken.write_bytes(b"")
    assert main(command + ["--out", str(taken)]) != 0  # the copy cannot be written: the user is told where it is kept
    assert f"工作区中的文书仍在 {kept.parent}" in capsys.readouterr().err and sorted(kept.parent.iterdir()) == [kept]


def test_conduct_is_prefilled_from_attendance_and_closing_waits_for_everything(approved):
    root, members, apps = approved
    sheet = conduct.conduct_sheet(root, signed(root), 1)
    assert sheet["due"] == "2026-12-17" and sheet["missing"] == len(members)
    assert {tuple(e["conduct"]) for e in sheet["experts"]} == {("present",)}
    items = due.due_items(root, signed(root), D(2026, 12, 18))
    assert [(i["kind"], i["when"]) for i in items] == [("limits", "overdue"), ("conduct", "overdue")]  # lobbied
    with pytest.raises(UserError, match="还不能关闭：公示名单尚未确认.*7位专家未登记评审行为"):
        conduct.close_round(root, signed(root), 1)
    with pytest.raises(RuleError, match="^EXPERT_CONDUCT 评价分为0至100分"):
        conduct.record_conduct(root, signed(root), 1, members[0], ["present"], 101)
    for n, member in enumerate(members):
        conduct.record_conduct(root, signed(root), 1, member, ["present", "unqualified"] if n == 0 else ["present"],
                               55 if n == 0 else 90)
    history = conduct.expert_history(root, signed(root), members[0])
    assert history["rounds"][0]["rating"] == 55 and "评审意见不专业" in history["rounds"][0]["conduct_text"]
    assert not history["flagged"]  # one low rating; two within two years flag the expert
    publicity.start_publicity(root, signed(root), 1, D(2026, 12, 21))
    objection = publicity.record_objection(root, signed(root), 1, apps[0], "王某", D(2026, 12, 22), "有异议。")
    assert [i["kind"] for i in due.due_items(root, signed(root), D(2026, 12, 22))] == ["limits", "objection",
                                                                                      "publicity"]
    with pytest.raises(UserError, match="公示名单尚未确认.*1条异议未答复"):
        conduct.close_round(root, signed(root), 1)
    publicity.answer_objection(root, signed(root, "赵审批"), objection["id"], "dismissed", "不属实。", D(2026, 12, 23))
    publicity.make_final(root, signed(root), 1, D(2026, 12, 28))
    assert conduct.close_round(root, signed(root), 1)["state"] == "closed"
    with pytest.raises(UserError, match="已结束（已关闭），只能查看"):
        conduct.record_conduct(root, signed(root), 1, members[0], ["present"], 80)
