"""Signing in: the account name and password asked before a workspace shows anything, at the idle lock, and the
first administrator of a workspace that has no account yet.

The check runs on a worker (``accounts.sign_in`` waits longer after each wrong password, and Argon2id takes a
tenth of a second): the form says it is checking and takes no input meanwhile, and the window stays responsive.
What is wrong is the service's message, shown under the fields; the password field is emptied for the next try.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QProgressBar,
                               QVBoxLayout, QWidget)

from desktop.services import accounts, recovery
from desktop.services.accounts import Operator
from desktop.ui import errors
from desktop.ui.tasks import InlineRunner, Runner
from desktop.ui.widgets.password_field import password_field


class SignInForm(QWidget):
    """Account name and password for the workspace at ``root``; ``signed_in`` carries the Operator. With
    ``account`` the name is fixed (the idle lock asks the same account again), ``suggest`` only fills it in; with
    ``first`` it asks for the workspace's first account, its administrator (display name and the password twice).
    ``check(name, password)`` replaces ``accounts.sign_in`` (the witness of a draw signs in through
    ``accounts.witness_sign_in``)."""

    signed_in = Signal(object)

    def __init__(self, root: Path, runner: Runner | InlineRunner, *, account: str = "", suggest: str = "",
                 first: bool = False, check: Callable[[str, str], Operator] | None = None, parent=None):
        super().__init__(parent)
        self.root, self.runner, self.first = Path(root), runner, first
        self.check = check or (lambda name, password: accounts.sign_in(self.root, name, password))
        self.checking = False  # a check under way: one at a time
        title = QLabel(self.tr("工作区「{0}」").format(self.root.name))
        title.setObjectName("sign_in_workspace")
        title.setStyleSheet("font-size:14pt;font-weight:bold")
        folder = QLabel(str(self.root))
        folder.setObjectName("sign_in_folder")
        folder.setStyleSheet("color:#667")
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name = QLineEdit(account or suggest)
        self.name.setObjectName("sign_in_name")
        self.name.setReadOnly(bool(account))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("sign_in_display_name")
        self.password = password_field("sign_in_password")
        self.repeat = password_field("sign_in_repeat")
        self.waiting = QProgressBar()
        self.waiting.setRange(0, 0)
        self.waiting.setTextVisible(False)
        self.waiting.setMaximumHeight(8)
        self.waiting.setVisible(False)
        self.problem = QLabel()
        self.problem.setObjectName("sign_in_problem")
        self.problem.setStyleSheet("color:#c0392b")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        if first:
            form.addRow(QLabel(self.tr("这个工作区还没有账户。请设置第一个账户：管理员。管理员只管理账户，"
                                       "不能查看专家信息；请登录后为秘书、监督员等另设账户。")))
            form.addRow(self.tr("管理员账户名"), self.name)
            form.addRow(self.tr("显示名称"), self.display_name)
            form.addRow(self.tr("口令（至少 8 个字符）"), self.password)
            form.addRow(self.tr("再次输入口令"), self.repeat)
        else:
            form.addRow(self.tr("账户名"), self.name)
            form.addRow(self.tr("口令"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(folder)
        layout.addLayout(form)
        layout.addWidget(self.waiting)
        layout.addWidget(self.problem)
        (self.password if account else self.name).setFocus()

    def submit_on_return(self) -> None:
        """Outside a dialog (whose default button already answers Return), Return in a field signs in."""
        for field in (self.name, self.display_name, self.password, self.repeat):
            field.returnPressed.connect(self.submit)

    def focus(self) -> None:
        (self.password if self.name.text() else self.name).setFocus()

    def busy(self) -> bool:
        return self.checking

    def submit(self) -> None:
        if self.checking:
            return
        root, name, password = self.root, self.name.text(), self.password.text()
        if self.first and password != self.repeat.text():
            self._refused(self.tr("两次输入的口令不一致"))
            return
        display_name = self.display_name.text()
        check = self.check
        if self.first:  # the first administrator, and the recovery sheet printed beside the new workspace
            work: Callable = lambda job: recovery.init_workspace(root, name, password, display_name)
            done: Callable = self._first_done
        else:
            work, done = (lambda job: check(name, password)), self._done
        self.checking = True
        self._waiting(True)
        self.runner.run(work, done, lambda e: self._refused(errors.message(e)), write=self.first)

    def _waiting(self, waiting: bool) -> None:
        self.waiting.setVisible(waiting)
        for field in (self.name, self.display_name, self.password, self.repeat):
            field.setEnabled(not waiting)
        if waiting:
            self.problem.setStyleSheet("color:#667")
            self.problem.setText(self.tr("正在核对口令，请稍候…"))

    def _first_done(self, made: tuple[Operator, Path | None]) -> None:
        operator, sheet = made
        if sheet is not None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("恢复密钥"), self.tr(
                "恢复密钥已写入：\n{0}\n\n忘记全部口令时，只有它能打开这个工作区。请立即打印，交单位负责人存放在保险柜中，"
                "然后从本机删除该文件。").format(sheet), QMessageBox.StandardButton.Ok, self.window())
            box.setObjectName("recovery_sheet")
            box.open()  # not exec(): the sign-in goes on while the notice stays up
        self._done(operator)

    def _done(self, operator: Operator) -> None:
        self.checking = False
        self._waiting(False)
        self.problem.clear()
        self.password.clear()
        self.repeat.clear()
        self.signed_in.emit(operator)

    def _refused(self, text: str) -> None:
        self.checking = False
        self._waiting(False)
        self.problem.setStyleSheet("color:#c0392b")
        self.problem.setText(text)
        self.password.clear()
        self.repeat.clear()
        self.focus()


class SignInDialog(QDialog):
    """The sign-in before the window shows a workspace (the first administrator's when it has no account);
    ``operator`` is the signed-in account once accepted."""

    def __init__(self, root: Path, runner: Runner | InlineRunner, *, first: bool = False, suggest: str = "",
                 parent=None):
        super().__init__(parent)
        self.operator: Operator | None = None
        self.setWindowTitle(self.tr("新建管理员账户") if first else self.tr("登录 PanelDesk 评审组织工作台"))
        self.setMinimumWidth(440)
        self.form = SignInForm(root, runner, suggest=suggest, first=first)
        self.form.signed_in.connect(self._signed_in)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("创建并登录") if first
                                                                         else self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.form.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.focus()

    def _signed_in(self, operator: Operator) -> None:
        self.operator = operator
        self.accept()

    def reject(self) -> None:
        if not self.form.busy():  # the check under way finishes first: its outcome is the dialog's
            super().reject()


def ask(root: Path, runner: Runner | InlineRunner, parent: QWidget | None, *, first: bool = False,
        suggest: str = "") -> Operator | None:
    """The account signed in to ``root`` through the dialog, or None when the user cancels."""
    dialog = SignInDialog(root, runner, first=first, suggest=suggest, parent=parent)
    return dialog.operator if dialog.exec() == QDialog.DialogCode.Accepted else None
