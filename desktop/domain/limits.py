"""Who may not be admitted to a round's review without the secretariat's recorded decision (RULES.md PROJECT_LIMIT,
APPLICANT_INTEGRITY, LOBBIED): researchers over the limit of provincial projects at a time, applicants under a
measure restricting applications on the review date, and applications someone lobbied for.

A researcher leads or takes a main part in at most 2 provincial projects at a time, a head of a university, an
institute or an enterprise leads at most 1 (000 §(六)): counted on the review date over the ongoing projects whose
period contains it and the round's own applications, since each of those would run at the same time if funded.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.misconduct import in_force, restricting
from desktop.domain.pool import Application, Lobbying

LIMIT = 2  # projects led or taken a main part in, at a time
HEAD_LIMIT = 1  # projects a head of unit leads, at a time
LEAD = "负责人"


@dataclass(frozen=True)
class Ongoing:
    """A provincial project under way (在研项目): its leader and main members by ID number, and its period."""
    number: str
    title: str
    leader: str
    members: tuple[str, ...]
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Restriction:
    """A misconduct record as APPLICANT_INTEGRITY reads it."""
    record_id: int
    subject: str  # ID number or credit code
    subject_name: str
    violation: str
    measures: str  # joined by ";"
    measure_items: str  # 第十八条's items, e.g. (五);(六)
    penalty_start: dt.date | None
    penalty_end: dt.date | None
    repaired_on: dt.date | None = None


@dataclass(frozen=True)
class Flag:
    application: str
    code: str  # PROJECT_LIMIT, APPLICANT_INTEGRITY or LOBBIED
    facts: dict[str, Any] = field(default_factory=dict)


def _holdings(ongoing: Iterable[Ongoing], applications: Iterable[Application], day: dt.date) -> dict[str, list]:
    """Each person's projects on ``day``, (number, title, role, kind, period): ongoing ones, then the round's. Read in
    one pass: asked person by person, 50,000 ongoing projects took a minute and a half for a round."""
    held: dict[str, list] = defaultdict(list)
    for project in ongoing:
        if project.start <= day <= project.end:
            period = f"{project.start}至{project.end}"
            held[project.leader].append((project.number, project.title, LEAD, "在研", period))
            for member in dict.fromkeys(project.members):
                if member != project.leader:
                    held[member].append((project.number, project.title, "骨干", "在研", period))
    for app in applications:
        for member in app.team:
            held[member.person].append((app.number, app.title, member.role, "本轮申报", ""))
    return held


def project_limits(applications: tuple[Application, ...], ongoing: tuple[Ongoing, ...], heads: frozenset[str],
                   day: dt.date) -> list[Flag]:
    """PROJECT_LIMIT: one flag per application of each team member over a limit, naming all their projects."""
    people: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for app in applications:
        for member in app.team:
            people.setdefault(member.person, (member.name, []))[1].append((app.number, member.role))
    holdings = _holdings(ongoing, applications, day)
    flags = []
    for person, (name, roles) in sorted(people.items()):
        held = holdings[person]
        led = [p for p in held if p[2] == LEAD]
        head = person in heads
        over = [f"主持或参与{len(held)}项，超过{LIMIT}项"] if len(held) > LIMIT else []
        if head and len(led) > HEAD_LIMIT:
            over.append(f"单位负责人主持{len(led)}项，超过{HEAD_LIMIT}项")
        if not over:
            continue
        facts = {"person": person, "name": name, "head_of_unit": head, "reasons": over,
                 "projects": [{"number": n, "title": t, "role": r, "kind": k, "period": p} for n, t, r, k, p in held]}
        for number, role in roles:
            flags.append(Flag(number, "PROJECT_LIMIT", {**facts, "role": role}))
    return flags


def applicant_integrity(applications: tuple[Application, ...], records: tuple[Restriction, ...],
                        day: dt.date) -> list[Flag]:
    """APPLICANT_INTEGRITY: the applicant unit, PI or a team member under a measure restricting applications
    (第十八条(五)(六)) in force on the review date."""
    by_subject = defaultdict(list)
    for record in records:
        if restricting(record.measures, record.measure_items) and in_force(
                record.penalty_start, record.penalty_end, record.repaired_on, day):
            by_subject[record.subject].append(record)
    flags = []
    for app in applications:
        subjects = [(app.applicant_org, "申报单位", "")] + [(m.person, m.role, m.name) for m in app.team]
        for subject, role, name in subjects:
            for record in by_subject.get(subject, ()):
                flags.append(Flag(app.number, "APPLICANT_INTEGRITY", {
                    "subject": subject, "subject_name": name or record.subject_name, "role": role,
                    "record_id": record.record_id, "violation": record.violation, "measures": record.measures,
                    "penalty_start": str(record.penalty_start), "penalty_end": str(record.penalty_end),
                    "review_date": day.isoformat()}))
    return flags


def lobbied(applications: tuple[Application, ...], lobbying: tuple[Lobbying, ...]) -> list[Flag]:
    """LOBBIED: an application someone lobbied an expert for; the applicant is flagged for a decision on
    disqualification (取消参评资格), whether or not the expert accepted."""
    numbers = {app.number for app in applications}
    return [Flag(lobby.application, "LOBBIED", {"expert": lobby.expert, "date": lobby.date.isoformat(),
                                                "note": lobby.note, "accepted": lobby.accepted})
            for lobby in lobbying if lobby.application in numbers]
