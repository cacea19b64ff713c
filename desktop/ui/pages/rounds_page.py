"""评审轮次: the rounds of the workspace on the left, the chosen one as a sequence of steps on the right.

Rounds are held by their ``RoundRef``: opening another workspace empties the list and the steps before the new
workspace's rounds are read, so no step can go on showing (and acting on) a round of the workspace open before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.services import rounds
from desktop.services.rounds import RoundRef
from desktop.ui import errors
from desktop.ui.context import ROUNDS, WORKSPACE, Context
from desktop.ui.round.words import state_label
from desktop.ui.round.workspace import RoundWorkspace


class RoundsPage(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._wanted: RoundRef | None = None
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
        ctx.changed.connect(self._changed)

    def _changed(self, kind: str) -> None:
        if kind == WORKSPACE:
            self._wanted = None
            self.list.clear()
            self.workspace.show_round(None)
        if kind in (WORKSPACE, ROUNDS):
            self.reload()

    def reload(self) -> None:
        if self.ctx.place is None or not self.ctx.actor.may("rounds.read"):
            return  # an administrator's window has no rounds (the service would refuse them)
        place, actor = self.ctx.place, self.ctx.actor
        self.ctx.runner.run(lambda job: rounds.list_rounds(place, actor), lambda infos: self._fill(place, infos),
                            lambda e: errors.show(self, self.tr("无法读取评审轮次"), e))

    def _fill(self, place, infos) -> None:
        if place != self.ctx.place:
            return  # the list of the workspace open before
        current = self._wanted if self._wanted is not None else (
            self.workspace.info.ref if self.workspace.info else None)
        self.list.blockSignals(True)
        self.list.clear()
        for info in infos:
            item = QListWidgetItem(f"{info.name}\n{info.review_date}　{state_label(info.state)}")
            item.setData(Qt.ItemDataRole.UserRole, info.ref)
            self.list.addItem(item)
            if info.ref == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if current is None and infos:
            self.list.setCurrentRow(len(infos) - 1)
        elif current is not None and self._wanted is not None:
            self._wanted = None
            self.workspace.load(current)

    def select(self, ref: RoundRef) -> None:
        """Show round ``ref`` (after the list has caught up, when it was just created)."""
        if ref.workspace != self.ctx.place:
            return
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == ref:
                self.list.blockSignals(True)
                self.list.setCurrentRow(i)
                self.list.blockSignals(False)
                if self.workspace.info is None or self.workspace.info.ref != ref:
                    self.workspace.load(ref)
                return
        self._wanted = ref
        self.reload()

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.workspace.load(item.data(Qt.ItemDataRole.UserRole))

    def new_round(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.workspace.show_round(None)
