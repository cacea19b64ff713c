"""Opening and creating workspace folders for the window, with one exception type it can show as it is."""

from __future__ import annotations

from pathlib import Path

from desktop.store.engine import SchemaError
from desktop.store.workspace import Workspace, WorkspaceMissing, open_workspace
from desktop.domain.errors import UserError


class WorkspaceError(UserError):
    """The folder is not a workspace, or one made by an unknown version; the message says which, in Chinese."""


def is_workspace(path: Path) -> bool:
    return (Path(path) / "paneldesk.db").exists()


def open_or_create(path: Path, *, create: bool = False, key: bytes | None = None) -> Workspace:
    """The workspace at ``path``; ``key`` opens an encrypted one (WrongKey, KeyRequired otherwise)."""
    try:
        return open_workspace(Path(path), create=create, key=key)
    except (WorkspaceMissing, SchemaError) as error:
        raise WorkspaceError(str(error)) from error
