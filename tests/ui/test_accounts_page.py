"""The administrator's window on a real workspace: only the accounts page and the settings, the accounts listed,
an account added with roles ticked (a combination SEPARATION forbids named before and by the service), roles
changed, a password reset and an account disabled, each one audited; everyone changes their own password."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.services import accounts, audit_log
from desktop.services.accounts import Role, SignInFailed
from desktop.ui.account_dialogs import AddAccountDialog, ChangePasswordDialog, ResetPasswordDialog, RolesDialog
from tests.conftest import ADMIN, TEST_PASSWORD


@pytest.fixture
def admin_window(window, demo_workspace):
    window.sign_out(ask=False)
    window.signed_in(accounts.sign_in(demo_workspace, ADMIN, TEST_PASSWORD))
    return window


def _visible_pages(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count()) if not window.nav.item(i).isHidden()]


def _ok(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _rows(page) -> dict[str, list[str]]:
    table = page.table
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}


def test_the_administrator_sees_accounts_and_no_expert_data(admin_window):
    assert _visible_pages(admin_window) == ["账户管理", "归档与备份", "设置"]
    assert admin_window.stack.currentWidget() is admin_window.accounts_page
    assert "系统管理员" in admin_window.account_label.text() and "管理员" in admin_window.account_label.text()
    assert not admin_window.import_action.isVisible()
    rows = _rows(admin_window.accounts_page)
    assert rows["王秘书"][1:3] == ["王芳", "秘书"] and rows[ADMIN][2] == "管理员"


def test_add_an_account_with_roles_refusing_what_separation_forbids(qtbot, admin_window, demo_workspace):
    page = admin_window.accounts_page
    page.add.click()
    dialog = page.findChild(AddAccountDialog)
    dialog.name.setText("孙复核")
    dialog.display_name.setText("孙丽")
    dialog.roles.boxes[Role.AUDITOR].setChecked(True)
    dialog.roles.boxes[Role.SUPERVISOR].setChecked(True)
    assert "SEPARATION" in dialog.problem.text() and "审计员不能同时担任其他角色" in dialog.problem.text()
    dialog.password.new.setText("sun-password")
    dialog.password.repeat.setText("sun-password")
    _ok(dialog)
    assert dialog.isVisible() and "孙复核" not in _rows(page)
    dialog.roles.boxes[Role.AUDITOR].setChecked(False)
    dialog.roles.boxes[Role.APPROVER].setChecked(True)
    assert dialog.problem.text() == ""
    _ok(dialog)
    assert not dialog.isVisible()
    assert _rows(page)["孙复核"][1:3] == ["孙丽", "监督员、审批人"]
    assert accounts.sign_in(demo_workspace, "孙复核", "sun-password").roles == {Role.SUPERVISOR, Role.APPROVER}


def test_a_name_taken_is_the_services_message_and_the_form_stays(admin_window):
    page = admin_window.accounts_page
    page.add.click()
    dialog = page.findChild(AddAccountDialog)
    dialog.name.setText("王秘书")
    dialog.roles.boxes[Role.SECRETARY].setChecked(True)
    dialog.password.new.setText("another-password")
    dialog.password.repeat.setText("another-password")
    _ok(dialog)
    assert dialog.isVisible() and dialog.problem.text() == "已有账户「王秘书」" and dialog.name.text() == "王秘书"


def test_roles_reset_and_disable(admin_window, demo_workspace, monkeypatch):
    page = admin_window.accounts_page
    page.table.selectRow(list(_rows(page)).index("王秘书"))
    page.roles.click()
    roles = page.findChild(RolesDialog)
    roles.roles.boxes[Role.SUPERVISOR].setChecked(True)
    _ok(roles)
    assert _rows(page)["王秘书"][2] == "秘书、监督员"

    page.reset.click()
    reset = page.findChild(ResetPasswordDialog)
    reset.password.new.setText("new-secretary-pw")
    reset.password.repeat.setText("new-secretary-pw")
    _ok(reset)
    assert accounts.sign_in(demo_workspace, "王秘书", "new-secretary-pw").roles == {Role.SECRETARY, Role.SUPERVISOR}

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.disable.click()
    assert _rows(page)["王秘书"][4] != "" and not page.disable.isEnabled()
    with pytest.raises(accounts.AccountDisabled):
        accounts.sign_in(demo_workspace, "王秘书", "new-secretary-pw")
    assert _audit(demo_workspace)[-3:] == ["account.roles", "account.password.reset", "account.disable"]


def _audit(root) -> list[str]:
    """The actions of the audit log, oldest first, as its reader (the auditor) sees them."""
    return [e["action"] for e in audit_log.recent(root, accounts.sign_in(root, "钱审计", TEST_PASSWORD), 10)][::-1]


def test_change_my_password(window, demo_workspace):
    window.change_password_action.trigger()
    dialog = window.findChild(ChangePasswordDialog)
    dialog.old.setText("wrong-password")
    dialog.password.new.setText("my-new-password")
    dialog.password.repeat.setText("my-new-password")
    _ok(dialog)
    assert dialog.isVisible() and dialog.problem.text() == "原口令不正确"
    dialog.old.setText(TEST_PASSWORD)
    _ok(dialog)
    assert not dialog.isVisible()
    assert accounts.sign_in(demo_workspace, window.ctx.actor.name, "my-new-password").name == window.ctx.actor.name
    with pytest.raises(SignInFailed):
        accounts.sign_in(demo_workspace, window.ctx.actor.name, TEST_PASSWORD)
