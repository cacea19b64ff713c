"""账户管理, the administrator's page: the workspace's accounts with their roles, and adding, disabling, changing
roles and resetting a password, each one audited change made by ``desktop.services.accounts``.

Only an account that may manage accounts sees the page; the services refuse anyone else on their own.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.services import accounts
from desktop.services.accounts import AccountInfo
from desktop.ui import errors
from desktop.ui.account_dialogs import AddAccountDialog, ResetPasswordDialog, RolesDialog, roles_text
from desktop.ui.context import ACCOUNTS, WORKSPACE, Context


class AccountsPage(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.accounts: list[AccountInfo] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("accounts")
        self.table.setHorizontalHeaderLabels([self.tr("账户名"), self.tr("显示名称"), self.tr("角色"),
                                              self.tr("创建时间"), self.tr("停用时间")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.add = QPushButton(self.tr("添加账户…"))
        self.add.setObjectName("add_account")
        self.add.clicked.connect(lambda: self._edit(AddAccountDialog(self.ctx, self)))
        self.roles = QPushButton(self.tr("修改角色…"))
        self.roles.setObjectName("account_roles")
        self.roles.clicked.connect(lambda: self._edit(RolesDialog(self.ctx, self.current(), self)))
        self.reset = QPushButton(self.tr("重置口令…"))
        self.reset.setObjectName("reset_password")
        self.reset.clicked.connect(lambda: self._edit(ResetPasswordDialog(self.ctx, self.current(), self)))
        self.disable = QPushButton(self.tr("停用"))
        self.disable.setObjectName("disable_account")
        self.disable.clicked.connect(self.disable_current)
        self.status = QLabel()
        self.status.setWordWrap(True)
        note = QLabel(self.tr("管理员只管理账户，看不到专家信息。一个账户可兼任秘书、监督员、审批人；"
                              "审计员和管理员不兼任其他角色（SEPARATION）。停用的账户不能再登录，其审计记录保留。"))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add, self.roles, self.reset, self.disable):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        ctx.changed.connect(self._changed)
        self._selected()

    def _changed(self, kind: str) -> None:
        if kind in (WORKSPACE, ACCOUNTS) and self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        op = self.ctx.actor
        if op is None or not op.may("accounts.manage"):
            self._show([])
            return
        self.ctx.runner.run(lambda job: accounts.list_accounts(op), self._show,
                            lambda e: self.status.setText(errors.message(e)))

    def _show(self, listed: list[AccountInfo]) -> None:
        chosen = self.current()
        self.accounts = listed
        self.table.setRowCount(len(listed))
        for row, info in enumerate(listed):
            for column, text in enumerate((info.name, info.display_name, roles_text(info.roles),
                                           _when(info.created), _when(info.disabled))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        names = [info.name for info in listed]
        if chosen is not None and chosen.name in names:
            self.table.selectRow(names.index(chosen.name))
        self.status.setText(self.tr("共 {0} 个账户，其中停用 {1} 个").format(
            len(listed), sum(1 for info in listed if info.disabled)))
        self._selected()

    def current(self) -> AccountInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows and rows[0].row() < len(self.accounts) else None

    def _selected(self) -> None:
        chosen = self.current()
        for button in (self.roles, self.reset):
            button.setEnabled(chosen is not None and not chosen.disabled)
        self.disable.setEnabled(chosen is not None and not chosen.disabled)

    def _edit(self, dialog) -> None:
        dialog.accepted.connect(lambda: self.ctx.touched(ACCOUNTS))
        dialog.open()

    def disable_current(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        answer = QMessageBox.question(self, self.tr("停用账户"), self.tr(
            "停用账户 {0}（{1}）？停用后不能再登录，已在使用中的登录在锁定或注销后失效。").format(
                chosen.name, chosen.display_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        op, name = self.ctx.actor, chosen.name
        self.ctx.runner.run(lambda job: accounts.disable_account(op, name), lambda _info: self.ctx.touched(ACCOUNTS),
                            lambda e: errors.show(self, self.tr("未能停用账户"), e), write=True)


def _when(stamp: str | None) -> str:
    return (stamp or "").replace("T", " ")[:16]
