"""评审轮次: the rounds of the workspace on the left, the chosen one as a sequence of steps on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.services import rounds
from desktop.ui import errors
from desktop.ui.context import ROUNDS, WORKSPACE, Context
from desktop.ui.round_words import state_label
from desktop.ui.round_workspace import RoundWorkspace


class RoundsPage(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._wanted: int | None = None
        self.list = QListWidget()
        self.list.setObjectName("rounds")
        self.list.currentItemChanged.connect(self._chosen)
        new = QPushButton(self.tr("新建评审轮次"))
        new.setObjectName("new_round")
        new.clicked.connect(self.new_round)
        self.workspace = RoundWorkspace(ctx)
        self.workspace.changed.connect(self.select)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(new)
        column.addWidget(self.list)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.workspace)
        split.setStretchFactor(1, 4)
        split.setSizes([260, 1000])
        QHBoxLayout(self).addWidget(split)
        ctx.changed.connect(lambda kind: kind in (WORKSPACE, ROUNDS) and self.reload())

    def reload(self) -> None:
        if self.ctx.place is None:
            return
        place = self.ctx.place
        self.ctx.runner.run(lambda job: rounds.list_rounds(place), self._fill,
                            lambda e: errors.show(self, self.tr("无法读取评审轮次"), e))

    def _fill(self, infos) -> None:
        current = self._wanted if self._wanted is not None else (
            self.workspace.info.id if self.workspace.info else None)
        self.list.blockSignals(True)
        self.list.clear()
        for info in infos:
            item = QListWidgetItem(f"{info.name}\n{info.review_date}　{state_label(info.state)}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
            if info.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if current is None and infos:
            self.list.setCurrentRow(len(infos) - 1)
        elif current is not None and self._wanted is not None:
            self._wanted = None
            self.workspace.load(current)

    def select(self, round_id: int) -> None:
        """Show round ``round_id`` (after the list has caught up, when it was just created)."""
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == round_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(i)
                self.list.blockSignals(False)
                if self.workspace.info is None or self.workspace.info.id != round_id:
                    self.workspace.load(round_id)
                return
        self._wanted = round_id
        self.reload()

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.workspace.load(item.data(Qt.ItemDataRole.UserRole))

    def new_round(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.workspace.show_round(None)
