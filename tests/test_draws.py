"""The draw through the services on a real workspace built by the demo generator and the real import."""

import datetime as dt

import pytest

from desktop.domain.errors import RuleError
from desktop.domain.methods import Method
from desktop.domain.quota import enterprise_required
from desktop.services import conflicts, draws, rounds
from desktop.services.audit import entries as audit_entries
from desktop.store.workspace import open_workspace


@pytest.fixture
def demo(demo_workspace):
    return open_workspace(demo_workspace)


def test_same_seed_gives_the_same_panels_and_every_draw_stays_on_record(demo):
    first = draws.draw_round(demo, "王秘书", 1, seed="20261215", witness="李监督")
    again = draws.draw_round(demo, "王秘书", 1, seed="20261215", witness="李监督", redraw_reason="复核抽取过程")
    other = draws.draw_round(demo, "王秘书", 1, seed="778899", witness="李监督", redraw_reason="监督员要求")
    assert again.panels == first.panels and again.pool_hash == first.pool_hash
    assert other.panels != first.panels
    history = draws.draw_history(demo, 1)
    assert [d.superseded for d in history] == [True, True, False]
    assert history[1].reason == "复核抽取过程"


def test_drawn_members_have_no_ground_and_meet_the_enterprise_third(demo):
    record = draws.draw_round(demo, "王秘书", 1, seed="42", witness="李监督")
    found = conflicts.round_conflicts(demo, 1)
    info = rounds.show_round(demo, 1)
    applications = {p["name"]: p["applications"] for p in info.panels}
    seen = set()
    for panel in record.panels:
        members = [m["expert"] for m in panel["members"]]
        assert len(members) == panel["size"]
        assert sum(m["enterprise"] for m in panel["members"]) >= enterprise_required(panel["size"])
        for expert in members:
            assert expert not in seen
            seen.add(expert)
            for number in applications[panel["name"]]:
                assert found.grounds_for(number, expert) == ()
        assert not set(panel["reserve"]) & set(members)


def test_a_second_draw_needs_a_reason(demo):
    draws.draw_round(demo, "王秘书", 1, seed="1", witness="李监督")
    with pytest.raises(RuleError, match="重新抽取的理由"):
        draws.draw_round(demo, "王秘书", 1, seed="2", witness="李监督")


def test_the_operator_cannot_witness_their_own_draw(demo):
    with pytest.raises(RuleError) as refused:
        draws.draw_round(demo, "王秘书", 1, seed="1", witness="王秘书")
    assert refused.value.code == "SEPARATION"


def test_generated_seed_is_shown_and_recorded(demo):
    record = draws.draw_round(demo, "王秘书", 1, seed=None, witness="李监督")
    assert record.seed_source == "generated" and record.seed.isdigit()
    assert draws.latest_draw(demo, 1).seed == record.seed


def test_an_impossible_panel_is_named_with_what_it_lacks(demo):
    info = rounds.create_round(demo, "王秘书", name="超大组", review_date=dt.date(2026, 12, 20),
                               method=Method("会议评审", "百分制"))
    first_panel = rounds.show_round(demo, 1).panels[0]
    rounds.add_panel(demo, "王秘书", info.id, name="巨型组", size=300, applications=first_panel["applications"][:2])
    rounds.open_round(demo, "王秘书", info.id)
    with pytest.raises(RuleError) as refused:
        draws.draw_round(demo, "王秘书", info.id, seed="1", witness="李监督")
    assert refused.value.code == "DRAW_INFEASIBLE" and "巨型组" in str(refused.value)
    assert draws.latest_draw(demo, info.id) is None
    assert rounds.show_round(demo, info.id).state == "opened"


def test_a_draft_round_cannot_be_drawn(demo):
    info = rounds.create_round(demo, "王秘书", name="未开启", review_date=dt.date(2026, 12, 20),
                               method=Method("会议评审", "百分制"))
    with pytest.raises(RuleError) as refused:
        draws.draw_round(demo, "王秘书", info.id, seed="1", witness="李监督")
    assert refused.value.code == "ROUND_STATE"


@pytest.mark.parametrize("stop_at", [1, 5])
def test_a_cancelled_draw_leaves_nothing_behind(demo, stop_at):
    """Cancel between loading and computing, and at the last moment before the save: both roll everything back."""
    audit_before = len(audit_entries(demo.session()))
    asked, heard = [], []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) >= stop_at

    with pytest.raises(draws.DrawCancelled, match="没有保存"):
        draws.draw_round(demo, "王秘书", 1, seed="1", witness="李监督", cancelled=cancelled,
                         progress=lambda done, total, what: heard.append((done, total)))
    assert draws.draw_history(demo, 1) == [] and draws.latest_draw(demo, 1) is None
    assert rounds.show_round(demo, 1).state == "opened"
    assert len(audit_entries(demo.session())) == audit_before
    assert heard == [(i, len(draws.STEPS)) for i in range(min(stop_at - 1, len(draws.STEPS)))]
    record = draws.draw_round(demo, "王秘书", 1, seed="1", witness="李监督", cancelled=lambda: False)
    assert record.id and rounds.show_round(demo, 1).state == "drawn"
