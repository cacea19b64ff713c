"""The workspace's own settings: rules the secretariat sets for all its accounts (what counts as a low rating of an
expert, and how many in what period call for a review of pool membership), kept with the data so every account and
the command line count alike, and every change audited."""

from __future__ import annotations

from typing import Optional

from sqlmodel import Field, SQLModel


class WorkspaceSetting(SQLModel, table=True):
    """One setting by name, its value as JSON; a setting without a row has its default."""
    __tablename__ = "workspace_setting"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    value: str  # JSON
    changed_by: str
    changed_at: str
