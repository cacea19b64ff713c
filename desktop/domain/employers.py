"""Where an expert works, derived from the dated employment history (RULES.md SAME_ORG, ENTERPRISE_THIRD).

Two kinds of stay reach the workspace: dated ones from the history sheet (任职经历, a start year always), and the
undated stay the expert sheet's 工作单位 column implies (no start year). The column can go stale: it says 山东理工大学
long after the history shows the expert left in 2018. So the dated history wins — a stay without a start year at an
organisation the dated history names is superseded by it — and the current organisation in a year is the stay that
covers that year, dated before undated, open before ended, latest started first.

Who counts as an enterprise expert follows from the current organisation's type when the round is computed, unless
the 企业专家 column said so explicitly; an explicit 是 for an organisation that is not an enterprise counts only with
its reason, and the reason travels with the classification to wherever the expert counts toward the quota.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

ENTERPRISE_KIND = "企业"


def covers(from_year: int | None, to_year: int | None, year: int) -> bool:
    return (from_year is None or from_year <= year) and (to_year is None or to_year >= year)


def dated_pairs(stays: Iterable[tuple]) -> set[tuple[str, str]]:
    """(person, organisation) of every stay with a start year, from rows in Stay's order."""
    return {(row[0], row[1]) for row in stays if row[3] is not None}


def superseded(row: tuple, dated: set[tuple[str, str]]) -> bool:
    """A stay without a start year at an organisation the person's dated history names gives way to that history."""
    return row[3] is None and (row[0], row[1]) in dated


def current_organisations(stays: Sequence[tuple], year: int) -> dict[str, str]:
    """Person → credit code of the organisation they work for in ``year``, from rows (person, org, org_name,
    from_year, to_year); a person with no stay covering the year has none. Dated before undated, still running
    before ended, the later start first; a tie goes to the smaller credit code, so row order never matters."""
    dated = dated_pairs(stays)
    best: dict[str, tuple[tuple, str]] = {}
    for row in stays:  # covers() and superseded() spelled inline: this loop runs over every stay of the pool
        person, org, _name, from_year, to_year = row
        if (to_year is not None and to_year < year) or (from_year is not None and from_year > year):
            continue
        if from_year is None and (person, org) in dated:
            continue
        rank = (from_year is not None, to_year is None, from_year or 0)
        held = best.get(person)
        if held is None or rank > held[0] or (rank == held[0] and org < held[1]):
            best[person] = (rank, org)
    return {person: org for person, (_, org) in best.items()}


@dataclass(frozen=True)
class StayChanges:
    """What an import does to the undated stays so they agree with the expert sheet and the dated history."""
    add: tuple[tuple[Any, Any], ...]  # (person, organisation): the 工作单位 column's stay, not yet recorded
    end: tuple[Any, ...]  # stay ids: an undated stay at an organisation the column no longer names ends this year
    drop: tuple[Any, ...]  # stay ids: undated stays the dated history of the same organisation supersedes


def settle_undated(stays: Iterable[tuple], declared: Mapping[Any, Any]) -> StayChanges:
    """From rows (stay id, person, organisation, from_year, to_year) and each expert's 工作单位 (person →
    organisation): the column's organisation becomes an undated stay unless the dated history names it; an undated
    stay still running elsewhere ends (the expert moved: the stay keeps binding for the look-back window, never
    vanishes); undated stays at organisations the dated history names give way to it. Running it twice changes
    nothing the second time."""
    rows = list(stays)
    dated = {(person, org) for _, person, org, from_year, _ in rows if from_year is not None}
    running = {(person, org) for _, person, org, from_year, to_year in rows if from_year is None and to_year is None}
    drop = tuple(id_ for id_, person, org, from_year, _ in rows if from_year is None and (person, org) in dated)
    end = tuple(id_ for id_, person, org, from_year, to_year in rows
                if from_year is None and to_year is None and (person, org) not in dated and declared.get(person) != org)
    add = tuple((person, org) for person, org in declared.items()
                if (person, org) not in dated and (person, org) not in running)
    return StayChanges(add, end, drop)


@dataclass(frozen=True)
class EnterpriseStatus:
    """Whether an expert counts toward ENTERPRISE_THIRD in a round, and on what basis (shown beside the count)."""
    counts: bool
    basis: str
    explicit: bool = False


def enterprise_status(explicit: bool | None, reason: str, org_name: str | None, org_kind: str | None) -> EnterpriseStatus:
    """The classification of one expert from the 企业专家 column (None when left empty) and the current
    organisation; an explicit 是 where the organisation is not an enterprise counts only with its reason."""
    is_enterprise = org_kind == ENTERPRISE_KIND
    where = f"{org_name}（{org_kind}）" if org_name else "无当前任职单位"
    if explicit is None:
        return EnterpriseStatus(is_enterprise, f"当前任职单位{where}")
    if not explicit:
        return EnterpriseStatus(False, f"企业专家列标明“否”；当前任职单位{where}", True)
    if is_enterprise:
        return EnterpriseStatus(True, f"企业专家列标明“是”；当前任职单位{where}", True)
    if reason.strip():
        return EnterpriseStatus(True, f"企业专家列标明“是”，理由：{reason.strip()}；当前任职单位{where}", True)
    return EnterpriseStatus(False, f"企业专家列标明“是”但未说明理由，当前任职单位{where}不是企业，不计入企业专家", True)


def classify_experts(experts: Iterable[tuple[str, bool | None, str]], stays: Sequence[tuple],
                     org_kinds: Mapping[str, str], year: int) -> dict[str, EnterpriseStatus]:
    """Every expert's EnterpriseStatus in ``year``, from (person, the 企业专家 column's answer or None, its reason),
    stays in Stay's order and each organisation's type. A status derived from an organisation is shared by its
    experts, so fifty thousand experts cost a dictionary, not fifty thousand objects."""
    current = current_organisations(stays, year)
    names = {row[1]: row[2] for row in stays}
    derived: dict[str | None, EnterpriseStatus] = {}
    out = {}
    for person, explicit, reason in experts:
        org = current.get(person)
        if explicit is None:
            status = derived.get(org)
            if status is None:
                status = derived[org] = enterprise_status(None, "", names.get(org), org_kinds.get(org))
        else:
            status = enterprise_status(explicit, reason, names.get(org), org_kinds.get(org))
        out[person] = status
    return out
