"""CORRECTIONS through the services on a real workspace: a draft round and panels before the draw can be put
right, each as one audited change keeping before and after; what the draw depends on is fixed once it is made."""

import datetime as dt
import json

import pytest

from desktop.domain.corrections import BadValue, NeedsConfirmation
from desktop.domain.errors import RuleError
from desktop.domain.methods import Method, RoundSettings
from desktop.services import draws, rounds
from desktop.services.audit import entries
from desktop.store.workspace import open_workspace
from tests.conftest import signed

ACTOR = "王秘书"
FUTURE = dt.date.today() + dt.timedelta(days=30)


@pytest.fixture
def demo(demo_workspace):
    return open_workspace(demo_workspace)


def _last(workspace):
    entry = entries(workspace.session(), 1)[0]
    return entry.action, json.loads(entry.before or "null"), json.loads(entry.after or "null")


def _draft(demo, name="复审", programme="重点研发计划"):
    return rounds.create_round(demo, signed(demo, ACTOR), name=name, review_date=FUTURE, method=Method("会议评审", "百分制"),
                               programme=programme)


def test_a_draft_round_is_renamed_redated_and_reconfigured_with_before_and_after(demo):
    draft = _draft(demo)
    later = FUTURE + dt.timedelta(days=7)
    edited = rounds.edit_round(demo, signed(demo, ACTOR), draft.ref, name=" 复审（第二轮） ", review_date=later,
                               method=Method("通讯评审", "投票"), settings=RoundSettings(look_back_years=5))
    assert (edited.name, edited.review_date, edited.method["form"], edited.settings["look_back_years"]) == (
        "复审（第二轮）", later.isoformat(), "通讯评审", 5)
    action, before, after = _last(demo)
    assert action == "round.edit" and before["name"] == "复审" and after["name"] == "复审（第二轮）"
    assert before["review_date"] == FUTURE.isoformat() and after["method"]["form"] == "通讯评审"


def test_an_opened_round_is_not_corrected_nor_deleted(demo):
    with pytest.raises(RuleError) as refused:
        rounds.edit_round(demo, signed(demo, ACTOR), 1, name="改名")
    assert refused.value.code == "CORRECTIONS"
    with pytest.raises(RuleError) as frozen:
        rounds.edit_round(demo, signed(demo, ACTOR), 1, method=Method("通讯评审", "投票"))
    assert frozen.value.code == "ONE_METHOD"
    with pytest.raises(RuleError):
        rounds.delete_round(demo, signed(demo, ACTOR), 1)
    assert rounds.show_round(demo, signed(demo), 1).state == "opened"


def test_a_draft_round_is_deleted_with_its_panels_and_the_audit_keeps_it(demo):
    draft = _draft(demo)
    numbers = rounds.show_round(demo, signed(demo), 1).panels[0]["applications"]
    rounds.remove_panel(demo, signed(demo, ACTOR), 1, rounds.show_round(demo, signed(demo), 1).panels[0]["id"])
    rounds.add_panel(demo, signed(demo, ACTOR), draft.id, name="组一", size=5, applications=numbers)
    rounds.delete_round(demo, signed(demo, ACTOR), draft.ref)
    assert draft.id not in [r.id for r in rounds.list_rounds(demo, signed(demo))]
    action, before, after = _last(demo)
    assert action == "round.delete" and before["name"] == "复审" and before["panels"][0]["applications"] == numbers


def test_names_must_be_given_and_unique_in_the_programme_and_a_past_date_confirmed(demo):
    _draft(demo)
    with pytest.raises(BadValue, match="已有名为「复审」"):
        _draft(demo)
    assert _draft(demo, programme="自然科学基金").programme == "自然科学基金"  # another programme: allowed
    with pytest.raises(BadValue, match="不能为空"):
        _draft(demo, name="  ")
    yesterday = dt.date.today() - dt.timedelta(days=1)
    with pytest.raises(NeedsConfirmation, match="早于今天"):
        rounds.create_round(demo, signed(demo, ACTOR), name="补录", review_date=yesterday, method=Method("会议评审", "百分制"))
    made = rounds.create_round(demo, signed(demo, ACTOR), name="补录", review_date=yesterday, method=Method("会议评审", "百分制"),
                               confirm_past_date=True)
    assert made.review_date == yesterday.isoformat()


def test_panels_are_renamed_resized_emptied_refilled_and_removed_until_the_draw(demo):
    panel = rounds.show_round(demo, signed(demo), 1).panels[0]
    numbers = panel["applications"]
    with pytest.raises(BadValue, match="不能为空"):
        rounds.edit_panel(demo, signed(demo, ACTOR), 1, panel["id"], name=" ")
    changed = rounds.edit_panel(demo, signed(demo, ACTOR), 1, panel["id"], name="第一组", size=panel["size"] + 2, applications=[])
    assert (changed["name"], changed["size"], changed["applications"]) == ("第一组", panel["size"] + 2, [])
    action, before, after = _last(demo)
    assert action == "panel.edit" and before["applications"] == numbers and after["applications"] == []
    refilled = rounds.edit_panel(demo, signed(demo, ACTOR), 1, panel["id"], applications=numbers[:2])
    assert refilled["applications"] == numbers[:2]

    draws.draw_round(demo, signed(demo, ACTOR), 1, witness_digits="111111", witness=signed(demo, "李监督"))
    with pytest.raises(RuleError) as refused:
        rounds.edit_panel(demo, signed(demo, ACTOR), 1, panel["id"], size=3)
    assert refused.value.code == "CORRECTIONS"
    with pytest.raises(RuleError):
        rounds.remove_panel(demo, signed(demo, ACTOR), 1, panel["id"])
    assert rounds.show_round(demo, signed(demo), 1).panels[0]["size"] == panel["size"] + 2


def test_an_experts_record_is_corrected_in_one_audited_change(demo):
    from desktop.services import catalogue
    expert = catalogue.listing(demo, signed(demo), "experts")[0]
    fields = [expert["fields"][0]]
    changed = catalogue.edit_expert(demo, signed(demo, ACTOR), expert["id_number"].lower(), mobile="139 0000 1111",
                                    email="new@example.cn", title="研究员", fields=fields, status="inactive")
    assert (changed["mobile"], changed["email"], changed["title"], changed["fields"], changed["status"]) == (
        "13900001111", "new@example.cn", "研究员", fields, "inactive")
    action, before, after = _last(demo)
    assert action == "expert.edit" and before["status"] == expert["status"] and after["status"] == "inactive"
    assert before["mobile"] == expert["mobile"] and after["mobile"] == "13900001111"
    with pytest.raises(BadValue, match="手机"):
        catalogue.edit_expert(demo, signed(demo, ACTOR), expert["id_number"], mobile="12345")
    with pytest.raises(BadValue, match="状态"):
        catalogue.edit_expert(demo, signed(demo, ACTOR), expert["id_number"], status="gone")
    assert catalogue.detail(demo, signed(demo), "experts", expert["id_number"])["mobile"] == "13900001111"


def test_an_organisations_name_and_type_are_corrected(demo):
    from desktop.services import catalogue
    org = catalogue.listing(demo, signed(demo), "organisations")[0]
    changed = catalogue.edit_organisation(demo, signed(demo, ACTOR), org["credit_code"], name="更名后的单位", kind="高校")
    assert (changed["name"], changed["kind"]) == ("更名后的单位", "高校")
    action, before, after = _last(demo)
    assert action == "organisation.edit" and before["name"] == org["name"] and after["kind"] == "高校"
    with pytest.raises(BadValue, match="单位类型"):
        catalogue.edit_organisation(demo, signed(demo, ACTOR), org["credit_code"], kind="公司")


def test_the_command_line_corrects_rounds_panels_and_experts(demo, capsys):
    from desktop.cli import main

    def run(*argv):
        code = main(["--workspace", str(demo.root), "--operator", ACTOR, *argv, "--json"])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if code == 0 else err)

    draft = _draft(demo)
    code, edited = run("round", "edit", "--round", str(draft.id), "--name", "改名", "--look-back-years", "5")
    assert code == 0 and edited["name"] == "改名" and edited["settings"]["look_back_years"] == 5
    assert edited["settings"]["panel_size"] == draft.settings["panel_size"]  # what was not given stays
    panel = rounds.show_round(demo, signed(demo), 1).panels[0]
    code, changed = run("panel", "edit", "--round", "1", "--panel", str(panel["id"]), "--size", "9")
    assert code == 0 and changed["size"] == 9 and changed["applications"] == panel["applications"]
    code, _ = run("panel", "remove", "--round", "1", "--panel", str(panel["id"]))
    assert code == 0 and panel["id"] not in [p["id"] for p in rounds.show_round(demo, signed(demo), 1).panels]
    code, err = run("round", "delete", "--round", "1")
    assert code != 0 and "草稿" in err
    code, _ = run("round", "delete", "--round", str(draft.id))
    assert code == 0
    from desktop.services import catalogue
    expert = catalogue.listing(demo, signed(demo), "experts")[0]["id_number"]
    code, changed = run("expert", "edit", "--expert", expert, "--status", "inactive")
    assert code == 0 and changed["status"] == "inactive"


def test_the_conflicts_the_window_asks_about_follow_a_correction(demo):
    """The conflicts kept for the window's questions are those of the workspace as it is: a change made since
    is in the next answer."""
    from desktop.services import catalogue, conflicts
    first = conflicts.round_conflicts(demo, signed(demo), 1)
    assert conflicts.round_conflicts(demo, signed(demo), 1) is first  # nothing changed: kept
    active = next(e for e, x in first.experts.items() if x.active)
    catalogue.edit_expert(demo, signed(demo, ACTOR), active, status="inactive")
    again = conflicts.round_conflicts(demo, signed(demo), 1)
    assert again is not first and not again.experts[active].active
