"""Step 7: panel confirmation (ENTERPRISE_THIRD as it will sit) — each panel with its seats accepted and its quota on
the current data; a panel is confirmed when every seat accepted, and below quota only when a supervisor signs in
with their own account and writes why. What is still missing is said per panel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.services import calls, confirmation
from desktop.services.errors import RuleError
from desktop.services.rounds import RoundInfo, RoundRef
from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.round.supervisor import SupervisorDialog
from desktop.ui.shown_load import LoadsWhenShown
from desktop.ui.widgets.text_table import TextTable


class ConfirmationStep(LoadsWhenShown, QWidget):
    saved = Signal(object)

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.panels: list[dict] = []
        self.summary = QLabel()
        self.summary.setObjectName("confirm_summary")
        self.summary.setWordWrap(True)
        self.table = TextTable([self.tr("评审组"), self.tr("已接受"), self.tr("企业专家"), self.tr("状态"),
                                self.tr("还缺什么")], "confirm_table")
        self.confirm = QPushButton(self.tr("确认所选评审组"))
        self.confirm.setObjectName("confirm_panel")
        self.confirm.clicked.connect(self.confirm_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.confirm)

    def set_round(self, info: RoundInfo | None) -> None:
        self.info = info
        self.table.set_rows([])
        drawn = bool(info and info.draws)
        self.confirm.setEnabled(drawn)
        self.summary.setText(self.tr("电话确认后在这里确认评审组。") if not drawn else self.tr("正在读取…"))
        self.load_when_shown(drawn)

    def load(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: (confirmation.confirmations(place, actor, ref),
                                         calls.list_calls(place, actor, ref)),
                            lambda loaded: self._loaded(ref, *loaded), lambda e: self.summary.setText(errors.message(e)))

    def _loaded(self, ref: RoundRef, panels: list[dict], rows: list) -> None:
        if self.info is None or self.info.ref != ref:
            return
        held: dict[tuple[str, int], object] = {}
        for row in rows:
            held[(row.panel, row.seat)] = row
        seated: dict[str, list] = {}
        for (name, _), row in held.items():
            seated.setdefault(name, []).append(row)
        self.panels = panels
        confirmed, cells = 0, []
        for panel in panels:
            seats = seated.get(panel["panel"], [])
            accepted = sum(r.status == "accepted" for r in seats)
            made = panel["confirmation"]
            if made is not None:
                confirmed += 1
                state = self.tr("已确认（{0}）").format(made["confirmed_by"])
                if made["override_reason"]:
                    state += self.tr("，低于比例经监督员 {0} 同意").format(made["override_by"])
                missing = ""
            else:
                state = self.tr("未确认")
                waiting = [r.name for r in seats if r.status != "accepted"]
                missing = self.tr("待接受：{0}").format("、".join(waiting)) if waiting else self.tr("可以确认")
            enterprise = made["enterprise_count"] if made else sum(r.enterprise for r in seats)
            cells.append((panel["panel"], f"{accepted}/{panel['size']}", str(enterprise),
                          (state, "#1e8449" if made else "#a04000"), missing))
        self.table.set_rows(cells)
        self.summary.setText(self.tr("{0} 个评审组中已确认 {1} 个。").format(len(panels), confirmed)
                             + (self.tr("全部确认后轮次进入「已确认」。") if confirmed < len(panels) else ""))

    def confirm_selected(self) -> None:
        index = self.table.current_row()
        if not 0 <= index < len(self.panels):
            QMessageBox.information(self, self.tr("确认评审组"), self.tr("请先在表中选择一个评审组"))
            return
        self.confirm_panel(self.panels[index]["panel"])

    def confirm_panel(self, name: str, override_reason: str = "", supervisor=None) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: confirmation.confirm_panel(place, actor, ref, name,
                                                                   override_reason=override_reason,
                                                                   supervisor=supervisor),
                            lambda done: self._confirmed(ref), lambda e: self._refused(name, e), write=True)

    def _confirmed(self, ref: RoundRef) -> None:
        self.ctx.touched("rounds")
        self.saved.emit(ref)

    def _refused(self, name: str, error: BaseException) -> None:
        if isinstance(error, RuleError) and error.code == "ENTERPRISE_THIRD":
            dialog = SupervisorDialog(self.ctx.actor, errors.message(error), ask_reason=True, parent=self,
                                      runner=self.ctx.runner)
            self.dialog = dialog
            if dialog.exec() and dialog.supervisor is not None:
                self.confirm_panel(name, dialog.reason.toPlainText(), dialog.supervisor)
            return
        errors.show(self, self.tr("评审组未确认"), error)
