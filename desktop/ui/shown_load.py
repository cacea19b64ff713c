"""Pages and steps that read what they show only once they are shown.

A page hears of every change (a workspace opened, an import, a round chosen) also while it is hidden. One that
reads much (50,000 experts, a draw of 250 panels) or loads libraries (the PDF ones, a second) would do that work
while the user types in another page and make each keystroke wait; so it notes that it is out of date and reads
when it next comes into view.
"""

from __future__ import annotations


class LoadsWhenShown:
    """Mix in before QWidget; the widget implements ``load()`` and calls ``load_when_shown(wanted)``."""

    _pending = False

    def load_when_shown(self, wanted: bool) -> None:
        self._pending = wanted
        if wanted and self.isVisible():
            self._load_now()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending:
            self._load_now()

    def _load_now(self) -> None:
        self._pending = False
        self.load()

    def load(self) -> None:
        raise NotImplementedError
