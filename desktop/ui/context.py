"""What every page needs, handed to it rather than fetched from a global window (unlike Anki's ``aqt.mw``).

``changed`` says which kind of data a finished operation touched ("workspace", "pool", "rounds", "audit",
"accounts"), as Anki's OpChanges do, so each page decides for itself whether to reload. ``actor`` is the account
signed in to the open workspace: every service call is its act, and the services refuse what its roles may not do.
``sign_in(root)``, when given, replaces the sign-in dialog (tests and screenshots sign in without one); None from
it means the user gave up, and the workspace stays closed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from desktop.services.accounts import Operator
from desktop.ui.settings import Settings
from desktop.ui.tasks import InlineRunner, Runner

WORKSPACE, POOL, ROUNDS, AUDIT, ACCOUNTS = "workspace", "pool", "rounds", "audit", "accounts"
SignIn = Callable[[Path], "Operator | None"]


class Context(QObject):
    changed = Signal(str)

    def __init__(self, runner: Runner | InlineRunner, settings: Settings, sign_in: SignIn | None = None):
        super().__init__()
        self.runner = runner
        self.settings = settings
        self.sign_in = sign_in
        self.place: Path | None = None
        self.actor: Operator | None = None

    def set_workspace(self, place: Path, actor: Operator) -> None:
        self.runner.forget_workspaces()
        self.place = Path(place).resolve()
        self.actor = actor
        self.settings.remember_workspace(self.place)
        self.settings.operator = actor.name
        self.changed.emit(WORKSPACE)

    def touched(self, *kinds: str) -> None:
        for kind in dict.fromkeys((*kinds, AUDIT)):  # every change writes an audit entry
            self.changed.emit(kind)
