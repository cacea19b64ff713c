"""A drawn demo round brought to "confirmed" as a secretariat does it, through the services: every drawn member's
call answered (accepted), each panel confirmed, each member's commitment signed on site with the supervisor and
their attendance recorded — so the scores and results tests stand on what a user would do.

Doing that costs some twenty audited changes per panel, so tests/conftest.py builds it once per run
(``confirmed_templates``) and gives each test a copy (``confirmed_workspace``); ``confirmed_round`` on such a copy
only reads the seats it holds."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.methods import Method, RoundSettings
from desktop.services import calls, commitments, confirmation, draws, rounds
from desktop.services.accounts import Operator
from desktop.services.demo import DEMO_METHOD, DEMO_REVIEW_DATE
from tests.conftest import signed

SECRETARY, SUPERVISOR = "王秘书", "李监督"


def seats(root: Path, secretary: Operator, round_id: int = 1) -> dict[str, list[str]]:
    """Each confirmed panel's members' ID numbers in seat order."""
    return {p["panel"]: [m["expert"] for m in p["confirmation"]["members"]]
            for p in confirmation.confirmations(root, secretary, round_id) if p["confirmation"]}


def confirmed_round(root: Path, round_id: int = 1, *, without_commitment: int = 0, absent: int = 0,
                    digits: str = "271828") -> dict[str, list[str]]:
    """Draw the round, then accept, confirm, commit and seat every drawn member (present). On the first panel the
    first ``without_commitment`` members have no commitment and the next ``absent`` members were absent. Returns
    each panel's members' ID numbers in seat order. On a copy of a confirmed template the round is confirmed
    already: its seats are returned as they are (the template was made with the same arguments)."""
    secretary = signed(root, SECRETARY)
    if rounds.show_round(root, secretary, round_id).state == "confirmed":
        return seats(root, secretary, round_id)
    draws.draw_round(root, secretary, round_id, witness=signed(root, SUPERVISOR), witness_digits=digits)
    return confirm_drawn(root, secretary, signed(root, SUPERVISOR), round_id, without_commitment=without_commitment,
                         absent=absent)


def confirm_drawn(root: Path, secretary: Operator, supervisor: Operator, round_id: int = 1, *,
                  without_commitment: int = 0, absent: int = 0) -> dict[str, list[str]]:
    """A round already drawn brought to confirmed through the calls, confirmation and commitments services (see
    ``confirmed_round``)."""
    for row in calls.list_calls(root, secretary, round_id):
        if row.status == "pending":
            calls.record_call(root, secretary, round_id, row.expert, "accepted")
    for panel in rounds.show_round(root, secretary, round_id).panels:
        confirmation.confirm_panel(root, secretary, round_id, panel["name"])
    seated = seats(root, secretary, round_id)
    for index, members in enumerate(seated.values()):
        for seat, expert in enumerate(members):
            first = index == 0
            if not (first and seat < without_commitment):
                commitments.record_commitment(root, secretary, round_id, expert, on_site_by=supervisor)
            gone = first and without_commitment <= seat < without_commitment + absent
            commitments.record_attendance(root, secretary, round_id, expert, "absent" if gone else "present")
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
