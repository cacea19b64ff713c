"""The synthetic data set in memory: plain records the sheet writers turn into rows.

Relations are the bulk of a large data set (hundreds of thousands of rows), so the data set holds only those made
on purpose to cause conflicts and produces the rest lazily, from a random generator of their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from desktop.synthetic.fields import Field


@dataclass(slots=True)
class Organisation:
    name: str
    credit_code: str
    kind: str  # 企业 / 高校 / 科研院所 / 医疗卫生机构 / 机关 / 其他
    mail_domain: str | None = None
    former_name: str | None = None
    renamed_in: int | None = None  # the first year under the current name

    def name_in(self, year: int) -> str:
        """The name the organisation had in ``year``: a renamed unit keeps its credit code, not its name."""
        if self.former_name and self.renamed_in and year < self.renamed_in:
            return self.former_name
        return self.name


@dataclass(slots=True)
class Person:
    name: str
    id_number: str
    male: bool
    born: dt.date
    mobile: str
    email: str


@dataclass(slots=True)
class Stay:
    organisation: Organisation
    start: int
    end: int | None  # None: still there


@dataclass(slots=True)
class Expert:
    person: Person
    title: str
    fields: tuple[str, ...]
    stays: list[Stay]  # oldest first; the last one is the current employment
    enterprise: str  # 是 / 否, or "" to default from the organisation's type

    @property
    def organisation(self) -> Organisation:
        return self.stays[-1].organisation


@dataclass(slots=True)
class Member:
    person: Person
    role: str  # 负责人 / 骨干
    organisation: Organisation


@dataclass(slots=True)
class Application:
    number: str
    title: str
    field: str
    applicant: Organisation
    partners: list[Organisation]
    members: list[Member] = field(default_factory=list)


@dataclass(slots=True)
class Relation:
    a: str  # ID numbers
    b: str
    kind: str  # 近亲属 / 姻亲 / 师生 / 合作
    start: int | None
    end: int | None
    note: str


@dataclass(slots=True)
class Exclusion:
    """A row of 不宜评审专家, 回避声明 or 请托记录: an expert, an application and why."""

    number: str
    id_number: str
    reason: str
    date: str = ""
    accepted: str = ""


@dataclass(slots=True)
class IntegrityRecord:
    subject: str
    code: str  # ID number or credit code
    project_title: str
    project_number: str
    violation: str
    measures: tuple[str, ...]
    start: str  # YYYY-MM-DD, or "" for a measure without a period
    end: str
    unit: str
    basis: str
    decided: str


@dataclass(slots=True)
class Dataset:
    fields: tuple[Field, ...]
    organisations: list[Organisation]
    experts: list[Expert]
    applications: list[Application]
    conflict_relations: list[Relation]
    bulk_relations: Callable[[], Iterator[Relation]]
    unsuitable: list[Exclusion]
    integrity: list[IntegrityRecord]
    declarations: list[Exclusion]
    requests: list[Exclusion]

    def relations(self) -> Iterator[Relation]:
        yield from self.conflict_relations
        yield from self.bulk_relations()
