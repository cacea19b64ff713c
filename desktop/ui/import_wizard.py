"""The import wizard: pick files, preview each sheet and say what its columns mean, then check and import.

Checking and writing are one service call, all or nothing: when any cell is wrong the last page lists every problem
with its file, sheet, row and column and nothing is written; the user fixes the spreadsheet and goes back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QMessageBox, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWizard, QWizardPage)

from desktop.services.errors import Cancelled
from desktop.services.importing.run import ImportRejected, import_files
from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.import_plan import IGNORE, KIND_CHOICES, SheetPlan, mapping_of, read_plans
from desktop.ui.service_words import said

PREVIEW_ROWS = 5
ENCODINGS = [(QT_TRANSLATE_NOOP("FilesPage", "自动识别"), None), ("UTF-8", "utf-8"),
             (QT_TRANSLATE_NOOP("FilesPage", "GB18030 / GBK（简体中文）"), "gb18030"),
             (QT_TRANSLATE_NOOP("FilesPage", "Big5（繁体中文）"), "big5"), ("UTF-16", "utf-16")]


def _readonly(table: QTableWidget) -> QTableWidget:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class FilesPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("选择要导入的表格"))
        self.setSubTitle(self.tr("Excel（.xlsx）或 CSV（UTF-8 或 GB18030）；每个工作表一类数据，表名或表头决定类型。"))
        self.files = QListWidget()
        add = QPushButton(self.tr("添加文件…"))
        add.clicked.connect(self.choose)
        remove = QPushButton(self.tr("移除"))
        remove.clicked.connect(lambda: [self.files.takeItem(self.files.row(i)) for i in self.files.selectedItems()]
                               and self.completeChanged.emit())
        self.encoding = QComboBox()
        self.encoding.setObjectName("encoding")
        for label, codec in ENCODINGS:
            self.encoding.addItem(self.tr(label), codec)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        buttons.addWidget(QLabel(self.tr("CSV 文件编码")))
        buttons.addWidget(self.encoding)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files)
        layout.addLayout(buttons)

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择表格"), "", self.tr("表格 (*.xlsx *.csv)"))
        self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            self.files.addItem(str(path))
        self.completeChanged.emit()

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def chosen_encoding(self) -> str | None:
        """None: the import decides, and asks when it cannot be certain."""
        return self.encoding.currentData()

    def isComplete(self) -> bool:
        return self.files.count() > 0


class MappingPage(QWizardPage):
    """One sheet at a time: its kind, a drop-down per header, and the first rows as the user wrote them."""

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.plans: list[SheetPlan] = []
        self.setTitle(self.tr("预览并对应表头"))
        self.setSubTitle(self.tr("检查每个工作表被识别成的类型；表头无法识别时，请指定它对应的字段。"))
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._show_sheet)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("（不导入此表）"), None)
        for title, kind in KIND_CHOICES:
            self.kind.addItem(title, kind)
        self.kind.activated.connect(self._kind_chosen)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.mapping = _readonly(QTableWidget(0, 2))
        self.mapping.setHorizontalHeaderLabels([self.tr("表中的列"), self.tr("对应字段")])
        self.preview = _readonly(QTableWidget())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("工作表")))
        top.addWidget(self.sheet, 2)
        top.addWidget(QLabel(self.tr("类型")))
        top.addWidget(self.kind, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        split = QHBoxLayout()
        split.addWidget(self.mapping, 2)
        split.addWidget(self.preview, 3)
        layout.addLayout(split)

    def initializePage(self) -> None:
        self.plans = []
        self.sheet.clear()
        self.status.setText(self.tr("正在读取…"))
        files = self.wizard().page(0)
        paths, encoding = files.paths(), files.chosen_encoding()
        self.ctx.runner.run(lambda job: read_plans(paths, encoding), self._read, self._unreadable)

    def _unreadable(self, error: BaseException) -> None:
        self.status.setText(errors.message(error) + self.tr("。请点「上一步」换用其他文件或选择文件编码。"))
        self.completeChanged.emit()

    def _read(self, plans: list[SheetPlan]) -> None:
        self.plans = plans
        for plan in plans:
            self.sheet.addItem(plan.label)
        self.completeChanged.emit()

    def current(self) -> SheetPlan | None:
        index = self.sheet.currentIndex()
        return self.plans[index] if 0 <= index < len(self.plans) else None

    def _show_sheet(self) -> None:
        plan = self.current()
        if plan is None:
            return
        self.kind.setCurrentIndex(self.kind.findText(plan.kind.title) if plan.kind else 0)
        headers = plan.sheet.headers
        self.mapping.setRowCount(len(headers))
        for row, header in enumerate(headers):
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(self.tr("（忽略）"), IGNORE)
            for column in (plan.kind.columns if plan.kind else ()):
                combo.addItem(column.header + ("" if column.required else self.tr("（选填）")), column.key)
            combo.setCurrentIndex(max(0, combo.findData(plan.mapping.get(row, IGNORE))))
            combo.activated.connect(lambda _i, r=row, c=combo: self._column_chosen(r, c.currentData()))
            self.mapping.setCellWidget(row, 1, combo)
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        rows = plan.sheet.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(rows))
        for r, (_number, cells) in enumerate(rows):
            for c, text in enumerate(cells[:len(headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()  # an 18-digit ID number is read whole, not as 37010219…
        self._describe(plan)

    def _describe(self, plan: SheetPlan) -> None:
        if plan.kind is None:
            text = self.tr("未识别此表的类型：请在「类型」中选择，或保持「不导入此表」。")
        elif plan.missing():
            text = self.tr("识别为「{0}」，共 {1} 行；缺少必填字段：{2}。请在左侧为相应的列选择字段。").format(
                plan.kind.title, len(plan.sheet.rows), "、".join(plan.missing()))
        else:
            text = self.tr("识别为「{0}」，共 {1} 行；必填字段齐全。").format(plan.kind.title, len(plan.sheet.rows))
        self.status.setText(text)

    def _kind_chosen(self) -> None:
        plan = self.current()
        if plan is not None:
            plan.set_kind(self.kind.currentData())
            self._show_sheet()

    def _column_chosen(self, row: int, key: str) -> None:
        plan = self.current()
        if plan is not None:
            plan.set_column(row, key)
            self._describe(plan)

    def isComplete(self) -> bool:
        return bool(self.plans)


class RunPage(QWizardPage):
    """Check and import in a worker, with a progress bar and Cancel; problems in a table, nothing written."""

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.active = False
        self.succeeded = False
        self.setTitle(self.tr("校验并导入"))
        self.setSubTitle(self.tr("先校验每个单元格和引用关系：有任何问题则一条也不写入。"))
        self.progress = QProgressBar()
        self.cancel = QPushButton(self.tr("取消"))
        self.cancel.clicked.connect(self.ask_to_cancel)
        self.status = QLabel()
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        self.problems = _readonly(QTableWidget(0, 6))
        self.problems.setObjectName("problems")
        self.problems.setHorizontalHeaderLabels([self.tr("文件"), self.tr("工作表"), self.tr("行"), self.tr("列"),
                                                 self.tr("值"), self.tr("问题")])
        self.problems.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.problems)

    def initializePage(self) -> None:
        self.succeeded = False
        self.problems.hide()
        self.progress.setValue(0)
        self.cancel.setEnabled(True)
        self.status.setText(self.tr("正在校验…"))
        self.status.setStyleSheet("")
        plans = self.wizard().page(1).plans
        files = self.wizard().page(0)
        place, actor = self.ctx.place, self.ctx.actor
        paths, encoding, mapping = files.paths(), files.chosen_encoding(), mapping_of(plans)
        self.active = True  # until an outcome arrives (at once with the inline runner of the tests)
        self.job = self.ctx.runner.run(
            lambda job: import_files(place, paths, actor, progress=job.report, cancelled=job.cancelled,
                                     mapping=mapping, encoding=encoding),
            self._done, self._failed, self._progress, write=True)

    def running(self) -> bool:
        return self.active

    def ask_to_cancel(self) -> bool:
        """Ask, then cancel: True when the user confirmed (the import stops and writes nothing, unless it has
        already committed, which ``_done`` then reports)."""
        if not self.running():
            return True
        answer = QMessageBox.question(self, self.tr("取消导入"),
                                      self.tr("导入正在进行。取消后不会写入任何数据。确定取消吗？"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes or not self.running():
            return False
        self.job.cancel()
        self.cancel.setEnabled(False)
        self.status.setText(self.tr("正在取消…"))
        return True

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.status.setText(said(what))

    def _done(self, summary) -> None:
        self.active = False
        self.succeeded = True
        self.cancel.setEnabled(False)
        self.progress.setValue(self.progress.maximum())
        lines = [f"{kind}：" + "，".join(f"{k}{v}" for k, v in counts.items())
                 for kind, counts in summary.counts.items()]
        lines += [self.tr("限项与资格名单（{0}）：列出 {1} 项，{2} 项待决定（见「限项与资格」）").format(
            r["name"], r["listed"], r["undecided"]) for r in summary.limits]
        late = self.wizard().closing
        self.wizard().closing = False
        done = self.tr("取消未能生效：导入在取消前已完成并写入。") if late else self.tr("导入完成。")
        self.status.setText(done + "\n" + "\n".join(lines))
        self.wizard().imported.emit()
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.active = False
        self.cancel.setEnabled(False)
        if isinstance(error, Cancelled) and self.wizard().closing:
            self.wizard().done(QWizard.DialogCode.Rejected)
            return
        self.status.setText(errors.message(error) + self.tr("。请修改表格后点「上一步」重新导入。"))
        self.status.setStyleSheet("color:#c0392b")
        if isinstance(error, ImportRejected):
            self.problems.setRowCount(len(error.problems))
            for row, p in enumerate(error.problems):
                cells = [p.file, p.sheet, "" if p.row is None else str(p.row), p.column, p.value, p.reason]
                for column, text in enumerate(cells):
                    self.problems.setItem(row, column, QTableWidgetItem(text))
            self.problems.resizeColumnsToContents()
            self.problems.show()

    def isComplete(self) -> bool:
        return self.succeeded


class ImportWizard(QWizard):
    imported = Signal()

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入表格"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.files = FilesPage()
        self.mapping = MappingPage(ctx)
        self.run = RunPage(ctx)
        for page in (self.files, self.mapping, self.run):
            self.addPage(page)
        self.closing = False
        self.resize(900, 600)

    def reject(self) -> None:
        """The wizard's own 取消, Esc and the close box: while an import runs, ask, cancel it and close once it has
        stopped, so nothing is written behind a closed wizard."""
        if not self.run.running():
            super().reject()
        elif not self.closing and self.run.ask_to_cancel():
            self.closing = True
