"""What the user reads when something fails, and where the traceback goes instead.

Staff get one clear Chinese sentence; the traceback goes to ``paneldesk.log`` in the workspace (rotated), so a
support person can read it later without the user ever seeing Python on screen.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.errors import SPOKEN

log = logging.getLogger(__name__)

LOG_NAME = "paneldesk.log"
_handler: logging.Handler | None = None

# Exceptions whose message is written for the user: every error a user can cause, and the operating system's
# refusals to read or write a file the user chose.
_SPOKEN = (*SPOKEN, PermissionError, FileNotFoundError)


def spoken(error: BaseException) -> bool:
    return isinstance(error, _SPOKEN)


def message(error: BaseException) -> str:
    """The sentence shown for ``error``; anything unexpected is logged with its traceback."""
    if spoken(error) and str(error):
        return str(error)
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    where = _handler.baseFilename if isinstance(_handler, logging.FileHandler) else LOG_NAME
    return QCoreApplication.translate("errors", "操作未完成：出现意外错误（{0}）。详细信息已记入日志文件 {1}").format(
        type(error).__name__, where)


def show(parent: QWidget | None, title: str, error: BaseException) -> None:
    QMessageBox.warning(parent, title, message(error))


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """The log is in the workspace with the data: 0600 like every file PanelDesk makes, also after a rotation."""

    def _open(self):
        stream = super()._open()
        if os.name != "nt":
            os.chmod(self.baseFilename, 0o600)
        return stream


def log_to(workspace: Path) -> None:
    """Send this process's log to the workspace's rotating log file (moving it when another workspace opens)."""
    global _handler
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    _handler = _PrivateLog(workspace / LOG_NAME, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(_handler)
    root.setLevel(logging.INFO)
    for noisy in ("sqlalchemy", "alembic", "openpyxl", "fontTools", "pyhanko"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
