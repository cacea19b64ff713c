"""Confirmation calls, replacements and the supplementary draw on a real drawn demo workspace: invitations, recordings
in every phone format, NO_SUBSTITUTE at its boundaries (an enterprise seat, a reserve with a ground, a reserve used
up), unreachable after N calls, and DECLARED on the call."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.domain.calls import CallRefused
from desktop.domain.errors import RuleError, UserError
from desktop.domain.quota import enterprise_required
from desktop.domain.replacements import GENERAL, GROUND
from desktop.services import calls, draw_verify, draws, replacements, rounds
from desktop.services.attachments import RecordingRefused
from desktop.services.importing.run import import_files
from desktop.store.workspace import open_workspace
from tests.conftest import signed
from tests.recordings import recording
from tests.spreadsheets import workbook


def drawn(root, round_id: int = 1, digits: str = "20261215"):
    ws = open_workspace(root)
    draws.draw_round(ws, signed(ws, "王秘书"), round_id, witness=signed(ws, "李监督"), witness_digits=digits)
    return ws


@pytest.fixture
def demo(demo_workspace, monkeypatch):
    """The demo drawn with a fixed program secret (the operating system's randomness stood in for), so every run
    draws the same panels: the cases below pick members by kind, and a random draw may seat no general expert."""
    monkeypatch.setattr(draws.secrets, "token_bytes", lambda n: bytes(range(n)))
    return drawn(demo_workspace)


def current(ws, panel: str) -> list[calls.CallRow]:
    """The panel's seat holders, in seat order."""
    held = {}
    for row in calls.list_calls(ws, signed(ws), 1, panel):
        held[row.seat] = row
    return [held[s] for s in sorted(held)]


def reserve_of(ws, panel: str) -> list[tuple[str, bool]]:
    record = draws.latest_draw(ws, signed(ws), 1)
    entry = next(p for p in record.panels if p["name"] == panel)
    enterprise = dict(sqlite3.connect(ws.db_path).execute(
        "SELECT p.id_number, m.enterprise FROM draw_member m JOIN person p ON p.id = m.person_id "
        "WHERE m.draw_id = ? AND m.reserve = 1", (record.id,)).fetchall())
    return [(e, bool(enterprise[e])) for e in entry["reserve"]]


def test_the_draw_invites_its_members_and_an_older_draw_is_invited_on_first_use(demo):
    record = draws.latest_draw(demo, signed(demo), 1)
    rows = calls.list_calls(demo, signed(demo), 1)
    assert [(r.panel, r.expert) for r in rows] == [(p["name"], m["expert"]) for p in record.panels
                                                   for m in p["members"]]
    assert {r.status for r in rows} == {"pending"} and {r.attempts for r in rows} == {0}
    assert all(r.mobile and r.organisation for r in rows)
    # a round drawn before invitations existed: its drawn members are shown, and written by the first call
    with sqlite3.connect(demo.db_path) as db:
        db.execute("DELETE FROM invitation")
    assert [(r.expert, r.status) for r in calls.list_calls(demo, signed(demo), 1)] == \
        [(r.expert, "pending") for r in rows]
    assert [s["name"] for s in rounds.show_round(demo, signed(demo), 1).unanswered] == [r.name for r in rows]
    first = rows[0]
    done = calls.record_call(demo, signed(demo), 1, first.expert, "accepted")
    assert done["status"] == "accepted" and done["replacement"] is None
    again = calls.list_calls(demo, signed(demo), 1)
    assert [(r.expert, r.status, r.attempts) for r in again][:2] == [(first.expert, "accepted", 1),
                                                                     (rows[1].expert, "pending", 0)]
    assert len(rounds.show_round(demo, signed(demo), 1).unanswered) == len(rows) - 1


@pytest.mark.parametrize("fmt", ["wav", "m4a", "mp3", "amr"])
def test_a_recording_in_each_phone_format_is_kept_with_its_length(demo, tmp_path, fmt):
    made = recording(tmp_path, fmt)
    expert = calls.list_calls(demo, signed(demo), 1)[0].expert
    done = calls.record_call(demo, signed(demo), 1, expert, "pending", recording=made)
    kept = done["recording"]
    assert 4 < kept["seconds"] < 15 and (demo.blobs / kept["sha256"]).is_file()
    assert b"".join(demo.read_blob(kept["sha256"])) == made.read_bytes()
    history = calls.call_history(demo, signed(demo), 1, expert)
    assert history[-1]["recording"] == kept["sha256"] and history[-1]["operator"] == "王秘书"


def test_an_undecodable_recording_is_refused_and_nothing_is_recorded(demo, tmp_path):
    expert = calls.list_calls(demo, signed(demo), 1)[0].expert
    broken = tmp_path / "录音.amr"
    broken.write_bytes(b"#!AMR\n" + bytes(range(256)) * 4)
    with pytest.raises(RecordingRefused, match="无法解码"):
        calls.record_call(demo, signed(demo), 1, expert, "accepted", recording=broken)
    text = tmp_path / "note.mp3"
    text.write_text("not audio")
    with pytest.raises(RecordingRefused):
        calls.record_call(demo, signed(demo), 1, expert, "accepted", recording=text)
    assert calls.list_calls(demo, signed(demo), 1)[0].attempts == 0
    assert not any(demo.blobs.iterdir())


def test_a_decline_needs_its_reason(demo):
    expert = calls.list_calls(demo, signed(demo), 1)[0].expert
    with pytest.raises(CallRefused, match="其他"):
        calls.record_call(demo, signed(demo), 1, expert, "declined", reason="其他")
    with pytest.raises(CallRefused, match="只有拒绝"):
        calls.record_call(demo, signed(demo), 1, expert, "accepted", reason="时间冲突")
    done = calls.record_call(demo, signed(demo), 1, expert, "拒绝", reason="时间冲突：当天出差")
    assert (done["call"]["reason_kind"], done["call"]["reason"]) == ("时间冲突", "当天出差")


def test_nobody_outside_the_draw_can_be_called_into_a_seat(demo):
    drawn_ids = {r.expert for r in calls.list_calls(demo, signed(demo), 1)}
    stranger = next(e for e, in sqlite3.connect(demo.db_path).execute("SELECT id_number FROM person")
                    if e not in drawn_ids and not any(e in [x for x, _ in reserve_of(demo, p)]
                                                      for p in {r.panel for r in calls.list_calls(demo, signed(demo), 1)}))
    with pytest.raises(UserError, match="NO_SUBSTITUTE"):
        calls.record_call(demo, signed(demo), 1, stranger, "accepted")


def test_a_decline_invites_the_next_reserve_in_the_drawn_order(demo):
    # the draw's secret is random: take a panel that drew a general expert (one may draw only enterprise experts)
    panel, general = next((row.panel, row) for row in calls.list_calls(demo, signed(demo), 1) if not row.enterprise)
    done = calls.record_call(demo, signed(demo), 1, general.expert, "declined", reason="身体原因")
    assert done["replacement"] == reserve_of(demo, panel)[0][0] and done["passed_over"] == []
    after = current(demo, panel)
    assert after[general.seat].expert == done["replacement"] and after[general.seat].source == "reserve"
    statuses = {(r.expert, r.status) for r in calls.list_calls(demo, signed(demo), 1, panel)}
    assert (general.expert, "replaced") in statuses
    with pytest.raises(CallRefused, match="已递补"):
        calls.record_call(demo, signed(demo), 1, general.expert, "accepted")


def _enterprise_case(root, monkeypatch):
    """A drawn demo with a panel at exactly its quota whose reserve starts with a general expert: the program's
    secret is fixed (the operating system's randomness stood in for), so the digits tried find the same case on
    every run."""
    monkeypatch.setattr(draws.secrets, "token_bytes", lambda n: bytes(n))
    ws = open_workspace(root)
    for attempt in range(100):
        draws.draw_round(ws, signed(ws, "王秘书"), 1, witness=signed(ws, "李监督"), witness_digits=f"{attempt:06d}",
                         redraw_reason="测试" if attempt else None)
        for panel in {r.panel: None for r in calls.list_calls(ws, signed(ws), 1)}:
            members = current(ws, panel)
            reserve = reserve_of(ws, panel)
            if sum(m.enterprise for m in members) == enterprise_required(len(members)) and reserve \
                    and not reserve[0][1] and any(e for _, e in reserve):
                return ws, panel, members, reserve
    raise AssertionError("no draw of the demo gave a panel at its quota with a general expert first in reserve")


def test_the_decline_of_an_enterprise_member_passes_over_general_reserves(demo_workspace, monkeypatch):
    ws, panel, members, reserve = _enterprise_case(demo_workspace, monkeypatch)
    leaving = next(m for m in members if m.enterprise)
    done = calls.record_call(ws, signed(ws), 1, leaving.expert, "declined", reason="时间冲突")
    first_enterprise = next(i for i, (_, e) in enumerate(reserve) if e)
    assert done["replacement"] == reserve[first_enterprise][0]
    assert [(p["expert"], p["why"]) for p in done["passed_over"]] == [(e, GENERAL) for e, _ in
                                                                       reserve[:first_enterprise]]
    after = current(ws, panel)
    assert sum(m.enterprise for m in after) == enterprise_required(len(after))
    assert draw_verify.verify_draw(ws, signed(ws), 1)["problems"] == []
    with sqlite3.connect(ws.db_path) as db:  # the seat given to the general reserve first in order, afterwards
        db.execute("UPDATE invitation SET person_id = (SELECT id FROM person WHERE id_number = ?) WHERE person_id = "
                   "(SELECT id FROM person WHERE id_number = ?)", (reserve[0][0], done["replacement"]))
    problems = draw_verify.verify_draw(ws, signed(ws), 1)["problems"]
    assert any(f"第{leaving.seat + 1}座" in p and "应递补" in p and "企业专家比例" in p for p in problems)


def test_unanswered_calls_free_the_seat_after_the_rounds_setting(demo):
    member = calls.list_calls(demo, signed(demo), 1)[0]
    for attempt in (1, 2):
        done = calls.record_call(demo, signed(demo), 1, member.expert, "unreachable")
        assert done["status"] == "pending" and done["replacement"] is None
    done = calls.record_call(demo, signed(demo), 1, member.expert, "未接通")
    assert done["status"] == "replaced" and done["replacement"] is not None
    row = next(r for r in calls.list_calls(demo, signed(demo), 1) if r.expert == member.expert)
    assert (row.status, row.attempts) == ("replaced", 3)


def test_a_reserve_with_a_ground_against_the_panel_is_passed_over(demo, tmp_path):
    panel = calls.list_calls(demo, signed(demo), 1)[0].panel
    first = reserve_of(demo, panel)[0][0]
    application = rounds.show_round(demo, signed(demo), 1).panels[0]["applications"][0]
    book = workbook(tmp_path / "回避声明.xlsx", {"回避声明": [[first, application, "与申报单位有合作"]]})
    import_files(demo, [book], signed(demo))
    member = next(m for m in current(demo, panel) if not m.enterprise)
    done = calls.record_call(demo, signed(demo), 1, member.expert, "declined", reason="身体原因")
    assert done["passed_over"][0]["expert"] == first and done["passed_over"][0]["why"] == GROUND
    assert done["replacement"] not in (None, first)
    assert [p for p in draw_verify.verify_draw(demo, signed(demo), 1)["problems"] if "让出" in p] == []


def test_a_conflict_declared_on_the_call_is_recorded_and_frees_the_seat(demo):
    info = rounds.show_round(demo, signed(demo), 1).panels[0]
    member = current(demo, info["name"])[0]
    done = calls.record_call(demo, signed(demo), 1, member.expert, "accepted", declared=[info["applications"][0]],
                             declared_text="我和这个单位有合作")
    assert done["status"] == "replaced" or done["call"]["outcome"] == "declined"
    assert done["call"]["reason_kind"] == "需回避" and done["declared"] == [info["applications"][0]]
    found = sqlite3.connect(demo.db_path).execute(
        "SELECT d.reason FROM declared_conflict d JOIN person p ON p.id = d.person_id WHERE p.id_number = ?",
        (member.expert,)).fetchall()
    assert found == [("我和这个单位有合作",)] and done["replacement"] is not None


def test_a_reserve_used_up_is_refilled_by_a_witnessed_supplementary_draw(demo):
    panel = draws.latest_draw(demo, signed(demo), 1).panels[0]["name"]
    seat = next(m.seat for m in current(demo, panel) if not m.enterprise)
    declines = 0
    while True:  # the seat's holder declines, and each reserve invited after them, until none is left
        done = calls.record_call(demo, signed(demo), 1, current(demo, panel)[seat].expert, "declined",
                                 reason="时间冲突")
        declines += 1
        if done["replacement"] is None:
            break
    assert declines > 1 and done["seat_open"] is True
    assert done["seat_open"] is True
    with pytest.raises(UserError, match="承诺值"):
        replacements.draw_supplementary(demo, signed(demo, "王秘书"), 1, panel, witness=signed(demo, "李监督"),
                                        witness_digits="123456")
    shown = replacements.commit_supplementary(demo, signed(demo, "王秘书"), 1, panel)
    assert shown.batch == 2 and shown.seats == 1 and shown.secret == ""
    assert replacements.commit_supplementary(demo, signed(demo, "王秘书"), 1, panel).commitment == shown.commitment
    with pytest.raises(RuleError) as refused:
        replacements.draw_supplementary(demo, signed(demo, "王秘书"), 1, panel, witness=signed(demo, "王秘书"),
                                        witness_digits="123456")
    assert refused.value.code == "SEPARATION"
    made = replacements.draw_supplementary(demo, signed(demo, "王秘书"), 1, panel, witness=signed(demo, "李监督"),
                                           witness_digits="654321")
    assert made.state == "drawn" and made.secret and len(made.picked) == 1
    seat = made.picked[0]
    row = current(demo, panel)[seat["seat"] - 1]
    assert (row.expert, row.source, row.batch, row.status) == (seat["expert"], "supplementary", 2, "pending")
    every_invited = [r.expert for r in calls.list_calls(demo, signed(demo), 1)]
    assert every_invited.count(seat["expert"]) == 1
    check = draw_verify.verify_draw(demo, signed(demo), 1)
    assert check["matches"] is True and check["batches"] == 1
    with sqlite3.connect(demo.db_path) as db:  # a batch's record changed afterwards no longer recomputes
        db.execute("UPDATE draw_batch SET enterprise_needed = enterprise_needed + 3")
    assert any("第2批补抽" in p for p in draw_verify.verify_draw(demo, signed(demo), 1)["problems"])


def test_the_papers_of_the_review_day_go_to_the_seat_holders(demo):
    from desktop.services import documents
    member = calls.list_calls(demo, signed(demo), 1)[0]
    done = calls.record_call(demo, signed(demo), 1, member.expert, "declined", reason="时间冲突")
    letters = documents.round_letters(demo, signed(demo), 1)
    assert done["replacement_name"] in [l.expert_name for l in letters]
    assert member.name not in [l.expert_name for l in letters]
