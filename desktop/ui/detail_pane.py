"""The detail of one expert or application, as a readable page beside the table.

Personal numbers stay masked here too; "显示完整号码" asks the service, which records the reveal in the audit log
(CONFIDENTIAL), and only then are the numbers shown whole, for this record only.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.services import catalogue, conduct, confidential, ui_queries
from desktop.services.confidential import mask_id, mask_phone
from desktop.ui import errors
from desktop.ui.context import AUDIT, WORKSPACE, Context
from desktop.ui.listings import status_text, yes_text

translate = QCoreApplication.translate


def _h3(title: str) -> str:
    return f"<h3>{escape(title)}</h3>"


def _grey(text: str) -> str:
    return f"<p style='color:#777'>{escape(text)}</p>"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return _grey(translate("DetailPane", "（无）"))
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return (f"<table cellspacing='0' cellpadding='3' width='100%'><tr style='background:#eef2f7'>{head}</tr>"
            f"{body}</table>")


def _years(row: dict) -> str:
    until = row.get("to_year") or translate("DetailPane", "至今")
    return f"{row.get('from_year') or '?'}—{until}"


def _line(label: str, value: str) -> str:
    return escape(translate("DetailPane", "{0}：{1}").format(label, value))


def expert_html(d: dict, served: list[dict], whole: dict[str, str], history: dict | None = None) -> str:
    none = translate("DetailPane", "（无）")
    id_number = whole.get("id_number") or mask_id(d["id_number"])
    mobile = whole.get("mobile") or mask_phone(d["mobile"])
    facts = [_line(translate("DetailPane", "身份证号"), id_number),
             _line(translate("DetailPane", "手机"), mobile or none) + "　"
             + _line(translate("DetailPane", "邮箱"), d["email"] or none),
             _line(translate("DetailPane", "工作单位"), f"{d['organisation']}（{d['organisation_kind']}）"),
             _line(translate("DetailPane", "学科"), "；".join(d["fields"])) + "　"
             + _line(translate("DetailPane", "企业专家"), f"{yes_text(d['enterprise'])}（{d['enterprise_basis']}）"),
             _line(translate("DetailPane", "状态"), status_text(d["status"]))]
    declared = [[x["application"], translate("DetailPane", "声明回避：{0}").format(x["reason"])] for x in d["declared"]]
    lobbying = [[x["application"], (translate("DetailPane", "请托（{0}），已接受：{1}") if x["accepted"]
                                    else translate("DetailPane", "请托（{0}）：{1}")).format(x["date"], x["note"] or "")]
                for x in d["lobbying"]]
    return "".join([
        f"<h2>{escape(d['name'])} <small style='color:#555'>{escape(d['title'] or '')}</small></h2>",
        "<p>" + "<br>".join(facts) + "</p>",
        _h3(translate("DetailPane", "任职经历")),
        _table([translate("DetailPane", "单位"), translate("DetailPane", "信用代码"), translate("DetailPane", "年份")],
               [[h["organisation"], h["credit_code"], _years(h)] for h in d["history"]]),
        _h3(translate("DetailPane", "人员关系")),
        _table([translate("DetailPane", "姓名"),
                translate("DetailPane", "身份证号"),
                translate("DetailPane", "关系"),
                translate("DetailPane", "年份")],
               [[r["name"], mask_id(r["id_number"]), r["kind"], _years(r)] for r in d["relations"]]),
        _h3(translate("DetailPane", "诚信记录")),
        _table([translate("DetailPane", "失信行为"), translate("DetailPane", "惩戒期"), translate("DetailPane", "处理单位")],
               [[r["violation"], (r["penalty_start"] or translate("DetailPane", "无")) + f" — {r['penalty_end'] or ''}",
                 r["decided_by"]] for r in d["integrity"]]),
        _h3(translate("DetailPane", "回避声明与请托记录")),
        _table([translate("DetailPane", "项目"), translate("DetailPane", "内容")], declared + lobbying),
        _h3(translate("DetailPane", "参加过的评审")),
        _table([translate("DetailPane", "评审轮次"),
                translate("DetailPane", "日期"),
                translate("DetailPane", "评审组"),
                translate("DetailPane", "身份")],
               [[s["round"], s["date"], s["panel"],
                 translate("DetailPane", "备选第{0}位").format(s["position"] + 1) if s["reserve"]
                 else translate("DetailPane", "评审专家")] for s in served]),
        _conduct_html(history)])


def _conduct_html(history: dict | None) -> str:
    """The expert's conduct and ratings round by round (EXPERT_CONDUCT), and the flag for a review of membership."""
    if history is None:
        return ""
    flag = ("<p style='color:#b00020'>" + translate(
        "DetailPane", "低分评价已达本工作区的复核线（{0}），需复核其专家库资格").format(history["low_ratings"]) + "</p>"
            if history["flagged"] else "")
    return "".join([_h3(translate("DetailPane", "评审行为与评价")), flag,
                    _table([translate("DetailPane", "评审轮次"), translate("DetailPane", "日期"),
                            translate("DetailPane", "评审行为"), translate("DetailPane", "评价分")],
                           [[r["name"], r["review_date"], r["conduct_text"],
                             "" if r["rating"] is None else str(r["rating"])] for r in history["rounds"]])])


def application_html(d: dict) -> str:
    facts = [_line(translate("DetailPane", "学科代码"), d["field_code"]),
             _line(translate("DetailPane", "申报单位"), f"{d['applicant']}（{d['applicant_code']}）"),
             _line(translate("DetailPane", "负责人"), d["leader"] or translate("DetailPane", "（未填）"))]
    return "".join([
        f"<h2>{escape(d['number'])}　{escape(d['title'])}</h2>",
        "<p>" + "<br>".join(facts) + "</p>",
        _h3(translate("DetailPane", "项目团队")),
        _table([translate("DetailPane", "姓名"),
                translate("DetailPane", "身份证号"),
                translate("DetailPane", "角色"),
                translate("DetailPane", "单位信用代码")],
               [[m["name"], mask_id(m["id_number"]), m["role"], m["organisation_code"] or ""] for m in d["team"]]),
        _h3(translate("DetailPane", "合作单位")),
        _table([translate("DetailPane", "单位"),
                translate("DetailPane", "信用代码")], [[p["name"], p["credit_code"]] for p in d["partners"]]),
        _h3(translate("DetailPane", "申请回避的专家（不宜评审专家）")),
        _table([translate("DetailPane", "姓名"), translate("DetailPane", "身份证号"), translate("DetailPane", "理由")],
               [[r["name"], mask_id(r["expert"]), r["reason"]] for r in d["requested_exclusions"]]),
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
        self.browser.setHtml(_grey(self.tr("在左侧表格中选择一行查看详细信息")))

    def show_key(self, key: str) -> None:
        self.key = key
        self.reveal_button.setEnabled(False)
        place, actor, kind = self.ctx.place, self.ctx.actor, self.kind

        def work(job):
            found = catalogue.detail(place, actor, kind, key)
            if kind != "experts":
                return found, [], None
            return found, ui_queries.rounds_served(place, actor, key), conduct.expert_history(place, actor, key)

        self.ctx.runner.run(work, lambda result: place == self.ctx.place and self._shown(key, result),
                            lambda e: self.browser.setPlainText(errors.message(e)))

    def _shown(self, key: str, result: tuple[dict, list[dict], dict | None]) -> None:
        if key != self.key:
            return  # the user moved on while this was loading
        self._detail, self._served, self._history = result
        self.reveal_button.setEnabled(True)
        self._render({})

    def _render(self, whole: dict[str, str]) -> None:
        if self.kind == "experts":
            self.browser.setHtml(expert_html(self._detail, self._served, whole, self._history))
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
