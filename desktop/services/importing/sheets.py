"""Reading .xlsx and .csv files into plain rows of text.

Secretariats write spreadsheets in Excel or WPS: CSV comes as UTF-8 (with or without BOM) or GB18030, and Excel
turns long digit strings and years into numbers. Workbooks are read with calamine, which reads a million rows in a
fraction of the time a pure-Python reader takes. Every cell is turned back into the text the user typed, so the
validation sees what the user sees.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from python_calamine import CalamineError, CalamineWorkbook


class UnreadableFile(Exception):
    """The file cannot be read as a spreadsheet at all."""


@dataclass
class Sheet:
    file: Path
    name: str  # the sheet name, or the CSV file's stem
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the user sees it, cell texts)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _trimmed(cells: list[str]) -> list[str]:
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def _from_rows(file: Path, name: str, rows: Iterator[list[str]]) -> Sheet | None:
    header: list[str] | None = None
    body: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(rows, start=1):
        cells = _trimmed(cells)
        if not cells:
            continue
        if header is None:
            header = [c.replace("\n", "").strip() for c in cells]
            continue
        body.append((number, cells))
    return None if header is None else Sheet(file, name, header, body)


def _read_xlsx(path: Path) -> list[Sheet]:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            sheet = _from_rows(path, name.strip(), ([_text(v) for v in row] for row in rows))
            if sheet is not None:
                sheets.append(sheet)
        return sheets
    except CalamineError as error:
        raise UnreadableFile(f"{path.name}：无法作为 Excel 文件读取（{error}）") from error


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(f"{path.name}：既不是 UTF-8 也不是 GB18030 编码的文本文件")


def _read_csv(path: Path) -> list[Sheet]:
    text = _decode(path)
    rows = ([c.strip() for c in row] for row in csv.reader(io.StringIO(text, newline="")))
    sheet = _from_rows(path, path.stem.strip(), rows)
    return [] if sheet is None else [sheet]


def read_file(path: Path) -> list[Sheet]:
    """Every non-empty sheet of a file; raises UnreadableFile with a Chinese message."""
    if not path.exists():
        raise UnreadableFile(f"{path}：文件不存在")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise UnreadableFile(f"{path.name}：不支持的文件类型 {path.suffix}（请使用 .xlsx 或 .csv）")
