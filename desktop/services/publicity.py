"""The publicity period and its objections (PUBLICITY).

The list is the approved results' recommended applications; the period runs N working days (default 5) counting the
start day, its end counted on the calendar and kept with the calendar version. Objections are recorded with who
raised them, when, against which application, the text and any attachments (kept in blobs/); one received after the
end is recorded as late. An approver answers each with a decision. The list becomes final once the period has ended
and every objection is answered.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import threading
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from desktop.domain import publicity as rules
from desktop.domain.publicity import DECISIONS, DEFAULT_WORKING_DAYS
from desktop.domain.errors import NotFound, UserError
from desktop.services import attachments, documents, signing
from desktop.services.accounts import Operator, require
from desktop.services.feedback import approved, approved_rows
from desktop.services.rounds import RoundRef, round_id_in, show_round
from desktop.services.uow import change, guard_round, reading
from desktop.services.working_days import record_deadline
from desktop.store import queries
from desktop.store.after_review_tables import Objection, Publicity
from desktop.store.workspace import Workspace
from reports.documents import PublicityEntry, PublicityList, RoundInfo

Place = Path | Workspace


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _publicity(session: Session, round_id: int) -> Publicity:
    found = session.get(Publicity, round_id)
    if found is None:
        raise NotFound(f"评审轮次 {round_id} 尚未开始公示")
    return found


def _objection_dict(row: Objection) -> dict:
    return {"id": row.id, "round": row.round_id, "application": row.application, "objector": row.objector,
            "received_on": row.received_on, "text": row.text, "late": row.late,
            "attachments": [a for a in row.attachments.split(";") if a], "decision": row.decision,
            "decision_text": DECISIONS.get(row.decision, ""), "answer": row.answer,
            "answered_by": row.answered_by, "answered_on": row.answered_on}


def _dict(row: Publicity, objections: list[Objection]) -> dict:
    return {"round": row.round_id, "results_version": row.results_version, "start": row.start,
            "working_days": row.working_days, "end": row.end, "calendar_version": row.calendar_version,
            "applications": [a for a in row.entries.split(";") if a], "started_by": row.started_by,
            "final": row.final_at is not None, "final_at": row.final_at, "final_by": row.final_by,
            "objections": [_objection_dict(o) for o in objections],
            "unanswered": sum(1 for o in objections if not o.decision)}


def start_publicity(place: Place, actor: Operator, round_id: int | RoundRef, start: dt.date,
                    working_days: int = DEFAULT_WORKING_DAYS) -> dict:
    require(actor, "publicity.manage", place)
    round_id = round_id_in(place, round_id)
    if working_days < 1:
        raise UserError("公示期至少为1个工作日")
    with change(place, actor, "publicity.start", f"round:{round_id}") as unit:
        session = unit.session
        if session.get(Publicity, round_id) is not None:
            raise UserError(f"评审轮次 {round_id} 已开始公示，不能重新开始")
        approval, results = approved(session, round_id)
        entries = [row["application"] for row in approved_rows(results) if row["recommended"]]
        # the start day is the period's first day: counted from the day before it
        end = record_deadline(session, "publicity.end", f"round:{round_id}", start - dt.timedelta(days=1),
                              working_days)
        row = Publicity(round_id=round_id, results_version=approval.version, start=start.isoformat(),
                        working_days=working_days, end=end.due.isoformat(), calendar_version=end.version,
                        entries=";".join(entries), started_by=actor.name, started_at=_now())
        session.add(row)
        unit.after = {"start": row.start, "end": row.end, "days": working_days, "version": end.version,
                      "applications": entries}
        return _dict(row, [])


def show_publicity(place: Place, op: Operator, round_id: int | RoundRef, *, missing_ok: bool = False) -> dict | None:
    """The round's publicity with its objections; before it started a NotFound, or None when ``missing_ok``."""
    require(op, "results.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        if missing_ok and session.get(Publicity, round_id) is None:
            return None
        return _dict(_publicity(session, round_id), _objections(session, round_id))


def _objections(session: Session, round_id: int) -> list[Objection]:
    return list(session.execute(select(Objection).where(Objection.round_id == round_id)
                                .order_by(Objection.id)).scalars())


def record_objection(place: Place, actor: Operator, round_id: int | RoundRef, application: str, objector: str,
                     received_on: dt.date, text: str, files: list[Path] = ()) -> dict:
    """An objection received (异议): late when received after the period's end, recorded all the same."""
    require(actor, "objections.record", place)
    round_id = round_id_in(place, round_id)
    if not objector.strip() or not text.strip():
        raise UserError("异议须写明提出人和异议内容")
    for path in files:
        if not Path(path).is_file():
            raise UserError(f"找不到附件 {path}")
    with change(place, actor, "objection.record", f"round:{round_id}") as unit:
        session = unit.session
        period = _publicity(session, round_id)
        _, results = approved(session, round_id)
        if application not in {row["application"] for row in approved_rows(results)}:
            raise NotFound(f"项目 {application} 不在评审轮次 {round_id} 的评审结果中")
        if received_on < dt.date.fromisoformat(period.start):
            raise UserError(f"收到日期{received_on.isoformat()}早于公示开始日期{period.start}")
        kept = [attachments.store(session, unit.workspace, Path(path), "attachment",
                                  mimetypes.guess_type(Path(path).name)[0] or "application/octet-stream", None,
                                  actor.name).sha256 for path in files]
        row = Objection(round_id=round_id, application=application, objector=objector.strip(),
                        received_on=received_on.isoformat(), text=text.strip(), attachments=";".join(kept),
                        late=rules.is_late(received_on, dt.date.fromisoformat(period.end)), recorded_by=actor.name,
                        recorded_at=_now())
        session.add(row)
        session.flush()
        unit.target = f"objection:{row.id}"
        unit.after = {"application": application, "objector": row.objector, "received_on": row.received_on,
                      "late": row.late, "attachments": kept}
        return _objection_dict(row)


def answer_objection(place: Place, actor: Operator, objection_id: int, decision: str, answer: str,
                     answered_on: dt.date) -> dict:
    require(actor, "objections.answer", place)
    rules.check_decision(decision, answer)
    with change(place, actor, "objection.answer", f"objection:{objection_id}") as unit:
        session = unit.session
        row = session.get(Objection, objection_id)
        if row is None:
            raise NotFound(f"异议 {objection_id} 不存在")
        guard_round(session, row.round_id)
        if row.decision:
            raise UserError(f"异议 {objection_id} 已于{row.answered_on}答复，不能重复答复")
        row.decision, row.answer, row.answered_by = decision, answer.strip(), actor.name
        row.answered_on = answered_on.isoformat()
        session.add(row)
        unit.after = {"decision": decision, "answer": row.answer, "answered_on": row.answered_on}
        return _objection_dict(row)


def list_objections(place: Place, op: Operator, round_id: int | RoundRef) -> list[dict]:
    require(op, "results.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        return [_objection_dict(o) for o in _objections(session, round_id)]


def make_final(place: Place, actor: Operator, round_id: int | RoundRef, today: dt.date) -> dict:
    """The list made final: the period has ended and every objection is answered."""
    require(actor, "publicity.manage", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "publicity.final", f"round:{round_id}") as unit:
        session = unit.session
        row = _publicity(session, round_id)
        if row.final_at:
            raise UserError(f"评审轮次 {round_id} 的公示名单已于{row.final_at[:10]}确认")
        objections = _objections(session, round_id)
        rules.check_final(today, dt.date.fromisoformat(row.end), [f"第{o.id}号" for o in objections if not o.decision])
        row.final_at, row.final_by = today.isoformat(), actor.name
        session.add(row)
        unit.after = {"final_at": row.final_at}
        return _dict(row, objections)


def publicity_document(place: Place, op: Operator, round_id: int | RoundRef) -> PublicityList:
    require(op, "results.read", place)
    round_id = round_id_in(place, round_id)
    info = show_round(place, op, round_id)
    if not info.issuer:
        raise UserError(f"评审轮次“{info.name}”尚未填写签发单位（文书落款），无法生成公示名单")
    with reading(place) as session:
        row = _publicity(session, round_id)
        start, end = dt.date.fromisoformat(row.start), dt.date.fromisoformat(row.end)
        numbers = [a for a in row.entries.split(";") if a]
        apps = queries.application_heads(session, numbers)
    head = RoundInfo(info.name, info.programme, info.method_text, dt.date.fromisoformat(info.review_date[:10]),
                     info.issuer, info.venue, info.review_time)
    return PublicityList(head, tuple(PublicityEntry(n, *apps[n]) for n in numbers),
                         start, end, info.issuer, start)


def print_publicity(place: Place, actor: Operator, round_id: int | RoundRef, out_dir: Path, *, sign: bool,
                    cancel: threading.Event | None = None, password: signing.Password = None) -> list[Path]:
    require(actor, "letters", place)
    round_id = round_id_in(place, round_id)
    return documents.export_documents(place, actor, [publicity_document(place, actor, round_id)], out_dir,
                                      action="documents.publicity_list", target=f"round:{round_id}", sign=sign,
                                      cancel=cancel, password=password)
