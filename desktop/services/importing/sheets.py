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
from typing import Iterable, Iterator

from python_calamine import CalamineError, CalamineWorkbook

from desktop.domain.errors import UserError


class UnreadableFile(UserError):
    """The file cannot be read as a spreadsheet at all."""


@dataclass
class Sheet:
    file: Path
    name: str  # the sheet name, or the CSV file's stem
    headers: list[str]
    rows: Iterable[tuple[int, list[str]]]  # (row number as the user sees it, cell texts); one pass when streamed


def _text(value: object) -> str:
    if type(value) is str:
        return value.strip()
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


def _stream(file: Path, name: str, rows: Iterator[list]) -> Sheet | None:
    """The sheet whose header is the first non-empty row; its body is read as the caller iterates."""
    numbered = enumerate(rows, start=1)
    for _, cells in numbered:
        header = _trimmed([_text(c).replace("\n", "") for c in cells])
        if header:
            break
    else:
        return None

    def body() -> Iterator[tuple[int, list[str]]]:
        for number, cells in numbered:
            cells = _trimmed([_text(c) for c in cells])
            if cells:
                yield number, cells
    return Sheet(file, name, header, body())


def _xlsx_sheets(path: Path) -> Iterator[Sheet]:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            sheet = _stream(path, name.strip(), workbook.get_sheet_by_name(name).iter_rows())
            if sheet is not None:
                yield sheet
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


def _csv_sheets(path: Path) -> Iterator[Sheet]:
    sheet = _stream(path, path.stem.strip(), csv.reader(io.StringIO(_decode(path), newline="")))
    if sheet is not None:
        yield sheet


def iter_sheets(path: Path) -> Iterator[Sheet]:
    """Every non-empty sheet of a file, each read row by row as it is consumed, so a million-row sheet never sits
    in memory as text; raises UnreadableFile with a Chinese message."""
    if not path.exists():
        raise UnreadableFile(f"{path}：文件不存在")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_sheets(path)
    if suffix == ".csv":
        return _csv_sheets(path)
    raise UnreadableFile(f"{path.name}：不支持的文件类型 {path.suffix}（请使用 .xlsx 或 .csv）")


def read_file(path: Path) -> list[Sheet]:
    """Every non-empty sheet of a file with all its rows in memory, for previews."""
    return [Sheet(s.file, s.name, s.headers, list(s.rows)) for s in iter_sheets(path)]
