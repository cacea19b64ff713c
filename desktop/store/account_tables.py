"""The operator accounts of a workspace: who may sign in, with which roles (desktop.domain.roles).

``name`` is the account's canonical form (NFKC, no spaces or invisible characters) and unique, so 李监督 and 李监督
followed by a zero-width space are one account. The password is kept only as an Argon2id hash. ``failures`` and
``last_failure`` count wrong passwords since the last sign-in, for the delay that grows with each one.
"""

from __future__ import annotations

from typing import Optional

from sqlmodel import Field, SQLModel


class Account(SQLModel, table=True):
    __tablename__ = "account"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    display_name: str
    roles: str  # role names joined by ",", in desktop.domain.roles.Role order
    password_hash: str
    created: str  # ISO timestamp, UTC
    disabled: Optional[str] = None  # when the administrator disabled it; None while it may sign in
    failures: int = 0
    last_failure: Optional[str] = None
