"""Turning recognised sheets into typed rows, and every bad cell into a problem that names file, row and column."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from desktop.domain.ids import SAME_COLUMN, STORED_AS_NUMBER, zeroed_by_spreadsheet
from desktop.services.importing.kinds import BY_KEY, Column, Kind, column_positions, recognise
from desktop.services.importing.mapping import Mapping
from desktop.services.importing.sheet import Sheet, column_letter

MAX_PROBLEMS = 200


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str
    row: int | None
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}「{self.sheet}」"
        if self.row is not None:
            where += f"第{self.row}行"
        if self.column:
            where += f"「{self.column}」列"
        value = f"（值：{self.value}）" if self.value else ""
        return f"{where}{value}：{self.reason}"


@dataclass
class Problems:
    """Problems found so far, capped so a file with 10,000 bad rows still gives a readable report."""
    items: list[Problem] = field(default_factory=list)
    total: int = 0

    def add(self, file: Path | str, sheet: str, row: int | None, column: str, value: str, reason: str) -> None:
        self.total += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(Path(file).name, sheet, row, column, value, reason))

    def __bool__(self) -> bool:
        return self.total > 0


@dataclass
class Rows:
    """The typed rows of one sheet; ``values`` follow ``kind.columns``, absent optional cells are None."""
    kind: Kind
    sheet: Sheet
    values: list[tuple[int, tuple]]

    def index(self, key: str) -> int:
        return self._positions[key]

    @cached_property
    def _positions(self) -> dict[str, int]:
        """Column key → its place in ``values``: asked for every row, so worked out once per sheet."""
        return {column.key: i for i, column in enumerate(self.kind.columns)}


def _layout(sheet: Sheet, mapping: Mapping, problems: Problems,
            fixed: Kind | None = None) -> tuple[Kind, dict[str, int]] | None:
    """The kind of a sheet and where each of its columns stands, or None (with the problems) when it has none;
    ``fixed`` is the one kind a sheet may hold where the file says what it is (the working-day calendar)."""
    choice = mapping.choice(sheet)
    if fixed is not None:
        kind = fixed
        positions, missing, clashes = column_positions(kind, mapping.headers_of(sheet))
    elif choice is not None:
        if choice.kind is None:
            return None
        kind = BY_KEY[choice.kind]
        claims: dict[str, list[int]] = {}
        for position, key in sorted(choice.columns.items()):
            if key:
                claims.setdefault(key, []).append(position)
        positions = {key: places[0] for key, places in claims.items()}
        missing = [column for column in kind.columns if column.required and column.key not in positions]
        clashes = [(kind.column(key), places) for key, places in claims.items() if len(places) > 1]
    else:
        headers = mapping.headers_of(sheet)
        kind = recognise(sheet.name, headers)
        if kind is None:
            problems.add(sheet.file, sheet.name, 1, "", "", "无法识别此表的内容：表名或表头不是可导入的类型"
                         "（单位、专家、任职经历、学科、人员关系、项目、项目成员、不宜评审专家、诚信记录、回避声明、请托记录、在研项目）")
            return None
        positions, missing, clashes = column_positions(kind, headers)
    for column in missing:
        problems.add(sheet.file, sheet.name, 1, column.header, "", f"缺少必填列「{column.header}」")
    for column, places in clashes:
        _clash(sheet, column, places, problems)
    return None if missing or clashes else (kind, positions)


def _clash(sheet: Sheet, column: Column, places: list[int], problems: Problems) -> None:
    named = "、".join(f"{column_letter(p)}列「{sheet.headers[p] if p < len(sheet.headers) else ''}」" for p in places)
    problems.add(sheet.file, sheet.name, 1, column.header, "",
                 f"表头重复：{named}都对应「{column.header}」，无法确定用哪一列；请删除或改名多余的列")


def parse_sheet(sheet: Sheet, problems: Problems, mapping: Mapping = Mapping(), kind: Kind | None = None) -> Rows | None:
    layout = _layout(sheet, mapping, problems, kind)
    if layout is None:
        return None
    kind, positions = layout
    values: list[tuple[int, tuple]] = []
    # a column absent from the sheet stands past any row's end; the parser bound once (a million rows pass here)
    placed = [(column, column.parse, positions.get(column.key, sys.maxsize)) for column in kind.columns]
    stored_as_number: dict[str, str] = {}  # column key → the reason a cell of it showed codes stored as numbers
    for number, cells in sheet.rows:
        row: list = []
        ok = True
        width = len(cells)
        for column, parse, position in placed:
            raw = cells[position] if position < width else ""
            if not raw:
                if column.required:
                    problems.add(sheet.file, sheet.name, number, column.header, "", "必填项为空")
                    ok = False
                row.append(None)
                continue
            try:
                row.append(parse(raw))
            except ValueError as error:
                problems.add(sheet.file, sheet.name, number, column.header, _shown(raw), str(error))
                if str(error) in STORED_AS_NUMBER:
                    stored_as_number.setdefault(column.key, str(error))
                ok = False
        if ok:
            values.append((number, tuple(row)))
    rows = Rows(kind, sheet, values)
    if stored_as_number:
        _refuse_zeroed(rows, stored_as_number, problems)
    return rows


def _refuse_zeroed(rows: Rows, stored_as_number: dict[str, str], problems: Problems) -> None:
    """In a column that showed its codes were stored as numbers, every code ending in 000 lost its digits too, even
    one whose check passes by chance (desktop.domain.ids.zeroed_by_spreadsheet): refuse those rows as well, so
    fixing the rows named first cannot leave the lucky ones in."""
    kept = []
    for number, values in rows.values:
        ok = True
        for key, reason in stored_as_number.items():
            value = values[rows.index(key)]
            for code in value if isinstance(value, tuple) else (value,):
                if code is not None and zeroed_by_spreadsheet(code):
                    problems.add(rows.sheet.file, rows.sheet.name, number, rows.kind.column(key).header, code,
                                 reason + SAME_COLUMN)
                    ok = False
        if ok:
            kept.append((number, values))
    rows.values = kept


def _shown(raw: str) -> str:
    """A cell's value as a problem quotes it: a 20,000-character cell is not repeated whole."""
    return raw if len(raw) <= 60 else raw[:60] + "…"
