"""Use cases over the audit log."""

from __future__ import annotations

from pathlib import Path

from desktop.services import audit
from desktop.services.uow import reading
from desktop.store.workspace import Workspace


def verify_log(place: Path | Workspace) -> audit.Verification:
    with reading(place) as session:
        return audit.verify(session)


def recent(place: Path | Workspace, limit: int = 500) -> list[dict]:
    with reading(place) as session:
        return [e.model_dump() for e in audit.entries(session, limit)]
