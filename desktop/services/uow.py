"""One change = one transaction + one audit entry; either both happen or neither."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from sqlmodel import Session

from desktop.services import audit
from desktop.store.workspace import Workspace, open_workspace


@dataclass
class Change:
    session: Session
    workspace: Workspace
    before: dict[str, Any] | None = None
    after: dict[str, Any] = field(default_factory=dict)
    target: str = ""


def workspace_of(place: Path | Workspace) -> Workspace:
    return place if isinstance(place, Workspace) else open_workspace(place)


@contextmanager
def change(place: Path | Workspace, actor: str, action: str, target: str = "") -> Iterator[Change]:
    """Run the body in one transaction and append its audit entry before the commit."""
    workspace = workspace_of(place)
    with workspace.session() as session, session.begin():
        unit = Change(session, workspace, target=target)
        yield unit
        session.flush()
        audit.append(session, actor, action, unit.target, unit.before, unit.after)


@contextmanager
def reading(place: Path | Workspace) -> Iterator[Session]:
    """A read-only session; nothing it does is committed."""
    with workspace_of(place).session() as session:
        yield session
        session.rollback()
