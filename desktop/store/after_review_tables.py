"""The tables of what follows a round's approved results (RULES.md FEEDBACK, PUBLICITY, APPEAL, EXPERT_CONDUCT).

An opinion corrected before it reaches an applicant keeps its original; an objection or an appeal is a fact with who
recorded it and when, its answer or decision recorded beside it by the approver; deadlines are those counted on the
working-day calendar (their calendar version is kept here and in ``deadline``).
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from desktop.store.tables import _ref


class OpinionCorrection(SQLModel, table=True):
    """An opinion edited by the secretary because it names a panel member, an organisation or a number (FEEDBACK):
    the notice prints ``corrected``; ``original`` stays as the expert gave it."""
    __tablename__ = "opinion_correction"
    round_id: int = Field(sa_column=Column(Integer, ForeignKey("review_round.id"), primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True))
    application_id: int = Field(sa_column=Column(Integer, ForeignKey("application.id"), primary_key=True))
    original: str
    corrected: str
    corrected_by: str
    corrected_at: str


class Publicity(SQLModel, table=True):
    """A round's publicity period (PUBLICITY): the approved results' recommended applications, from ``start`` for
    ``working_days`` working days, to ``end`` (counted on the calendar version kept)."""
    __tablename__ = "publicity"
    round_id: int = Field(sa_column=Column(Integer, ForeignKey("review_round.id"), primary_key=True))
    results_version: int
    start: str
    working_days: int
    end: str
    calendar_version: str
    entries: str  # the application numbers listed, ";"-joined
    started_by: str
    started_at: str
    final_by: str = ""
    final_at: Optional[str] = None


class Objection(SQLModel, table=True):
    """An objection (异议) received about a publicly noticed application, and the approver's answer."""
    __tablename__ = "objection"
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id"))
    application: str
    objector: str
    received_on: str
    text: str
    attachments: str = ""  # SHA-256 of the files kept in blobs/, ";"-joined
    late: bool = False  # received after the period's end
    recorded_by: str
    recorded_at: str
    decision: str = ""  # upheld / dismissed
    answer: str = ""
    answered_by: str = ""
    answered_on: Optional[str] = None


class Appeal(SQLModel, table=True):
    """An applicant's appeal against a result (kind appeal) or a subject's request for review of a misconduct record
    (kind review), through received → accepted / not_accepted → decided (APPEAL)."""
    __tablename__ = "appeal"
    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str
    round_id: Optional[int] = Field(default=None, sa_column=Column(Integer, ForeignKey("review_round.id"),
                                                                   nullable=True))
    application: str = ""
    record_id: Optional[int] = Field(default=None, sa_column=Column(Integer, ForeignKey("integrity_record.id"),
                                                                    nullable=True))
    appellant: str
    text: str
    received_on: str
    state: str = "received"
    acceptance_due: str
    decision_due: Optional[str] = None
    calendar_version: str
    accepted_on: Optional[str] = None
    reasons: str = ""  # why not accepted
    extension_reason: str = ""
    decision: str = ""
    decided_by: str = ""
    decided_on: Optional[str] = None
    recorded_by: str
    recorded_at: str


class ExpertConduct(SQLModel, table=True):
    """A seated expert's conduct in a round (EXPERT_CONDUCT), recorded within 2 working days of the review."""
    __tablename__ = "expert_conduct"
    round_id: int = Field(sa_column=Column(Integer, ForeignKey("review_round.id"), primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True))
    conduct: str  # codes of desktop.domain.conduct.CONDUCTS, ";"-joined
    rating: Optional[int] = None
    note: str = ""
    recorded_by: str
    recorded_at: str
