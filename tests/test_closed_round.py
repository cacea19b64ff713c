"""A closed round is read-only: every service entry point that changes a round's data is tried on a closed round and
refused, whoever may call it; what only reads, prints from the records, verifies or archives still works. Like
tests/test_roles.py, an entry point missing from both lists fails ``test_every_entry_point_is_sorted``."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from desktop.domain.methods import RoundClosed
from desktop.services import (accounts, appeals, call_list, calls, commitments, conduct, confirmation, documents,
                              draw_verify, draws, feedback, limits, publicity, replacements, results, rounds,
                              score_workbook, scores, signing)
from desktop.services.archive import export
from desktop.services.scores import ScoreInput
from desktop.store.workspace import close_workspace
from tests.after_review_setup import approved_round
from tests.conftest import ADMIN, TEST_PASSWORD, signed
from tests.test_roles import MATRIX, A, S, V

D = dt.date

# entry point → the call given the workspace, the operator, a scratch folder and the round's facts
REFUSED = {
    "rounds.edit_round": lambda w, op, t, r: rounds.edit_round(w, op, 1, name="改名"),
    "rounds.delete_round": lambda w, op, t, r: rounds.delete_round(w, op, 1),
    "rounds.open_round": lambda w, op, t, r: rounds.open_round(w, op, 1),
    "rounds.add_panel": lambda w, op, t, r: rounds.add_panel(w, op, 1, name="第九组", size=5, applications=[]),
    "rounds.edit_panel": lambda w, op, t, r: rounds.edit_panel(w, op, 1, r["panel_id"], name="改名"),
    "rounds.remove_panel": lambda w, op, t, r: rounds.remove_panel(w, op, 1, r["panel_id"]),
    "draws.commit_draw": lambda w, op, t, r: draws.commit_draw(w, op, 1),
    "draws.draw_round": lambda w, op, t, r: draws.draw_round(w, op, 1, witness=signed(w, "李监督"),
                                                             witness_digits="123456"),
    "replacements.commit_supplementary": lambda w, op, t, r: replacements.commit_supplementary(w, op, 1, r["panel"]),
    "replacements.draw_supplementary": lambda w, op, t, r: replacements.draw_supplementary(
        w, op, 1, r["panel"], witness=signed(w, "李监督"), witness_digits="123456"),
    "confirmation.confirm_panel": lambda w, op, t, r: confirmation.confirm_panel(w, op, 1, r["panel"]),
    "calls.record_call": lambda w, op, t, r: calls.record_call(w, op, 1, r["members"][0], "accepted"),
    "calls.record_withdrawal": lambda w, op, t, r: calls.record_withdrawal(w, op, 1, r["members"][0], reason="身体原因"),
    "commitments.record_commitment": lambda w, op, t, r: commitments.record_commitment(
        w, op, 1, r["members"][0], on_site_by=signed(w, "李监督")),
    "commitments.record_attendance": lambda w, op, t, r: commitments.record_attendance(w, op, 1, r["members"][0],
                                                                                       "present"),
    "scores.enter_scores": lambda w, op, t, r: scores.enter_scores(
        w, op, 1, [ScoreInput(r["members"][0], r["apps"][0], "80", "意见")], reason="更正"),
    "scores.resolve_difference": lambda w, op, t, r: scores.resolve_difference(
        w, op, 1, r["members"][0], r["apps"][0], "80", reason="更正"),
    "score_workbook.export_template": lambda w, op, t, r: score_workbook.export_template(w, op, 1, r["panel"],
                                                                                         t / "评分表.xlsx"),
    "score_workbook.import_scores": lambda w, op, t, r: score_workbook.import_scores(w, op, 1, r["workbook"]),
    "results.record_certification": lambda w, op, t, r: results.record_certification(w, op, 1, r["members"][0]),
    "results.waive_certification": lambda w, op, t, r: results.waive_certification(w, op, 1, r["members"][0], "x"),
    "results.decide_non_consensus": lambda w, op, t, r: results.decide_non_consensus(w, op, 1, r["apps"][0],
                                                                                     "keep", "x"),
    "results.propose_results": lambda w, op, t, r: results.propose_results(w, op, 1),
    "results.approve_results": lambda w, op, t, r: results.approve_results(w, op, 1),
    "documents.export_documents": lambda w, op, t, r: documents.export_documents(
        w, op, [], t, action="documents.letters", target="round:1", sign=False),
    "documents.copy_documents": lambda w, op, t, r: documents.copy_documents(
        w, op, [], t, action="documents.appeal_notice_copy", target="round:1", signed=False),
    "documents.generate_letters": lambda w, op, t, r: documents.generate_letters(w, op, 1, t, sign=False),
    "documents.generate_sheets": lambda w, op, t, r: documents.generate_sheets(w, op, 1, "sign_in_sheet", t,
                                                                               sign=False),
    "feedback.correct_opinion": lambda w, op, t, r: feedback.correct_opinion(w, op, 1, r["members"][0],
                                                                             r["apps"][0], "改后的意见"),
    "feedback.generate_outcome_notices": lambda w, op, t, r: feedback.generate_outcome_notices(w, op, 1, t,
                                                                                               sign=False),
    "publicity.start_publicity": lambda w, op, t, r: publicity.start_publicity(w, op, 1, D(2027, 1, 4)),
    "publicity.record_objection": lambda w, op, t, r: publicity.record_objection(w, op, 1, r["apps"][0], "王某",
                                                                                 D(2026, 12, 22), "有异议。"),
    "publicity.answer_objection": lambda w, op, t, r: publicity.answer_objection(w, op, r["objection"], "upheld",
                                                                                 "成立。", D(2026, 12, 29)),
    "publicity.make_final": lambda w, op, t, r: publicity.make_final(w, op, 1, D(2027, 1, 4)),
    "publicity.print_publicity": lambda w, op, t, r: publicity.print_publicity(w, op, 1, t, sign=False),
    "conduct.record_conduct": lambda w, op, t, r: conduct.record_conduct(w, op, 1, r["members"][0], ["present"], 80),
    "conduct.close_round": lambda w, op, t, r: conduct.close_round(w, op, 1),
    "limits.decide_limit": lambda w, op, t, r: limits.decide_limit(w, op, 1, r["apps"][0], "LOBBIED", False),
}
def _export(root, op, folder):
    signing.create_identity(root, op, "省科学技术厅评审办公室", replace=True)
    return export.export_round(root, op, 1, folder / "轮次.zip", "x" * 8, app_version="0")


def _notice(root, op, folder, appeal_id):
    """The notice printed to a folder of the operator's, and kept with the closed round's documents as well."""
    [given] = appeals.print_appeal_notice(root, op, appeal_id, folder, sign=False)
    return (root / "out" / "round-1" / "appeals" / given.name).read_bytes() == given.read_bytes()


# entry points that change no round's data (accounts, the pool, the calendar, misconduct records, appeals — which
# come after a round closes —, backups), only read, or record an act on a closed round's data without changing it
KEPT_OPEN_TO_CLOSED = {
    "call_list.print_call_list": lambda w, op, t, r: call_list.print_call_list(w, op, 1, t / "名单.pdf"),
    "call_list.export_call_list": lambda w, op, t, r: call_list.export_call_list(w, op, 1, t / "名单.xlsx"),
    "draw_verify.verify_draw": lambda w, op, t, r: draw_verify.verify_draw(w, op, 1),
    "export.export_round": lambda w, op, t, r: _export(w, op, t),
    "appeals.receive_appeal": lambda w, op, t, r: appeals.receive_appeal(w, op, D(2026, 12, 28), "某大学", "申诉。",
                                                                         round_id=1, application=r["apps"][0]),
    "appeals.print_appeal_notice": lambda w, op, t, r: _notice(w, op, t, r["appeal"]),
}
NOT_ROUND_CHANGES = {e for e in MATRIX if e.split(".")[0] in {
    "accounts", "catalogue", "ui_queries", "audit_log", "confidential", "signing", "run", "importing", "backup",
    "recovery", "working_days", "misconduct", "credit_repair", "appeals", "due", "duplicates"}} | {
    "rounds.create_round", "rounds.show_round", "rounds.list_rounds", "conflicts.round_conflicts",
    "draws.pending_commitment", "draws.latest_draw", "draws.draw_history", "draw_verify.replay_draw",
    "documents.round_letters", "documents.round_sheets", "limits.round_limits", "scores.score_sheet",
    "scores.differences", "results.round_results", "calls.list_calls", "calls.call_history", "calls.recording_copy",
    "call_list.call_lists", "replacements.batches", "confirmation.confirmations", "feedback.opinions",
    "feedback.outcome_notices", "publicity.show_publicity", "publicity.list_objections",
    "publicity.publicity_document", "conduct.conduct_sheet", "conduct.expert_history", "conduct.closing_status",
    "conduct.low_ratings", "conduct.set_low_ratings",
    "commitments.commitments_status"} | set(KEPT_OPEN_TO_CLOSED)


@pytest.fixture(scope="module")
def closed(demo_template, tmp_path_factory):
    """The demo round taken through its results, publicity (one objection answered) and conduct, then closed, and
    an appeal against its result accepted after that."""
    root = tmp_path_factory.mktemp("closed") / "demo"
    shutil.copytree(demo_template, root)
    members, apps = approved_round(root)
    info = rounds.show_round(root, signed(root), 1)
    workbook = tmp_path_factory.mktemp("workbook") / "评分表.xlsx"
    score_workbook.export_template(root, signed(root), 1, info.panels[0]["name"], workbook)
    for member in members:
        conduct.record_conduct(root, signed(root), 1, member, ["present"], 90)
    publicity.start_publicity(root, signed(root), 1, D(2026, 12, 21))
    objection = publicity.record_objection(root, signed(root), 1, apps[0], "王某", D(2026, 12, 22), "有异议。")
    publicity.answer_objection(root, signed(root, "赵审批"), objection["id"], "dismissed", "不属实。", D(2026, 12, 23))
    publicity.make_final(root, signed(root), 1, D(2026, 12, 28))
    conduct.close_round(root, signed(root), 1)
    appeal = appeals.receive_appeal(root, signed(root), D(2026, 12, 28), "某大学", "申诉。", round_id=1,
                                    application=apps[0])
    accounts.add_account(accounts.sign_in(root, ADMIN, TEST_PASSWORD), "孙审批", roles="审批人", password=TEST_PASSWORD)
    appeals.accept_appeal(root, accounts.sign_in(root, "孙审批", TEST_PASSWORD), appeal["id"], D(2026, 12, 29))
    yield root, {"members": members, "apps": apps, "panel": info.panels[0]["name"],
                 "panel_id": info.panels[0]["id"], "workbook": workbook, "objection": objection["id"],
                 "appeal": appeal["id"]}
    close_workspace(root)


def _operator(root, entry: str):
    allowed = MATRIX[entry][0]
    return signed(root, "赵审批") if A in allowed and S not in allowed else \
        signed(root, "李监督") if V in allowed and S not in allowed else signed(root)


@pytest.mark.parametrize("entry", sorted(REFUSED))
def test_a_closed_round_refuses_every_change(entry, closed, tmp_path):
    root, facts = closed
    with pytest.raises(RoundClosed, match="评审轮次 1 已结束（已关闭），只能查看，不能再修改"):
        REFUSED[entry](root, _operator(root, entry), tmp_path, facts)


@pytest.mark.parametrize("entry", sorted(KEPT_OPEN_TO_CLOSED))
def test_a_closed_round_is_still_printed_verified_archived_and_appealed(entry, closed, tmp_path):
    root, facts = closed
    assert KEPT_OPEN_TO_CLOSED[entry](root, _operator(root, entry), tmp_path, facts)


def test_every_entry_point_is_sorted():
    assert not set(REFUSED) & NOT_ROUND_CHANGES
    assert set(MATRIX) == set(REFUSED) | NOT_ROUND_CHANGES
