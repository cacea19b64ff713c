"""A drawn demo round brought to "confirmed" in one audited change: the drawn members' invitations accepted, the
panels confirmed, commitments and attendance recorded, as the calls services would record them after the calls."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlmodel import select

from desktop.domain.methods import Method, RoundSettings, RoundState
from desktop.services import draws, rounds
from desktop.services.demo import DEMO_METHOD, DEMO_REVIEW_DATE
from desktop.services.accounts import Operator
from desktop.services.rounds import get_round, set_state
from desktop.services.uow import change
from desktop.store.execution_tables import Attendance, ExpertCommitment, Invitation, PanelConfirmation
from desktop.store.round_tables import Draw, DrawMember, Panel
from desktop.store.tables import Person
from tests.conftest import signed

SECRETARY, SUPERVISOR = "王秘书", "李监督"


def confirmed_round(root: Path, round_id: int = 1, *, without_commitment: int = 0, absent: int = 0,
                    digits: str = "271828") -> dict[str, list[str]]:
    """Draw the round, then accept, confirm, commit and seat every drawn member (present). On the first panel the
    first ``without_commitment`` members have no commitment and the next ``absent`` members were absent. Returns
    each panel's members' ID numbers in seat order."""
    draws.draw_round(root, signed(root, SECRETARY), round_id, witness=signed(root, SUPERVISOR),
                     witness_digits=digits)
    return confirm_drawn(root, signed(root, SECRETARY), round_id, without_commitment=without_commitment,
                         absent=absent)


def confirm_drawn(root: Path, secretary: Operator, round_id: int = 1, *, without_commitment: int = 0,
                  absent: int = 0) -> dict[str, list[str]]:
    """What the calls services would record for a round already drawn (see ``confirmed_round``)."""
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    seated: dict[str, list[str]] = {}
    with change(root, secretary, "test.confirm", f"round:{round_id}") as unit:
        session = unit.session
        draw = session.exec(select(Draw).where(Draw.round_id == round_id, Draw.superseded.is_(False))).one()
        rows = session.execute(
            select(Panel.id, Panel.name, DrawMember.person_id, DrawMember.position, DrawMember.enterprise,
                   Person.id_number, Person.name)
            .join(Panel, Panel.id == DrawMember.panel_id).join(Person, Person.id == DrawMember.person_id)
            .where(DrawMember.draw_id == draw.id, DrawMember.reserve.is_(False))
            .order_by(Panel.position, DrawMember.position)).all()
        panels: dict[int, list] = {}
        for row in rows:
            panels.setdefault(row[0], []).append(row)
        for index, (panel_id, members) in enumerate(panels.items()):
            seated[members[0][1]] = [m[5] for m in members]
            for seat, (_, _, person, _, enterprise, id_number, name) in enumerate(members):
                invited = session.exec(select(Invitation).where(  # the draw invites its members itself
                    Invitation.draw_id == draw.id, Invitation.panel_id == panel_id,
                    Invitation.person_id == person)).first()
                invited = invited or Invitation(round_id=round_id, draw_id=draw.id, panel_id=panel_id,
                                                person_id=person, seat=seat, enterprise=enterprise, invited_at=now)
                invited.status = "accepted"
                session.add(invited)
                first = index == 0
                if not (first and seat < without_commitment):
                    session.add(ExpertCommitment(round_id=round_id, person_id=person, kind="on_site",
                                                 confirmed_by=SUPERVISOR, recorded_by=SECRETARY, recorded_at=now))
                gone = first and without_commitment <= seat < without_commitment + absent
                session.add(Attendance(round_id=round_id, person_id=person, panel_id=panel_id,
                                       status="absent" if gone else "present", recorded_by=SECRETARY,
                                       recorded_at=now))
            session.add(PanelConfirmation(
                round_id=round_id, panel_id=panel_id, draw_id=draw.id, confirmed_by=SECRETARY, confirmed_at=now,
                members=json.dumps([{"seat": s, "expert": m[5], "name": m[6], "enterprise": bool(m[4])}
                                    for s, m in enumerate(members)], ensure_ascii=False),
                enterprise_count=sum(1 for m in members if m[4]), enterprise_required=0))
        set_state(session, get_round(session, round_id), RoundState.CONFIRMED)
        unit.after = {"panels": seated}
    return seated


def new_round(root: Path, *, method: Method = DEMO_METHOD, size: int = 7, **settings) -> int:
    """A second round of the demo over the applications of its first panel, opened with ``settings`` (double
    entry, a recommendation, another method); returns its id."""
    secretary = signed(root, SECRETARY)
    first = rounds.show_round(root, secretary, 1).panels[0]
    info = rounds.create_round(root, secretary, name=f"执行测试轮次 {method.scoring.value} {sorted(settings.items())}",
                               review_date=DEMO_REVIEW_DATE, method=method, confirm_past_date=True,
                               settings=RoundSettings(panel_size=size, **settings))
    rounds.add_panel(root, secretary, info.id, name="第1组", size=size, applications=first["applications"])
    rounds.open_round(root, secretary, info.id)
    return info.id
