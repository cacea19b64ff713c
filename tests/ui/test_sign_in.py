"""The sign-in dialog on a real (encrypted) workspace: the workspace named, a wrong password answered with the service's
message (and its delay asked for), the check run off the GUI thread with the dialog showing it waits, and the first
administrator of a workspace without accounts."""

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from desktop.services import accounts
from desktop.services.accounts import Role
from desktop.ui.context import Context
from desktop.ui.main_window import MainWindow
from desktop.ui.sign_in import SignInDialog
from desktop.ui.tasks import InlineRunner, Runner
from desktop.store.workspace import close_workspace
from tests.conftest import DEMO_OPERATOR, TEST_PASSWORD

PASSWORD = "admin-口令-123"


@pytest.fixture
def admin(tmp_path):
    return accounts.init_workspace(tmp_path / "评审办公室", "管理员", PASSWORD)


def _dialog(qtbot, root, runner=None, **kw) -> SignInDialog:
    dialog = SignInDialog(root, runner or InlineRunner(), **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ok(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_wrong_password_shows_the_services_message_and_the_right_one_signs_in(qtbot, admin, quick_accounts):
    dialog = _dialog(qtbot, admin.root)
    assert dialog.form.findChild(QLabel, "sign_in_workspace").text() == "工作区「评审办公室」"
    dialog.form.name.setText("管理员")
    dialog.form.password.setText("wrong-password")
    _ok(dialog)
    assert dialog.form.problem.text() == accounts.WRONG
    assert dialog.form.password.text() == "" and dialog.isVisible() and dialog.operator is None
    assert quick_accounts == [1.0]  # the service's delay was asked for
    dialog.form.password.setText(PASSWORD)
    _ok(dialog)
    assert not dialog.isVisible() and dialog.operator.name == "管理员" and dialog.operator.roles == {Role.ADMIN}


def test_the_check_runs_on_a_worker_and_the_dialog_says_it_waits(qtbot, admin, monkeypatch):
    started, release = threading.Event(), threading.Event()

    def slow(_seconds):
        started.set()
        release.wait(5)
    monkeypatch.setattr(accounts, "SLEEP", slow)
    runner = Runner()
    dialog = _dialog(qtbot, admin.root, runner)
    dialog.form.name.setText("管理员")
    dialog.form.password.setText("wrong-password")
    _ok(dialog)
    assert started.wait(5)  # the delay is being slept on the worker while the GUI thread carries on here
    assert dialog.form.waiting.isVisible() and not dialog.form.password.isEnabled()
    assert "正在核对" in dialog.form.problem.text()
    dialog.reject()
    assert dialog.isVisible()  # the check under way decides, not a Cancel pressed meanwhile
    release.set()
    qtbot.waitUntil(lambda: dialog.form.problem.text() == accounts.WRONG, timeout=5000)
    assert not dialog.form.waiting.isVisible() and dialog.form.password.isEnabled()
    runner.wait()


def test_a_workspace_without_accounts_asks_for_its_administrator(qtbot, tmp_path):
    root = tmp_path / "新工作区"
    dialog = _dialog(qtbot, root, first=True)
    dialog.form.name.setText("张管理")
    dialog.form.display_name.setText("张三")
    dialog.form.password.setText("admin-password")
    dialog.form.repeat.setText("admin-passwort")
    _ok(dialog)
    assert dialog.form.problem.text() == "两次输入的口令不一致" and not (root / "paneldesk.db").exists()
    dialog.form.password.setText("short")
    dialog.form.repeat.setText("short")
    _ok(dialog)
    assert "至少须有 8 个字符" in dialog.form.problem.text()
    dialog.form.password.setText("admin-password")
    dialog.form.repeat.setText("admin-password")
    _ok(dialog)
    assert dialog.operator.roles == {Role.ADMIN} and dialog.operator.display_name == "张三"
    assert accounts.sign_in(root, "张管理", "admin-password").name == "张管理"
    sheet = tmp_path / "新工作区-恢复密钥.pdf"  # the first recovery sheet, and the notice that says where it is
    notice = dialog.findChild(QMessageBox, "recovery_sheet")
    assert sheet.read_bytes().startswith(b"%PDF") and str(sheet) in notice.text()


def test_the_window_shows_a_workspace_only_once_an_account_signed_in(qtbot, qapp, settings, demo_workspace):
    window = MainWindow(Context(InlineRunner(), settings))  # no stand-in: the real sign-in dialog
    qtbot.addWidget(window)
    window.show()
    seen = {}

    def fill():
        dialog = window.findChild(SignInDialog)
        seen["workspace"] = dialog.form.findChild(QLabel, "sign_in_workspace").text()
        seen["hidden"] = window.body.currentWidget() is window.signed_out_note
        dialog.form.password.setText(TEST_PASSWORD)  # the name is the account last signed in here
        _ok(dialog)
    QTimer.singleShot(0, fill)
    window.open_workspace(demo_workspace)
    assert seen == {"workspace": "工作区「demo」", "hidden": True}
    assert window.ctx.actor.name == DEMO_OPERATOR and window.body.currentIndex() == 1
    assert window.account_label.text() == "王芳（王秘书）｜秘书"


def test_an_encrypted_workspace_asks_for_its_accounts_sign_in_with_no_key_in_the_keyring(qtbot, settings, tmp_path,
                                                                                       memory_keyring):
    """Nothing of the workspace can be read before a password is typed: the window still knows it has accounts,
    and asks for one of them rather than for a first administrator."""
    root = accounts.init_workspace(tmp_path / "加密", "管理员", PASSWORD).root
    close_workspace(root)
    memory_keyring.entries.clear()
    window = MainWindow(Context(InlineRunner(), settings))
    qtbot.addWidget(window)
    seen = {}

    def fill():
        dialog = window.findChild(SignInDialog)
        seen["first"] = dialog.form.first
        dialog.form.name.setText("管理员")
        dialog.form.password.setText(PASSWORD)
        _ok(dialog)
    QTimer.singleShot(0, fill)
    window.open_workspace(root)
    assert seen == {"first": False} and window.ctx.actor.key is not None
    close_workspace(root)
