"""The demo round brought to approved results with real-looking opinions, and 2027's calendar entered (the
deadlines after a December review reach into it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from desktop.services import results, rounds, scores, working_days
from desktop.services.scores import ScoreInput
from desktop.services.uow import reading
from desktop.services.working_days import Holiday
from desktop.store.tables import Expert, Organisation, Person
from tests.conftest import signed
from tests.execution_setup import confirmed_round
from tests.test_results import SPLIT, certify_all, steady

D = dt.date


def people(root: Path, members: list[str]) -> dict[str, tuple[str, str]]:
    """ID number → (name, organisation) of the panel's members, as the pool holds them."""
    with reading(root) as session:
        return {number: (name, org) for number, name, org in session.execute(
            select(Person.id_number, Person.name, Organisation.name).join(Expert, Expert.person_id == Person.id)
            .join(Organisation, Organisation.id == Expert.organisation_id).where(Person.id_number.in_(members)))}


def enter_2027(root: Path) -> None:
    working_days.enter_year(root, signed(root), 2027, "国办发明电〔2026〕5号",
                            [Holiday("元旦", D(2027, 1, 1), D(2027, 1, 3))])


def approved_round(root: Path, opinion=lambda i, j, who: f"该项目研究目标明确，技术路线可行（意见{i}-{j}）。"):
    """Draw, confirm, score (opinions from ``opinion(seat, application index, members' (name, org) list)``),
    certify, propose and approve the demo round; returns (members, applications). The demo round sets no
    recommendation: the first application's split scores are flagged and the panel recommends it, so it alone is
    recommended."""
    enter_2027(root)
    members = list(confirmed_round(root).values())[0]
    apps = rounds.show_round(root, signed(root), 1).panels[0]["applications"]
    who = [people(root, members)[m] for m in members]
    cells = [ScoreInput(m, a, SPLIT[i] if j == 0 else steady(i, j), opinion(i, j, who)) for i, m in enumerate(members)
             for j, a in enumerate(apps)]
    scores.enter_scores(root, signed(root), 1, cells)
    certify_all(root, members)
    flagged = [row["application"] for row in results.round_results(root, signed(root), 1).flagged()]
    for application in flagged:
        results.decide_non_consensus(root, signed(root), 1, application, "recommend", "评审组讨论后一致推荐")
    results.propose_results(root, signed(root), 1)
    results.approve_results(root, signed(root, "赵审批"), 1)
    return members, apps
