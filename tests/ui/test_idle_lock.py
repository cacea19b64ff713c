"""The idle lock in the real window: after the idle time every window is covered and the same account's password
is asked again; a wrong one keeps it locked with the service's message; the right one uncovers the screen as it was
(the typed search, the page, a dialog left open), and input keeps the lock away."""

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from desktop.services import accounts
from desktop.ui.main_window import EXPERTS
from tests.conftest import TEST_PASSWORD


def _cover(widget):
    return widget.findChild(QWidget, "idle_cover")


def test_idle_time_locks_and_the_same_password_unlocks_without_losing_the_screen(qtbot, window, quick_accounts):
    window.nav.setCurrentRow(EXPERTS)
    window.experts.search.setText("张")
    shown = window.experts.model.rowCount()
    note = QMessageBox(QMessageBox.Icon.Information, "提示", "未关闭的对话框", parent=window)
    note.open()
    window.idle.set_timeout(30)
    qtbot.waitUntil(window.idle.is_locked, timeout=3000)
    lock = window.idle.dialog
    assert lock.isVisible() and lock.isModal() and lock.form.name.text() == window.ctx.actor.name
    assert lock.form.name.isReadOnly()
    for covered in (window, note):
        assert _cover(covered).isVisible() and _cover(covered).geometry() == covered.rect()

    lock.form.password.setText("wrong-password")
    lock.form.password.returnPressed.emit()
    assert window.idle.is_locked() and lock.form.problem.text() == accounts.WRONG and quick_accounts == [1.0]
    lock.reject()  # Escape does not unlock
    assert window.idle.is_locked() and lock.isVisible()

    lock.form.password.setText(TEST_PASSWORD)
    lock.form.password.returnPressed.emit()
    assert not window.idle.is_locked() and not lock.isVisible()
    assert _cover(window) is None and _cover(note) is None
    assert note.isVisible() and window.stack.currentWidget() is window.experts
    assert window.experts.search.text() == "张" and window.experts.model.rowCount() == shown
    note.close()


def test_a_key_pressed_counts_the_idle_time_again(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle())
    window.idle.set_timeout(1000)
    for _ in range(8):  # 1.6 s, never a second without a key
        qtbot.wait(200)
        qtbot.keyClick(window.windowHandle(), "a")  # as the keyboard delivers it: to the window, then to a widget
    assert not window.idle.is_locked() and window.idle.timer.isActive()
    window.idle.set_timeout(600_000)


def test_signing_out_stops_the_lock_and_hides_the_pages(qtbot, window):
    window.sign_out(ask=False)
    assert not window.idle.timer.isActive() and window.body.currentWidget() is window.signed_out_note
    assert window.account_label.text() == "未登录"


def test_the_idle_time_is_a_setting(qtbot, window):
    page = window.settings_page
    page.idle.setValue(3)
    page.findChild(QPushButton, "save_settings").click()
    assert window.ctx.settings.idle_minutes == 3 and window.idle.timer.interval() == 180_000
