"""Every ground of RULES.md §2 with its boundary cases, and the panel views built on them."""

import datetime as dt
import json

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from desktop.domain.errors import RuleError, UserError
from desktop.domain.grounds import GroundCode, SOURCES, explain
from desktop.domain.methods import RoundSettings
from desktop.domain.pool import (
    Application, Declared, Expert, IntegrityRecord, Lobbying, Pool, Relation, Requested, RoundCase, Stay, TeamMember,
)
from desktop.domain.recusal import compute_conflicts

REVIEW = dt.date(2026, 6, 15)
APPLICANT = "91440300192203821X"
PARTNER = "91110000MA01ABCD2Y"
OTHER_ORG = "91370000MA3C00000Q"

E = "E1"  # the expert under test
LEAD = TeamMember("P1", "张三", "负责人", APPLICANT)
CORE = TeamMember("P2", "李四", "骨干", PARTNER)


def application(number="A1", field="5201020", team=(LEAD, CORE), **kw):
    return Application(number, f"项目{number}", field, kw.pop("applicant_org", APPLICANT),
                       kw.pop("partner_orgs", (PARTNER,)), team)


def expert(person=E, fields=("5201010",), enterprise=None, active=True):
    return Expert(person, f"专家{person}", fields, enterprise, active)


def conflicts(*, apps=None, settings=RoundSettings(), panel_of=None, experts=None, **pool):
    apps = apps or (application(),)
    case = RoundCase(REVIEW, settings, tuple(apps), panel_of or {a.number: "G1" for a in apps})
    return compute_conflicts(Pool(tuple(experts or (expert(),)), **pool), case)


def codes(result, app="A1", who=E):
    return [g.code for g in result.grounds_for(app, who)]


def test_no_facts_no_grounds():
    assert codes(conflicts()) == []


# --- SELF ------------------------------------------------------------------------------------------------------

def test_team_member_of_the_application_is_self():
    result = conflicts(apps=[application(team=(LEAD, TeamMember(E, "专家E1", "骨干")))])
    [ground] = result.grounds_for("A1", E)
    assert ground.code == "SELF" and ground.facts["role"] == "骨干" and ground.facts["other_application"] is None


def test_team_member_of_another_application_in_the_same_panel_is_self():
    own = application("A2", team=(TeamMember(E, "专家E1", "负责人"),))
    result = conflicts(apps=[application("A1"), own, application("A3")], panel_of={"A1": "G1", "A2": "G1", "A3": "G2"})
    [ground] = result.grounds_for("A1", E)
    assert ground.code == "SELF" and ground.facts["other_application"] == "A2" and ground.facts["role"] == "负责人"
    assert codes(result, "A3") == []
    assert "A2" in explain(ground)


# --- SAME_ORG --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("to_year,counts", [(2023, True), (2022, False), (None, True), (2026, True)])
def test_same_org_look_back_edge(to_year, counts):
    result = conflicts(stays=(Stay(E, APPLICANT, "某某公司", 2015, to_year),))
    assert (codes(result) == ["SAME_ORG"]) is counts


def test_stay_starting_after_the_review_year_does_not_count():
    assert codes(conflicts(stays=(Stay(E, APPLICANT, "某某公司", 2027, None),))) == []


def test_same_org_matches_by_code_not_by_name():
    renamed = conflicts(stays=(Stay(E, APPLICANT, "旧名称研究所", 2020, 2024),))
    [ground] = renamed.grounds_for("A1", E)
    assert ground.code == "SAME_ORG" and ground.facts["org"] == APPLICANT and ground.facts["org_role"] == "申报单位"
    namesake = conflicts(stays=(Stay(E, OTHER_ORG, "项目A1申报单位同名公司", 2020, 2024),))
    assert codes(namesake) == []


def test_an_undated_stay_gives_way_to_the_dated_history_of_the_same_organisation():
    """专家任职于山东理工大学 with no years survives no longer once the history shows he left it in 2018."""
    stays = (Stay(E, APPLICANT, "山东理工大学", None, None), Stay(E, APPLICANT, "山东理工大学", 2010, 2018),
             Stay(E, OTHER_ORG, "某某公司", 2018, None))
    assert codes(conflicts(stays=stays)) == []
    assert codes(conflicts(stays=stays[:1])) == ["SAME_ORG"]  # without a dated history the column's stay binds
    assert codes(conflicts(stays=(stays[0], Stay(E, OTHER_ORG, "某某公司", 2018, None)))) == ["SAME_ORG"]


def test_same_org_partner_and_explanation():
    result = conflicts(stays=(Stay(E, PARTNER, "某某大学", 2021, 2024),))
    [ground] = result.grounds_for("A1", E)
    assert ground.facts["org_role"] == "合作单位"
    text = explain(ground)
    assert text.startswith("SAME_ORG 同单位：专家2021—2024年任职于某某大学（统一社会信用代码91110000MA01ABCD2Y）")
    assert "合作单位" in text and SOURCES[GroundCode.SAME_ORG] in text


# --- relations -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [(E, "P1"), ("P1", E)])
def test_relations_bind_both_ways(a, b):
    result = conflicts(relations=(Relation(a, b, "近亲属", note="配偶"),))
    [ground] = result.grounds_for("A1", E)
    assert ground.code == "RELATIVE" and ground.facts["other_name"] == "张三" and ground.facts["other_role"] == "负责人"
    assert "配偶" in explain(ground)


def test_relative_outside_the_window_does_not_count():
    assert codes(conflicts(relations=(Relation(E, "P2", "近亲属", 2000, 2022),))) == []


@pytest.mark.parametrize("include,expected", [(False, []), (True, ["RELATIVE"])])
def test_in_laws_only_with_the_setting(include, expected):
    settings = RoundSettings(include_in_laws=include)
    assert codes(conflicts(settings=settings, relations=(Relation("P2", E, "姻亲"),))) == expected


def test_advisor_at_any_time():
    result = conflicts(relations=(Relation(E, "P2", "师生", 1990, 1995),))
    assert codes(result) == ["ADVISOR"]


@pytest.mark.parametrize("to_year,counts", [(2023, True), (2022, False), (None, True)])
def test_collaborator_within_the_window(to_year, counts):
    result = conflicts(relations=(Relation("P1", E, "合作", 2018, to_year, "合作论文"),))
    assert (codes(result) == ["COLLABORATOR"]) is counts


def test_unknown_relation_kind_is_refused():
    with pytest.raises(UserError, match="未知的关系类型「朋友」") as error:
        conflicts(relations=(Relation(E, "P1", "朋友"),))
    assert not isinstance(error.value, RuleError)  # no rule of RULES.md is at stake: the data is wrong


# --- declared, requested, lobbying ---------------------------------------------------------------------------

def test_declared():
    result = conflicts(declared=(Declared(E, "A1", "曾指导申请人"),))
    [ground] = result.grounds_for("A1", E)
    assert ground.code == "DECLARED" and "曾指导申请人" in explain(ground)


def test_requested_beyond_the_maximum_are_warnings():
    experts = [expert(f"E{i}") for i in range(1, 6)]
    requests = tuple(Requested("A1", f"E{i}", f"理由{i}", order=i) for i in (5, 3, 1, 4, 2))
    result = conflicts(experts=experts, requested=requests)
    assert [e for e in sorted(result.for_application("A1"))] == ["E1", "E2", "E3"]
    assert len(result.warnings) == 2 and "第4位" in result.warnings[0] and "专家E5" in result.warnings[1]
    limited = conflicts(experts=experts, requested=requests, settings=RoundSettings(max_requested_exclusions=1))
    assert list(limited.for_application("A1")) == ["E1"]


@pytest.mark.parametrize("accepted", [False, True])
def test_lobbying(accepted):
    apps = [application("A1"), application("A2")]
    result = conflicts(apps=apps, lobbying=(Lobbying(E, "A1", dt.date(2026, 6, 1), "电话请托", accepted),))
    assert codes(result, "A1") == ["LOBBIED"]
    assert codes(result, "A2") == (["LOBBIED"] if accepted else [])
    assert ("本轮全部项目均须回避" in explain(result.grounds_for("A2", E)[0])) if accepted else True


# --- INTEGRITY -------------------------------------------------------------------------------------------------

def record(start, end):
    return IntegrityRecord("R1", E, "专家E1", "抄袭剽窃", "暂停评审资格两年", start, end, "省科技厅", "第十八条",
                           dt.date(2025, 1, 1))


@pytest.mark.parametrize("start,end,excluded", [
    (dt.date(2024, 1, 1), REVIEW - dt.timedelta(days=1), False),
    (dt.date(2024, 1, 1), REVIEW, True),
    (REVIEW, dt.date(2027, 1, 1), True),
    (REVIEW + dt.timedelta(days=1), None, False),
    (dt.date(2024, 1, 1), None, True),
])
def test_integrity_penalty_period_inclusive(start, end, excluded):
    result = conflicts(apps=[application("A1"), application("A2")], integrity=(record(start, end),))
    assert codes(result, "A1") == codes(result, "A2") == (["INTEGRITY"] if excluded else [])
    assert result.notes == {}


def test_integrity_record_without_period_is_a_note():
    result = conflicts(integrity=(record(None, None),))
    assert codes(result) == [] and result.notes[E][0]["record_id"] == "R1"


def test_integrity_explanation_has_the_record():
    ground = conflicts(integrity=(record(dt.date(2025, 1, 1), None),)).grounds_for("A1", E)[0]
    text = explain(ground)
    assert "R1" in text and "抄袭剽窃" in text and "2025-01-01至今" in text
    json.dumps(ground.to_dict(), ensure_ascii=False)


# --- FIELD and the panel views ------------------------------------------------------------------------------

def test_field_ground_at_level_two():
    result = conflicts(apps=[application(field="52020")])
    [ground] = result.grounds_for("A1", E)
    assert ground.code == "FIELD" and ground.facts["level"] == 2
    assert "5位" in explain(ground)
    assert codes(conflicts(apps=[application(field="520")])) == []


def test_eligible_for_panel_is_field_of_every_application_minus_every_ground():
    experts = [expert("E1", ("5201010",)), expert("E2", ("520",)), expert("E3", ("52020",)),
               expert("E4", ("520",), active=False), expert("E5", ("52010",)),
               expert("E6", ("52010", "630"))]
    apps = [application("A1", field="5201020"), application("A2", field="52010"), application("A3", field="630")]
    result = conflicts(apps=apps, experts=experts, panel_of={"A1": "G1", "A2": "G1", "A3": "G2"},
                       stays=(Stay("E5", PARTNER, "某某大学", 2020, None),))
    assert result.eligible_for_panel("G1") == ["E1", "E2", "E6"]
    assert result.eligible_for_panel("G1", required_fields=("5201010",)) == ["E1", "E2", "E6"]
    assert result.eligible_for_panel("G1", required_fields=("63011",)) == ["E6"]
    assert set(result.panel_exclusions("G1")) == {"E5"}
    assert result.panel_exclusions("G1")["E5"][0].facts["application"] in {"A1", "A2"}
    assert result.eligible_for_panel("G2") == ["E6"]


def test_round_grounds_reach_every_panel():
    apps = [application("A1"), application("A2")]
    result = conflicts(apps=apps, panel_of={"A1": "G1", "A2": "G2"}, integrity=(record(REVIEW, None),))
    assert result.eligible_for_panel("G1") == result.eligible_for_panel("G2") == []
    assert [g.code for g in result.panel_exclusions("G2")[E]] == ["INTEGRITY"]


def test_every_ground_explains_itself():
    apps = [application("A1", field="630"), application("A2", team=(TeamMember(E, "专家E1", "骨干"),))]
    result = conflicts(
        apps=apps,
        stays=(Stay(E, APPLICANT, "某某公司", None, None),),
        relations=(Relation(E, "P1", "近亲属"), Relation(E, "P1", "师生"), Relation(E, "P2", "合作", 2024, 2024)),
        declared=(Declared(E, "A1", "利益相关"),), requested=(Requested("A1", E, "竞争关系", 1),),
        lobbying=(Lobbying(E, "A1", dt.date(2026, 5, 1), "", False),), integrity=(record(None, REVIEW),))
    grounds = result.grounds_for("A1", E)
    assert {g.code for g in grounds} == set(GroundCode)
    for ground in grounds:
        text = explain(ground)
        assert text.startswith(ground.code + " ") and "依据：" in text
        assert json.loads(json.dumps(ground.to_dict(), ensure_ascii=False))["code"] == ground.code



# --- the indexed joins agree with the pairwise definition ----------------------------------------------------

people = st.sampled_from([f"E{i}" for i in range(6)] + [f"P{i}" for i in range(4)])
orgs = st.sampled_from([APPLICANT, PARTNER, OTHER_ORG])
years = st.one_of(st.none(), st.integers(2018, 2027))
fields = st.sampled_from(["520", "52010", "5201020", "52020", "630"])


@st.composite
def rounds(draw):
    experts = [Expert(f"E{i}", f"专家{i}", tuple(draw(st.lists(fields, min_size=1, max_size=2))), draw(st.booleans()),
                      draw(st.booleans())) for i in range(6)]
    apps = [Application(f"A{i}", "t", draw(fields), draw(orgs), tuple(draw(st.lists(orgs, max_size=1))),
                        tuple(TeamMember(p, p, r) for p, r in draw(st.lists(st.tuples(people, st.sampled_from(
                            ["负责人", "骨干"])), max_size=2)))) for i in range(4)]
    pool = Pool(tuple(experts),
                stays=tuple(draw(st.lists(st.builds(Stay, people, orgs, st.just("x"), years, years), max_size=6))),
                relations=tuple(draw(st.lists(st.builds(Relation, people, people, st.sampled_from(
                    ["近亲属", "姻亲", "师生", "合作"]), years, years), max_size=6))),
                declared=tuple(draw(st.lists(st.builds(Declared, people, st.sampled_from(["A0", "A1"]), st.just("r")),
                                             max_size=2))))
    panel_of = {a.number: draw(st.sampled_from(["G1", "G2"])) for a in apps}
    return pool, RoundCase(REVIEW, RoundSettings(), tuple(apps), panel_of)


@hyp_settings(max_examples=200)
@given(rounds())
def test_eligibility_equals_no_ground_for_any_application_of_the_panel(round_):
    pool, case = round_
    result = compute_conflicts(pool, case)
    for panel in ("G1", "G2"):
        numbers = [n for n, p in case.panel_of.items() if p == panel]
        expected = [e.person for e in pool.experts
                    if e.active and not any(result.grounds_for(n, e.person) for n in numbers)]
        assert result.eligible_for_panel(panel) == expected
        assert set(result.panel_exclusions(panel)) == {
            e.person for e in pool.experts for n in numbers
            if any(g.code != "FIELD" for g in result.grounds_for(n, e.person))}
    for n in case.panel_of:
        by_app = result.for_application(n)
        for e in pool.experts:
            assert by_app.get(e.person, ()) == tuple(g for g in result.grounds_for(n, e.person) if g.code != "FIELD")


# --- the current organisation and ENTERPRISE_THIRD ------------------------------------------------------------

KINDS = {APPLICANT: "企业", PARTNER: "高校", OTHER_ORG: "高校"}


def _status(experts, stays, year=2026):
    from desktop.domain.employers import classify_experts
    return classify_experts(experts, stays, KINDS, year)


def test_the_current_organisation_is_the_dated_stay_covering_the_year():
    from desktop.domain.employers import current_organisations
    stays = [Stay(E, PARTNER, "某某大学", None, None), Stay(E, PARTNER, "某某大学", 2010, 2018),
             Stay(E, APPLICANT, "某某公司", 2018, None), Stay("E2", OTHER_ORG, "某研究所", None, None),
             Stay("E3", APPLICANT, "某某公司", 2000, 2020)]
    assert current_organisations(stays, 2026) == {E: APPLICANT, "E2": OTHER_ORG}
    assert current_organisations(stays, 2015) == {E: PARTNER, "E2": OTHER_ORG, "E3": APPLICANT}
    assert current_organisations(list(reversed(stays)), 2015) == current_organisations(stays, 2015)


def test_enterprise_standing_follows_the_current_organisation_unless_stated():
    history = [Stay(E, PARTNER, "某某大学", 2010, 2018), Stay(E, APPLICANT, "某某公司", 2018, None)]
    assert _status([(E, None, "")], history)[E].counts
    assert not _status([(E, None, "")], history, year=2015)[E].counts  # at the university then
    assert not _status([(E, False, "")], history)[E].counts  # the column says 否
    at_university = [Stay(E, PARTNER, "某某大学", 2010, None)]
    unexplained = _status([(E, True, "")], at_university)[E]
    assert not unexplained.counts and "未说明理由" in unexplained.basis
    explained = _status([(E, True, "兼任企业总工程师")], at_university)[E]
    assert explained.counts and explained.explicit and "兼任企业总工程师" in explained.basis


def test_the_round_classifies_every_expert_for_its_review_year():
    result = conflicts(experts=(expert(), expert("E2")), org_kinds=KINDS,
                       stays=(Stay(E, OTHER_ORG, "某某大学", 2010, 2018), Stay(E, APPLICANT, "某某公司", 2019, None),
                              Stay("E2", PARTNER, "某某大学", 2019, None)))
    assert result.enterprise[E].counts and not result.enterprise["E2"].counts


def test_an_import_ends_the_undated_stay_the_column_no_longer_names_and_adds_the_new_one():
    from desktop.domain.employers import settle_undated
    rows = [(1, E, "UNI", None, None), (2, E, "ENT", 2025, None), (3, "E2", "LAB", None, None),
            (4, "E3", "UNI", None, None), (5, "E3", "UNI", 2010, 2018)]
    changes = settle_undated(rows, {E: "ENT", "E2": "LAB", "E3": "ENT", "E4": "LAB"})
    assert changes.end == (1,) and changes.drop == (4,) and set(changes.add) == {("E3", "ENT"), ("E4", "LAB")}
    settled = [(3, "E2", "LAB", None, None), (2, E, "ENT", 2025, None), (1, E, "UNI", None, 2026),
               (5, "E3", "UNI", 2010, 2018), (6, "E3", "ENT", None, None), (7, "E4", "LAB", None, None)]
    again = settle_undated(settled, {E: "ENT", "E2": "LAB", "E3": "ENT", "E4": "LAB"})
    assert again.add == again.end == again.drop == ()
