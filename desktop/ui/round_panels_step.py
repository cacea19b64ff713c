"""Step 2: the panels (评审组) of the round, each a size and a set of applications, usually one field each.

Applications already in a panel of this round are not offered again; the service refuses them anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.services import catalogue, rounds
from desktop.services.method_choices import RoundSettings
from desktop.services.rounds import RoundInfo
from desktop.ui import errors
from desktop.ui.context import ROUNDS, Context


class PanelsStep(QWidget):
    saved = Signal(object)  # the RoundRef of the round whose panels changed

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.panels = QTableWidget(0, 4)
        self.panels.setHorizontalHeaderLabels([self.tr("评审组"), self.tr("人数"), self.tr("项目数"), self.tr("项目编号")])
        self.panels.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.panels.verticalHeader().setVisible(False)
        self.panels.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.name = QLineEdit()
        self.name.setObjectName("panel_name")
        self.size = QSpinBox()
        self.size.setRange(1, 99)
        self.size.setValue(7)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("按编号、学科代码或名称筛选，如 520"))
        self.filter.textChanged.connect(self._filter)
        self.choose_all = QPushButton(self.tr("全选筛选结果"))
        self.choose_all.clicked.connect(self._choose_visible)
        self.applications = QListWidget()
        self.applications.setObjectName("panel_applications")
        self.add = QPushButton(self.tr("添加评审组"))
        self.add.setObjectName("add_panel")
        self.add.clicked.connect(self.add_panel)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form_box = QGroupBox(self.tr("新增评审组"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("人数"), self.size)
        picker = QHBoxLayout()
        picker.addWidget(self.filter)
        picker.addWidget(self.choose_all)
        form.addRow(self.tr("项目"), picker)
        form.addRow("", self.applications)
        form.addRow("", self.add)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.note)
        left.addWidget(self.panels)
        layout.addLayout(left, 3)
        layout.addWidget(form_box, 2)

    def set_round(self, info: RoundInfo | None) -> None:
        self.info = info
        panels = info.panels if info else []
        self.panels.setRowCount(len(panels))
        for row, p in enumerate(panels):
            for column, text in enumerate([p["name"], str(p["size"]), str(len(p["applications"])),
                                           "、".join(p["applications"])]):
                self.panels.setItem(row, column, QTableWidgetItem(text))
        editable = info is not None and info.state in ("draft", "opened")
        self.add.setEnabled(editable)
        if info is None:
            self.note.setText(self.tr("请先在第一步创建评审轮次。"))
        elif not editable:
            self.note.setText(self.tr("本轮已抽取专家，评审组不能再增加。"))
        else:
            self.note.setText(self.tr("共 {0} 个评审组。每组的项目应属相近学科：只有熟悉该组全部项目学科的专家才会被抽取（FIELD）。")
                              .format(len(panels)))
            self.size.setValue(RoundSettings.from_dict(info.settings).panel_size)
            self._load_applications({n for p in panels for n in p["applications"]})

    def _load_applications(self, taken: set[str]) -> None:
        place, ref = self.ctx.place, self.info.ref
        self.ctx.runner.run(lambda job: catalogue.listing(place, "applications"),
                            lambda rows: self.info is not None and self.info.ref == ref and self._fill(
                                [r for r in rows if r["number"] not in taken]),
                            lambda e: self.note.setText(errors.message(e)))

    def _fill(self, rows: list[dict]) -> None:
        self.applications.clear()
        for r in rows:
            item = QListWidgetItem(f"{r['number']}　{r['field_code']}　{r['title']}")
            item.setData(Qt.ItemDataRole.UserRole, r["number"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.applications.addItem(item)
        self._filter()

    def _filter(self) -> None:
        text = self.filter.text().strip().lower()
        for i in range(self.applications.count()):
            item = self.applications.item(i)
            item.setHidden(bool(text) and text not in item.text().lower())

    def _choose_visible(self) -> None:
        for i in range(self.applications.count()):
            item = self.applications.item(i)
            if not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[str]:
        return [self.applications.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.applications.count())
                if self.applications.item(i).checkState() == Qt.CheckState.Checked]

    def add_panel(self) -> None:
        if self.info is None:
            return
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        name, size, numbers = self.name.text().strip(), self.size.value(), self.chosen()
        self.ctx.runner.run(
            lambda job: rounds.add_panel(place, actor, ref, name=name, size=size, applications=numbers),
            lambda _panel: self._added(ref), lambda e: errors.show(self, self.tr("无法添加评审组"), e), write=True)

    def _added(self, ref) -> None:
        self.name.clear()
        self.filter.clear()
        self.ctx.touched(ROUNDS)
        self.saved.emit(ref)
