"""Step 7: results and approval. The results of every panel as the scores give them now (aggregate, rank with the
tie rule, recommendation), what still stands before they can be proposed, the non-consensus list with every score
and the panel's decision, each panel's agreement (Krippendorff's alpha) and a chart of its scores with flagged
applications marked, the post-review certifications, and the proposal and approval of the results.

Which buttons act depends on the signed-in account's roles (the services refuse the rest anyway): a secretary
records certifications and decisions and proposes; a supervisor records why a certification is missing; an approver
who entered no score and ran no draw approves.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QTabWidget,
                               QVBoxLayout, QWidget)

from desktop.services import results
from desktop.services.results import RoundResults
from desktop.services.rounds import RoundInfo
from desktop.ui import errors
from desktop.ui.charts import Strip, StripChart
from desktop.ui.context import ROUNDS, Context
from desktop.ui.shown_load import LoadsWhenShown
from desktop.ui.widgets.read_only_table import fill_rows, read_only_table

READY = ("scoring", "results")


class ResultsStep(LoadsWhenShown, QWidget):
    saved = Signal(object)

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.found: RoundResults | None = None
        self.status = QLabel()
        self.status.setObjectName("results_status")
        self.status.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setObjectName("results_missing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color:#c0392b")
        self.table = read_only_table([self.tr("评审组"), self.tr("名次"), self.tr("项目"), self.tr("汇总结果"),
                                              self.tr("推荐"), self.tr("非共识"), self.tr("各专家评分")], "results_table")
        self.agreement = QLabel()
        self.agreement.setObjectName("results_agreement")
        self.agreement.setWordWrap(True)

        self.flagged = read_only_table([self.tr("评审组"), self.tr("项目"), self.tr("原因"),
                                                      self.tr("各专家评分"), self.tr("评审组决定")], "non_consensus_table")
        self.decision = QComboBox()
        self.decision.setObjectName("non_consensus_decision")
        self.decision_words = {"recommend": self.tr("推荐"), "not_recommend": self.tr("不推荐"),
                               "keep": self.tr("按汇总结果")}
        for key, text in self.decision_words.items():
            self.decision.addItem(text, key)
        self.decision_reason = QLineEdit()
        self.decision_reason.setObjectName("non_consensus_reason")
        self.decision_reason.setPlaceholderText(self.tr("评审组的理由（必填）"))
        self.decide = QPushButton(self.tr("登记决定"))
        self.decide.setObjectName("non_consensus_decide")
        self.decide.clicked.connect(self.record_decision)

        self.certifications = read_only_table([self.tr("评审组"), self.tr("专家"), self.tr("会后回避确认"),
                                                              self.tr("理由")], "certifications_table")
        self.certify = QPushButton(self.tr("登记专家已确认"))
        self.certify.setObjectName("certify")
        self.certify.clicked.connect(self.record_certification)
        self.waive_reason = QLineEdit()
        self.waive_reason.setPlaceholderText(self.tr("（监督员）未取得确认的理由"))
        self.waive = QPushButton(self.tr("监督员登记理由"))
        self.waive.clicked.connect(self.record_waiver)

        self.charts = QVBoxLayout()
        self.proposal_reason = QLineEdit()
        self.proposal_reason.setObjectName("proposal_reason")
        self.proposal_reason.setPlaceholderText(self.tr("已审批后再次提交：修改的理由"))
        self.propose = QPushButton(self.tr("提交审批"))
        self.propose.setObjectName("results_propose")
        self.propose.clicked.connect(self.make_proposal)
        self.approve = QPushButton(self.tr("审批并冻结结果"))
        self.approve.setObjectName("results_approve")
        self.approve.clicked.connect(self.make_approval)
        self.approval = QLabel()
        self.approval.setObjectName("results_approval")
        self.approval.setWordWrap(True)

        tabs = QTabWidget()
        self.tabs = tabs
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.table, 1)
        box.addWidget(self.agreement)
        tabs.addTab(page, self.tr("结果与排序"))
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(QLabel(self.tr("非共识项目按全部评分（不去掉最高最低分）标出，须由评审组决定，不能被平均掉。")))
        box.addWidget(self.flagged, 1)
        row = QHBoxLayout()
        row.addWidget(self.decision)
        row.addWidget(self.decision_reason, 1)
        row.addWidget(self.decide)
        box.addLayout(row)
        tabs.addTab(page, self.tr("非共识项目"))
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.certifications, 1)
        row = QHBoxLayout()
        row.addWidget(self.certify)
        row.addWidget(self.waive_reason, 1)
        row.addWidget(self.waive)
        box.addLayout(row)
        tabs.addTab(page, self.tr("会后回避确认"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        body.setLayout(self.charts)
        scroll.setWidget(body)
        tabs.addTab(scroll, self.tr("评分分布"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.approval, 1)
        bottom.addWidget(self.proposal_reason)
        bottom.addWidget(self.propose)
        bottom.addWidget(self.approve)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.missing)
        layout.addWidget(tabs, 1)
        layout.addLayout(bottom)

    def set_round(self, info: RoundInfo | None) -> None:
        self.info = info
        ready = info is not None and info.state in READY
        if not ready:
            self.found = None
            for table in (self.table, self.flagged, self.certifications):
                table.setRowCount(0)
            self.status.setText(self.tr("开始评分之后，这里显示汇总结果、非共识项目和审批。"))
            self.missing.setText("")
        for widget in (self.propose, self.approve, self.decide, self.certify, self.waive):
            widget.setEnabled(ready)
        actor = self.ctx.actor
        if actor is not None:
            self.propose.setVisible(actor.may("results.propose"))
            self.approve.setVisible(actor.may("results.approve"))
            self.decide.setVisible(actor.may("non_consensus.decide"))
            self.certify.setVisible(actor.may("certification.record"))
            self.waive.setVisible(actor.may("certification.waive"))
            self.waive_reason.setVisible(actor.may("certification.waive"))
        self.load_when_shown(ready)

    def load(self) -> None:
        if self.info is None:
            return
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: results.round_results(place, actor, ref), lambda found: self._loaded(ref, found),
                            lambda e: self.status.setText(errors.message(e)))

    def _loaded(self, ref, found: RoundResults) -> None:
        if self.info is None or self.info.ref != ref:
            return
        self.found = found
        order = {p.panel: i for i, p in enumerate(found.panels)}
        rows = sorted(found.rows(), key=lambda r: (order[r["panel"]], r["rank"] or len(found.rows()) + 1))
        yes_no = {True: self.tr("推荐"), False: self.tr("不推荐"), None: ""}
        fill_rows(self.table, [[r["panel"], str(r["rank"] or "—"), r["application"], r["aggregate_text"] or r["problem"],
                                yes_no[r["recommended"]], "▲" if r["non_consensus"] else "",
                                " ".join(s["shown"] for s in r["scores"])] for r in rows])
        self.agreement.setText("\n".join(
            self.tr("{0}：Krippendorff α = {1}（1 为完全一致，0 相当于随机）；{2}；{3}").format(
                p.panel, "—" if p.alpha is None else f"{float(p.alpha):.3f}", p.tie_rule, p.recommendation)
            for p in found.panels))
        self.flagged_rows = found.flagged()
        fill_rows(self.flagged, [[r["panel"], r["application"], r["non_consensus_reason"],
                                  " ".join(s["shown"] for s in r["scores"]),
                                  self.decision_words.get(r["decision"], self.tr("待决定"))]
                                 for r in self.flagged_rows])
        words = {"certified": self.tr("已确认"), "waived": self.tr("监督员登记理由"), "": self.tr("未确认")}
        fill_rows(self.certifications, [[c["panel"], c["name"], words[c["kind"]], c["reason"]]
                                        for c in found.certifications])
        for table in (self.table, self.flagged, self.certifications):
            table.resizeColumnsToContents()
        self._draw_charts(found)
        self.missing.setText("\n".join(found.missing))
        self.status.setText(self.tr("评审方法：{0}；{1}个项目，{2}个非共识项目。").format(
            found.method, len(rows), len(self.flagged_rows)))
        self._show_approval(found)

    def _show_approval(self, found: RoundResults) -> None:
        approval = found.approval
        if approval is None:
            text = self.tr("尚未提交审批。") if not found.missing else self.tr("尚不能提交审批（见上方红字）。")
        elif approval["state"] == "approved":
            text = self.tr("第{0}版已由{1}审批并冻结（{2}提交）。").format(
                approval["version"], approval["approved_by"], approval["proposed_by"])
            if found.changed_since:
                text += self.tr("审批之后评分或决定有变动：须写明理由重新提交审批。")
        else:
            text = self.tr("第{0}版已由{1}提交，待审批人审批。").format(approval["version"], approval["proposed_by"])
        self.approval.setText(text)
        self.propose.setEnabled(not found.missing)
        self.approve.setEnabled(approval is not None and approval["state"] == "proposed")

    def _draw_charts(self, found: RoundResults) -> None:
        while self.charts.count():
            widget = self.charts.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # gone from view now, not only once the deferred delete runs
                widget.deleteLater()
        for panel in found.panels:
            low, high = found.scale
            chart = StripChart(self.tr("{0}：各专家评分分布").format(panel.panel))
            chart.setObjectName("score_distribution")
            chart.set_strips([Strip(r.application, tuple(s["point"] for s in r.to_dict()["scores"]
                                                         if s["point"] is not None), r.non_consensus)
                              for r in panel.rows], low, high, self.tr("▲ 红色：非共识项目"))
            self.charts.addWidget(chart)
        self.charts.addStretch(1)

    # --- acts --------------------------------------------------------------------------------------------------

    def _act(self, work, title: str) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: work(place, actor, ref), lambda _done: self._acted(ref),
                            lambda e: errors.show(self, title, e), write=True)

    def _acted(self, ref) -> None:
        self.ctx.touched(ROUNDS)
        self.saved.emit(ref)
        self.load()

    def record_decision(self) -> None:
        row = self.flagged.currentRow()
        if row < 0:
            return
        application, decision = self.flagged_rows[row]["application"], self.decision.currentData()
        reason = self.decision_reason.text()
        self._act(lambda p, a, r: results.decide_non_consensus(p, a, r, application, decision, reason),
                  self.tr("未能登记决定"))

    def _expert(self) -> str | None:
        row = self.certifications.currentRow()
        return None if row < 0 or self.found is None else self.found.certifications[row]["expert"]

    def record_certification(self) -> None:
        expert = self._expert()
        if expert:
            self._act(lambda p, a, r: results.record_certification(p, a, r, expert), self.tr("未能登记"))

    def record_waiver(self) -> None:
        expert, reason = self._expert(), self.waive_reason.text()
        if expert:
            self._act(lambda p, a, r: results.waive_certification(p, a, r, expert, reason), self.tr("未能登记"))

    def make_proposal(self) -> None:
        reason = self.proposal_reason.text()
        self._act(lambda p, a, r: results.propose_results(p, a, r, reason), self.tr("未能提交审批"))

    def make_approval(self) -> None:
        self._act(results.approve_results, self.tr("未能审批"))
