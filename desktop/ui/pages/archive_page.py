"""The 归档与备份 page: export a round's archive, verify any archive (dragged in or chosen) without a workspace,
import one into this workspace, back the workspace up and restore it from a backup (desktop.ui.restore_dialog).
Export, verify, import and backup run off the GUI thread
with progress and Cancel; the verdict is given in words. The passwords are typed here and handed to the services;
they are never stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from desktop import __version__
from desktop.services import rounds
from desktop.ui import errors
from desktop.ui.context import ROUNDS, WORKSPACE, Context
from desktop.ui.round.words import state_label
from desktop.ui.widgets.password_field import password_field
from desktop.ui.widgets.progress_row import progress_row


class ArchivePage(QWidget):
    restored = Signal(Path)  # a backup replaced the open workspace: the window signs in to it afresh

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)

        export = QGroupBox(self.tr("导出轮次归档（含清单、签名、审计日志片段，可在任何电脑上核验）"))
        form = QFormLayout(export)
        self.round_box = QComboBox()
        self.export_password = password_field("export_password", self.tr("至少 8 个字符，请另行告知核验人"))
        self.export_again = password_field("export_again", self.tr("再次输入"))
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.clicked.connect(self.choose_export)
        form.addRow(self.tr("评审轮次"), self.round_box)
        form.addRow(self.tr("归档口令"), self.export_password)
        form.addRow("", self.export_again)
        form.addRow("", self.export_button)
        layout.addWidget(export)

        check = QGroupBox(self.tr("核验或导入归档（可把 .zip 文件拖到本页）"))
        form = QFormLayout(check)
        self.file_label = QLabel(self.tr("尚未选择归档文件"))
        choose = QPushButton(self.tr("选择文件…"))
        choose.clicked.connect(self.choose_archive)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        form.addRow(self.tr("归档文件"), row)
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText(self.tr("评审办公室公布的签名证书指纹（至少前 16 位）"))
        self.archive_password = password_field("archive_password", self.tr("导出时设定的归档口令"))
        form.addRow(self.tr("证书指纹"), self.fingerprint)
        form.addRow(self.tr("归档口令"), self.archive_password)
        buttons = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("核验"))
        self.verify_button.clicked.connect(self.verify)
        self.import_button = QPushButton(self.tr("导入到本工作区（只读）"))
        self.import_button.clicked.connect(self.import_archive)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        layout.addWidget(check)

        backup = QGroupBox(self.tr("备份工作区（如备份到 U 盘）"))
        form = QFormLayout(backup)
        self.last_backup = QLabel()
        self.backup_password = password_field("backup_password", self.tr("至少 8 个字符，恢复时需要"))
        self.backup_button = QPushButton(self.tr("备份到…"))
        self.backup_button.clicked.connect(self.choose_backup)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.setToolTip(self.tr("用备份替换当前工作区（先校验备份；原工作区改名保留）"))
        self.restore_button.clicked.connect(self.choose_restore)
        form.addRow(self.tr("上次备份"), self.last_backup)
        form.addRow(self.tr("备份口令"), self.backup_password)
        backup_buttons = QHBoxLayout()
        backup_buttons.addWidget(self.backup_button)
        backup_buttons.addWidget(self.restore_button)
        backup_buttons.addStretch(1)
        form.addRow("", backup_buttons)
        layout.addWidget(backup)

        row, self.progress, self.cancel = progress_row(self.tr("取消"), self.stop)
        layout.addLayout(row)
        self.result = QPlainTextEdit()
        self.result.setReadOnly(True)
        layout.addWidget(self.result, 1)
        self.archive: Path | None = None
        self._running(False)
        ctx.changed.connect(self._changed)
        self._changed(WORKSPACE)

    # --- state -------------------------------------------------------------------------------------------------
    def _changed(self, kind: str) -> None:
        if kind in (WORKSPACE, ROUNDS):
            self.round_box.clear()
            place, actor = self.ctx.place, self.ctx.actor
            if place is not None and actor is not None and actor.may("rounds.read"):
                self.ctx.runner.run(lambda job: rounds.list_rounds(place, actor),
                                    lambda infos: place == self.ctx.place and self._list_rounds(infos),
                                    lambda e: errors.show(self, self.tr("无法读取评审轮次"), e))
        self.last_backup.setText(self.ctx.settings.last_backup or self.tr("从未备份"))
        actor = self.ctx.actor  # replacing the workspace is for those who back it up (the service has no account)
        self.restore_button.setVisible(actor is not None and actor.may("backup"))

    def _list_rounds(self, infos: list) -> None:
        self.round_box.clear()
        for info in infos:
            self.round_box.addItem(self.tr("{0}　{1}（{2}）").format(info.id, info.name, state_label(info.state)), info.id)

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        for button in (self.export_button, self.verify_button, self.import_button, self.backup_button,
                       self.restore_button):
            button.setEnabled(not running)

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"%v / %m  {what[-50:]}")

    def _start(self, work, done, *, write: bool) -> None:
        self.result.clear()
        self._running(True)

        def finished(value):
            self._running(False)
            done(value)

        def failed(error: BaseException):
            self._running(False)
            self.result.setPlainText(errors.message(error))
            self.ctx.touched()
        self.job = self.ctx.runner.run(lambda job: work(job), finished, failed, self._progressed, write=write)

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()

    # --- export ------------------------------------------------------------------------------------------------
    def choose_export(self) -> None:
        round_id = self.round_box.currentData()
        if round_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出归档"), str(Path.home() / f"round-{round_id}.zip"),
                                              self.tr("归档 (*.zip)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> None:
        if self.export_password.text() != self.export_again.text():
            self.result.setPlainText(self.tr("两次输入的归档口令不一致"))
            return
        from desktop.services.archive.export import export_round  # pyHanko loads with it: only when exporting
        place, actor, round_id, password = self.ctx.place, self.ctx.actor, self.round_box.currentData(), \
            self.export_password.text()

        def done(summary: dict) -> None:
            self.result.setPlainText(self.tr("已导出：{0}\n{1} 个成员，{2} 字节；签名者指纹 {3}").format(
                summary["file"], summary["members"], summary["bytes"], summary["signer"]))
            self.ctx.touched()
        self._start(lambda job: export_round(place, actor, round_id, out, password, app_version=__version__,
                                             progress=job.report, cancelled=job.cancelled), done, write=True)

    # --- verify and import ---------------------------------------------------------------------------------------
    def choose_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择归档"), str(Path.home()), self.tr("归档 (*.zip)"))
        if path:
            self.set_archive(Path(path))

    def set_archive(self, path: Path) -> None:
        self.archive = Path(path)
        self.file_label.setText(str(self.archive))

    def dragEnterEvent(self, event) -> None:
        if any(url.toLocalFile().lower().endswith(".zip") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        zips = [url.toLocalFile() for url in event.mimeData().urls() if url.toLocalFile().lower().endswith(".zip")]
        if zips:
            self.set_archive(Path(zips[0]))
            event.acceptProposedAction()
            self.verify()

    def verify(self) -> None:
        if self.archive is None:
            self.result.setPlainText(self.tr("请先选择或拖入归档文件"))
            return
        from desktop.services.archive.verify import verdict_words, verify_archive
        from desktop.services.confidential import masked
        path, password, fingerprint = self.archive, self.archive_password.text(), self.fingerprint.text()
        self._start(lambda job: verify_archive(path, password, fingerprint=fingerprint, progress=job.report,
                                               cancelled=job.cancelled),
                    lambda result: self._verdict(verdict_words(masked(result)), result), write=False)

    def _verdict(self, words: str, result: dict) -> None:
        whole = result["intact"] and result["trusted"] and result["draw_replayed"]
        self.result.setPlainText((self.tr("✔ 归档完整、可信，抽取已重算一致") if whole else
                                  self.tr("✘ 归档未通过核验")) + "\n\n" + words)

    def import_archive(self) -> None:
        if self.archive is None or self.ctx.place is None:
            self.result.setPlainText(self.tr("请先选择或拖入归档文件"))
            return
        from desktop.services.archive.importing import import_archive
        place, actor, path = self.ctx.place, self.ctx.actor, self.archive
        password, fingerprint = self.archive_password.text(), self.fingerprint.text()

        def done(summary: dict) -> None:
            if summary["already_imported"]:
                text = self.tr("该归档已导入为轮次 {0}，本次没有重复导入") if summary["same_file"] else self.tr(
                    "同一轮次的另一份归档（{1}）已导入为轮次 {0}，本次没有重复导入")
                self.result.setPlainText(text.format(summary["round"], summary["earlier_file"]))
                return
            lines = [self.tr("已导入为轮次 {0}（只读）：人员新增 {1}、合并 {2}；单位新增 {3}、合并 {4}").format(
                summary["round"], summary["persons"]["new"], summary["persons"]["merged"],
                summary["organisations"]["new"], summary["organisations"]["merged"]),
                self.tr("生成的文书 {0} 份已写入 {1}；期限 {2} 条（各按原来的日历版本）").format(
                    len(summary["documents"]["files"]), summary["documents"]["out"], summary["rows"]["deadline"])]
            lines += [self.tr("工作日日历新增 {0} 年（本工作区原先没有，随归档导入）").format(year)
                      for year in summary["calendar_years"]]
            self.result.setPlainText("\n".join(lines + summary["differences"]))
            self.ctx.touched(ROUNDS, "pool")
        self._start(lambda job: import_archive(place, actor, path, password, fingerprint=fingerprint,
                                               progress=job.report), done, write=True)

    # --- backup ----------------------------------------------------------------------------------------------
    def choose_backup(self) -> None:
        start = self.ctx.settings.backup_folder or Path.home()
        folder = QFileDialog.getExistingDirectory(self, self.tr("备份到哪个文件夹（如 U 盘）"), str(start))
        if folder:
            self.backup_to(Path(folder))

    def backup_to(self, folder: Path, then=None) -> None:
        from desktop.services.backup import backup_workspace
        place, actor, password = self.ctx.place, self.ctx.actor, self.backup_password.text()

        def done(summary: dict) -> None:
            self.ctx.settings.last_backup = dt.date.today().isoformat()
            self.ctx.settings.backup_folder = folder
            self.last_backup.setText(self.ctx.settings.last_backup)
            self.result.setPlainText(self.tr("已备份到 {0}（{1} 个文件）").format(summary["folder"], summary["files"]))
            self.ctx.touched()
            if then is not None:
                then()
        self._start(lambda job: backup_workspace(place, actor, folder, password, progress=job.report,
                                                 cancelled=job.cancelled), done, write=True)

    # --- restore ---------------------------------------------------------------------------------------------
    def choose_restore(self) -> None:
        start = self.ctx.settings.backup_folder or Path.home()
        folder = QFileDialog.getExistingDirectory(self, self.tr("从哪个备份文件夹恢复"), str(start))
        if folder:
            self.ask_restore(Path(folder)).open()

    def ask_restore(self, folder: Path):
        """The restore dialog for the backup in ``folder``, its outcome reported here."""
        from desktop.ui.restore_dialog import RestoreDialog
        dialog = RestoreDialog(self.ctx, folder, self)
        dialog.restored.connect(self._restored)
        return dialog

    def _restored(self, summary: dict) -> None:
        lines = [self.tr("已从备份 {0} 恢复工作区 {1}（{2} 个文件，已逐一校验）").format(
            summary["snapshot"], summary["workspace"], summary["files"])]
        if summary["kept"]:
            lines.append(self.tr("原来的工作区已改名保留为 {0}").format(summary["kept"]))
        lines.append(self.tr("备份的签名者指纹：{0}").format(summary["signer"]) if summary["signer"] else
                     self.tr("此备份没有签名"))
        self.result.setPlainText("\n".join(lines))
        self.restored.emit(Path(summary["workspace"]))
