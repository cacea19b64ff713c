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
from desktop.services.method_choices import Scoring
from desktop.services.results import RoundResults
from desktop.services.rounds import RoundInfo
from desktop.ui import errors
from desktop.ui.widgets.charts import Strip, StripChart
from desktop.ui.context import ROUNDS, Context
from desktop.ui.method_words import method_text, word
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
        facts = {(row.panel, row.application): row for p in found.panels for row in p.rows}
        fill_rows(self.table, [[r["panel"], str(r["rank"] or "—"), r["application"],
                                self._aggregate(facts[(r["panel"], r["application"])].aggregate_facts) or r["problem"],
                                yes_no[r["recommended"]], "▲" if r["non_consensus"] else "",
                                " ".join(s["shown"] for s in r["scores"])] for r in rows])
        self.agreement.setText("\n".join(
            self.tr("{0}：Krippendorff α = {1}（1 为完全一致，0 相当于随机）；{2}；{3}").format(
                p.panel, "—" if p.alpha is None else f"{float(p.alpha):.3f}", self._tie_rule(p.scoring),
                self._recommendation(p.rule))
            for p in found.panels))
        self.flagged_rows = found.flagged()
        fill_rows(self.flagged, [[r["panel"], r["application"],
                                  self._split(facts[(r["panel"], r["application"])].non_consensus_facts),
                                  " ".join(s["shown"] for s in r["scores"]),
                                  self.decision_words.get(r["decision"], self.tr("待决定"))]
                                 for r in self.flagged_rows])
        words = {"certified": self.tr("已确认"), "waived": self.tr("监督员登记理由"), "": self.tr("未确认")}
        fill_rows(self.certifications, [[c["panel"], c["name"], words[c["kind"]], c["reason"]]
                                        for c in found.certifications])
        for table in (self.table, self.flagged, self.certifications):
            table.resizeColumnsToContents()
        self._draw_charts(found)
        self.missing.setText("\n".join(self._blocker(b) for b in found.blockers))
        self.status.setText(self.tr("评审方法：{0}；{1}个项目，{2}个非共识项目。").format(
            method_text(self.info.method, self.ctx.settings.language == "zh_CN"), len(rows), len(self.flagged_rows)))
        self._show_approval(found)

    # --- the results' values in the window's language (the services word them in Chinese for the command line) ---

    def _aggregate(self, facts: dict) -> str:
        kind = facts.get("kind")
        if kind == "score":
            return self.tr("{0}分（{1}，{2}个评分）").format(facts["value"], word(facts["aggregation"]), facts["count"])
        if kind == "grade":
            return self.tr("{0}（{1}）").format(facts["grade"], word(facts["aggregation"]))
        if kind == "vote":
            return self.tr("同意{0}/{1}（{2}，通过比例{3}）").format(
                facts["yes"], facts["total"], self.tr("通过") if facts["passed"] else self.tr("未通过"),
                facts["pass_fraction"])
        return self.tr("波达计分{0}").format(facts["points"]) if kind == "borda" else ""

    def _tie_rule(self, scoring: str) -> str:
        return {Scoring.SCORE100: self.tr("同分时依次比较：全部评分（不去掉最高最低分）的平均分、最高分，仍相同按项目编号先后"),
                Scoring.GRADES: self.tr("同等级时依次比较：全部等级的平均（A=4，B=3，C=2，D=1）、A的个数，仍相同按项目编号先后"),
                Scoring.VOTE: self.tr("得票率相同时依次比较：同意票数、不同意票数少者在前，仍相同按项目编号先后"),
                Scoring.RANKING: self.tr("波达计分相同时依次比较：排第一的次数、最差名次较好者在前，仍相同按项目编号先后")
                }[Scoring(scoring)]

    def _recommendation(self, rule: dict) -> str:
        if rule["kind"] == "top":
            return self.tr("每组前{0}名推荐").format(rule["top"])
        if rule["kind"] == "min":
            return self.tr("汇总结果不低于{0}者推荐").format(rule["minimum"])
        return self.tr("表决通过者推荐") if rule["kind"] == "pass" else self.tr("不作推荐")

    def _split(self, facts: dict) -> str:
        kind = facts.get("kind")
        if kind == "range":
            return self.tr("评分极差{0}分，达到满分的{1}%（{2}分）").format(facts["spread"], facts["percent"],
                                                                facts["limit"])
        if kind == "grades":
            return self.tr("既有专家评为{0}，又有专家评为{1}").format(facts["top"], facts["bottom"])
        if kind == "vote":
            return self.tr("同意{0}票，共{1}票，得票率介于三分之一与三分之二之间").format(facts["yes"], facts["total"])
        return self.tr("有专家排在前{0}名，也有专家排在后{0}名").format(facts["third"]) if kind == "ranks" else ""

    def _blocker(self, blocker: dict) -> str:
        kind, more = blocker["kind"], self.tr("等")
        if kind == "unscored":
            shown = self.tr("、").join(f"{name}—{n}" for name, n in blocker["cells"])
            return self.tr("尚有{0}份评分未录入或未计入（{1}{2}）").format(
                blocker["count"], shown, more if blocker["count"] > 5 else "")
        if kind == "differences":
            return self.tr("双人录入有{0}处不一致，须先裁定").format(blocker["count"])
        if kind == "waiting":
            return self.tr("双人录入有{0}份只录入了一遍").format(blocker["count"])
        if kind == "POST_REVIEW":
            return self.tr("POST_REVIEW 尚有{0}位专家未作会后回避确认（{1}{2}），或由监督员登记理由").format(
                blocker["count"], self.tr("、").join(blocker["names"]), more if blocker["count"] > 5 else "")
        if kind == "NON_CONSENSUS":
            return self.tr("NON_CONSENSUS 非共识项目尚待评审组决定：{0}").format(self.tr("、").join(blocker["applications"]))
        return blocker["text"]  # an application the method cannot aggregate: the services' own sentence

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
