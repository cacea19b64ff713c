"""Appeals against a round's result and requests for review of a misconduct record (APPEAL).

Each is received (a review request only within 15 working days of the record's notification, an appeal only by the
outcome notices' appeal deadline when notices were issued), accepted or not within 15 working days of receipt, and
decided within 90 working days of acceptance, a limit extendable once by six months with a recorded reason. Every
deadline is counted on the working-day calendar and kept with its version; acceptance and the decision are an
approver's who did not approve the round's results (SEPARATION). The notices of acceptance, non-acceptance and
decision are PDFs through reports/; those of an appeal against a round's result are kept with the round's
documents, so its archive holds every one printed.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from desktop.domain import appeals as rules
from desktop.domain.errors import NotFound, UserError
from desktop.domain.misconduct import REVIEW_REQUEST_DAYS  # 第二十二条
from desktop.services import documents, signing
from desktop.services.accounts import Operator, require
from desktop.services.feedback import approved, approved_rows
from desktop.services.rounds import RoundRef, round_id_in, show_round
from desktop.services.uow import change, reading
from desktop.services.working_days import load, record_deadline, record_extension
from desktop.store.after_review_tables import Appeal
from desktop.store.archive_tables import ArchivedRound
from desktop.store.calendar_tables import Deadline as DeadlineRow
from desktop.store.tables import IntegrityRecord
from desktop.store.workspace import Workspace
from reports.documents import AppealNotice, chinese_date

Place = Path | Workspace
EXTENDED = "appeal.decision.extended"  # the deadline row of a decision limit moved by six months
NOTICE, NOTICE_COPY = "documents.appeal_notice", "documents.appeal_notice_copy"  # made; copied to a chosen folder


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _dict(row: Appeal) -> dict:
    return {"id": row.id, "kind": row.kind, "kind_text": rules.KINDS[row.kind], "round": row.round_id,
            "application": row.application, "record": row.record_id, "appellant": row.appellant, "text": row.text,
            "received_on": row.received_on, "state": row.state, "state_text": rules.STATES[row.state],
            "acceptance_due": row.acceptance_due, "decision_due": row.decision_due,
            "calendar_version": row.calendar_version, "accepted_on": row.accepted_on, "reasons": row.reasons,
            "extension_reason": row.extension_reason, "decision": row.decision, "decided_by": row.decided_by,
            "decided_on": row.decided_on}


def _appeal_due(session: Session, round_id: int) -> dt.date | None:
    """The appeal deadline the round's latest outcome notices printed, if any were issued."""
    due = session.execute(select(DeadlineRow.due).where(DeadlineRow.kind == "appeal.result",
                                                         DeadlineRow.target == f"round:{round_id}")
                          .order_by(DeadlineRow.id.desc())).scalar()
    return None if due is None else dt.date.fromisoformat(due)


def receive_appeal(place: Place, actor: Operator, received_on: dt.date, appellant: str, text: str, *,
                   round_id: int | RoundRef | None = None, application: str = "",
                   record_id: int | None = None) -> dict:
    """An appeal against an application's result (``round_id`` and ``application``) or a request for review of a
    misconduct record (``record_id``), received on ``received_on``."""
    require(actor, "appeals.record", place)
    if (round_id is None) == (record_id is None):
        raise UserError("请指定申诉针对的评审轮次和项目，或复核申请针对的失信行为记录（二者选一）")
    if not appellant.strip() or not text.strip():
        raise UserError("申诉（复核申请）须写明申请人和申请事项")
    round_id = None if round_id is None else round_id_in(place, round_id)
    with change(place, actor, "appeal.receive", "appeal:new") as unit:
        session = unit.session
        if round_id is not None:
            _, results = approved(session, round_id)
            if application not in {row["application"] for row in approved_rows(results)}:
                raise NotFound(f"项目 {application} 不在评审轮次 {round_id} 的评审结果中")
            due = _appeal_due(session, round_id)
            if due is not None:
                rules.check_in_time(received_on, due, "对评审结果提出申诉")
            kind = "appeal"
        else:
            record = session.get(IntegrityRecord, record_id)
            if record is None:
                raise NotFound(f"失信行为记录 {record_id} 不存在")
            if not record.notified_on:
                raise UserError(f"失信行为记录 {record_id} 尚未登记通报日期，无法确定复核申请期限")
            due = load(session).deadline(dt.date.fromisoformat(record.notified_on), REVIEW_REQUEST_DAYS).due
            rules.check_in_time(received_on, due, "申请复核")
            kind = "review"
        row = Appeal(kind=kind, round_id=round_id, application=application if round_id else "", record_id=record_id,
                     appellant=appellant.strip(), text=text.strip(), received_on=received_on.isoformat(),
                     acceptance_due="", calendar_version="", recorded_by=actor.name, recorded_at=_now())
        session.add(row)
        session.flush()
        found = record_deadline(session, "appeal.acceptance", f"appeal:{row.id}", received_on,
                                rules.ACCEPTANCE_WORKING_DAYS)
        row.acceptance_due, row.calendar_version = found.due.isoformat(), found.version
        session.add(row)
        unit.target = f"appeal:{row.id}"
        unit.after = {"kind": kind, "appellant": row.appellant, "received_on": row.received_on,
                      "acceptance_due": row.acceptance_due, "version": found.version}
        return _dict(row)


def _approver_of(session: Session, row: Appeal) -> str:
    if row.round_id is None:
        return ""
    approval, _ = approved(session, row.round_id)
    return approval.approved_by


def _appeal(session: Session, appeal_id: int) -> Appeal:
    row = session.get(Appeal, appeal_id)
    if row is None:
        raise NotFound(f"申诉（复核申请）{appeal_id} 不存在")
    return row


def _changeable(session: Session, appeal_id: int) -> Appeal:
    """The appeal to move; refused when it came with a round imported from an archive (read-only here: it is
    decided in the workspace the round came from, and a new deadline would be counted on this one's calendar)."""
    row = _appeal(session, appeal_id)
    if row.round_id is not None and session.execute(select(ArchivedRound.id).where(
            ArchivedRound.round_id == row.round_id)).first() is not None:
        raise UserError(f"申诉（复核申请）{appeal_id} 属于从归档导入的评审轮次 {row.round_id}，只能查看："
                        "请在该轮次原来的工作区中处理")
    return row


def _moving(unit, actor: Operator, appeal_id: int, target: str) -> Appeal:
    row = _changeable(unit.session, appeal_id)
    rules.check_move(row.state, target)
    rules.check_decider(actor.name, _approver_of(unit.session, row))
    unit.before = {"state": row.state}
    return row


def accept_appeal(place: Place, actor: Operator, appeal_id: int, on: dt.date) -> dict:
    require(actor, "appeals.decide", place)
    with change(place, actor, "appeal.accept", f"appeal:{appeal_id}") as unit:
        row = _moving(unit, actor, appeal_id, "accepted")
        rules.check_in_time(on, dt.date.fromisoformat(row.acceptance_due), "作出受理决定")
        found = record_deadline(unit.session, "appeal.decision", f"appeal:{appeal_id}", on,
                                rules.DECISION_WORKING_DAYS)
        row.state, row.accepted_on, row.decision_due = "accepted", on.isoformat(), found.due.isoformat()
        row.calendar_version = found.version
        unit.session.add(row)
        unit.after = {"state": row.state, "accepted_on": row.accepted_on, "decision_due": row.decision_due,
                      "version": found.version}
        return _dict(row)


def reject_appeal(place: Place, actor: Operator, appeal_id: int, on: dt.date, reasons: str) -> dict:
    require(actor, "appeals.decide", place)
    if not reasons.strip():
        raise UserError("不予受理须写明理由")
    return _conclude(place, actor, appeal_id, on, "appeal.reject", "not_accepted", "reasons", reasons.strip(),
                     "acceptance_due", "作出受理决定")


def extend_appeal(place: Place, actor: Operator, appeal_id: int, reason: str) -> dict:
    """The decision's limit moved once by six months, with the reason (第二十三条)."""
    require(actor, "appeals.decide", place)
    if not reason.strip():
        raise UserError("延长处理期限须写明理由")
    with change(place, actor, "appeal.extend", f"appeal:{appeal_id}") as unit:
        row = _changeable(unit.session, appeal_id)
        if row.state != "accepted":
            raise UserError(f"申诉（复核申请）{appeal_id} 当前为“{rules.STATES[row.state]}”，只有已受理的才能延长处理期限")
        if row.extension_reason:
            raise UserError(f"申诉（复核申请）{appeal_id} 的处理期限已延长过一次（{row.extension_reason}）")
        unit.before = {"decision_due": row.decision_due}
        due = dt.date.fromisoformat(row.decision_due)
        record_extension(unit.session, EXTENDED, f"appeal:{appeal_id}", due, rules.extended(due), row.calendar_version)
        row.decision_due = rules.extended(due).isoformat()
        row.extension_reason = reason.strip()
        unit.session.add(row)
        unit.after = {"decision_due": row.decision_due, "reason": row.extension_reason}
        return _dict(row)


def decide_appeal(place: Place, actor: Operator, appeal_id: int, on: dt.date, decision: str) -> dict:
    require(actor, "appeals.decide", place)
    if not decision.strip():
        raise UserError("处理决定须写明内容")
    return _conclude(place, actor, appeal_id, on, "appeal.decide", "decided", "decision", decision.strip(),
                     "decision_due", "作出处理决定")


def _conclude(place: Place, actor: Operator, appeal_id: int, on: dt.date, action: str, state: str, field: str,
              text: str, due: str, doing: str) -> dict:
    """The appeal's last step, not accepted or decided: its words kept in ``field``, by whom and on which day, in
    time by the limit in ``due``."""
    with change(place, actor, action, f"appeal:{appeal_id}") as unit:
        row = _moving(unit, actor, appeal_id, state)
        rules.check_in_time(on, dt.date.fromisoformat(getattr(row, due)), doing)
        setattr(row, field, text)
        row.state, row.decided_by, row.decided_on = state, actor.name, on.isoformat()
        unit.session.add(row)
        unit.after = {"state": row.state, field: text, "decided_on": row.decided_on}
        return _dict(row)


def list_appeals(place: Place, op: Operator) -> list[dict]:
    require(op, "results.read", place)
    with reading(place) as session:
        return [_dict(row) for row in session.execute(select(Appeal).order_by(Appeal.id)).scalars()]


def appeal_notice(place: Place, op: Operator, appeal_id: int) -> AppealNotice:
    """The notice of the appeal's present state: acceptance, non-acceptance or the decision."""
    require(op, "results.read", place)
    with reading(place) as session:
        found = _appeal(session, appeal_id)
        row = _dict(found)
        record = session.get(IntegrityRecord, found.record_id) if found.record_id else None
        issuer, violation = (record.decided_by, record.violation) if record else ("", "")
    if row["state"] == "received":
        raise UserError(f"申诉（复核申请）{appeal_id} 尚未作出受理决定，没有可发出的通知书")
    issuer = show_round(place, op, row["round"]).issuer if row["round"] else issuer
    if not issuer:
        raise UserError("没有签发单位（评审轮次的签发单位或失信行为记录的决定单位），无法生成通知书")
    day_text = {key: chinese_date(dt.date.fromisoformat(row[key])) if row[key] else ""
                for key in ("received_on", "accepted_on", "decision_due")}
    subject = (f"对项目 {row['application']} 评审结果的申诉" if row["kind"] == "appeal"
               else f"对失信行为记录（{violation}）的复核申请")
    if row["state"] == "accepted":
        body = (f"你于{day_text['received_on']}提出的{subject}，经审查，决定予以受理。"
                f"我们将于{day_text['decision_due']}前（含当日）作出处理决定并书面告知。")
        day = row["accepted_on"]
    elif row["state"] == "not_accepted":
        body = f"你于{day_text['received_on']}提出的{subject}，经审查，决定不予受理。理由：{row['reasons']}"
        day = row["decided_on"]
    else:
        body = (f"你于{day_text['received_on']}提出的{subject}，已于{day_text['accepted_on']}受理。经复核，处理决定如下："
                f"{row['decision']}")
        day = row["decided_on"]
    return AppealNotice(row["state"], row["appellant"], body, issuer, dt.date.fromisoformat(day), f"{appeal_id}")


def notices_folder(place: Place, round_id: int | None) -> Path:
    """Where the workspace keeps an appeal's notices: an appeal against a round's result with the round's documents
    (out/round-ID/appeals/, so the round's archive holds them and an import brings them along), a request for
    review of a misconduct record in out/appeals/."""
    if round_id is None:
        return (place.root if isinstance(place, Workspace) else Path(place)) / "out" / "appeals"
    return documents.letters_folder(place, round_id) / "appeals"


def print_appeal_notice(place: Place, actor: Operator, appeal_id: int, out_dir: Path | None = None, *, sign: bool,
                        cancel: threading.Event | None = None, password: signing.Password = None) -> list[Path]:
    """The notice of the appeal's present state, written (and signed) into ``out_dir`` (the appeal's
    ``notices_folder`` if None); the files there. An appeal against a round's result has its notice made in the
    round's folder whatever folder is chosen, then copied byte for byte into the chosen one: the copy given out on
    a USB stick is never the only one the round's archive could have."""
    require(actor, "letters", place)
    notice = appeal_notice(place, actor, appeal_id)
    with reading(place) as session:
        round_id = _appeal(session, appeal_id).round_id
    kept = notices_folder(place, round_id)
    out_dir = kept if out_dir is None else Path(out_dir)
    target = f"appeal:{appeal_id}"
    made = documents.export_documents(place, actor, [notice], kept if round_id is not None else out_dir,
                                      action=NOTICE, target=target, sign=sign, cancel=cancel, password=password)
    if round_id is None or out_dir.resolve() == kept.resolve():
        return made
    return documents.copy_documents(place, actor, made, out_dir, action=NOTICE_COPY, target=target, signed=sign)
