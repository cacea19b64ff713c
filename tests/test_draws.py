"""The draw through the services and the command line on a real workspace built by the demo generator and the real
import: commit–reveal, verification, replays, redraws, SEPARATION and two draws racing."""

import datetime as dt
import hashlib
import json
import sqlite3
import subprocess
import sys
import threading

import pytest

from desktop.domain.draw_random import commitment_of, seed_of
from desktop.domain.errors import RuleError, UserError
from desktop.domain.methods import Method, RoundStateError
from desktop.domain.quota import enterprise_required
from desktop.services import audit_log, catalogue, conflicts, draw_verify, draws, rounds
from desktop.services.draw_inputs import read_inputs
from desktop.services.uow import reading
from desktop.services.audit import entries as audit_entries
from desktop.store.workspace import close_workspace, open_workspace
from tests.conftest import signed

DIGITS = "20261215"


@pytest.fixture
def demo(demo_workspace):
    return open_workspace(demo_workspace)


def members(record):
    return {p["name"]: [m["expert"] for m in p["members"]] for p in record.panels}


def cli(root, *args):
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--workspace", str(root), "--operator", "王秘书",
                           *args], capture_output=True, text=True)


def test_the_commitment_is_shown_first_and_the_draw_reveals_what_it_bound(demo):
    shown = draws.commit_draw(demo, signed(demo, "王秘书"), 1)
    assert draws.commit_draw(demo, signed(demo, "王秘书"), 1).commitment == shown.commitment  # the same until a draw uses it
    assert draws.pending_commitment(demo, signed(demo), 1).commitment == shown.commitment
    record = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=DIGITS)
    assert record.commitment == shown.commitment and record.committed_by == "王秘书"
    secret = bytes.fromhex(record.secret)
    assert commitment_of(record.pool_hash, secret) == record.commitment
    assert record.seed == seed_of(record.pool_hash, secret, DIGITS) and record.witness_digits == DIGITS
    assert record.seed_source == "commit-reveal" and draws.pending_commitment(demo, signed(demo), 1) is None
    assert draw_verify.verify_draw(demo, signed(demo), 1) | {"problems": []} == draw_verify.verify_draw(demo, signed(demo), 1)
    assert draw_verify.verify_draw(demo, signed(demo), 1)["matches"] is True


def test_without_a_commit_step_the_draw_makes_and_records_its_own(demo):
    record = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="314159")
    assert len(record.secret) == 64 and commitment_of(record.pool_hash, bytes.fromhex(record.secret)) == \
        record.commitment
    again = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="314159", redraw_reason="复核")
    assert again.secret != record.secret  # a fresh secret each draw: the same digits do not repeat a draw
    assert members(again) != members(record)


def test_every_draw_stays_on_record_and_a_redraw_needs_a_reason(demo):
    draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="111111")
    with pytest.raises(RuleError, match="重新抽取的理由") as refused:
        draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="222222")
    assert refused.value.code == "CORRECTIONS"
    draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="222222", redraw_reason="监督员要求")
    history = draws.draw_history(demo, signed(demo), 1)
    assert [d.superseded for d in history] == [True, False] and history[1].reason == "监督员要求"


def test_drawn_members_have_no_ground_and_meet_the_enterprise_third(demo):
    record = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="424242")
    found = conflicts.round_conflicts(demo, signed(demo), 1)
    applications = {p["name"]: p["applications"] for p in rounds.show_round(demo, signed(demo), 1).panels}
    seen = set()
    for panel in record.panels:
        drawn = [m["expert"] for m in panel["members"]]
        assert len(drawn) == panel["size"] and panel["quota_ok"]
        assert sum(m["enterprise"] for m in panel["members"]) >= enterprise_required(panel["size"])
        for expert in drawn:
            assert expert not in seen
            seen.add(expert)
            for number in applications[panel["name"]]:
                assert found.grounds_for(number, expert) == ()
        assert not set(panel["reserve"]) & set(drawn)
        assert len(panel["reserve_shared"]) == len(panel["reserve"])


@pytest.mark.parametrize("witness", ["王秘书", "王秘书\u200b", " 王 秘书"])
def test_the_operator_cannot_witness_their_own_draw(demo, witness):
    with pytest.raises(RuleError) as refused:
        draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, witness), witness_digits="123456")
    assert refused.value.code == "SEPARATION"


def test_a_zero_width_space_does_not_make_another_witness(demo):
    record = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督\u200b"), witness_digits="123456")
    assert record.witness == "李监督"


@pytest.mark.parametrize("digits", ["12345", "12a456", ""])
def test_the_witness_digits_are_checked(demo, digits):
    with pytest.raises(RuleError) as refused:
        draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=digits)
    assert refused.value.code == "FAIR_DRAW"
    assert draws.latest_draw(demo, signed(demo), 1) is None


def test_a_commitment_shown_before_the_pool_changed_cannot_be_used(demo):
    shown = draws.commit_draw(demo, signed(demo, "王秘书"), 1)
    expert = catalogue.listing(demo, signed(demo), "experts")[0]["id_number"]
    catalogue.edit_expert(demo, signed(demo, "王秘书"), expert, title="研究员（更正）")  # changes who nobody draws, but the pool
    with pytest.raises(RuleError, match="重新生成") as refused:
        draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=DIGITS)
    assert refused.value.code == "FAIR_DRAW"
    fresh = draws.commit_draw(demo, signed(demo, "王秘书"), 1)
    assert fresh.commitment != shown.commitment
    assert draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=DIGITS).commitment == fresh.commitment


def _candidate(demo) -> str:
    with reading(demo) as session:
        inputs = read_inputs(session, 1)
    return inputs.eligible[inputs.panels[0].name][0]


def test_a_candidate_changed_outside_paneldesk_after_the_commitment_refuses_the_draw(demo):
    draws.commit_draw(demo, signed(demo, "王秘书"), 1)
    with sqlite3.connect(demo.db_path) as db:  # bypasses the digests the pool hash is read from
        db.execute("UPDATE expert SET status = 'inactive' WHERE person_id = (SELECT id FROM person "
                   "WHERE id_number = ?)", (_candidate(demo),))
    with pytest.raises(RuleError, match="重新生成") as refused:
        draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=DIGITS)
    assert refused.value.code == "FAIR_DRAW"
    assert draws.latest_draw(demo, signed(demo), 1) is None


def test_a_pool_changed_outside_paneldesk_that_moves_no_one_is_named_by_verify(demo):
    draws.commit_draw(demo, signed(demo, "王秘书"), 1)
    with sqlite3.connect(demo.db_path) as db:
        db.execute("UPDATE expert SET fields = fields || ';520' WHERE person_id = (SELECT min(person_id) FROM expert)")
    draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=DIGITS)  # nothing it draws from changed
    checked = draw_verify.verify_draw(demo, signed(demo), 1)
    assert checked["matches"] is False
    assert any("PanelDesk 之外" in p and "expert" in p for p in checked["problems"])


def test_verify_names_a_swapped_member_and_a_changed_pool(demo):
    record = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=DIGITS)
    panel = record.panels[0]["name"]
    with sqlite3.connect(demo.db_path) as db:
        outsider = db.execute("SELECT e.person_id FROM expert e WHERE e.person_id NOT IN "
                              "(SELECT person_id FROM draw_member) LIMIT 1").fetchone()[0]
        db.execute("UPDATE draw_member SET person_id = ? WHERE draw_id = ? AND reserve = 0 AND position = 0",
                   (outsider, record.id))
    checked = draw_verify.verify_draw(demo, signed(demo), 1)
    assert checked["matches"] is False
    assert any(panel in p and "评审专家" in p for p in checked["problems"])
    with sqlite3.connect(demo.db_path) as db:
        db.execute("UPDATE person SET name = name || '甲' WHERE id = (SELECT min(person_id) FROM expert)")
    assert any("专家库" in p for p in draw_verify.verify_draw(demo, signed(demo), 1)["problems"])


def test_a_replay_recomputes_the_panels_and_is_never_a_draw(demo):
    record = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=DIGITS)
    replay = draw_verify.replay_draw(demo, signed(demo, "审计员"), 1, secret=record.secret, witness="李监督",
                                     witness_digits=DIGITS)
    assert replay["replay"] is True and replay["seed"] == record.seed and replay["recorded_draw"] == record.id
    assert {p["name"]: [m["expert"] for m in p["members"]] for p in replay["panels"]} == members(record)
    assert [p["reserve"] for p in replay["panels"]] == [p["reserve"] for p in record.panels]
    assert [d.id for d in draws.draw_history(demo, signed(demo), 1)] == [record.id]
    assert audit_entries(demo.session(), limit=1)[0].action == "round.draw.replay"
    other = draw_verify.replay_draw(demo, signed(demo, "审计员"), 1, secret=record.secret, witness="李监督", witness_digits="999999")
    assert other["recorded_draw"] is None and other["seed"] != record.seed


def test_an_impossible_panel_is_named_with_what_it_lacks(demo):
    info = rounds.create_round(demo, signed(demo, "王秘书"), name="超大组", review_date=dt.date(2026, 12, 20),
                               method=Method("会议评审", "百分制"), confirm_past_date=True)
    first_panel = rounds.show_round(demo, signed(demo), 1).panels[0]
    rounds.add_panel(demo, signed(demo, "王秘书"), info.id, name="巨型组", size=300, applications=first_panel["applications"][:2])
    rounds.open_round(demo, signed(demo, "王秘书"), info.id)
    with pytest.raises(UserError, match="巨型组") as refused:
        draws.draw_round(demo, signed(demo, "王秘书"), info.id, witness=signed(demo, "李监督"), witness_digits="111111")
    assert isinstance(refused.value, draws.DrawInfeasible)
    assert draws.latest_draw(demo, signed(demo), info.id) is None and draws.pending_commitment(demo, signed(demo), info.id) is None
    assert rounds.show_round(demo, signed(demo), info.id).state == "opened"


def test_a_draft_round_cannot_be_drawn_or_committed(demo):
    info = rounds.create_round(demo, signed(demo, "王秘书"), name="未开启", review_date=dt.date(2026, 12, 20),
                               method=Method("会议评审", "百分制"), confirm_past_date=True)
    for attempt in (lambda: draws.draw_round(demo, signed(demo, "王秘书"), info.id, witness=signed(demo, "李监督"), witness_digits="111111"),
                    lambda: draws.commit_draw(demo, signed(demo, "王秘书"), info.id)):
        with pytest.raises(RoundStateError, match="尚未开启"):
            attempt()


@pytest.mark.parametrize("stop_at", [1, 5])
def test_a_cancelled_draw_leaves_nothing_behind(demo, stop_at):
    """Cancel between loading and computing, and at the last moment before the save: both roll everything back."""
    audit_before = len(audit_entries(demo.session()))
    asked, heard = [], []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) >= stop_at

    with pytest.raises(draws.DrawCancelled, match="没有保存"):
        draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="111111", cancelled=cancelled,
                         progress=lambda done, total, what: heard.append((done, total)))
    assert draws.draw_history(demo, signed(demo), 1) == [] and draws.latest_draw(demo, signed(demo), 1) is None
    assert rounds.show_round(demo, signed(demo), 1).state == "opened" and draws.pending_commitment(demo, signed(demo), 1) is None
    assert len(audit_entries(demo.session())) == audit_before
    assert heard == [(i, len(draws.STEPS)) for i in range(min(stop_at - 1, len(draws.STEPS)))]
    record = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="111111", cancelled=lambda: False)
    assert record.id and rounds.show_round(demo, signed(demo), 1).state == "drawn"


# --- racing ------------------------------------------------------------------------------------------------------

def test_a_draw_started_while_another_holds_the_round_loses_cleanly(demo):
    """The second draw is started while the first is inside its transaction, having seen no draw: it waits for the
    write lock, then finds the round drawn and saves nothing."""
    outcome = {}

    def second():
        try:
            draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "赵监督"), witness_digits="654321", seen=None)
        except UserError as error:
            outcome["error"] = error

    racer = threading.Thread(target=second)

    def started(step, _total, _what):
        if step == 0:
            racer.start()

    draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="123456", progress=started)
    racer.join()
    assert isinstance(outcome["error"], draws.DrawBusy) and "另一个抽取正在进行" in str(outcome["error"])
    assert len(draws.draw_history(demo, signed(demo), 1)) == 1


def test_the_database_allows_one_current_draw_per_round(demo):
    draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits="123456")
    with sqlite3.connect(demo.db_path) as db, pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO draw (round_id, seed, seed_source, witness_digits, pool_hash, rules, operator, "
                   "witness, reason, at, superseded) SELECT round_id, seed, seed_source, witness_digits, pool_hash, "
                   "rules, operator, witness, 'x', at, 0 FROM draw")


def test_two_draw_commands_at_the_same_moment_one_wins(demo):
    root = demo.root
    close_workspace(root)
    command = [sys.executable, "-m", "desktop.cli", "--workspace", str(root), "--operator", "王秘书", "draw",
               "--round", "1", "--witness-digits", "123456", "--json", "--witness"]
    racing = [subprocess.Popen(command + [w], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for w in ("李监督", "赵监督")]
    results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in racing]
    assert sorted(code for code, _, _ in results)[0] == 0 and sorted(code for code, _, _ in results)[1] != 0
    loser = next(err for code, _, err in results if code != 0)
    assert "另一个抽取正在进行" in loser or "重新抽取的理由" in loser
    assert len(draws.draw_history(open_workspace(root), signed(open_workspace(root)), 1)) == 1


# --- the command line ----------------------------------------------------------------------------------------

def test_the_command_line_commits_draws_verifies_and_replays(demo):
    root = demo.root
    shown = json.loads(cli(root, "draw", "commit", "--round", "1", "--json").stdout)
    assert len(shown["commitment"]) == 64
    drawn = cli(root, "draw", "--round", "1", "--witness", "李监督", "--witness-digits", DIGITS, "--json")
    record = json.loads(drawn.stdout)
    assert record["commitment"] == shown["commitment"]
    assert {"secret", "witness_digits", "seed", "panels"} <= set(record)
    verified = cli(root, "draw", "verify", "--round", "1", "--json")
    assert verified.returncode == 0 and json.loads(verified.stdout) == json.loads(verified.stdout) | {
        "matches": True, "problems": []}
    replay = json.loads(cli(root, "draw", "--round", "1", "--replay", record["secret"], "--witness", "李监督",
                            "--witness-digits", DIGITS, "--json").stdout)
    assert replay["seed"] == record["seed"] and replay["replay"] is True


def test_a_typed_seed_is_refused(demo):
    typed = cli(demo.root, "draw", "--round", "1", "--seed", "20261215", "--witness", "李监督",
                "--witness-digits", DIGITS)
    assert typed.returncode != 0 and "--seed 已取消" in typed.stderr
    assert draws.latest_draw(demo, signed(demo), 1) is None


def test_the_draw_prints_members_masked_unless_revealed(demo):
    """CONFIDENTIAL: `draw --json` masks the members' ID numbers; --reveal shows them after one audit entry."""
    root = demo.root
    masked = json.loads(cli(root, "draw", "--round", "1", "--witness", "李监督", "--witness-digits", DIGITS,
                            "--json").stdout)
    whole = draws.latest_draw(demo, signed(demo), 1).panels[0]["members"][0]["expert"]
    shown = masked["panels"][0]["members"][0]["expert"]
    assert shown != whole and "********" in shown and shown[-4:] == whole[-4:]
    assert all(whole not in r for r in masked["panels"][0]["reserve"])
    replayed = cli(root, "draw", "--round", "1", "--replay", masked["secret"], "--witness", "李监督",
                   "--witness-digits", DIGITS, "--json", "--reveal")
    assert whole in replayed.stdout
    assert audit_log.recent(root, signed(root, "审计员"), 1)[0]["action"] == "reveal"


def test_the_pool_hash_is_what_docs_draw_md_says(demo):
    """Recomputed from the database file with sqlite3 alone, as an outsider would (docs/draw.md section 2)."""
    record = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=DIGITS)
    tables = b""
    with sqlite3.connect(demo.db_path) as db:
        for table in ("application", "application_partner", "declared_conflict", "employment", "expert",
                      "integrity_record", "lobbying", "organisation", "person", "relation", "requested_exclusion",
                      "team_member"):
            info = db.execute(f"PRAGMA table_info({table})").fetchall()
            key = sorted((c[5], c[1]) for c in info if c[5])[0][1]
            spelled = " || ',' || ".join(f"quote({c[1]})" for c in info)
            one_row = table in ("lobbying", "integrity_record")
            group = f"'{key} ' || {key}" if one_row else \
                f"'{key} ' || (({key} >> 8) << 8) || '–' || ((({key} >> 8) << 8) + 255)"
            sums = {}
            for g, values in db.execute(f"SELECT {group}, {spelled} FROM {table}"):
                n, total = sums.get(g, (0, 0))
                row = int.from_bytes(hashlib.shake_256(f"{table}\x1f{values}".encode()).digest(128), "big")
                sums[g] = (n + 1, (total + row) % (1 << 1024))
            tables += table.encode() + b"\x1e" + b"".join(
                g.encode() + b"\x1f" + str(n).encode() + b"\x1f" + total.to_bytes(128, "big") + b"\x1d"
                for g, (n, total) in sorted(sums.items(), key=lambda item: item[0].encode()))
        rules = db.execute("SELECT rules FROM draw WHERE id = ?", (record.id,)).fetchone()[0]
    expected = hashlib.sha256(b"PanelDesk pool hash v2\x00" + hashlib.sha256(tables).digest() + rules.encode())
    assert record.pool_hash == expected.hexdigest()


def test_a_round_reads_only_the_relations_that_can_bind_it_and_finds_the_same_grounds(demo):
    from desktop.domain.recusal import compute_conflicts
    from desktop.store.snapshot import load_case, pool_from_rows, raw_pool_rows
    with reading(demo) as session:
        narrowed = raw_pool_rows(session, 1)
        whole = raw_pool_rows(session)
        everything = compute_conflicts(pool_from_rows(whole), load_case(session, 1))
    assert 0 < len(narrowed["relations"]) < len(whole["relations"])
    found = conflicts.round_conflicts(demo, signed(demo), 1)
    assert conflicts.conflict_pairs(found) == conflicts.conflict_pairs(everything)
    assert any(g["code"] in ("RELATIVE", "ADVISOR", "COLLABORATOR")
               for pair in conflicts.conflict_pairs(found) for g in pair["grounds"])


def test_the_rows_the_conflicts_are_computed_from_are_the_database_s_with_each_text_held_once(demo):
    from desktop.store.snapshot import raw_pool_rows
    with reading(demo) as session:
        plain, shared = raw_pool_rows(session, 1), raw_pool_rows(session, 1, shared=True)
    assert {kind: sorted(rows, key=repr) for kind, rows in plain.items()} == \
        {kind: sorted(rows, key=repr) for kind, rows in shared.items()}
    codes = {}
    for _person, code, _name, _start, _end in shared["stays"]:
        assert codes.setdefault(code, code) is code  # one object for every stay at the organisation


def test_the_record_keeps_why_each_expert_was_left_out_panel_by_panel(demo):
    record = draws.draw_round(demo, signed(demo, "王秘书"), 1, witness=signed(demo, "李监督"), witness_digits=DIGITS)
    with sqlite3.connect(demo.db_path) as db:
        rows = db.execute("SELECT p.name, x.grounds FROM exclusion x JOIN panel p ON p.id = x.panel_id "
                          "WHERE x.draw_id = ?", (record.id,)).fetchall()
    assert sorted(name for name, _ in rows) == sorted(p["name"] for p in record.panels)
    found = conflicts.round_conflicts(demo, signed(demo), 1)
    for name, grounds in rows:
        for application, expert, code, facts in json.loads(grounds):
            assert facts.get("application") == application
            if application is not None:
                assert application in found.panels[name]
                assert code in [g.code for g in found.grounds_for(application, expert)]
    assert {code for _, grounds in rows for _, _, code, _ in json.loads(grounds)} >= {"SELF", "SAME_ORG"}
