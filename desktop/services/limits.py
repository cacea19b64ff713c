"""The round's list for the secretariat's decision (RULES.md PROJECT_LIMIT, APPLICANT_INTEGRITY, LOBBIED): each
application of the round's panels with what flags it, on the round's review date, and the decision recorded on it
(not admitted, or admitted with a reason)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain.errors import NotFound, RuleError, UserError
from desktop.domain.limits import Ongoing, Restriction, applicant_integrity, lobbied, project_limits
from desktop.services.accounts import Operator, require
from desktop.services.uow import change, reading
from desktop.store.limit_tables import LimitDecision, OngoingProject
from desktop.store.round_tables import ReviewRound
from desktop.store.snapshot import load_case, lobbying
from desktop.store.tables import Application, IntegrityRecord, Person
from desktop.store.workspace import Workspace

CODES = ("PROJECT_LIMIT", "APPLICANT_INTEGRITY", "LOBBIED")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _flags(session: Session, round_id: int):
    if session.get(ReviewRound, round_id) is None:
        raise NotFound(f"没有编号为 {round_id} 的评审轮次")
    case = load_case(session, round_id)
    ongoing = tuple(Ongoing(p.number, p.title, p.leader, tuple(filter(None, p.members.split(";"))),
                            _date(p.start), _date(p.end)) for p in session.exec(select(OngoingProject)))
    heads = frozenset(session.exec(select(Person.id_number).where(Person.head_of_unit == True)))  # noqa: E712
    records = tuple(Restriction(r.id, r.subject_code, r.subject_name, r.violation, r.measures, r.measure_items,
                                _date(r.penalty_start), _date(r.penalty_end), _date(r.repaired_on))
                    for r in session.exec(select(IntegrityRecord)))
    apps = case.applications
    return case, (project_limits(apps, ongoing, heads, case.review_date)
                  + applicant_integrity(apps, records, case.review_date) + lobbied(apps, lobbying(session)))


def listed(session: Session, round_id: int) -> dict:
    """How many applications of the round the list names and how many of their flags wait for a decision (a flag
    is one code on one application), counted inside a caller's session: an import, a round opening, the due list."""
    _case, flags = _flags(session, round_id)
    decided = set(session.exec(select(Application.number, LimitDecision.code).join(
        Application, Application.id == LimitDecision.application_id).where(LimitDecision.round_id == round_id)))
    return {"round": round_id, "name": session.get(ReviewRound, round_id).name,
            "listed": len({f.application for f in flags}),
            "undecided": len({(f.application, f.code) for f in flags} - decided)}


def listed_rounds(session: Session) -> list[dict]:
    """``listed`` for every round between opening and closing (a draft's panels may still change)."""
    return [listed(session, round_id) for round_id in session.exec(
        select(ReviewRound.id).where(ReviewRound.state.not_in(("draft", "closed"))).order_by(ReviewRound.id))]


def round_limits(place: Path | Workspace, op: Operator, round_id: int) -> dict:
    """Every flagged application of the round with its flags and the decision on each, if made; it names people
    and their records, so it is read as the conflicts are (CONFIDENTIAL)."""
    require(op, "conflicts.read", place)
    with reading(place) as session:
        case, flags = _flags(session, round_id)
        decided = {(a, d.code): d for d, a in session.exec(
            select(LimitDecision, Application.number).join(Application, Application.id == LimitDecision.application_id)
            .where(LimitDecision.round_id == round_id))}
        titles = {a.number: a.title for a in case.applications}
        rows: dict[str, dict] = {}
        for flag in flags:
            row = rows.setdefault(flag.application, {"application": flag.application,
                                                     "title": titles[flag.application], "flags": []})
            decision = decided.get((flag.application, flag.code))
            row["flags"].append({"code": flag.code, "facts": flag.facts, "decision": decision and {
                "admitted": decision.admitted, "reason": decision.reason, "decided_by": decision.decided_by,
                "decided_at": decision.decided_at}})
        merged = []
        for row in rows.values():  # a researcher with two flags on one application: one decision per code
            seen: dict[str, dict] = {}
            for flag in row["flags"]:
                if flag["code"] in seen:
                    seen[flag["code"]].setdefault("more", []).append(flag["facts"])
                else:
                    seen[flag["code"]] = flag
            merged.append({**row, "flags": list(seen.values())})
        return {"round": round_id, "review_date": case.review_date.isoformat(),
                "applications": sorted(merged, key=lambda r: r["application"]),
                "undecided": sum(f["decision"] is None for r in merged for f in r["flags"])}


def decide_limit(place: Path | Workspace, op: Operator, round_id: int, number: str, code: str, admitted: bool,
                 reason: str = "") -> dict:
    """Record the decision on one flag of one application: admitted needs a reason; it is recorded once."""
    require(op, "round.edit", place)
    if code not in CODES:
        raise UserError(f"应为以下之一：{'、'.join(CODES)}")
    if admitted and not reason.strip():
        raise RuleError(code, f"{code} 予以受理须写明理由")
    with change(place, op, "limits.decide", f"round:{round_id}/{number}/{code}") as unit:
        session = unit.session
        _case, flags = _flags(session, round_id)
        if not any(f.application == number and f.code == code for f in flags):
            raise UserError(f"轮次 {round_id} 中项目 {number} 没有 {code} 标记，无需决定")
        application = session.exec(select(Application).where(Application.number == number)).one()
        if session.exec(select(LimitDecision).where(LimitDecision.round_id == round_id,
                                                    LimitDecision.application_id == application.id,
                                                    LimitDecision.code == code)).first():
            raise RuleError(code, f"{code} 项目 {number} 的这一标记已有决定，不能改动")
        session.add(LimitDecision(round_id=round_id, application_id=application.id, code=code, admitted=admitted,
                                  reason=reason.strip(), decided_by=op.name,
                                  decided_at=dt.datetime.now().astimezone().isoformat(timespec="seconds")))
        unit.after = {"round": round_id, "application": number, "code": code, "admitted": admitted,
                      "reason": reason.strip()}
    return unit.after
