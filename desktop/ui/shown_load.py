"""Steps of the round workspace that read their round only once they are shown.

Every step hears of a round as soon as it is chosen, also while the rounds page is hidden. A step that reads much
(a draw of 250 panels) or loads libraries (the PDF ones, a second) would do that work while the user types in
another page and make each keystroke wait; so it notes the round and reads it when it first comes into view.
"""

from __future__ import annotations


class LoadsWhenShown:
    """Mix in before QWidget; the step implements ``load()`` and calls ``load_when_shown(wanted)``."""

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
