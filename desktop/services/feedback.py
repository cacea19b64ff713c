"""Outcome notices built from the round's approved results (FEEDBACK), never from typed data.

Each application's notice carries its result and score summary from the approved version's canonical JSON, the
opinions of the experts who scored it (as corrected by the secretary where a correction was recorded), shuffled and
labelled 专家一、专家二… from a seed of the record, and the appeal deadline counted on the working-day calendar from
the notice's date (stored with the calendar version it used). An opinion that names a member or organisation of the
round's panels, or holds an ID or phone number, blocks the batch until it is corrected.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from desktop.domain import feedback
from desktop.domain.errors import NotFound, UserError
from desktop.services import documents, signing
from desktop.services.accounts import Operator, require
from desktop.services.rounds import RoundRef, round_id_in, show_round
from desktop.services.uow import change, reading
from desktop.services.working_days import record_deadline
from desktop.store import queries, seating
from desktop.store.after_review_tables import OpinionCorrection
from desktop.store.execution_tables import Invitation, ResultApproval, Score
from desktop.store.tables import Application, Expert, Organisation, Person
from desktop.store.workspace import Workspace
from reports.documents import OutcomeNotice, RoundInfo

Place = Path | Workspace


def approved(session: Session, round_id: int) -> tuple[ResultApproval, dict]:
    """The round's approved results (the latest approved version) and their canonical JSON, read back."""
    row = session.execute(select(ResultApproval).where(ResultApproval.round_id == round_id,
                                                       ResultApproval.state == "approved")
                          .order_by(ResultApproval.version.desc())).scalars().first()
    if row is None:
        raise UserError(f"评审轮次 {round_id} 的评审结果尚未审批，不能据此反馈、公示或受理申诉")
    return row, json.loads(row.results)


def approved_rows(results: dict) -> list[dict]:
    return [row for panel in results["panels"] for row in panel["applications"]]


@dataclass(frozen=True)
class Opinion:
    expert: str        # ID number (never printed)
    application: str
    text: str          # as the notice would print it
    original: str      # as the expert gave it
    matches: tuple[feedback.Match, ...]

    def to_dict(self) -> dict:
        return {"expert": self.expert, "application": self.application, "text": self.text,
                "corrected": self.text != self.original,
                "matches": [{"kind": m.kind, "text": m.text} for m in self.matches]}


def _panel_people(session: Session, round_id: int) -> tuple[list[str], list[str]]:
    """The names and organisations of everyone seated or invited in the round: none may reach an applicant."""
    people = {seat.person_id for seat in seating.seats(session, round_id)}
    people |= set(session.execute(select(Invitation.person_id).where(Invitation.round_id == round_id)).scalars())
    rows = session.execute(select(Person.name, Organisation.name).join(Expert, Expert.person_id == Person.id)
                           .join(Organisation, Organisation.id == Expert.organisation_id)
                           .where(Person.id.in_(people))).all()
    return [name for name, _ in rows], [org for _, org in rows]


def _opinions(session: Session, round_id: int, rows: list[dict]) -> dict[str, list[Opinion]]:
    names, organisations = _panel_people(session, round_id)
    found = session.execute(
        select(Person.id_number, Application.number, Score.opinion, OpinionCorrection.corrected)
        .join(Person, Person.id == Score.person_id).join(Application, Application.id == Score.application_id)
        .outerjoin(OpinionCorrection, (OpinionCorrection.round_id == Score.round_id)
                   & (OpinionCorrection.person_id == Score.person_id)
                   & (OpinionCorrection.application_id == Score.application_id))
        .where(Score.round_id == round_id)).all()
    text = {(expert, app): (corrected if corrected is not None else opinion, opinion)
            for expert, app, opinion, corrected in found}
    by_app: dict[str, list[Opinion]] = {}
    for row in rows:
        for score in row["scores"]:
            shown, original = text.get((score["expert"], row["application"]), ("", ""))
            if shown.strip():
                by_app.setdefault(row["application"], []).append(Opinion(
                    score["expert"], row["application"], shown, original,
                    tuple(feedback.identifying(shown, names, organisations))))
    return by_app


def opinions(place: Place, op: Operator, round_id: int | RoundRef) -> list[Opinion]:
    """Every opinion of the approved results as a notice would print it, with what blocks it."""
    require(op, "results.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        _, results = approved(session, round_id)
        return [o for found in _opinions(session, round_id, approved_rows(results)).values() for o in found]


def correct_opinion(place: Place, actor: Operator, round_id: int | RoundRef, expert: str, application: str,
                    text: str) -> dict:
    """The secretary's correction of an opinion before it reaches the applicant; the original is kept."""
    require(actor, "feedback.correct", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "feedback.correct", f"round:{round_id}") as unit:
        session = unit.session
        score = session.execute(
            select(Score).join(Person, Person.id == Score.person_id)
            .join(Application, Application.id == Score.application_id)
            .where(Score.round_id == round_id, Person.id_number == expert,
                   Application.number == application)).scalars().first()
        if score is None:
            raise NotFound(f"评审轮次 {round_id} 中没有这位专家对项目 {application} 的评分和意见")
        names, organisations = _panel_people(session, round_id)
        matches = feedback.identifying(text, names, organisations)
        if matches:
            raise feedback.blocked([(application, matches)])
        if not text.strip():
            raise UserError("修改后的专家意见不能为空")
        made = session.get(OpinionCorrection, (round_id, score.person_id, score.application_id))
        unit.before = {"opinion": made.corrected if made else score.opinion}
        if made is None:
            made = OpinionCorrection(round_id=round_id, person_id=score.person_id, application_id=score.application_id,
                                     original=score.opinion, corrected=text.strip(), corrected_by=actor.name,
                                     corrected_at=_now())
        else:
            made.corrected, made.corrected_by, made.corrected_at = text.strip(), actor.name, _now()
        session.add(made)
        unit.after = {"application": application, "opinion": text.strip()}
        return {"application": application, "original": made.original, "corrected": made.corrected}


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def outcome_notices(place: Place, op: Operator, round_id: int | RoundRef, notice_date: dt.date,
                    appeal_due: dt.date) -> list[OutcomeNotice]:
    """One notice per application of the approved results; refused while any opinion would name someone."""
    require(op, "results.read", place)
    round_id = round_id_in(place, round_id)
    info = show_round(place, op, round_id)
    if not info.issuer:
        raise UserError(f"评审轮次“{info.name}”尚未填写签发单位（文书落款），无法生成结果通知书：请执行 "
                        f"round edit --round {info.id} --issuer 单位名称")
    head = RoundInfo(info.name, info.programme, info.method_text, dt.date.fromisoformat(info.review_date[:10]),
                     info.issuer, info.venue, info.review_time)
    with reading(place) as session:
        approval, results = approved(session, round_id)
        results_hash = approval.results_hash
        rows = approved_rows(results)
        by_app = _opinions(session, round_id, rows)
        blocked = [(o.application, list(o.matches)) for found in by_app.values() for o in found if o.matches]
        if blocked:
            raise feedback.blocked(blocked)
        numbers = [row["application"] for row in rows]
        apps = queries.application_heads(session, numbers)
    method = results["method"]["scoring"]
    return [OutcomeNotice(head, row["application"], *apps[row["application"]], feedback.result_text(row),
                          feedback.score_summary(method, row),
                          tuple(feedback.shuffled([o.text for o in by_app.get(row["application"], [])],
                                                  feedback.notice_seed(results_hash, row["application"]))),
                          feedback.APPEAL_CHANNEL, appeal_due, notice_date)
            for row in rows]


def generate_outcome_notices(place: Place, actor: Operator, round_id: int | RoundRef, out_dir: Path, *, sign: bool,
                             notice_date: dt.date | None = None, progress: documents.Progress | None = None,
                             cancel: threading.Event | None = None,
                             password: signing.Password = None) -> list[Path]:
    """The round's outcome notices, written (and signed) into ``out_dir``; the appeal deadline is counted and kept."""
    require(actor, "letters", place)
    round_id = round_id_in(place, round_id)
    notice_date = notice_date or dt.date.today()
    blocked = [o for o in opinions(place, actor, round_id) if o.matches]
    if blocked:  # refused before any deadline is kept
        raise feedback.blocked([(o.application, list(o.matches)) for o in blocked])
    with change(place, actor, "feedback.deadline", f"round:{round_id}") as unit:
        due = record_deadline(unit.session, "appeal.result", f"round:{round_id}", notice_date,
                              feedback.APPEAL_WORKING_DAYS)
        unit.after = {"notice_date": notice_date.isoformat(), "due": due.due.isoformat(), "version": due.version}
    notices = outcome_notices(place, actor, round_id, notice_date, due.due)
    return documents.export_documents(place, actor, notices, out_dir, action="documents.outcome_notice",
                                      target=f"round:{round_id}", sign=sign, progress=progress, cancel=cancel,
                                      password=password)
