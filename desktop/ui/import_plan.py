"""What the import wizard will hand to the import: each sheet with its kind and which header means which field.

The import service recognises sheets by name and headers. When the user tells the wizard that "证件号码" means
身份证号, the sheet is written again as a CSV with the import's own headers, in a folder of its own, and that file
is imported instead; row numbers are kept (blank lines stand in for skipped rows) so every problem still points at
the row the user sees, and ``origin`` names the file and sheet it came from.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from desktop.services.importing.kinds import KINDS, Kind, column_positions, recognise
from desktop.services.importing.sheets import Sheet, read_file

IGNORE = ""


@dataclass
class SheetPlan:
    sheet: Sheet
    kind: Kind | None
    mapping: dict[int, str] = field(default_factory=dict)  # header position -> column key, or IGNORE
    automatic: bool = True  # nothing changed by hand: import the original file

    @classmethod
    def of(cls, sheet: Sheet) -> SheetPlan:
        plan = cls(sheet, recognise(sheet.name, sheet.headers))
        plan.mapping = plan.automatic_mapping()
        return plan

    def automatic_mapping(self) -> dict[int, str]:
        if self.kind is None:
            return {i: IGNORE for i in range(len(self.sheet.headers))}
        positions, _missing = column_positions(self.kind, self.sheet.headers)
        by_position = {p: k for k, p in positions.items()}
        return {i: by_position.get(i, IGNORE) for i in range(len(self.sheet.headers))}

    def set_kind(self, kind: Kind | None) -> None:
        self.kind = kind
        self.mapping = self.automatic_mapping()
        self.automatic = False

    def set_column(self, position: int, key: str) -> None:
        self.mapping[position] = key
        self.automatic = False

    def missing(self) -> list[str]:
        """Headers of required fields no column is mapped to."""
        if self.kind is None:
            return []
        mapped = set(self.mapping.values())
        return [c.header for c in self.kind.columns if c.required and c.key not in mapped]

    @property
    def label(self) -> str:
        return f"{self.sheet.file.name}「{self.sheet.name}」"


def read_plans(paths: list[Path]) -> list[SheetPlan]:
    """Every sheet of every file, recognised as the import would; raises UnreadableFile for a bad file."""
    return [SheetPlan.of(sheet) for path in paths for sheet in read_file(Path(path))]


def _write_mapped(plan: SheetPlan, folder: Path) -> Path:
    kind = plan.kind
    assert kind is not None
    headers = {column.key: column.header for column in kind.columns}
    folder.mkdir(parents=True)
    path = folder / f"{kind.title}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([headers.get(plan.mapping.get(i, IGNORE), "") for i in range(len(plan.sheet.headers))])
        line = 1
        for number, cells in plan.sheet.rows:
            while line < number - 1:
                writer.writerow([])
                line += 1
            writer.writerow(cells)
            line += 1
    return path


def files_to_import(plans: list[SheetPlan], scratch: Path) -> tuple[list[Path], dict[str, str]]:
    """The paths to give the import, and for each rewritten file name the file and sheet it stands for.

    A file all of whose sheets are automatic is imported as it is; a file with any sheet changed by hand is
    imported sheet by sheet from rewritten CSVs (ignored sheets, kind None, are left out)."""
    by_file: dict[Path, list[SheetPlan]] = {}
    for plan in plans:
        by_file.setdefault(plan.sheet.file, []).append(plan)
    paths: list[Path] = []
    origin: dict[str, str] = {}
    for file, sheets in by_file.items():
        if all(p.automatic for p in sheets):
            paths.append(file)
            continue
        for plan in sheets:
            if plan.kind is None:
                continue
            path = _write_mapped(plan, scratch / str(len(paths)))
            paths.append(path)
            origin[path.name] = plan.label
    return paths, origin


KIND_CHOICES = [(kind.title, kind) for kind in KINDS]
