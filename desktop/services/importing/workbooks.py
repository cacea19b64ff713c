"""Excel workbooks: looked at as a zip before they are parsed, then read with calamine.

A 2 KB .xlsx can declare a sheet of A1:XFD1048576 or hold a 400-million-character name compressed a thousandfold;
the reader would try to allocate it all and the process would die. So the zip's table of contents is checked first
(entries, declared sizes, compression ratios, each sheet's declared dimension), and the parse itself runs in a
process of its own with a memory cap (see ``isolated``). Calamine reads a million rows in a fraction of the time a
pure-Python reader takes. Merged cells are refused: a value merged over three rows belongs to the first row only,
and the two rows below would silently import as empty.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import Iterator

from python_calamine import CalamineError, CalamineWorkbook

from desktop.services.importing.sheet import Sheet, UnreadableFile, column_letter, stream

MAX_ENTRIES = 1_000
MAX_UNCOMPRESSED = 1 << 30  # all entries together; the 50,000-expert benchmark workbook holds 430 MB
MAX_RATIO = 100  # deflate's worst honest case on sheet XML is about 20
RATIO_FROM = 1 << 20  # small entries may compress as well as they like
MAX_COLUMNS = 1_024
MAX_CELLS = 30_000_000
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _declared_cells(head: bytes) -> tuple[int, int] | None:
    """(rows, columns) a sheet's <dimension> declares, from the first bytes of its XML."""
    found = _DIMENSION.search(head)
    if found is None:
        return None
    first_col, first_row, last_col, last_row = found.groups()
    if last_col is None:
        return 1, 1
    rows = int(last_row) - int(first_row) + 1
    return rows, _column_number(last_col) - _column_number(first_col) + 1


def check_workbook(path: Path) -> None:
    """Refuse a workbook whose zip says it would take more memory than any register needs."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise UnreadableFile(f"{name}：文件内含{len(entries):,}个部件，不像正常的 Excel 文件")
            total = sum(entry.file_size for entry in entries)
            if total > MAX_UNCOMPRESSED:
                raise UnreadableFile(f"{name}：解压后达{total / (1 << 20):,.0f} MB，超过上限"
                                     f"{MAX_UNCOMPRESSED >> 20:,} MB；请拆分成几个文件导入")
            for entry in entries:
                if entry.file_size > RATIO_FROM and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                    raise UnreadableFile(f"{name}：部件 {entry.filename} 的压缩比异常"
                                         f"（{entry.file_size / max(entry.compress_size, 1):,.0f} 倍），"
                                         "文件可能被恶意构造（“表格炸弹”），未读取")
                if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                    with archive.open(entry) as handle:
                        declared = _declared_cells(handle.read(4096))
                    if declared and (declared[1] > MAX_COLUMNS or declared[0] * declared[1] > MAX_CELLS):
                        rows, columns = declared
                        raise UnreadableFile(f"{name}：工作表声明的范围为{rows:,}行×{columns:,}列，超过上限"
                                             f"（{MAX_COLUMNS:,}列、共{MAX_CELLS:,}个单元格），文件可能被恶意构造，未读取")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as error:
        raise UnreadableFile(f"{name}：无法作为 Excel 文件读取（文件已损坏或不是 .xlsx：{error}）") from None
    except OSError as error:
        raise UnreadableFile(f"{name}：无法读取（{error.strerror or error}）") from None


def _merged(ranges) -> str:
    return "、".join(f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}" for (r0, c0), (r1, c1) in ranges)


def xlsx_sheets(path: Path) -> Iterator[Sheet]:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            loaded = workbook.get_sheet_by_name(name)
            ranges = loaded.merged_cell_ranges or ()
            if ranges:
                raise UnreadableFile(f"{path.name}「{name.strip()}」含合并单元格 {_merged(ranges[:10])}"
                                     f"{'等' if len(ranges) > 10 else ''}：合并后只有第一个单元格有值，其余行会被当作空白；"
                                     "请取消合并并在每一行填写后重新导入")
            sheet = stream(path, name.strip(), loaded.iter_rows())
            if sheet is not None:
                yield sheet
    except CalamineError as error:
        raise UnreadableFile(f"{path.name}：无法作为 Excel 文件读取（{error}）") from error
