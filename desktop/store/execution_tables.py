"""The tables of a round's execution, from the drawn panels to approved results (RULES.md §1–3).

Every row is a fact with who recorded it and when; nothing is overwritten that a later step relied on (CORRECTIONS):
a seat refilled keeps the invitation it replaced, a result changed after approval is a new version with a reason.
Attachments (call recordings, scans of signed letters) live in blobs/ under their SHA-256; ``attachment`` holds what
is known of each.
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from desktop.store.tables import _ref


class Attachment(SQLModel, table=True):
    """A file kept in blobs/ (named by its SHA-256, never overwritten): a call recording, a scan or photo of a signed
    paper, an objection's attachment."""
    __tablename__ = "attachment"
    sha256: str = Field(primary_key=True, max_length=64)
    kind: str  # recording / scan / attachment
    media_type: str  # audio/amr, audio/mp4, application/pdf, image/jpeg, …
    size: int
    seconds: Optional[float] = None  # a recording's duration
    name: str = ""  # the file's name as it was imported
    added_by: str
    added_at: str


class Invitation(SQLModel, table=True):
    """An expert invited to a seat of a panel: a drawn member (``source`` draw), a reserve called up (reserve) or the
    pick of a supplementary draw (supplementary, ``batch`` 2, 3, …). ``status`` follows the calls: pending, accepted,
    declined, unreachable, or replaced (the seat went to ``replaced_by``). A seat is held by its newest invitation."""
    __tablename__ = "invitation"
    __table_args__ = (UniqueConstraint("draw_id", "panel_id", "person_id"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id"))
    draw_id: int = Field(sa_column=_ref("draw.id"))
    panel_id: int = Field(sa_column=_ref("panel.id"))
    person_id: int = Field(sa_column=_ref("person.id"))
    seat: int  # 0-based seat of the panel this invitation fills
    source: str = "draw"  # draw / reserve / supplementary
    batch: int = 1
    enterprise: bool = False  # counted toward ENTERPRISE_THIRD, as the draw recorded it
    enterprise_basis: str = ""
    status: str = "pending"
    replaced_by: Optional[int] = Field(default=None, sa_column=Column(Integer, ForeignKey("invitation.id"),
                                                                      nullable=True))
    invited_at: str


class Call(SQLModel, table=True):
    """One confirmation call to an invited expert (TRACEABLE): when, by whom, the outcome (accepted, declined,
    unreachable, pending = 待回复), a decline's reason, the recording, and a conflict the expert declared on the call
    (DECLARED)."""
    __tablename__ = "call"
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id"))
    invitation_id: int = Field(sa_column=_ref("invitation.id"))
    at: str
    operator: str
    outcome: str
    reason_kind: str = ""  # 时间冲突 / 需回避 / 身体原因 / 其他
    reason: str = ""
    recording: Optional[str] = Field(default=None, sa_column=Column(String, ForeignKey("attachment.sha256"),
                                                                    nullable=True))
    declared: str = ""  # the conflict as the expert declared it on the call


class DrawBatch(SQLModel, table=True):
    """A supplementary draw (补抽) of a panel's seats whose reserve ran out: batch 2, 3, … of the round's draw,
    commit–reveal and witnessed like the first (FAIR_DRAW). ``state`` is pending once the commitment is shown, drawn
    when used, void when the pool changed under it. With ``excluded`` and ``enterprise_needed`` the batch is recomputed
    from its record (docs/draw.md section 7)."""
    __tablename__ = "draw_batch"
    __table_args__ = (UniqueConstraint("draw_id", "batch"),
                      Index("uq_draw_batch_pending", "draw_id", unique=True, sqlite_where=text("state = 'pending'")))
    id: Optional[int] = Field(default=None, primary_key=True)
    draw_id: int = Field(sa_column=_ref("draw.id"))
    batch: int
    panel_id: int = Field(sa_column=_ref("panel.id"))
    seats: int
    enterprise_needed: int = 0  # enterprise experts the seats must bring for ENTERPRISE_THIRD, as at the draw
    excluded: str = "[]"  # canonical JSON: the ID numbers not available to the batch (seated, declined, invited)
    commitment: str
    secret: str
    pool_hash: str
    made_by: str
    made_at: str
    state: str = "pending"
    witness: str = ""
    witness_digits: str = ""
    seed: str = ""
    reason: str = ""
    drawn_at: Optional[str] = None


class PanelConfirmation(SQLModel, table=True):
    """A panel confirmed with an accepting expert in every seat; ENTERPRISE_THIRD checked on the panel that will sit,
    below quota only with a supervisor's recorded override. ``members`` is the canonical JSON of the seats as
    confirmed. A confirmation later undone (a confirmed member withdrew) is kept, superseded."""
    __tablename__ = "panel_confirmation"
    __table_args__ = (Index("uq_panel_confirmation_current", "panel_id", unique=True,
                            sqlite_where=text("superseded = 0")),)
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id"))
    panel_id: int = Field(sa_column=_ref("panel.id", index=False))
    draw_id: int = Field(sa_column=_ref("draw.id"))
    members: str
    enterprise_count: int
    enterprise_required: int
    override_reason: str = ""
    override_by: str = ""
    confirmed_by: str
    confirmed_at: str
    superseded: bool = False


class ExpertCommitment(SQLModel, table=True):
    """EXPERT_COMMITMENT: the expert's signed commitment for the round — a scan or photo of the signed letter
    (``attachment``), or signed on site as the supervisor (``confirmed_by``) confirms."""
    __tablename__ = "expert_commitment"
    __table_args__ = (UniqueConstraint("round_id", "person_id"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id"))
    person_id: int = Field(sa_column=_ref("person.id"))
    kind: str  # scan / on_site
    attachment: Optional[str] = Field(default=None, sa_column=Column(String, ForeignKey("attachment.sha256"),
                                                                     nullable=True))
    confirmed_by: str = ""
    recorded_by: str
    recorded_at: str


class Attendance(SQLModel, table=True):
    """Who sat on the review day: present, absent, left early (ENTERPRISE_THIRD is checked again on the panel as it
    sat; absences become conduct facts)."""
    __tablename__ = "attendance"
    round_id: int = Field(sa_column=Column(Integer, ForeignKey("review_round.id"), primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True))
    panel_id: int = Field(sa_column=_ref("panel.id"))
    status: str  # present / absent / left_early
    note: str = ""
    recorded_by: str
    recorded_at: str


class ScoreEntry(SQLModel, table=True):
    """One expert's score of one application as one operator entered it (``value``: canonical JSON in the round's
    method). Under double entry (双人录入) each sheet is entered twice, ``pass_no`` 1 and 2, by two operators."""
    __tablename__ = "score_entry"
    __table_args__ = (UniqueConstraint("round_id", "person_id", "application_id", "pass_no"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    # read by round (the unique key's first column) or by a round's panel: no index of its own for the others
    round_id: int = Field(sa_column=_ref("review_round.id", index=False))
    panel_id: int = Field(sa_column=_ref("panel.id"))
    person_id: int = Field(sa_column=_ref("person.id", index=False))
    application_id: int = Field(sa_column=_ref("application.id", index=False))
    pass_no: int = 1
    value: str
    opinion: str = ""
    entered_by: str
    entered_at: str
    source: str = ""  # window / command line / the imported workbook's SHA-256


class Score(SQLModel, table=True):
    """The score that counts: entered once, or settled from the two entries of a double entry."""
    __tablename__ = "score"
    round_id: int = Field(sa_column=Column(Integer, ForeignKey("review_round.id"), primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True))
    application_id: int = Field(sa_column=Column(Integer, ForeignKey("application.id"), primary_key=True))
    panel_id: int = Field(sa_column=_ref("panel.id"))
    value: str
    opinion: str = ""
    settled_by: str
    settled_at: str


class PostReviewCertification(SQLModel, table=True):
    """POST_REVIEW: the expert certified after the meeting not having discussed the applications they were excluded
    from (``kind`` certified), or the supervisor recorded why results go on without it (waived, with ``reason``)."""
    __tablename__ = "post_review_certification"
    round_id: int = Field(sa_column=Column(Integer, ForeignKey("review_round.id"), primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True))
    kind: str  # certified / waived
    reason: str = ""
    recorded_by: str
    recorded_at: str


class NonConsensusDecision(SQLModel, table=True):
    """NON_CONSENSUS: what the panel decided on an application flagged for disagreement, and why."""
    __tablename__ = "non_consensus_decision"
    round_id: int = Field(sa_column=Column(Integer, ForeignKey("review_round.id"), primary_key=True))
    application_id: int = Field(sa_column=Column(Integer, ForeignKey("application.id"), primary_key=True))
    decision: str
    reason: str
    decided_by: str
    decided_at: str


class ResultApproval(SQLModel, table=True):
    """A version of a round's results: proposed by a secretary, approved by an approver who entered none of the
    panel's scores and ran no draw of it (SEPARATION); approved results are frozen, a later change is a new version
    with its reason and a new approval. ``results`` is the canonical JSON of what was approved, ``results_hash`` its
    SHA-256."""
    __tablename__ = "result_approval"
    __table_args__ = (UniqueConstraint("round_id", "version"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_ref("review_round.id"))
    version: int
    state: str = "proposed"  # proposed / approved / superseded
    results: str
    results_hash: str
    reason: str = ""  # why a version after the first was made
    proposed_by: str
    proposed_at: str
    approved_by: str = ""
    approved_at: Optional[str] = None
