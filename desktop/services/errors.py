"""The errors a user can cause, as the window and the command line see them: the domain's ``UserError`` (and the
kinds they test for) and the documents' ``ReportError`` (reports/ imports nothing of desktop, so it has its own
base). ``SPOKEN`` is the one list both of them map to a message."""

from desktop.domain.corrections import BadValue, NeedsConfirmation
from desktop.domain.errors import Cancelled, NotFound, RuleError, UserError
from reports.errors import DiskFull, ReportError

SPOKEN = (UserError, ReportError)

__all__ = ["BadValue", "Cancelled", "DiskFull", "NeedsConfirmation", "NotFound", "ReportError", "RuleError",
           "SPOKEN", "UserError"]
