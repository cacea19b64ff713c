"""Reading the workspace: listings and details as plain dictionaries for the CLI and the window."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from desktop.domain.errors import NotFound
from desktop.services.stays import enterprise_today
from desktop.services.uow import reading
from desktop.store import queries
from desktop.store.workspace import Workspace

KINDS = ("experts", "organisations", "applications", "persons", "relations", "integrity")


def with_enterprise(session: Session, experts: list[dict]) -> list[dict]:
    """Each expert row with whether the expert counts as an enterprise expert this year and why (ENTERPRISE_THIRD,
    derived from the current organisation in the dated history, not stored at import)."""
    statuses = enterprise_today(session)
    for row in experts:
        status = statuses[row["id_number"]]
        row["enterprise"], row["enterprise_basis"] = status.counts, status.basis
    return experts


def listing(place: Path | Workspace, kind: str) -> list[dict]:
    with reading(place) as session:
        rows = {
            "experts": queries.experts, "organisations": queries.organisations,
            "applications": queries.applications, "persons": queries.persons,
            "relations": queries.relations, "integrity": queries.integrity,
        }[kind](session)
        return with_enterprise(session, rows) if kind == "experts" else rows


def detail(place: Path | Workspace, kind: str, key: str) -> dict:
    with reading(place) as session:
        if kind == "experts":
            found = queries.expert_detail(session, key.upper())
            if found is not None:
                with_enterprise(session, [found])
        elif kind == "applications":
            found = queries.application_detail(session, key)
        elif kind in ("relations", "integrity"):
            rows = (queries.relations if kind == "relations" else queries.integrity)(
                session, int(key) if key.isdigit() else -1)
            found = rows[0] if rows else None
        else:
            rows = (queries.organisations if kind == "organisations" else queries.persons)(session, key.upper())
            found = rows[0] if rows else None
    if found is None:
        raise NotFound(f"未找到：{kind} {key}")
    return found


def counts(place: Path | Workspace) -> dict[str, int]:
    with reading(place) as session:
        return queries.counts(session)
