"""The exclusion grounds of RULES.md §2: their codes, sources, and one Chinese sentence per ground with its facts.

The codes are the contract (database, JSON, explanations), so they are spelled here once. A ground carries the facts
that triggered it, JSON-able, so an explanation can be rebuilt later from the stored record alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.domain.fields import LEVEL_DIGITS


class GroundCode(StrEnum):
    SELF = "SELF"
    SAME_ORG = "SAME_ORG"
    RELATIVE = "RELATIVE"
    ADVISOR = "ADVISOR"
    COLLABORATOR = "COLLABORATOR"
    DECLARED = "DECLARED"
    APPLICANT_REQUESTED = "APPLICANT_REQUESTED"
    FIELD = "FIELD"
    INTEGRITY = "INTEGRITY"
    LOBBIED = "LOBBIED"


_SHANXI = "山西省关于弘扬科学家精神加强作风和学风建设的实施意见（2020）"
_SHANDONG = "山东省科技计划项目科研诚信管理办法（2025）"

TITLES: dict[GroundCode, str] = {
    GroundCode.SELF: "本人参与",
    GroundCode.SAME_ORG: "同单位",
    GroundCode.RELATIVE: "近亲属",
    GroundCode.ADVISOR: "师生关系",
    GroundCode.COLLABORATOR: "合作关系",
    GroundCode.DECLARED: "本人声明回避",
    GroundCode.APPLICANT_REQUESTED: "申请人要求回避",
    GroundCode.FIELD: "领域不熟悉",
    GroundCode.INTEGRITY: "科研失信惩戒期内",
    GroundCode.LOBBIED: "请托",
}

SOURCES: dict[GroundCode, str] = {
    GroundCode.SELF: f"{_SHANXI}（五）主动回避利益相关项目；{_SHANDONG}第十一条（二）",
    GroundCode.SAME_ORG: f"{_SHANDONG}第十一条（二）",
    GroundCode.RELATIVE: f"{_SHANDONG}第十一条（二）；近亲属范围依《民法典》第一千零四十五条",
    GroundCode.ADVISOR: f"{_SHANXI}（八）破除人身依附关系",
    GroundCode.COLLABORATOR: f"{_SHANXI}（八）破除利益纽带",
    GroundCode.DECLARED: f"{_SHANXI}（五）；{_SHANDONG}第十一条（二）",
    GroundCode.APPLICANT_REQUESTED: "国家自然科学基金申请人提出不宜评审专家的做法",
    GroundCode.FIELD: f"{_SHANXI}（五）不参加自己不熟悉领域的咨询评审活动",
    GroundCode.INTEGRITY: f"{_SHANDONG}第七条、第十八条（五）",
    GroundCode.LOBBIED: f"{_SHANXI}（八）；{_SHANDONG}第十一条（五）",
}


@dataclass(frozen=True)
class Ground:
    """Why one expert may not review: a code and the facts behind it (JSON-able)."""
    code: str
    facts: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "facts": self.facts}


def _years(from_year: int | None, to_year: int | None) -> str:
    if from_year is None and to_year is None:
        return ""
    if to_year is None:
        return f"{from_year}年起至今"
    if from_year is None:
        return f"至{to_year}年"
    return f"{from_year}年" if from_year == to_year else f"{from_year}—{to_year}年"


def _project(facts: dict[str, Any]) -> str:
    return f"本项目（{facts['application']}）"


def _self(f: dict[str, Any]) -> str:
    if f.get("other_application"):
        return (f"专家本人是同一评审组另一项目（{f['other_application']}）的{f['role']}，"
                f"不得评审本组项目{f['application']}。")
    return f"专家本人是{_project(f)}的{f['role']}。"


def _same_org(f: dict[str, Any]) -> str:
    years = _years(f.get("from_year"), f.get("to_year"))
    return (f"专家{years}任职于{f['org_name']}（统一社会信用代码{f['org']}），"
            f"该单位为{_project(f)}的{f['org_role']}。")


def _relation(f: dict[str, Any]) -> str:
    years = _years(f.get("from_year"), f.get("to_year"))
    note = f"（{f['note']}）" if f.get("note") else ""
    return f"专家与{_project(f)}{f['other_role']}{f['other_name']}{years}有{f['kind']}关系{note}。"


def _declared(f: dict[str, Any]) -> str:
    return f"专家声明与{_project(f)}存在利益冲突：{f['reason']}。"


def _requested(f: dict[str, Any]) -> str:
    return f"{_project(f)}申请人将该专家列为不宜评审专家（第{f['order']}位），理由：{f['reason']}。"


def _lobbied(f: dict[str, Any]) -> str:
    note = f"：{f['note']}" if f.get("note") else ""
    if f.get("accepted"):
        return f"专家经查实于{f['date']}接受了就项目{f['application']}的请托{note}，本轮全部项目均须回避。"
    return f"{f['date']}记录到就{_project(f)}向专家请托{note}。"


def _integrity(f: dict[str, Any]) -> str:
    end = f["penalty_end"] or "今"
    start = f["penalty_start"] or "起始未记载"
    return (f"专家有科研失信记录（编号{f['record_id']}：{f['violation']}；处理措施：{f['measures']}），"
            f"惩戒期{start}至{end}，包含本轮评审日期{f['review_date']}。")


def _field(f: dict[str, Any]) -> str:
    level = f["level"]
    codes = "、".join(f["expert_fields"]) or "（无）"
    return (f"专家的学科代码{codes}与项目学科代码{f['application_field']}"
            f"在第{level}级（{LEVEL_DIGITS[level]}位）均不匹配。")


_SENTENCES = {
    GroundCode.SELF: _self, GroundCode.SAME_ORG: _same_org, GroundCode.RELATIVE: _relation,
    GroundCode.ADVISOR: _relation, GroundCode.COLLABORATOR: _relation, GroundCode.DECLARED: _declared,
    GroundCode.APPLICANT_REQUESTED: _requested, GroundCode.LOBBIED: _lobbied, GroundCode.INTEGRITY: _integrity,
    GroundCode.FIELD: _field,
}


def explain(ground: Ground) -> str:
    """One Chinese sentence: code, title, the facts, and the rule's source."""
    code = GroundCode(ground.code)
    return f"{code.value} {TITLES[code]}：{_SENTENCES[code](ground.facts)}依据：{SOURCES[code]}。"
