"""The way out of an upgrade that stopped at canonical identifiers (migration 0015): rows registered twice under
spellings of one identifier (a full-width digit, a lower-case x, a space) are listed with what differs, merged when
they are clearly one (desktop.domain.duplicates), or have a mistyped identifier corrected.

These run on the workspace opened at the revision before (``before_canonical``), with its accounts and audit log:
each merge or correction is one audited change whose entry keeps both records before and what was re-pointed after,
so the log covers it and ``audit verify`` stays clean once the upgrade has run. Identifiers are masked in what is
shown; the entries keep the canonical number (masked wherever the log is shown) and the stored spelling masked.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from desktop.domain.corrections import BadValue
from desktop.domain.duplicates import ONE, WORDS, differences, key, parse_key, refusal
from desktop.domain.errors import NotFound, UserError
from desktop.domain.ids import canonical, credit_code_problem, id_number_problem, id_or_credit_code_problem, \
    mask_id
from desktop.services.accounts import Operator, require
from desktop.services.audit import TABLE_NAMES
from desktop.services.confidential import masked
from desktop.services.uow import change, reading
from desktop.store import duplicates as rows
from desktop.store.engine import dbapi_cursor
from desktop.store.workspace import Workspace, held_at

Place = Path | Workspace


class Vanished(UserError):
    """The rows stopped being a clash between the listing and the merge (another merge or correction came first)."""


def before_canonical(root: Path) -> AbstractContextManager[None]:
    """Inside, the workspace at ``root`` opens at the revision before canonical identifiers (as it is if past it);
    the next opening after migrates it to the current schema, or says what still clashes."""
    return held_at(root, rows.BEFORE_CANONICAL)


def _facts(cursor, kind: str, row: int) -> dict:
    """The row's facts as the audit keeps them: the stored spelling masked, round records by table name."""
    facts = rows.facts(cursor, kind, row)
    return {**facts, "stored_as": mask_id(facts["stored_as"]),
            "round_records": {TABLE_NAMES.get(t, t): ids for t, ids in facts["round_records"].items()}}


def _group(cursor, kind: str, row: int) -> list[int] | None:
    return next((ids for k, ids in rows.clash_groups(cursor) if k == kind and row in ids), None)


def _refusal(kind: str, kept: int, facts: dict[int, dict]):
    """Why the rows may not be merged into ``kept``, in words that show no whole personal number."""
    return refusal(kind, kept, {row: masked(f) for row, f in facts.items()},
                   {row: f["round_records"] for row, f in facts.items()})


def _described(cursor, kind: str, ids: list[int]) -> dict:
    facts = {row: masked(_facts(cursor, kind, row)) for row in ids}
    keep = next((row for row in ids if _refusal(kind, row, facts) is None), None)
    code = rows.identifier(cursor, kind, ids[0])[0]
    return {"kind": kind, "words": WORDS[kind], "identifier": mask_id(canonical(code)),
            "rows": [{"key": key(kind, row), "id": row, **facts[row]} for row in ids],
            "differences": differences(facts),
            "keep": key(kind, keep) if keep is not None else None,
            "refusal": None if keep is not None else str(_refusal(kind, ids[0], facts))}


def clashes(place: Place, actor: Operator) -> list[dict]:
    """Every set of rows that canonical identifiers make one: each row's facts, what differs, the row to keep if
    they may be merged (the one rounds refer to, else the first), else why not."""
    require(actor, "experts.read", place)
    with reading(place) as session, dbapi_cursor(session) as cursor:
        return [_described(cursor, kind, ids) for kind, ids in rows.clash_groups(cursor)]


def _existing(cursor, kind: str, row: int) -> tuple[str, str]:
    found = rows.identifier(cursor, kind, row)
    if found is None:
        raise NotFound(f"没有编号为 {row} 的{WORDS[kind]}记录（{key(kind, row)}）")
    return found


def merge(place: Place, actor: Operator, keep: str) -> dict:
    """Merge every row that is one with ``keep`` ("person:12") into it, in one audited change; nothing to do (the
    row has no duplicate any more) changes nothing. Refused, with what differs, unless they are clearly one
    (desktop.domain.duplicates)."""
    require(actor, "experts.edit", place)
    kind, row = parse_key(keep)
    with reading(place) as session, dbapi_cursor(session) as cursor:
        _existing(cursor, kind, row)
        if _group(cursor, kind, row) is None:
            return {"kept": keep, "merged": [], "references": {}}
    with change(place, actor, "identifiers.merge", keep) as unit, dbapi_cursor(unit.session) as cursor:
        group = _group(cursor, kind, row)
        if group is None:
            raise Vanished(f"{key(kind, row)} 已没有重复的记录（另一项合并或更正刚刚完成），请重新查看列表")
        facts = {r: _facts(cursor, kind, r) for r in group}
        refused = _refusal(kind, row, facts)
        if refused is not None:
            raise refused
        dropped = [r for r in group if r != row]
        unit.before = {"identifier": canonical(rows.identifier(cursor, kind, row)[0]), "kept": facts[row],
                       "dropped": {key(kind, r): facts[r] for r in dropped}}
        references = {key(kind, r): rows.merge(cursor, kind, row, r) for r in dropped}
        unit.after = {"kept": _facts(cursor, kind, row), "references": references}
    return {"kept": keep, "merged": [key(kind, r) for r in dropped], "references": references}


def correct(place: Place, actor: Operator, row_key: str, identifier: str) -> dict:
    """Correct the mistyped identifier of a row that clashes with another, in one audited change: the way out when
    two rows share a number but are not one (different names). The new identifier must be valid and make the row
    one with no other."""
    require(actor, "experts.edit", place)
    kind, row = parse_key(row_key)
    code = canonical(identifier)
    problem = {"person": id_number_problem, "organisation": credit_code_problem,
               "integrity_record": id_or_credit_code_problem}[kind](code)
    if problem:
        raise BadValue(f"{key(kind, row)} 的新号码不能使用：{problem}")
    with reading(place) as session, dbapi_cursor(session) as cursor:
        stored, _ = _existing(cursor, kind, row)
        if stored == code:
            return {"corrected": row_key, "identifier": mask_id(code), "changed": False}
    with change(place, actor, "identifiers.correct", row_key) as unit, dbapi_cursor(unit.session) as cursor:
        stored, name = _existing(cursor, kind, row)
        if _group(cursor, kind, row) is None:
            raise BadValue(f"{key(kind, row)}「{name}」的号码没有与其他记录冲突：这里只更正升级时冲突的号码")
        others = rows.sharing(cursor, kind, row, code)
        if others:
            raise BadValue(f"号码 {mask_id(code)} 已属于" + "、".join(
                f"第{r}条「{rows.identifier(cursor, kind, r)[1]}」" for r in others)
                + f"：如果{key(kind, row)}「{name}」与之确是同{ONE[kind]}，请合并（--keep）")
        unit.before = {"identifier": canonical(stored), **_facts(cursor, kind, row)}
        rows.set_identifier(cursor, kind, row, code)
        unit.after = {"identifier": code, "name": name}
    return {"corrected": row_key, "identifier": mask_id(code), "changed": True}
