"""The form of one expert's conduct in a round (EXPERT_CONDUCT): the conduct codes ticked, an optional rating out of
100 and a note, prefilled with what is recorded or what attendance and the invitations suggest."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLineEdit, QSpinBox, QWidget

from desktop.services import conduct
from desktop.services.rounds import RoundRef
from desktop.ui.context import ROUNDS, Context
from desktop.ui.widgets.form_dialog import FormDialog

CONDUCTS = {"present": QT_TRANSLATE_NOOP("ConductDialog", "按时出席"),
            "absent": QT_TRANSLATE_NOOP("ConductDialog", "无故缺席"),
            "replaced": QT_TRANSLATE_NOOP("ConductDialog", "被替换"),
            "late_conflict": QT_TRANSLATE_NOOP("ConductDialog", "未及时申报回避"),
            "leaked": QT_TRANSLATE_NOOP("ConductDialog", "泄露评审信息"),
            "lobbied": QT_TRANSLATE_NOOP("ConductDialog", "说情打招呼"),
            "unqualified": QT_TRANSLATE_NOOP("ConductDialog", "评审意见不专业")}  # desktop.domain.conduct.CONDUCTS


class ConductDialog(FormDialog):
    touches = ROUNDS

    def __init__(self, ctx: Context, ref: RoundRef, expert: dict, parent=None):
        super().__init__(ctx, self.tr("登记评审行为：{0}").format(expert["name"]), parent)
        self.ref, self.expert = ref, expert
        self.codes: dict[str, QCheckBox] = {}
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (code, words) in enumerate(CONDUCTS.items()):
            check = QCheckBox(self.tr(words))
            check.setObjectName(f"conduct_{code}")
            check.setChecked(code in expert["conduct"])
            self.codes[code] = check
            grid.addWidget(check, index // 3, index % 3)
        self.rated = QCheckBox(self.tr("评价分（百分制，可不填）"))
        self.rated.setObjectName("conduct_rated")
        self.rating = QSpinBox()
        self.rating.setObjectName("conduct_rating")
        self.rating.setRange(0, 100)
        self.rated.setChecked(expert["rating"] is not None)
        self.rating.setValue(expert["rating"] if expert["rating"] is not None else 80)
        self.rating.setEnabled(self.rated.isChecked())
        self.rated.toggled.connect(self.rating.setEnabled)
        self.note = QLineEdit(expert["note"])
        self.note.setObjectName("conduct_note")
        self.form.addRow(self.tr("评审行为"), box)
        self.form.addRow(self.rated, self.rating)
        self.form.addRow(self.tr("说明"), self.note)
        self.finish()

    def save(self) -> None:
        place, op, ref, number = self.ctx.place, self.ctx.actor, self.ref, self.expert["expert"]
        codes = [code for code, check in self.codes.items() if check.isChecked()]
        rating, note = self.rating.value() if self.rated.isChecked() else None, self.note.text()
        self.send(lambda: conduct.record_conduct(place, op, ref, number, codes, rating, note))
