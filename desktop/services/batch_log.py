"""The audit of a documents batch: opened before the first file is written, closed with the files it produced.

CONFIDENTIAL: a batch writes letters naming experts (signed ones carry the secretariat's signature), so the log must
show them even if the program is killed part way. ``ACTION.started`` is committed before any work starts, naming
the folder and every file planned; ``ACTION`` closes it with the files produced and the outcome (complete,
cancelled, failed). A batch whose process was killed cannot close its own entry: the next batch of the workspace
closes it (outcome "interrupted", the planned files found complete on disk) and removes its temporary files. A
signed batch's closing entry keeps each file's SHA-256: the documents the workspace vouches for once the identity
that signed them is retired (services.signing).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from desktop.services.uow import change, reading
from desktop.store.tables import AuditEntry
from reports.files import remove_stray_parts, written_since
from reports.lifetime import running

log = logging.getLogger(__name__)
STARTED = ".started"


@dataclass(frozen=True)
class Batch:
    id: str
    action: str
    target: str
    out: Path
    signed: bool


def begin(place, actor: str, action: str, target: str, out: Path, planned: list[str], signed: bool) -> Batch:
    """Close what killed batches left open, then log this one as started; returns it for ``end``."""
    close_interrupted(place)
    batch = Batch(uuid.uuid4().hex, action, target, out, signed)
    with change(place, actor, action + STARTED, target) as unit:
        unit.after = {"batch": batch.id, "out": str(out), "planned": planned, "count": len(planned),
                      "signed": signed, "pid": os.getpid()}
    return batch


def end(place, actor: str, batch: Batch, files: list[Path], outcome: str) -> None:
    """Log the files the batch produced. Called while an error is on its way up too: if the log cannot be written
    (the disk is full), the error the user sees stays the first one, and the next batch closes this one."""
    try:
        _close(place, actor, batch, [Path(f).name for f in files], outcome)
    except Exception:
        if outcome == "complete":
            raise
        log.warning("could not close documents batch %s in the audit log; the next batch will", batch.id,
                    exc_info=True)


def _close(place, actor: str, batch: Batch, names: list[str], outcome: str) -> None:
    with change(place, actor, batch.action, batch.target) as unit:
        unit.after = {"batch": batch.id, "out": str(batch.out), "files": names, "count": len(names),
                      "signed": batch.signed, "outcome": outcome,
                      **({"cancelled": True} if outcome == "cancelled" else {}),
                      **({"sha256": _digests(batch.out, names)} if batch.signed else {})}


def _digests(out: Path, names: list[str]) -> list[str]:
    """The SHA-256 of each signed file as written: what lets ``verify`` trust a document signed by an identity
    since retired (the log knows it was made then), and nothing signed with that key later."""
    found = []
    for name in names:
        try:
            found.append(hashlib.sha256((out / name).read_bytes()).hexdigest())
        except OSError:
            continue  # gone already: nothing to vouch for
    return found


def close_interrupted(place) -> list[str]:
    """Close every started batch whose process no longer runs and that never closed; returns their ids."""
    with reading(place) as session:
        rows = session.execute(select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.target,
                                      AuditEntry.after).where(AuditEntry.action.like("documents.%"))
                               .order_by(AuditEntry.id)).all()
    opened: dict[str, tuple] = {}
    for at, actor, action, target, after in rows:
        batch_id = json.loads(after or "{}").get("batch")
        if batch_id and action.endswith(STARTED):
            opened[batch_id] = (at, actor, action, target, json.loads(after))
        elif batch_id:
            opened.pop(batch_id, None)
    closed = []
    for batch_id, (at, actor, action, target, after) in opened.items():
        if running(after.get("pid", 0)):
            continue  # still at work (the window and the command line at the same time)
        out = Path(after["out"])
        if out.is_dir():
            remove_stray_parts(out)
        since = int((dt.datetime.fromisoformat(at).timestamp() - 1) * 1e9)  # the entry's time: whole seconds
        found = [name for name in after["planned"] if written_since(out / name, since)]
        _close(place, actor, Batch(batch_id, action[:-len(STARTED)], target, out, after["signed"]), found,
               "interrupted")
        closed.append(batch_id)
    return closed

