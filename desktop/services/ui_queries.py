"""Small read-only questions the window asks that the catalogue does not answer (the audited reveal of a person's
numbers is services.confidential's)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.domain.ids import canonical
from desktop.services.accounts import Operator, require
from desktop.services import conflicts as conflict_service
from desktop.services import rounds
from desktop.services.catalogue import with_enterprise
from desktop.services.rounds import RoundRef
from desktop.services.stays import enterprise_today
from desktop.services.gc_pause import gc_paused
from desktop.services.uow import reading
from desktop.store import queries
from desktop.store.round_tables import Draw, DrawMember, Panel, ReviewRound
from desktop.store.tables import Application, AuditEntry, Expert, FieldCode, Person
from desktop.store.workspace import Workspace

Place = Path | Workspace

def rounds_served(place: Place, op: Operator, id_number: str) -> list[dict]:
    """The rounds an expert was drawn for (members and reserves) in draws still in force."""
    require(op, "experts.read", place)
    with reading(place) as session:
        rows = session.execute(
            select(ReviewRound.name, ReviewRound.review_date, Panel.name, DrawMember.reserve, DrawMember.position)
            .join(Draw, Draw.id == DrawMember.draw_id).join(ReviewRound, ReviewRound.id == Draw.round_id)
            .join(Panel, Panel.id == DrawMember.panel_id).join(Person, Person.id == DrawMember.person_id)
            .where(Person.id_number == canonical(id_number), Draw.superseded.is_(False))
            .order_by(ReviewRound.review_date)).all()
    return [{"round": r, "date": d, "panel": p, "reserve": bool(res), "position": pos} for r, d, p, res, pos in rows]


def field_coverage(place: Place, op: Operator, digits: int = 3) -> list[dict]:
    """Experts and applications per field cut to ``digits`` (the top level by default), most applications first:
    a field with applications and few experts is where a draw will run short."""
    require(op, "summary", place)
    with reading(place) as session:
        names = dict(session.execute(select(FieldCode.code, FieldCode.name)).all())
        experts: Counter[str] = Counter()
        for (codes,) in session.execute(select(Expert.fields)):
            experts.update({c[:digits] for c in codes.split(";") if c})
        applications = Counter(code[:digits] for (code,) in session.execute(select(Application.field_code)))
    keys = set(experts) | set(applications)
    rows = [{"field": k, "name": names.get(k, ""), "experts": experts[k], "applications": applications[k]}
            for k in keys]
    return sorted(rows, key=lambda r: (-r["applications"], -r["experts"], r["field"]))


def enterprise_share(place: Place, op: Operator) -> dict[str, int]:
    """Experts in the pool by whether they count as enterprise experts (ENTERPRISE_THIRD)."""
    require(op, "summary", place)
    with reading(place) as session:
        statuses = enterprise_today(session).values()
    enterprise = sum(1 for status in statuses if status.counts)
    return {"enterprise": enterprise, "other": len(statuses) - enterprise}


def expert_rows(place: Place, op: Operator) -> list[dict]:
    """The expert listing as the pool table shows it (no e-mail, no organisation code), read as fast as the store
    can: on 50,000 experts this decides how soon the pool opens. Whether each counts as an enterprise expert is
    derived from every stay of the pool and takes three times as long, so it is left to ``expert_enterprise``."""
    require(op, "experts.read", place)
    with reading(place) as session:
        return queries.expert_table(session)


def expert_enterprise(place: Place, op: Operator, rows: list[dict]) -> list[dict]:
    """Each row of ``expert_rows`` completed with whether the expert counts as an enterprise expert and why."""
    require(op, "experts.read", place)
    with reading(place) as session:
        return with_enterprise(session, rows)


@dataclass(frozen=True)
class ExcludedPair:
    """One expert kept from one application, with the titles of the grounds (the window only shows it)."""
    expert: str  # ID number, masked by the window
    name: str
    codes: tuple[str, ...]
    titles: tuple[str, ...]


@dataclass(frozen=True)
class ConflictSummary:
    """What the conflicts step shows first, computed in a worker: per application how many experts are excluded
    from it other than by FIELD. A large round has millions of such pairs (two million in the 50,000-expert
    benchmark): handing them all to the window, or the index they come from, kept it frozen for seconds while the
    collector and the handover walked them; so one application's pairs and one pair's grounds in words are asked for
    when chosen (``application_conflicts``, ``explain_pair``), from the conflicts kept by the service."""
    ref: RoundRef
    applications: tuple[tuple[str, str, int], ...]  # (number, panel, experts excluded) in panel order
    experts: int
    warnings: tuple[str, ...]

    @property
    def pairs(self) -> int:
        return sum(count for _, _, count in self.applications)


def conflict_summary(place: Place, op: Operator, ref: RoundRef) -> ConflictSummary:
    found = conflict_service.round_conflicts(place, op, ref)
    with gc_paused():
        applications = tuple((number, panel, len(found.excluded_experts(number)))
                             for panel, numbers in found.panels.items() for number in numbers)
    return ConflictSummary(ref, applications, len(found.experts), tuple(found.warnings))


def application_conflicts(place: Place, op: Operator, ref: RoundRef, application: str) -> tuple[ExcludedPair, ...]:
    """The experts excluded from one application other than by FIELD, by ID number, with every ground's code
    (FIELD included where it also applies)."""
    found = conflict_service.round_conflicts(place, op, ref)
    if application not in found.applications:
        raise rounds.NotFound(f"项目 {application} 不在本轮任何评审组中")
    rows = []
    for expert, grounds in sorted(found.for_application(application).items()):
        codes = tuple(dict.fromkeys(g.code for g in grounds))
        if found.field_ground(application, expert) is not None:
            codes += ("FIELD",)
        rows.append(ExcludedPair(expert, found.experts[expert].name if expert in found.experts else "",
                                 codes, tuple(conflict_service.ground_title(c) for c in codes)))
    return tuple(rows)


def explain_pair(place: Place, op: Operator, ref: RoundRef, application: str, expert: str) -> tuple[str, list[str]]:
    """The name of any expert of the pool and every ground against one application, in sentences."""
    found = conflict_service.round_conflicts(place, op, ref)
    sentences = conflict_service.explanation(found, application, expert)  # NotFound for an unknown pair
    return found.experts[canonical(expert)].name, sentences


def round_documents(place: Place, op: Operator, ref: RoundRef, kind: str, since: str = "") -> list[Path]:
    """The documents of ``kind`` ("letters", "sign_in_sheet", "score_sheet") the latest batch of the round wrote
    (at or after ``since``, the draw they belong to), as far as they are still on disk: the audit log says where
    each batch wrote what, so the list survives a restart and a folder chosen by hand. A round imported from an
    archive lists what its import wrote of that kind (desktop.services.archive.imported_documents)."""
    require(op, "documents.read", place)
    action, target = f"documents.{kind}", f"round:{rounds.round_id_in(place, ref)}"
    with reading(place) as session:
        found = session.execute(select(AuditEntry.action, AuditEntry.after).where(
            AuditEntry.action.in_((action, "archive.import")), AuditEntry.target == target, AuditEntry.at >= since)
                                .order_by(AuditEntry.id.desc()).limit(1)).first()
    if not found:
        return []
    batch = json.loads(found.after)
    if found.action == "archive.import":
        written = batch.get("documents") or {}  # none from an import made before documents were imported
        batch = {"out": written.get("out", ""), "files": written.get("kinds", {}).get(kind, ())}
    out = Path(batch.get("out", ""))
    return [out / name for name in batch.get("files", ()) if (out / name).is_file()]
