"""Project limits (RULES.md PROJECT_LIMIT, APPLICANT_INTEGRITY, LOBBIED): the provincial projects under way, as the
在研项目 sheet gives them, and the secretariat's recorded decision on each flagged application of a round."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.store.tables import _ref


class OngoingProject(SQLModel, table=True):
    """A provincial project under way; its people by canonical ID number (they need not be in the pool)."""
    __tablename__ = "ongoing_project"
    id: Optional[int] = Field(default=None, primary_key=True)
    number: str = Field(unique=True)
    title: str
    leader: str = Field(index=True)  # ID number of the 负责人
    members: str = ""  # ID numbers of the 骨干, joined by ";"
    start: str  # ISO date
    end: str  # ISO date


class LimitDecision(SQLModel, table=True):
    """The secretariat's decision on one flag of one application in a round: not admitted, or admitted with a
    reason. One per (round, application, code); it stays as recorded (TRACEABLE)."""
    __tablename__ = "limit_decision"
    __table_args__ = (UniqueConstraint("round_id", "application_id", "code"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id", cascade=True))
    application_id: int = Field(sa_column=_ref("application.id", cascade=True))
    code: str  # PROJECT_LIMIT / APPLICANT_INTEGRITY / LOBBIED
    admitted: bool
    reason: str = ""
    decided_by: str
    decided_at: str
