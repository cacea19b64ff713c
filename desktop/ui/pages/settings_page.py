"""设置: this computer's settings — the language of the window and the idle time before it locks — and the open
workspace's own rules, kept with its data and audited on change: the low ratings that flag an expert for a review
of pool membership (EXPERT_CONDUCT). Who acts is who signed in, so there is no operator's name to type here."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from desktop.services import conduct
from desktop.ui import errors
from desktop.ui.context import WORKSPACE, Context
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
        self.below, self.count, self.days = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, name, low, high, suffix in ((self.below, "low_below", 1, 100, self.tr(" 分")),
                                              (self.count, "low_count", 1, 99, self.tr(" 次")),
                                              (self.days, "low_days", 1, 3650, self.tr(" 天"))):
            spin.setObjectName(name)
            spin.setRange(low, high)
            spin.setSuffix(suffix)
        self.save_rules = QPushButton(self.tr("保存本工作区的规则"))
        self.save_rules.setObjectName("save_workspace_rules")
        self.save_rules.clicked.connect(self.save_workspace_rules)
        self.rules_note = QLabel()
        self.rules_note.setObjectName("workspace_rules_note")
        self.rules_note.setWordWrap(True)
        self.rules = QGroupBox(self.tr("本工作区的规则（随工作区保存，修改记入审计日志）"))
        rules_form = QFormLayout(self.rules)
        rules_form.addRow(self.tr("评价低于此分为低分"), self.below)
        rules_form.addRow(self.tr("低分达到此次数"), self.count)
        rules_form.addRow(self.tr("在此天数内（按评审日期）"), self.days)
        rules_form.addRow(QLabel(self.tr("达到时，专家详情中提示复核其专家库资格。")))
        rules_form.addRow("", self.save_rules)
        rules_form.addRow("", self.rules_note)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.workspace)
        layout.addWidget(self.rules)
        layout.addStretch()
        ctx.changed.connect(lambda kind: kind == WORKSPACE and self.isVisible() and self.load_rules())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.workspace.setText(self.tr("当前工作区：{0}").format(self.ctx.place or self.tr("（未打开）")))
        self.load_rules()

    def load_rules(self) -> None:
        op = self.ctx.actor
        self.rules.setVisible(self.ctx.place is not None and op is not None and op.may("experts.read"))
        if not self.rules.isVisible():
            return
        self.save_rules.setEnabled(op.may("conduct.record"))
        place = self.ctx.place
        self.ctx.runner.run(lambda job: conduct.low_ratings(place, op), self._show_rules,
                            lambda e: self.rules_note.setText(errors.message(e)))

    def _show_rules(self, rule: dict) -> None:
        self.below.setValue(rule["below"])
        self.count.setValue(rule["count"])
        self.days.setValue(rule["days"])

    def save_workspace_rules(self) -> None:
        place, op = self.ctx.place, self.ctx.actor
        below, count, days = self.below.value(), self.count.value(), self.days.value()

        def saved(rule: dict) -> None:
            self._show_rules(rule)
            self.rules_note.setText(self.tr("已保存：{0}天内{1}次评价低于{2}分的专家提示复核。").format(
                rule["days"], rule["count"], rule["below"]))
            self.ctx.touched()

        self.ctx.runner.run(lambda job: conduct.set_low_ratings(place, op, below, count, days), saved,
                            lambda e: self.rules_note.setText(errors.message(e)), write=True)

    def save(self) -> None:
        changed = self.language.currentData() != self.ctx.settings.language
        self.ctx.settings.language = self.language.currentData()
        self.ctx.settings.idle_minutes = self.idle.value()
        self.ctx.settings.sync()
        self.note.setText(self.tr("已保存。界面语言在重新启动后生效。") if changed else self.tr("已保存。"))
        self.saved.emit()
