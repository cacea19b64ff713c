"""Each seated expert's conduct in a round (EXPERT_CONDUCT), the expert's history across rounds, and closing a round.

The sheet lists every expert seated in the round and every drawn one whose seat went to another, prefilled from
attendance (absent) and the invitations (replaced); it is due 2 working days after the review date. A round closes
when its publicity list is final, every objection is answered and every expert's conduct is recorded; a closed round
is read-only.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from desktop.domain import conduct as rules
from desktop.domain.conduct import CONDUCTS
from desktop.domain.errors import NotFound, UserError
from desktop.domain.ids import canonical
from desktop.domain.methods import RoundState
from desktop.domain.working_days import Deadline
from desktop.services.accounts import Operator, require
from desktop.services.rounds import RoundRef, get_round, round_id_in, set_state
from desktop.services.uow import change, reading
from desktop.services.working_days import load
from desktop.store import seating
from desktop.store.after_review_tables import ExpertConduct, Objection, Publicity
from desktop.store.execution_tables import Invitation
from desktop.store.round_tables import ReviewRound
from desktop.store.setting_tables import WorkspaceSetting
from desktop.store.tables import Person
from desktop.store.workspace import Workspace

Place = Path | Workspace
LOW_RATINGS = "conduct.low_ratings"  # the workspace setting of desktop.domain.conduct.LowRatings


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _experts(session: Session, round_id: int) -> dict[int, str]:
    """Person id → the conduct prefilled: the seated (present, or absent as attendance says) and the replaced."""
    attendance = seating.attendance(session, round_id)
    found = {seat.person_id: "absent" if attendance.get(seat.person_id) == "absent" else "present"
             for seat in seating.seats(session, round_id)}
    for person in session.execute(select(Invitation.person_id).where(Invitation.round_id == round_id,
                                                                     Invitation.status == "replaced")).scalars():
        found.setdefault(person, "replaced")
    return found


def conduct_due(session: Session, round_id: int) -> Deadline:
    review = dt.date.fromisoformat(get_round(session, round_id).review_date[:10])
    return load(session).deadline(review, rules.DUE_WORKING_DAYS)


def conduct_sheet(place: Place, op: Operator, round_id: int | RoundRef) -> dict:
    """The round's experts with their recorded conduct, or what attendance and the invitations suggest."""
    require(op, "results.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        experts = _experts(session, round_id)
        people = {pid: (number, name) for pid, number, name in session.execute(
            select(Person.id, Person.id_number, Person.name).where(Person.id.in_(list(experts))))}
        recorded = {row.person_id: row for row in session.execute(
            select(ExpertConduct).where(ExpertConduct.round_id == round_id)).scalars()}
        due = conduct_due(session, round_id).due
        recorded = {pid: (row.conduct, row.rating, row.note, row.recorded_by) for pid, row in recorded.items()}
    rows = []
    for pid, suggested in experts.items():
        made = recorded.get(pid)
        conduct, rating, note, by = made or (suggested, None, "", "")
        codes = conduct.split(";")
        rows.append({"expert": people[pid][0], "name": people[pid][1], "recorded": made is not None,
                     "conduct": codes, "conduct_text": "、".join(CONDUCTS[c] for c in codes),
                     "rating": rating, "note": note, "recorded_by": by})
    return {"round": round_id, "due": due.isoformat(), "experts": rows,
            "missing": sum(1 for r in rows if not r["recorded"])}


def record_conduct(place: Place, actor: Operator, round_id: int | RoundRef, expert: str, codes: list[str],
                   rating: int | None = None, note: str = "") -> dict:
    require(actor, "conduct.record", place)
    rules.check(codes, rating)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "conduct.record", f"round:{round_id}") as unit:
        session = unit.session
        person = session.execute(select(Person).where(Person.id_number == canonical(expert))).scalars().first()
        if person is None or person.id not in _experts(session, round_id):
            raise NotFound(f"专家 {expert} 不在评审轮次 {round_id} 的评审组中")
        made = session.get(ExpertConduct, (round_id, person.id))
        unit.before = None if made is None else {"conduct": made.conduct, "rating": made.rating}
        made = made or ExpertConduct(round_id=round_id, person_id=person.id, conduct="", recorded_by="",
                                     recorded_at="")
        made.conduct, made.rating, made.note = ";".join(codes), rating, note.strip()
        made.recorded_by, made.recorded_at = actor.name, _now()
        session.add(made)
        unit.after = {"expert": person.name, "conduct": made.conduct, "rating": rating}
        return {"round": round_id, "expert": person.id_number, "name": person.name, "conduct": codes,
                "conduct_text": "、".join(CONDUCTS[c] for c in codes), "rating": rating}


def expert_history(place: Place, op: Operator, expert: str, today: dt.date | None = None) -> dict:
    """The rounds an expert served in, with conduct and ratings, and whether low ratings call for a review."""
    require(op, "experts.read", place)
    today = today or dt.date.today()
    with reading(place) as session:
        person = session.execute(select(Person).where(Person.id_number == canonical(expert))).scalars().first()
        if person is None:
            raise NotFound(f"专家 {expert} 不存在")
        served = session.execute(select(ReviewRound.id, ReviewRound.name, ReviewRound.review_date)
                                 .join(Invitation, Invitation.round_id == ReviewRound.id)
                                 .where(Invitation.person_id == person.id).distinct()
                                 .order_by(ReviewRound.review_date)).all()
        recorded = {rid: (conduct.split(";"), rating) for rid, conduct, rating in session.execute(
            select(ExpertConduct.round_id, ExpertConduct.conduct, ExpertConduct.rating)
            .where(ExpertConduct.person_id == person.id))}
        number, name_ = person.id_number, person.name
        rule = _low_ratings(session)
    rounds = [{"round": rid, "name": name, "review_date": day[:10],
               "conduct": recorded.get(rid, ([], None))[0],
               "conduct_text": "、".join(CONDUCTS[c] for c in recorded[rid][0]) if rid in recorded else "未登记",
               "rating": recorded.get(rid, ([], None))[1]} for rid, name, day in served]
    ratings = [(dt.date.fromisoformat(r["review_date"]), r["rating"]) for r in rounds if r["rating"] is not None]
    return {"expert": number, "name": name_, "rounds": rounds,
            "flagged": rules.flagged(ratings, today, rule), "low_ratings": rule.words()}


def _setting(session: Session) -> WorkspaceSetting | None:
    return session.execute(select(WorkspaceSetting).where(WorkspaceSetting.name == LOW_RATINGS)).scalars().first()


def _low_ratings(session: Session) -> rules.LowRatings:
    row = _setting(session)
    return rules.LowRatings() if row is None else rules.LowRatings(**json.loads(row.value))


def _rule_dict(rule: rules.LowRatings) -> dict:
    return {**asdict(rule), "text": rule.words()}


def low_ratings(place: Place, op: Operator) -> dict:
    """What counts as a low rating, and how many within how many days flag an expert (the workspace's setting)."""
    require(op, "experts.read", place)
    with reading(place) as session:
        return _rule_dict(_low_ratings(session))


def set_low_ratings(place: Place, actor: Operator, below: int, count: int, days: int) -> dict:
    """The workspace's low-rating thresholds changed, with the before and after in the audit entry."""
    require(actor, "conduct.record", place)
    rule = rules.LowRatings(below, count, days)
    rule.check()
    with change(place, actor, "conduct.low_ratings", f"workspace_setting:{LOW_RATINGS}") as unit:
        session = unit.session
        unit.before = asdict(_low_ratings(session))
        row = _setting(session) or WorkspaceSetting(name=LOW_RATINGS, value="", changed_by="", changed_at="")
        row.value, row.changed_by, row.changed_at = json.dumps(asdict(rule)), actor.name, _now()
        session.add(row)
        unit.after = asdict(rule)
    return _rule_dict(rule)


def closing_missing(session: Session, round_id: int) -> list[str]:
    return rules.closing_missing(**_closing_facts(session, round_id))


def _closing_facts(session: Session, round_id: int) -> dict:
    publicity = session.get(Publicity, round_id)
    unanswered = len(session.execute(select(Objection.id).where(Objection.round_id == round_id,
                                                                Objection.decision == "")).all())
    recorded = set(session.execute(select(ExpertConduct.person_id).where(
        ExpertConduct.round_id == round_id)).scalars())
    pending = [p for p in _experts(session, round_id) if p not in recorded]
    names = dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(pending))).all())
    return {"publicity_final": publicity is not None and publicity.final_at is not None, "unanswered": unanswered,
            "without_conduct": [names[p] for p in pending]}


def closing_status(place: Place, op: Operator, round_id: int | RoundRef) -> dict | None:
    """What stands before the round can be closed, as facts for the window to word: whether the publicity list is
    final, how many objections wait for an answer, who has no conduct recorded (None: the round is closed)."""
    require(op, "results.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        return None if get_round(session, round_id).state == "closed" else _closing_facts(session, round_id)


def close_round(place: Place, actor: Operator, round_id: int | RoundRef) -> dict:
    """Close the round: refused, with what is missing, until publicity, objections and conduct are done."""
    require(actor, "round.close", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "round.close", f"round:{round_id}") as unit:
        session = unit.session
        row = get_round(session, round_id)
        missing = closing_missing(session, round_id)
        if missing:
            raise UserError(f"评审轮次 {round_id} 还不能关闭：" + "；".join(missing))
        unit.before = {"state": row.state}
        set_state(session, row, RoundState.CLOSED)
        session.add(row)
        unit.after = {"state": row.state}
        return {"round": round_id, "state": row.state}
