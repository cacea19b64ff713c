"""Step 5: commitment letters (EXPERT_COMMITMENT) for every drawn member, generated, signed, opened and printed.

The window generates letters through a documents service; until ``desktop.services`` offers one (the command line
builds them today with ``paneldesk letters --round N --sign``), this step lists the letters due and says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.services import draws
from desktop.services.rounds import RoundInfo
from desktop.ui import errors
from desktop.ui.context import Context


class LettersStep(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.status = QLabel()
        self.status.setObjectName("letters_status")
        self.status.setWordWrap(True)
        self.letters = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.letters)

    def set_round(self, info: RoundInfo | None) -> None:
        self.letters.clear()
        if info is None or not info.draws:
            self.status.setText(self.tr("抽取专家后，在此为每位评审专家生成承诺书。"))
            return
        place, round_id = self.ctx.place, info.id
        self.ctx.runner.run(lambda job: draws.latest_draw(place, round_id), self._show,
                            lambda e: self.status.setText(errors.message(e)))

    def _show(self, record) -> None:
        members = [(p["name"], m["name"]) for p in record.panels for m in p["members"]]
        for panel, name in members:
            self.letters.addItem(self.tr("{0}　{1}　评审专家承诺书").format(panel, name))
        self.status.setText(self.tr("待生成承诺书 {0} 份。窗口中生成、签名和打印尚待文书服务接入；"
                                    "目前请在命令行执行 paneldesk letters --round {1} --sign。")
                            .format(len(members), record.round))
