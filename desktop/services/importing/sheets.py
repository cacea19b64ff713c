"""Reading .xlsx and .csv files into plain rows of text, each file by the reader its kind needs.

Workbooks are always parsed in a process of their own under a memory cap (``isolated``), after their zip has been
checked; a CSV is parsed in process when it is small (its memory is bounded by its size) and in its own process
otherwise. Whatever goes wrong, the caller gets an ``UnreadableFile`` with a Chinese message naming the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

from desktop.services.importing.csv_files import csv_sheets
from desktop.services.importing.isolated import read_isolated
from desktop.services.importing.sheet import Sheet, UnreadableFile
from desktop.services.importing.workbooks import check_workbook, xlsx_sheets

CSV_IN_PROCESS = 16 << 20  # bytes


def _workbook(path: Path, _encoding: str | None) -> Iterator[Sheet]:
    return xlsx_sheets(path)


def iter_sheets(path: Path, encoding: str | None = None, check: Callable[[], None] = lambda: None) -> Iterator[Sheet]:
    """Every non-empty sheet of a file, each read row by row as it is consumed, so a million-row sheet never sits
    in memory as text. ``encoding`` applies to CSV files; ``check`` is called between chunks of rows read in
    another process and may raise to stop the reading."""
    path = Path(path)
    if not path.exists():
        raise UnreadableFile(f"{path}：文件不存在")
    if path.is_dir():
        raise UnreadableFile(f"{path.name}：这是一个文件夹，不是表格文件")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        check_workbook(path)
        return read_isolated(_workbook, path, check=check)
    if suffix == ".csv":
        try:
            size = path.stat().st_size
        except OSError as error:
            raise UnreadableFile(f"{path.name}：无法读取（{error.strerror}）") from None
        if size <= CSV_IN_PROCESS:
            return csv_sheets(path, encoding)
        return read_isolated(csv_sheets, path, encoding, check)
    raise UnreadableFile(f"{path.name}：不支持的文件类型 {path.suffix}（请使用 .xlsx 或 .csv）")


def read_file(path: Path, encoding: str | None = None) -> list[Sheet]:
    """Every non-empty sheet of a file with all its rows in memory, for previews."""
    return [Sheet(s.file, s.name, s.headers, list(s.rows)) for s in iter_sheets(path, encoding)]
