"""The backup offered when the window closes, once a day: it says when the last backup was, takes a folder (a USB
stick) and the backup password, and backs up with progress before the window closes; or lets the user close
without one, or stay."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QVBoxLayout)

from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.widgets.password_field import password_field


class BackupOffer(QDialog):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("退出前备份"))
        layout = QVBoxLayout(self)
        last = ctx.settings.last_backup
        self.note = QLabel(self.tr("今天还没有备份。上次备份：{0}。").format(last) if last else
                           self.tr("本机还没有备份过这个工作区。"))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        form = QFormLayout()
        self.folder = QLineEdit(str(ctx.settings.backup_folder or ""))
        self.folder.setPlaceholderText(self.tr("如 U 盘上的文件夹"))
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(self.tr("备份到"), row)
        self.password = password_field("backup_offer_password", self.tr("至少 8 个字符，恢复时需要"))
        form.addRow(self.tr("备份口令"), self.password)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox()
        self.backup_button = self.buttons.addButton(self.tr("备份后退出"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton(self.tr("不备份，直接退出"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.stay_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.backup_button.clicked.connect(self.back_up)
        self.skip_button.clicked.connect(self.accept)
        self.stay_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("备份到哪个文件夹"), self.folder.text() or str(Path.home()))
        if folder:
            self.folder.setText(folder)

    def back_up(self) -> None:
        if not self.folder.text().strip():
            self.problem.setText(self.tr("请选择备份文件夹"))
            return
        from desktop.services.backup import backup_workspace
        place, actor, folder, password = self.ctx.place, self.ctx.actor, Path(self.folder.text()), self.password.text()
        self.progress.setVisible(True)
        self.buttons.setEnabled(False)

        def done(_summary: dict) -> None:
            self.ctx.settings.last_backup = dt.date.today().isoformat()
            self.ctx.settings.backup_folder = folder
            self.accept()

        def failed(error: BaseException) -> None:
            self.progress.setVisible(False)
            self.buttons.setEnabled(True)
            self.problem.setText(errors.message(error))

        def progressed(done_: int, total: int, _what: str) -> None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done_)
        self.ctx.runner.run(lambda job: backup_workspace(place, actor, folder, password, progress=job.report,
                                                         cancelled=job.cancelled), done, failed, progressed, write=True)
