"""Step 4: the witnessed commit–reveal draw (FAIR_DRAW) — the program's commitment is shown to the room, the
supervisor signs in and gives their own random digits, and the panels come out with the seed and the revealed secret,
their enterprise share against the round's fraction (ENTERPRISE_THIRD) and the reserve order for declines
(NO_SUBSTITUTE).

What may be drawn, who may witness (SEPARATION) and whether a panel meets its quota are the domain's answers, asked
through the services; the dialog asks them first so the supervisor hears at once, and the service asks again.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.services import accounts, draws
from desktop.services.accounts import Operator
from desktop.services.confidential import mask_id
from desktop.services.draws import Commitment, DrawRecord
from desktop.services.errors import UserError
from desktop.services.method_choices import share_words
from desktop.services.rounds import RoundInfo
from desktop.ui import errors
from desktop.ui.widgets.charts import Bar, BarChart
from desktop.ui.context import ROUNDS, Context
from desktop.ui.round.words import quota_text
from desktop.ui.service_words import said
from desktop.ui.shown_load import LoadsWhenShown
from desktop.ui.sign_in import SignInForm
from desktop.ui.tasks import InlineRunner, Runner


translate = QCoreApplication.translate
BOXES_AT_ONCE = 2  # panel boxes built per turn of the event loop: 250 at once held the window for a second, 8 for 50 ms


class WitnessDialog(QDialog):
    """The supervisor's sign-in at the draw: the commitment already shown to the room, their account and their own
    password (SEPARATION: a supervisor other than the operator), their own random digits and an explicit
    confirmation of being present. ``witness`` is the signed-in supervisor once accepted. The password is checked
    on ``runner``'s worker, like every sign-in (the draw step gives its own; by default it runs at once)."""

    def __init__(self, operator: Operator, commitment: str, parent=None, runner: Runner | InlineRunner | None = None):
        super().__init__(parent)
        self.operator = operator
        self.setWindowTitle(self.tr("监督员见证签到"))
        shown = QLabel(commitment)
        shown.setObjectName("witness_commitment")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.witness: Operator | None = None
        self.sign_in = SignInForm(operator.root, runner or InlineRunner(),
                                  check=lambda name, password: accounts.witness_sign_in(operator, name, password))
        self.sign_in.signed_in.connect(self._signed_in)
        self.name, self.password, self.problem = self.sign_in.name, self.sign_in.password, self.sign_in.problem
        self.name.setObjectName("witness_name")
        self.password.setObjectName("witness_password")
        self.digits = QLineEdit()
        self.digits.setObjectName("witness_digits")
        self.digits.setPlaceholderText(self.tr("掷骰子或用随机数器现场产生，至少6位数字"))
        self.present = QCheckBox(self.tr("本人在场监督本次抽取，承诺值已在我给出随机数之前公布"))
        self.present.setObjectName("witness_present")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("操作员：{0}。见证人须为另一人（决策、执行、监督相互分离：SEPARATION）。").format(
            operator.display_name)))
        form.addRow(self.tr("已公布的承诺值"), shown)
        form.addRow(QLabel(self.tr("监督员用本人的账户和口令签到：")))
        form.addRow(self.sign_in)
        form.addRow(self.tr("见证人随机数"), self.digits)
        form.addRow("", self.present)
        form.addRow(self.buttons)

    def accept(self) -> None:
        """The digits and the presence first, on the spot; then the supervisor's sign-in, whose success accepts."""
        try:
            draws.check_witness_digits(self.digits.text())
        except UserError as refused:
            self.problem.setText(errors.message(refused))
            return
        if not self.present.isChecked():
            self.problem.setText(self.tr("请监督员确认在场"))
            return
        self.sign_in.submit()

    def _signed_in(self, witness: Operator) -> None:
        self.witness = witness
        super().accept()

    def reject(self) -> None:
        if not self.sign_in.busy():
            super().reject()


def panel_box(panel: dict) -> QGroupBox:
    """A drawn panel: its members, its quota verdict as the domain gave it, and its reserve order, naming the
    other panels whose lists also hold a reserve (the first panel to call them takes them)."""
    ok = panel["quota_ok"]
    box = QGroupBox(translate("panel_box", "{0}　企业专家 {1}/{2}（至少 {3} 人）{4}").format(
        panel["name"], panel["enterprise_count"], len(panel["members"]), panel["enterprise_required"],
        "✔" if ok else "✘"))
    box.setToolTip(panel["quota_message"])
    box.setStyleSheet("" if ok else "QGroupBox{color:#c0392b}")
    table = QTableWidget(len(panel["members"]), 4)
    table.setHorizontalHeaderLabels([translate("panel_box", "席位"), translate("panel_box", "姓名"),
                                     translate("panel_box", "身份证号"), translate("panel_box", "企业专家")])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    for row, m in enumerate(panel["members"]):
        for column, text in enumerate([str(row + 1), m["name"], mask_id(m["expert"]),
                                       translate("panel_box", "是") if m["enterprise"] else ""]):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.setMinimumHeight(min(320, 30 + 27 * len(panel["members"])))
    names = [f"{i + 1}.{n}" + (translate("panel_box", "（亦在{0}备选）").format("、".join(shared)) if shared else "")
             for i, (n, shared) in enumerate(zip(panel["reserve_names"], panel["reserve_shared"]))]
    reserve = QLabel(translate("panel_box", "备选顺序（依次递补，不得自行指定；已被其他组递补者不再递补）：{0}").format(
        "、".join(names) or translate("panel_box", "（无）")))
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
        self.shown_draw: int | None = None  # the current draw on screen: a draw made elsewhere since refuses ours
        self.commitment = QLabel(self.tr("（尚未生成）"))
        self.commitment.setObjectName("commitment")
        self.commitment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.commit = QPushButton(self.tr("生成并公布承诺值"))
        self.commit.setObjectName("commit")
        self.commit.clicked.connect(lambda: self.make_commitment(then=None))
        self.pending: str = ""
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
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = BarChart(self.tr("企业专家人数（虚线：各组最低人数）"))
        self.results = QVBoxLayout()
        controls = QGroupBox(self.tr("抽取"))
        form = QFormLayout(controls)
        commit_row = QHBoxLayout()
        commit_row.addWidget(self.commitment, 1)
        commit_row.addWidget(self.commit)
        form.addRow(self.tr("承诺值（在见证人给出随机数之前公布）"), commit_row)
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
        self.shown_draw = None
        self._show_commitment("")
        self.draw.setEnabled(self._may_draw())
        self.commit.setEnabled(self._may_draw())
        self.reason.setEnabled(bool(info and info.draws))
        self._clear()
        if info is None or not info.panels:
            self.status.setText(self.tr("设置评审组并开启轮次后才能抽取。"))
        elif info.state == "draft":
            self.status.setText(self.tr("轮次尚未开启：请先在第一步开启轮次（冻结评审方法）。"))
        elif not info.draws:
            self.status.setText(self.tr("尚未抽取。先生成并向现场公布承诺值，再请监督员签到并给出随机数。"))
        self.load_when_shown(info is not None)

    def load(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: (draws.latest_draw(place, actor, ref),
                                         draws.pending_commitment(place, actor, ref)),
                            lambda loaded: self._loaded(ref, *loaded), lambda e: self.status.setText(errors.message(e)))

    def _loaded(self, ref, record: DrawRecord | None, pending: Commitment | None) -> None:
        if self.info is None or self.info.ref != ref:
            return  # dropped when another round was chosen meanwhile
        if record is not None:
            self.show_record(record)
        self._show_commitment(pending.commitment if pending else "")

    def _show_commitment(self, commitment: str) -> None:
        self.pending = commitment
        self.commitment.setText(commitment or self.tr("（尚未生成）"))

    def _clear(self) -> None:
        self.unbuilt: list[dict] = []  # panels whose boxes are still to come (stops the building of a draw left)
        while self.results.count():
            widget = self.results.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.chart.set_bars([])

    def make_commitment(self, then) -> None:
        """The program draws its secret and shows the commitment; ``then()`` follows once it is on screen."""
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref

        def made(commitment: Commitment) -> None:
            if self.info is not None and self.info.ref == ref:
                self._show_commitment(commitment.commitment)
                if then is not None:
                    then()

        self.ctx.runner.run(lambda job: draws.commit_draw(place, actor, ref), made,
                            lambda e: errors.show(self, self.tr("未能生成承诺值"), e), write=True)

    def ask_witness(self) -> None:
        if (self.info.draws or self.shown_draw is not None) and not self.reason.text().strip():
            refused = self.tr("本轮已抽取过专家。如确需重新抽取，请先在上方「{0}」中写明理由，再请监督员签到；"
                              "原抽取结果将保留在记录中并标为已被取代。")
            self.status.setText(refused.format(self.tr("重新抽取理由")))
            self.reason.setFocus()
            return
        if not self.pending:
            self.make_commitment(then=self.ask_witness)
            return
        dialog = WitnessDialog(self.ctx.actor, self.pending, self, self.ctx.runner)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.run(dialog.witness, dialog.digits.text())

    def run(self, witness: Operator, digits: str) -> None:
        place, actor, ref, seen = self.ctx.place, self.ctx.actor, self.info.ref, self.shown_draw
        reason = self.reason.text().strip() or None
        self._running(True)
        self.status.setText(self.tr("正在抽取…"))
        self.drawing = ref
        self.job = self.ctx.runner.run(
            lambda job: draws.draw_round(place, actor, ref, witness=witness, witness_digits=digits,
                                         redraw_reason=reason, seen=seen, progress=job.report,
                                         cancelled=job.cancelled),
            lambda record: self._drawn(ref), self._failed, self._progressed, write=True)

    def _may_draw(self) -> bool:
        """The shown round can be drawn (the domain's answer), and no draw is under way (one at a time, whichever
        round is shown)."""
        info = self.info
        return info is not None and draws.may_draw(info.state, len(info.panels)) and self.job is None

    def _running(self, running: bool) -> None:
        self.draw.setEnabled(not running and self._may_draw())
        self.commit.setEnabled(not running and self._may_draw())
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.cancel.setVisible(running)
        self.cancel.setEnabled(running)

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        if self.info is not None and self.info.ref == self.drawing:
            self.status.setText(self.tr("正在抽取：{0}…").format(said(what)))

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
        self.shown_draw = None if record.superseded else record.id
        if record.secret:
            how = self.tr("承诺值 {0}（{1} 于 {2} 生成并公布）\n见证人随机数 {3}　抽取后公布的密钥 {4}\n随机种子 {5}").format(
                record.commitment, record.committed_by, record.committed_at.replace("T", " ")[:19],
                record.witness_digits, record.secret, record.seed)
        else:
            how = self.tr("随机种子 {0}（旧版本的输入种子，不能证明无人操纵）").format(record.seed)
        self.status.setText(self.tr("第 {0} 次抽取　{1}　操作员 {2}，监督员 {3}").format(
            record.id, record.at.replace("T", " ")[:19], record.operator, record.witness)
            + "\n" + how + self.tr("\n专家库快照哈希 {0}").format(record.pool_hash)
            + (self.tr("\n重新抽取理由：{0}").format(record.reason) if record.reason else ""))
        share = Fraction(record.enterprise_fraction)
        self.chart.title = self.tr("企业专家人数（虚线：至少为组人数的{0}）").format(
            share_words(share) if self.ctx.settings.language == "zh_CN" else str(share))
        self.chart.set_bars([Bar(p["name"], p["enterprise_count"], p["size"],
                                 quota_text(p["enterprise_count"], p["size"], p["enterprise_required"]),
                                 threshold=p["enterprise_required"]) for p in record.panels])
        self.unbuilt = list(record.panels)
        self._build_boxes()

    def _build_boxes(self) -> None:
        """A few panel boxes now and the rest on later turns of the event loop, so the window stays responsive while
        a draw of 250 panels is laid out (widgets can only be made on the GUI thread)."""
        batch, self.unbuilt = self.unbuilt[:BOXES_AT_ONCE], self.unbuilt[BOXES_AT_ONCE:]
        for panel in batch:
            self.results.addWidget(panel_box(panel))
        if self.unbuilt:
            QTimer.singleShot(0, self, self._build_boxes)
