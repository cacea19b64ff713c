"""Scores at their boundaries: the round's one method, who may score (commitment, recusal, attendance, the panel
that sat), double entry by two operators, and the workbook round trip, all or nothing."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.domain.errors import RuleError, UserError
from desktop.services import draws, rounds, scores
from desktop.services.scores import ScoreInput
from desktop.services.uow import change, reading
from desktop.store.execution_tables import Score, ScoreEntry
from desktop.store.tables import Application, DeclaredConflict, Person
from tests.conftest import signed
from tests.execution_setup import confirmed_round, new_round

GOOD = "25,20,15,20"


@pytest.fixture
def seated(demo_workspace):
    return demo_workspace, confirmed_round(demo_workspace, without_commitment=1, absent=1)


def first_panel(root, panels):
    info = rounds.show_round(root, signed(root), 1)
    panel = info.panels[0]
    return panel["name"], panel["applications"], panels[panel["name"]]


def enter(root, expert, application, value=GOOD, who="王秘书", **extra):
    return scores.enter_scores(root, signed(root, who), 1, [ScoreInput(expert, application, value, extra.pop(
        "opinion", ""))], source="test", **extra)


def test_the_first_score_starts_scoring_and_keeps_the_opinion(seated):
    root, panels = seated
    name, apps, members = first_panel(root, panels)
    done = enter(root, members[2], apps[0], opinion="创新性突出，技术路线清楚")
    assert (done.entered, done.settled, done.state) == (1, 1, "scoring")
    sheet = scores.score_sheet(root, signed(root), 1, name)
    assert sheet.cells[(members[2], apps[0])] == {"value": GOOD, "opinion": "创新性突出，技术路线清楚",
                                                   "state": "settled"}
    assert [e.may_score for e in sheet.experts][:3] == [False, False, True]


@pytest.mark.parametrize("who,value,code", [(0, GOOD, "EXPERT_COMMITMENT"), (1, GOOD, "NO_SUBSTITUTE"),
                                            (2, "A", "ONE_METHOD"), (2, "同意", "ONE_METHOD")])
def test_a_score_the_rules_refuse_names_its_rule_and_writes_nothing(seated, who, value, code):
    root, panels = seated
    _, apps, members = first_panel(root, panels)
    with pytest.raises(RuleError) as refused:
        enter(root, members[who], apps[0], value)
    assert refused.value.code == code and str(refused.value).startswith(code)
    with reading(root) as session:
        assert session.exec(select(ScoreEntry)).all() == []


def test_recusal_holds_at_scoring(seated):
    root, panels = seated
    _, apps, members = first_panel(root, panels)
    with change(root, signed(root), "test.declare") as unit:  # a conflict heard on the confirmation call
        person = unit.session.exec(select(Person).where(Person.id_number == members[3])).one()
        app = unit.session.exec(select(Application).where(Application.number == apps[0])).one()
        unit.session.add(DeclaredConflict(person_id=person.id, application_id=app.id, reason="与申报单位有合作"))
    with pytest.raises(RuleError, match="^DECLARED") as refused:
        enter(root, members[3], apps[0])
    assert refused.value.code == "DECLARED"
    if len(apps) > 1:
        enter(root, members[3], apps[1])  # the other applications of the panel stay open to that expert


def test_an_expert_not_seated_on_the_panel_is_no_substitute(seated):
    root, panels = seated
    _, apps, _ = first_panel(root, panels)
    stranger = draws.latest_draw(root, signed(root), 1).panels[0]["reserve"][0]  # drawn, but only as a reserve
    with pytest.raises(RuleError, match="^NO_SUBSTITUTE"):
        enter(root, stranger, apps[0])


def test_one_bad_cell_refuses_the_whole_batch(seated):
    root, panels = seated
    _, apps, members = first_panel(root, panels)
    cells = [ScoreInput(members[2], apps[0], GOOD), ScoreInput(members[3], apps[0], "31,25,20,20")]
    with pytest.raises(UserError, match="满分30分"):
        scores.enter_scores(root, signed(root), 1, cells)
    with reading(root) as session:
        assert session.exec(select(Score)).all() == []


@pytest.fixture
def double(demo_workspace):
    round_id = new_round(demo_workspace, double_entry=True)
    members = confirmed_round(demo_workspace, round_id)["第1组"]
    apps = rounds.show_round(demo_workspace, signed(demo_workspace), round_id).panels[0]["applications"]
    return demo_workspace, round_id, members, apps


def test_double_entry_counts_a_score_only_when_two_operators_agree(double):
    root, round_id, members, apps = double
    cell = [ScoreInput(members[0], apps[0], GOOD, "意见一致")]
    first = scores.enter_scores(root, signed(root, "王秘书"), round_id, cell)
    again = scores.enter_scores(root, signed(root, "王秘书"), round_id, cell)  # the same operator corrects own pass
    assert (first.waiting, again.waiting, again.settled) == (1, 1, 0)
    blind = scores.score_sheet(root, signed(root, "秘书甲"), round_id, "第1组")
    assert blind.cells[(members[0], apps[0])]["value"] == ""  # the second pass does not see the first
    second = scores.enter_scores(root, signed(root, "秘书甲"), round_id, cell)
    assert second.settled == 1 and scores.differences(root, signed(root), round_id) == []


def test_every_difference_is_shown_and_counts_only_once_resolved(double):
    root, round_id, members, apps = double
    scores.enter_scores(root, signed(root, "王秘书"), round_id, [ScoreInput(members[1], apps[0], GOOD)])
    done = scores.enter_scores(root, signed(root, "秘书甲"), round_id, [ScoreInput(members[1], apps[0], "25,20,15,21")])
    assert done.settled == 0 and done.differences[0]["application"] == apps[0]
    [shown] = scores.differences(root, signed(root), round_id)
    assert [(e["by"], e["value"]) for e in shown["entries"]] == [("王秘书", GOOD), ("秘书甲", "25,20,15,21")]
    with pytest.raises(UserError, match="两遍录入已由王秘书和秘书甲完成"):
        scores.enter_scores(root, signed(root, "李秘书"), round_id, [ScoreInput(members[1], apps[0], GOOD)])
    scores.resolve_difference(root, signed(root, "李秘书"), round_id, members[1], apps[0], "25,20,15,21")
    assert scores.differences(root, signed(root), round_id) == []
    with reading(root) as session:
        assert [s.settled_by for s in session.exec(select(Score).where(Score.round_id == round_id))] == ["李秘书"]
