"""One batch of documents made from the records (a round's outcome notices, an appeal's notice): the folder, signed
or not, Generate with progress and Cancel, and the files made, opened with a double click.

The page hands ``make(out, sign, cancel, progress, password) -> list[Path]``, a service call run as a write off the
GUI thread; the documents service loads reportlab and pyHanko there, never at start-up. Where the machine has no
system keyring the operator's password opens the encrypted secrets file: it is asked for here, on the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.pdf_viewer import open_document

PATH = Qt.ItemDataRole.UserRole
Make = Callable[[Path, bool, threading.Event, Callable[[int, int], None], str | None], list[Path]]


class SignedBatch(QWidget):
    made = Signal(list)  # the paths written, after a batch ended

    def __init__(self, ctx: Context, name: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.make: Make | None = None
        self.stop: threading.Event | None = None
        self.proposed = ""  # the folder last proposed, replaced by the next proposal unless another was chosen
        self.folder = QLineEdit()
        self.folder.setObjectName(f"{name}_folder")
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self.choose_folder)
        self.sign = QCheckBox(self.tr("用工作区的签名身份签名（PAdES）"))
        self.sign.setObjectName(f"{name}_sign")
        self.sign.setChecked(True)
        self.generate = QPushButton(self.tr("生成"))
        self.generate.setObjectName(f"{name}_generate")
        self.generate.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.cancel = QPushButton(self.tr("取消"))
        self.cancel.setObjectName(f"{name}_cancel")
        self.cancel.clicked.connect(self.stop_generating)
        self.status = QLabel()
        self.status.setObjectName(f"{name}_status")
        self.status.setWordWrap(True)
        self.files = QListWidget()
        self.files.setObjectName(f"{name}_files")
        self.files.setMaximumHeight(110)
        self.files.setVisible(False)  # until a batch made something
        self.files.itemDoubleClicked.connect(lambda item: open_document(Path(item.data(PATH)), self))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("输出文件夹")))
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        row.addWidget(self.sign)
        row.addWidget(self.generate)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.files)
        self._running(False)

    def set_make(self, make: Make | None, folder: Path | None = None) -> None:
        """What Generate makes (None: nothing to make now) and the folder it proposes: in place of the one
        proposed before (another appeal's, another round's), never of one the operator chose or typed."""
        self.make = make
        if folder is not None and self.folder.text().strip() in ("", self.proposed):
            self.proposed = str(folder)
            self.folder.setText(self.proposed)
        self._running(self.stop is not None)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("保存到"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _password(self) -> str | None:
        """The operator's password when the machine has no system keyring; "" when none is needed, None if refused."""
        from desktop.services.secrets import needs_password
        if not self.sign.isChecked() or not needs_password():
            return ""
        text, ok = QInputDialog.getText(self, self.tr("操作员口令"),
                                        self.tr("本机没有系统钥匙串。请输入操作员口令以打开加密的密钥文件："),
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def start(self) -> None:
        password = self._password()
        if self.make is None or password is None:
            return
        make, out, sign, stop = self.make, Path(self.folder.text().strip()), self.sign.isChecked(), threading.Event()
        self.stop = stop
        self._running(True)
        self.status.setText(self.tr("正在生成…"))
        self.ctx.runner.run(lambda job: make(out, sign, stop, lambda done, total: job.report(done, total, ""),
                                             password or None),
                            self._made, self._failed, self._progressed, write=True)

    def stop_generating(self) -> None:
        if self.stop is not None:
            self.stop.set()
            self.status.setText(self.tr("正在取消：已开始的几份写完即停止，未完成的不留文件…"))

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        self.generate.setEnabled(not running and self.make is not None)
        self.progress.setRange(0, 0)

    def _progressed(self, done: int, total: int, _what: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _made(self, paths: list[Path]) -> None:
        self.stop = None
        self._running(False)
        self.ctx.touched()
        self.files.clear()
        for path in paths:
            item = QListWidgetItem(path.name)
            item.setData(PATH, str(path))
            self.files.addItem(item)
        self.files.setVisible(bool(paths))
        self.status.setText(self.tr("已生成 {0} 份，保存在 {1}").format(
            len(paths), paths[0].parent if paths else self.folder.text()))
        self.made.emit(paths)

    def _failed(self, error: BaseException) -> None:
        self.stop = None
        self._running(False)
        self.ctx.touched()  # a cancelled batch is logged too, with the files it wrote
        self.status.setText(errors.message(error))
