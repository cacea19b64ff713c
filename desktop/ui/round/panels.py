"""Step 2: the panels (评审组) of the round, each a size and a set of applications, usually one field each.

Until the draw a panel can be corrected (CORRECTIONS): choose it in the table and its name, size and applications
fill the form, to be saved or the panel removed. Applications are picked by field code (a typed 520 offers the
applications whose field code starts with 520, never project numbers that happen to contain it); those already in
another panel of this round are not offered, and the service refuses them anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.services import catalogue, rounds
from desktop.services.method_choices import RoundSettings
from desktop.services.rounds import RoundInfo
from desktop.ui import errors
from desktop.ui.context import ROUNDS, Context

NUMBER = Qt.ItemDataRole.UserRole
FIELD = Qt.ItemDataRole.UserRole + 1
TITLE = Qt.ItemDataRole.UserRole + 2


def offered(filter_text: str, field_code: str, title: str, number: str) -> bool:
    """Whether an application is offered for ``filter_text``: digits are a field code (its prefix), other text a
    word of the title; a whole project number finds that application."""
    text = filter_text.strip()
    if not text:
        return True
    if text.isdigit():
        return field_code.startswith(text)
    return text.lower() in title.lower() or text.upper() == number.upper()


class PanelsStep(QWidget):
    saved = Signal(object)  # the RoundRef of the round whose panels changed

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.editing: dict | None = None  # the panel chosen for correction, None when a new one is being made
        self.panels = QTableWidget(0, 4)
        self.panels.setObjectName("panels")
        self.panels.setHorizontalHeaderLabels([self.tr("评审组"), self.tr("人数"), self.tr("项目数"), self.tr("项目编号")])
        self.panels.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.panels.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.panels.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.panels.verticalHeader().setVisible(False)
        self.panels.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.panels.currentCellChanged.connect(lambda row, *_: self.choose(row))
        self.name = QLineEdit()
        self.name.setObjectName("panel_name")
        self.size = QSpinBox()
        self.size.setRange(1, 99)
        self.size.setValue(7)
        self.filter = QLineEdit()
        self.filter.setObjectName("panel_filter")
        self.filter.setPlaceholderText(self.tr("按学科代码筛选（如 520），或输入项目名称中的词"))
        self.filter.textChanged.connect(self._filter)
        self.choose_all = QPushButton(self.tr("全选筛选结果"))
        self.choose_all.clicked.connect(self._choose_visible)
        self.applications = QListWidget()
        self.applications.setObjectName("panel_applications")
        self.add = QPushButton(self.tr("添加评审组"))
        self.add.setObjectName("add_panel")
        self.add.clicked.connect(self.add_panel)
        self.save = QPushButton(self.tr("保存修改"))
        self.save.setObjectName("save_panel")
        self.save.clicked.connect(self.save_panel)
        self.remove = QPushButton(self.tr("删除评审组…"))
        self.remove.setObjectName("remove_panel")
        self.remove.clicked.connect(self.ask_remove)
        self.new = QPushButton(self.tr("新建"))
        self.new.clicked.connect(lambda: self.panels.setCurrentCell(-1, -1))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form_box = QGroupBox(self.tr("新增评审组"))
        form = QFormLayout(self.form_box)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("人数"), self.size)
        picker = QHBoxLayout()
        picker.addWidget(self.filter)
        picker.addWidget(self.choose_all)
        form.addRow(self.tr("项目"), picker)
        form.addRow("", self.applications)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new)
        buttons.addWidget(self.remove)
        buttons.addStretch()
        buttons.addWidget(self.save)
        buttons.addWidget(self.add)
        form.addRow("", buttons)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.note)
        left.addWidget(self.panels)
        layout.addLayout(left, 3)
        layout.addWidget(self.form_box, 2)
        self._rows: list[dict] = []

    def _editable(self) -> bool:
        return self.info is not None and self.info.state in ("draft", "opened")

    def set_round(self, info: RoundInfo | None) -> None:
        self.info = info
        panels = info.panels if info else []
        self.panels.blockSignals(True)
        self.panels.setRowCount(len(panels))
        for row, p in enumerate(panels):
            for column, text in enumerate([p["name"], str(p["size"]), str(len(p["applications"])),
                                           "、".join(p["applications"])]):
                self.panels.setItem(row, column, QTableWidgetItem(text))
        self.panels.setCurrentCell(-1, -1)
        self.panels.blockSignals(False)
        self._rows = []
        self.choose(-1)
        if info is None:
            self.note.setText(self.tr("请先在第一步创建评审轮次。"))
        elif not self._editable():
            self.note.setText(self.tr("本轮已抽取专家：评审组是抽取的依据，不能再修改。"))
        else:
            self.note.setText(self.tr("共 {0} 个评审组。每组的项目应属相近学科：只有熟悉该组全部项目学科的专家才会被抽取（FIELD）。"
                                      "在表中选中一组可修改或删除（抽取前）。").format(len(panels)))
            self._load_applications()

    def choose(self, row: int) -> None:
        """Row ``row`` of the panels into the form for correction; -1 for a new panel."""
        panels = self.info.panels if self.info else []
        self.editing = panels[row] if 0 <= row < len(panels) else None
        editable = self._editable()
        self.form_box.setTitle(self.tr("修改评审组「{0}」").format(self.editing["name"]) if self.editing
                               else self.tr("新增评审组"))
        self.add.setVisible(self.editing is None)
        self.add.setEnabled(editable)
        for button in (self.save, self.remove, self.new):
            button.setVisible(self.editing is not None)
            button.setEnabled(editable)
        if self.editing is not None:
            self.name.setText(self.editing["name"])
            self.size.setValue(self.editing["size"])
        else:
            self.name.clear()
            if self.info is not None:
                self.size.setValue(RoundSettings.from_dict(self.info.settings).panel_size)
        self._fill()

    def _load_applications(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: catalogue.listing(place, actor, "applications"),
                            lambda rows: self._read(ref, rows), lambda e: self.note.setText(errors.message(e)))

    def _read(self, ref, rows: list[dict]) -> None:
        if self.info is not None and self.info.ref == ref:
            self._rows = rows
            self._fill()

    def _fill(self) -> None:
        """The applications the chosen panel may hold: its own (ticked) and those in no panel of the round."""
        own = set(self.editing["applications"]) if self.editing else set()
        taken = {n for p in (self.info.panels if self.info else []) for n in p["applications"]} - own
        self.applications.clear()
        for r in self._rows:
            if r["number"] in taken:
                continue
            item = QListWidgetItem(f"{r['number']}　{r['field_code']}　{r['title']}")
            item.setData(NUMBER, r["number"])
            item.setData(FIELD, r["field_code"])
            item.setData(TITLE, r["title"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if r["number"] in own else Qt.CheckState.Unchecked)
            self.applications.addItem(item)
        self._filter()

    def _filter(self) -> None:
        text = self.filter.text()
        for i in range(self.applications.count()):
            item = self.applications.item(i)
            item.setHidden(not offered(text, item.data(FIELD), item.data(TITLE), item.data(NUMBER)))

    def _choose_visible(self) -> None:
        for i in range(self.applications.count()):
            item = self.applications.item(i)
            if not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[str]:
        return [self.applications.item(i).data(NUMBER) for i in range(self.applications.count())
                if self.applications.item(i).checkState() == Qt.CheckState.Checked]

    def add_panel(self) -> None:
        if self.info is None:
            return
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        name, size, numbers = self.name.text().strip(), self.size.value(), self.chosen()
        self.ctx.runner.run(
            lambda job: rounds.add_panel(place, actor, ref, name=name, size=size, applications=numbers),
            lambda _panel: self._changed(ref), lambda e: errors.show(self, self.tr("无法添加评审组"), e), write=True)

    def save_panel(self) -> None:
        if self.info is None or self.editing is None:
            return
        place, actor, ref, panel_id = self.ctx.place, self.ctx.actor, self.info.ref, self.editing["id"]
        name, size, numbers = self.name.text(), self.size.value(), self.chosen()
        self.ctx.runner.run(
            lambda job: rounds.edit_panel(place, actor, ref, panel_id, name=name, size=size, applications=numbers),
            lambda _panel: self._changed(ref), lambda e: errors.show(self, self.tr("无法修改评审组"), e), write=True)

    def ask_remove(self) -> None:
        if self.editing is None:
            return
        answer = QMessageBox.question(self, self.tr("删除评审组"), self.tr(
            "删除评审组「{0}」？其项目可再编入其他评审组；删除记入审计日志。").format(self.editing["name"]))
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_now()

    def remove_now(self) -> None:
        place, actor, ref, panel_id = self.ctx.place, self.ctx.actor, self.info.ref, self.editing["id"]
        self.ctx.runner.run(lambda job: rounds.remove_panel(place, actor, ref, panel_id),
                            lambda _none: self._changed(ref),
                            lambda e: errors.show(self, self.tr("无法删除评审组"), e), write=True)

    def _changed(self, ref) -> None:
        self.filter.clear()
        self.ctx.touched(ROUNDS)
        self.saved.emit(ref)
