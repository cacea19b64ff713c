"""Turning recognised sheets into typed rows, and every bad cell into a problem that names file, row and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from desktop.services.importing.kinds import Kind, column_positions, recognise
from desktop.services.importing.sheets import Sheet

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


def parse_sheet(sheet: Sheet, problems: Problems) -> Rows | None:
    kind = recognise(sheet.name, sheet.headers)
    if kind is None:
        problems.add(sheet.file, sheet.name, 1, "", "", "无法识别此表的内容：表名或表头不是可导入的类型"
                     "（单位、专家、任职经历、学科、人员关系、项目、项目成员、不宜评审专家、诚信记录、回避声明、请托记录）")
        return None
    positions, missing = column_positions(kind, sheet.headers)
    for column in missing:
        problems.add(sheet.file, sheet.name, 1, column.header, "", f"缺少必填列「{column.header}」")
    if missing:
        return None
    values: list[tuple[int, tuple]] = []
    placed = [(column, positions.get(column.key)) for column in kind.columns]
    for number, cells in sheet.rows:
        row: list = []
        ok = True
        for column, position in placed:
            raw = cells[position].strip() if position is not None and position < len(cells) else ""
            if raw == "":
                if column.required:
                    problems.add(sheet.file, sheet.name, number, column.header, "", "必填项为空")
                    ok = False
                row.append(None)
                continue
            try:
                row.append(column.parse(raw))
            except ValueError as error:
                problems.add(sheet.file, sheet.name, number, column.header, raw, str(error))
                ok = False
        if ok:
            values.append((number, tuple(row)))
    return Rows(kind, sheet, values)
