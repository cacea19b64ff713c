"""The audit log: append-only, each entry chained to the previous one by SHA-256.

An entry's hash covers its own fields and the previous entry's hash, so changing, inserting or deleting any entry
breaks every link after it, and `verify` names the first broken one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from desktop.store.tables import AuditEntry

GENESIS = "0" * 64


def _digest(entry: AuditEntry) -> str:
    body = json.dumps([entry.prev_hash, entry.at, entry.actor, entry.action, entry.target, entry.before, entry.after],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _summary(value: dict[str, Any] | None) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def append(session: Session, actor: str, action: str, target: str = "",
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> AuditEntry:
    """Add one entry to the log inside the caller's transaction."""
    last = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    entry = AuditEntry(at=dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds"),
                       actor=actor, action=action, target=target, before=_summary(before), after=_summary(after),
                       prev_hash=last.hash if last else GENESIS)
    entry.hash = _digest(entry)
    session.add(entry)
    return entry


@dataclass(frozen=True)
class Verification:
    entries: int
    first_broken: int | None  # id of the first entry whose link or content does not check
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def verify(session: Session) -> Verification:
    previous = GENESIS
    count = 0
    for entry in session.exec(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
        if entry.prev_hash != previous:
            return Verification(count, entry.id, "与上一条记录的哈希链断开（记录被删除或插入）")
        if _digest(entry) != entry.hash:
            return Verification(count, entry.id, "记录内容与其哈希不符（记录被修改）")
        previous = entry.hash
    return Verification(count, None)


def entries(session: Session, limit: int | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if limit:
        query = query.limit(limit)
    return list(session.exec(query))
