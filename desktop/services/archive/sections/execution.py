"""What the round's execution recorded, from the first call to the approved results (desktop/store/execution_tables.py),
and what followed them (desktop/store/after_review_tables.py: corrected opinions, publicity, objections, appeals,
conduct): each table's rows of this round as JSON Lines, and every attachment those rows name (call recordings,
scans of signed commitments, an objection's evidence), its content streamed from blobs/ into ``attachments/SHA256``.

An attachment's name is the SHA-256 of its content, so verify can check each one twice over: the manifest's hash of
the member must be its name, and every attachment member must be one the rows name, and every one they name present
(``problems``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlmodel import select

from desktop.services.archive.members import Member, Source, lines_member
from desktop.store.execution_tables import (Attachment, Attendance, Call, DrawBatch, ExpertCommitment, Invitation,
                                            NonConsensusDecision, PanelConfirmation, PostReviewCertification,
                                            ResultApproval, Score, ScoreEntry)
from desktop.store.after_review_tables import Appeal, ExpertConduct, Objection, OpinionCorrection, Publicity
from desktop.store.round_tables import Draw

BY_ROUND = (Invitation, Call, PanelConfirmation, ExpertCommitment, Attendance, ScoreEntry, Score,
            PostReviewCertification, NonConsensusDecision, ResultApproval,
            OpinionCorrection, Publicity, Objection, Appeal, ExpertConduct)
# The columns that name an attachment (a foreign key to attachment.sha256), table by table.
NAMING = {table.__tablename__: [c.name for c in table.__table__.columns
                                if any(k.target_fullname == "attachment.sha256" for k in c.foreign_keys)]
          for table in BY_ROUND + (DrawBatch,)}
# The columns that name several attachments, ";"-joined (an objection's evidence).
LISTING = {Objection.__tablename__: ["attachments"]}
FOLDER = "attachments/"
TABLES = tuple(t.__tablename__ for t in BY_ROUND) + (DrawBatch.__tablename__, Attachment.__tablename__)
BATCH_TABLES = (DrawBatch.__tablename__, Invitation.__tablename__)  # what a replay of the supplementary draws reads


def rows_path(table: str) -> str:
    return f"data/execution/{table}.jsonl"


def named_in(table: str, row: dict) -> list[str]:
    """The attachments one archived row names."""
    return [row[c] for c in NAMING.get(table, ()) if row.get(c)] + \
        [sha for c in LISTING.get(table, ()) for sha in (row.get(c) or "").split(";") if sha]


def _named(session, round_id: int) -> list[str]:
    """The attachments this round's rows name, each once, in order."""
    found: set[str] = set()
    for table in BY_ROUND:
        for column in NAMING[table.__tablename__] + LISTING.get(table.__tablename__, []):
            field = getattr(table, column)
            for value in session.exec(select(field).where(table.round_id == round_id, field.is_not(None))):
                found.update(named_in(table.__tablename__, {column: value}))
    return sorted(found)


def members(source: Source):
    session, round_id = source.session, source.round_id
    draws = select(Draw.id).where(Draw.round_id == round_id)
    for table in BY_ROUND:
        yield lines_member(rows_path(table.__tablename__), lambda table=table: (
            row.model_dump() for row in session.exec(select(table).where(table.round_id == round_id)
                                                     .order_by(*table.__table__.primary_key.columns))))
    yield lines_member(rows_path(DrawBatch.__tablename__), lambda: (
        row.model_dump() for row in session.exec(select(DrawBatch).where(DrawBatch.draw_id.in_(draws))
                                                 .order_by(DrawBatch.id))))
    named = _named(session, round_id)
    yield lines_member(rows_path(Attachment.__tablename__), lambda: (
        row.model_dump() for row in session.exec(select(Attachment).where(Attachment.sha256.in_(named))
                                                 .order_by(Attachment.sha256))))
    for sha in named:
        yield Member(f"{FOLDER}{sha}", lambda sha=sha: source.workspace.read_blob(sha))


def problems(listed: dict[str, dict], good: set[str], rows: Callable[[str], Iterable[dict]]) -> list[str]:
    """What does not hold between the archived execution rows and the attachments: each attachment member's content
    hashes to its name, each is described by an attachment row and named by a row of the round, and each attachment
    a row names is in the archive. ``listed`` is the manifest's members by path, ``good`` the paths that checked,
    ``rows(table)`` an archived table's rows."""
    missing = [rows_path(t) for t in TABLES if rows_path(t) not in good]
    if missing:
        return ["无法核对附件：缺少或损坏 " + "、".join(missing)]
    found = []
    stored = {path[len(FOLDER):]: member for path, member in listed.items() if path.startswith(FOLDER)}
    for sha, member in sorted(stored.items()):
        if member["sha256"] != sha:
            found.append(f"附件 {FOLDER}{sha} 的内容的 SHA-256 是 {member['sha256']}，不是它的名称")
    described = {row["sha256"] for row in rows(Attachment.__tablename__)}
    named = {sha for table in NAMING for row in rows(table) for sha in named_in(table, row)}
    found += [f"附件 {sha} 被本轮的记录引用，但不在归档中" for sha in sorted(named - set(stored))]
    found += [f"附件 {sha} 在归档中，但本轮没有记录引用它" for sha in sorted(set(stored) - named)]
    found += [f"附件 {sha} 没有附件记录（attachment）" for sha in sorted(set(stored) - described)]
    return found
