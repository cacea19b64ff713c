"""Every role against every service entry point: which role may call what (SEPARATION, CONFIDENTIAL).

The matrix below is written out by hand, not derived from PERMISSIONS, so a change of the table shows here. Each
call is stopped right after its role check passes (a spy on ``require``), so allowed calls do no work; a service
that forgot its check neither passes nor refuses and fails the test, and a service entry point missing from the
matrix fails ``test_every_entry_point_is_in_the_matrix``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import shutil
import sys

import pytest

import desktop.services
from desktop.domain.roles import Role
from desktop.domain.credit_repair import Application
from desktop.domain.misconduct import Entered
from desktop.services import (accounts, appeals, audit_log, backup, call_list, calls, catalogue, commitments, conduct,
                              confidential, due, duplicates, feedback, publicity,
                              confirmation, conflicts, credit_repair, documents, draw_verify, draws, limits, misconduct,
                              recovery, replacements, results, rounds, score_workbook, scores, signing, ui_queries,
                              working_days)
from desktop.services.accounts import Forbidden, Operator
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_METHOD
from desktop.services.archive import export, importing as archive_import
from desktop.services.importing import run as importing
from desktop.store.workspace import close_workspace
from tests.conftest import TEST_PASSWORD

S, V, A, U, M = Role.SECRETARY, Role.SUPERVISOR, Role.APPROVER, Role.AUDITOR, Role.ADMIN
EVERY = {S, V, A, U, M}
DATE = dt.date(2027, 1, 15)

# entry point → (who may call it, the call given the workspace root, the operator and a scratch folder)
MATRIX = {
    "rounds.create_round": ({S}, lambda w, op, t: rounds.create_round(w, op, name="x", review_date=DATE,
                                                                         method=DEMO_METHOD)),
    "rounds.edit_round": ({S}, lambda w, op, t: rounds.edit_round(w, op, 1, name="x")),
    "rounds.delete_round": ({S}, lambda w, op, t: rounds.delete_round(w, op, 1)),
    "rounds.open_round": ({S}, lambda w, op, t: rounds.open_round(w, op, 1)),
    "rounds.add_panel": ({S}, lambda w, op, t: rounds.add_panel(w, op, 1, name="x", size=1, applications=[])),
    "rounds.edit_panel": ({S}, lambda w, op, t: rounds.edit_panel(w, op, 1, 1, name="x")),
    "rounds.remove_panel": ({S}, lambda w, op, t: rounds.remove_panel(w, op, 1, 1)),
    "rounds.show_round": ({S, V, A, U}, lambda w, op, t: rounds.show_round(w, op, 1)),
    "rounds.list_rounds": ({S, V, A, U}, lambda w, op, t: rounds.list_rounds(w, op)),
    "catalogue.listing": ({S, V, A}, lambda w, op, t: catalogue.listing(w, op, "experts")),
    "catalogue.detail": ({S, V, A}, lambda w, op, t: catalogue.detail(w, op, "experts", "x")),
    "catalogue.counts": (EVERY, lambda w, op, t: catalogue.counts(w, op)),
    "catalogue.edit_expert": ({S}, lambda w, op, t: catalogue.edit_expert(w, op, "x", title="x")),
    "duplicates.clashes": ({S, V, A}, lambda w, op, t: duplicates.clashes(w, op)),
    "duplicates.merge": ({S}, lambda w, op, t: duplicates.merge(w, op, "person:1")),
    "duplicates.correct": ({S}, lambda w, op, t: duplicates.correct(w, op, "person:1", "x")),
    "catalogue.edit_organisation": ({S}, lambda w, op, t: catalogue.edit_organisation(w, op, "x", name="x")),
    "conflicts.round_conflicts": ({S, V, A}, lambda w, op, t: conflicts.round_conflicts(w, op, 1)),
    "ui_queries.rounds_served": ({S, V, A}, lambda w, op, t: ui_queries.rounds_served(w, op, "x")),
    "ui_queries.field_coverage": (EVERY, lambda w, op, t: ui_queries.field_coverage(w, op)),
    "ui_queries.enterprise_share": (EVERY, lambda w, op, t: ui_queries.enterprise_share(w, op)),
    "ui_queries.expert_rows": ({S, V, A}, lambda w, op, t: ui_queries.expert_rows(w, op)),
    "ui_queries.expert_enterprise": ({S, V, A}, lambda w, op, t: ui_queries.expert_enterprise(w, op, [])),
    "ui_queries.conflict_summary": ({S, V, A}, lambda w, op, t: ui_queries.conflict_summary(w, op, 1)),
    "ui_queries.application_conflicts": ({S, V, A}, lambda w, op, t: ui_queries.application_conflicts(
        w, op, 1, "a")),
    "ui_queries.explain_pair": ({S, V, A}, lambda w, op, t: ui_queries.explain_pair(w, op, 1, "a", "e")),
    "ui_queries.round_documents": ({S, V, A}, lambda w, op, t: ui_queries.round_documents(w, op, 1, "letters")),
    "audit_log.verify_log": ({S, V, A, U}, lambda w, op, t: audit_log.verify_log(w, op)),
    "audit_log.recent": ({V, U}, lambda w, op, t: audit_log.recent(w, op)),
    "draws.pending_commitment": ({S, V, A}, lambda w, op, t: draws.pending_commitment(w, op, 1)),
    "draws.commit_draw": ({S}, lambda w, op, t: draws.commit_draw(w, op, 1)),
    "draws.draw_round": ({S}, lambda w, op, t: draws.draw_round(w, op, 1, witness=op, witness_digits="123456")),
    "draws.latest_draw": ({S, V, A}, lambda w, op, t: draws.latest_draw(w, op, 1)),
    "draws.draw_history": ({S, V, A}, lambda w, op, t: draws.draw_history(w, op, 1)),
    "draw_verify.verify_draw": ({S, V, A, U}, lambda w, op, t: draw_verify.verify_draw(w, op, 1)),
    "draw_verify.replay_draw": ({S, V, A, U}, lambda w, op, t: draw_verify.replay_draw(
        w, op, 1, secret="00" * 32, witness="x", witness_digits="123456")),
    "documents.export_documents": ({S}, lambda w, op, t: documents.export_documents(
        w, op, [], t, action="documents.letters", target="", sign=False)),
    "documents.copy_documents": ({S}, lambda w, op, t: documents.copy_documents(
        w, op, [], t, action="documents.appeal_notice_copy", target="", signed=False)),
    "documents.round_letters": ({S}, lambda w, op, t: documents.round_letters(w, op, 1)),
    "documents.round_sheets": ({S}, lambda w, op, t: documents.round_sheets(w, op, 1, "sign_in_sheet")),
    "documents.generate_sheets": ({S}, lambda w, op, t: documents.generate_sheets(w, op, 1, "sign_in_sheet", t,
                                                                                  sign=False)),
    "documents.generate_letters": ({S}, lambda w, op, t: documents.generate_letters(w, op, 1, t, sign=False)),
    "confidential.shown": ({S, V}, lambda w, op, t: confidential.shown(w, op, "x", {})),
    "confidential.reveal_person": ({S, V}, lambda w, op, t: confidential.reveal_person(w, op, "x")),
    "signing.show_identity": ({S, V, A, U}, lambda w, op, t: signing.show_identity(w, op)),
    "signing.workspace_trust": ({S, V, A, U}, lambda w, op, t: signing.workspace_trust(w, op)),
    "signing.create_identity": ({S}, lambda w, op, t: signing.create_identity(w, op, "x", replace=True)),
    "signing.import_identity": ({S}, lambda w, op, t: signing.import_identity(w, op, t / "x.p12", "x")),
    "run.import_files": ({S}, lambda w, op, t: importing.import_files(w, [], op)),
    "accounts.add_account": ({M}, lambda w, op, t: accounts.add_account(op, "x", roles="秘书", password="x" * 8)),
    "accounts.list_accounts": ({M}, lambda w, op, t: accounts.list_accounts(op)),
    "accounts.disable_account": ({M}, lambda w, op, t: accounts.disable_account(op, "x")),
    "accounts.set_roles": ({M}, lambda w, op, t: accounts.set_roles(op, "x", "秘书")),
    "accounts.reset_password": ({M}, lambda w, op, t: accounts.reset_password(op, "x", "x" * 8)),
    "accounts.witness_sign_in": ({S}, lambda w, op, t: accounts.witness_sign_in(op, "x", "x")),
    "export.export_round": ({S}, lambda w, op, t: export.export_round(w, op, 1, t / "a.zip", "x" * 8,
                                                                       app_version="0")),
    "importing.import_archive": ({S}, lambda w, op, t: archive_import.import_archive(w, op, t / "a.zip", "x" * 8)),
    "backup.backup_workspace": ({S}, lambda w, op, t: backup.backup_workspace(w, op, t / "usb", "x" * 8)),
    "recovery.issue_recovery_key": ({M}, lambda w, op, t: recovery.issue_recovery_key(op, t / "恢复密钥.pdf")),
    "working_days.calendar": ({S, V, A, U}, lambda w, op, t: working_days.calendar(w, op)),
    "working_days.years": ({S, V, A, U}, lambda w, op, t: working_days.years(w, op)),
    "working_days.show_year": ({S, V, A, U}, lambda w, op, t: working_days.show_year(w, op, 2026)),
    "working_days.deadline": ({S, V, A, U}, lambda w, op, t: working_days.deadline(w, op, DATE, 1)),
    "working_days.enter_year": ({S}, lambda w, op, t: working_days.enter_year(w, op, 2027, "x", [])),
    "working_days.import_calendar": ({S}, lambda w, op, t: working_days.import_calendar(w, op, t / "x.xlsx")),
    "misconduct.record_misconduct": ({S}, lambda w, op, t: misconduct.record_misconduct(w, op, Entered(
        "x", "x", False, "第十一条", 1, (1,), None, None, "x", "", DATE), DATE)),
    "misconduct.record_notification": ({S}, lambda w, op, t: misconduct.record_notification(w, op, 1, DATE, DATE)),
    "misconduct.misconduct_records": ({S, V, A}, lambda w, op, t: misconduct.misconduct_records(w, op, DATE)),
    "credit_repair.apply_for_repair": ({S}, lambda w, op, t: credit_repair.apply_for_repair(w, op, 1,
                                                                                            Application(DATE))),
    "credit_repair.decide_repair": ({A}, lambda w, op, t: credit_repair.decide_repair(w, op, 1, True, DATE)),
    "credit_repair.repairs": ({S, V, A}, lambda w, op, t: credit_repair.repairs(w, op)),
    "limits.round_limits": ({S, V, A}, lambda w, op, t: limits.round_limits(w, op, 1)),
    "limits.decide_limit": ({S}, lambda w, op, t: limits.decide_limit(w, op, 1, "x", "LOBBIED", False)),
    "scores.enter_scores": ({S}, lambda w, op, t: scores.enter_scores(w, op, 1, [])),
    "scores.resolve_difference": ({S}, lambda w, op, t: scores.resolve_difference(w, op, 1, "x", "x", "x")),
    "scores.score_sheet": ({S, V, A}, lambda w, op, t: scores.score_sheet(w, op, 1, "x")),
    "scores.differences": ({S, V, A}, lambda w, op, t: scores.differences(w, op, 1)),
    "score_workbook.export_template": ({S}, lambda w, op, t: score_workbook.export_template(w, op, 1, "x", t / "x.xlsx")),
    "score_workbook.import_scores": ({S}, lambda w, op, t: score_workbook.import_scores(w, op, 1, t / "x.xlsx")),
    "results.round_results": ({S, V, A}, lambda w, op, t: results.round_results(w, op, 1)),
    "results.record_certification": ({S}, lambda w, op, t: results.record_certification(w, op, 1, "x")),
    "results.waive_certification": ({V}, lambda w, op, t: results.waive_certification(w, op, 1, "x", "x")),
    "results.decide_non_consensus": ({S}, lambda w, op, t: results.decide_non_consensus(w, op, 1, "x", "keep", "x")),
    "results.propose_results": ({S}, lambda w, op, t: results.propose_results(w, op, 1)),
    "results.approve_results": ({A}, lambda w, op, t: results.approve_results(w, op, 1)),
    "calls.list_calls": ({S, V, A}, lambda w, op, t: calls.list_calls(w, op, 1)),
    "calls.call_history": ({S, V, A}, lambda w, op, t: calls.call_history(w, op, 1, "x")),
    "calls.recording_copy": ({S, V, A}, lambda w, op, t: calls.recording_copy(w, op, "x", t)),
    "calls.record_call": ({S}, lambda w, op, t: calls.record_call(w, op, 1, "x", "accepted")),
    "calls.record_withdrawal": ({S}, lambda w, op, t: calls.record_withdrawal(w, op, 1, "x", reason="时间冲突")),
    "call_list.call_lists": ({S, V, A}, lambda w, op, t: call_list.call_lists(w, op, 1)),
    "call_list.print_call_list": ({S, V, A}, lambda w, op, t: call_list.print_call_list(w, op, 1, t / "x.pdf")),
    "call_list.export_call_list": ({S, V, A}, lambda w, op, t: call_list.export_call_list(w, op, 1, t / "x.xlsx")),
    "replacements.commit_supplementary": ({S}, lambda w, op, t: replacements.commit_supplementary(w, op, 1, "x")),
    "replacements.draw_supplementary": ({S}, lambda w, op, t: replacements.draw_supplementary(
        w, op, 1, "x", witness=op, witness_digits="123456")),
    "replacements.batches": ({S, V, A}, lambda w, op, t: replacements.batches(w, op, 1)),
    "confirmation.confirm_panel": ({S}, lambda w, op, t: confirmation.confirm_panel(w, op, 1, "x")),
    "confirmation.confirmations": ({S, V, A}, lambda w, op, t: confirmation.confirmations(w, op, 1)),
    "commitments.record_commitment": ({S}, lambda w, op, t: commitments.record_commitment(w, op, 1, "x")),
    "commitments.record_attendance": ({S}, lambda w, op, t: commitments.record_attendance(w, op, 1, "x",
                                                                                         "present")),
    "feedback.opinions": ({S, V, A}, lambda w, op, t: feedback.opinions(w, op, 1)),
    "feedback.correct_opinion": ({S}, lambda w, op, t: feedback.correct_opinion(w, op, 1, "x", "x", "x")),
    "feedback.outcome_notices": ({S, V, A}, lambda w, op, t: feedback.outcome_notices(w, op, 1, DATE, DATE)),
    "feedback.generate_outcome_notices": ({S}, lambda w, op, t: feedback.generate_outcome_notices(
        w, op, 1, t, sign=False)),
    "publicity.start_publicity": ({S}, lambda w, op, t: publicity.start_publicity(w, op, 1, DATE)),
    "publicity.show_publicity": ({S, V, A}, lambda w, op, t: publicity.show_publicity(w, op, 1)),
    "publicity.record_objection": ({S}, lambda w, op, t: publicity.record_objection(w, op, 1, "x", "x", DATE, "x")),
    "publicity.answer_objection": ({A}, lambda w, op, t: publicity.answer_objection(w, op, 1, "upheld", "x", DATE)),
    "publicity.list_objections": ({S, V, A}, lambda w, op, t: publicity.list_objections(w, op, 1)),
    "publicity.make_final": ({S}, lambda w, op, t: publicity.make_final(w, op, 1, DATE)),
    "publicity.publicity_document": ({S, V, A}, lambda w, op, t: publicity.publicity_document(w, op, 1)),
    "publicity.print_publicity": ({S}, lambda w, op, t: publicity.print_publicity(w, op, 1, t, sign=False)),
    "appeals.receive_appeal": ({S}, lambda w, op, t: appeals.receive_appeal(w, op, DATE, "x", "x", record_id=1)),
    "appeals.accept_appeal": ({A}, lambda w, op, t: appeals.accept_appeal(w, op, 1, DATE)),
    "appeals.reject_appeal": ({A}, lambda w, op, t: appeals.reject_appeal(w, op, 1, DATE, "x")),
    "appeals.extend_appeal": ({A}, lambda w, op, t: appeals.extend_appeal(w, op, 1, "x")),
    "appeals.decide_appeal": ({A}, lambda w, op, t: appeals.decide_appeal(w, op, 1, DATE, "x")),
    "appeals.list_appeals": ({S, V, A}, lambda w, op, t: appeals.list_appeals(w, op)),
    "appeals.appeal_notice": ({S, V, A}, lambda w, op, t: appeals.appeal_notice(w, op, 1)),
    "appeals.print_appeal_notice": ({S}, lambda w, op, t: appeals.print_appeal_notice(w, op, 1, t, sign=False)),
    "conduct.conduct_sheet": ({S, V, A}, lambda w, op, t: conduct.conduct_sheet(w, op, 1)),
    "conduct.record_conduct": ({S}, lambda w, op, t: conduct.record_conduct(w, op, 1, "x", ["present"])),
    "conduct.expert_history": ({S, V, A}, lambda w, op, t: conduct.expert_history(w, op, "x")),
    "conduct.low_ratings": ({S, V, A}, lambda w, op, t: conduct.low_ratings(w, op)),
    "conduct.set_low_ratings": ({S}, lambda w, op, t: conduct.set_low_ratings(w, op, 60, 2, 730)),
    "conduct.closing_status": ({S, V, A}, lambda w, op, t: conduct.closing_status(w, op, 1)),
    "conduct.close_round": ({S}, lambda w, op, t: conduct.close_round(w, op, 1)),
    "due.due_items": ({S, V, A}, lambda w, op, t: due.due_items(w, op, DATE)),
    "commitments.commitments_status": ({S, V, A}, lambda w, op, t: commitments.commitments_status(w, op, 1)),
}
# entry points any signed-in account may call: one's own password
OPEN_TO_ALL = {"accounts.change_password"}
ROLE_ACCOUNTS = {role: name for name, _, role, _ in DEMO_ACCOUNTS}


class Passed(Exception):
    """The role check let the call through; raised instead of doing the work."""


@pytest.fixture(scope="module")
def place(demo_template, tmp_path_factory):
    root = tmp_path_factory.mktemp("roles") / "demo"
    shutil.copytree(demo_template, root)
    yield root
    close_workspace(root)


@pytest.fixture(scope="module")
def operators(place) -> dict[Role, Operator]:
    return {role: accounts.sign_in(place, name, TEST_PASSWORD) for role, name in ROLE_ACCOUNTS.items()}


@pytest.fixture
def checked(monkeypatch) -> list[str]:
    """Every module's ``require`` replaced by one that checks for real and then stops the call (Passed)."""
    real, asked = accounts.require, []

    def require(op, permission, where):
        real(op, permission, where)
        asked.append(permission)
        raise Passed

    for module in list(sys.modules.values()):
        if (module.__name__ or "").startswith("desktop.") and getattr(module, "require", None) is real:
            monkeypatch.setattr(module, "require", require)
    return asked


@pytest.mark.parametrize("entry", sorted(MATRIX))
def test_which_role_may_call_what(entry, place, operators, checked, tmp_path):
    allowed, call = MATRIX[entry]
    for role, op in operators.items():
        if role in allowed:
            with pytest.raises(Passed):
                call(place, op, tmp_path)
        else:
            with pytest.raises(Forbidden) as refused:
                call(place, op, tmp_path)
            assert "需要" in str(refused.value) and role.value in str(refused.value).split("的角色为")[-1]
            needed = str(refused.value).split("角色才能")[0]
            assert all(r.value in needed for r in allowed), (entry, role, str(refused.value))


def _entry_points() -> set[str]:
    """Every public function of the services that takes a signed-in Operator."""
    found = set()
    for info in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            annotations = [str(p.annotation) for p in inspect.signature(function).parameters.values()]
            if any("Operator" in a for a in annotations):
                found.add(f"{module.__name__.rsplit('.', 1)[-1]}.{name}")
    return found - {"accounts.require", "accounts.check_witness"}  # the check itself, and the witness's own rule


def test_every_entry_point_is_in_the_matrix():
    assert _entry_points() - OPEN_TO_ALL == set(MATRIX)


def test_a_call_for_another_workspace_is_refused(place, operators, tmp_path, demo_workspace):
    with pytest.raises(Forbidden, match="登录的是工作区"):
        rounds.list_rounds(demo_workspace, operators[S])


@pytest.fixture(scope="module")
def both(place, operators) -> Operator:
    accounts.add_account(operators[M], "双岗", roles="秘书,监督员", password=TEST_PASSWORD)
    return accounts.sign_in(place, "双岗", TEST_PASSWORD)


def test_roles_held_together_allow_what_each_allows(place, both, checked, tmp_path):
    for entry in ("rounds.create_round", "confidential.reveal_person", "audit_log.recent"):
        with pytest.raises(Passed):
            MATRIX[entry][1](place, both, tmp_path)
    with pytest.raises(Forbidden, match="需要 管理员 角色"):
        MATRIX["accounts.list_accounts"][1](place, both, tmp_path)


def test_an_administrator_sees_no_expert_data_and_an_auditor_changes_nothing():
    for entry, (allowed, _) in MATRIX.items():
        if entry.startswith(("catalogue.listing", "catalogue.detail", "ui_queries.expert_", "conflicts.",
                             "draws.latest_draw", "confidential.")):
            assert M not in allowed, entry
    readers = {"show_round", "list_rounds", "counts", "field_coverage", "enterprise_share", "verify_log", "recent",
               "verify_draw", "replay_draw", "show_identity", "workspace_trust", "calendar", "years", "show_year",
               "deadline"}
    assert {e.split(".")[1] for e, (allowed, _) in MATRIX.items() if U in allowed} == readers
