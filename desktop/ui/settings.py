"""Settings that belong to this computer, not to a workspace: declared once, typed, kept in QSettings.

Workspace data lives in the workspace; window geometry, recent folders, language, the idle lock's delay and the
account last signed in live here (DESIGN.md), so a workspace copied to another laptop carries no one's window layout.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "PanelDesk"
APPLICATION = "PanelDesk"
LANGUAGES = {"zh_CN": "中文", "en": "English"}
RECENT_LIMIT = 8
IDLE_MINUTES = 10  # the idle lock's default (issue: locks after a configurable idle time)
IDLE_RANGE = (1, 240)


class Settings:
    """Typed access to the QSettings store; tests pass a QSettings on a file of their own."""

    def __init__(self, store: QSettings | None = None):
        self._store = store or QSettings(ORGANISATION, APPLICATION)

    def _text(self, key: str, default: str = "") -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def last_workspace(self) -> Path | None:
        text = self._text("workspace/last")
        return Path(text) if text else None

    def remember_workspace(self, path: Path) -> None:
        path = Path(path).resolve()
        self._store.setValue("workspace/last", str(path))
        recent = [p for p in self.recent_workspaces if p != path]
        self._store.setValue("workspace/recent", [str(p) for p in [path, *recent][:RECENT_LIMIT]])

    @property
    def recent_workspaces(self) -> list[Path]:
        value = self._store.value("workspace/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(v) for v in items if v]

    @property
    def language(self) -> str:
        found = self._text("ui/language", "zh_CN")
        return found if found in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("ui/language", value)

    @property
    def operator(self) -> str:
        """The account name last signed in on this computer, offered in the sign-in dialog (who acts is who signs
        in: this is no more than a convenience)."""
        return self._text("ui/operator")

    @operator.setter
    def operator(self, value: str) -> None:
        self._store.setValue("ui/operator", value.strip())

    @property
    def idle_minutes(self) -> int:
        """Minutes without keyboard or mouse before the window locks."""
        try:
            minutes = int(self._store.value("ui/idle_minutes", IDLE_MINUTES))
        except (TypeError, ValueError):
            return IDLE_MINUTES
        return min(max(minutes, IDLE_RANGE[0]), IDLE_RANGE[1])

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._store.setValue("ui/idle_minutes", int(value))

    @property
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def last_backup(self) -> str:
        """The ISO date of the last backup made from this computer ('' if none): the window offers one on close
        once a day and says when the last was."""
        return self._text("backup/last")

    @last_backup.setter
    def last_backup(self, value: str) -> None:
        self._store.setValue("backup/last", value)

    @property
    def backup_folder(self) -> Path | None:
        text = self._text("backup/folder")
        return Path(text) if text else None

    @backup_folder.setter
    def backup_folder(self, value: Path) -> None:
        self._store.setValue("backup/folder", str(value))

    def sync(self) -> None:
        self._store.sync()
