"""The errors a user can cause, as the window and the command line see them (their home is the domain's errors)."""

from desktop.domain.corrections import BadValue, NeedsConfirmation
from desktop.domain.errors import Cancelled, NotFound, RuleError, UserError

__all__ = ["BadValue", "Cancelled", "NeedsConfirmation", "NotFound", "RuleError", "UserError"]
