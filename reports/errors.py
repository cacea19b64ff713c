"""The errors a user can cause while documents are made: a bad template or data file, a wrong passphrase, a full
disk, a stopped batch.

``reports`` takes plain values and imports nothing of ``desktop``, so it has its own base; the window and the command
line treat it as they treat the domain's ``UserError`` (``desktop.services.errors.SPOKEN`` lists both), so the
message is shown as written and ``exit_code`` is what the command line exits with.
"""

from __future__ import annotations


class ReportError(Exception):
    """A document cannot be made as asked; the message says why, for the user."""

    exit_code = 1

    def __init__(self, message: str = "", *, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class DiskFull(ReportError):
    """The disk (or the user's quota) filled up while PanelDesk wrote; what was being written was not kept."""
