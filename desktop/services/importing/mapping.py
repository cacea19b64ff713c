"""What the user says a sheet holds when its name and headers do not say it: a parameter of the import.

The command line renames headers for every sheet (``--map 证件号码=身份证号``); the wizard says for one sheet which
kind it is (or that it is left out) and which field each column holds. Either way the file is read as it is, so
every problem still names the file, sheet, row and column the user sees, and no copy of the data is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.services.importing.kinds import KINDS
from desktop.services.importing.sheet import Sheet


@dataclass(frozen=True)
class SheetChoice:
    kind: str | None  # the key of a kind; None leaves the sheet out
    columns: dict[int, str]  # header position → column key; positions not named are not imported


@dataclass(frozen=True)
class Mapping:
    headers: dict[str, str] = field(default_factory=dict)  # header in the file → a header or alias the import knows
    sheets: dict[tuple[str, str], SheetChoice] = field(default_factory=dict)  # (file, sheet name) → choice

    def choice(self, sheet: Sheet) -> SheetChoice | None:
        return self.sheets.get(sheet_key(sheet.file, sheet.name))

    def headers_of(self, sheet: Sheet) -> list[str]:
        return [self.headers.get(header, header) for header in sheet.headers]


def sheet_key(file: Path | str, sheet: str) -> tuple[str, str]:
    return str(Path(file)), sheet


def known_field(name: str) -> bool:
    """Whether ``name`` is a header or alias of some column the import knows (the right side of ``--map``)."""
    return any(name == column.header or name in column.aliases or name == column.key
               for kind in KINDS for column in kind.columns)
