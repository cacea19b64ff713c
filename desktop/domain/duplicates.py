"""When rows that one canonical identifier makes one may be merged (RULES.md IDENTIFIERS, CORRECTIONS).

Two rows are merged only when they are clearly one person (organisation, misconduct record): the same identifier in
canonical form and the same name. Two names on one number are a typing error in one of the identifiers, which a
person corrects after looking at the papers; a merge would make one of them the other. And a merge never re-points
what a round produced (its draw seats, invitations, scores, commitments): the row those records name is the one to
keep, and when both rows are named by rounds the records stay as they are and the merge is refused.
"""

from __future__ import annotations

from typing import Any

from desktop.domain.corrections import BadValue
from desktop.domain.draw_checks import same_person
from desktop.domain.errors import RuleError

WORDS = {"person": "人员", "organisation": "单位", "integrity_record": "诚信记录"}
ONE = {"person": "一人", "organisation": "一个单位", "integrity_record": "一条记录"}

LABELS = {"name": "姓名（名称）", "stored_as": "登记的号码", "born": "出生日期", "mobile": "手机", "email": "电子邮箱",
          "head_of_unit": "单位负责人", "expert": "专家记录", "stays": "任职经历", "relations": "关系",
          "team": "项目成员", "declared": "声明回避", "requested": "申请人要求回避", "lobbying": "请托记录",
          "kind": "单位类型", "experts": "专家数", "applications": "申报项目", "partner_of": "合作项目",
          "team_units": "项目成员所在单位次数", "project_name": "项目名称", "measures": "处理措施",
          "penalty": "惩戒期", "decided_by": "处理单位", "basis": "依据", "notified_on": "告知日期",
          "repaired_on": "信用修复日期", "repairs": "信用修复申请", "round_records": "评审轮次中的记录"}


def key(kind: str, row: int) -> str:
    return f"{kind}:{row}"


def parse_key(text: str) -> tuple[str, int]:
    """``person:12`` → ("person", 12): a row as the listing names it."""
    kind, _, number = text.strip().partition(":")
    if kind not in WORDS or not number.isdigit():
        raise BadValue(f"「{text}」不是记录的写法：应写成 person:编号、organisation:编号 或 integrity_record:编号"
                       "（编号见 merge-duplicates 的列表）")
    return kind, int(number)


_EXPERT = {"organisation": "单位", "title": "职称", "fields": "学科", "enterprise": "企业专家", "status": "状态"}


def shown(value: Any, name: str = "") -> str:
    """A fact in words; ``name`` the fact's key (round records read as 表（轮次 1、2）)."""
    if value is None or value == "" or value == [] or value == {}:
        return "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(map(str, value))
    if name == "round_records":
        return "、".join(f"{table}（轮次 {'、'.join(map(str, ids)) or '无'}）" for table, ids in value.items())
    if isinstance(value, dict):
        return "，".join(f"{_EXPERT.get(k, k)} {shown(v)}" for k, v in value.items())
    return str(value)


def differences(rows: dict[int, dict]) -> list[str]:
    """What the rows (row id → facts) do not share, one sentence per fact: 姓名（名称）：第1条「张三」，第5条「李四」."""
    found = []
    for name, label in LABELS.items():
        values = {row: facts.get(name) for row, facts in rows.items() if name in facts}
        if len({repr(v) for v in values.values()}) > 1:
            found.append(f"{label}：" + "，".join(f"第{row}条「{shown(v, name)}」" for row, v in values.items()))
    return found


def refusal(kind: str, kept: int, rows: dict[int, dict], rounds: dict[int, dict[str, list[int]]]) -> RuleError | None:
    """Why the rows (row id → facts, the kept one among them) may not be merged into ``kept``, or None. ``rounds``
    gives each row's round records as (table's name → round ids)."""
    words, one = WORDS[kind], ONE[kind]
    names = {row: facts["name"] for row, facts in rows.items()}
    if not all(same_person(names[kept], name) for name in names.values()):
        return RuleError("IDENTIFIERS", f"IDENTIFIERS {words}" + "、".join(f"第{r}条「{n}」" for r, n in names.items())
                         + f"的号码规范化后相同，但名称不同，不能认定为同{one}，不予合并。两条记录的不同之处："
                         + "；".join(differences(rows))
                         + f"。请对照证件核对，用 --correct {kind}:编号=正确号码 更正登记错的那一条")
    named = {row: found for row, found in rounds.items() if found and row != kept}
    if not named:
        return None
    listed = "；".join(f"第{row}条：{shown(found, 'round_records')}" for row, found in named.items())
    if rounds.get(kept):
        advice = ("这几条都已被评审轮次的记录引用，合并必然改写其中某一轮的记录，因此不能合并。请用上一版本的 PanelDesk "
                  "继续工作，并联系维护人员")
    else:
        row = next(iter(named))
        advice = f"请改为保留被引用的那一条（--keep {key(kind, row)}）" if len(named) == 1 else \
            "被引用的不止一条，合并必然改写其中某一轮的记录，因此不能合并；请联系维护人员"
    return RuleError("CORRECTIONS", f"CORRECTIONS {words}{listed}已被评审轮次的记录引用（抽取、邀请、评分、承诺等"
                     f"已完成步骤的结果）。合并会把这些记录改指另一条，PanelDesk 不改写已完成步骤的结果。{advice}")
