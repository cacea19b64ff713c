"""Scores at their boundaries: the round's one method, who may score (commitment, recusal, attendance, the panel
that sat), double entry by two operators, and the workbook round trip, all or nothing."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from sqlmodel import select

from desktop.domain.errors import RuleError, UserError
from desktop.services import audit_log, draws, rounds, score_workbook as scores_workbook, scores
from desktop.services.importing.run import ImportRejected
from desktop.services.scores import ScoreInput
from desktop.services.uow import change, reading
from desktop.store.execution_tables import Score, ScoreEntry
from desktop.store.tables import Application, DeclaredConflict, Person
from desktop.store.workspace import open_workspace
from tests.conftest import signed
from tests.execution_setup import confirmed_round, new_round

GOOD = "25,20,15,20"


@pytest.fixture
def seated(confirmed_workspace):
    """The demo round confirmed, the first member without a commitment and the second absent."""
    root = confirmed_workspace(without_commitment=1, absent=1)
    return root, confirmed_round(root, without_commitment=1, absent=1)


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


def fill(template, out, values):
    """The template as a secretary fills it: ``values`` maps (row index from 0, column header) to a cell's text."""
    book = openpyxl.load_workbook(template)
    sheet = book["评分表"]
    headers = [c.value for c in sheet[1]]
    for (row, header), value in values.items():
        sheet.cell(row + 2, headers.index(header) + 1, value)
    book.save(out)
    return out


def test_a_template_filled_and_imported_counts_every_score(seated, tmp_path):
    root, panels = seated
    name, apps, members = first_panel(root, panels)
    made = scores_workbook.export_template(root, signed(root), 1, name, tmp_path / "模板.xlsx")
    assert made["rows"] == len(members) * len(apps)
    criteria = [c for c in openpyxl.load_workbook(tmp_path / "模板.xlsx")["评分表"][1]][5:9]
    row = 2 * len(apps)  # the third member's first application: present and committed
    filled = fill(tmp_path / "模板.xlsx", tmp_path / "已填.xlsx",
                  {**{(row, c.value): v for c, v in zip(criteria, (28, 22, 17.5, 20))}, (row, "评审意见"): "同意立项"})
    done = scores_workbook.import_scores(root, signed(root), 1, filled)
    assert (done.entered, done.settled, done.state) == (1, 1, "scoring")
    cell = scores.score_sheet(root, signed(root), 1, name).cells[(members[2], apps[0])]
    assert cell["value"] == "28,22,17.5,20" and cell["opinion"] == "同意立项"


def test_an_import_with_one_bad_cell_writes_nothing_and_names_file_row_and_column(seated, tmp_path):
    root, panels = seated
    name, apps, members = first_panel(root, panels)
    scores_workbook.export_template(root, signed(root), 1, name, tmp_path / "模板.xlsx")
    headers = [c.value for c in openpyxl.load_workbook(tmp_path / "模板.xlsx")["评分表"][1]]
    good = {(r, h): v for r in (2 * len(apps), 3 * len(apps)) for h, v in zip(headers[5:9], (25, 20, 15, 20))}
    bad = {**good, (3 * len(apps), headers[5]): 35}  # out of 30 points
    with pytest.raises(ImportRejected) as rejected:
        scores_workbook.import_scores(root, signed(root), 1, fill(tmp_path / "模板.xlsx", tmp_path / "错.xlsx", bad))
    [problem] = rejected.value.problems
    assert (problem.file, problem.sheet, problem.row) == ("错.xlsx", "评分表", 3 * len(apps) + 2)
    assert "满分30分" in problem.reason and problem.column == headers[5] and problem.value == "35"
    with reading(root) as session:
        assert session.exec(select(ScoreEntry)).all() == [] and rounds.show_round(root, signed(root), 1).state == "confirmed"


def test_an_imported_row_of_another_method_or_an_absent_expert_is_refused(seated, tmp_path):
    root, panels = seated
    name, apps, members = first_panel(root, panels)
    scores_workbook.export_template(root, signed(root), 1, name, tmp_path / "模板.xlsx")
    headers = [c.value for c in openpyxl.load_workbook(tmp_path / "模板.xlsx")["评分表"][1]]
    values = {**{(len(apps), h): v for h, v in zip(headers[5:9], (25, 20, 15, 20))},  # the absent member
              **{(2 * len(apps), h): v for h, v in zip(headers[5:9], ("A", 20, 15, 20))}}
    with pytest.raises(ImportRejected) as rejected:
        scores_workbook.import_scores(root, signed(root), 1, fill(tmp_path / "模板.xlsx", tmp_path / "错.xlsx", values))
    reasons = [(p.row, p.column, p.reason.split()[0]) for p in rejected.value.problems]
    assert reasons == [(len(apps) + 2, "专家身份证号", "NO_SUBSTITUTE"), (2 * len(apps) + 2, headers[5], "ONE_METHOD")]


def test_scores_written_in_bulk_keep_the_tamper_digests_exact(double):
    """Scores are written without the per-row digest triggers (desktop.store.digests.bulk): new, changed and
    dropped scores still leave the audit log's digests exactly as the rows are, and a row edited outside is named."""
    root, round_id, members, apps = double
    cells = [ScoreInput(m, a, GOOD) for m in members[:3] for a in apps[:2]]
    scores.enter_scores(root, signed(root, "王秘书"), round_id, cells)
    scores.enter_scores(root, signed(root, "秘书甲"), round_id, cells)  # agreed: settled
    scores.enter_scores(root, signed(root, "王秘书"), round_id, [ScoreInput(members[0], apps[0], "25,20,15,21")])
    assert audit_log.verify_log(root, signed(root, "审计员")).intact  # an entry changed, a settled score dropped
    with sqlite3.connect(open_workspace(root).db_path) as db:
        db.execute("UPDATE score_entry SET value = replace(value, '25', '30') WHERE id = 1")
    problems = audit_log.verify_log(root, signed(root, "审计员")).problems
    assert [p["table"] for p in problems] == ["score_entry"]


def test_a_template_of_another_round_is_named_before_the_rows_checked_after_it(seated, tmp_path):
    """The 说明 sheet comes after the rows, which are checked as they are read: its round is still named first."""
    root, panels = seated
    name, apps, members = first_panel(root, panels)
    scores_workbook.export_template(root, signed(root), 1, name, tmp_path / "模板.xlsx")
    headers = [c.value for c in openpyxl.load_workbook(tmp_path / "模板.xlsx")["评分表"][1]]
    filled = fill(tmp_path / "模板.xlsx", tmp_path / "他轮.xlsx",
                  {(2 * len(apps), h): v for h, v in zip(headers[5:9], (31, 20, 15, 20))})
    book = openpyxl.load_workbook(filled)
    book["说明"]["A2"] = 2
    book.save(filled)
    with pytest.raises(ImportRejected) as rejected:
        scores_workbook.import_scores(root, signed(root), 1, filled)
    assert [(p.row, p.column) for p in rejected.value.problems] == [(None, "评审轮次编号"),
                                                                    (2 * len(apps) + 2, headers[5])]


def test_an_imported_row_against_a_declared_conflict_is_refused_and_the_experts_other_rows_pass(seated, tmp_path):
    """The grounds are worked out once per expert and panel for a large sheet: an expert with a ground against one
    application of the panel is still checked application by application."""
    root, panels = seated
    name, apps, members = first_panel(root, panels)
    with change(root, signed(root), "test.declare") as unit:
        person = unit.session.exec(select(Person).where(Person.id_number == members[3])).one()
        app = unit.session.exec(select(Application).where(Application.number == apps[0])).one()
        unit.session.add(DeclaredConflict(person_id=person.id, application_id=app.id, reason="与申报单位有合作"))
    scores_workbook.export_template(root, signed(root), 1, name, tmp_path / "模板.xlsx")
    headers = [c.value for c in openpyxl.load_workbook(tmp_path / "模板.xlsx")["评分表"][1]]
    rows = {(3 * len(apps) + i, h): v for i in range(len(apps)) for h, v in zip(headers[5:9], (25, 20, 15, 20))}
    with pytest.raises(ImportRejected) as rejected:
        scores_workbook.import_scores(root, signed(root), 1, fill(tmp_path / "模板.xlsx", tmp_path / "回避.xlsx", rows))
    assert [(p.row, p.column, p.reason.split()[0]) for p in rejected.value.problems] == [
        (3 * len(apps) + 2, "专家身份证号", "DECLARED")]
    rest = {(row, h): v for (row, h), v in rows.items() if row != 3 * len(apps)}
    done = scores_workbook.import_scores(root, signed(root), 1, fill(tmp_path / "模板.xlsx", tmp_path / "余.xlsx", rest))
    assert done.settled == len(apps) - 1
