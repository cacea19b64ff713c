"""限项与资格 (RULES.md PROJECT_LIMIT, APPLICANT_INTEGRITY, LOBBIED): for the round chosen, each application that a
researcher over the limit of projects at a time, an applicant under a restricting measure, or a lobbying record
flags, with the facts, and the secretariat's decision on each flag: not admitted, or admitted with a reason.

It names people and their records, so it is offered to those who may read the conflicts; the secretariat decides.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout,
                               QTableWidgetItem, QWidget)

from desktop.services import limits, rounds
from desktop.services.confidential import masked
from desktop.ui import errors
from desktop.ui.context import POOL, ROUNDS, WORKSPACE, Context
from desktop.ui.pages.misconduct_dialogs import MISCONDUCT
from desktop.ui.widgets.read_only_table import fit_columns, read_only_table

LIMITS = "limits"  # what Context.changed names after a decision


class LimitsPage(QWidget):
    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.flags: list[tuple[dict, dict]] = []  # (application row, flag)
        self.round = QComboBox()
        self.round.setObjectName("limits_round")
        self.round.currentIndexChanged.connect(self.reload_flags)
        self.table = read_only_table([self.tr("项目编号"), self.tr("项目名称"), self.tr("规则"), self.tr("决定"),
                                      self.tr("情况")], "limit_flags")
        self.table.itemSelectionChanged.connect(self._selected)
        self.admit = QPushButton(self.tr("予以受理…"))
        self.admit.setObjectName("admit")
        self.admit.clicked.connect(lambda: self.decide(True))
        self.reject = QPushButton(self.tr("不予受理…"))
        self.reject.setObjectName("reject")
        self.reject.clicked.connect(lambda: self.decide(False))
        self.status = QLabel()
        self.status.setObjectName("limits_status")
        self.status.setWordWrap(True)
        note = QLabel(self.tr("按评审日期核查：一人同时主持或参与省级项目不超过2项，单位负责人主持不超过1项（在研项目加本轮申报，"
                              "PROJECT_LIMIT）；申报单位、负责人或成员在惩戒期内受限制申报措施（APPLICANT_INTEGRITY）；"
                              "有请托记录的项目（LOBBIED）。每项标记须记录决定：不予受理，或予以受理并写明理由。"))
        note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("评审轮次")))
        top.addWidget(self.round, 1)
        top.addWidget(self.admit)
        top.addWidget(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        ctx.changed.connect(self._changed)
        self._selected()

    def _changed(self, kind: str) -> None:
        if kind in (WORKSPACE, ROUNDS) and self.isVisible():
            self.reload()
        elif kind in (POOL, MISCONDUCT, LIMITS) and self.isVisible():
            self.reload_flags()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        op, place = self.ctx.actor, self.ctx.place
        if op is None or not op.may("conflicts.read"):
            return
        for button in (self.admit, self.reject):
            button.setVisible(op.may("round.edit"))
        self.ctx.runner.run(lambda job: rounds.list_rounds(place, op), self._show_rounds,
                            lambda e: self.status.setText(errors.message(e)))

    def _show_rounds(self, infos) -> None:
        chosen = self.round.currentData()
        self.round.blockSignals(True)
        self.round.clear()
        for info in infos:
            self.round.addItem(self.tr("{0}（评审日期 {1}）").format(info.name, info.review_date), info.id)
        self.round.blockSignals(False)
        index = self.round.findData(chosen)
        self.round.setCurrentIndex(index if index >= 0 else self.round.count() - 1)
        self.reload_flags()

    def reload_flags(self) -> None:
        op, place, round_id = self.ctx.actor, self.ctx.place, self.round.currentData()
        if op is None or round_id is None:
            self._show({"applications": [], "undecided": 0})
            return
        self.ctx.runner.run(lambda job: masked(limits.round_limits(place, op, round_id)), self._show,
                            lambda e: self.status.setText(errors.message(e)))

    def _facts(self, flag: dict) -> str:
        facts = flag["facts"]
        if flag["code"] == "PROJECT_LIMIT":
            projects = self.tr("、").join(self.tr("{0}（{1}）").format(p["number"], p["role"]) for p in facts["projects"])
            return self.tr("{0}：{1}；{2}").format(facts["name"], self.tr("；").join(facts["reasons"]), projects)
        if flag["code"] == "APPLICANT_INTEGRITY":
            return self.tr("{0} {1}：惩戒期 {2} 至 {3}，{4}").format(
                facts["role"], facts["subject_name"], facts["penalty_start"], facts["penalty_end"], facts["measures"])
        return self.tr("{0} 请托专家 {1}：{2}").format(facts["date"], facts["expert"], facts["note"])

    def _decision(self, decision: dict | None) -> str:
        if decision is None:
            return self.tr("待决定")
        if decision["admitted"]:
            return self.tr("予以受理：{0}（{1}）").format(decision["reason"], decision["decided_by"])
        return self.tr("不予受理（{0}）").format(decision["decided_by"])

    def _show(self, found: dict) -> None:
        self.flags = [(row, flag) for row in found["applications"] for flag in row["flags"]]
        self.table.setRowCount(len(self.flags))
        for r, (row, flag) in enumerate(self.flags):
            for column, text in enumerate((row["application"], row["title"], flag["code"],
                                           self._decision(flag["decision"]), self._facts(flag))):
                self.table.setItem(r, column, QTableWidgetItem(text))
        fit_columns(self.table)
        self.status.setText(self.tr("{0} 个项目有标记，{1} 项待决定").format(len(found["applications"]),
                                                                        found["undecided"]))
        self._selected()

    def current(self) -> tuple[dict, dict] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.flags[rows[0].row()] if rows and rows[0].row() < len(self.flags) else None

    def _selected(self) -> None:
        chosen = self.current()
        open_flag = chosen is not None and chosen[1]["decision"] is None
        self.admit.setEnabled(open_flag)
        self.reject.setEnabled(open_flag)

    def decide(self, admitted: bool) -> None:
        chosen = self.current()
        if chosen is None:
            return
        row, flag = chosen
        if admitted:
            reason, ok = QInputDialog.getText(self, self.tr("予以受理"), self.tr("予以受理的理由："))
        else:
            ok = QMessageBox.question(self, self.tr("不予受理"), self.tr("项目 {0} 因 {1} 不予受理？决定记录后不能改动。")
                                      .format(row["application"], flag["code"])) == QMessageBox.StandardButton.Yes
            reason = ""
        if ok:
            self.decide_with(row["application"], flag["code"], admitted, reason)

    def decide_with(self, number: str, code: str, admitted: bool, reason: str) -> None:
        op, place, round_id = self.ctx.actor, self.ctx.place, self.round.currentData()
        self.ctx.runner.run(lambda job: limits.decide_limit(place, op, round_id, number, code, admitted, reason),
                            lambda _r: self.ctx.touched(LIMITS),
                            lambda e: errors.show(self, self.tr("未能记录决定"), e), write=True)
