"""Misconduct records entered by the secretariat (RULES.md MISCONDUCT_RECORD, MEASURES), beside the imported ones:
the violation and measures chosen from 002's lists, and the notification whose date starts the 15 working days a
subject has to request a review (第二十二条), counted on the workspace's calendar and kept with its version."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain.errors import NotFound, RuleError
from desktop.domain.ids import canonical, credit_code_problem, id_number_problem
from desktop.domain.misconduct import ORGANISATION_ARTICLES, REVIEW_REQUEST_DAYS, Entered, check_entered, in_force, \
    measure_ref
from desktop.services.accounts import Operator, require
from desktop.services.uow import change, reading
from desktop.services.working_days import record_deadline
from desktop.store.calendar_tables import Deadline
from desktop.store.tables import IntegrityRecord
from desktop.store.workspace import Workspace

REVIEW_REQUEST = "复核申请"
NO_PERIOD, NOT_YET, IN_FORCE, ENDED, REPAIRED = "无惩戒期", "未到惩戒期", "惩戒期内", "惩戒期已满", "已信用修复"


def date_of(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _subject(code: str, article: str, today: dt.date) -> tuple[str, bool]:
    """The canonical code, checked as the kind of subject the article is about: a unit's credit code (第十条、
    第十二条) or a person's ID number (an 18-digit ID number may pass a credit code's check by chance)."""
    code = canonical(code)
    is_unit = article in ORGANISATION_ARTICLES
    problem = credit_code_problem(code) if is_unit else id_number_problem(code, today)
    if problem:
        raise RuleError("IDENTIFIERS", f"IDENTIFIERS 责任主体的{'统一社会信用代码' if is_unit else '身份证号'}无效：{problem}")
    return code, is_unit


def record_dict(session: Session, row: IntegrityRecord, today: dt.date) -> dict:
    due = session.exec(select(Deadline).where(Deadline.kind == REVIEW_REQUEST,
                                              Deadline.target == f"integrity_record {row.id}")
                       .order_by(Deadline.id.desc())).first()
    start, end, repaired = date_of(row.penalty_start), date_of(row.penalty_end), date_of(row.repaired_on)
    if repaired is not None and today >= repaired:
        status = REPAIRED
    elif start is None and end is None:
        status = NO_PERIOD
    elif in_force(start, end, repaired, today):
        status = IN_FORCE
    else:
        status = NOT_YET if start and today < start else ENDED
    return {"id": row.id, "subject_name": row.subject_name, "subject_code": row.subject_code,
            "project_name": row.project_name, "project_number": row.project_number,
            "violation": row.violation, "violation_ref": row.violation_ref,
            "measures": [m for m in row.measures.split(";") if m], "measure_items": row.measure_items,
            "penalty_start": row.penalty_start, "penalty_end": row.penalty_end, "decided_by": row.decided_by,
            "basis": row.basis, "decision_date": row.decision_date, "notified_on": row.notified_on,
            "review_request_due": due.due if due else None,
            "review_request_calendar": due.calendar_version if due else None,
            "repaired_on": row.repaired_on, "status": status}


def record_misconduct(place: Path | Workspace, op: Operator, entered: Entered, today: dt.date) -> dict:
    """Enter one record; with its notification date, the review-request deadline is counted and kept."""
    require(op, "misconduct.edit", place)
    code, is_unit = _subject(entered.subject_code, entered.article, today)
    entered = replace(entered, subject_code=code, subject_is_unit=is_unit)
    check_entered(entered)
    with change(place, op, "misconduct.record", f"{entered.subject_name} {entered.violation_ref}") as unit:
        clash = unit.session.exec(select(IntegrityRecord).where(
            IntegrityRecord.subject_code == code, IntegrityRecord.violation == entered.violation,
            IntegrityRecord.decision_date == entered.decision_date.isoformat(),
            IntegrityRecord.project_number == entered.project_number)).first()
        if clash is not None:
            raise RuleError("MISCONDUCT_RECORD", f"MISCONDUCT_RECORD 同一主体、同一失信行为、同一决定日期的记录已有"
                                                 f"（编号{clash.id}）")
        row = IntegrityRecord(
            subject_name=entered.subject_name.strip(), subject_code=code, project_name=entered.project_name,
            project_number=entered.project_number, violation=entered.violation,
            violation_ref=entered.violation_ref, measures=";".join(entered.measure_texts),
            measure_items=";".join(measure_ref(m) for m in entered.measures),
            penalty_start=entered.penalty_start and entered.penalty_start.isoformat(),
            penalty_end=entered.penalty_end and entered.penalty_end.isoformat(), decided_by=entered.decided_by,
            basis=entered.basis, decision_date=entered.decision_date.isoformat(),
            notified_on=entered.notified_on and entered.notified_on.isoformat())
        unit.session.add(row)
        unit.session.flush()
        if entered.notified_on:
            record_deadline(unit.session, REVIEW_REQUEST, f"integrity_record {row.id}", entered.notified_on,
                            REVIEW_REQUEST_DAYS)
        unit.target = f"integrity_record {row.id}"
        result = record_dict(unit.session, row, today)
        unit.after = {k: result[k] for k in ("id", "subject_name", "violation_ref", "measure_items", "penalty_start",
                                              "penalty_end", "decision_date", "notified_on", "review_request_due")}
    return result


def record_notification(place: Path | Workspace, op: Operator, record_id: int, notified_on: dt.date,
                        today: dt.date) -> dict:
    """The subject was notified (第二十一条): the review request may be made within 15 working days from then."""
    require(op, "misconduct.edit", place)
    with change(place, op, "misconduct.notify", f"integrity_record {record_id}") as unit:
        row = record_row(unit.session, record_id)
        if row.decision_date and notified_on.isoformat() < row.decision_date:
            raise RuleError("MISCONDUCT_RECORD", f"MISCONDUCT_RECORD 通报日期 {notified_on} 早于处理决定日期 "
                                                 f"{row.decision_date}")
        unit.before = {"notified_on": row.notified_on}
        row.notified_on = notified_on.isoformat()
        unit.session.add(row)
        found = record_deadline(unit.session, REVIEW_REQUEST, f"integrity_record {row.id}", notified_on,
                                REVIEW_REQUEST_DAYS)
        unit.after = {"notified_on": row.notified_on, "review_request_due": found.due.isoformat(),
                      "version": found.version}
        return record_dict(unit.session, row, today)


def record_row(session: Session, record_id: int) -> IntegrityRecord:
    row = session.get(IntegrityRecord, record_id)
    if row is None:
        raise NotFound(f"没有编号为 {record_id} 的诚信记录")
    return row


def misconduct_records(place: Path | Workspace, op: Operator, today: dt.date) -> list[dict]:
    """Every record, imported or entered, with its status on ``today`` and its review-request deadline."""
    require(op, "experts.read", place)
    with reading(place) as session:
        return [record_dict(session, row, today)
                for row in session.exec(select(IntegrityRecord).order_by(IntegrityRecord.id))]
