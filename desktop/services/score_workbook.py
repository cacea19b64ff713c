"""The score template of a panel as an .xlsx workbook, and its import back: all or nothing, every problem named by
file, sheet, row and column.

The template lists the panel's seated experts by its applications, with one column per criterion of a 百分制 sheet
(or one column for a grade, a vote or a rank) and one for the opinion; its 说明 sheet names the round, the method,
who exported it and when (CONFIDENTIAL: the export of an expert list is audited and marked). The import reads the
workbook the way every import does (desktop.services.importing: the zip checked first, parsed in a process of its
own under a memory cap), checks every cell with the rules of entry (desktop.services.scores), and writes nothing
unless every cell passes. Text a spreadsheet would take for a formula (= + - @ first) is written with a leading
apostrophe.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable

from sqlalchemy import select

from desktop.domain.errors import NotFound, RuleError, UserError
from desktop.domain.methods import Scoring
from desktop.domain.scores import MarkReader, criterion_problems, kind_of, other_method
from desktop.services.accounts import Operator, require
from desktop.services.gc_pause import gc_paused
from desktop.services.importing.parse import Problems
from desktop.services.importing.run import ImportRejected
from desktop.services.importing.sheet import UnreadableFile
from desktop.services.importing.sheets import iter_sheets
from desktop.services.rounds import RoundRef, get_round, round_id_in
from desktop.services.scores import (Entered, ScoreInput, RoundScoring, check_open, check_panel_ranks, now,
                                     record_scores, value_columns)
from desktop.services.uow import change
from desktop.store.tables import Application
from desktop.store.workspace import Workspace

Place = Path | Workspace
SHEET, ABOUT = "评分表", "说明"
KEYS = ("评审组", "专家身份证号", "专家姓名", "项目编号", "项目名称")
OPINION = "评审意见"
ABOUT_HEADERS = ("评审轮次编号", "评审轮次", "评审方法", "评审组", "导出人", "导出时间", "说明")


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def export_template(place: Place, actor: Operator, round_id: int | RoundRef, panel: str, out: Path) -> dict:
    """Write the panel's score template to ``out`` (an audited export of an expert list)."""
    from openpyxl import Workbook  # loaded by the first export, not with the window
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    require(actor, "scores.enter", place)
    round_id = round_id_in(place, round_id)
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(f"评分模板须保存为 .xlsx 文件：{out.name}")
    with change(place, actor, "scores.template", f"round:{round_id}") as unit:
        scoring = RoundScoring.read(unit.session, round_id)
        row = scoring.panel(panel)
        titles = dict(unit.session.execute(select(Application.number, Application.title)
                                           .where(Application.number.in_(row.applications))).all())
        members = [s for s in scoring.seats if s.panel_id == row.id]
        if not members:
            raise UserError(f"评审组「{row.name}」尚无确认的成员，无法导出评分模板")
        columns = value_columns(scoring.method)
        book = Workbook()
        sheet = book.active
        sheet.title = SHEET
        sheet.append([*KEYS, *columns, OPINION])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDE7F3")
        for seat in members:
            for number in row.applications:
                sheet.append([_safe(row.name), seat.id_number, _safe(seat.name), _safe(number),
                              _safe(titles[number])] + [None] * (len(columns) + 1))
        for index, width in enumerate([16, 22, 10, 14, 30] + [16] * len(columns) + [40], start=1):
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
        if scoring.method.scoring in (Scoring.GRADES, Scoring.VOTE):
            choices = '"A,B,C,D"' if scoring.method.scoring is Scoring.GRADES else '"同意,不同意,弃权"'
            check = DataValidation(type="list", formula1=choices, allow_blank=True)
            sheet.add_data_validation(check)
            check.add(f"F2:F{sheet.max_row}")
        sheet.freeze_panes = "F2"
        about = book.create_sheet(ABOUT)
        about.append(list(ABOUT_HEADERS))
        about.append([round_id, _safe(get_round(unit.session, round_id).name), scoring.method.describe(), _safe(row.name),
                      actor.name, now(), "保密：评审专家名单及评分在公布前不得外传。每行填写一位专家对一个项目的评分；"
                                         "留空的行不导入。"])
        out.parent.mkdir(parents=True, exist_ok=True)
        book.save(out)
        unit.after = {"panel": row.name, "out": str(out), "count": len(members), "method": scoring.method.describe()}
        return {"round": round_id, "panel": row.name, "out": str(out), "experts": len(members),
                "applications": len(row.applications), "rows": len(members) * len(row.applications)}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _column_of(error: Exception, columns: list[str]) -> str:
    if isinstance(error, NotFound):
        return "项目编号"
    if isinstance(error, RuleError) and error.code != "ONE_METHOD":
        return "专家身份证号"
    return "、".join(columns)


def import_scores(place: Place, actor: Operator, round_id: int | RoundRef, path: Path) -> Entered:
    """Import a filled score template: every cell checked as if entered in the window, then all of it written in one
    transaction; or an ImportRejected naming every problem by file, row and column, and nothing written. A row whose
    value and opinion cells are all empty is not a score and is passed over.

    The workbook is parsed in a process of its own meanwhile: the experts' grounds are worked out while it opens
    the workbook (in a thread, the only user of the transaction's connection until then), and each chunk of rows
    is checked while it reads the next."""
    require(actor, "scores.enter", place)
    round_id = round_id_in(place, round_id)
    path = Path(path)
    with gc_paused(), change(place, actor, "scores.import", f"round:{round_id}") as unit:  # rows, marks: no cycles
        scoring = RoundScoring.read(unit.session, round_id)
        check_open(scoring, "")
        about, rows, found = {}, Problems(), None
        with ThreadPoolExecutor(1) as early:
            grounds = early.submit(lambda: scoring.conflicts)
            for sheet in iter_sheets(path):
                grounds.result()
                if sheet.name == ABOUT:
                    first = next(iter(sheet.rows), None)
                    about = dict(zip(sheet.headers, first[1])) if first else {}
                elif found is None and (sheet.name == SHEET or set(KEYS) <= set(sheet.headers)):
                    found = _checked(scoring, path, sheet.headers, sheet.rows, rows)
        if found is None:
            raise UnreadableFile(f"{path.name}：找不到「{SHEET}」工作表（请使用 PanelDesk 导出的评分模板）")
        problems = Problems()
        if str(about.get("评审轮次编号", round_id)) != str(round_id):
            problems.add(path, SHEET, None, "评审轮次编号", str(about["评审轮次编号"]),
                         f"这是评审轮次 {about['评审轮次编号']} 的评分模板，不是本轮（{round_id}）的")
        for item in rows.items:  # the sheet's problems after the template's own
            problems.add(item.file, item.sheet, item.row, item.column, item.value, item.reason)
        problems.total += rows.total - len(rows.items)
        if not problems:
            try:
                check_panel_ranks(scoring, found)
            except UserError as error:
                problems.add(path, SHEET, None, "、".join(value_columns(scoring.method)), "", str(error))
        if problems:
            raise ImportRejected(problems.items, problems.total)
        if not found:
            raise UserError(f"{path.name}：评分表中没有填写任何评分，未导入")
        digest = _sha256(path)
        done = record_scores(unit.session, scoring, found, actor.name, digest)
        unit.after = {"files": [path.name], "sha256": digest, "entered": done.entered, "settled": done.settled,
                      "scores": done.corrections(), "differences": len(done.differences)}
        return done


def _checked(scoring: RoundScoring, path: Path, headers: list[str], rows: Iterable[tuple[int, list[str]]],
             problems: Problems) -> list[tuple]:
    """The 评分表 rows checked as they are read, each as ``RoundScoring.check`` gives it with its ScoreInput; every
    problem named in ``problems`` by row and column. A sheet without its method's columns is named once, unread."""
    method = scoring.method
    columns = value_columns(method)

    def problem(row: int | None, column: str, value: str, reason: str) -> None:
        problems.add(path, SHEET, row, column, value, reason)

    missing = [h for h in (KEYS[1], KEYS[3], *columns) if h not in headers]
    if missing:
        other = [h for h in headers if h not in (*KEYS, *columns, OPINION)]
        problem(1, "、".join(missing), "", f"ONE_METHOD 本轮评审方法为「{method.describe()}」，评分表却有"
                                           f"其他方法的列（{'、'.join(other)}）" if other else "缺少此列")
        return []
    where = {h: i for i, h in enumerate(headers)}
    expert_at, number_at, value_at = where[KEYS[1]], where[KEYS[3]], [where[h] for h in columns]
    opinion_at, width = where.get(OPINION), len(headers)
    reader = MarkReader(method)
    checked, seen = [], {}
    for number, cells in rows:
        if len(cells) < width:  # the reader drops a row's empty cells at its end
            cells = cells + [""] * (width - len(cells))
        marks, opinion = [cells[i] for i in value_at], cells[opinion_at] if opinion_at is not None else ""
        if not any(marks) and not opinion:
            continue
        application = cells[number_at]
        panel = scoring.panel_of.get(application)
        mark = reader.mark(marks, len(panel.applications) if panel else 0)
        if mark is None:  # not plainly valid: said cell by cell below, or by the rules of entry
            empty = [h for h, m in zip(columns, marks) if not m]
            other = [(h, m) for h, m in zip(columns, marks) if kind_of(m) not in (None, method.scoring)]
            if empty:
                problem(number, "、".join(empty), "", "评分未填全")
                continue
            if other:
                header, value = other[0]
                problem(number, header, value, str(other_method(method, kind_of(value), value)))
                continue
        item = ScoreInput(cells[expert_at], application, mark or ",".join(marks), opinion)
        key = (item.expert.upper(), application)
        if key in seen:
            problem(number, KEYS[3], application, f"与第{seen[key]}行是同一位专家对同一项目的评分")
            continue
        seen[key] = number
        try:
            checked.append((*scoring.check(item), item))
        except UserError as error:
            bad = criterion_problems(method, marks) if method.criteria else []
            for index, reason in bad:  # a bad mark is named by its own criterion's column
                problem(number, columns[index], marks[index], reason)
            if bad:
                continue
            column = _column_of(error, columns)
            problem(number, column, {KEYS[3]: application, KEYS[1]: item.expert}.get(column, ",".join(marks)),
                    str(error))
    return checked
