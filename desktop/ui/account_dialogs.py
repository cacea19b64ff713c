"""The small forms of account management: a new account, its roles, a password reset (the administrator's), and
changing one's own password (everyone's).

Each form sends its change through ``desktop.services.accounts`` on the write worker and closes only once the
service took it; a refusal (a name taken, a password too short, roles SEPARATION forbids together) is the service's
message, shown in the form with what was typed kept. The role boxes ask the domain as they are ticked, so a
forbidden combination is named before anything is sent (the service asks again).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QWidget)

from desktop.services import accounts
from desktop.services.accounts import Operator, Role
from desktop.services.errors import UserError
from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.widgets.password_field import password_field

ROLE_WORDS = {Role.SECRETARY: QT_TRANSLATE_NOOP("roles", "秘书"), Role.SUPERVISOR: QT_TRANSLATE_NOOP("roles", "监督员"),
              Role.APPROVER: QT_TRANSLATE_NOOP("roles", "审批人"), Role.AUDITOR: QT_TRANSLATE_NOOP("roles", "审计员"),
              Role.ADMIN: QT_TRANSLATE_NOOP("roles", "管理员")}


def roles_text(roles: Iterable[str]) -> str:
    """Roles in the window's language, in the table's order: 秘书、监督员."""
    held = {Role(r) for r in roles}
    return QCoreApplication.translate("roles", "、").join(
        QCoreApplication.translate("roles", ROLE_WORDS[role]) for role in Role if role in held)


class RolesBox(QWidget):
    """A check box per role; ``problem()`` is the domain's refusal of the ticked combination, or ""."""

    def __init__(self, held: Iterable[str] = (), parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(QCoreApplication.translate("roles", ROLE_WORDS[role]))
            box.setObjectName(f"role_{role.name.lower()}")
            box.setChecked(role.value in set(held))
            row.addWidget(box)
            self.boxes[role] = box

    def roles(self) -> list[Role]:
        return [role for role, box in self.boxes.items() if box.isChecked()]

    def problem(self) -> str:
        try:
            accounts.parse_roles(self.roles())
        except UserError as refused:
            return errors.message(refused)
        return ""


class ChangeForm(QDialog):
    """A form whose OK sends ``change()`` (a function of no argument, called on the write worker) and closes once
    it is done; ``check()`` may refuse first with a message. ``result_value`` is what the service returned."""

    def __init__(self, ctx: Context, title: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self.sending = False
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout(self)
        self.problem = QLabel()
        self.problem.setObjectName("account_problem")
        self.problem.setStyleSheet("color:#c0392b")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.form.addRow("", self.problem)
        self.form.addRow(self.buttons)

    def check(self) -> str:
        return ""

    def change(self) -> Callable[[], Any]:
        raise NotImplementedError

    def send(self) -> None:
        if self.sending:
            return
        refused = self.check()
        if refused:
            self.problem.setText(refused)
            return
        work = self.change()
        self.sending = True
        self.buttons.setEnabled(False)
        self.problem.setText("")
        self.ctx.runner.run(lambda job: work(), self._done, self._failed, write=True)

    def _done(self, value: Any) -> None:
        self.sending = False
        self.result_value = value
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.sending = False
        self.buttons.setEnabled(True)
        self.problem.setText(errors.message(error))


class PasswordPair:
    """A new password typed twice."""

    def __init__(self, form: QFormLayout, label: str, prefix: str):
        self.new = password_field(f"{prefix}_new")
        self.repeat = password_field(f"{prefix}_repeat")
        form.addRow(label, self.new)
        form.addRow(QCoreApplication.translate("account_dialogs", "再次输入新口令"), self.repeat)

    def problem(self) -> str:
        if self.new.text() != self.repeat.text():
            return QCoreApplication.translate("account_dialogs", "两次输入的口令不一致")
        return ""


class AddAccountDialog(ChangeForm):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(ctx, self.tr("添加账户"), parent)
        self.name = QLineEdit()
        self.name.setObjectName("account_name")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("account_display_name")
        self.display_name.setPlaceholderText(self.tr("如 王芳；不填则同账户名"))
        self.roles = RolesBox()
        for box in self.roles.boxes.values():
            box.toggled.connect(lambda _on: self.problem.setText(self.roles.problem()))
        self.form.addRow(self.tr("账户名"), self.name)
        self.form.addRow(self.tr("显示名称"), self.display_name)
        self.form.addRow(self.tr("角色"), self.roles)
        self.password = PasswordPair(self.form, self.tr("初始口令（至少 8 个字符）"), "account_password")
        self.finish_layout()

    def check(self) -> str:
        return self.roles.problem() or self.password.problem()

    def change(self):
        op, name, display = self.ctx.actor, self.name.text(), self.display_name.text()
        roles, password = self.roles.roles(), self.password.new.text()
        return lambda: accounts.add_account(op, name, display_name=display, roles=roles, password=password)


class RolesDialog(ChangeForm):
    def __init__(self, ctx: Context, account: accounts.AccountInfo, parent=None):
        super().__init__(ctx, self.tr("修改角色：{0}").format(account.name), parent)
        self.account = account.name
        self.roles = RolesBox(account.roles)
        for box in self.roles.boxes.values():
            box.toggled.connect(lambda _on: self.problem.setText(self.roles.problem()))
        self.form.addRow(QLabel(self.tr("角色的改变在该账户下次登录（含锁定后重新登录）时生效。")))
        self.form.addRow(self.tr("角色"), self.roles)
        self.finish_layout()

    def check(self) -> str:
        return self.roles.problem()

    def change(self):
        op, name, roles = self.ctx.actor, self.account, self.roles.roles()
        return lambda: accounts.set_roles(op, name, roles)


class ResetPasswordDialog(ChangeForm):
    def __init__(self, ctx: Context, account: accounts.AccountInfo, parent=None):
        super().__init__(ctx, self.tr("重置口令：{0}").format(account.name), parent)
        self.account = account.name
        self.form.addRow(QLabel(self.tr("为忘记口令的账户设置新口令，并当面告知本人；审计日志只记下口令已重置。")))
        self.password = PasswordPair(self.form, self.tr("新口令（至少 8 个字符）"), "reset_password")
        self.finish_layout()

    def check(self) -> str:
        return self.password.problem()

    def change(self):
        op, name, new = self.ctx.actor, self.account, self.password.new.text()
        return lambda: accounts.reset_password(op, name, new)


class ChangePasswordDialog(ChangeForm):
    """One's own password, given the current one."""

    def __init__(self, ctx: Context, parent=None):
        operator: Operator = ctx.actor
        super().__init__(ctx, self.tr("修改我的口令"), parent)
        self.form.addRow(self.tr("账户"), QLabel(f"{operator.display_name}（{operator.name}）"))
        self.old = password_field("own_password_old")
        self.form.addRow(self.tr("原口令"), self.old)
        self.password = PasswordPair(self.form, self.tr("新口令（至少 8 个字符）"), "own_password")
        self.finish_layout()

    def check(self) -> str:
        return self.password.problem()

    def change(self):
        op, old, new = self.ctx.actor, self.old.text(), self.password.new.text()
        return lambda: accounts.change_password(op, old, new)
