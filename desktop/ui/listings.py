"""The listings the window shows: their columns, how a row is searched, and loading them in a worker.

Column titles are Chinese source texts marked for translation here and translated by the model when shown.
Everything a table needs that costs time on 50,000 rows is computed off the GUI thread, in two steps: the rows,
read by a worker and shown at once, then what takes longer — columns derived from more than the row (whether an
expert counts as an enterprise expert), the search keys and the values each filter offers — which fill in, and make
search and filters work, a moment later. That second step is seconds of Python, so it runs in the process beside the
window (desktop.services.side_process), which reads the rows again itself; the worker only matches its results to
the shown rows. The GUI thread only hands each result to the model.
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
from desktop.services.side_process import pieces, unpieced
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
    key: str  # the value that tells its rows apart
    columns: tuple[Column, ...]
    names: Callable[[dict], list[str]]  # what a row is searched by, in characters and in pinyin
    others: Callable[[dict], list[str]]  # what it is searched by as text: numbers, units
    detail: bool = False  # has a detail pane
    rows: Callable[[Path, Operator], list[dict]] | None = None  # a faster reader than the catalogue's
    complete: Callable[[Path, Operator, list[dict]], list[dict]] | None = None  # what ``rows`` left for later


EXPERTS = Listing("experts", "id_number", (
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

ORGANISATIONS = Listing("organisations", "credit_code", (
    Column("name", QT_TRANSLATE_NOOP("columns", "单位名称")),
    Column("credit_code", QT_TRANSLATE_NOOP("columns", "统一社会信用代码")),
    Column("kind", QT_TRANSLATE_NOOP("columns", "单位类型"), filterable=True),
), lambda r: [r["name"]], lambda r: [r["credit_code"]])

APPLICATIONS = Listing("applications", "number", (
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


INTEGRITY = Listing("integrity", "id", (
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


LISTINGS = {listing.kind: listing for listing in (EXPERTS, ORGANISATIONS, APPLICATIONS, INTEGRITY)}


def read(place: Path, actor, listing: Listing) -> list[dict]:
    """The rows, as soon as the store gives them; runs in a worker."""
    with gc_paused():
        return listing.rows(place, actor) if listing.rows else catalogue.listing(place, actor, listing.kind)


@dataclass(frozen=True)
class Derived:
    """What the side process derived from its own read of a listing: per row (in its order) the row's key, its
    search key and the values of the columns ``complete`` added, in ``pieces``; each filter's values as stored."""
    added: tuple[str, ...]
    rows: tuple[bytes, ...]
    values: dict[str, list]


def derive(kind: str, place: Path, actor: Operator, cache: Path) -> Derived:
    """Runs in the side process: the rows read again, completed, and their search keys."""
    listing = LISTINGS[kind]
    with gc_paused():
        rows = read(place, actor, listing)
        before = set(rows[0]) if rows else set()
        keys, values = _derive(place, actor, rows, listing, cache)
        added = tuple(key for key in (rows[0] if rows else ()) if key not in before)
        return Derived(added, pieces([(row[listing.key], key, tuple(row[a] for a in added))
                                      for row, key in zip(rows, keys)]), values)


def _derive(place: Path, actor: Operator, rows: list[dict], listing: Listing,
            cache: Path) -> tuple[list[str], dict[str, list]]:
    """The rows completed in place, their search keys, and the distinct stored values of each filterable column."""
    if listing.complete is not None:
        listing.complete(place, actor, rows)
    names = [listing.names(r) for r in rows]
    learn(chain.from_iterable(names), cache)
    keys = [search_key(n, listing.others(r)) for n, r in zip(names, rows)]
    return keys, {c.key: list({r.get(c.key) for r in rows}) for c in listing.columns if c.filterable}


def index(runner, place: Path, actor: Operator, rows: list[dict], listing: Listing) -> Index:
    """The rows' columns left for later (filled in place: the table shows them from its next repaint), their search
    keys and the filters' values; runs in a worker while the table already shows the rows, the work itself in the
    side process (``runner.apart``). Should the pool have changed between the two reads (another program wrote to
    the workspace), the rows shown are derived here instead."""
    cache = pinyin_cache()
    derived = runner.apart(derive, listing.kind, place, actor, cache)
    with gc_paused():
        found = list(unpieced(derived.rows))
        if len(found) == len(rows) and all(row[listing.key] == got[0] for row, got in zip(rows, found)):
            keys = []
            for row, (_, key, extra) in zip(rows, found):
                keys.append(key)
                row.update(zip(derived.added, extra))
            values = derived.values
        else:
            keys, values = _derive(place, actor, rows, listing, cache)
        # a filter offers the texts its column shows, which depend on the column's own value alone
        choices = {c.key: sorted({c.show({c.key: v}) for v in values[c.key]})
                   for c in listing.columns if c.filterable}
        return Index(keys, choices)
