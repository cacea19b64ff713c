"""The call list (CONFIDENTIAL): per panel, the invited experts in call order with mobile, organisation, title and
the enterprise mark, printed as a PDF marked 机密 with who printed it and when, or exported to .xlsx — each print and
export one audit entry naming the file and its SHA-256.

A spreadsheet cell that starts with = + - or @ is written with a leading apostrophe, so no value from the pool (an
organisation's name, say) runs as a formula when the file is opened in Excel or WPS.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path


from desktop.domain.calls import STATUSES
from desktop.services.accounts import Operator, require
from desktop.services.calls import CallRow, list_calls
from desktop.services.rounds import RoundRef, round_id_in, show_round
from desktop.services.uow import change
from desktop.store.workspace import Workspace
from reports.documents import ENTERPRISE, CallEntry, CallList, RoundInfo
from reports.files import write_atomically

Place = Path | Workspace
COLUMNS = ("评审组", "序号", "姓名", "手机", "工作单位", "职称", "专家类别", "状态", "来源")
SOURCES = {"draw": "抽取", "reserve": "备选递补", "supplementary": "补抽"}
FORMULA_STARTS = ("=", "+", "-", "@")


def cell(value) -> object:
    """A value as a spreadsheet cell that cannot run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _current(rows: list[CallRow]) -> list[CallRow]:
    """The seat holders, in panel and seat order (a replaced invitation gives way to its replacement)."""
    held: dict[tuple[str, int], CallRow] = {}
    for row in rows:
        held[(row.panel, row.seat)] = row
    return list(held.values())


def _made(op: Operator) -> tuple[str, str]:
    return f"{op.display_name}（{op.name}）", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")


def call_lists(place: Place, op: Operator, round_id: int | RoundRef, panel: str | None = None) -> list[CallList]:
    """One call list per panel, as it stands now."""
    require(op, "calls.read", place)
    info = show_round(place, op, round_id)
    head = RoundInfo(info.name, info.programme, info.method_text, dt.date.fromisoformat(info.review_date[:10]),
                     info.issuer, info.venue, info.review_time)
    made_by, made_at = _made(op)
    lists: dict[str, list[CallEntry]] = {}
    for row in _current(list_calls(place, op, round_id, panel)):
        lists.setdefault(row.panel, []).append(CallEntry(row.name, row.mobile, row.organisation, row.title,
                                                         ENTERPRISE if row.enterprise else "",
                                                         STATUSES[row.status]))
    return [CallList(head, name, tuple(entries), made_by, made_at) for name, entries in lists.items()]


def print_call_list(place: Place, actor: Operator, round_id: int | RoundRef, out: Path,
                    panel: str | None = None) -> dict:
    """The call lists as one PDF (a panel per page group), audited with the file's hash."""
    require(actor, "calls.read", place)
    round_id = round_id_in(place, round_id)
    documents = call_lists(place, actor, round_id, panel)
    from pypdf import PdfWriter  # both loaded when a list is printed, not with the window

    from reports.render import render
    writer = PdfWriter()
    for document in documents:
        writer.append(io.BytesIO(render(document).pdf))
    buffer = io.BytesIO()
    writer.write(buffer)
    return _written(place, actor, round_id, Path(out), buffer.getvalue(), "calls.print",
                    sum(len(d.entries) for d in documents), [d.panel for d in documents])


def export_call_list(place: Place, actor: Operator, round_id: int | RoundRef, out: Path,
                     panel: str | None = None) -> dict:
    """The call list as one .xlsx sheet (a row per seat holder), marked and audited like the print."""
    require(actor, "calls.read", place)
    round_id = round_id_in(place, round_id)
    rows = _current(list_calls(place, actor, round_id, panel))
    made_by, made_at = _made(actor)
    from openpyxl import Workbook  # loaded when a list is exported, not with the window
    book = Workbook()
    sheet = book.active
    sheet.title = "专家联系名单"
    sheet.append([cell(f"机密　注意保密　导出：{made_by}　{made_at}")])
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([cell(v) for v in (row.panel, row.seat + 1, row.name, row.mobile, row.organisation, row.title,
                                        ENTERPRISE if row.enterprise else "", STATUSES[row.status],
                                        SOURCES.get(row.source, row.source))])
    buffer = io.BytesIO()
    book.save(buffer)
    return _written(place, actor, round_id, Path(out), buffer.getvalue(), "calls.export", len(rows),
                    sorted({r.panel for r in rows}))


def _written(place: Place, actor: Operator, round_id: int, out: Path, data: bytes, action: str, count: int,
             panels: list[str]) -> dict:
    result = {"round": round_id, "out": str(out.resolve()), "sha256": hashlib.sha256(data).hexdigest(),
              "rows": count, "panels": panels}
    with change(place, actor, action, f"round:{round_id}", round_unchanged=True) as unit:
        write_atomically(out, data)
        unit.after = result
    return result
