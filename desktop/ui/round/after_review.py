"""Step 12: after the approved results — the opinions an outcome notice cannot print as they are (a member's name, an
organisation, an ID or phone number), corrected here with the original kept; the outcome notices, one per
application, made and signed as a batch with progress and Cancel; each expert's conduct, prefilled from attendance
and the invitations, recorded as shown or edited (codes, an optional rating out of 100); and closing the round once
publicity, objections and conduct are done, what is missing said (FEEDBACK, EXPERT_CONDUCT)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services import conduct, feedback
from desktop.services.rounds import RoundInfo, RoundRef
from desktop.ui import errors
from desktop.ui.context import ROUNDS, Context
from desktop.ui.round.conduct_dialog import CONDUCTS, ConductDialog
from desktop.ui.shown_load import LoadsWhenShown
from desktop.ui.widgets.read_only_table import fill_rows, fit_columns, read_only_table
from desktop.ui.widgets.signed_batch import SignedBatch


MATCHES = {  # what an opinion may name (desktop.domain.feedback)
    "专家姓名": QT_TRANSLATE_NOOP("AfterReviewStep", "专家姓名"), "工作单位": QT_TRANSLATE_NOOP("AfterReviewStep", "工作单位"),
    "身份证号": QT_TRANSLATE_NOOP("AfterReviewStep", "身份证号"), "电话号码": QT_TRANSLATE_NOOP("AfterReviewStep", "电话号码")}

class AfterReviewStep(LoadsWhenShown, QWidget):
    saved = Signal(object)

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.blocked: list[feedback.Opinion] = []
        self.experts: list[dict] = []
        self.summary = QLabel()
        self.summary.setObjectName("after_summary")
        self.summary.setWordWrap(True)
        self.opinions = read_only_table([self.tr("项目"), self.tr("意见"), self.tr("不能发给申报单位的内容")], "after_opinions")
        self.correct = QPushButton(self.tr("修改所选意见…"))
        self.correct.setObjectName("after_correct")
        self.correct.clicked.connect(self.correct_selected)
        self.conduct = read_only_table([self.tr("专家"), self.tr("评审行为"), self.tr("评价分"),
                                                self.tr("登记")], "after_conduct")
        self.record = QPushButton(self.tr("按所示登记所选专家的评审行为"))
        self.record.setObjectName("after_record")
        self.record.clicked.connect(self.record_selected)
        self.edit = QPushButton(self.tr("修改所选专家的评审行为…"))
        self.edit.setObjectName("after_edit_conduct")
        self.edit.clicked.connect(self.edit_selected)
        self.notices = SignedBatch(ctx, "outcome_notices")
        self.close_round = QPushButton(self.tr("关闭评审轮次"))
        self.close_round.setObjectName("after_close")
        self.close_round.clicked.connect(self.close_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record)
        buttons.addWidget(self.edit)
        buttons.addStretch(1)
        buttons.addWidget(self.close_round)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("需要修改的专家意见（结果通知书生成前）")))
        layout.addWidget(self.opinions, 1)
        layout.addWidget(self.correct)
        layout.addWidget(QLabel(self.tr("结果通知书（每个项目一份，意见匿名，附申诉期限）")))
        layout.addWidget(self.notices)
        layout.addWidget(QLabel(self.tr("专家评审行为（评审后2个工作日内登记）")))
        layout.addWidget(self.conduct, 2)
        layout.addLayout(buttons)
        ctx.changed.connect(lambda kind: kind == ROUNDS and self.info is not None and self.load_when_shown(
            self.info.state in ("results", "closed")))

    def set_round(self, info: RoundInfo | None) -> None:
        self.info = info
        ready = bool(info and info.state in ("results", "closed"))
        for widget in (self.correct, self.record, self.edit, self.close_round):
            widget.setEnabled(ready and info.state != "closed")
        if ready and info.state != "closed":
            place, actor, ref = self.ctx.place, self.ctx.actor, info.ref
            self.notices.set_make(lambda out, sign, cancel, progress, password: feedback.generate_outcome_notices(
                place, actor, ref, out, sign=sign, progress=progress, cancel=cancel, password=password),
                place / "out" / f"round-{ref.id}" / "notices")
        else:
            self.notices.set_make(None)
        self.notices.setVisible(self.ctx.actor is not None and self.ctx.actor.may("letters"))
        self.summary.setText(self.tr("评审结果审批后，在这里修改意见、登记专家评审行为并关闭轮次。") if not ready
                             else self.tr("正在读取…"))
        self.load_when_shown(ready)

    def load(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: ([o for o in feedback.opinions(place, actor, ref) if o.matches],
                                         conduct.conduct_sheet(place, actor, ref),
                                         conduct.closing_status(place, actor, ref)),
                            lambda loaded: self._loaded(ref, *loaded), lambda e: self.summary.setText(errors.message(e)))

    def _conduct_words(self, codes: list[str]) -> str:
        return self.tr("、").join(QCoreApplication.translate("ConductDialog", CONDUCTS[code]) for code in codes)

    def _missing(self, closing: dict | None) -> list[str]:
        """What stands before closing, in the window's words (the services give the facts)."""
        if closing is None:
            return []
        missing = [] if closing["publicity_final"] else [self.tr("公示名单尚未确认（公示期满且异议均已答复后确认）")]
        if closing["unanswered"]:
            missing.append(self.tr("还有{0}条异议未答复").format(closing["unanswered"]))
        if closing["without_conduct"]:
            missing.append(self.tr("还有{0}位专家未登记评审行为：{1}").format(
                len(closing["without_conduct"]), self.tr("、").join(closing["without_conduct"])))
        return missing

    def _loaded(self, ref: RoundRef, blocked: list, sheet: dict, closing: dict | None) -> None:
        if self.info is None or self.info.ref != ref:
            return
        self.blocked, self.experts = blocked, sheet["experts"]
        missing = self._missing(closing)
        fill_rows(self.opinions, [[o.application, o.text, self.tr("、").join(
            self.tr("{0}“{1}”").format(QCoreApplication.translate("AfterReviewStep", MATCHES[m.kind]), m.text)
            for m in o.matches)] for o in blocked])
        fill_rows(self.conduct, [[e["name"], self._conduct_words(e["conduct"]),
                                  "" if e["rating"] is None else str(e["rating"]),
                                  self.tr("已登记") if e["recorded"] else self.tr("未登记（预填）")] for e in self.experts])
        fit_columns(self.conduct)
        if self.info.state == "closed":
            self.summary.setText(self.tr("本轮已关闭，只能查看。"))
        elif missing:
            self.summary.setText(self.tr("关闭前还需：{0}").format(self.tr("；").join(missing)))
        else:
            self.summary.setText(self.tr("公示、异议和专家评审行为均已完成，可以关闭本轮。"))
        self.close_round.setEnabled(self.info.state != "closed" and not missing)

    def _act(self, work, title: str) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: work(place, actor, ref), lambda _: self.saved.emit(ref),
                            lambda e: errors.show(self, title, e))

    def correct_selected(self) -> None:
        row = self.opinions.currentRow()
        if not 0 <= row < len(self.blocked):
            return
        opinion = self.blocked[row]
        text, ok = QInputDialog.getText(self, self.tr("修改专家意见"),
                                        self.tr("删去可识别专家的内容后的意见（原文保留在记录中）："), text=opinion.text)
        if ok:
            self._act(lambda place, actor, ref: feedback.correct_opinion(
                place, actor, ref, opinion.expert, opinion.application, text), self.tr("无法修改意见"))

    def record_selected(self) -> None:
        row = self.conduct.currentRow()
        if not 0 <= row < len(self.experts):
            return
        expert = self.experts[row]
        self._act(lambda place, actor, ref: conduct.record_conduct(
            place, actor, ref, expert["expert"], expert["conduct"], expert["rating"], expert["note"]),
            self.tr("无法登记评审行为"))

    def edit_selected(self) -> None:
        row = self.conduct.currentRow()
        if 0 <= row < len(self.experts):
            ConductDialog(self.ctx, self.info.ref, self.experts[row], self).open()

    def close_selected(self) -> None:
        self._act(conduct.close_round, self.tr("无法关闭评审轮次"))
