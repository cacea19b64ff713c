"""One change = one transaction + one audit entry; either both happen or neither.

The entry carries the digests of the table groups the change touched (desktop.store.digests), so the log covers the
data it describes, and every entry gets a checkpoint of the chain's new head in the same transaction
(desktop.services.checkpoints): signed with the workspace's identity when its passphrase is at hand (the system
keyring, ``PANELDESK_PASSPHRASE``, or the password the draw, the documents and the exports are given), else
unsigned with the reason. So a draw, a batch of documents and an export always sign the head when they can, and an
entry without its checkpoint was not written by PanelDesk.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import func
from sqlmodel import Session, select

from desktop.domain.errors import UserError
from desktop.domain.methods import check_changeable
from desktop.services import audit, checkpoints
from desktop.store import digests, pending_seals
from desktop.store.engine import WRITE
from desktop.store.round_tables import ReviewRound
from desktop.store.tables import AuditEntry
from desktop.store.workspace import Workspace, open_workspace
from reports.errors import DiskFull
from reports.files import disk_full, is_disk_full


class ReadOnlyWorkspace(UserError):
    """The workspace is a read-only copy: it can be listed and verified, never changed."""


ROUND_TARGET = re.compile(r"round:(\d+)(?:/|$)")


@dataclass
class Change:
    session: Session
    workspace: Workspace
    before: dict[str, Any] | None = None
    after: dict[str, Any] = field(default_factory=dict)
    target: str = ""


def workspace_of(place: Path | Workspace) -> Workspace:
    workspace = place if isinstance(place, Workspace) else open_workspace(place)
    if not workspace.read_only and not workspace.digested:
        _digest_stale_tables(workspace)
    return workspace


def _digest_stale_tables(workspace: Workspace) -> None:
    """A workspace from before the log covered the data, or one whose schema an upgrade changed: digest the tables
    whose digests were not made with their present columns (or not made at all), as one audited change (a new
    workspace's empty tables need no entry: there is nothing in them to vouch for). Groups digested before their
    row lists were kept get them, sealed by an entry of their own, and what a schema migration changed in the data
    is sealed by the entry it left (desktop.store.pending_seals)."""
    with workspace.session() as session, session.begin():
        stale = digests.stale_tables(session)
        if stale:
            digests.discard(session)
            sealed, lists = digests.rebase(session, stale)
            stale = [t for t in stale if sealed[t]]
        if stale:
            layouts = digests.signatures(session, stale)
            _record(session, workspace, "PanelDesk", "audit.digest", ", ".join(stale), None,
                    {"tables": {t: sum(int(s.split(":")[0]) for s in sealed[t].values()) for t in stale}},
                    {"tables": sealed, "rows": lists, "rebased": layouts}, None)
        for action, target, after, sealed in pending_seals.take(session):
            _record(session, workspace, "PanelDesk", action, target, None, after, sealed, None)
        listed_before = session.exec(select(AuditEntry.id).where(AuditEntry.action == "audit.rows").limit(1)).first()
        unlisted = [] if listed_before is not None else digests.unlisted(session)
        if unlisted:
            made = digests.list_rows(session, unlisted)
            if made:
                _record(session, workspace, "PanelDesk", "audit.rows", ", ".join(made), None,
                        {"tables": {t: len(groups) for t, groups in made.items()}}, {"rows": made}, None)
    workspace.digested = True


def writable(place: Path | Workspace) -> Workspace:
    """The workspace, if it may be changed; a read-only copy is refused before any work starts."""
    workspace = workspace_of(place)
    if workspace.read_only:
        raise ReadOnlyWorkspace(f"工作区 {workspace.root} 是只读的（如归档副本或写保护的存储），只能查看和校验，"
                                "不能修改；请复制到可写的位置后再操作")
    return workspace


def _record(session: Session, workspace: Workspace, actor: str, action: str, target: str, before, after,
            sealed: dict, password: checkpoints.Password) -> None:
    entry = audit.append(session, getattr(actor, "name", actor), action, target, before, after, sealed)
    session.flush()
    checkpoints.write(session, workspace.root, session.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
                      entry.hash, password)


def guard_round(session: Session, round_id: int) -> None:
    """Refuse a change of a closed round's data (read-only once closed). ``change`` calls it for a ``round:N``
    target; a change whose target is something of a round (an objection) calls it with that round."""
    row = session.get(ReviewRound, round_id)
    if row is not None:
        check_changeable(row.state, round_id)


@contextmanager
def change(place: Path | Workspace, actor, action: str, target: str = "", *,
           password: checkpoints.Password = None, round_unchanged: bool = False) -> Iterator[Change]:
    """Run the body in one BEGIN IMMEDIATE transaction (checks and writes see one state) and append its audit
    entry (with the digests of what it changed) and its checkpoint before the commit; ``password`` unlocks the
    signing key where no keyring holds it. ``actor`` is the signed-in Operator (the entry names its account) or,
    for what no account does (a failed sign-in, PanelDesk's own upkeep), a name. A target ``round:N…`` is refused
    when that round is closed, unless ``round_unchanged`` says the change only records an act on the round's data
    (an export, a replay of its draw, a printed list). A full disk, in the body or at the commit, rolls everything
    back and is a DiskFull naming the workspace."""
    workspace = writable(place)
    try:
        with workspace.session() as session, session.begin():
            session.connection(execution_options=WRITE)
            digests.discard(session)
            unit = Change(session, workspace, target=target)
            if not round_unchanged and (of_round := ROUND_TARGET.match(target)):
                guard_round(session, int(of_round.group(1)))
            yield unit
            session.flush()
            changed, lists = digests.collect(session)
            _record(session, workspace, actor, action, unit.target, unit.before, unit.after,
                    {"tables": changed, "rows": lists, "layouts": digests.signatures(session, changed)}, password)
    except Exception as error:
        if is_disk_full(error) and not isinstance(error, DiskFull):
            raise disk_full(workspace.root) from error
        raise


@contextmanager
def reading(place: Path | Workspace) -> Iterator[Session]:
    """A read-only session; nothing it does is committed."""
    with workspace_of(place).session() as session:
        yield session
        session.rollback()
