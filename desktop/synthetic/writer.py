"""Write a synthetic data set as the spreadsheets a secretariat imports: two workbooks, or one CSV per sheet.

Rows are streamed: workbooks are written in openpyxl's write-only mode and relations are produced as they are
written, so a pool of fifty thousand experts with a million rows of relations and stays fits in modest memory.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop.synthetic.generator import build_dataset
from desktop.synthetic.model import Dataset
from desktop.synthetic.sheets import WORKBOOKS, Sheet

_WIDE = {"单位名称": 36, "工作单位": 36, "申报单位": 36, "项目名称": 48, "主体名称": 24, "说明": 40, "理由": 36,
         "失信行为": 36, "处理措施": 30, "处理依据": 44, "电子邮箱": 28}


def write_dataset(out_dir: Path | str, *, seed: int = 2026, experts: int = 300, applications: int = 60,
                  relations: int | None = None, fmt: str = "xlsx", encoding: str = "utf-8-sig") -> list[Path]:
    """Build the data set for ``seed`` and these sizes and write it into ``out_dir``; returns the files written.

    ``fmt`` is ``xlsx`` (专家库.xlsx and 项目.xlsx) or ``csv`` (``<sheet>.csv`` each, in ``encoding``: UTF-8 with
    BOM by default, ``gb18030`` as WPS writes it).
    """
    dataset = build_dataset(seed=seed, experts=experts, applications=applications, relations=relations)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [write_workbook(out / name, sheets, dataset) for name, sheets in WORKBOOKS.items()]
    if fmt == "csv":
        return [write_csv(out / f"{s.name}.csv", s, dataset, encoding) for sheets in WORKBOOKS.values() for s in sheets]
    raise ValueError(f"unknown format {fmt!r}: use xlsx or csv")


def write_workbook(path: Path, sheets: tuple[Sheet, ...], dataset: Dataset) -> Path:
    """A workbook with a frozen header row and identifier columns formatted as text, so Excel keeps them whole."""
    book = Workbook(write_only=True)
    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        text = set(sheet.text_columns())
        for i, header in enumerate(sheet.headers):
            column = ws.column_dimensions[get_column_letter(i + 1)]
            column.width = _WIDE.get(header, 20 if i in text else 12)
            if i in text:
                column.number_format = "@"
        ws.freeze_panes = "A2"
        ws.append(sheet.headers)
        for row in sheet.rows(dataset):
            ws.append(row)
    book.save(path)
    return path


def write_csv(path: Path, sheet: Sheet, dataset: Dataset, encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        out = csv.writer(f)
        out.writerow(sheet.headers)
        out.writerows(sheet.rows(dataset))  # the csv module writes None as an empty field
    return path
