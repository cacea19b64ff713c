"""Confirmation calls (TRACEABLE): who is invited to each seat, each call with its outcome and recording, and the
replacement a decline or an unreachable expert brings in (NO_SUBSTITUTE, desktop.services.replacements).

One call is one transaction and one audit entry: the call, the recording's attachment, a conflict the expert declared
on the call (DECLARED), the invitation's new status and, when the seat is freed, the reserve invited to it. A member
of a confirmed panel who withdraws before scoring is one too, undoing the panel's confirmation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain.calls import OUTCOMES, STATUSES, CallEntry, CallRefused, check_call, check_may_call, status_after
from desktop.domain.confirmation import state_after_withdrawal
from desktop.domain.errors import NotFound, UserError
from desktop.domain.ids import canonical
from desktop.services import attachments, invitations, replacements
from desktop.services.accounts import Operator, require
from desktop.services.rounds import RoundRef, get_round, round_id_in, settings_of
from desktop.services.uow import change, reading, workspace_of
from desktop.store.execution_tables import Attendance, Call, ExpertCommitment, Invitation, PanelConfirmation
from desktop.store.round_tables import Panel, PanelApplication
from desktop.store.tables import Application, DeclaredConflict, Expert, Organisation, Person
from desktop.store.workspace import Workspace

Place = Path | Workspace


@dataclass(frozen=True)
class CallRow:
    """One invitation as the calls list shows it."""
    panel: str
    seat: int
    expert: str
    name: str
    mobile: str
    organisation: str
    title: str
    enterprise: bool
    source: str
    batch: int
    status: str
    attempts: int
    last_call: dict | None

    def to_dict(self) -> dict:
        return {"panel": self.panel, "seat": self.seat + 1, "expert": self.expert, "name": self.name,
                "status": self.status, "status_label": STATUSES[self.status], "attempts": self.attempts,
                "enterprise": self.enterprise, "mobile": self.mobile, "organisation": self.organisation,
                "title": self.title, "source": self.source, "batch": self.batch, "last_call": self.last_call}


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _call_dict(call: Call, name: str, expert: str, panel: str, seconds: float | None = None) -> dict:
    return {"id": call.id, "expert": expert, "name": name, "panel": panel, "at": call.at, "operator": call.operator,
            "outcome": call.outcome, "outcome_label": OUTCOMES[call.outcome], "reason_kind": call.reason_kind,
            "reason": call.reason, "declared": call.declared, "recording": call.recording, "seconds": seconds}


def _experts(session: Session, person_ids: list[int]) -> dict[int, tuple[str, str]]:
    """person id → (organisation, title) as the pool records them today."""
    return {p: (org, title) for p, org, title in session.execute(
        select(Expert.person_id, Organisation.name, Expert.title).join(Organisation, Organisation.id ==
                                                                         Expert.organisation_id)
        .where(Expert.person_id.in_(person_ids)))}


def _last_calls(session: Session, round_id: int) -> dict[int, dict]:
    last: dict[int, dict] = {}
    for call in session.exec(select(Call).where(Call.round_id == round_id).order_by(Call.id)):
        last[call.invitation_id] = {"at": call.at, "operator": call.operator, "outcome": call.outcome,
                                    "reason_kind": call.reason_kind, "reason": call.reason,
                                    "recording": call.recording}
    return last


def list_calls(place: Place, op: Operator, round_id: int | RoundRef, panel: str | None = None) -> list[CallRow]:
    """Every invitation of the round's current draw, replaced ones included, in call order (panel, seat)."""
    require(op, "calls.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        draw = invitations.current_draw(session, round_id)
        panel_id = None if panel is None else invitations.panel_of(session, round_id, panel).id
        found = invitations.seats(session, draw, panel_id)
        experts = _experts(session, [s.person_id for s in found])
        last = _last_calls(session, round_id)
        return [CallRow(s.panel, s.seat, s.expert, s.name, s.mobile, *experts.get(s.person_id, ("", "")),
                        s.enterprise, s.source, s.batch, s.status, s.attempts, last.get(s.invitation))
                for s in found]


def call_history(place: Place, op: Operator, round_id: int | RoundRef, expert: str) -> list[dict]:
    """Every call to one expert in this round, first to last, with its recording's length."""
    require(op, "calls.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        person = _person(session, expert)
        rows = session.execute(select(Call, Panel.name).join(Invitation, Invitation.id == Call.invitation_id)
                               .join(Panel, Panel.id == Invitation.panel_id)
                               .where(Call.round_id == round_id, Invitation.person_id == person.id)
                               .order_by(Call.id)).all()
        seconds = attachments.durations(session, [c.recording for c, _ in rows if c.recording])
        return [_call_dict(c, person.name, person.id_number, panel, seconds.get(c.recording)) for c, panel in rows]


def _person(session: Session, expert: str) -> Person:
    number = canonical(expert or "")
    person = session.exec(select(Person).where(Person.id_number == number)).first()
    if person is None:
        raise NotFound(f"专家库中没有身份证号为 {number} 的专家")
    return person


def _invitation(session: Session, draw, person: Person) -> Invitation:
    """The expert's newest invitation in the current draw."""
    found = session.exec(select(Invitation).where(Invitation.draw_id == draw.id, Invitation.person_id == person.id)
                         .order_by(Invitation.id.desc())).first()
    if found is None:
        raise NotFound(f"{person.name}（{person.id_number}）不在本轮抽取的评审专家之中：电话确认只针对抽中或递补的专家"
                       "（NO_SUBSTITUTE 不能由他人顶替）")
    return found


def _declare(session: Session, round_id: int, person: Person, invitation: Invitation, numbers: list[str],
             text: str) -> list[str]:
    """DECLARED: the conflicts the expert declared on the call, against applications of their panel."""
    panel_apps = dict(session.execute(select(Application.number, Application.id).join(
        PanelApplication, PanelApplication.application_id == Application.id)
        .where(PanelApplication.panel_id == invitation.panel_id)).all())
    declared = []
    for number in numbers:
        number = number.strip()
        if number not in panel_apps:
            raise UserError(f"项目 {number} 不在{person.name}受邀的评审组中；申报回避须针对本组的项目"
                            f"（{'、'.join(sorted(panel_apps))}）")
        if session.get(DeclaredConflict, (person.id, panel_apps[number])) is None:
            session.add(DeclaredConflict(person_id=person.id, application_id=panel_apps[number],
                                         reason=text or "电话确认时申报"))
        declared.append(number)
    session.flush()
    return declared


def _seat_of(session: Session, round_id: int, expert: str):
    """The round, its current draw, the expert, their newest invitation and its panel."""
    row = get_round(session, round_id)
    draw = invitations.current_draw(session, round_id)
    invitations.ensure(session, draw)
    person = _person(session, expert)
    invitation = _invitation(session, draw, person)
    return row, draw, person, invitation, session.get(Panel, invitation.panel_id)


def _confirmation(session: Session, panel_id: int) -> PanelConfirmation | None:
    return session.exec(select(PanelConfirmation).where(PanelConfirmation.panel_id == panel_id,
                                                        PanelConfirmation.superseded.is_(False))).first()


def _settle(session: Session, unit, actor: Operator, row, draw, person: Person, invitation: Invitation, panel: Panel,
            entry: CallEntry, recording: Path | None, probed, numbers: list[str] = ()) -> dict:
    """Write the call, the invitation's new status and, when the seat is freed, the reserve invited to it."""
    stored = None if probed is None else attachments.store(session, unit.workspace, recording, "recording",
                                                           probed[0], probed[1], actor.name)
    call = Call(round_id=row.id, invitation_id=invitation.id, at=_now(), operator=actor.name,
                outcome=entry.outcome, reason_kind=entry.reason_kind, reason=entry.reason,
                recording=stored.sha256 if stored else None,
                declared="；".join(f"{n}：{entry.reason}" for n in numbers))
    session.add(call)
    session.flush()
    outcomes = session.exec(select(Call.outcome).where(Call.invitation_id == invitation.id).order_by(Call.id))
    invitation.status = status_after(list(outcomes), settings_of(row).unreachable_after)
    session.flush()
    refill = replacements.refill(session, draw, invitation) if invitation.status in ("declined", "unreachable") \
        else None
    return {"call": _call_dict(call, person.name, person.id_number, panel.name, stored.seconds if stored else None),
            "recording": None if stored is None else {"sha256": stored.sha256, "seconds": stored.seconds,
                                                      "media_type": stored.media_type},
            "status": invitation.status, "replacement": refill.expert if refill else None,
            "replacement_name": refill.name if refill else None,
            "passed_over": refill.passed_over if refill else [],
            "seat_open": bool(refill and refill.expert is None), "declared": list(numbers)}


def record_call(place: Place, actor: Operator, round_id: int | RoundRef, expert: str, outcome: str, *,
                reason: str = "", reason_kind: str = "", recording: Path | None = None,
                declared: list[str] = (), declared_text: str = "") -> dict:
    """Record one call. A conflict declared against applications of the panel (DECLARED) is recorded too and makes
    the call a decline for 需回避. When the outcome frees the seat, the next available reserve is invited in the
    same transaction; ``replacement`` is None when none is left (the seat awaits a supplementary draw)."""
    require(actor, "calls.record", place)
    round_id = round_id_in(place, round_id)
    if declared:
        entry = CallEntry("declined", "需回避", (declared_text or reason or "").strip() or "电话确认时申报回避")
    else:
        entry = check_call(outcome, reason, reason_kind)
    probed = attachments.probe_recording(recording) if recording is not None else None
    with change(place, actor, "call.record", f"round:{round_id}") as unit:
        session = unit.session
        row, draw, person, invitation, panel = _seat_of(session, round_id, expert)
        check_may_call(invitation.status, person.name)
        if _confirmation(session, panel.id) is not None:
            raise CallRefused(f"评审组「{panel.name}」已确认，不能再记录确认电话；已确认的专家退出（来电拒绝、生病等）"
                              "请记录为退出")
        unit.target = f"round:{round_id}/panel:{panel.name}/expert:{person.id_number}"
        numbers = _declare(session, round_id, person, invitation, list(declared), entry.reason) if declared else []
        before = invitation.status
        result = _settle(session, unit, actor, row, draw, person, invitation, panel, entry, recording, probed,
                         numbers)
        result["recheck"] = replacements.recheck(session, draw, panel) if numbers else []
        unit.before = {"status": before}
        unit.after = result
        return result


def record_withdrawal(place: Place, actor: Operator, round_id: int | RoundRef, expert: str, *, reason: str,
                      reason_kind: str = "", recording: Path | None = None) -> dict:
    """A member of a confirmed panel withdraws before scoring starts (calls back to decline, falls ill): the call is
    recorded as a decline, the panel is confirmed no longer (and a confirmed round goes back to drawn), the member's
    commitment no longer counts (removed; the audit entry keeps it) and the seat goes to the reserve by the same rule
    as any decline (NO_SUBSTITUTE), or waits for a supplementary draw — all in one transaction."""
    require(actor, "calls.record", place)
    round_id = round_id_in(place, round_id)
    entry = check_call("declined", reason, reason_kind)
    probed = attachments.probe_recording(recording) if recording is not None else None
    with change(place, actor, "call.withdraw", f"round:{round_id}") as unit:
        session = unit.session
        row, draw, person, invitation, panel = _seat_of(session, round_id, expert)
        unit.target = f"round:{round_id}/panel:{panel.name}/expert:{person.id_number}"
        check_may_call(invitation.status, person.name)
        made = _confirmation(session, panel.id)
        if made is None or invitation.status != "accepted":
            raise CallRefused(f"{person.name} 不是已确认评审组的成员：评审组确认之前的拒绝请直接记录确认电话")
        state = state_after_withdrawal(row.state, person.name)
        if session.get(Attendance, (round_id, person.id)) is not None:
            raise CallRefused(f"{person.name} 的出席已经记录，评审已开始，不能再记录退出")
        commitment = session.exec(select(ExpertCommitment).where(ExpertCommitment.round_id == round_id,
                                                                 ExpertCommitment.person_id == person.id)).first()
        unit.before = {"status": invitation.status, "round_state": row.state,
                       "confirmation": {"id": made.id, "confirmed_by": made.confirmed_by,
                                        "confirmed_at": made.confirmed_at},
                       "commitment": None if commitment is None else {
                           "kind": commitment.kind, "attachment": commitment.attachment,
                           "confirmed_by": commitment.confirmed_by, "recorded_by": commitment.recorded_by,
                           "recorded_at": commitment.recorded_at}}
        made.superseded = True
        if commitment is not None:
            session.delete(commitment)
        row.state = state.value
        session.flush()
        result = _settle(session, unit, actor, row, draw, person, invitation, panel, entry, recording, probed)
        result |= {"round_state": row.state, "panel_confirmed": False,
                   "commitment_withdrawn": commitment is not None}
        unit.after = result
        return result


EXTENSIONS = {"audio/wav": ".wav", "audio/mpeg": ".mp3", "audio/amr": ".amr", "audio/aac": ".aac",
              "audio/mp4": ".m4a"}


def recording_copy(place: Place, op: Operator, sha256: str, folder: Path) -> Path:
    """A playable copy of a kept recording (decrypted, streamed) in ``folder``, which the caller owns and clears."""
    require(op, "calls.read", place)
    with reading(place) as session:
        row = session.get(attachments.Attachment, sha256)
        if row is None or row.kind != "recording":
            raise NotFound(f"没有这段录音：{sha256[:16]}…")
        suffix = EXTENSIONS.get(row.media_type, "")
    return attachments.export_blob(workspace_of(place), sha256, Path(folder) / f"{sha256[:16]}{suffix}")
