"""Outcome notices from the approved results (FEEDBACK): opinions that name a member, an organisation or a phone
number are blocked with the match shown until corrected (the original kept); the rest are shuffled per notice,
labelled 专家一… and printed with the appeal deadline counted in working days."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from sqlmodel import select

from desktop.domain import feedback as rules
from desktop.domain.errors import RuleError
from desktop.services import feedback, signing
from desktop.services.uow import reading
from desktop.store.after_review_tables import OpinionCorrection
from tests.after_review_setup import approved_round, people
from tests.conftest import signed

D = dt.date


@pytest.fixture
def demo_workspace(confirmed_demo):
    """The demo with its round confirmed through the services, a copy of the run's template (tests/conftest.py)."""
    return confirmed_demo


def test_the_check_catches_a_name_an_organisation_an_id_and_phone_numbers():
    names, orgs = ["欧阳明远", "李娜"], ["山东大学", "济南华泰新材料有限公司"]
    found = rules.identifying("本人（山东大学 欧阳明远）认为该项目创新性突出，可联系13905311234或0531-88361234。",
                              names, orgs)
    assert {(m.kind, m.text) for m in found} == {("专家姓名", "欧阳明远"), ("工作单位", "山东大学"),
                                                 ("电话号码", "13905311234"), ("电话号码", "0531-88361234")}
    assert [m.text for m in rules.identifying("与济南华泰新材料的合作基础较好", names, orgs)] == ["济南华泰新材料"]
    assert [m.kind for m in rules.identifying("身份证370102198503121234核验无误", names, orgs)] == ["身份证号"]
    assert rules.identifying("项目负责人李明具备完成能力，建议支持。", names, orgs) == []


def test_the_order_is_shuffled_per_notice_and_the_same_from_the_same_record():
    opinions = [f"意见{i}" for i in range(7)]
    first = rules.shuffled(opinions, rules.notice_seed("abc", "2026KJ0001"))
    assert first == rules.shuffled(opinions, rules.notice_seed("abc", "2026KJ0001"))
    assert sorted(first) == opinions
    others = {tuple(rules.shuffled(opinions, rules.notice_seed("abc", f"2026KJ{n:04d}"))) for n in range(2, 8)}
    assert len(others | {tuple(first)}) > 1 and any(order != tuple(opinions) for order in others)


@pytest.fixture
def naming(demo_workspace):
    """Approved results where the first expert signs an opinion with name and organisation, and the second leaves
    a phone number."""
    def opinion(i, j, who):
        if (i, j) == (0, 0):
            return f"本人（{who[0][1]} {who[0][0]}）认为该项目创新性突出，建议资助。"
        if (i, j) == (1, 1):
            return "技术路线可行，如有疑问可联系13905311234。"
        return f"研究基础较好，预期成果明确（意见{i}-{j}）。"
    members, apps = approved_round(demo_workspace, opinion)
    return demo_workspace, members, apps


def test_notices_are_refused_while_an_opinion_names_someone_and_made_once_corrected(naming, tmp_path):
    root, members, apps = naming
    name, org = people(root, members)[members[0]]
    blocked = [o for o in feedback.opinions(root, signed(root), 1) if o.matches]
    assert {(o.application, m.text) for o in blocked for m in o.matches} == {
        (apps[0], name), (apps[0], org), (apps[1], "13905311234")}
    with pytest.raises(RuleError, match=f"^FEEDBACK 2条专家意见不能发给申报单位：.*项目 {apps[0]} 的一条意见含有专家姓名“{name}”"):
        feedback.generate_outcome_notices(root, signed(root), 1, tmp_path / "out", sign=False,
                                          notice_date=D(2026, 12, 18))
    assert not (tmp_path / "out").exists()
    with pytest.raises(RuleError, match="^FEEDBACK"):
        feedback.correct_opinion(root, signed(root), 1, members[0], apps[0], f"{name}认为该项目创新性突出。")
    feedback.correct_opinion(root, signed(root), 1, members[0], apps[0], "该项目创新性突出，建议资助。")
    feedback.correct_opinion(root, signed(root), 1, members[1], apps[1], "技术路线可行。")
    with reading(root) as session:
        kept = {c.corrected: c.original for c in session.exec(select(OpinionCorrection))}
    assert kept["该项目创新性突出，建议资助。"] == f"本人（{org} {name}）认为该项目创新性突出，建议资助。"
    signing.create_identity(root, signed(root), "省科学技术厅评审办公室")
    paths = feedback.generate_outcome_notices(root, signed(root), 1, tmp_path / "out", sign=True,
                                              notice_date=D(2026, 12, 18))
    assert len(paths) == len(apps)
    text = "".join(page.extract_text() for page in PdfReader(
        next(p for p in paths if apps[0] in p.name)).pages).replace("\n", "")
    assert "该项目创新性突出，建议资助。" in text and name not in text and org not in text
    assert "专家一" in text and "专家七" in text
    assert "2027年1月11日" in text  # 15 working days from Friday 18 December 2026, 1 January 2027 a holiday
    assert "13905311234" not in "".join(page.extract_text() for p in paths for page in PdfReader(p).pages)


def test_the_notices_labels_follow_a_shuffled_order(demo_workspace):
    root = demo_workspace
    members, apps = approved_round(root, lambda i, j, who: f"第{i}位专家对第{j}个项目的意见。")
    notices = feedback.outcome_notices(root, signed(root), 1, D(2026, 12, 18), D(2027, 1, 11))
    orders = [[int(o[1]) for o in n.opinions] for n in notices]
    assert all(sorted(order) == list(range(len(members))) for order in orders)
    assert any(order != sorted(order) for order in orders)
    assert notices[0].result in ("推荐立项", "未获推荐立项") and "有效评分7份" in notices[0].score_summary
