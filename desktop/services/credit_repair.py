"""Credit repair (RULES.md CREDIT_REPAIR): the secretariat records an application with its evidence, judged at once
against the four conditions of 002 第二十五条; an approver (审批人) decides. An approved repair ends the listing
from the decision's date (INTEGRITY no longer excludes from then on); the record and the decision are kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain.credit_repair import LEVELS, Application, Penalty, check_approval, conditions
from desktop.domain.errors import NotFound, RuleError, UserError
from desktop.services.accounts import Operator, require
from desktop.services.misconduct import date_of, record_row
from desktop.services.uow import change, reading
from desktop.store.integrity_tables import CreditRepair
from desktop.store.tables import IntegrityRecord
from desktop.store.workspace import Workspace

PENDING, APPROVED, REFUSED = "待审批", "同意修复", "不予修复"


def _penalty(session: Session, row: IntegrityRecord) -> Penalty:
    others = session.exec(select(IntegrityRecord.decision_date).where(
        IntegrityRecord.subject_code == row.subject_code, IntegrityRecord.id != row.id)).all()
    return Penalty(row.id, date_of(row.penalty_start), date_of(row.penalty_end), date_of(row.repaired_on),
                   tuple(d for d in (date_of(x) for x in others) if d is not None))


def _repair_dict(repair: CreditRepair, row: IntegrityRecord) -> dict:
    return {"id": repair.id, "record_id": repair.record_id, "subject_name": row.subject_name,
            "subject_code": row.subject_code, "violation": row.violation, "penalty_start": row.penalty_start,
            "penalty_end": row.penalty_end, "applied_on": repair.applied_on, "conditions": json.loads(repair.checks),
            "all_met": all(c["met"] for c in json.loads(repair.checks)), "state": repair.state,
            "decided_by": repair.decided_by, "decided_on": repair.decided_on, "reason": repair.reason,
            "recorded_by": repair.recorded_by}


def apply_for_repair(place: Path | Workspace, op: Operator, record_id: int, application: Application) -> dict:
    """Record an application for repair and judge it against 第二十五条 as of its date."""
    require(op, "misconduct.edit", place)
    if application.commendation_level and application.commendation_level not in LEVELS:
        raise UserError(f"表彰级别应为以下之一：{'、'.join(LEVELS)}")
    with change(place, op, "repair.apply", f"integrity_record {record_id}") as unit:
        row = record_row(unit.session, record_id)
        pending = unit.session.exec(select(CreditRepair).where(CreditRepair.record_id == record_id,
                                                               CreditRepair.state == PENDING)).first()
        if pending is not None:
            raise RuleError("CREDIT_REPAIR", f"CREDIT_REPAIR 该记录已有待审批的修复申请（编号{pending.id}）")
        found = conditions(_penalty(unit.session, row), application)
        repair = CreditRepair(
            record_id=row.id, applied_on=application.applied_on.isoformat(), corrected=application.corrected.strip(),
            commitment=application.commitment.strip(),
            commendation_date=application.commendation_date and application.commendation_date.isoformat(),
            commendation_level=application.commendation_level, commendation=application.commendation.strip(),
            checks=json.dumps([c.to_dict() for c in found], ensure_ascii=False), recorded_by=op.name)
        unit.session.add(repair)
        unit.session.flush()
        result = _repair_dict(repair, row)
        unit.target = f"credit_repair {repair.id}"
        unit.after = {"record_id": row.id, "applied_on": repair.applied_on,
                      "conditions": {c.number: c.met for c in found}}
    return result


def decide_repair(place: Path | Workspace, op: Operator, repair_id: int, approve: bool, decided_on: dt.date,
                  reason: str = "") -> dict:
    """The approver's decision: approval needs every condition met and ends the listing from ``decided_on``."""
    require(op, "repair.decide", place)
    with change(place, op, "repair.decide", f"credit_repair {repair_id}") as unit:
        repair = unit.session.get(CreditRepair, repair_id)
        if repair is None:
            raise NotFound(f"没有编号为 {repair_id} 的信用修复申请")
        if repair.state != PENDING:
            raise RuleError("CREDIT_REPAIR", f"CREDIT_REPAIR 该申请已于{repair.decided_on}决定（{repair.state}）")
        if decided_on.isoformat() < repair.applied_on:
            raise UserError(f"决定日期 {decided_on} 早于申请日期 {repair.applied_on}")
        row = record_row(unit.session, repair.record_id)
        found = conditions(_penalty(unit.session, row), _application(repair))  # again: a record may have come since
        repair.checks = json.dumps([c.to_dict() for c in found], ensure_ascii=False)
        if approve:
            check_approval(found)
        elif not reason.strip():
            raise UserError("不予修复须写明理由")
        repair.state = APPROVED if approve else REFUSED
        repair.decided_by, repair.decided_on, repair.reason = op.name, decided_on.isoformat(), reason.strip()
        unit.session.add(repair)
        if approve:
            row.repaired_on = decided_on.isoformat()
            unit.session.add(row)
        unit.after = {"state": repair.state, "decided_on": repair.decided_on, "reason": repair.reason,
                      "record_id": row.id}
        unit.session.flush()
        return _repair_dict(repair, row)


def _application(repair: CreditRepair) -> Application:
    return Application(date_of(repair.applied_on), repair.corrected, repair.commitment,
                       date_of(repair.commendation_date), repair.commendation_level, repair.commendation)


def repairs(place: Path | Workspace, op: Operator, record_id: int | None = None) -> list[dict]:
    require(op, "experts.read", place)
    with reading(place) as session:
        query = select(CreditRepair).order_by(CreditRepair.id)
        if record_id is not None:
            query = query.where(CreditRepair.record_id == record_id)
        return [_repair_dict(r, session.get(IntegrityRecord, r.record_id)) for r in session.exec(query)]
