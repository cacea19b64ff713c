"""The listings the window shows: their columns, how a row is searched, and loading them in a worker.

Column titles are Chinese source texts marked for translation here and translated by the model when shown.
Everything a table needs that costs time on 50,000 rows is computed in workers, in two steps: the rows, which the
table shows at once, then what takes longer — columns derived from more than the row (whether an expert counts as
an enterprise expert), the search keys and the values each filter offers — which fill in, and make search and
filters work, a moment later. The GUI thread only hands each result to the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths

from desktop.services import catalogue, ui_queries
from desktop.services.accounts import Operator
from desktop.services.confidential import mask_id, mask_phone, searchable
from desktop.services.gc_pause import gc_paused
from desktop.services.identifiers import is_id_number
from desktop.ui.rows_model import Column
from desktop.ui.search_keys import learn, search_key


STATUS = {"active": QT_TRANSLATE_NOOP("columns", "在库"), "inactive": QT_TRANSLATE_NOOP("columns", "停用")}


def status_text(status: str) -> str:
    return QCoreApplication.translate("columns", STATUS[status]) if status in STATUS else status


def yes_text(flag: bool) -> str:
    return QCoreApplication.translate("columns", "是") if flag else QCoreApplication.translate("columns", "否")


@dataclass(frozen=True)
class Listing:
    kind: str
    columns: tuple[Column, ...]
    names: Callable[[dict], list[str]]  # what a row is searched by, in characters and in pinyin
    others: Callable[[dict], list[str]]  # what it is searched by as text: numbers, units
    detail: bool = False  # has a detail pane
    rows: Callable[[Path, Operator], list[dict]] | None = None  # a faster reader than the catalogue's
    complete: Callable[[Path, Operator, list[dict]], list[dict]] | None = None  # what ``rows`` left for later


EXPERTS = Listing("experts", (
    Column("name", QT_TRANSLATE_NOOP("columns", "姓名")),
    Column("id_number", QT_TRANSLATE_NOOP("columns", "身份证号"), lambda r: mask_id(r["id_number"])),
    Column("mobile", QT_TRANSLATE_NOOP("columns", "手机"), lambda r: mask_phone(r["mobile"])),
    Column("title", QT_TRANSLATE_NOOP("columns", "职称"), filterable=True),
    Column("organisation", QT_TRANSLATE_NOOP("columns", "工作单位")),
    Column("organisation_kind", QT_TRANSLATE_NOOP("columns", "单位类型"), filterable=True),
    Column("fields", QT_TRANSLATE_NOOP("columns", "学科代码"), lambda r: "；".join(r["fields"])),
    Column("enterprise", QT_TRANSLATE_NOOP("columns", "企业专家"),
           lambda r: yes_text(r["enterprise"]) if "enterprise" in r else "…", filterable=True),
    Column("status", QT_TRANSLATE_NOOP("columns", "状态"), lambda r: status_text(r["status"]),
           filterable=True),
), lambda r: [r["name"]],
    lambda r: [*searchable(r["id_number"], r["mobile"]), r["organisation"], " ".join(r["fields"])],
    detail=True, rows=ui_queries.expert_rows, complete=ui_queries.expert_enterprise)

ORGANISATIONS = Listing("organisations", (
    Column("name", QT_TRANSLATE_NOOP("columns", "单位名称")),
    Column("credit_code", QT_TRANSLATE_NOOP("columns", "统一社会信用代码")),
    Column("kind", QT_TRANSLATE_NOOP("columns", "单位类型"), filterable=True),
), lambda r: [r["name"]], lambda r: [r["credit_code"]])

APPLICATIONS = Listing("applications", (
    Column("number", QT_TRANSLATE_NOOP("columns", "项目编号")),
    Column("title", QT_TRANSLATE_NOOP("columns", "项目名称")),
    Column("field_code", QT_TRANSLATE_NOOP("columns", "学科代码")),
    Column("leader", QT_TRANSLATE_NOOP("columns", "负责人")),
    Column("applicant", QT_TRANSLATE_NOOP("columns", "申报单位")),
), lambda r: [r["leader"], r["applicant"]], lambda r: [r["number"], r["title"], r["field_code"], r["applicant_code"]],
    detail=True)

def _subject_searchable(code: str) -> list[str]:
    """A person's ID number is found by its visible part or whole; an organisation's credit code is public."""
    return searchable(code) if is_id_number(code) else [code]


INTEGRITY = Listing("integrity", (
    Column("subject_name", QT_TRANSLATE_NOOP("columns", "主体名称")),
    Column("subject_code", QT_TRANSLATE_NOOP("columns", "身份证号或信用代码"),
           lambda r: mask_id(r["subject_code"]) if is_id_number(r["subject_code"]) else r["subject_code"]),
    Column("violation", QT_TRANSLATE_NOOP("columns", "失信行为"), filterable=True),
    Column("measures", QT_TRANSLATE_NOOP("columns", "处理措施"), lambda r: "；".join(r["measures"])),
    Column("penalty", QT_TRANSLATE_NOOP("columns", "惩戒期"),
           lambda r: f"{r['penalty_start'] or ''} — {r['penalty_end'] or ''}" if r["penalty_start"]
           else QCoreApplication.translate("columns", "（无）")),
    Column("decided_by", QT_TRANSLATE_NOOP("columns", "处理单位")),
    Column("decision_date", QT_TRANSLATE_NOOP("columns", "决定日期")),
), lambda r: [r["subject_name"]],
    lambda r: [*_subject_searchable(r["subject_code"]), r["violation"], r["decided_by"]])


@dataclass(frozen=True)
class Index:
    keys: list[str]  # the search key of each row
    choices: dict[str, list[str]]  # column key → the values its filter offers


def pinyin_cache() -> Path:
    """The character table of the search keys outlives the session: it belongs to this computer, not a workspace."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / "pinyin.json"


def read(place: Path, actor, listing: Listing) -> list[dict]:
    """The rows, as soon as the store gives them; runs in a worker."""
    with gc_paused():
        return listing.rows(place, actor) if listing.rows else catalogue.listing(place, actor, listing.kind)


def index(place: Path, actor: Operator, rows: list[dict], listing: Listing) -> Index:
    """The rows' columns left for later (filled in place: the table shows them from its next repaint), their search
    keys and the filters' values; runs in a worker while the table already shows the rows."""
    with gc_paused():
        if listing.complete is not None:
            listing.complete(place, actor, rows)
        names = [listing.names(r) for r in rows]
        learn(chain.from_iterable(names), pinyin_cache())
        keys = [search_key(n, listing.others(r)) for n, r in zip(names, rows)]
        choices = {c.key: sorted({c.show(r) for r in rows}) for c in listing.columns if c.filterable}
        return Index(keys, choices)
