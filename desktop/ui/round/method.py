"""Step 1 of a round: its name, date and the one review method (ONE_METHOD), then opening it.

While the round is a draft everything can be corrected (name and date too) or the draft deleted (CORRECTIONS);
once opened the form is shown read-only with the reason, so staff see the method is frozen instead of finding out
from a refusal. A new round starts from the defaults, never from the round shown before.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.services import rounds
from desktop.services.errors import NeedsConfirmation, UserError
from desktop.services.method_choices import Form, Method, RoundSettings, Scoring, aggregations, parse_share
from desktop.services.rounds import RoundInfo
from desktop.ui import errors
from desktop.ui.context import ROUNDS, Context
from desktop.ui.method_words import method_text, share_text, word


SHARES = (Fraction(1, 2), Fraction(3, 5), Fraction(2, 3), Fraction(3, 4), Fraction(4, 5), Fraction(1))


class MethodStep(QWidget):
    saved = Signal(object)  # the round's RoundRef, after create, update or open
    deleted = Signal()  # the draft shown was deleted

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.name = QLineEdit()
        self.name.setObjectName("round_name")
        self.programme = QLineEdit()
        self.stage = QLineEdit()
        self.issuer = QLineEdit()  # what the round's documents print: who issues them, where and when
        self.issuer.setObjectName("round_issuer")
        self.issuer.setPlaceholderText(self.tr("如：山东省科学技术厅评审办公室（生成文书前须填写）"))
        self.venue = QLineEdit()
        self.venue.setObjectName("round_venue")
        self.venue.setPlaceholderText(self.tr("未填写时文书写“另行通知”"))
        self.review_time = QLineEdit()
        self.review_time.setObjectName("round_review_time")
        self.review_time.setPlaceholderText(self.tr("如：上午9:00；未填写时文书写“另行通知”"))
        self.date = QDateEdit(QDate.currentDate().addDays(30))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.form = QComboBox()
        for form in Form:
            self.form.addItem(word(form.value), form)
        self.scoring = QComboBox()
        for scoring in Scoring:
            self.scoring.addItem(word(scoring.value), scoring)
        self.aggregation = QComboBox()
        self.scoring.currentIndexChanged.connect(self._fill_aggregations)
        self.pass_fraction = QComboBox()  # a share typed or chosen as words or "2/3", kept as an exact Fraction
        self.pass_fraction.setObjectName("pass_fraction")
        self.pass_fraction.setEditable(True)
        self.pass_fraction.setToolTip(self.tr("可选择或输入分数，如 2/3、三分之二、3/5；得票率不低于此比例即通过"))
        for share in SHARES:
            self.pass_fraction.addItem(self._spell(share), str(share))
        self._show_share(Method.pass_fraction)
        self.look_back = QSpinBox()
        self.look_back.setRange(0, 50)
        self.field_level = QSpinBox()
        self.field_level.setRange(1, 3)
        self.panel_size = QSpinBox()
        self.panel_size.setRange(1, 99)
        self.max_requested = QSpinBox()
        self.max_requested.setRange(0, 20)
        self._fill_aggregations()
        self._set_settings(RoundSettings())

        self.frozen = QLabel()
        self.frozen.setObjectName("frozen")
        self.frozen.setWordWrap(True)
        self.frozen.setStyleSheet("background:#fff6d8;border:1px solid #e0c060;padding:8px")
        self.listed = QLabel()  # what opening the round put on the limits list
        self.listed.setObjectName("opened_limits")
        self.listed.setWordWrap(True)
        self.listed.setVisible(False)
        self.save = QPushButton(self.tr("保存草稿"))
        self.save.setObjectName("save_round")
        self.save.clicked.connect(self.save_round)
        self.delete = QPushButton(self.tr("删除草稿…"))
        self.delete.setObjectName("delete_round")
        self.delete.clicked.connect(self.delete_round)
        self.open = QPushButton(self.tr("开启轮次（冻结评审方法）"))
        self.open.setObjectName("open_round")
        self.open.clicked.connect(self.open_round)

        basics = QGroupBox(self.tr("基本信息"))
        f1 = QFormLayout(basics)
        f1.addRow(self.tr("轮次名称"), self.name)
        f1.addRow(self.tr("计划类别"), self.programme)
        f1.addRow(self.tr("评审阶段"), self.stage)
        f1.addRow(self.tr("评审日期"), self.date)
        method = QGroupBox(self.tr("评审方法（同一轮次只用一种方法：ONE_METHOD）"))
        f2 = QFormLayout(method)
        f2.addRow(self.tr("评审形式"), self.form)
        f2.addRow(self.tr("计分方式"), self.scoring)
        f2.addRow(self.tr("汇总规则"), self.aggregation)
        f2.addRow(self.tr("投票通过比例"), self.pass_fraction)
        settings = QGroupBox(self.tr("回避与组成规则"))
        f3 = QFormLayout(settings)
        f3.addRow(self.tr("回避年限（年）"), self.look_back)
        f3.addRow(self.tr("学科匹配级别"), self.field_level)
        f3.addRow(self.tr("每组默认人数"), self.panel_size)
        f3.addRow(self.tr("每项目申请回避专家上限"), self.max_requested)
        arrangements = QGroupBox(self.tr("文书落款与评审安排（开启后仍可修改）"))
        f4 = QFormLayout(arrangements)
        f4.addRow(self.tr("签发单位"), self.issuer)
        f4.addRow(self.tr("评审地点"), self.venue)
        f4.addRow(self.tr("评审时间"), self.review_time)
        self.inputs = [basics, method, settings]
        row = QHBoxLayout()
        row.addWidget(basics)
        row.addWidget(method)
        row.addWidget(settings)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete)
        buttons.addStretch()
        buttons.addWidget(self.save)
        buttons.addWidget(self.open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.frozen)
        layout.addWidget(self.listed)
        layout.addLayout(row)
        layout.addWidget(arrangements)
        layout.addLayout(buttons)
        layout.addStretch()
        self.set_round(None)

    def _fill_aggregations(self) -> None:
        self.aggregation.clear()
        for aggregation in aggregations(self.scoring.currentData()):
            self.aggregation.addItem(word(aggregation.value), aggregation)
        self.pass_fraction.setEnabled(Scoring(self.scoring.currentData()) is Scoring.VOTE)  # the item data is text

    def _spell(self, share: Fraction) -> str:
        """三分之二 in Chinese, 2/3 in any other language."""
        return share_text(share, self.ctx.settings.language == "zh_CN")

    def _described(self, info: RoundInfo) -> str:
        return method_text(info.method, self.ctx.settings.language == "zh_CN")

    def _show_share(self, share: Fraction) -> None:
        self.pass_fraction.setEditText(self._spell(share))

    def _set_settings(self, s: RoundSettings) -> None:
        self.look_back.setValue(s.look_back_years)
        self.field_level.setValue(s.field_level)
        self.panel_size.setValue(s.panel_size)
        self.max_requested.setValue(s.max_requested_exclusions)

    def set_round(self, info: RoundInfo | None) -> None:
        if info is None or self.info is None or info.ref != self.info.ref:
            self.listed.setVisible(False)  # said of the round just opened, not of another
        self.info = info
        draft = info is None or info.state == "draft"
        for box in self.inputs:
            box.setEnabled(draft)
        self.save.setText(self.tr("创建轮次") if info is None else
                          self.tr("保存修改") if draft else self.tr("保存落款与安排"))
        self.open.setEnabled(info is not None and draft)
        self.delete.setVisible(info is not None and draft)
        if info is None:
            self._set_defaults()
            self.frozen.setText(self.tr("新建评审轮次：填写名称和日期，选定评审方法后点「创建轮次」。"
                                        "开启轮次后评审方法和规则即冻结，不能再改。"))
            return
        self.name.setText(info.name)
        self.programme.setText(info.programme)
        self.stage.setText(info.stage)
        self.issuer.setText(info.issuer)
        self.venue.setText(info.venue)
        self.review_time.setText(info.review_time)
        self.date.setDate(QDate.fromString(info.review_date, "yyyy-MM-dd"))
        method = Method.from_dict(info.method)
        self.form.setCurrentIndex(self.form.findData(method.form))
        self.scoring.setCurrentIndex(self.scoring.findData(method.scoring))
        self.aggregation.setCurrentIndex(self.aggregation.findData(method.aggregation))
        self._show_share(method.pass_fraction)
        self._set_settings(RoundSettings.from_dict(info.settings))
        if draft:
            self.frozen.setText(self.tr("草稿：评审方法为「{0}」，开启前可修改。").format(self._described(info)))
        else:
            self.frozen.setText(self.tr("【已冻结】评审方法：「{0}」。本轮次已于开启时锁定方法与规则（ONE_METHOD），"
                                        "如需采用其他评审方法，请另建评审轮次。").format(self._described(info)))

    def _set_defaults(self) -> None:
        """The form of a new round: empty names, a date a month ahead, the default method and settings."""
        for line in (self.name, self.programme, self.stage, self.issuer, self.venue, self.review_time):
            line.clear()
        self.date.setDate(QDate.currentDate().addDays(30))
        default = Method(Form.MEETING, Scoring.SCORE100)
        self.form.setCurrentIndex(self.form.findData(default.form))
        self.scoring.setCurrentIndex(self.scoring.findData(default.scoring))
        self._show_share(default.pass_fraction)
        self._set_settings(RoundSettings())

    def method(self) -> Method:
        return Method(self.form.currentData(), self.scoring.currentData(), self.aggregation.currentData(),
                      pass_fraction=parse_share(self.pass_fraction.currentText()))

    def settings(self) -> RoundSettings:
        base = RoundSettings.from_dict(self.info.settings) if self.info else RoundSettings()
        return RoundSettings(look_back_years=self.look_back.value(), field_level=self.field_level.value(),
                             max_requested_exclusions=self.max_requested.value(), panel_size=self.panel_size.value(),
                             enterprise_fraction=base.enterprise_fraction,
                             one_panel_per_expert=base.one_panel_per_expert, include_in_laws=base.include_in_laws,
                             reserve_size=base.reserve_size)

    def save_round(self, confirm_past_date: bool = False) -> None:
        place, actor, info = self.ctx.place, self.ctx.actor, self.info
        try:
            method, settings = self.method(), self.settings()
        except UserError as error:
            errors.show(self, self.tr("无法保存"), error)
            return
        name, review_date = self.name.text(), dt.date.fromisoformat(self.date.date().toString("yyyy-MM-dd"))
        programme, stage = self.programme.text(), self.stage.text()
        arranged = {"issuer": self.issuer.text(), "venue": self.venue.text(), "review_time": self.review_time.text()}
        if info is None:
            def work(job):
                return rounds.create_round(place, actor, name=name, review_date=review_date, method=method,
                                           settings=settings, programme=programme, stage=stage,
                                           confirm_past_date=confirm_past_date, **arranged)
        elif info.state != "draft":  # opened: the method is frozen, the arrangements are not
            def work(job):
                return rounds.edit_round(place, actor, info.ref, **arranged)
        else:
            def work(job):
                return rounds.edit_round(place, actor, info.ref, name=name, programme=programme, stage=stage,
                                         review_date=review_date, method=method, settings=settings,
                                         confirm_past_date=confirm_past_date, **arranged)
        self.ctx.runner.run(work, self._saved, self._not_saved, write=True)

    def _not_saved(self, error: BaseException) -> None:
        """A past review date is asked about once, then saved as confirmed; any other refusal is shown."""
        if isinstance(error, NeedsConfirmation):
            answer = QMessageBox.question(self, self.tr("评审日期"), self.tr("{0}。仍按此日期保存？").format(
                errors.message(error)))
            if answer == QMessageBox.StandardButton.Yes:
                self.save_round(confirm_past_date=True)
            return
        errors.show(self, self.tr("无法保存"), error)

    def delete_round(self) -> None:
        info = self.info
        if info is None:
            return
        answer = QMessageBox.question(self, self.tr("删除草稿"), self.tr(
            "删除评审轮次草稿「{0}」及其评审组？删除记入审计日志。").format(info.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_now()

    def delete_now(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref

        def deleted(_none) -> None:
            self.ctx.touched(ROUNDS)
            self.deleted.emit()

        self.ctx.runner.run(lambda job: rounds.delete_round(place, actor, ref), deleted,
                            lambda e: errors.show(self, self.tr("无法删除"), e), write=True)

    def open_round(self) -> None:
        info = self.info
        if info is None:
            return
        answer = QMessageBox.question(self, self.tr("开启轮次"), self.tr(
            "开启后评审方法「{0}」和回避规则将冻结，本轮所有项目都按此方法评审。确定开启？").format(self._described(info)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.open_now()

    def open_now(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: rounds.open_round(place, actor, ref), self._opened,
                            lambda e: errors.show(self, self.tr("无法开启"), e), write=True)

    def _opened(self, info: RoundInfo) -> None:
        found = info.limits
        self.listed.setText(self.tr("开启时核查限项与资格（在研项目数、诚信记录、请托）：列出 {0} 项，{1} 项待决定，"
                                    "请在「限项与资格」页作出决定。").format(found["listed"], found["undecided"])
                            if found["listed"] else self.tr("开启时核查限项与资格（在研项目数、诚信记录、请托）：没有需要决定的项目。"))
        self.listed.setVisible(True)
        self._saved(info)

    def _saved(self, info: RoundInfo) -> None:
        self.ctx.touched(ROUNDS)
        self.saved.emit(info.ref)
