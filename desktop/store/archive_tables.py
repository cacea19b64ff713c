"""Rounds imported from another workspace's archive: where each came from, so it is shown as an archived record and
an archive imported again is recognised (one row per manifest)."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel


class ArchivedRound(SQLModel, table=True):
    __tablename__ = "archived_round"
    id: Optional[int] = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=Column(Integer, ForeignKey("review_round.id"), nullable=False, unique=True))
    manifest_sha256: str = Field(unique=True)  # the signed manifest's hash: the same archive is imported once
    source_round_id: int
    source_state: str  # the round's state in the workspace it came from (here it is closed: read-only)
    signer: str  # the fingerprint of the certificate that signed the archive
    file_name: str
    imported_at: str
    differences: str = ""  # JSON list: persons and organisations whose archived details differ from this pool's
