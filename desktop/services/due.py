"""What is due across rounds, for the dashboard and `paneldesk due`: the limits list's undecided flags (by the review
date), conduct records (2 working days after the review), publicity periods ending, objections unanswered, appeals'
acceptance and decisions, each with its working-day deadline, grouped as overdue, today and this week. A round
imported from an archive is read-only here: nothing of it is due in this workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import or_, select

from desktop.services.accounts import Operator, require
from desktop.services.appeals import EXTENDED
from desktop.services.conduct import _experts, conduct_due
from desktop.services.limits import listed_rounds
from desktop.services.uow import reading
from desktop.store.after_review_tables import Appeal, ExpertConduct, Objection, Publicity
from desktop.store.archive_tables import ArchivedRound
from desktop.store.calendar_tables import Deadline
from desktop.store.round_tables import ReviewRound
from desktop.store.workspace import Workspace

Place = Path | Workspace
WHEN = {"overdue": "已逾期", "today": "今日到期", "week": "本周到期", "later": "以后到期"}


def _when(due: dt.date, today: dt.date) -> str:
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    return "week" if due <= today + dt.timedelta(days=6 - today.weekday()) else "later"


def _latest(session, target: str, kinds: tuple[str, ...]) -> Deadline:
    """The deadline row counted last for ``target`` among ``kinds`` (an extension comes after the limit it moves)."""
    return session.execute(select(Deadline).where(Deadline.target == target, Deadline.kind.in_(kinds))
                            .order_by(Deadline.id.desc())).scalars().first()


def due_items(place: Place, op: Operator, today: dt.date) -> list[dict]:
    """Every open item with its deadline, soonest first; ``when`` says overdue, today, week or later."""
    require(op, "results.read", place)
    items: list[dict] = []
    with reading(place) as session:
        for found in listed_rounds(session):
            if found["undecided"]:
                review = session.get(ReviewRound, found["round"]).review_date[:10]
                items.append({"kind": "limits", "what": f"对限项与资格名单作出决定（{found['undecided']}项未决定）",
                              "round": found["round"], "round_name": found["name"],
                              "target": f"round:{found['round']}", "due": dt.date.fromisoformat(review),
                              "calendar": None})
        rounds = session.execute(select(ReviewRound.id, ReviewRound.name).where(
            ReviewRound.state.in_(("confirmed", "scoring", "results")))).all()
        for round_id, name in rounds:
            recorded = set(session.execute(select(ExpertConduct.person_id).where(
                ExpertConduct.round_id == round_id)).scalars())
            missing = [p for p in _experts(session, round_id) if p not in recorded]
            if missing:
                counted = conduct_due(session, round_id)
                items.append({"kind": "conduct", "what": f"登记专家评审行为（{len(missing)}位未登记）",
                              "round": round_id, "round_name": name, "target": f"round:{round_id}",
                              "due": counted.due, "calendar": counted.version})
            publicity = session.get(Publicity, round_id)
            if publicity is not None and publicity.final_at is None:
                items.append({"kind": "publicity", "what": "公示期结束，确认公示名单", "round": round_id,
                              "round_name": name, "target": f"round:{round_id}",
                              "due": dt.date.fromisoformat(publicity.end), "calendar": publicity.calendar_version})
                for objection in session.execute(select(Objection).where(
                        Objection.round_id == round_id, Objection.decision == "")).scalars():
                    items.append({"kind": "objection", "what": f"答复异议（{objection.objector}，项目 "
                                                               f"{objection.application}）",
                                  "round": round_id, "round_name": name, "target": f"objection:{objection.id}",
                                  "due": dt.date.fromisoformat(publicity.end),
                                  "calendar": publicity.calendar_version})
        imported = select(ArchivedRound.round_id)  # read-only here: its appeals are decided where it came from
        for appeal in session.execute(select(Appeal).where(Appeal.state.in_(("received", "accepted")), or_(
                Appeal.round_id.is_(None), Appeal.round_id.not_in(imported)))).scalars():
            accepting = appeal.state == "received"
            limit = _latest(session, f"appeal:{appeal.id}",
                            ("appeal.acceptance",) if accepting else ("appeal.decision", EXTENDED))
            what = f"{'作出受理决定' if accepting else '作出处理决定'}（{appeal.appellant}）"
            if limit.kind == EXTENDED:
                what += f"，期限已延长六个月：{appeal.extension_reason}"
            items.append({"kind": "appeal.acceptance" if accepting else "appeal.decision", "what": what,
                          "round": appeal.round_id, "round_name": "", "target": f"appeal:{appeal.id}",
                          "due": dt.date.fromisoformat(limit.due), "calendar": limit.calendar_version})
    for item in items:
        item["when"] = _when(item["due"], today)
        item["when_text"] = WHEN[item["when"]]
        item["due"] = item["due"].isoformat()
    return sorted(items, key=lambda i: (i["due"], i["kind"]))
