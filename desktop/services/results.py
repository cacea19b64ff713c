"""A round's results: post-review certifications (POST_REVIEW), the panels' decisions on non-consensus applications
(NON_CONSENSUS), and the results proposed by a secretary and approved by another account (SEPARATION).

Results are computed from the scores that count (desktop.domain.results). They can be proposed only when nothing
is missing: every seated expert who sat has scored every application open to them, no double entry waits or
differs, every certification is recorded or waived by the supervisor with a reason, every flagged application has
the panel's decision, and every application has an aggregate. An approval freezes what was proposed (its canonical
JSON and SHA-256 in ``result_approval``); the approver entered none of the round's scores and ran none of its
draws, and approves exactly what was proposed (the results are computed again and must hash the same). A change
after approval needs a reason, a new proposal and a new approval; the round moves from scoring to results at the
first approval.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, update
from sqlmodel import Session

from desktop.domain.draw import canonical_json
from desktop.domain.errors import NotFound, RuleError, UserError
from desktop.domain.ids import canonical
from desktop.domain.methods import RoundState, Scoring
from desktop.domain.results import DECISIONS, PanelResult, Scored, panel_result
from desktop.domain.scores import Mark
from desktop.services.accounts import Operator, require
from desktop.services.rounds import RoundRef, get_round, round_id_in, set_state
from desktop.services.scores import RoundScoring, now, pending_entries
from desktop.services.uow import change, reading
from desktop.store import seating
from desktop.store.execution_tables import (NonConsensusDecision, PostReviewCertification, ResultApproval, Score,
                                            ScoreEntry)
from desktop.store.workspace import Workspace

Place = Path | Workspace


@dataclass
class RoundResults:
    """The round's results as computed now, what stands before they can be proposed, and the latest version."""
    round: int
    method: str
    panels: list[PanelResult]
    missing: list[str] = field(default_factory=list)  # why they cannot be proposed yet, one sentence each
    blockers: list[dict] = field(default_factory=list)  # the same as values ({"kind": …}), for the window to word
    certifications: list[dict] = field(default_factory=list)
    approval: dict | None = None  # the latest version: {"version", "state", "hash", "proposed_by", "approved_by", …}
    results_hash: str = ""
    changed_since: bool = False  # the latest version no longer matches what the scores give
    scale: tuple[float, float] = (0.0, 100.0)  # where the panels' marks lie, for charts (desktop.domain.agreement)

    def rows(self) -> list[dict]:
        return [row.to_dict() for panel in self.panels for row in panel.rows]

    def flagged(self) -> list[dict]:
        return [row for row in self.rows() if row["non_consensus"]]

    def to_dict(self) -> dict:
        return {"round": self.round, "method": self.method, "panels": [p.to_dict() for p in self.panels],
                "missing": self.missing, "certifications": self.certifications, "approval": self.approval,
                "results_hash": self.results_hash, "changed_since_approval": self.changed_since}


def _canonical(scoring: RoundScoring, panels: list[PanelResult]) -> str:
    return canonical_json({"round": scoring.round_id, "method": scoring.method.to_dict(),
                           "settings": scoring.settings.to_dict(), "panels": [p.to_dict() for p in panels]})


def _certifications(session: Session, scoring: RoundScoring) -> list[dict]:
    recorded = {c.person_id: c for c in session.execute(select(PostReviewCertification).where(
        PostReviewCertification.round_id == scoring.round_id)).scalars()}
    names = {p.id: p.name for p in scoring.panels}
    found = []
    for seat in scoring.seats:
        if scoring.attendance.get(seat.person_id) == "absent":
            continue
        made = recorded.get(seat.person_id)
        found.append({"panel": names[seat.panel_id], "expert": seat.id_number, "name": seat.name,
                      "kind": made.kind if made else "", "reason": made.reason if made else "",
                      "recorded_by": made.recorded_by if made else ""})
    return found


def _compute(session: Session, round_id: int) -> tuple[RoundScoring, RoundResults, str]:
    scoring = RoundScoring.read(session, round_id)
    seats = {(s.panel_id, s.person_id): s for s in scoring.seats}
    by_app: dict[str, list[Scored]] = {}
    numbers = {app_id: number for p in scoring.panels for number, app_id in p.application_ids.items()}
    for score in session.execute(select(Score).where(Score.round_id == round_id)).scalars():
        seat = seats.get((score.panel_id, score.person_id))
        mark = Mark.from_json(scoring.method.scoring, score.value)
        by_app.setdefault(numbers[score.application_id], []).append(
            Scored(seat.id_number if seat else str(score.person_id), seat.name if seat else "", mark))
    decisions = dict(session.execute(select(NonConsensusDecision.application_id, NonConsensusDecision.decision)
                                     .where(NonConsensusDecision.round_id == round_id)).all())
    decided = {numbers[a]: d for a, d in decisions.items() if a in numbers}
    panels = [panel_result(scoring.method, scoring.settings, p.name, p.applications, by_app, decided)
              for p in scoring.panels]
    text = _canonical(scoring, panels)
    places = max((len(p.applications) for p in scoring.panels), default=1)
    scale = {Scoring.SCORE100: (0.0, 100.0), Scoring.GRADES: (1.0, 4.0), Scoring.VOTE: (0.0, 1.0),
             Scoring.RANKING: (1.0, float(places))}[scoring.method.scoring]
    results = RoundResults(round_id, scoring.method.describe(), panels, results_hash=_sha(text), scale=scale)
    results.certifications = _certifications(session, scoring)
    results.blockers = _blockers(session, scoring, results, by_app)
    results.missing = [_sentence(b) for b in results.blockers]
    latest = session.execute(select(ResultApproval).where(ResultApproval.round_id == round_id)
                             .order_by(ResultApproval.version.desc())).scalars().first()
    if latest is not None:
        results.approval = {"version": latest.version, "state": latest.state, "hash": latest.results_hash,
                            "reason": latest.reason, "proposed_by": latest.proposed_by,
                            "proposed_at": latest.proposed_at, "approved_by": latest.approved_by,
                            "approved_at": latest.approved_at}
        results.changed_since = latest.results_hash != results.results_hash
    return scoring, results, text


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _blockers(session: Session, scoring: RoundScoring, results: RoundResults,
              by_app: dict[str, list[Scored]]) -> list[dict]:
    """What stands before the results can be proposed, each as its kind and values (``_sentence`` words it)."""
    found = []
    scored = {(s.expert, number) for number, items in by_app.items() for s in items}
    open_cells = []
    for panel in scoring.panels:
        for seat in (s for s in scoring.seats if s.panel_id == panel.id):
            if scoring.attendance.get(seat.person_id) == "absent" or seat.person_id not in scoring.committed:
                continue
            open_cells += [(panel, seat, n) for n in panel.applications if (seat.id_number, n) not in scored]
    unscored = [(panel, seat, n) for panel, seat, n in open_cells
                if not scoring.grounds(panel, seat.id_number, n)] if open_cells else []
    if unscored:
        found.append({"kind": "unscored", "count": len(unscored),
                      "cells": [[seat.name, n] for _, seat, n in unscored[:5]]})
    pending = pending_entries(session, scoring)
    if pending["differences"]:
        found.append({"kind": "differences", "count": len(pending["differences"])})
    if pending["waiting"]:
        found.append({"kind": "waiting", "count": len(pending["waiting"])})
    absent = [c for c in results.certifications if not c["kind"]]
    if absent:
        found.append({"kind": "POST_REVIEW", "count": len(absent), "names": [c["name"] for c in absent[:5]]})
    undecided = [r.application for p in results.panels for r in p.rows if r.non_consensus and not r.decision]
    if undecided:
        found.append({"kind": "NON_CONSENSUS", "applications": undecided})
    found += [{"kind": "problem", "text": r.problem} for p in results.panels for r in p.rows if r.problem]
    return found


def _sentence(blocker: dict) -> str:
    """A blocker as the command line and a refused proposal say it."""
    kind = blocker["kind"]
    if kind == "unscored":
        shown = "、".join(f"{name}—{n}" for name, n in blocker["cells"])
        return f"尚有{blocker['count']}份评分未录入或未计入（{shown}{'等' if blocker['count'] > 5 else ''}）"
    if kind == "differences":
        return f"双人录入有{blocker['count']}处不一致，须先裁定"
    if kind == "waiting":
        return f"双人录入有{blocker['count']}份只录入了一遍"
    if kind == "POST_REVIEW":
        return (f"POST_REVIEW 尚有{blocker['count']}位专家未作会后回避确认（{'、'.join(blocker['names'])}"
                f"{'等' if blocker['count'] > 5 else ''}），或由监督员登记理由")
    if kind == "NON_CONSENSUS":
        return f"NON_CONSENSUS 非共识项目尚待评审组决定：{'、'.join(blocker['applications'])}"
    return blocker["text"]


def round_results(place: Place, op: Operator, round_id: int | RoundRef) -> RoundResults:
    require(op, "results.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        return _compute(session, round_id)[1]


# --- post-review certification ---------------------------------------------------------------------------------

def _seat(scoring: RoundScoring, expert: str) -> seating.Seat:
    key = canonical(expert)
    found = next((s for s in scoring.seats if s.id_number == key), None)
    if found is None:
        raise NotFound(f"专家{expert}不是本轮任何评审组的成员")
    return found


def _certify(unit, actor: Operator, round_id: int, expert: str, kind: str, reason: str) -> dict:
    scoring = RoundScoring.read(unit.session, round_id)
    if RoundState(scoring.state) not in (RoundState.SCORING, RoundState.RESULTS):
        raise UserError("会后回避确认在评审会后登记：本轮尚未开始评分")
    seat = _seat(scoring, expert)
    made = unit.session.get(PostReviewCertification, (round_id, seat.person_id))
    unit.before = None if made is None else {"kind": made.kind, "reason": made.reason}
    if made is None:
        made = PostReviewCertification(round_id=round_id, person_id=seat.person_id, kind=kind,
                                       recorded_by=actor.name, recorded_at=now())
        unit.session.add(made)
    made.kind, made.reason, made.recorded_by, made.recorded_at = kind, reason, actor.name, now()
    unit.after = {"expert": seat.id_number, "kind": kind, "reason": reason}
    return {"expert": seat.id_number, "name": seat.name, "kind": kind, "reason": reason, "recorded_by": actor.name}


def record_certification(place: Place, actor: Operator, round_id: int | RoundRef, expert: str) -> dict:
    """POST_REVIEW: the expert certified after the meeting not having discussed what they were excluded from."""
    require(actor, "certification.record", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "certification.record", f"round:{round_id}") as unit:
        return _certify(unit, actor, round_id, expert, "certified", "")


def waive_certification(place: Place, actor: Operator, round_id: int | RoundRef, expert: str, reason: str) -> dict:
    """POST_REVIEW: the supervisor records why results go on without an expert's certification."""
    require(actor, "certification.waive", place)
    round_id = round_id_in(place, round_id)
    if not reason.strip():
        raise RuleError("POST_REVIEW", "POST_REVIEW 监督员须写明未取得该专家会后回避确认的理由")
    with change(place, actor, "certification.waive", f"round:{round_id}") as unit:
        return _certify(unit, actor, round_id, expert, "waived", reason.strip())


# --- non-consensus ---------------------------------------------------------------------------------------------

def decide_non_consensus(place: Place, actor: Operator, round_id: int | RoundRef, application: str, decision: str,
                         reason: str) -> dict:
    """NON_CONSENSUS: the panel's decision on a flagged application (推荐 / 不推荐 / 按汇总结果) and its reason."""
    require(actor, "non_consensus.decide", place)
    round_id = round_id_in(place, round_id)
    if decision not in DECISIONS:
        choices = "、".join(f"{k}（{v}）" for k, v in DECISIONS.items())
        raise UserError(f"非共识项目的决定只能为 {choices}，收到「{decision}」")
    if not reason.strip():
        raise RuleError("NON_CONSENSUS", "NON_CONSENSUS 评审组对非共识项目的决定须写明理由")
    with change(place, actor, "non_consensus.decide", f"round:{round_id}") as unit:
        session = unit.session
        scoring, results, _ = _compute(session, round_id)
        row = next((r for p in results.panels for r in p.rows if r.application == application.strip()), None)
        if row is None:
            raise NotFound(f"项目{application}不在本轮任何评审组中")
        if not row.non_consensus:
            raise UserError(f"项目{row.application}未被标记为非共识项目，无需评审组另作决定")
        app_id = scoring.panel_of[row.application].application_ids[row.application]
        made = session.get(NonConsensusDecision, (round_id, app_id))
        unit.before = None if made is None else {"decision": made.decision, "reason": made.reason}
        if made is None:
            made = NonConsensusDecision(round_id=round_id, application_id=app_id, decision=decision,
                                        reason=reason.strip(), decided_by=actor.name, decided_at=now())
            session.add(made)
        made.decision, made.reason, made.decided_by, made.decided_at = decision, reason.strip(), actor.name, now()
        unit.after = {"application": row.application, "decision": decision, "reason": reason.strip(),
                      "scores": [s["value"] for s in row.to_dict()["scores"]]}
        return {"application": row.application, "panel": row.panel, "decision": decision,
                "decision_text": DECISIONS[decision], "reason": reason.strip(), "decided_by": actor.name}


# --- proposal and approval -------------------------------------------------------------------------------------

def propose_results(place: Place, actor: Operator, round_id: int | RoundRef, reason: str = "") -> dict:
    """A secretary proposes the results as they stand; a version after an approved one needs its reason."""
    require(actor, "results.propose", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "results.propose", f"round:{round_id}") as unit:
        session = unit.session
        scoring, results, text = _compute(session, round_id)
        if RoundState(scoring.state) not in (RoundState.SCORING, RoundState.RESULTS):
            raise UserError(f"评审轮次当前为「{RoundState(scoring.state).label}」，尚无可提交的评审结果")
        if results.missing:
            raise UserError("评审结果还不能提交审批：" + "；".join(results.missing))
        versions = session.execute(select(ResultApproval).where(ResultApproval.round_id == round_id)
                                   .order_by(ResultApproval.version)).scalars().all()
        if any(v.state == "approved" for v in versions) and not reason.strip():
            raise UserError("本轮评审结果已审批并冻结：再次提交须写明修改的理由")
        if versions and versions[-1].results_hash == results.results_hash and versions[-1].state != "superseded":
            raise UserError(f"与第{versions[-1].version}版相同的结果已提交（{_STATES[versions[-1].state]}），无需再次提交")
        session.execute(update(ResultApproval).where(ResultApproval.round_id == round_id,
                                                     ResultApproval.state == "proposed").values(state="superseded"))
        version = len(versions) + 1
        session.add(ResultApproval(round_id=round_id, version=version, results=text,
                                   results_hash=results.results_hash, reason=reason.strip(),
                                   proposed_by=actor.name, proposed_at=now()))
        unit.after = {"version": version, "hash": results.results_hash, "reason": reason.strip(),
                      "applications": len(results.rows())}
        return {"round": round_id, "version": version, "state": "proposed", "hash": results.results_hash,
                "proposed_by": actor.name, "reason": reason.strip()}


_STATES = {"proposed": "待审批", "approved": "已审批", "superseded": "已被取代"}


def check_separation(session: Session, round_id: int, approver: str, proposer: str) -> None:
    """SEPARATION: the approver entered none of the round's scores, settled none, ran none of its draws, and did
    not propose what they approve."""
    entered = set(session.execute(select(ScoreEntry.entered_by).where(ScoreEntry.round_id == round_id)).scalars())
    entered |= set(session.execute(select(Score.settled_by).where(Score.round_id == round_id)).scalars())
    if approver in entered:
        raise RuleError("SEPARATION", f"SEPARATION {approver}录入过本轮的评分，不能审批本轮评审结果；"
                                      "须由未参与录入的审批人审批")
    if approver in seating.draw_operators(session, round_id):
        raise RuleError("SEPARATION", f"SEPARATION {approver}操作过本轮的抽取，不能审批本轮评审结果")
    if approver == proposer:
        raise RuleError("SEPARATION", f"SEPARATION {approver}提交了这版评审结果，不能由本人审批")


def approve_results(place: Place, actor: Operator, round_id: int | RoundRef) -> dict:
    """The approver approves the proposed version, exactly as proposed; it is frozen, the one before superseded."""
    require(actor, "results.approve", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "results.approve", f"round:{round_id}") as unit:
        session = unit.session
        proposed = session.execute(select(ResultApproval).where(
            ResultApproval.round_id == round_id, ResultApproval.state == "proposed")).scalars().first()
        if proposed is None:
            raise UserError("本轮没有待审批的评审结果：须先由秘书提交")
        check_separation(session, round_id, actor.name, proposed.proposed_by)
        scoring, results, _ = _compute(session, round_id)
        if results.results_hash != proposed.results_hash:
            raise UserError(f"第{proposed.version}版提交之后评分或决定有变动，与提交时的结果不一致；"
                            "请秘书重新提交后再审批")
        session.execute(update(ResultApproval).where(ResultApproval.round_id == round_id,
                                                     ResultApproval.state == "approved").values(state="superseded"))
        proposed.state, proposed.approved_by, proposed.approved_at = "approved", actor.name, now()
        row = get_round(session, round_id)
        if row.state == RoundState.SCORING:
            set_state(session, row, RoundState.RESULTS)
        unit.after = {"version": proposed.version, "hash": proposed.results_hash, "state": row.state}
        return {"round": round_id, "version": proposed.version, "state": "approved", "hash": proposed.results_hash,
                "proposed_by": proposed.proposed_by, "approved_by": actor.name, "round_state": row.state}
