"""Applicants' unsuitable-expert lists, declared conflicts, recorded requests and integrity records.

Integrity records come in three sorts in turn (a penalty covering the review year, one already over, a warning
without a period), so even a small data set has each sort INTEGRITY must tell apart.
"""

from __future__ import annotations

import datetime as dt
import random

from desktop.synthetic.experts import REVIEW_YEAR
from desktop.synthetic.fields import project_title
from desktop.synthetic.model import Application, Exclusion, Expert, IntegrityRecord, Organisation, Person

_UNSUITABLE_REASONS = (
    "存在学术竞争关系", "与项目负责人存在学术观点分歧", "近三年与申报单位存在同业竞争关系", "曾与申报单位存在经济纠纷",
    "与项目组存在技术路线之争", "所在单位与申报单位存在知识产权纠纷",
)
_DECLARED_REASONS = (
    "本人曾参与该项目前期研究工作", "与项目负责人曾为同一课题组成员", "与申报单位存在技术服务合同关系",
    "本人所在团队与申报单位有在研合作项目", "与项目负责人为大学同学，关系密切",
)
_REQUEST_NOTES = (
    "项目负责人电话联系请求关照，专家当即拒绝并向评审办公室报告", "申报单位人员登门拜访，专家未接受并报告",
    "经核查，专家评审前与项目负责人有微信往来并接受关照请求", "第三方人员代为打招呼，专家评审前主动报告",
)
_PERSON_VIOLATIONS = (
    "在项目申报中提供虚假材料", "买卖、代写项目申请书", "抄袭、剽窃他人科学技术成果", "违反回避原则、署名原则、限项要求",
    "虚报、冒领、挪用、套取财政科研资金", "组织、实施“打招呼”“走关系”等请托行为",
)
_EXPERT_VIOLATIONS = (
    "违反回避要求，故意隐瞒利益关系", "泄露咨询评审过程中需保密的信息", "接受“打招呼”“走关系”等请托",
    "无正当理由缺席或擅自委托他人顶替", "利用评审专家身份谋取不当利益",
)
_ORG_VIOLATIONS = (
    "在项目申报中提供虚假材料", "违规转包、分包科研任务", "截留、挤占、挪用财政科研资金", "无正当理由拒不按约定配套自筹资金",
)
_RECORD_FIELDS = ("520", "550", "530", "410", "320", "610")
_BASES = ("《山东省省级科技计划项目科研诚信管理办法》第十八条", "《科学技术活动违规行为处理暂行规定》")


def unsuitable(rng: random.Random, app: Application, experts: list[Expert]) -> list[Exclusion]:
    """Zero to three experts of the panel's field the applicant asks to keep away, each with a reason."""
    count = min(len(experts), rng.choices((0, 1, 2, 3), (50, 25, 15, 10))[0])
    return [Exclusion(app.number, e.person.id_number, rng.choice(_UNSUITABLE_REASONS))
            for e in rng.sample(experts, count)]


def declared(rng: random.Random, app: Application, expert: Expert) -> Exclusion:
    return Exclusion(app.number, expert.person.id_number, rng.choice(_DECLARED_REASONS))


def requested(rng: random.Random, app: Application, expert: Expert) -> Exclusion:
    """A recorded request; about one in five was accepted, which excludes the expert from the whole round."""
    note = rng.choice(_REQUEST_NOTES)
    accepted = "是" if "接受关照" in note else "否"
    day = dt.date(REVIEW_YEAR, rng.randint(3, 5), rng.randint(1, 28))
    return Exclusion(app.number, expert.person.id_number, note, day.isoformat(), accepted)


def integrity(rng: random.Random, n: int, experts: list[Expert], members: list[Person],
              organisations: list[Organisation]) -> list[IntegrityRecord]:
    """``n`` records on experts, team members and applicant organisations, the three sorts in turn."""
    seniors = [p for p in members if p.born.year <= 1985]  # old enough for a past project
    records = []
    for i in range(n):
        who = rng.random()
        if who < 0.5 and experts:
            person = rng.choice(experts).person
            subject, code, violation = person.name, person.id_number, rng.choice(_EXPERT_VIOLATIONS)
            lasting = ("取消评审专家资格",)
        elif who < 0.85 and seniors:
            person = rng.choice(seniors)
            subject, code, violation = person.name, person.id_number, rng.choice(_PERSON_VIOLATIONS)
            lasting = ("限制项目申报资格",)
        else:
            org = rng.choice(organisations)
            subject, code, violation = org.name, org.credit_code, rng.choice(_ORG_VIOLATIONS)
            lasting = ("限制项目申报资格", "追回项目经费")
        records.append(_record(rng, i % 3, subject, code, violation, lasting))
    return records


def _record(rng: random.Random, sort: int, subject: str, code: str, violation: str,
            lasting: tuple[str, ...]) -> IntegrityRecord:
    if sort == 2:
        decided = dt.date(rng.randint(2019, REVIEW_YEAR - 1), rng.randint(1, 12), rng.randint(1, 28))
        measures, start, end = rng.choice((("警告",), ("通报批评",), ("警告", "通报批评"))), "", ""
    else:
        if sort == 0:  # the penalty covers the review year
            decided = dt.date(rng.randint(REVIEW_YEAR - 3, REVIEW_YEAR - 1), rng.randint(1, 12), rng.randint(1, 28))
            years = REVIEW_YEAR - decided.year + rng.randint(1, 3)
        else:  # the penalty is over
            decided = dt.date(rng.randint(2015, REVIEW_YEAR - 4), rng.randint(1, 12), rng.randint(1, 28))
            years = rng.randint(1, REVIEW_YEAR - 1 - decided.year)
        stop = decided.replace(year=decided.year + years) - dt.timedelta(days=1)
        measures = ("通报批评", *lasting) if rng.random() < 0.5 else lasting
        start, end = decided.isoformat(), stop.isoformat()
    project_year = decided.year - rng.randint(1, 3)
    number = f"{project_year}KJ{rng.randint(1, 3000):04d}"
    return IntegrityRecord(subject, code, project_title(rng, rng.choice(_RECORD_FIELDS)), number,
                           violation, measures, start, end, "山东省科学技术厅", rng.choice(_BASES),
                           decided.isoformat())
