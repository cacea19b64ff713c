"""Changes a schema migration made to the data, kept until the services seal them with an audit entry.

A migration runs before the services can write the audit log (its entries and signed checkpoints are theirs), yet a
migration that rewrites rows changes what the log vouches for. So the migration applies its changes to the kept
digests as any change does (desktop.store.digests ``tracked`` and ``apply``: a group that did not match its digest
before still does not after, so a change made outside PanelDesk is not laundered) and leaves here the entry that must
seal them; the first opening writes that entry and removes this row in one transaction (desktop.services.uow).
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from desktop.store.digests import Accumulator, apply, layouts
from desktop.store.engine import dbapi_cursor

TABLE = "audit_pending"


def leave(cursor, accumulator: Accumulator, action: str, target: str, after: dict) -> None:
    """Apply what ``accumulator`` holds to the kept digests and leave the entry that seals them. Tables not digested
    with their present columns are left out: the first opening digests them afresh from their rows anyway."""
    changes = accumulator.take()
    stored = dict(cursor.execute("SELECT tbl, signature FROM audit_layout").fetchall())
    found = layouts(cursor)
    changes = {key: change for key, change in changes.items() if stored.get(key[0]) == found[key[0]].signature}
    if not changes:
        return
    sealed, lists = apply(cursor, changes)
    sealed_digests = {"tables": sealed, "rows": lists, "layouts": {name: found[name].signature for name in sealed}}
    cursor.execute(f"INSERT INTO {TABLE} (action, target, after, digests) VALUES (?, ?, ?, ?)",
                   (action, target, json.dumps(after, ensure_ascii=False), json.dumps(sealed_digests)))


def take(session: Session) -> list[tuple[str, str, dict, dict]]:
    """The entries left to write, oldest first, as (action, target, after, sealed digests); removed here, so the
    caller writes them in the same transaction. A workspace held before the migration that made the table
    (desktop.store.workspace ``held_at``) has none left."""
    with dbapi_cursor(session) as cursor:
        if cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone() is None:
            return []
        rows = cursor.execute(f"SELECT action, target, after, digests FROM {TABLE} ORDER BY id").fetchall()
        if rows:
            cursor.execute(f"DELETE FROM {TABLE}")
    return [(action, target, json.loads(after), json.loads(sealed)) for action, target, after, sealed in rows]
