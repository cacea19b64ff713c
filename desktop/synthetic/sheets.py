"""The import contract: which sheets, their Chinese headers in order, and the rows of a data set for each.

Cells are strings, integers (years) or None (empty). Identifiers (ID numbers, credit codes, field codes, mobiles,
project numbers) and dates are strings, so a spreadsheet keeps their leading zeros and all eighteen digits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop.synthetic.experts import REVIEW_YEAR
from desktop.synthetic.model import Dataset

Cell = str | int | None
LIST_SEPARATOR = "；"


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: tuple[str, ...]
    rows: Callable[[Dataset], Iterable[tuple[Cell, ...]]]

    def text_columns(self) -> list[int]:
        """Columns whose cells look like numbers but are not: a spreadsheet must keep them as text."""
        marks = ("身份证号", "代码", "手机", "编号", "日期", "惩戒开始", "惩戒结束")
        return [i for i, h in enumerate(self.headers) if any(m in h for m in marks)]


def _organisations(d: Dataset):
    return ((o.name, o.credit_code, o.kind) for o in d.organisations)


def _fields(d: Dataset):
    return ((f.code, f.name, f.parent) for f in d.fields)


ENTERPRISE_REASON = "兼任企业技术负责人"  # an explicit 是 at an organisation that is not an enterprise needs one


def _experts(d: Dataset):
    for e in d.experts:
        p, org = e.person, e.organisation
        reason = ENTERPRISE_REASON if e.enterprise == "是" and org.kind != "企业" else None
        yield (p.name, p.id_number, p.mobile, p.email, e.title, org.name, org.credit_code,
               LIST_SEPARATOR.join(e.fields), e.enterprise or None, reason)


def _stays(d: Dataset):
    """Each stay under the name its organisation had when the stay ended, as a CV would give it."""
    for e in d.experts:
        for s in e.stays:
            org = s.organisation
            yield e.person.id_number, org.name_in(s.end or REVIEW_YEAR), org.credit_code, s.start, s.end


def _relations(d: Dataset):
    return ((r.a, r.b, r.kind, r.start, r.end, r.note) for r in d.relations())


def _integrity(d: Dataset):
    for r in d.integrity:
        yield (r.subject, r.code, r.project_title, r.project_number, r.violation, LIST_SEPARATOR.join(r.measures),
               r.start or None, r.end or None, r.unit, r.basis, r.decided)


def _applications(d: Dataset):
    for a in d.applications:
        partners = LIST_SEPARATOR.join(p.credit_code for p in a.partners) or None
        yield a.number, a.title, a.field, a.applicant.name, a.applicant.credit_code, partners


def _members(d: Dataset):
    for a in d.applications:
        for m in a.members:
            yield a.number, m.person.name, m.person.id_number, m.role, m.organisation.credit_code


def _unsuitable(d: Dataset):
    return ((x.number, x.id_number, x.reason) for x in d.unsuitable)


def _declarations(d: Dataset):
    return ((x.id_number, x.number, x.reason) for x in d.declarations)


def _requests(d: Dataset):
    return ((x.id_number, x.number, x.date, x.reason, x.accepted) for x in d.requests)


POOL_SHEETS = (
    Sheet("单位", ("单位名称", "统一社会信用代码", "单位类型"), _organisations),
    Sheet("学科", ("学科代码", "学科名称", "上级代码"), _fields),
    Sheet("专家", ("姓名", "身份证号", "手机", "电子邮箱", "职称", "工作单位", "工作单位信用代码", "学科代码", "企业专家",
                 "企业专家说明"), _experts),
    Sheet("任职经历", ("身份证号", "单位名称", "统一社会信用代码", "起始年", "终止年"), _stays),
    Sheet("人员关系", ("身份证号A", "身份证号B", "关系类型", "起始年", "终止年", "说明"), _relations),
    Sheet("诚信记录", ("主体名称", "身份证号或信用代码", "项目名称", "项目编号", "失信行为", "处理措施", "惩戒开始",
                   "惩戒结束", "处理单位", "处理依据", "决定日期"), _integrity),
)
APPLICATION_SHEETS = (
    Sheet("项目", ("项目编号", "项目名称", "学科代码", "申报单位", "申报单位信用代码", "合作单位信用代码"), _applications),
    Sheet("项目成员", ("项目编号", "姓名", "身份证号", "角色", "单位信用代码"), _members),
    Sheet("不宜评审专家", ("项目编号", "专家身份证号", "理由"), _unsuitable),
    Sheet("回避声明", ("专家身份证号", "项目编号", "理由"), _declarations),
    Sheet("请托记录", ("专家身份证号", "项目编号", "记录日期", "说明", "是否接受"), _requests),
)
WORKBOOKS = {"专家库.xlsx": POOL_SHEETS, "项目.xlsx": APPLICATION_SHEETS}
