"""The audit log: append-only, each entry chained to the previous one by SHA-256, and covering the data it describes.

An entry's hash covers its own fields and the previous entry's hash, so changing, inserting or deleting any entry
breaks every link after it. Each entry also carries the digests of the table groups its change left behind
(desktop.store.digests); walking the chain gives what every data table must hold now, and ``compare`` names each
table and group of rows whose content differs: a change made outside PanelDesk. Signed checkpoints
(desktop.services.checkpoints) pin the chain's head, against truncation and rewriting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from desktop.store.digests import RowList
from desktop.store.tables import AuditEntry

GENESIS = "0" * 64

TABLE_NAMES = {
    "opinion_correction": "评审意见修改", "publicity": "公示", "objection": "异议", "appeal": "申诉与复核申请",
    "expert_conduct": "专家评审行为", "workspace_setting": "工作区设置",
    "organisation": "单位", "person": "人员", "employment": "任职经历", "field_code": "学科代码", "expert": "专家",
    "relation": "人员关系", "application": "项目", "application_partner": "项目合作单位", "team_member": "项目成员",
    "requested_exclusion": "不宜评审专家", "declared_conflict": "回避声明", "lobbying": "请托记录",
    "integrity_record": "诚信记录", "review_round": "评审轮次", "panel": "评审组", "panel_application": "评审组项目",
    "draw": "抽取记录", "draw_member": "抽取成员", "exclusion": "回避排除记录",
    "attachment": "附件", "invitation": "专家邀请", "call": "确认电话", "draw_batch": "补抽记录",
    "panel_confirmation": "评审组确认", "expert_commitment": "专家承诺", "attendance": "出席记录",
    "score_entry": "评分录入", "score": "评分", "post_review_certification": "会后回避确认",
    "non_consensus_decision": "非共识项目决定", "result_approval": "评审结果审批",
    "archived_round": "归档导入的轮次",
    "calendar_year": "放假安排年度", "calendar_day": "放假安排日期", "deadline": "工作日期限",
    "credit_repair": "信用修复", "ongoing_project": "在研项目", "limit_decision": "限项与资格决定",
}


def entry_hash(entry: AuditEntry) -> str:
    """The hash an entry must carry: over its own fields and the previous entry's hash."""
    fields_ = [entry.prev_hash, entry.at, entry.actor, entry.action, entry.target, entry.before, entry.after]
    if entry.digests:  # entries from before the log covered the data have none, and keep their hashes
        fields_.append(entry.digests)
    body = json.dumps(fields_, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _summary(value: dict[str, Any] | None) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def append(session: Session, actor: str, action: str, target: str = "",
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
           digests: dict[str, Any] | None = None) -> AuditEntry:
    """Add one entry to the log inside the caller's transaction."""
    last = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    entry = AuditEntry(at=dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds"),
                       actor=actor, action=action, target=target, before=_summary(before), after=_summary(after),
                       prev_hash=last.hash if last else GENESIS,
                       digests=json.dumps(digests, sort_keys=True, separators=(",", ":")) if digests else "")
    entry.hash = entry_hash(entry)
    session.add(entry)
    return entry


@dataclass
class Chain:
    """The chain as walked: its length, the first broken entry, each entry's hash, what the data must hold
    ({table: {group: sealed digest}}), and the entries that must each have a checkpoint (position → action): every
entry since the log began to cover the data."""
    entries: int = 0
    first_broken: int | None = None
    reason: str = ""
    hashes: list[str] = field(default_factory=list)
    expected: dict[str, dict[str, str]] = field(default_factory=dict)
    rows: dict[str, dict[str, str]] = field(default_factory=dict)  # the sealed row list of each group, where kept
    demanded: dict[int, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def walk(session: Session) -> Chain:
    chain = Chain()
    previous = GENESIS
    layouts: dict[str, str] = {}
    for entry in session.exec(select(AuditEntry).order_by(AuditEntry.id)):
        chain.entries += 1
        if entry.prev_hash != previous:
            chain.first_broken, chain.reason = entry.id, "与上一条记录的哈希链断开（记录被删除或插入）"
            return chain
        if entry_hash(entry) != entry.hash:
            chain.first_broken, chain.reason = entry.id, "记录内容与其哈希不符（记录被修改）"
            return chain
        previous = entry.hash
        chain.hashes.append(entry.hash)
        if entry.digests:
            _apply(chain, json.loads(entry.digests), layouts)
            chain.demanded[chain.entries] = entry.action
        elif chain.demanded:
            chain.problems.append(f"第 {chain.entries} 条日志（{entry.action}）没有数据摘要，不是 PanelDesk 写入的："
                                  "记录在 PanelDesk 之外被添加")
    return chain


def _apply(chain: Chain, digests: dict, layouts: dict[str, str]) -> None:
    for table, signature in digests.get("rebased", {}).items():
        if layouts.get(table) == signature:
            chain.problems.append(f"第 {chain.entries} 条日志重新建立了{_table(table)}的摘要，而该表的结构并未改变："
                                  "摘要记录在 PanelDesk 之外被删除或改动")
        layouts[table] = signature
        chain.expected[table] = {}
        chain.rows[table] = {}
    layouts.update(digests.get("layouts", {}))
    lists = digests.get("rows", {})
    for table, groups in digests.get("tables", {}).items():
        expected = chain.expected.setdefault(table, {})
        rows, listed = chain.rows.setdefault(table, {}), lists.get(table, {})
        for group, sealed in groups.items():
            if sealed.startswith("0:"):
                expected.pop(group, None)
            else:
                expected[group] = sealed
            if group in listed:
                rows[group] = listed[group]
            else:
                rows.pop(group, None)  # the group changed without a list: none is kept for it from here on
    for table, groups in lists.items():
        if table not in digests.get("tables", {}):  # lists made for groups digested before lists were kept
            chain.rows.setdefault(table, {}).update(groups)


def _table(name: str) -> str:
    return f"{TABLE_NAMES[name]}表（{name}）" if name in TABLE_NAMES else f"表 {name}"


def _count(sealed: str | None) -> int:
    return int(sealed.split(":")[0]) if sealed else 0


def compare(expected: dict[str, dict[str, str]], actual: dict[str, dict[str, str]]) -> list[dict]:
    """Every group of rows whose content is not what the chain says: {table, rows, recorded, found, message}."""
    problems = []
    for table in sorted(set(expected) | set(actual)):
        recorded_groups, found_groups = expected.get(table, {}), actual.get(table, {})
        for group in sorted(set(recorded_groups) | set(found_groups)):
            was, now = recorded_groups.get(group), found_groups.get(group)
            if was == now:
                continue
            recorded, found = _count(was), _count(now)
            if not now:
                what = f"审计记录有 {recorded} 行，现已全部不存在（在 PanelDesk 之外被删除）"
            elif not was:
                what = f"有 {found} 行不在审计记录中（在 PanelDesk 之外新增或改动）"
            elif recorded != found:
                what = f"审计记录有 {recorded} 行，现有 {found} 行（在 PanelDesk 之外被删除或新增）"
            else:
                what = f"行数相同（{found} 行），但内容与审计记录不符（在 PanelDesk 之外被改动）"
            problems.append({"table": table, "rows": group, "recorded": recorded, "found": found,
                             "message": f"{_table(table)} {group}：{what}"})
    return problems


CHANGES = {"changed": "内容被改动", "added": "不在审计记录中（新增）", "deleted": "已被删除"}


def differing_rows(kept: dict[int, bytes], current: list[tuple[int, bytes, str]]) -> list[dict]:
    """The rows of a group that are not as its row list says: {rowid, key, change} for each row changed, added or
    deleted (a deleted row is known by its rowid only: its values are gone)."""
    kept = dict(kept)
    found = []
    for rowid, hashed, key in current:
        was = kept.pop(rowid, None)
        if was is None:
            found.append({"rowid": rowid, "key": key, "change": "added"})
        elif was != hashed:
            found.append({"rowid": rowid, "key": key, "change": "changed"})
    found += [{"rowid": rowid, "key": f"rowid={rowid}", "change": "deleted"} for rowid in kept]
    return sorted(found, key=lambda f: f["rowid"])


def name_rows(problem: dict, recorded: bool, sealed_list: str | None, kept: bytes,
              current: list[tuple[int, bytes, str]]) -> dict:
    """``problem`` (a group of ``compare``) with the rows that differ, where they can be told: from the group's row
    list when it matches the list the chain sealed (``sealed_list``), or from nothing when the chain records no such
    group (every row in it is new). A list that does not match its seal was edited too, and names nothing."""
    if not recorded:
        rows = differing_rows({}, current)
    elif sealed_list is None:
        return problem  # a group digested before row lists were kept, and not listed since
    elif RowList.seal(kept) != sealed_list:
        return {**problem, "message": problem["message"] + "；该组的逐行记录也与审计日志不符（同样在 PanelDesk 之外"
                                                             "被改动），无法指出是哪些行"}
    else:
        rows = differing_rows(RowList.decode(kept), current)
    if not rows:
        return problem
    words = "；".join(f"{r['key']} {CHANGES[r['change']]}" for r in rows[:20])
    more = f"；另有 {len(rows) - 20} 行" if len(rows) > 20 else ""
    return {**problem, "changed_rows": rows, "message": f"{problem['message']}：{words}{more}"}


def entries(session: Session, limit: int | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if limit:
        query = query.limit(limit)
    return list(session.exec(query))
