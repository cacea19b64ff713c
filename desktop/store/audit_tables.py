"""What keeps the audit log honest about the data: the current group digests of every data table, the columns they
were made with, and the signed checkpoints of the chain's head (desktop.store.digests, desktop.services.checkpoints).
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, LargeBinary, text
from sqlmodel import Field, SQLModel


class AuditDigest(SQLModel, table=True):
    """A group of a table's rows: their number and the sum of their hashes (the audit entries keep it sealed)."""
    __tablename__ = "audit_digest"
    tbl: str = Field(primary_key=True)
    grp: str = Field(primary_key=True)
    n: int
    total: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    # Each row's rowid and the first 8 bytes of its hash, sorted by rowid (desktop.store.digests.RowList): where a
    # group no longer matches its digest, which rows differ. Empty where not kept (groups from before it was).
    rows: bytes = Field(sa_column=Column(LargeBinary, nullable=False, server_default=text("x''")))


class AuditLayout(SQLModel, table=True):
    """The columns and grouping a table's digests were made with; a schema upgrade that changes them re-digests."""
    __tablename__ = "audit_layout"
    tbl: str = Field(primary_key=True)
    signature: str


class AuditCheckpoint(SQLModel, table=True):
    """The chain's head (entry count and hash) at a draw, a batch of documents or an export, signed with the
    workspace's signing identity when it has one; ``note`` says why a checkpoint is unsigned."""
    __tablename__ = "audit_checkpoint"
    id: Optional[int] = Field(default=None, primary_key=True)
    entries: int
    head_hash: str
    at: str
    fingerprint: str = ""
    signature: str = ""  # hex; empty when unsigned
    note: str = ""
