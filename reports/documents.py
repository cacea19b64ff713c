"""The documents PanelDesk prints, as plain values, and what each offers its template.

Each document names its template, the placeholder values (keys are the Chinese names a secretariat writes in the
template), the lists a template may repeat, the rows of its table, and the file name it is saved under. Nothing here
knows about rounds in the database: the services build these from their records.

An outcome notice holds the experts' opinions without their names (FEEDBACK): the type has nowhere to put a name,
so no name can reach an applicant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from reports.errors import ReportError
from reports.file_names import safe_name
from reports.templates import Fields


class DocumentError(ReportError, ValueError):
    """A document whose own data contradict each other or the round (ONE_METHOD, weights, dates)."""

_DIGITS = "零一二三四五六七八九"


def chinese_date(day: date | None) -> str:
    """GB/T 9704 writes dates in full with Arabic numerals and no leading zeros: 2026年5月8日."""
    return f"{day.year}年{day.month}月{day.day}日" if day else "    年  月  日"


def chinese_fraction(fraction: str) -> str:
    """'1/3' → 三分之一, as the quota is written on a sign-in sheet."""
    numerator, _, denominator = fraction.partition("/")
    if not (numerator.isdigit() and denominator.isdigit()):
        return fraction
    return f"{chinese_number(int(denominator))}分之{chinese_number(int(numerator))}"


def _period(start: date, end: date, what: str) -> None:
    if end < start:
        raise DocumentError(f"{what}的结束日期{chinese_date(end)}早于开始日期{chinese_date(start)}")


def chinese_number(n: int) -> str:
    """一 … 九十九, for labelling anonymised experts (专家一, 专家二, …)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class RoundInfo:
    name: str           # 2026年度省重点研发计划（第一批）项目评审
    programme: str      # 重点研发计划
    method: str         # 会议评审，百分制加权评分
    review_date: date
    organiser: str      # the secretariat as it signs: 省科学技术厅评审办公室
    venue: str = ""
    time: str = ""      # 评审时间 as the round gives it: 上午9:00
    scoring: str = ""   # the round's scoring (one of SCORINGS) when known: its score sheets must be of it

    def values(self) -> dict[str, str]:
        return {"轮次名称": self.name, "计划类别": self.programme, "评审方式": self.method,
                "评审日期": chinese_date(self.review_date), "评审地点": self.venue or "另行通知",
                "评审时间": self.time or "另行通知", "组织单位": self.organiser}


@dataclass(frozen=True)
class Document:
    """What every document shares; subclasses add their fields and override what they offer."""

    template: ClassVar[str]
    list_fields: ClassVar[dict[str, frozenset[str]]] = {}
    table_columns: ClassVar[frozenset[str]] = frozenset()
    page_signature: ClassVar[str] = ""  # a signature line printed at the foot of every page (score sheets)

    def values(self) -> dict[str, str]:
        raise NotImplementedError

    def lists(self) -> dict[str, list[dict[str, str]]]:
        return {}

    def rows(self) -> list[dict[str, str]]:
        return []

    def groups(self) -> dict[str, list[str]]:
        return {}

    def file_stem(self) -> str:
        raise NotImplementedError

    def template_name(self) -> str:
        return self.template

    def fields(self) -> Fields:
        return Fields(values=frozenset(self.values()), lists=dict(self.list_fields),
                      columns=self.table_columns, groups=frozenset(self.groups()))


@dataclass(frozen=True)
class ExpertCommitment(Document):
    """评审专家承诺书 (EXPERT_COMMITMENT): one per drawn panel member."""

    template: ClassVar[str] = "expert_commitment"
    round: RoundInfo
    panel: str
    expert_name: str
    expert_org: str = ""

    def values(self) -> dict[str, str]:
        return {**self.round.values(), "评审组": self.panel, "专家姓名": self.expert_name,
                "工作单位": self.expert_org}

    def file_stem(self) -> str:
        return safe_name("承诺书", self.panel, self.expert_name)


@dataclass(frozen=True)
class ApplicantCommitment(Document):
    """科研信用承诺书 (APPLICANT_COMMITMENT), signed by the applying unit and the principal investigator."""

    template: ClassVar[str] = "applicant_commitment"
    round: RoundInfo
    application_no: str
    application_title: str
    applicant_org: str
    credit_code: str
    pi_name: str

    def values(self) -> dict[str, str]:
        return {**self.round.values(), "项目编号": self.application_no, "项目名称": self.application_title,
                "申报单位": self.applicant_org, "统一社会信用代码": self.credit_code, "项目负责人": self.pi_name}

    def file_stem(self) -> str:
        return safe_name("信用承诺书", self.application_no, self.applicant_org)


@dataclass(frozen=True)
class OutcomeNotice(Document):
    """评审结果通知书 (FEEDBACK, APPEAL): the result, the score summary, anonymised opinions, how to appeal."""

    template: ClassVar[str] = "outcome_notice"
    list_fields: ClassVar[dict[str, frozenset[str]]] = {"专家意见": frozenset({"专家", "意见"})}
    round: RoundInfo
    application_no: str
    application_title: str
    applicant_org: str
    pi_name: str
    result: str                 # 拟立项 / 不予立项 / 列为非共识项目另行论证 …
    score_summary: str          # 有效评分5份，去掉一个最高分和一个最低分后平均 86.4 分
    opinions: tuple[str, ...]   # the experts' opinions in the order received; no names
    appeal_channel: str         # 书面申诉材料报送方式
    appeal_deadline: date
    notice_date: date

    def __post_init__(self):
        _period(self.notice_date, self.appeal_deadline, "申诉期")

    def values(self) -> dict[str, str]:
        return {**self.round.values(), "项目编号": self.application_no, "项目名称": self.application_title,
                "申报单位": self.applicant_org, "项目负责人": self.pi_name, "评审结果": self.result,
                "评分摘要": self.score_summary, "申诉方式": self.appeal_channel,
                "申诉截止日期": chinese_date(self.appeal_deadline), "通知日期": chinese_date(self.notice_date)}

    def lists(self) -> dict[str, list[dict[str, str]]]:
        return {"专家意见": [{"专家": f"专家{chinese_number(i)}", "意见": text}
                             for i, text in enumerate(self.opinions, 1)]}

    def file_stem(self) -> str:
        return safe_name("评审结果通知书", self.application_no, self.applicant_org)


_APPEAL_TITLES = {"accepted": "申诉（复核申请）受理通知书", "not_accepted": "申诉（复核申请）不予受理通知书",
                  "decided": "申诉（复核申请）处理决定书"}


@dataclass(frozen=True)
class AppealNotice(Document):
    """受理、不予受理通知书 and 处理决定书 of an appeal or a request for review (APPEAL, 002 第二十三条)."""

    template: ClassVar[str] = "appeal_notice"
    state: str          # accepted / not_accepted / decided
    appellant: str
    body: str           # what was asked, when, and what is decided, in whole sentences
    issuer: str
    notice_date: date
    number: str         # the appeal's number in the workspace

    def __post_init__(self):
        if self.state not in _APPEAL_TITLES:
            raise DocumentError(f"申诉的状态“{self.state}”没有对应的通知书")

    def values(self) -> dict[str, str]:
        return {"标题": _APPEAL_TITLES[self.state], "申请人": self.appellant, "正文": self.body,
                "组织单位": self.issuer, "通知日期": chinese_date(self.notice_date), "编号": self.number}

    def file_stem(self) -> str:
        return safe_name(_APPEAL_TITLES[self.state], self.number, self.appellant)


@dataclass(frozen=True)
class PublicityEntry:
    application_no: str
    application_title: str
    applicant_org: str
    pi_name: str


@dataclass(frozen=True)
class PublicityList(Document):
    """立项公示名单 (PUBLICITY): the proposed list, the notice period and where objections go."""

    template: ClassVar[str] = "publicity_list"
    table_columns: ClassVar[frozenset[str]] = frozenset({"序号", "项目编号", "项目名称", "申报单位", "项目负责人"})
    round: RoundInfo
    entries: tuple[PublicityEntry, ...]
    period_start: date
    period_end: date
    contact: str
    publish_date: date

    def __post_init__(self):
        _period(self.period_start, self.period_end, "公示期")

    def values(self) -> dict[str, str]:
        return {**self.round.values(), "公示开始日期": chinese_date(self.period_start),
                "公示结束日期": chinese_date(self.period_end), "联系方式": self.contact,
                "发布日期": chinese_date(self.publish_date), "项目数": str(len(self.entries))}

    def rows(self) -> list[dict[str, str]]:
        return [{"序号": str(i), "项目编号": e.application_no, "项目名称": e.application_title,
                 "申报单位": e.applicant_org, "项目负责人": e.pi_name} for i, e in enumerate(self.entries, 1)]

    def file_stem(self) -> str:
        return safe_name("立项公示名单", self.round.name)


ENTERPRISE = "企业专家"


@dataclass(frozen=True)
class PanelMember:
    name: str
    org: str = ""
    title: str = ""        # 职称
    kind: str = ""         # 企业专家 / 高校院所专家 …


@dataclass(frozen=True)
class SignInSheet(Document):
    """评审专家签到表 for one panel: names printed, arrival time and signature written by hand. A list of experts
    (CONFIDENTIAL): it is marked 内部资料 注意保密 with the account that made it and when (``made_by``, ``made_at``)."""

    template: ClassVar[str] = "sign_in_sheet"
    table_columns: ClassVar[frozenset[str]] = frozenset(
        {"序号", "姓名", "工作单位", "职称", "专家类别", "签到时间", "本人签名"})
    round: RoundInfo
    panel: str
    members: tuple[PanelMember, ...]
    enterprise_fraction: str = "1/3"   # ENTERPRISE_THIRD: the round's floor
    made_by: str = ""
    made_at: str = ""

    def values(self) -> dict[str, str]:
        enterprise = sum(m.kind == ENTERPRISE for m in self.members)
        return {**self.round.values(), "评审组": self.panel, "应到人数": str(len(self.members)),
                "企业专家人数": str(enterprise), "企业专家比例": chinese_fraction(self.enterprise_fraction),
                "制表人": self.made_by or "（未记录）", "制表时间": self.made_at or "（未记录）"}

    def rows(self) -> list[dict[str, str]]:
        return [{"序号": str(i), "姓名": m.name, "工作单位": m.org, "职称": m.title, "专家类别": m.kind,
                 "签到时间": "", "本人签名": ""} for i, m in enumerate(self.members, 1)]

    def file_stem(self) -> str:
        return safe_name("签到表", self.panel)


@dataclass(frozen=True)
class CallEntry:
    name: str
    mobile: str
    org: str = ""
    title: str = ""
    kind: str = ""         # 企业专家 or empty
    status: str = ""       # 待确认 / 已接受 …, as at printing


@dataclass(frozen=True)
class CallList(Document):
    """专家联系名单 for one panel: the invited experts in call order with their mobile numbers, a column for the
    outcome written by hand. A list of experts with their numbers (CONFIDENTIAL): marked 机密 with the account that
    printed it and when."""

    template: ClassVar[str] = "call_list"
    table_columns: ClassVar[frozenset[str]] = frozenset(
        {"序号", "姓名", "手机", "工作单位", "职称", "专家类别", "状态", "通话结果"})
    round: RoundInfo
    panel: str
    entries: tuple[CallEntry, ...]
    made_by: str = ""
    made_at: str = ""

    def values(self) -> dict[str, str]:
        return {**self.round.values(), "评审组": self.panel, "人数": str(len(self.entries)),
                "制表人": self.made_by or "（未记录）", "制表时间": self.made_at or "（未记录）"}

    def rows(self) -> list[dict[str, str]]:
        return [{"序号": str(i), "姓名": e.name, "手机": e.mobile, "工作单位": e.org, "职称": e.title,
                 "专家类别": e.kind, "状态": e.status, "通话结果": ""} for i, e in enumerate(self.entries, 1)]

    def file_stem(self) -> str:
        return safe_name("专家联系名单", self.panel)


@dataclass(frozen=True)
class Criterion:
    name: str
    points: float          # the criterion's share of 100 in a weighted method
    guidance: str = ""     # 评分要点


SCORINGS = ("weighted", "grade", "vote", "rank")
SHEET_NAMES = {"weighted": "百分制评分表", "grade": "等级评价表", "vote": "表决票", "rank": "排序表"}
OPINION_LINES = "\n\n\n"  # room to write an opinion by hand: four lines of the cell


def points(value: float) -> str:
    """A criterion's points as printed: at most two decimals (100/12 → 8.33)."""
    return f"{round(value, 2):g}"


@dataclass(frozen=True)
class ApplicationRef:
    application_no: str
    application_title: str


@dataclass(frozen=True)
class ScoreSheet(Document):
    """专家评分表 in the round's scoring (ONE_METHOD): weighted criteria, grades, a vote, or a ranking.

    The template is chosen by the scoring, so a sheet can only ever ask for the round's own kind of judgement.
    """

    template: ClassVar[str] = "score_sheet"
    list_fields: ClassVar[dict[str, frozenset[str]]] = {"评分指标": frozenset({"指标", "分值", "评分要点", "指标说明"})}
    table_columns: ClassVar[frozenset[str]] = frozenset(
        {"序号", "项目编号", "项目名称", "总分", "等级", "表决意见", "排序", "评审意见", "备注"})
    page_signature: ClassVar[str] = "评审专家（签字）："
    round: RoundInfo
    panel: str
    scoring: str                       # one of SCORINGS
    applications: tuple[ApplicationRef, ...]
    criteria: tuple[Criterion, ...] = ()
    expert_name: str = ""
    pass_fraction: str = "2/3"         # for a vote

    def __post_init__(self):
        if self.scoring not in SCORINGS:
            raise DocumentError(f"未知的评分方式：{self.scoring}（应为 {'、'.join(SCORINGS)} 之一）")
        if self.round.scoring and self.scoring != self.round.scoring:
            raise DocumentError(f"ONE_METHOD：评审轮次“{self.round.name}”的评审方式为{self.round.method}，"
                                f"不能使用{SHEET_NAMES[self.scoring]}")
        if self.scoring == "weighted":
            total = sum(c.points for c in self.criteria)
            if not self.criteria or abs(total - 100) > 1e-6:
                raise DocumentError(f"评分指标的分值之和应为100分，现为{total:g}分")

    def template_name(self) -> str:
        return f"score_sheet_{self.scoring}"

    def values(self) -> dict[str, str]:
        return {**self.round.values(), "评审组": self.panel, "专家姓名": self.expert_name or "",
                "通过比例": self.pass_fraction, "项目数": str(len(self.applications))}

    def lists(self) -> dict[str, list[dict[str, str]]]:
        return {"评分指标": [{"指标": c.name, "分值": points(c.points), "评分要点": c.guidance,
                              "指标说明": f"{c.name}（{points(c.points)}分）" + (f"：{c.guidance}" if c.guidance else "")}
                             for c in self.criteria]}

    def groups(self) -> dict[str, list[str]]:
        return {"评分指标": [f"{c.name}\n{points(c.points)}分" for c in self.criteria]}

    def rows(self) -> list[dict[str, str]]:
        return [{"序号": str(i), "项目编号": a.application_no, "项目名称": a.application_title,
                 "评审意见": OPINION_LINES} for i, a in enumerate(self.applications, 1)]

    def file_stem(self) -> str:
        return safe_name("评分表", self.panel, self.expert_name)
