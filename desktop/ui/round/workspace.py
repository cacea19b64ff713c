"""One round as a guided sequence of steps, with a step bar that shows where the round stands.

Each step shows the round as the services report it and refreshes the round after it changes something, so
the bar, the frozen method and the draw all follow from one ``RoundInfo``. The round is held by its ``RoundRef``
(workspace and id): a round read from a workspace that is no longer open is never shown, and every step starts
empty when another workspace is opened.

A step is made when it is first shown (or asked for): the calls step brings QtMultimedia and the letters step
QtPdf, and a round opens on one step, so neither the window's start nor opening a round waits for the other eleven.
Steps once made follow every round shown, as before.
"""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from desktop.services import rounds
from desktop.services.rounds import RoundInfo, RoundRef
from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.round.words import CALL_STATUSES, state_label, translate

METHOD, PANELS, CONFLICTS, DRAW, LETTERS, CALLS, CONFIRMATION, COMMITMENTS, SCORES, RESULTS, PUBLICITY, AFTER = range(12)
STEPS = (  # (module, class) of each step, in the bar's order
    ("desktop.ui.round.method", "MethodStep"), ("desktop.ui.round.panels", "PanelsStep"),
    ("desktop.ui.round.conflicts", "ConflictsStep"), ("desktop.ui.round.draw", "DrawStep"),
    ("desktop.ui.round.letters", "LettersStep"), ("desktop.ui.round.calls", "CallsStep"),
    ("desktop.ui.round.confirmation", "ConfirmationStep"), ("desktop.ui.round.commitments", "CommitmentsStep"),
    ("desktop.ui.round.scores", "ScoresStep"), ("desktop.ui.round.results", "ResultsStep"),
    ("desktop.ui.round.publicity", "PublicityStep"), ("desktop.ui.round.after_review", "AfterReviewStep"))
CONFIRMED = ("confirmed", "scoring", "results", "closed")  # every panel confirmed: every seat accepted
SEATS_NAMED = 20  # in the calls step's tip: the seats still without an answer it names


def done_steps(info: RoundInfo | None, conflicts_computed: bool = False) -> set[int]:
    """The steps ticked: conflicts only once they were computed (in the step, or by a draw, which records them); the
    calls once every seat has an accepting expert (``RoundInfo.unanswered`` empty), before the panels are confirmed."""
    if info is None:
        return set()
    done = set() if info.state == "draft" else {METHOD}
    if info.panels:
        done.add(PANELS)
    if info.draws or (info.panels and conflicts_computed):
        done.add(CONFLICTS)
    if info.draws:
        done.add(DRAW)
    if info.draws and not info.unanswered or info.state in CONFIRMED:
        done.add(CALLS)  # every seat answered: a withdrawal after confirmation unticks it until the seat is answered
    if info.state in CONFIRMED:
        done.add(CONFIRMATION)
    if info.state in ("results", "closed"):  # results need every seated member's commitment and attendance first
        done |= {COMMITMENTS, SCORES, RESULTS}
    if info.state == "closed":
        done |= {PUBLICITY, AFTER}
    return done


def next_step(info: RoundInfo | None) -> int:
    """Where a round opens: the step its state calls for next."""
    state = None if info is None else info.state
    if state == "closed":
        return AFTER
    if state == "results":
        return RESULTS
    if state in ("confirmed", "scoring"):
        return SCORES  # the scores step says what is missing first (commitments, attendance)
    if state == "drawn":
        return CALLS
    done = done_steps(info)
    return next((step for step in range(DRAW + 1) if step not in done), DRAW)


def _step(index: int) -> property:
    return property(lambda self: self.step(index))


class RoundWorkspace(QWidget):
    changed = Signal(object)  # the RoundRef of a round created or changed: the list of rounds should follow

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.title = QLabel()
        self.title.setObjectName("round_title")
        self.title.setStyleSheet("font-size:14pt;font-weight:bold")
        self._made: dict[int, QWidget] = {}
        self._at = METHOD  # the step chosen; made and shown once this workspace is on screen
        self._preloaded = False
        titles = [self.tr("创建与评审方法"), self.tr("评审组"), self.tr("回避关系"), self.tr("抽取专家"), self.tr("承诺书"),
                  self.tr("电话确认"), self.tr("确认评审组"), self.tr("承诺与出席"), self.tr("评分"), self.tr("结果与审批"),
                  self.tr("公示与异议"), self.tr("反馈与结束")]
        self.stack = QStackedWidget()
        self.buttons = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.titles = titles
        for index, title in enumerate(titles):
            button = QPushButton(title)
            button.setCheckable(True)
            button.setMinimumHeight(34)
            button.setStyleSheet("padding:0 2px")  # twelve steps side by side in a 1366-pixel window
            self.buttons.addButton(button, index)
            bar.addWidget(button)
            self.stack.addWidget(QWidget())  # stands in for the step until it is first shown
        self.buttons.idClicked.connect(self._go_to)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.show_round(None)

    method, panels, conflicts, draw, letters = _step(METHOD), _step(PANELS), _step(CONFLICTS), _step(DRAW), _step(LETTERS)
    calls, confirmation, commitments = _step(CALLS), _step(CONFIRMATION), _step(COMMITMENTS)
    scores, results, publicity, after = _step(SCORES), _step(RESULTS), _step(PUBLICITY), _step(AFTER)

    def step(self, index: int) -> QWidget:
        """The step at ``index``, made (and given the round shown) the first time it is wanted."""
        if index not in self._made:
            module, name = STEPS[index]
            step = self._made[index] = getattr(import_module(module), name)(self.ctx)
            if hasattr(step, "saved"):
                step.saved.connect(self.load)
            if index == METHOD:
                step.deleted.connect(lambda: self.show_round(None))
            if index == CONFLICTS:
                step.computed.connect(self._tick)
            current = self.stack.currentIndex()
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, step)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.stack.setCurrentIndex(current)
            step.set_round(self.info)
        return self._made[index]

    def preload(self) -> None:
        """Load every step's code in a worker (once), so that showing a step for the first time only builds it on
        the GUI thread: importing the calls step and the services it uses took a hundred milliseconds there."""
        if not self._preloaded:
            self._preloaded = True
            self.ctx.runner.run(lambda job: [import_module(module) for module, _ in STEPS], lambda _done: None,
                                lambda e: errors.show(self, self.tr("无法载入评审轮次的步骤"), e))

    def _go_to(self, index: int) -> None:
        self._at = index
        if self.isVisible():
            self.stack.setCurrentWidget(self.step(index))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._go_to(self._at)

    def load(self, ref: RoundRef) -> None:
        place = self.ctx.place
        if ref.workspace != place:
            return  # a step finished work for the workspace open before: nothing of it is shown here
        actor = self.ctx.actor
        self.ctx.runner.run(lambda job: rounds.show_round(place, actor, ref), self._loaded,
                            lambda e: errors.show(self, self.tr("无法读取评审轮次"), e))

    def _loaded(self, info: RoundInfo) -> None:
        if info.ref.workspace != self.ctx.place:
            return  # read before another workspace was opened
        created = self.info is None
        self.show_round(info, keep_step=not created)
        self.changed.emit(info.ref)

    def show_round(self, info: RoundInfo | None, keep_step: bool = False) -> None:
        self.info = info
        self.title.setText(self.tr("新建评审轮次") if info is None else
                           self.tr("{0}　·　{1}　·　{2}").format(info.name, info.review_date, state_label(info.state)))
        for step in self._made.values():
            step.set_round(info)
        self._tick()
        for index, button in enumerate(self.buttons.buttons()):
            button.setEnabled(info is not None or index == METHOD)
        index = self._at if keep_step else next_step(info)
        self.buttons.button(index).setChecked(True)
        self._go_to(index)

    def _tick(self) -> None:
        conflicts = self._made.get(CONFLICTS)
        done = done_steps(self.info, conflicts is not None and conflicts.conflicts is not None)
        for index, button in enumerate(self.buttons.buttons()):
            button.setText(("✔ " if index in done else f"{index + 1}. ") + self.titles[index])
        self.buttons.button(CALLS).setToolTip(self.waiting_text())

    def waiting_text(self) -> str:
        """What the calls still lack before the panels can be confirmed: how many seats lack an acceptance, the first
        few named (a fresh 250-panel draw has 1,750: naming them all took a tenth of the time showing a step may)."""
        unanswered = self.info.unanswered if self.info is not None and self.info.draws else ()
        if not unanswered:
            return ""
        seats = [self.tr("{0} {1}（{2}）").format(s["panel"], s["name"], translate("CallsStep", CALL_STATUSES[s["status"]]))
                 for s in unanswered[:SEATS_NAMED]]
        return self.tr("尚未答复的座位 {0} 个：{1}").format(
            len(unanswered), self.tr("、").join(seats) + ("…" if len(unanswered) > SEATS_NAMED else ""))
