"""One sheet as plain rows of text, and the checks every cell passes whatever file it came from.

Every cell is turned back into the text the user typed, so the validation sees what the user sees; a number too
long for a spreadsheet's 15 significant digits comes back as the spreadsheet shows it (1.10101197508082E+17), so
an ID number stored as a number is recognised as one instead of passing with its last digits turned to 000.
Control characters and bidi overrides have no place in a register and can make one name look like another, so a
cell holding one is refused with its place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from desktop.domain.errors import UserError

# C0 controls but tab and line breaks, DEL, C1 controls, bidi embeddings, overrides and isolates.
_HOSTILE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LOST_DIGITS = 10 ** 15  # from here on a spreadsheet number has lost digits (15 significant digits)


class UnreadableFile(UserError):
    """The file cannot be read as a spreadsheet at all."""


@dataclass
class Sheet:
    file: Path
    name: str  # the sheet name, or the CSV file's stem
    headers: list[str]
    rows: Iterable[tuple[int, list[str]]]  # (row number as the user sees it, cell texts); one pass when streamed


def column_letter(index: int) -> str:
    """A spreadsheet's name for the column at ``index`` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def place(file: Path, sheet: str, row: int, column: int | None = None) -> str:
    where = f"{file.name}「{sheet}」第{row}行"
    return where if column is None else f"{where}第{column_letter(column)}列"


def text_of(value: object) -> str:
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= _LOST_DIGITS:
        return format(value, ".15G")
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


def _checked(file: Path, sheet: str, number: int, cells: list) -> None:
    """Refuse a hostile character in any cell, before stripping (Python strips some control characters)."""
    if _HOSTILE.search("".join(c for c in cells if type(c) is str)):
        for index, cell in enumerate(cells):
            found = _HOSTILE.search(cell) if type(cell) is str else None
            if found:
                char = found.group()
                raise UnreadableFile(f"{place(file, sheet, number, index)}含控制字符或文字方向控制符"
                                     f"（U+{ord(char):04X}），请删除后重新导入")


def stream(file: Path, name: str, rows: Iterator[list]) -> Sheet | None:
    """The sheet whose header is the first non-empty row; its body is read and checked as the caller iterates."""
    numbered = enumerate(rows, start=1)
    for number, cells in numbered:
        _checked(file, name, number, cells)
        header = _trimmed([text_of(c).replace("\n", "") for c in cells])
        if header:
            break
    else:
        return None

    def body() -> Iterator[tuple[int, list[str]]]:
        for number, cells in numbered:
            _checked(file, name, number, cells)
            cells = _trimmed([text_of(c) for c in cells])
            if cells:
                yield number, cells
    return Sheet(file, name, header, body())
