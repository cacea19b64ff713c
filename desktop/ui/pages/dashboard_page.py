"""工作台: the rounds and where each stands, what is due next, and two charts of the pool and the panels.

The next step of a round is read from its state and its review date, so staff see "draw panels, review in 5 days"
rather than a state code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QGroupBox, QHeaderView, QLabel, QListWidget,
                               QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.services import catalogue, draws, due, rounds, ui_queries
from desktop.ui import errors
from desktop.ui.widgets.charts import Bar, BarChart
from desktop.ui.context import POOL, ROUNDS, WORKSPACE, Context
from desktop.ui.method_words import method_text
from desktop.ui.round.words import due_text, next_step, quota_text, state_label

def gather(place: Path, actor) -> dict:
    """What the dashboard shows first, read in one worker call: the counts and the rounds."""
    infos = rounds.list_rounds(place, actor)
    drawn = [info for info in infos if info.draws]
    latest = draws.latest_draw(place, actor, max(drawn, key=lambda info: info.id).id) if drawn else None
    return {"counts": catalogue.counts(place, actor), "rounds": infos, "latest": latest}


def gather_later(place: Path, actor, today: dt.date) -> dict:
    """What is read once the rest is on screen: the deadlines after a review (conduct, publicity, objections,
    appeals, the limits lists of open rounds) for the roles that read results, and the pool's figures; the limits
    and who counts as an enterprise expert are derived over every project and expert (a second on 50,000), so it
    runs in the process beside the window (desktop.services.side_process)."""
    return {"deadlines": due.due_items(place, actor, today) if actor.may("results.read") else [],
            "coverage": ui_queries.field_coverage(place, actor), "share": ui_queries.enterprise_share(place, actor)}


class DashboardPage(QWidget):
    open_round = Signal(object)  # the RoundRef double-clicked
    shown = Signal()  # the counts and rounds are on screen: the pool's figures and deadlines follow on read_later()

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = dt.date.today()
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self._counts: dict = {}
        self.rounds = QTableWidget(0, 5)
        self.rounds.setHorizontalHeaderLabels([self.tr("评审轮次"), self.tr("评审日期"), self.tr("评审方法"),
                                               self.tr("状态"), self.tr("下一步")])
        self.rounds.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rounds.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rounds.verticalHeader().setVisible(False)
        self.rounds.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rounds.cellDoubleClicked.connect(lambda row, _c: self.open_round.emit(
            self.rounds.item(row, 0).data(Qt.ItemDataRole.UserRole)))
        self._when = {"overdue": self.tr("已逾期"), "today": self.tr("今日到期"), "week": self.tr("本周到期")}
        self.due = QListWidget()
        self.due.setObjectName("due")
        self.due.setWordWrap(True)
        self.panels_chart = BarChart(self.tr("各评审组企业专家人数（虚线为三分之一要求）"))
        self.fields_chart = BarChart(self.tr("专家库学科覆盖（深色：专家人数；浅色：项目数）"))

        rounds_box = QGroupBox(self.tr("评审轮次（双击进入）"))
        QVBoxLayout(rounds_box).addWidget(self.rounds)
        due_box = QGroupBox(self.tr("待办事项"))
        QVBoxLayout(due_box).addWidget(self.due)
        grid = QGridLayout()
        grid.addWidget(self.counts, 0, 0, 1, 2)
        grid.addWidget(rounds_box, 1, 0)
        grid.addWidget(due_box, 1, 1)
        grid.addWidget(self.panels_chart, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.fields_chart, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        QVBoxLayout(self).addWidget(scroll)
        ctx.changed.connect(lambda kind: kind in (WORKSPACE, POOL, ROUNDS) and self.reload())

    def reload(self) -> None:
        if self.ctx.place is None:
            return
        place, actor = self.ctx.place, self.ctx.actor
        self.ctx.runner.run(lambda job: gather(place, actor), lambda data: place == self.ctx.place and self._show(data),
                            lambda e: self.counts.setText(errors.message(e)))

    def _show(self, data: dict) -> None:
        self._counts = data["counts"]
        self._show_counts("…")
        self.rounds.setRowCount(len(data["rounds"]))
        self.due.clear()
        for row, info in enumerate(data["rounds"]):
            step = next_step(info.state)
            cells = [info.name, info.review_date, method_text(info.method, self.ctx.settings.language == "zh_CN"),
                     state_label(info.state), step]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.ref)
                self.rounds.setItem(row, column, item)
            if info.state != "closed":
                due = due_text(info.review_date, self.today)
                self.due.addItem(self.tr("{0}：{1}（{2}）").format(info.name, step, due))
        if not data["rounds"]:
            self.due.addItem(self.tr("还没有评审轮次：先导入专家库和项目，再在「评审轮次」中新建"))
        record = data["latest"]  # of the round drawn last: one round's panels make a chart to read, all rounds' do not
        names = {info.id: info.name for info in data["rounds"]}
        self.panels_chart.title = (self.tr("{0}：各评审组企业专家人数（虚线为三分之一要求）").format(names[record.round])
                                   if record else self.tr("各评审组企业专家人数（虚线为三分之一要求）"))
        bars = [Bar(panel["name"], panel["enterprise_count"], panel["size"],
                    quota_text(panel["enterprise_count"], panel["size"], panel["enterprise_required"]),
                    threshold=panel["enterprise_required"]) for panel in (record.panels if record else [])]
        self.panels_chart.set_bars(bars, "" if bars else self.tr("抽取专家后在此显示"))
        self.shown.emit()

    def read_later(self) -> None:
        """The deadlines and the pool's figures, read once the window is in use (see ``gather_later``)."""
        if self.ctx.place is None:
            return
        place, actor, today, runner = self.ctx.place, self.ctx.actor, self.today, self.ctx.runner
        runner.run(lambda job: runner.apart(gather_later, place, actor, today),
                   lambda later: place == self.ctx.place and self._show_later(later),
                   lambda e: self.counts.setText(errors.message(e)))

    def _show_counts(self, enterprise: str) -> None:
        c = self._counts
        self.counts.setText(self.tr("专家 {0} 人（企业专家 {1} 人）　单位 {2} 个　项目 {3} 项　诚信记录 {4} 条").format(
            c["experts"], enterprise, c["organisations"], c["applications"], c["integrity"]))

    def _show_later(self, data: dict) -> None:
        for item in data["deadlines"]:  # across rounds, overdue first, each with its working-day deadline
            if item["when"] != "later":
                self.due.addItem(self.tr("{0}（{1}）：{2}{3}").format(
                    self._when[item["when"]], item["due"], item["what"],
                    self.tr("，{0}").format(item["round_name"]) if item["round_name"] else ""))
        self._show_counts(str(data["share"]["enterprise"]))
        top = data["coverage"][:12]
        most = max([r["experts"] for r in top] + [r["applications"] for r in top] + [1])
        self.fields_chart.set_bars([Bar(f"{r['field']} {r['name']}", r["experts"], most,
                                        self.tr("{0}人 / {1}项").format(r["experts"], r["applications"]),
                                        second=r["applications"])
                                    for r in top])
