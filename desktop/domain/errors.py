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


RULE_CODES = frozenset((
    "ONE_METHOD", "TRACEABLE", "NO_PAPER_THRESHOLDS", "NON_CONSENSUS", "SEPARATION",
    "SELF", "SAME_ORG", "RELATIVE", "ADVISOR", "COLLABORATOR", "DECLARED", "APPLICANT_REQUESTED", "FIELD", "INTEGRITY",
    "LOBBIED", "ENTERPRISE_THIRD", "NO_SUBSTITUTE", "FAIR_DRAW",
    "EXPERT_COMMITMENT", "POST_REVIEW", "APPLICANT_COMMITMENT",
    "FEEDBACK", "PUBLICITY", "APPEAL", "WORKING_DAYS",
    "EXPERT_CONDUCT", "MISCONDUCT_RECORD", "MEASURES", "CREDIT_REPAIR", "APPLICANT_INTEGRITY", "PROJECT_LIMIT",
    "CONFIDENTIAL", "IDENTIFIERS", "TAMPER_EVIDENT", "CORRECTIONS",
))
"""The codes of RULES.md, the contract: a RuleError names one of these, never a code of its own."""


class RuleError(UserError, ValueError):
    """A rule of RULES.md refused something; ``code`` is its stable code (one of RULE_CODES), the message is
    Chinese for the user. A refusal no rule of RULES.md makes is a plain UserError (or a subclass of it)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
