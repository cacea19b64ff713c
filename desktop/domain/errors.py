"""The one exception the rules raise, carrying the rule code so callers can store, print and test it."""

from __future__ import annotations


class RuleError(ValueError):
    """A rule of RULES.md refused something; ``code`` is its stable code, the message is Chinese for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
