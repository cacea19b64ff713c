"""The facts recusal is computed from, as plain frozen values the store fills and tests build by hand.

People are keyed by ID number and organisations by unified social credit code: names change and repeat, codes do
not (RULES.md §2 SAME_ORG). An expert's key is their ID number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from desktop.domain.methods import RoundSettings

RELATION_KINDS = ("近亲属", "姻亲", "师生", "合作")
TEAM_ROLES = ("负责人", "骨干")


class Stay(NamedTuple):
    """A period a person worked for an organisation; None years mean since always / still. A stay without a start
    year is the one the expert sheet's 工作单位 column implies; the dated history supersedes it (employers.py).

    Stays and relations are the million-row part of a pool: a Pool may hold them as plain rows in the fields'
    order, as the database gives them, and recusal names only the few it keeps."""
    person: str
    org: str
    org_name: str
    from_year: int | None
    to_year: int | None


class Relation(NamedTuple):
    """A tie between two people, binding both ways."""
    a: str
    b: str
    kind: str
    from_year: int | None = None
    to_year: int | None = None
    note: str = ""


@dataclass(frozen=True)
class TeamMember:
    person: str
    name: str
    role: str
    org: str | None = None


@dataclass(frozen=True)
class Application:
    number: str
    title: str
    field: str
    applicant_org: str
    partner_orgs: tuple[str, ...] = ()
    team: tuple[TeamMember, ...] = ()


@dataclass(frozen=True)
class Expert:
    """``enterprise`` is what the 企业专家 column said explicitly (None when it was left empty): whether the expert
    counts toward ENTERPRISE_THIRD is derived per round from the current organisation (desktop.domain.employers)."""
    person: str
    name: str
    fields: tuple[str, ...]
    enterprise: bool | None = None
    active: bool = True
    enterprise_reason: str = ""  # why an explicit 是 holds for an organisation that is not an enterprise


@dataclass(frozen=True)
class Declared:
    expert: str
    application: str
    reason: str


@dataclass(frozen=True)
class Requested:
    """An applicant's request that an expert not review (不宜评审专家); ``order`` ranks it within the application."""
    application: str
    expert: str
    reason: str
    order: int


@dataclass(frozen=True)
class Lobbying:
    """A recorded request (请托) to an expert; ``accepted`` means the expert was found to have accepted it."""
    expert: str
    application: str
    date: dt.date
    note: str
    accepted: bool = False


@dataclass(frozen=True)
class IntegrityRecord:
    record_id: str
    subject: str
    subject_name: str
    violation: str
    measures: str
    penalty_start: dt.date | None
    penalty_end: dt.date | None
    decided_by: str = ""
    basis: str = ""
    decision_date: dt.date | None = None
    repaired_on: dt.date | None = None  # an approved credit repair ends the penalty from this date (CREDIT_REPAIR)


@dataclass(frozen=True)
class Pool:
    experts: tuple[Expert, ...]
    stays: tuple[Stay | tuple, ...] = ()  # Stay, or a row in its fields' order
    relations: tuple[Relation | tuple, ...] = ()  # Relation, or a row in its fields' order
    declared: tuple[Declared, ...] = ()
    requested: tuple[Requested, ...] = ()
    lobbying: tuple[Lobbying, ...] = ()
    integrity: tuple[IntegrityRecord, ...] = ()
    org_kinds: Mapping[str, str] = field(default_factory=dict)  # credit code → 单位类型 as registered today


@dataclass(frozen=True)
class RoundCase:
    """The round as recusal sees it: when it reviews, under which settings, which applications, in which panels."""
    review_date: dt.date
    settings: RoundSettings
    applications: tuple[Application, ...]
    panel_of: Mapping[str, str] = field(default_factory=dict)
