"""设置: this computer's settings — the language of the window and the idle time before it locks. Who acts is
who signed in, so there is no operator's name to type here."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from desktop.ui.context import Context
from desktop.ui.settings import IDLE_RANGE, LANGUAGES


class SettingsPage(QWidget):
    saved = Signal()

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(ctx.settings.language))
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(*IDLE_RANGE)
        self.idle.setSuffix(self.tr(" 分钟"))
        self.idle.setValue(ctx.settings.idle_minutes)
        self.note = QLabel()
        save = QPushButton(self.tr("保存设置"))
        save.setObjectName("save_settings")
        save.clicked.connect(self.save)
        box = QGroupBox(self.tr("本机设置（不随工作区保存）"))
        form = QFormLayout(box)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("无操作多久后锁定窗口"), self.idle)
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
        changed = self.language.currentData() != self.ctx.settings.language
        self.ctx.settings.language = self.language.currentData()
        self.ctx.settings.idle_minutes = self.idle.value()
        self.ctx.settings.sync()
        self.note.setText(self.tr("已保存。界面语言在重新启动后生效。") if changed else self.tr("已保存。"))
        self.saved.emit()
