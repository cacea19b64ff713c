"""Restore the open workspace from a backup folder: the backup's password opens it and the dialog shows what it says
of itself (when it was made, by whom, and the fingerprint of the identity that signed it) for the user to compare
with the fingerprint the office published, or to type that fingerprint; the user confirms that the open workspace
will be replaced (it is kept, renamed, never deleted: desktop.services.backup.restore_backup). The restore checks
every file and the signature before it replaces anything; it runs off the GUI thread with progress and Cancel, and
``restored`` hands the summary to the window, which signs in to the restored workspace afresh."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout)

from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.widgets.password_field import password_field
from desktop.ui.widgets.progress_row import progress_row


class RestoreDialog(QDialog):
    restored = Signal(dict)

    def __init__(self, ctx: Context, folder: Path, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.folder = Path(folder)
        self.target = Path(ctx.place)
        self.described: dict | None = None
        self.job = None
        self.setWindowTitle(self.tr("从备份恢复工作区"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("备份文件夹"), QLabel(str(self.folder)))
        self.password = password_field("restore_password", self.tr("备份时设定的备份口令"))
        self.read_button = QPushButton(self.tr("读取备份"))
        self.read_button.clicked.connect(self.describe)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.read_button)
        form.addRow(self.tr("备份口令"), row)
        self.snapshot = QComboBox()  # the backups the folder holds, newest first, once read
        self.snapshot.setEnabled(False)
        self.snapshot.activated.connect(lambda _index: self.describe())
        form.addRow(self.tr("恢复哪一次备份"), self.snapshot)
        layout.addLayout(form)
        self.about = QLabel(self.tr("输入备份口令后点「读取备份」，查看备份的时间和签名者。"))
        self.about.setObjectName("restore_about")
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.about)
        form = QFormLayout()
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText(self.tr("本单位公布的指纹（64 位十六进制）；或留空，核对后勾选下面一项"))
        form.addRow(self.tr("证书指纹"), self.fingerprint)
        layout.addLayout(form)
        self.fingerprint_checked = QCheckBox(self.tr("我已核对：上面显示的签名者指纹与本单位公布的指纹一致"))
        layout.addWidget(self.fingerprint_checked)
        self.warning = QLabel(self.tr(
            "恢复将替换当前打开的工作区 {0}。当前工作区不会被删除：它将改名保留为“{1}.before-restore-日期-时间”，"
            "需要时可以重新打开。恢复前先校验备份的每个文件和签名，校验不通过则不作任何改动。恢复后请重新登录。")
            .format(self.target, self.target.name))
        self.warning.setObjectName("restore_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color:#a33")
        layout.addWidget(self.warning)
        self.replace_confirmed = QCheckBox(self.tr("我明白当前工作区将被替换（原工作区改名保留）"))
        layout.addWidget(self.replace_confirmed)
        row, self.progress, self.cancel = progress_row(self.tr("取消恢复"), self.stop)
        layout.addLayout(row)
        self.problem = QLabel()
        self.problem.setObjectName("restore_problem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(self.tr("校验并恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._running(False)

    def reject(self) -> None:
        """Esc or the title bar's close while a restore runs does nothing: 取消恢复 stops it, then 关闭 closes."""
        if self.job is None:
            super().reject()

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        for widget in (self.read_button, self.restore_button, self.close_button, self.password, self.fingerprint,
                       self.fingerprint_checked, self.replace_confirmed):
            widget.setEnabled(not running)
        self.snapshot.setEnabled(not running and self.snapshot.count() > 1)
        self.progress.setRange(0, 0)

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"%v / %m  {what[-40:]}")

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self._running(False)
        self.problem.setText(errors.message(error))

    # --- read what the backup says of itself ---------------------------------------------------------------------
    def describe(self) -> None:
        from desktop.services.backup import describe_backup
        folder, password, snapshot = self.folder, self.password.text(), self.snapshot.currentData()
        self.problem.clear()
        self._running(True)
        self.job = self.ctx.runner.run(lambda job: describe_backup(folder, password, snapshot), self._described,
                                       self._failed)

    def _described(self, described: dict) -> None:
        self.job = None
        self._running(False)
        self.described = described
        self.snapshot.clear()
        for name in reversed(described["snapshots"]):
            self.snapshot.addItem(name if name != described["snapshots"][-1] else self.tr("{0}（最近一次）").format(name),
                                  name)
        self.snapshot.setCurrentIndex(self.snapshot.findData(described["snapshot"]))
        self.snapshot.setEnabled(len(described["snapshots"]) > 1)
        lines = [self.tr("备份 {0}（共 {1} 次；备份于 {2}，由 {3} 备份，{4} 个文件）").format(
            described["snapshot"], len(described["snapshots"]), described["created_at"][:19].replace("T", " "),
            described["created_by"], described["files"])]
        if described["signer"] is None:
            lines.append(self.tr("此备份没有签名（备份时工作区还没有签名身份），无法确认它出自本单位。"))
            self.fingerprint_checked.setText(self.tr("我知道此备份没有签名，仍要恢复"))
        else:
            lines.append(self.tr("签名者：{0}\nSHA-256 指纹：{1}").format(described["signer_name"],
                                                                      described["signer"]))
            self.fingerprint_checked.setText(self.tr("我已核对：上面显示的签名者指纹与本单位公布的指纹一致"))
        self.about.setText("\n".join(lines))
        self.adjustSize()  # the lines just shown, whole

    # --- restore -------------------------------------------------------------------------------------------------
    def restore(self) -> None:
        typed = self.fingerprint.text().strip()
        if self.described is None and not typed:
            self.problem.setText(self.tr("请先读取备份，核对签名者指纹，或填写本单位公布的指纹"))
            return
        if not typed and not self.fingerprint_checked.isChecked():
            self.problem.setText(self.tr("请填写本单位公布的指纹，或核对上面显示的签名者指纹后勾选确认"))
            return
        if not self.replace_confirmed.isChecked():
            self.problem.setText(self.tr("请勾选确认：当前工作区将被替换（原工作区改名保留）"))
            return
        from desktop.services.backup import restore_backup
        folder, target, password = self.folder, self.target, self.password.text()
        fingerprint = typed or (self.described or {}).get("signer") or ""
        snapshot = (self.described or {}).get("snapshot")  # the one shown, even if a newer one appeared since
        self.problem.clear()
        self._running(True)
        self.ctx.runner.forget_workspaces()  # its files are about to be renamed aside

        def done(summary: dict) -> None:
            self.job = None
            self._running(False)
            self.accept()
            self.restored.emit(summary)
        self.job = self.ctx.runner.run(
            lambda job: restore_backup(folder, target, password, snapshot, fingerprint=fingerprint, progress=job.report,
                                       cancelled=job.cancelled), done, self._failed, self._progressed, write=True)

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
