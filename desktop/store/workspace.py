"""A workspace: the folder that holds one secretariat's data.

``paneldesk.db`` (SQLite), ``blobs/`` (content-addressed attachments, never overwritten) and ``out/`` (generated
PDFs). One engine per folder per process, so the GUI and a worker share the connection pool and its pragmas.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from desktop.store.engine import DB_NAME, open_engine
from desktop.domain.errors import UserError


class WorkspaceMissing(UserError):
    """The folder holds no workspace and the caller did not ask to create one."""


class Workspace:
    def __init__(self, root: Path, engine: Engine):
        self.root = root
        self.engine = engine

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    @property
    def out(self) -> Path:
        return self.root / "out"

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)


_open: dict[Path, Workspace] = {}
_lock = threading.Lock()


def open_workspace(root: Path, *, create: bool = False) -> Workspace:
    """The workspace in ``root``, migrated to the current schema; with ``create``, made if missing."""
    root = Path(root).resolve()
    with _lock:
        if root in _open:
            return _open[root]
        if not (root / DB_NAME).exists():
            if not create:
                raise WorkspaceMissing(f"{root} 不是 PanelDesk 工作区（缺少 {DB_NAME}），请先执行 init 或新建工作区")
            root.mkdir(parents=True, exist_ok=True)
        for folder in ("blobs", "out"):
            (root / folder).mkdir(exist_ok=True)
        workspace = Workspace(root, open_engine(root / DB_NAME))
        _open[root] = workspace
        return workspace


def close_workspace(root: Path) -> None:
    with _lock:
        workspace = _open.pop(Path(root).resolve(), None)
    if workspace is not None:
        workspace.engine.dispose()
