"""Step 4: the witnessed draw — a seed typed or generated, the supervisor signs in, and the panels come out with
their enterprise share against the third (ENTERPRISE_THIRD) and the reserve order for declines (NO_SUBSTITUTE).

The supervisor must be someone other than the operator (SEPARATION); the service refuses otherwise, the dialog
says so first. A redraw needs a reason and keeps the earlier draw in the record.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.services import draws
from desktop.services.draws import DrawRecord
from desktop.services.rounds import RoundInfo
from desktop.ui import errors
from desktop.ui.charts import Bar, BarChart
from desktop.ui.context import ROUNDS, Context
from desktop.ui.masking import mask_id
from desktop.ui.round_words import quota_text
from desktop.ui.shown_load import LoadsWhenShown


class WitnessDialog(QDialog):
    """The supervisor's sign-in at the draw: a name and an explicit confirmation of being present."""

    def __init__(self, operator: str, parent=None):
        super().__init__(parent)
        self.operator = operator
        self.setWindowTitle(self.tr("监督员见证签到"))
        self.name = QLineEdit()
        self.name.setObjectName("witness_name")
        self.present = QCheckBox(self.tr("本人在场监督本次抽取，并核对了随机种子"))
        self.present.setObjectName("witness_present")
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#c0392b")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("操作员：{0}。见证人须为另一人（决策、执行、监督相互分离：SEPARATION）。").format(operator)))
        form.addRow(self.tr("监督员姓名"), self.name)
        form.addRow("", self.present)
        form.addRow("", self.problem)
        form.addRow(self.buttons)

    def accept(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.problem.setText(self.tr("请填写监督员姓名"))
        elif name == self.operator.strip():
            self.problem.setText(self.tr("监督员不能由操作员本人担任"))
        elif not self.present.isChecked():
            self.problem.setText(self.tr("请监督员确认在场"))
        else:
            super().accept()


def panel_box(panel: dict) -> QGroupBox:
    ok = panel["enterprise_count"] >= panel["enterprise_required"]
    mark = "✔" if ok else "✘"
    box = QGroupBox(f"{panel['name']}　企业专家 {panel['enterprise_count']}/{len(panel['members'])}"
                    f"（至少 {panel['enterprise_required']} 人）{mark}")
    box.setStyleSheet("" if ok else "QGroupBox{color:#c0392b}")
    table = QTableWidget(len(panel["members"]), 4)
    table.setHorizontalHeaderLabels(["席位", "姓名", "身份证号", "企业专家"])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    for row, m in enumerate(panel["members"]):
        for column, text in enumerate([str(row + 1), m["name"], mask_id(m["expert"]), "是" if m["enterprise"] else ""]):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.setMinimumHeight(min(320, 30 + 27 * len(panel["members"])))
    reserve = QLabel("备选顺序（依次递补，不得自行指定）：" + ("、".join(
        f"{i + 1}.{n}" for i, n in enumerate(panel["reserve_names"])) or "（无）"))
    reserve.setWordWrap(True)
    layout = QVBoxLayout(box)
    layout.addWidget(table)
    layout.addWidget(reserve)
    return box


class DrawStep(LoadsWhenShown, QWidget):
    saved = Signal(object)  # the RoundRef of the round drawn

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.seed = QLineEdit()
        self.seed.setObjectName("seed")
        self.seed.setPlaceholderText(self.tr("现场输入随机种子，或点「生成」"))
        generate = QPushButton(self.tr("生成"))
        generate.clicked.connect(lambda: self.seed.setText(draws.new_seed()))
        self.reason = QLineEdit()
        self.reason.setObjectName("redraw_reason")
        self.reason.setPlaceholderText(self.tr("仅重新抽取时填写：理由将记入记录"))
        self.draw = QPushButton(self.tr("监督员签到并抽取…"))
        self.draw.setObjectName("draw")
        self.draw.clicked.connect(self.ask_witness)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel = QPushButton(self.tr("取消"))
        self.cancel.setObjectName("cancel_draw")
        self.cancel.setVisible(False)
        self.cancel.clicked.connect(self._cancel)
        self.job = None  # the draw under way: one at a time
        self.drawing = None  # the RoundRef of the round it draws
        self.status = QLabel()
        self.status.setObjectName("draw_status")
        self.status.setWordWrap(True)
        self.chart = BarChart(self.tr("企业专家人数（虚线：三分之一要求）"))
        self.results = QVBoxLayout()
        controls = QGroupBox(self.tr("抽取"))
        form = QFormLayout(controls)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed)
        seed_row.addWidget(generate)
        form.addRow(self.tr("随机种子"), seed_row)
        form.addRow(self.tr("重新抽取理由"), self.reason)
        run_row = QHBoxLayout()
        run_row.addWidget(self.draw, 1)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel)
        form.addRow("", run_row)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.status)
        inner.addWidget(self.chart)
        inner.addLayout(self.results)
        inner.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(controls)
        layout.addWidget(scroll, 1)

    def set_round(self, info: RoundInfo | None) -> None:
        self.info = info
        self.draw.setEnabled(self._may_draw())
        self.reason.setEnabled(bool(info and info.draws))
        self._clear()
        if info is None or not info.panels:
            self.status.setText(self.tr("设置评审组并开启轮次后才能抽取。"))
        elif info.state == "draft":
            self.status.setText(self.tr("轮次尚未开启：请先在第一步开启轮次（冻结评审方法）。"))
        elif not info.draws:
            self.status.setText(self.tr("尚未抽取。"))
        self.load_when_shown(bool(info and info.draws))

    def load(self) -> None:
        place, ref = self.ctx.place, self.info.ref
        self.ctx.runner.run(lambda job: draws.latest_draw(place, ref), lambda record: self._loaded(ref, record),
                            lambda e: self.status.setText(errors.message(e)))

    def _loaded(self, ref, record: DrawRecord | None) -> None:
        if record is not None and self.info is not None and self.info.ref == ref:
            self.show_record(record)  # dropped when another round was chosen meanwhile

    def _clear(self) -> None:
        while self.results.count():
            widget = self.results.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.chart.set_bars([])

    def ask_witness(self) -> None:
        dialog = WitnessDialog(self.ctx.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.run(dialog.name.text().strip())

    def run(self, witness: str) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        seed = self.seed.text().strip() or None
        reason = self.reason.text().strip() or None
        self._running(True)
        self.status.setText(self.tr("正在抽取…"))
        self.drawing = ref
        self.job = self.ctx.runner.run(
            lambda job: draws.draw_round(place, actor, ref, seed=seed, witness=witness, redraw_reason=reason,
                                         progress=job.report, cancelled=job.cancelled),
            lambda record: self._drawn(ref), self._failed, self._progressed, write=True)

    def _may_draw(self) -> bool:
        """The shown round can be drawn, and no draw is under way (one at a time, whichever round is shown)."""
        info = self.info
        return info is not None and info.state in ("opened", "drawn") and bool(info.panels) and self.job is None

    def _running(self, running: bool) -> None:
        self.draw.setEnabled(not running and self._may_draw())
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.cancel.setVisible(running)
        self.cancel.setEnabled(running)

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        if self.info is not None and self.info.ref == self.drawing:
            self.status.setText(self.tr("正在抽取：{0}…").format(what))

    def _cancel(self) -> None:
        """Asks the draw to stop; it rolls back at its next step, and nothing of it is saved."""
        if self.job is not None:
            self.job.cancel()
        self.cancel.setEnabled(False)
        self.status.setText(self.tr("正在取消…"))

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self._running(False)
        self.status.setText(errors.message(error))
        if not isinstance(error, draws.DrawCancelled):
            errors.show(self, self.tr("未能抽取"), error)

    def _drawn(self, ref) -> None:
        self.job = None
        self._running(False)
        self.reason.clear()
        self.ctx.touched(ROUNDS)
        self.saved.emit(ref)

    def show_record(self, record: DrawRecord | None) -> None:
        self._clear()
        if record is None:
            return
        self.seed.setText(record.seed)
        source = self.tr("现场输入") if record.seed_source == "typed" else self.tr("系统生成")
        self.status.setText(self.tr("第 {0} 次抽取　{1}　操作员 {2}，监督员 {3}\n随机种子 {4}（{5}）　专家库快照哈希 {6}…")
                            .format(record.id, record.at.replace("T", " ")[:19], record.operator, record.witness,
                                    record.seed, source, record.pool_hash[:16])
                            + (self.tr("\n重新抽取理由：{0}").format(record.reason) if record.reason else ""))
        self.chart.set_bars([Bar(p["name"], p["enterprise_count"], p["size"],
                                 quota_text(p["enterprise_count"], p["size"], p["enterprise_required"]),
                                 threshold=p["enterprise_required"]) for p in record.panels])
        for panel in record.panels:
            self.results.addWidget(panel_box(panel))
