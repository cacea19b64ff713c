"""Re-imports that change an employer or an organisation's type, end to end through the real import of real
spreadsheets: SAME_ORG follows the dated history and ENTERPRISE_THIRD the current organisation's type."""

import datetime as dt

from desktop.domain.methods import Method
from desktop.services import catalogue, conflicts, rounds
from desktop.services.importing.run import import_files
from tests.spreadsheets import credit_code, id_number, workbook
from tests.conftest import signed

UNI, ENT, OTHER = credit_code(2, "12"), credit_code(1), credit_code(3)
EXPERT = id_number(1)
THIS_YEAR = dt.date.today().year
ORGS = [["山东理工大学", UNI, "高校"], ["济南华信精密机械有限公司", ENT, "企业"], ["青岛海洋仪器有限公司", OTHER, "企业"]]
FIELDS = [["520", "计算机科学技术", None], ["52020", "人工智能", "520"]]


def _expert(org_name, org, enterprise=None, reason=None):
    return ["张三", EXPERT, "13800000001", None, "教授", org_name, org, "52020", enterprise, reason]


def _applications():
    """One application by the university, one by the enterprise, one by neither."""
    return {"项目": [["2026KJ0001", "大学的项目", "52020", "山东理工大学", UNI, None],
                   ["2026KJ0002", "企业的项目", "52020", "济南华信精密机械有限公司", ENT, None],
                   ["2026KJ0003", "别家的项目", "52020", "青岛海洋仪器有限公司", OTHER, None]],
            "项目成员": [["2026KJ0001", "负责人甲", id_number(11), "负责人", UNI],
                     ["2026KJ0002", "负责人乙", id_number(12), "负责人", ENT],
                     ["2026KJ0003", "负责人丙", id_number(13), "负责人", OTHER]]}


def _import(workspace, path, **sheets):
    import_files(workspace, [workbook(path, sheets)], signed(workspace, "tester"))


def _round(workspace, year):
    number = len(rounds.list_rounds(workspace, signed(workspace))) + 1
    info = rounds.create_round(workspace, signed(workspace, "tester"), name=f"{year}年度第{number}轮", review_date=dt.date(year, 6, 15),
                               method=Method("会议评审", "百分制"), confirm_past_date=True)
    rounds.add_panel(workspace, signed(workspace, "tester"), info.id, name="第一组", size=1,
                     applications=["2026KJ0001", "2026KJ0002", "2026KJ0003"])
    return conflicts.round_conflicts(workspace, signed(workspace), info.id)


def _same_org(found, number):
    return [g.facts["org"] for g in found.grounds_for(number, EXPERT) if g.code == "SAME_ORG"]


def test_a_stale_employer_column_gives_way_to_the_dated_history(workspace, tmp_path):
    """The issue's case: 工作单位 still says 山东理工大学 with no years, the history says he left it in 2018 and works
    at an enterprise since; a 2026 round must not exclude him from the university's application."""
    _import(workspace, tmp_path / "pool.xlsx", 单位=ORGS, 学科=FIELDS, 专家=[_expert("山东理工大学", UNI)],
            任职经历=[[EXPERT, "山东理工大学", UNI, 2010, 2018], [EXPERT, "济南华信精密机械有限公司", ENT, 2018, None]],
            **_applications())
    found = _round(workspace, 2026)
    assert _same_org(found, "2026KJ0001") == []
    assert _same_org(found, "2026KJ0002") == [ENT]
    assert found.enterprise[EXPERT].counts and "济南华信精密机械有限公司" in found.enterprise[EXPERT].basis
    [listed] = catalogue.listing(workspace, signed(workspace), "experts")
    assert listed["enterprise"] is True
    history = catalogue.detail(workspace, signed(workspace), "experts", EXPERT)["history"]
    assert [(h["credit_code"], h["from_year"], h["to_year"]) for h in history] == [(UNI, 2010, 2018),
                                                                                   (ENT, 2018, None)]


def test_a_new_dated_employer_ends_the_old_undated_stay(workspace, tmp_path):
    _import(workspace, tmp_path / "first.xlsx", 单位=ORGS, 学科=FIELDS, 专家=[_expert("山东理工大学", UNI)],
            **_applications())
    before = _round(workspace, 2026)
    assert _same_org(before, "2026KJ0001") == [UNI] and not before.enterprise[EXPERT].counts

    _import(workspace, tmp_path / "second.xlsx", 专家=[_expert("济南华信精密机械有限公司", ENT)],
            任职经历=[[EXPERT, "济南华信精密机械有限公司", ENT, THIS_YEAR, None]])
    history = catalogue.detail(workspace, signed(workspace), "experts", EXPERT)["history"]
    assert {(h["credit_code"], h["from_year"], h["to_year"]) for h in history} == {
        (ENT, THIS_YEAR, None), (UNI, None, THIS_YEAR)}  # the old stay ends this year: it is not forgotten
    now = _round(workspace, THIS_YEAR)
    assert _same_org(now, "2026KJ0001") == [UNI]  # worked there within the look-back window
    assert now.enterprise[EXPERT].counts
    later = _round(workspace, THIS_YEAR + 4)
    assert _same_org(later, "2026KJ0001") == [] and _same_org(later, "2026KJ0002") == [ENT]

    _import(workspace, tmp_path / "again.xlsx", 专家=[_expert("济南华信精密机械有限公司", ENT)],
            任职经历=[[EXPERT, "济南华信精密机械有限公司", ENT, THIS_YEAR, None]])
    assert catalogue.detail(workspace, signed(workspace), "experts", EXPERT)["history"] == history  # the same rows change nothing


def test_re_registering_the_enterprise_as_a_university_ends_its_experts_enterprise_standing(workspace, tmp_path):
    _import(workspace, tmp_path / "first.xlsx", 单位=ORGS, 学科=FIELDS,
            专家=[_expert("济南华信精密机械有限公司", ENT),
                ["李四", id_number(2), None, None, "研究员", "济南华信精密机械有限公司", ENT, "52020", "是", "兼任企业技术负责人"]],
            **_applications())
    found = _round(workspace, 2026)
    assert found.enterprise[EXPERT].counts and found.enterprise[id_number(2)].counts

    _import(workspace, tmp_path / "second.xlsx", 单位=[["济南华信精密机械有限公司", ENT, "高校"]])
    again = _round(workspace, 2026)
    assert not again.enterprise[EXPERT].counts and "高校" in again.enterprise[EXPERT].basis
    explicit = again.enterprise[id_number(2)]
    assert explicit.counts and "兼任企业技术负责人" in explicit.basis  # the 企业专家 column said so, with its reason
    listed = {e["id_number"]: e for e in catalogue.listing(workspace, signed(workspace), "experts")}
    assert listed[EXPERT]["enterprise"] is False and listed[id_number(2)]["enterprise"] is True
    assert "兼任企业技术负责人" in listed[id_number(2)]["enterprise_basis"]
    for number in (EXPERT, id_number(2)):  # one expert's detail, read from that expert's history alone, agrees
        shown = catalogue.detail(workspace, signed(workspace), "experts", number)
        assert (shown["enterprise"], shown["enterprise_basis"]) == (listed[number]["enterprise"],
                                                                    listed[number]["enterprise_basis"])
