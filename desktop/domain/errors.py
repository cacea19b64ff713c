"""The errors a user can cause, under one base, so the window and the command line map them to a message once.

Anything that is not a ``UserError`` is a defect: the window logs its traceback, the command line prints one line
and exits 3. Modules raise subclasses that say what went wrong; the message is a whole Chinese sentence.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user did or chose cannot be done; the message says why, for the user. ``exit_code`` is what
    the command line exits with (1 unless the kind of failure has its own, e.g. 2 for a changed document)."""

    exit_code = 1

    def __init__(self, message: str = "", *, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class NotFound(UserError, LookupError):
    """The round, panel, expert or record named does not exist."""


class Cancelled(UserError):
    """The user stopped the work; nothing of it was kept (the message says what, if anything, was)."""

    exit_code = 130


class RuleError(UserError, ValueError):
    """A rule of RULES.md refused something; ``code`` is its stable code, the message is Chinese for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
