"""The forms of the misconduct page: a record entered with its violation and measures chosen from 002's lists, a
notification date, and a credit repair application with the evidence for 第二十五条's conditions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.services import credit_repair, misconduct
from desktop.services.misconduct_choices import LEVELS, MEASURES, NUMERALS, VIOLATIONS, Application, Entered
from desktop.ui.context import Context
from desktop.ui.widgets.form_dialog import FormDialog, date_edit

MISCONDUCT = "misconduct"  # what Context.changed names after a record or a repair changed


class _Form(FormDialog):
    touches = MISCONDUCT


class MisconductDialog(_Form):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(ctx, self.tr("录入失信行为记录"), parent)
        self.name = QLineEdit()
        self.name.setObjectName("subject_name")
        self.code = QLineEdit()
        self.code.setObjectName("subject_code")
        self.code.setPlaceholderText(self.tr("身份证号或统一社会信用代码"))
        self.article = QComboBox()
        self.article.setObjectName("violation_article")
        for article, (who, _items) in VIOLATIONS.items():
            self.article.addItem(self.tr("{0}（{1}）").format(article, who), article)
        self.item = QComboBox()
        self.item.setObjectName("violation_item")
        self.article.currentIndexChanged.connect(self._items)
        self._items()
        self.measures = [QCheckBox(f"({NUMERALS[i]}) {text}") for i, text in enumerate(MEASURES)]
        grid = QWidget()
        layout = QGridLayout(grid)
        for i, box in enumerate(self.measures):
            box.setObjectName(f"measure_{i + 1}")
            layout.addWidget(box, i, 0)
        self.has_period = QCheckBox(self.tr("有惩戒期（措施(五)(六)须填）"))
        self.has_period.setObjectName("has_period")
        self.start, self.end = date_edit("penalty_start"), date_edit("penalty_end")
        self.decided_by = QLineEdit()
        self.decided_by.setObjectName("decided_by")
        self.basis = QLineEdit()
        self.decision_date = date_edit("decision_date")
        self.notified = QCheckBox(self.tr("已通报，通报日期："))
        self.notified.setObjectName("notified")
        self.notified_on = date_edit("notified_on")
        self.project_name, self.project_number = QLineEdit(), QLineEdit()
        self.form.addRow(self.tr("责任主体名称"), self.name)
        self.form.addRow(self.tr("身份证号或信用代码"), self.code)
        self.form.addRow(self.tr("失信行为（002第九至十三条）"), self.article)
        self.form.addRow("", self.item)
        self.form.addRow(self.tr("惩戒措施（002第十八条）"), grid)
        self.form.addRow(self.has_period)
        self.form.addRow(self.tr("惩戒开始"), self.start)
        self.form.addRow(self.tr("惩戒结束"), self.end)
        self.form.addRow(self.tr("处理单位"), self.decided_by)
        self.form.addRow(self.tr("处理依据"), self.basis)
        self.form.addRow(self.tr("决定日期"), self.decision_date)
        self.form.addRow(self.notified, self.notified_on)
        self.form.addRow(self.tr("所涉项目名称"), self.project_name)
        self.form.addRow(self.tr("所涉项目编号"), self.project_number)
        self.finish()

    def _items(self) -> None:
        self.item.clear()
        for i, text in enumerate(VIOLATIONS[self.article.currentData()][1], 1):
            self.item.addItem(f"({NUMERALS[i - 1]}) {text}", i)

    def entered(self) -> Entered:
        period = self.has_period.isChecked()
        return Entered(
            self.name.text().strip(), self.code.text().strip(), False, self.article.currentData(),
            self.item.currentData(), tuple(i + 1 for i, box in enumerate(self.measures) if box.isChecked()),
            self.start.date().toPython() if period else None, self.end.date().toPython() if period else None,
            self.decided_by.text().strip(), self.basis.text().strip(), self.decision_date.date().toPython(),
            self.notified_on.date().toPython() if self.notified.isChecked() else None,
            self.project_name.text().strip(), self.project_number.text().strip())

    def save(self) -> None:
        place, op, entered, today = self.ctx.place, self.ctx.actor, self.entered(), dt.date.today()
        self.send(lambda: misconduct.record_misconduct(place, op, entered, today))


class NotificationDialog(_Form):
    def __init__(self, ctx: Context, record: dict, parent=None):
        super().__init__(ctx, self.tr("记录通报日期"), parent)
        self.record = record
        self.on = date_edit("notified_on")
        self.form.addRow(QLabel(self.tr("{0}：自通报之日起15个工作日内可申请复核（002第二十二条）").format(
            record["subject_name"])))
        self.form.addRow(self.tr("通报日期"), self.on)
        self.finish()

    def save(self) -> None:
        place, op, record, on, today = (self.ctx.place, self.ctx.actor, self.record["id"], self.on.date().toPython(),
                                        dt.date.today())
        self.send(lambda: misconduct.record_notification(place, op, record, on, today))


class RepairDialog(_Form):
    def __init__(self, ctx: Context, record: dict, parent=None):
        super().__init__(ctx, self.tr("登记信用修复申请"), parent)
        self.record = record
        self.applied_on = date_edit("applied_on")
        self.corrected = QPlainTextEdit()
        self.corrected.setObjectName("corrected")
        self.corrected.setPlaceholderText(self.tr("如 已按处理决定全面完成整改、退回不当得利、撤销虚假成果"))
        self.commitment = QLineEdit()
        self.commitment.setObjectName("commitment")
        self.commitment.setPlaceholderText(self.tr("书面科研诚信承诺（如 承诺书日期及编号）"))
        self.commended = QCheckBox(self.tr("惩戒实施后获得表彰或嘉奖"))
        self.commended.setObjectName("commended")
        self.commendation_date = date_edit("commendation_date")
        self.level = QComboBox()
        self.level.setObjectName("commendation_level")
        self.level.addItems(LEVELS)
        self.commendation = QLineEdit()
        self.commendation.setObjectName("commendation")
        self.form.addRow(QLabel(self.tr("{0}：{1}").format(record["subject_name"], record["violation"])))
        self.form.addRow(self.tr("申请日期"), self.applied_on)
        self.form.addRow(self.tr("（二）纠正情况"), self.corrected)
        self.form.addRow(self.tr("（三）书面承诺"), self.commitment)
        self.form.addRow(self.commended)
        self.form.addRow(self.tr("（四）表彰日期"), self.commendation_date)
        self.form.addRow(self.tr("表彰级别"), self.level)
        self.form.addRow(self.tr("表彰名称"), self.commendation)
        self.finish()

    def save(self) -> None:
        commended = self.commended.isChecked()
        application = Application(
            self.applied_on.date().toPython(), self.corrected.toPlainText(), self.commitment.text(),
            self.commendation_date.date().toPython() if commended else None,
            self.level.currentText() if commended else "", self.commendation.text() if commended else "")
        place, op, record = self.ctx.place, self.ctx.actor, self.record["id"]
        self.send(lambda: credit_repair.apply_for_repair(place, op, record, application))
