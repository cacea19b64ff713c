"""What every page needs, handed to it rather than fetched from a global window (unlike Anki's ``aqt.mw``).

``changed`` says which kind of data a finished operation touched ("workspace", "pool", "rounds", "audit"), as Anki's
OpChanges do, so each page decides for itself whether to reload.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.ui.settings import Settings
from desktop.ui.tasks import InlineRunner, Runner

WORKSPACE, POOL, ROUNDS, AUDIT = "workspace", "pool", "rounds", "audit"


class Context(QObject):
    changed = Signal(str)

    def __init__(self, runner: Runner | InlineRunner, settings: Settings):
        super().__init__()
        self.runner = runner
        self.settings = settings
        self.place: Path | None = None

    @property
    def actor(self) -> str:
        return self.settings.operator

    def set_workspace(self, place: Path) -> None:
        self.place = Path(place).resolve()
        self.settings.remember_workspace(self.place)
        self.changed.emit(WORKSPACE)

    def touched(self, *kinds: str) -> None:
        for kind in dict.fromkeys((*kinds, AUDIT)):  # every change writes an audit entry
            self.changed.emit(kind)
