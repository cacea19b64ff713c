"""Step 5: commitment letters (EXPERT_COMMITMENT) for every drawn member, generated, signed, opened and printed;
and the papers of the review day from the same draw: a sign-in sheet per panel, a score sheet per member.

Letters are made by the documents service in worker processes, with progress and Cancel; each signed file is
verified as soon as it is written, so the operator sees a bad signature before the letter leaves the office. The
documents and signing services load reportlab and pyHanko (over a second): they are imported in the worker, when
a drawn round is shown, never at start-up. Where the machine has no system keyring the operator's password opens
the encrypted secrets file: it is asked for here, on the GUI thread, and handed to the service.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QProgressBar, QPushButton, QVBoxLayout, QWidget)

from desktop.services import draws, ui_queries
from desktop.services.rounds import RoundInfo, RoundRef
from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.pdf_printing import print_pdfs
from desktop.ui.pdf_viewer import open_document, system_pdf_viewer
from desktop.ui.shown_load import LoadsWhenShown

PATH = Qt.ItemDataRole.UserRole
LETTERS = "letters"
KINDS = ((LETTERS, QT_TRANSLATE_NOOP("LettersStep", "评审专家承诺书（每位专家一份）")),
         ("sign_in_sheet", QT_TRANSLATE_NOOP("LettersStep", "签到表（每个评审组一份）")),
         ("score_sheet", QT_TRANSLATE_NOOP("LettersStep", "评分表（每位专家一份，按本轮评分方式）")))


def _prepare(place: Path, actor, ref: RoundRef, kind: str):
    """The latest draw, the default folder, the signing identity (None when there is none yet) and the documents
    of ``kind`` already made from that draw and still on disk."""
    from desktop.services import documents, signing  # reportlab and pyHanko: loaded off the GUI thread, when needed
    try:
        identity = signing.show_identity(place, actor)
    except signing.SigningError:
        identity = None
    record = draws.latest_draw(place, actor, ref)
    made = ui_queries.round_documents(place, actor, ref, kind, record.at) if record else []
    system_pdf_viewer()  # asked once, here off the GUI thread, before anyone clicks 打开
    return record, documents.letters_folder(place, ref.id), identity, made


def _verdict(check) -> str:
    if check is None:
        return ""
    if check.trusted:
        return QCoreApplication.translate("LettersStep", "✔ 签名完整、可信")
    return "✘ " + (check.problem or QCoreApplication.translate("LettersStep", "签名完整，但签名身份不是本工作区的"))


class LettersStep(LoadsWhenShown, QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.identity = None
        self.stop: threading.Event | None = None
        self.printer: QPrinter | None = None  # a worker paints on it: kept alive here until the job ends
        self.status = QLabel()
        self.status.setObjectName("letters_status")
        self.status.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("letters_kind")
        for key, text in KINDS:
            self.kind.addItem(self.tr(text), key)
        self.kind.currentIndexChanged.connect(lambda _index: self.set_round(self.info))  # that kind's from disk
        self.folder = QLineEdit()
        self.folder.setObjectName("letters_folder")
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self.choose_folder)
        self.sign = QCheckBox(self.tr("用工作区的签名身份签名（PAdES）"))
        self.sign.setObjectName("letters_sign")
        self.sign.setChecked(True)
        self.signer = QLabel()
        self.signer.setObjectName("letters_signer")
        self.signer.setWordWrap(True)
        self.signer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create = QPushButton(self.tr("创建签名身份…"))
        self.create.clicked.connect(lambda: self.ask_identity(then_generate=False))
        self.generate = QPushButton(self.tr("生成"))
        self.generate.setObjectName("letters_generate")
        self.generate.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.cancel = QPushButton(self.tr("取消"))
        self.cancel.clicked.connect(self.stop_generating)
        self.letters = QListWidget()
        self.letters.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.letters.itemDoubleClicked.connect(self.open_item)
        self.open = QPushButton(self.tr("打开"))
        self.open.clicked.connect(lambda: [self.open_item(item) for item in self.letters.selectedItems()])
        self.view_inside = QPushButton(self.tr("在本程序中查看"))
        self.view_inside.setObjectName("letters_view_inside")
        self.view_inside.setToolTip(self.tr("不经系统的 PDF 阅读器，在本程序的窗口中查看所选文书"))
        self.view_inside.clicked.connect(
            lambda: [self.open_item(item, inside=True) for item in self.letters.selectedItems()])
        self.print = QPushButton(self.tr("打印…"))
        self.print.clicked.connect(self.ask_printer)

        controls = QGroupBox(self.tr("生成"))
        form = QFormLayout(controls)
        form.addRow(self.tr("文书"), self.kind)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(choose)
        form.addRow(self.tr("输出文件夹"), folder_row)
        signer_row = QHBoxLayout()
        signer_row.addWidget(self.signer, 1)
        signer_row.addWidget(self.create)
        form.addRow(self.sign, signer_row)
        run_row = QHBoxLayout()
        run_row.addWidget(self.generate)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel)
        form.addRow("", run_row)
        actions = QHBoxLayout()
        actions.addStretch()
        actions.addWidget(self.open)
        actions.addWidget(self.view_inside)
        actions.addWidget(self.print)
        layout = QVBoxLayout(self)
        layout.addWidget(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.letters, 1)
        layout.addLayout(actions)
        self._running(False)

    def set_round(self, info: RoundInfo | None) -> None:
        self.info = info
        self.letters.clear()
        self.generate.setEnabled(False)
        drawn = info is not None and bool(info.draws)
        if not drawn:
            self.status.setText(self.tr("抽取专家后，在此为每位评审专家生成承诺书。"))
        self.load_when_shown(drawn)

    def load(self) -> None:
        place, actor, ref, kind = self.ctx.place, self.ctx.actor, self.info.ref, self.kind.currentData()
        self.ctx.runner.run(lambda job: _prepare(place, actor, ref, kind),
                            lambda prepared: self._prepared(ref, prepared),
                            lambda e: self.status.setText(errors.message(e)))

    def _prepared(self, ref: RoundRef, prepared) -> None:
        record, folder, identity, made = prepared
        if self.info is None or record is None or self.info.ref != ref:
            return  # another round was chosen meanwhile: its own preparation is on its way
        self.folder.setText(str(made[0].parent if made else folder))
        self._show_identity(identity)
        self.letters.clear()
        self.generate.setEnabled(self.stop is None)  # one batch at a time, whichever round is shown
        if made:
            for path in made:
                item = QListWidgetItem(self.tr("{0}　已生成").format(path.name))
                item.setData(PATH, str(path))
                self.letters.addItem(item)
            self.status.setText(self.tr("第 {0} 次抽取：已生成 {1} 份，保存在 {2}（可再次生成以替换）。").format(
                record.id, len(made), made[0].parent))
            return
        if self.kind.currentData() != LETTERS:
            self.status.setText(self.tr("第 {0} 次抽取：尚未生成。").format(record.id))
            return
        members = [(p["name"], m["name"]) for p in record.panels for m in p["members"]]
        line = self.tr("{0}　{1}　评审专家承诺书（待生成）")
        self.letters.addItems([line.format(panel, name) for panel, name in members])  # 1,750 in one call
        self.status.setText(self.tr("第 {0} 次抽取：待生成承诺书 {1} 份。").format(record.id, len(members)))

    def _show_identity(self, identity) -> None:
        self.identity = identity
        self.create.setVisible(identity is None)
        self.signer.setText(self.tr("本工作区还没有签名身份。") if identity is None else
                            self.tr("签名人：{0}\nSHA-256 指纹（请公布给收件人核对）：{1}")
                            .format(identity.common_name, identity.fingerprint))

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("承诺书保存到"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _password(self) -> str | None:
        """The operator's password when the machine has no system keyring; "" when none is needed, None if refused."""
        from desktop.services.secrets import needs_password
        if not needs_password():
            return ""
        text, ok = QInputDialog.getText(self, self.tr("操作员口令"),
                                        self.tr("本机没有系统钥匙串。请输入操作员口令以打开加密的密钥文件："),
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def ask_identity(self, then_generate: bool) -> None:
        name, ok = QInputDialog.getText(self, self.tr("创建签名身份"),
                                        self.tr("签名人名称（如“省科学技术厅评审办公室”）："), text=self.tr("评审办公室"))
        if not ok or not name.strip():
            return
        password = self._password()
        if password is None:
            return
        self.create_identity(name.strip(), password, then_generate)

    def create_identity(self, name: str, password: str, then_generate: bool = False) -> None:
        place, actor = self.ctx.place, self.ctx.actor

        def work(job):
            from desktop.services import signing
            return signing.create_identity(place, actor, name, password=password or None)[0]

        def made(identity) -> None:
            self._show_identity(identity)
            self.ctx.touched()
            if then_generate:
                self.run(password)

        self.ctx.runner.run(work, made, lambda e: errors.show(self, self.tr("未能创建签名身份"), e), write=True)

    def start(self) -> None:
        if self.sign.isChecked() and self.identity is None:
            self.ask_identity(then_generate=True)
            return
        password = self._password() if self.sign.isChecked() else ""
        if password is not None:
            self.run(password)

    def run(self, password: str = "") -> None:
        """Generate into the chosen folder; signed when the box is ticked."""
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        out, sign, stop = Path(self.folder.text().strip()), self.sign.isChecked(), threading.Event()
        self.stop = stop

        kind = self.kind.currentData()

        def work(job):
            from desktop.services import documents, signing

            def report(done: int, total: int) -> None:
                job.report(done, total, "")

            if kind == LETTERS:
                made = [(f"{letter.panel}　{letter.expert}", letter.path) for letter in documents.generate_letters(
                    place, actor, ref, out, sign=sign, cancel=stop, progress=report, password=password or None)]
            else:
                made = [(path.stem, path) for path in documents.generate_sheets(
                    place, actor, ref, kind, out, sign=sign, cancel=stop, progress=report,
                    password=password or None)]
            trust = signing.workspace_trust(place, actor) if sign else None
            return [(label, path, signing.verify_file(path, trust) if sign else None) for label, path in made]

        self._running(True)
        self.status.setText(self.tr("正在生成…"))
        self.ctx.runner.run(work, lambda made: self._made(ref, made), self._failed, self._progressed, write=True)

    def stop_generating(self) -> None:
        if self.stop is not None:
            self.stop.set()
            self.status.setText(self.tr("正在取消：已开始的几份写完即停止，未完成的不留文件…"))

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        self.generate.setEnabled(not running and self.info is not None and bool(self.info.draws))
        self.progress.setRange(0, 0)

    def _progressed(self, done: int, total: int, _what: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _made(self, ref: RoundRef, made: list) -> None:
        self.stop = None
        self._running(False)
        self.ctx.touched()
        if self.info is None or self.info.ref != ref:
            return  # another round was chosen meanwhile; the files are written and logged all the same
        self.letters.clear()
        for label, path, check in made:
            item = QListWidgetItem(f"{label}　{path.name}　{_verdict(check)}".rstrip())
            item.setData(PATH, str(path))
            self.letters.addItem(item)
        bad = sum(1 for _, _, check in made if check is not None and not check.trusted)
        folder = made[0][1].parent if made else self.folder.text()
        signed = bool(made) and made[0][2] is not None
        self.status.setText(self.tr("已生成 {0} 份，保存在 {1}").format(len(made), folder)
                            + (self.tr("，均已签名并核验通过。") if signed and not bad else self.tr("。"))
                            + (self.tr("\n有 {0} 份签名核验未通过，请勿发出。").format(bad) if bad else ""))

    def _failed(self, error: BaseException) -> None:
        self.stop = None
        self._running(False)
        self.ctx.touched()  # a cancelled batch is logged too, with the files it wrote
        self.status.setText(errors.message(error))

    def open_item(self, item: QListWidgetItem, inside: bool = False):
        """The document in the system's viewer, or in the window's own where the system has none (or ``inside``)."""
        path = item.data(PATH)
        return open_document(Path(path), self, inside=inside) if path else None

    def files(self, selected_only: bool = False) -> list[Path]:
        items = self.letters.selectedItems() if selected_only else [self.letters.item(i)
                                                                     for i in range(self.letters.count())]
        return [Path(item.data(PATH)) for item in items if item.data(PATH)]

    def ask_printer(self) -> None:
        paths = self.files(selected_only=True) or self.files()
        if not paths:
            self.status.setText(self.tr("请先生成承诺书。"))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印承诺书（{0} 份）").format(len(paths)))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer, paths)

    def print_to(self, printer: QPrinter, paths: list[Path]) -> None:
        self.printer = printer
        self.status.setText(self.tr("正在打印 {0} 份…").format(len(paths)))
        self.ctx.runner.run(
            lambda job: print_pdfs(paths, printer),
            lambda pages: self.status.setText(self.tr("已送打印机：{0} 份，共 {1} 页。").format(len(paths), pages)),
            lambda e: self.status.setText(errors.message(e)))
