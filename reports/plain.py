"""Documents from a JSON file of plain values, so any document can be made without a database.

    {"round": {"name": …, "programme": …, "method": …, "review_date": "2026-05-12", "organiser": …, "venue": …},
     "expert_commitments": [{"panel": …, "expert_name": …, "expert_org": …}],
     "applicant_commitments": [{"application_no", "application_title", "applicant_org", "credit_code", "pi_name"}],
     "outcome_notices": [{…, "result", "score_summary", "opinions": [...], "appeal_channel", "appeal_deadline",
                          "notice_date"}],
     "publicity_lists": [{"entries": [{…}], "period_start", "period_end", "contact", "publish_date"}],
     "sign_in_sheets": [{"panel", "members": [{"name", "org", "title", "kind"}]}],
     "score_sheets": [{"panel", "scoring", "applications": [{…}], "criteria": [{"name", "points", "guidance"}],
                       "expert_name", "pass_fraction"}]}

Every list is optional. Field names are those of the dataclasses in ``reports.documents``.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from reports.documents import (ApplicantCommitment, ApplicationRef, Criterion, Document, ExpertCommitment,
                               OutcomeNotice, PanelMember, PublicityEntry, PublicityList, RoundInfo, ScoreSheet,
                               SignInSheet)

from reports.errors import ReportError

KINDS: dict[str, type[Document]] = {
    "expert_commitments": ExpertCommitment,
    "applicant_commitments": ApplicantCommitment,
    "outcome_notices": OutcomeNotice,
    "publicity_lists": PublicityList,
    "sign_in_sheets": SignInSheet,
    "score_sheets": ScoreSheet,
}
_NESTED: dict[str, type] = {"entries": PublicityEntry, "members": PanelMember, "criteria": Criterion,
                            "applications": ApplicationRef}


class PlainDataError(ReportError, ValueError):
    """The JSON does not describe documents; the message says where."""


def _build(cls: type, values: dict[str, Any], where: str) -> Any:
    if not isinstance(values, dict):
        raise PlainDataError(f"{where} 应为一个对象")
    known = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise PlainDataError(f"{where} 中有未知字段：{'、'.join(unknown)}（可用：{'、'.join(known)}）")
    converted: dict[str, Any] = {}
    for name, value in values.items():
        kind = str(known[name].type)
        if name in _NESTED:
            value = tuple(_build(_NESTED[name], item, f"{where}.{name}[{i}]") for i, item in enumerate(value))
        elif name == "opinions":
            value = tuple(str(item) for item in value)
        elif kind == "date" or "date" in kind.split(" | "):
            try:
                value = date.fromisoformat(value)
            except (TypeError, ValueError) as error:
                raise PlainDataError(f"{where}.{name} 应为日期（如 2026-05-12），而不是 {value!r}") from error
        converted[name] = value
    try:
        return cls(**converted)
    except TypeError as error:
        missing = [f for f, spec in known.items() if f not in converted and f != "round"
                   and spec.default is dataclasses.MISSING]
        raise PlainDataError(f"{where} 缺少字段：{'、'.join(missing) or error}") from error
    except ValueError as error:
        raise PlainDataError(f"{where}：{error}") from error


def documents_from_plain(data: dict[str, Any]) -> list[Document]:
    """Every document the JSON describes, in the order of KINDS and then of each list."""
    if not isinstance(data, dict) or "round" not in data:
        raise PlainDataError("JSON 顶层应为对象，并包含 round（评审轮次信息）")
    unknown = sorted(set(data) - set(KINDS) - {"round"})
    if unknown:
        raise PlainDataError(f"未知的文书种类：{'、'.join(unknown)}（可用：{'、'.join(KINDS)}）")
    round_info = _build(RoundInfo, data["round"], "round")
    documents: list[Document] = []
    for key, cls in KINDS.items():
        for index, values in enumerate(data.get(key, [])):
            if not isinstance(values, dict):
                raise PlainDataError(f"{key}[{index}] 应为一个对象")
            documents.append(_build(cls, {**values, "round": round_info}, f"{key}[{index}]"))
    return documents
