"""Commitments (EXPERT_COMMITMENT) and attendance: each confirmed member's signed commitment — a scan or photo of the
signed letter kept in blobs/, or signed on site as a supervisor, signed in, confirms — and who sat on the review day,
with ENTERPRISE_THIRD checked again on the panel as it sat."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain.commitments import ATTENDANCE, SAT, attendance_of
from desktop.domain.errors import NotFound, UserError
from desktop.domain.ids import canonical
from desktop.domain.quota import check_panel
from desktop.services import attachments
from desktop.services.accounts import Operator, check_witness, require
from desktop.services.rounds import RoundRef, get_round, round_id_in, settings_of
from desktop.services.uow import change, reading
from desktop.store import seating
from desktop.store.execution_tables import Attendance, ExpertCommitment
from desktop.store.round_tables import Panel
from desktop.store.tables import Person
from desktop.store.workspace import Workspace

Place = Path | Workspace


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _member(session: Session, round_id: int, expert: str) -> tuple[Person, seating.Seat]:
    number = canonical(expert or "")
    person = session.exec(select(Person).where(Person.id_number == number)).first()
    if person is None:
        raise NotFound(f"专家库中没有身份证号为 {number} 的专家")
    members = {seat.id_number: seat for seat in seating.seats(session, round_id)}
    if number not in members:
        raise UserError(f"{person.name} 不是本轮已确认评审组的成员：承诺书和出席只为已确认的评审专家记录")
    return person, members[number]


def record_commitment(place: Place, actor: Operator, round_id: int | RoundRef, expert: str, *,
                      scan: Path | None = None, on_site_by: Operator | None = None) -> dict:
    """One member's signed commitment: ``scan`` (PDF, JPEG or PNG, checked) or signed on site, confirmed by
    ``on_site_by``, a supervisor signed in with their own account."""
    require(actor, "commitments.record", place)
    round_id = round_id_in(place, round_id)
    if (scan is None) == (on_site_by is None):
        raise UserError("请二选一：导入签署的承诺书扫描件，或由监督员登录确认已现场签署")
    media = attachments.check_scan(scan) if scan is not None else None
    if on_site_by is not None:
        check_witness(actor, on_site_by)
        require(on_site_by, "commitments.confirm", place)
    with change(place, actor, "commitment.record", f"round:{round_id}") as unit:
        session = unit.session
        get_round(session, round_id)
        person, seat = _member(session, round_id, expert)
        panel = seat.panel
        unit.target = f"round:{round_id}/panel:{panel}/expert:{person.id_number}"
        if session.exec(select(ExpertCommitment.id).where(ExpertCommitment.round_id == round_id,
                                                          ExpertCommitment.person_id == person.id)).first():
            raise UserError(f"{person.name} 的承诺书已记录")
        stored = None if scan is None else attachments.store(session, unit.workspace, scan, "scan", media, None,
                                                             actor.name)
        row = ExpertCommitment(round_id=round_id, person_id=person.id, kind="scan" if scan else "on_site",
                               attachment=stored.sha256 if stored else None,
                               confirmed_by=on_site_by.name if on_site_by else "", recorded_by=actor.name,
                               recorded_at=_now())
        session.add(row)
        session.flush()
        result = {"round": round_id, "panel": panel, "expert": person.id_number, "name": person.name,
                  "kind": row.kind, "scan": stored.to_dict() if stored else None, "confirmed_by": row.confirmed_by,
                  "recorded_by": row.recorded_by, "recorded_at": row.recorded_at}
        unit.after = result
        return result


def record_attendance(place: Place, actor: Operator, round_id: int | RoundRef, expert: str, status: str,
                      note: str = "") -> dict:
    """Present, absent or left early on the review day (a correction replaces the earlier entry, audited); the
    panel's ENTERPRISE_THIRD as it sat comes back with it."""
    require(actor, "attendance.record", place)
    round_id = round_id_in(place, round_id)
    status = attendance_of(status)
    with change(place, actor, "attendance.record", f"round:{round_id}") as unit:
        session = unit.session
        get_round(session, round_id)
        person, seat = _member(session, round_id, expert)
        panel_id, panel = seat.panel_id, seat.panel
        unit.target = f"round:{round_id}/panel:{panel}/expert:{person.id_number}"
        row = session.get(Attendance, (round_id, person.id))
        unit.before = None if row is None else {"status": row.status, "note": row.note}
        if row is None:
            row = Attendance(round_id=round_id, person_id=person.id, panel_id=panel_id, status=status, note=note,
                             recorded_by=actor.name, recorded_at=_now())
            session.add(row)
        else:
            row.status, row.note, row.recorded_by, row.recorded_at = status, note, actor.name, _now()
        session.flush()
        sat = _as_sat(session, round_id, panel_id)
        result = {"round": round_id, "panel": panel, "expert": person.id_number, "name": person.name,
                  "status": status, "status_label": ATTENDANCE[status], "note": note, "as_sat": sat}
        unit.after = result
        return result


def _as_sat(session: Session, round_id: int, panel_id: int) -> dict:
    """ENTERPRISE_THIRD on the panel as it sat: its members marked present (shown, flagged when below)."""
    members = {s.id_number: s for s in seating.seats(session, round_id) if s.panel_id == panel_id}
    marked = dict(session.execute(select(Person.id_number, Attendance.status).join(Person, Person.id ==
                                                                                    Attendance.person_id)
                                  .where(Attendance.round_id == round_id, Attendance.panel_id == panel_id)).all())
    sat = [members[e].enterprise for e, status in marked.items() if status in SAT and e in members]
    size = session.get(Panel, panel_id).size
    verdict = check_panel(sat, len(sat), settings_of(get_round(session, round_id)).enterprise_fraction)
    return {"size": size, "sat": len(sat), "marked": len(marked), "unmarked": len(members) - len(marked),
            "enterprise_count": verdict.count, "enterprise_required": verdict.required,
            "quota_ok": verdict.ok, "flagged": bool(marked) and not verdict.ok, "message": verdict.message}


def commitments_status(place: Place, op: Operator, round_id: int | RoundRef) -> list[dict]:
    """Every member of the round's confirmed panels: their commitment and attendance, and each panel as it sat."""
    require(op, "calls.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        get_round(session, round_id)
        members = seating.seats(session, round_id)
        made = {c.person_id: c for c in session.exec(select(ExpertCommitment)
                                                      .where(ExpertCommitment.round_id == round_id))}
        marked = {a.person_id: a for a in session.exec(select(Attendance).where(Attendance.round_id == round_id))}
        sat = {seat.panel_id: _as_sat(session, round_id, seat.panel_id) for seat in members}
        rows = []
        for seat in members:
            c, a = made.get(seat.person_id), marked.get(seat.person_id)
            rows.append({"panel": seat.panel, "expert": seat.id_number, "name": seat.name,
                         "enterprise": seat.enterprise,
                         "commitment": None if c is None else {"kind": c.kind, "attachment": c.attachment,
                                                               "confirmed_by": c.confirmed_by,
                                                               "recorded_at": c.recorded_at},
                         "attendance": None if a is None else a.status, "as_sat": sat[seat.panel_id]})
        return rows
