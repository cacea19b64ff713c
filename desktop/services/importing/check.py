"""Checks across rows and sheets: duplicates within the file, and references to rows in the file or the workspace.

Everything is checked before anything is written, so an import either goes in whole or leaves the workspace as it
was, and the user gets every problem at once instead of one per attempt.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import Callable

from desktop.services.importing.parse import Problems, Rows
from desktop.store.lookups import Known


@dataclass
class Batch:
    """The typed rows of one import, grouped by kind (several sheets of one kind are concatenated)."""
    rows: dict[str, list[Rows]]

    def of(self, kind: str) -> list[Rows]:
        return self.rows.get(kind, [])

    def values(self, kind: str, *keys: str):
        """(rows, row number, the named values) for every row of a kind."""
        for rows in self.of(kind):
            pick = _picker([rows.index(key) for key in keys])
            for number, values in rows.values:
                yield rows, number, pick(values)


def _picker(indexes: list[int]) -> Callable[[tuple], tuple]:
    """The values at ``indexes`` of a row, as a tuple (itemgetter gives a bare value for one index)."""
    if len(indexes) == 1:
        (index,) = indexes
        return lambda values: (values[index],)
    return itemgetter(*indexes)


def _natural_key(rows: Rows) -> Callable[[tuple], tuple]:
    """A row's natural key, a relation's pair of persons in either order being one key (the smaller first)."""
    names = rows.kind.natural_key
    if "pair" not in names:
        return _picker([rows.index(name) for name in names])
    a, b, rest = rows.index("a"), rows.index("b"), [rows.index(n) for n in names if n != "pair"]
    if len(rest) == 1:  # (pair, kind): 850,000 relations in a large pool
        (other,) = rest
        return lambda v: ((v[a], v[b]) if v[a] <= v[b] else (v[b], v[a]), v[other])
    pick = _picker(rest)
    return lambda values: (tuple(sorted((values[a], values[b]))), *pick(values))


def check_duplicates(batch: Batch, problems: Problems) -> None:
    for kind, sheets in batch.rows.items():
        seen: dict[tuple, tuple[str, int]] = {}
        for rows in sheets:
            headers = "、".join(rows.kind.column(k).header for k in rows.kind.natural_key if k != "pair") or "身份证号A、B"
            key_of = _natural_key(rows)
            keys = [key_of(values) for _, values in rows.values]
            first = dict(zip(keys, zip(repeat(rows.sheet.name), map(itemgetter(0), rows.values))))
            if len(first) == len(keys) and (not seen or seen.keys().isdisjoint(first)):  # the usual case, in C
                seen.update(first)
                continue
            for key, (number, _) in zip(keys, rows.values):
                if key in seen:
                    sheet, first = seen[key]
                    problems.add(rows.sheet.file, rows.sheet.name, number, headers, " ".join(map(str, key)),
                                 f"与「{sheet}」第{first}行重复")
                else:
                    seen[key] = (rows.sheet.name, number)


class _Refs:
    """What a row may refer to: keys from this import plus keys already in the workspace."""

    def __init__(self, batch: Batch, known: Known):
        self.orgs = set(known.org_codes)
        self.orgs.update(code for _, _, (code,) in batch.values("organisations", "credit_code"))
        self.fields = set(known.fields)
        self.fields.update(code for _, _, (code,) in batch.values("fields", "code"))
        self.experts = set(known.experts)
        self.experts.update(id_ for _, _, (id_,) in batch.values("experts", "id_number"))
        self.applications = set(known.applications)
        self.applications.update(n for _, _, (n,) in batch.values("applications", "number"))
        self.person_names: dict[str, str] = dict(known.persons)
        self.persons = set(self.person_names)
        self.renamed = {id_ for _, _, (id_,) in batch.values("experts", "id_number")}
        self.persons.update(self.renamed)
        self.persons.update(id_ for _, _, (id_,) in batch.values("team", "id_number"))


def check_references(batch: Batch, known: Known, problems: Problems) -> None:
    refs = _Refs(batch, known)

    def need(rows: Rows, number: int, column: str, value, pool: set, reason: str) -> None:
        if value is not None and value not in pool:
            problems.add(rows.sheet.file, rows.sheet.name, number, rows.kind.column(column).header, str(value), reason)

    org_missing = "单位未登记：请在「单位」表中列出该统一社会信用代码"
    for rows, number, (parent,) in batch.values("fields", "parent"):
        need(rows, number, "parent", parent, refs.fields, "上级学科代码不在学科代码表中")
    for rows, number, (org, fields) in batch.values("experts", "org_code", "fields"):
        need(rows, number, "org_code", org, refs.orgs, org_missing)
        if refs.fields:
            for code in fields:
                need(rows, number, "fields", code, refs.fields, "学科代码不在学科代码表中")
    for rows, number, (id_, org, start, end) in batch.values("employment", "id_number", "org_code", "from_year",
                                                              "to_year"):
        need(rows, number, "id_number", id_, refs.experts, "该身份证号不是专家库中的专家")
        need(rows, number, "org_code", org, refs.orgs, org_missing)
        if end is not None and end < start:
            problems.add(rows.sheet.file, rows.sheet.name, number, "终止年", str(end), "终止年早于起始年")
    for rows, number, (a, b, start, end) in batch.values("relations", "a", "b", "from_year", "to_year"):
        need(rows, number, "a", a, refs.persons, "人员未登记（应为专家或项目成员）")
        need(rows, number, "b", b, refs.persons, "人员未登记（应为专家或项目成员）")
        if a == b:
            problems.add(rows.sheet.file, rows.sheet.name, number, "身份证号B", b, "关系的两人不能是同一人")
        if start is not None and end is not None and end < start:
            problems.add(rows.sheet.file, rows.sheet.name, number, "终止年", str(end), "终止年早于起始年")
    for rows, number, (field, applicant, partners) in batch.values("applications", "field_code", "applicant_code",
                                                                   "partner_codes"):
        if refs.fields:
            need(rows, number, "field_code", field, refs.fields, "学科代码不在学科代码表中")
        need(rows, number, "applicant_code", applicant, refs.orgs, org_missing)
        for code in partners or ():
            need(rows, number, "partner_codes", code, refs.orgs, org_missing)
    for rows, number, (app, org) in batch.values("team", "number", "org_code"):
        need(rows, number, "number", app, refs.applications, "项目编号不存在")
        need(rows, number, "org_code", org, refs.orgs, org_missing)
    for kind in ("requested", "declared", "lobbying"):
        for rows, number, (app, expert) in batch.values(kind, "number", "expert_id"):
            need(rows, number, "number", app, refs.applications, "项目编号不存在")
            need(rows, number, "expert_id", expert, refs.experts, "该身份证号不是专家库中的专家")
    for rows, number, (start, end) in batch.values("integrity", "penalty_start", "penalty_end"):
        if start is not None and end is not None and end < start:
            problems.add(rows.sheet.file, rows.sheet.name, number, "惩戒结束", end, "惩戒结束早于惩戒开始")
        if (start is None) != (end is None) and end is not None:
            problems.add(rows.sheet.file, rows.sheet.name, number, "惩戒开始", "", "有惩戒结束日期时须填写惩戒开始日期")
    _check_names(batch, refs, problems)


def _check_names(batch: Batch, refs: _Refs, problems: Problems) -> None:
    """One person per ID number: the same ID under two names in one import is a typo the user must settle.

    The 专家 sheet is the authority on a name and may correct it; a team list that disagrees with the workspace is
    refused instead, since it more likely misspells a name than corrects it.
    """
    names: dict[str, tuple[str, str, int]] = {}
    for kind in ("experts", "team"):
        for rows, number, (id_, name) in batch.values(kind, "id_number", "name"):
            first = names.setdefault(id_, (name, rows.sheet.name, number))
            known = refs.person_names.get(id_)
            if first[0] != name:
                problems.add(rows.sheet.file, rows.sheet.name, number, "姓名", name,
                             f"同一身份证号在「{first[1]}」第{first[2]}行的姓名为「{first[0]}」，两处不一致")
            elif kind == "team" and known is not None and known != name and id_ not in refs.renamed:
                problems.add(rows.sheet.file, rows.sheet.name, number, "姓名", name,
                             f"该身份证号在工作区中登记的姓名为「{known}」，与本行不一致")


def group(rows_list: list[Rows]) -> Batch:
    grouped: dict[str, list[Rows]] = defaultdict(list)
    for rows in rows_list:
        grouped[rows.kind.key].append(rows)
    return Batch(dict(grouped))
