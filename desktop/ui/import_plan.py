"""What the import wizard will hand to the import: each sheet with its kind and which header means which field.

The import service recognises sheets by name and headers. When the user tells the wizard that "证件号码" means
身份证号, or which kind a sheet is, that choice goes to the import as its ``Mapping`` parameter: the file itself is
imported, so every problem names the file, sheet and row the user sees, and no copy of the data is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.services.importing.kinds import KINDS, Kind, column_positions, recognise
from desktop.services.importing.mapping import Mapping, SheetChoice, sheet_key
from desktop.services.importing.sheet import Sheet
from desktop.services.importing.sheets import read_file

IGNORE = ""


@dataclass
class SheetPlan:
    sheet: Sheet
    kind: Kind | None
    mapping: dict[int, str] = field(default_factory=dict)  # header position -> column key, or IGNORE
    automatic: bool = True  # nothing changed by hand: the import recognises the sheet itself

    @classmethod
    def of(cls, sheet: Sheet) -> SheetPlan:
        plan = cls(sheet, recognise(sheet.name, sheet.headers))
        plan.mapping = plan.automatic_mapping()
        return plan

    def automatic_mapping(self) -> dict[int, str]:
        if self.kind is None:
            return {i: IGNORE for i in range(len(self.sheet.headers))}
        positions, _missing, _clashes = column_positions(self.kind, self.sheet.headers)
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


def read_plans(paths: list[Path], encoding: str | None = None) -> list[SheetPlan]:
    """Every sheet of every file, recognised as the import would; raises UnreadableFile for a bad file."""
    return [SheetPlan.of(sheet) for path in paths for sheet in read_file(Path(path), encoding)]


def mapping_of(plans: list[SheetPlan]) -> Mapping:
    """The import's parameter for what the user changed by hand, and the sheets shown as not imported; sheets left
    as recognised need no entry."""
    return Mapping(sheets={sheet_key(p.sheet.file, p.sheet.name):
                           SheetChoice(p.kind.key if p.kind else None, {i: k for i, k in p.mapping.items() if k})
                           for p in plans if not p.automatic or p.kind is None})


KIND_CHOICES = [(kind.title, kind) for kind in KINDS]
