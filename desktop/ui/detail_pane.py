"""The detail of one expert or application, as a readable page beside the table.

Personal numbers stay masked here too; "显示完整号码" asks the service, which records the reveal in the audit log
(CONFIDENTIAL), and only then are the numbers shown whole, for this record only.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.services import catalogue, confidential, ui_queries
from desktop.services.confidential import mask_id, mask_phone
from desktop.ui import errors
from desktop.ui.context import AUDIT, WORKSPACE, Context
from desktop.ui.listings import STATUS


def _table(headers: list[str], rows: list[list[str]], empty: str = "（无）") -> str:
    if not rows:
        return f"<p style='color:#777'>{escape(empty)}</p>"
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='3' width='100%'><tr style='background:#eef2f7'>{head}</tr>{body}</table>"


def _years(row: dict) -> str:
    return f"{row.get('from_year') or '?'}—{row.get('to_year') or '至今'}"


def expert_html(d: dict, served: list[dict], whole: dict[str, str]) -> str:
    id_number = whole.get("id_number") or mask_id(d["id_number"])
    mobile = whole.get("mobile") or mask_phone(d["mobile"])
    parts = [f"<h2>{escape(d['name'])} <small style='color:#555'>{escape(d['title'] or '')}</small></h2>",
             f"<p>身份证号：{escape(id_number)}<br>手机：{escape(mobile or '（无）')}　邮箱：{escape(d['email'] or '（无）')}"
             f"<br>工作单位：{escape(d['organisation'])}（{escape(d['organisation_kind'])}）"
             f"<br>学科：{escape('；'.join(d['fields']))}　企业专家：{'是' if d['enterprise'] else '否'}"
             f"（{escape(d['enterprise_basis'])}）"
             f"　状态：{escape(STATUS.get(d['status'], d['status']))}</p>",
             "<h3>任职经历</h3>", _table(["单位", "信用代码", "年份"],
                                     [[h["organisation"], h["credit_code"], _years(h)] for h in d["history"]]),
             "<h3>人员关系</h3>", _table(["姓名", "身份证号", "关系", "年份"],
                                     [[r["name"], mask_id(r["id_number"]), r["kind"], _years(r)]
                                      for r in d["relations"]]),
             "<h3>诚信记录</h3>", _table(["失信行为", "惩戒期", "处理单位"],
                                     [[r["violation"], f"{r['penalty_start'] or '无'} — {r['penalty_end'] or ''}",
                                       r["decided_by"]] for r in d["integrity"]]),
             "<h3>回避声明与请托记录</h3>",
             _table(["项目", "内容"], [[x["application"], "声明回避：" + x["reason"]] for x in d["declared"]]
                    + [[x["application"], f"请托（{x['date']}）{'，已接受' if x['accepted'] else ''}：{x['note'] or ''}"]
                       for x in d["lobbying"]]),
             "<h3>参加过的评审</h3>", _table(["评审轮次", "日期", "评审组", "身份"],
                                       [[s["round"], s["date"], s["panel"],
                                         f"备选第{s['position'] + 1}位" if s["reserve"] else "评审专家"]
                                        for s in served])]
    return "".join(parts)


def application_html(d: dict) -> str:
    return "".join([
        f"<h2>{escape(d['number'])}　{escape(d['title'])}</h2>",
        f"<p>学科代码：{escape(d['field_code'])}<br>申报单位：{escape(d['applicant'])}（{escape(d['applicant_code'])}）"
        f"<br>负责人：{escape(d['leader'] or '（未填）')}</p>",
        "<h3>项目团队</h3>", _table(["姓名", "身份证号", "角色", "单位信用代码"],
                                [[m["name"], mask_id(m["id_number"]), m["role"], m["organisation_code"] or ""]
                                 for m in d["team"]]),
        "<h3>合作单位</h3>", _table(["单位", "信用代码"], [[p["name"], p["credit_code"]] for p in d["partners"]]),
        "<h3>申请回避的专家（不宜评审专家）</h3>",
        _table(["姓名", "身份证号", "理由"], [[r["name"], mask_id(r["expert"]), r["reason"]]
                                         for r in d["requested_exclusions"]]),
    ])


class DetailPane(QWidget):
    def __init__(self, ctx: Context, kind: str, parent=None):
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        self.key: str | None = None
        self._detail: dict | None = None
        self._served: list[dict] = []
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.reveal_button = QPushButton(self.tr("显示完整号码"))
        self.reveal_button.setToolTip(self.tr("显示完整的身份证号和手机号；此操作记入审计日志"))
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setVisible(kind == "experts")
        self.reveal_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("详细信息")))
        bar.addStretch()
        bar.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.browser)
        self.clear()
        ctx.changed.connect(lambda kind: kind == WORKSPACE and self.clear())

    @property
    def record(self) -> dict | None:
        """The record shown, as the services gave it."""
        return self._detail

    def clear(self) -> None:
        """Nothing chosen: also what another workspace starts with, so no record of the one before stays shown."""
        self.key, self._detail, self._served = None, None, []
        self.reveal_button.setEnabled(False)
        self.browser.setHtml(f"<p style='color:#777'>{escape(self.tr('在左侧表格中选择一行查看详细信息'))}</p>")

    def show_key(self, key: str) -> None:
        self.key = key
        self.reveal_button.setEnabled(False)
        place, kind = self.ctx.place, self.kind

        def work(job):
            found = catalogue.detail(place, kind, key)
            return found, (ui_queries.rounds_served(place, key) if kind == "experts" else [])

        self.ctx.runner.run(work, lambda result: place == self.ctx.place and self._shown(key, result),
                            lambda e: self.browser.setPlainText(errors.message(e)))

    def _shown(self, key: str, result: tuple[dict, list[dict]]) -> None:
        if key != self.key:
            return  # the user moved on while this was loading
        self._detail, self._served = result
        self.reveal_button.setEnabled(True)
        self._render({})

    def _render(self, whole: dict[str, str]) -> None:
        if self.kind == "experts":
            self.browser.setHtml(expert_html(self._detail, self._served, whole))
        else:
            self.browser.setHtml(application_html(self._detail))

    def reveal(self) -> None:
        key, place, actor = self.key, self.ctx.place, self.ctx.actor
        if key is None:
            return

        def work(job):
            return confidential.reveal_person(place, actor, key)  # one click, one audit entry

        def done(whole: dict[str, str]) -> None:
            self.ctx.touched(AUDIT)
            if key == self.key:
                self._render(whole)

        self.ctx.runner.run(work, done, lambda e: errors.show(self, self.tr("无法显示"), e), write=True)
