"""The tables of a workspace.

Natural keys carry the identity the secretariat knows — ID numbers, credit codes, application numbers — and are
unique, so that re-importing a spreadsheet updates rows instead of duplicating them. Integer surrogate keys keep the
joins of the conflict computation cheap. Constraint names follow one convention so migrations stay stable.
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, UniqueConstraint
from sqlmodel import Field, SQLModel

SQLModel.metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


def _ref(target: str, *, nullable: bool = False, cascade: bool = False, index: bool = True) -> Column:
    return Column(Integer, ForeignKey(target, ondelete="CASCADE" if cascade else None), nullable=nullable,
                  index=index)


class Organisation(SQLModel, table=True):
    __tablename__ = "organisation"
    id: Optional[int] = Field(default=None, primary_key=True)
    credit_code: str = Field(unique=True, max_length=18)
    name: str
    kind: str  # 企业 / 高校 / 科研院所 / 医疗卫生机构 / 机关 / 其他


class Person(SQLModel, table=True):
    __tablename__ = "person"
    id: Optional[int] = Field(default=None, primary_key=True)
    id_number: str = Field(unique=True, max_length=18)
    name: str
    mobile: str = ""
    email: str = ""
    head_of_unit: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})  # 单位负责人 (PROJECT_LIMIT)


class Employment(SQLModel, table=True):
    """A stay of a person at an organisation; ``to_year`` None means the person is still there."""
    __tablename__ = "employment"
    __table_args__ = (UniqueConstraint("person_id", "organisation_id", "from_year"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_ref("person.id", cascade=True))
    organisation_id: int = Field(sa_column=_ref("organisation.id"))
    from_year: Optional[int] = None
    to_year: Optional[int] = None


class FieldCode(SQLModel, table=True):
    """The discipline dictionary (GB/T 13745 style codes)."""
    __tablename__ = "field_code"
    code: str = Field(primary_key=True)
    name: str
    parent: Optional[str] = None


class Expert(SQLModel, table=True):
    __tablename__ = "expert"
    id: Optional[int] = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), nullable=False, unique=True))
    organisation_id: int = Field(sa_column=_ref("organisation.id"))
    title: str = ""
    fields: str = ""  # field codes joined by ";"
    enterprise: bool = False  # the 企业专家 column's answer, when ``enterprise_explicit``
    enterprise_explicit: bool = False  # False: derived per round from the current organisation's type
    enterprise_reason: str = Field(default="", sa_column_kwargs={"server_default": ""})  # 企业专家说明
    status: str = "active"  # active / inactive


class Relation(SQLModel, table=True):
    """A relation between two persons, stored once with ``person_a_id < person_b_id``; it binds both ways."""
    __tablename__ = "relation"
    __table_args__ = (UniqueConstraint("person_a_id", "person_b_id", "kind"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    person_a_id: int = Field(sa_column=_ref("person.id", cascade=True))
    person_b_id: int = Field(sa_column=_ref("person.id", cascade=True))
    kind: str  # 近亲属 / 姻亲 / 师生 / 合作
    from_year: Optional[int] = None
    to_year: Optional[int] = None
    note: str = ""


class Application(SQLModel, table=True):
    __tablename__ = "application"
    id: Optional[int] = Field(default=None, primary_key=True)
    number: str = Field(unique=True)
    title: str
    field_code: str
    applicant_org_id: int = Field(sa_column=_ref("organisation.id"))


class ApplicationPartner(SQLModel, table=True):
    __tablename__ = "application_partner"
    application_id: int = Field(sa_column=Column(Integer, ForeignKey("application.id", ondelete="CASCADE"),
                                                 primary_key=True))
    organisation_id: int = Field(sa_column=Column(Integer, ForeignKey("organisation.id"), primary_key=True,
                                                  index=True))


class TeamMember(SQLModel, table=True):
    __tablename__ = "team_member"
    application_id: int = Field(sa_column=Column(Integer, ForeignKey("application.id", ondelete="CASCADE"),
                                                 primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True, index=True))
    role: str  # 负责人 / 骨干
    organisation_id: Optional[int] = Field(default=None, sa_column=_ref("organisation.id", nullable=True))
    position: int = 0


class RequestedExclusion(SQLModel, table=True):
    """不宜评审专家: an expert the applicant asked not to review this application, in the order given."""
    __tablename__ = "requested_exclusion"
    application_id: int = Field(sa_column=Column(Integer, ForeignKey("application.id", ondelete="CASCADE"),
                                                 primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True, index=True))
    reason: str
    position: int = 0


class DeclaredConflict(SQLModel, table=True):
    """回避声明: the expert declared a conflict with the application."""
    __tablename__ = "declared_conflict"
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True))
    application_id: int = Field(sa_column=Column(Integer, ForeignKey("application.id", ondelete="CASCADE"),
                                                 primary_key=True, index=True))
    reason: str


class Lobbying(SQLModel, table=True):
    """请托记录: a request to an expert about an application, reported or found."""
    __tablename__ = "lobbying"
    __table_args__ = (UniqueConstraint("person_id", "application_id", "recorded_on"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_ref("person.id"))
    application_id: int = Field(sa_column=_ref("application.id", cascade=True))
    recorded_on: str  # ISO date
    note: str = ""
    accepted: bool = False


class IntegrityRecord(SQLModel, table=True):
    """A misconduct record (RULES.md MISCONDUCT_RECORD); the subject is an ID number or a credit code."""
    __tablename__ = "integrity_record"
    __table_args__ = (UniqueConstraint("subject_code", "violation", "decision_date", "project_number"),
                      Index("ix_integrity_record_subject", "subject_code"))
    id: Optional[int] = Field(default=None, primary_key=True)
    subject_name: str
    subject_code: str
    project_name: str = ""
    project_number: str = ""
    violation: str
    measures: str = ""  # several joined by ";"
    penalty_start: Optional[str] = None  # ISO dates; None for a warning without a period
    penalty_end: Optional[str] = None
    decided_by: str = ""
    basis: str = ""
    decision_date: str = ""
    violation_ref: str = Field(default="", sa_column_kwargs={"server_default": ""})  # 002 第十一条(五) when chosen
    measure_items: str = Field(default="", sa_column_kwargs={"server_default": ""})  # 第十八条's items, e.g. (五);(六)
    notified_on: Optional[str] = None  # when the subject was notified: the review request runs 15 working days
    repaired_on: Optional[str] = None  # an approved credit repair ends the listing from this date


class AuditEntry(SQLModel, table=True):
    """One change, chained to the one before by hash so that any edit or deletion of history shows."""
    __tablename__ = "audit_entry"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: str
    actor: str
    action: str
    target: str = ""
    before: str = ""  # JSON summary
    after: str = ""  # JSON summary
    prev_hash: str
    hash: str = Field(unique=True)
    digests: str = ""  # JSON: the digests of the table groups the change left behind (desktop.store.digests)
