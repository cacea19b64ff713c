"""A supervisor's own sign-in beside the operator (SEPARATION): to let a panel below ENTERPRISE_THIRD be confirmed
with a reason, or to confirm a commitment signed on site. The password is checked on the runner's worker like every
sign-in; ``supervisor`` is the signed-in account once accepted."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit

from desktop.services import accounts
from desktop.services.accounts import Operator
from desktop.ui.sign_in import SignInForm
from desktop.ui.tasks import InlineRunner, Runner


class SupervisorDialog(QDialog):
    def __init__(self, operator: Operator, what: str, *, ask_reason: bool, parent=None,
                 runner: Runner | InlineRunner | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("监督员登录确认"))
        self.supervisor: Operator | None = None
        self.sign_in = SignInForm(operator.root, runner or InlineRunner(), check=lambda name, password:
                                  accounts.check_witness(operator, accounts.sign_in(operator.root, name, password)))
        self.sign_in.signed_in.connect(self._signed_in)
        self.name, self.password, self.problem = self.sign_in.name, self.sign_in.password, self.sign_in.problem
        self.name.setObjectName("supervisor_name")
        self.password.setObjectName("supervisor_password")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("supervisor_reason")
        self.reason.setMaximumHeight(70)
        self.reason.setVisible(ask_reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        said = QLabel(what)
        said.setWordWrap(True)
        form.addRow(said)
        form.addRow(QLabel(self.tr("监督员用本人的账户和口令登录（不能是操作员本人）：")))
        form.addRow(self.sign_in)
        if ask_reason:
            form.addRow(self.tr("理由"), self.reason)
        form.addRow(buttons)
        self.ask_reason = ask_reason

    def accept(self) -> None:
        if self.ask_reason and not self.reason.toPlainText().strip():
            self.problem.setText(self.tr("请写明理由"))
            return
        self.sign_in.submit()

    def _signed_in(self, supervisor: Operator) -> None:
        self.supervisor = supervisor
        super().accept()

    def reject(self) -> None:
        if not self.sign_in.busy():
            super().reject()
