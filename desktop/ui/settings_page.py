"""设置: the operator's name written into the audit log, and the language of the window."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.ui.context import Context
from desktop.ui.settings import LANGUAGES


class SettingsPage(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.operator = QLineEdit(ctx.settings.operator)
        self.operator.setObjectName("operator")
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(ctx.settings.language))
        self.note = QLabel()
        save = QPushButton(self.tr("保存设置"))
        save.clicked.connect(self.save)
        box = QGroupBox(self.tr("本机设置（不随工作区保存）"))
        form = QFormLayout(box)
        form.addRow(self.tr("操作员姓名（记入审计日志）"), self.operator)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow("", save)
        form.addRow("", self.note)
        self.workspace = QLabel()
        self.workspace.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.workspace)
        layout.addStretch()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.workspace.setText(self.tr("当前工作区：{0}").format(self.ctx.place or self.tr("（未打开）")))

    def save(self) -> None:
        if self.operator.text().strip():
            self.ctx.settings.operator = self.operator.text()
        changed = self.language.currentData() != self.ctx.settings.language
        self.ctx.settings.language = self.language.currentData()
        self.ctx.settings.sync()
        self.note.setText(self.tr("已保存。界面语言在重新启动后生效。") if changed else self.tr("已保存。"))
