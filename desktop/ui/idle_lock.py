"""The idle lock: after a while without keyboard or mouse, every window of PanelDesk is covered and the signed-in
account's password is asked again; what was on screen stays as it was underneath.

Nothing is closed or reloaded: each visible window (the main window and any dialog open over it) gets an opaque
cover as a child, and the password is asked in a window of its own that is application-modal, so it takes the input
even while another dialog is running its own loop. Signing in again goes through ``accounts.sign_in`` like the first
time (its delay after wrong passwords, its audit entry), so a role changed or an account disabled since takes effect
here (DESIGN: ``require`` checks the roles captured at sign-in).

Input is watched on each window of the program (as it gets the focus), where keys and the mouse arrive before they
reach a widget; a filter on the whole application also passed every widget's own events through Python (each paint,
each child added, a new wrapper object for each new widget): two fifths of the time the GUI thread took to open a
round step went there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.services.accounts import Operator
from desktop.ui.context import Context
from desktop.ui.sign_in import SignInForm

# what counts as someone at the keyboard
ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                      QEvent.Type.TouchBegin, QEvent.Type.InputMethod})


class LockDialog(QDialog):
    """The password of the account ``operator`` again; it cannot be closed, only unlocked."""

    def __init__(self, ctx: Context, operator: Operator, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("PanelDesk 已锁定"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(440)
        note = QLabel(self.tr("长时间无操作，窗口已锁定。请 {0} 输入口令继续；屏幕上的内容都保留着。").format(
            operator.display_name))
        note.setWordWrap(True)
        self.form = SignInForm(operator.root, ctx.runner, account=operator.name)
        self.form.submit_on_return()
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("解锁"), QDialogButtonBox.ButtonRole.AcceptRole).clicked.connect(self.form.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def reject(self) -> None:
        """Escape and the window's close do not unlock."""

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the fields answer Return themselves; the dialog's default handling would press it twice
        super().keyPressEvent(event)


class IdleLock(QObject):
    """Watches the application's input; ``minutes`` without any locks ``window``. ``unlocked`` carries the
    Operator signed in again."""

    locked = Signal()
    unlocked = Signal(object)

    def __init__(self, ctx: Context, window: QWidget, minutes: float):
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.dialog: LockDialog | None = None
        self.covers: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        QApplication.instance().focusWindowChanged.connect(self._watch)

    def set_minutes(self, minutes: float) -> None:
        self.set_timeout(round(minutes * 60_000))

    def set_timeout(self, msecs: int) -> None:
        self.timer.setInterval(max(1, msecs))
        self.arm()

    def arm(self) -> None:
        """Count from now, while someone is signed in and the window is not locked already."""
        if self.ctx.actor is not None and self.dialog is None:
            self.timer.start()
        else:
            self.timer.stop()

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # installed once however often it comes back into focus

    def eventFilter(self, watched, event) -> bool:
        if event.type() in ACTIVITY and self.dialog is None and self.timer.isActive():
            self.timer.start()
        return False

    def is_locked(self) -> bool:
        return self.dialog is not None

    def lock(self) -> None:
        operator = self.ctx.actor
        if operator is None or self.dialog is not None:
            return
        self.timer.stop()
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and not isinstance(top, LockDialog):
                self.covers.append(_cover(top))
        self.dialog = LockDialog(self.ctx, operator, self.window)
        self.dialog.form.signed_in.connect(self._unlock)
        self.dialog.show()
        self.dialog.form.focus()
        self.locked.emit()

    def _unlock(self, operator: Operator) -> None:
        for cover in self.covers:
            cover.hide()
            cover.setParent(None)  # off its window at once; deleted once back in the event loop
            cover.deleteLater()
        self.covers.clear()
        dialog, self.dialog = self.dialog, None
        dialog.done(QDialog.DialogCode.Accepted)
        dialog.deleteLater()
        self.unlocked.emit(operator)
        self.arm()


def _cover(window: QWidget) -> QWidget:
    """An opaque sheet over all of ``window``, following its size while it lasts."""
    cover = _Cover(window)
    cover.show()
    cover.raise_()
    return cover


class _Cover(QWidget):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("idle_cover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#idle_cover{background:#2b3a4a}")
        label = QLabel(self.tr("已锁定"), self)
        label.setStyleSheet("color:white;font-size:16pt")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
            self.raise_()
        return False
