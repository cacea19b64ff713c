"""The listings the window shows: their columns, how a row is searched, and loading them in a worker.

Column titles are Chinese source texts marked for translation here and translated by the model when shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.domain.ids import id_number_problem
from desktop.services import catalogue, ui_queries
from desktop.ui.masking import mask_id, mask_phone
from desktop.ui.rows_model import Column
from desktop.ui.search_keys import search_key
from desktop.ui.tasks import Job


STATUS = {"active": "在库", "inactive": "停用"}


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


@dataclass(frozen=True)
class Listing:
    kind: str
    columns: tuple[Column, ...]
    key: Callable[[dict], str]  # the search key of a row
    detail: bool = False  # has a detail pane
    rows: Callable[[Path], list[dict]] | None = None  # a faster reader than the catalogue's, where it matters


EXPERTS = Listing("experts", (
    Column("name", QT_TRANSLATE_NOOP("columns", "姓名")),
    Column("id_number", QT_TRANSLATE_NOOP("columns", "身份证号"), lambda r: mask_id(r["id_number"])),
    Column("mobile", QT_TRANSLATE_NOOP("columns", "手机"), lambda r: mask_phone(r["mobile"])),
    Column("title", QT_TRANSLATE_NOOP("columns", "职称"), filterable=True),
    Column("organisation", QT_TRANSLATE_NOOP("columns", "工作单位")),
    Column("organisation_kind", QT_TRANSLATE_NOOP("columns", "单位类型"), filterable=True),
    Column("fields", QT_TRANSLATE_NOOP("columns", "学科代码"), lambda r: "；".join(r["fields"])),
    Column("enterprise", QT_TRANSLATE_NOOP("columns", "企业专家"), lambda r: _yes(r["enterprise"]), filterable=True),
    Column("status", QT_TRANSLATE_NOOP("columns", "状态"), lambda r: STATUS.get(r["status"], r["status"]),
           filterable=True),
), lambda r: search_key([r["name"]], [r["id_number"], r["mobile"], r["organisation"], " ".join(r["fields"])]),
    detail=True, rows=ui_queries.expert_rows)

ORGANISATIONS = Listing("organisations", (
    Column("name", QT_TRANSLATE_NOOP("columns", "单位名称")),
    Column("credit_code", QT_TRANSLATE_NOOP("columns", "统一社会信用代码")),
    Column("kind", QT_TRANSLATE_NOOP("columns", "单位类型"), filterable=True),
), lambda r: search_key([r["name"]], [r["credit_code"]]))

APPLICATIONS = Listing("applications", (
    Column("number", QT_TRANSLATE_NOOP("columns", "项目编号")),
    Column("title", QT_TRANSLATE_NOOP("columns", "项目名称")),
    Column("field_code", QT_TRANSLATE_NOOP("columns", "学科代码")),
    Column("leader", QT_TRANSLATE_NOOP("columns", "负责人")),
    Column("applicant", QT_TRANSLATE_NOOP("columns", "申报单位")),
), lambda r: search_key([r["leader"], r["applicant"]], [r["number"], r["title"], r["field_code"],
                                                       r["applicant_code"]]), detail=True)

INTEGRITY = Listing("integrity", (
    Column("subject_name", QT_TRANSLATE_NOOP("columns", "主体名称")),
    Column("subject_code", QT_TRANSLATE_NOOP("columns", "身份证号或信用代码"),
           lambda r: r["subject_code"] if id_number_problem(r["subject_code"]) else mask_id(r["subject_code"])),
    Column("violation", QT_TRANSLATE_NOOP("columns", "失信行为"), filterable=True),
    Column("measures", QT_TRANSLATE_NOOP("columns", "处理措施"), lambda r: "；".join(r["measures"])),
    Column("penalty", QT_TRANSLATE_NOOP("columns", "惩戒期"),
           lambda r: f"{r['penalty_start'] or ''} — {r['penalty_end'] or ''}" if r["penalty_start"] else "（无）"),
    Column("decided_by", QT_TRANSLATE_NOOP("columns", "处理单位")),
    Column("decision_date", QT_TRANSLATE_NOOP("columns", "决定日期")),
), lambda r: search_key([r["subject_name"]], [r["subject_code"], r["violation"], r["decided_by"]]))


def load(place: Path, listing: Listing, job: Job) -> tuple[list[dict], list[str]]:
    """Rows and their search keys; runs in a worker (a 50,000-row pool takes about a second)."""
    rows = listing.rows(place) if listing.rows else catalogue.listing(place, listing.kind)
    job.report(1, 2, "")
    return rows, [listing.key(r) for r in rows]
