"""Misconduct records and measures (RULES.md MISCONDUCT_RECORD, MEASURES): the violations as 002 第九至十三条 list
them for each kind of subject, the measures of 第十八条, and what a record entered in the window must hold.

A record is entered by choosing its violation and its measures from these lists, so the record names the article
and item it rests on. Measures (五) and (六) suspend the subject's eligibility to undertake, take part in or review
projects, or limit its applications: they run for a penalty period (惩戒期), and only a record with a period
excludes through INTEGRITY; a warning or a criticism has no period and is shown, excluding nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.errors import RuleError

REVIEW_REQUEST_DAYS = 15  # 002 第二十二条: a review may be requested within 15 working days of the notification

NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六",
            "十七")

# 002 第九至十三条: who the subject is, and what each kind of subject may be recorded for
VIOLATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "第九条": ("项目承担(申报)人员", (
        "未履行项目任务书、合同等约定的主要义务,影响项目正常开展",
        "在项目的申报、评审、实施、验收、监督检查和评估评价等活动中提供虚假材料",
        "买卖、代写论文或项目申请书,虚构同行评议专家或评议意见",
        "夸大研究基础、学术价值或科技成果的技术价值、社会经济效益,隐瞒技术风险,造成负面影响或财政资金损失",
        "未按规定及时报告项目中的重大事项",
        "违反回避原则、署名原则、限项要求",
        "违反科技伦理等管理规定或相关要求",
        "组织、实施、协助“打招呼”“走关系”等请托行为",
        "虚报、冒领、挪用、套取财政科研资金",
        "擅自降低合同约定的目标任务要求",
        "提交项目实施周期外成果、不相关成果或虚假成果",
        "抄袭、剽窃、侵占、篡改他人科学技术成果,编造科学技术成果,侵犯他人知识产权等",
        "滥用人工智能等手段编造项目相关资料、成果等",
        "不配合项目监督检查、评估评价等监管工作,不整改、虚假整改或整改未达到要求",
        "违反国家科学技术活动保密相关规定",
        "开展危害国家安全、损害社会公共利益、危害人体健康的科学技术活动",
        "法律、行政法规、部门规章或规范性文件规定的其他相关违规行为")),
    "第十条": ("项目承担(申报)单位", (
        "未履行项目任务书、合同等约定的主要义务,影响项目正常开展",
        "未履行管理、监督职责或履行不到位,造成负面影响或财政资金损失",
        "未按规定及时报告项目中的重大事项",
        "在项目的申报、评审、实施、验收、监督检查和评估评价等活动中提供虚假材料",
        "违规转包、分包科研任务",
        "违反科技伦理等管理规定或相关要求",
        "调查和处理不及时、不到位,未按规定汇交数据",
        "组织、协助、实施“打招呼”“走关系”等请托",
        "截留、挤占、挪用、套取、转移、私分财政科研资金",
        "隐瞒、迁就、包庇、纵容或参与本单位人员的违法违规活动",
        "无正当理由拒不按约定配套自筹资金",
        "不配合项目监督检查、评估评价等监管工作,不整改、虚假整改或整改未达到要求",
        "违反国家科学技术活动保密相关规定",
        "开展危害国家安全、损害社会公共利益、危害人体健康的科学技术活动",
        "法律、行政法规、部门规章或规范性文件规定的其他相关违规行为")),
    "第十一条": ("评审专家", (
        "未遵守项目组织方规定的工作要求或未履行签订的工作承诺",
        "违反回避要求,故意隐瞒利益关系或冲突",
        "未经许可复制、泄露、留存、使用相关评审账号、材料",
        "采取不正当手段获取评审专家资格",
        "组织、协助、接受“打招呼”“走关系”等请托,或未按规定及时报告收到的请托事项",
        "引导、游说其他专家或工作人员,影响咨询、评审、评估、评价、监督检查过程和结果",
        "利用评审专家身份谋取不当利益",
        "出具不当的咨询、评审、评估、评价、监督检查意见",
        "泄露咨询评审过程中需保密的信息或敏感信息",
        "无正当理由缺席或擅自委托他人顶替",
        "在情况不掌握、内容不了解的意见建议上署名签字等行为",
        "抄袭、剽窃被评审对象的科学技术成果",
        "不配合项目监督检查等监管工作",
        "违反国家科学技术活动保密相关规定",
        "法律、行政法规、部门规章或规范性文件规定的其他相关违规行为")),
    "第十二条": ("管理机构、服务机构", (
        "未履行委托协议、任务合同等约定的主要义务,影响受托工作正常开展",
        "未履行管理、监督职责或履行不到位,造成负面影响或财政资金损失",
        "未按规定及时报告受托工作中的重大事项",
        "擅自委托他方代替提供科学技术活动相关服务",
        "捏造数据、提供虚假材料",
        "违反回避要求,故意隐瞒利益关系或冲突",
        "采取不正当手段获得管理、服务资格",
        "隐瞒、包庇、纵容或参与项目中相关单位或人员的违法违规行为",
        "干预评审活动或向评审专家施加倾向性影响",
        "泄露需保密的申报材料、专家名单、专家意见、评审结论和立项安排等相关信息和其他敏感信息",
        "利用“补充合同”“阴阳合同”等方式变相提高服务费用",
        "不配合科技项目监督检查、评估评价等监管工作,不整改、虚假整改或整改未达到要求",
        "违反国家科学技术活动保密相关规定",
        "法律、行政法规、部门规章或规范性文件规定的其他相关违规行为")),
    "第十三条": ("管理机构、服务机构工作人员", (
        "未按合同、协议等履行应尽义务或未按规定程序、标准等提供科学技术活动相关服务,影响科学技术活动正常开展",
        "违反回避要求,故意隐瞒利益关系或冲突",
        "索取、收受利益相关方财物或利用服务便利谋取不当利益",
        "出具虚假或失实结论",
        "提供学术论文及其实验数据、项目申报材料等的买卖、代写、代投服务",
        "滥用职权、徇私舞弊、设租寻租,利用组织科技项目之便为本单位、项目承担(申报)单位、项目承担(申报)人员谋取不正当利益",
        "组织、协助、接受“打招呼”“走关系”请托等",
        "不配合科学技术活动监督检查、评估评价等监管工作",
        "违反国家科学技术活动保密相关规定",
        "法律、行政法规、部门规章或规范性文件规定的其他相关违规行为")),
}
ORGANISATION_ARTICLES = ("第十条", "第十二条")  # subjects that are units, named by credit code

# 002 第十八条
MEASURES = (
    "警告、诫勉谈话",
    "责令限期整改",
    "在一定范围内或公开通报批评",
    "暂停项目执行或取消项目立项,核减、停拨或追回项目经费",
    "取消一定期限内承担或参与省级财政资金支持的科学技术活动的资格、评审资格",
    "限制、减少科研诚信不良的单位、个人申报项目",
    "撤销奖励或荣誉称号,追回奖金",
    "对涉嫌违反党纪政纪、违法犯罪的,依法依规移交有关机关处理",
)
SUSPENDING = (5, 6)  # 第十八条(五)(六): suspend reviewing, undertaking or applying, for a penalty period
RESTRICTS_APPLYING = (5, 6)


def item_ref(article: str, item: int) -> str:
    return f"{article}({NUMERALS[item - 1]})"


def measure_ref(item: int) -> str:
    return f"({NUMERALS[item - 1]})"


def measure_items(text: str) -> tuple[int, ...]:
    """The 第十八条 items a record's measure_items column names, e.g. "(五);(六)" → (5, 6)."""
    refs = [measure_ref(i) for i in range(1, len(MEASURES) + 1)]
    return tuple(refs.index(part) + 1 for part in text.split(";") if part in refs)


@dataclass(frozen=True)
class Entered:
    """A record as the secretariat enters it: the violation and the measures chosen from 002's lists."""
    subject_name: str
    subject_code: str
    subject_is_unit: bool
    article: str
    item: int
    measures: tuple[int, ...]
    penalty_start: dt.date | None
    penalty_end: dt.date | None
    decided_by: str
    basis: str
    decision_date: dt.date
    notified_on: dt.date | None = None
    project_name: str = ""
    project_number: str = ""

    @property
    def violation(self) -> str:
        return VIOLATIONS[self.article][1][self.item - 1]

    @property
    def violation_ref(self) -> str:
        return item_ref(self.article, self.item)

    @property
    def measure_texts(self) -> tuple[str, ...]:
        return tuple(MEASURES[i - 1] for i in self.measures)


def check_entered(record: Entered) -> None:
    """Refuse a record that 002 would not allow, naming what is wrong."""
    if record.article not in VIOLATIONS:
        raise RuleError("MISCONDUCT_RECORD", f"MISCONDUCT_RECORD 失信行为应选自002第九至十三条（现为{record.article}）")
    who, items = VIOLATIONS[record.article]
    if not 1 <= record.item <= len(items):
        raise RuleError("MISCONDUCT_RECORD", f"MISCONDUCT_RECORD {record.article}只有{len(items)}项，没有第{record.item}项")
    if record.subject_is_unit != (record.article in ORGANISATION_ARTICLES):
        kind = "统一社会信用代码" if record.article in ORGANISATION_ARTICLES else "身份证号"
        raise RuleError("MISCONDUCT_RECORD", f"MISCONDUCT_RECORD {record.article}是{who}的失信行为，责任主体应以{kind}记录")
    for text, value in (("责任主体名称", record.subject_name), ("处理单位", record.decided_by)):
        if not value.strip():
            raise RuleError("MISCONDUCT_RECORD", f"MISCONDUCT_RECORD 请填写{text}")
    if not record.measures or any(not 1 <= m <= len(MEASURES) for m in record.measures):
        raise RuleError("MEASURES", "MEASURES 请从002第十八条的八项中选择至少一项惩戒措施")
    suspending = [m for m in record.measures if m in SUSPENDING]
    has_period = record.penalty_start is not None or record.penalty_end is not None
    if suspending and (record.penalty_start is None or record.penalty_end is None):
        raise RuleError("MEASURES", f"MEASURES 第十八条{measure_ref(suspending[0])}的措施有期限：请填写惩戒期的开始和结束日期")
    if has_period and not suspending:
        raise RuleError("MEASURES", "MEASURES 只有第十八条(五)(六)的措施有惩戒期；所选措施没有期限，请不填惩戒期")
    if record.penalty_start and record.penalty_end and record.penalty_end < record.penalty_start:
        raise RuleError("MEASURES", f"MEASURES 惩戒期的结束日期 {record.penalty_end} 早于开始日期 {record.penalty_start}")
    if record.penalty_start and record.penalty_start < record.decision_date:
        raise RuleError("MEASURES", f"MEASURES 惩戒期不能早于处理决定日期 {record.decision_date} 开始")
    if record.notified_on and record.notified_on < record.decision_date:
        raise RuleError("MISCONDUCT_RECORD", f"MISCONDUCT_RECORD 通报日期 {record.notified_on} 早于处理决定日期 "
                                             f"{record.decision_date}")


def in_force(start: dt.date | None, end: dt.date | None, repaired_on: dt.date | None, day: dt.date) -> bool:
    """Whether a penalty period holds on ``day``: both ends inclusive (an open end still runs), and an approved
    credit repair ends it from its date on (002 第二十六条(四))."""
    if start is None and end is None:
        return False
    if repaired_on is not None and day >= repaired_on:
        return False
    return (start is None or start <= day) and (end is None or day <= end)


def restricting(measures_text: str, measure_item_text: str) -> bool:
    """Whether a record restricts applications (APPLICANT_INTEGRITY, 第十八条(五)(六)): by the items chosen in the
    window, or, for an imported record, by its measures' words."""
    chosen = measure_items(measure_item_text)
    if chosen:
        return any(m in RESTRICTS_APPLYING for m in chosen)
    words = measures_text.split(";")
    return any(w in (MEASURES[4], MEASURES[5]) or "申报" in w or "承担" in w for w in words)


def choices(articles: Iterable[str] = VIOLATIONS) -> list[dict]:
    """The violations for a chooser: each article's subject and its numbered items."""
    return [{"article": a, "subject": VIOLATIONS[a][0],
             "items": [{"item": i, "ref": item_ref(a, i), "text": t} for i, t in enumerate(VIOLATIONS[a][1], 1)]}
            for a in articles]
