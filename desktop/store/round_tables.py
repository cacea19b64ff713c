"""The tables of review rounds: the round with its frozen method, its panels, and every draw with its members.

A draw is never overwritten: a redraw adds a new draw with its reason and marks the earlier one superseded, so the
record shows every draw that was made (TRACEABLE). The database itself allows one current draw per round and one
draw per commitment (partial unique indexes), so two draws racing cannot both stand.
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from desktop.store.tables import _ref


class ReviewRound(SQLModel, table=True):
    __tablename__ = "review_round"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    programme: str = ""  # 计划类别
    stage: str = ""
    review_date: str  # ISO date
    method: str  # JSON of domain.methods.Method.to_dict()
    settings: str  # JSON of domain.methods.RoundSettings.to_dict()
    state: str = "draft"
    created_at: str
    opened_at: Optional[str] = None
    issuer: str = ""       # the body that issues the round's documents, as it signs: 省科学技术厅评审办公室
    venue: str = ""        # 评审地点; documents say 另行通知 while empty
    review_time: str = ""  # 评审时间 on the review date, e.g. 上午9:00; documents say 另行通知 while empty


class Panel(SQLModel, table=True):
    __tablename__ = "panel"
    __table_args__ = (UniqueConstraint("round_id", "name"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id", cascade=True))
    name: str
    size: int
    fields: str = ""  # required field codes joined by ";"
    position: int = 0


class PanelApplication(SQLModel, table=True):
    """An application belongs to at most one panel of a round."""
    __tablename__ = "panel_application"
    __table_args__ = (UniqueConstraint("round_id", "application_id"),)
    panel_id: int = Field(sa_column=Column(Integer, ForeignKey("panel.id", ondelete="CASCADE"), primary_key=True))
    application_id: int = Field(sa_column=Column(Integer, ForeignKey("application.id"), primary_key=True))
    round_id: int = Field(sa_column=_ref("review_round.id", cascade=True))


class DrawCommitment(SQLModel, table=True):
    """The program's secret for a round's next draw and its published hash (FAIR_DRAW). ``state`` is pending until a
    draw uses it (used) or the pool changes under it (void); at most one pending per round, so what the room was
    shown is what the draw uses."""
    __tablename__ = "draw_commitment"
    __table_args__ = (Index("uq_draw_commitment_pending", "round_id", unique=True,
                            sqlite_where=text("state = 'pending'")),)
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id"))
    commitment: str  # SHA-256 hex, domain.draw_random.commitment_of
    secret: str  # hex; shown only once the draw is made
    pool_hash: str  # the pool the commitment binds
    candidates_hash: str = ""  # each panel's candidates when it was made (DrawInputs.candidates_hash)
    made_by: str
    made_at: str
    state: str = "pending"
    draw_id: Optional[int] = Field(default=None, sa_column=Column(Integer, ForeignKey("draw.id"), nullable=True,
                                                                  unique=True))


class Draw(SQLModel, table=True):
    __tablename__ = "draw"
    __table_args__ = (Index("uq_draw_current", "round_id", unique=True, sqlite_where=text("superseded = 0")),)
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id"))
    seed: str
    seed_source: str  # typed / generated (before commit-reveal) / commit-reveal
    witness_digits: str = ""
    pool_hash: str
    rules: str  # JSON: method, settings and panel specs the draw ran under
    operator: str
    witness: str
    reason: str = ""  # why a redraw was made
    at: str
    superseded: bool = False


class DrawMember(SQLModel, table=True):
    """A drawn member (``reserve`` False, in seat order) or a reserve (in the order replacements are taken)."""
    __tablename__ = "draw_member"
    draw_id: int = Field(sa_column=Column(Integer, ForeignKey("draw.id", ondelete="CASCADE"), primary_key=True))
    panel_id: int = Field(sa_column=Column(Integer, ForeignKey("panel.id"), primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True, index=True))
    reserve: bool = False
    position: int = 0
    enterprise: bool = False  # counted toward ENTERPRISE_THIRD in this draw
    enterprise_basis: str = Field(default="", sa_column_kwargs={"server_default": ""})  # on what basis


class Exclusion(SQLModel, table=True):
    """Why each expert was kept from a panel at a draw (RULES.md §2): one row per panel, ``grounds`` the canonical
    JSON list of [application number (null for a ground against the whole round), expert ID number, ground code,
    facts]. One row per panel rather than per ground: a draw of 250 panels excludes some 90,000 pairs."""
    __tablename__ = "exclusion"
    id: Optional[int] = Field(default=None, primary_key=True)
    draw_id: int = Field(sa_column=_ref("draw.id", cascade=True))
    panel_id: Optional[int] = Field(default=None, sa_column=_ref("panel.id", nullable=True, index=False))
    grounds: str
