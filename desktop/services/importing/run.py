"""The import use case: files in, one transaction and one audit entry out, or a list of problems and no change."""

from __future__ import annotations

import logging
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from desktop.services import limits
from desktop.services.accounts import Operator, require
from desktop.services.gc_pause import gc_paused
from desktop.services.importing.check import check_duplicates, check_references, group
from desktop.services.importing.mapping import Mapping
from desktop.services.importing.parse import Problem, Problems, parse_sheet
from desktop.services.importing.sheet import UnreadableFile
from desktop.services.importing.sheets import iter_sheets
from desktop.services.importing.write import write_batch
from desktop.services.uow import change, workspace_of
from desktop.store.lookups import known
from desktop.store.workspace import Workspace
from desktop.domain.errors import Cancelled, UserError

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, what)


class ImportRejected(UserError):
    """Nothing was written; ``problems`` says why, row by row."""

    def __init__(self, problems: list[Problem], total: int):
        shown = "" if total == len(problems) else f"（仅列出前{len(problems)}条）"
        super().__init__(f"导入未执行：发现{total}处问题{shown}，未写入任何数据")
        self.problems = problems
        self.total = total


@dataclass(frozen=True)
class ImportSummary:
    files: list[str]
    sheets: list[dict]  # {"file", "sheet", "kind", "rows"}
    counts: dict[str, dict[str, int]]
    limits: list[dict] = field(default_factory=list)  # limits.listed of each open round, counted after the import


def import_files(place: Path | Workspace, paths: list[Path], actor: Operator, progress: Progress | None = None,
                 cancelled: Callable[[], bool] = lambda: False, *, mapping: Mapping = Mapping(),
                 encoding: str | None = None) -> ImportSummary:
    """Check every file, then write all of it in one transaction with one audit entry, or raise and write nothing.

    ``mapping`` says what sheets hold where their names and headers do not; ``encoding`` is the encoding of the CSV
    files when it is not certain from their bytes. ``cancelled`` is asked between steps and while files are read."""
    require(actor, "import", place)
    workspace = workspace_of(place)
    with gc_paused():  # a million rows of small lists and tuples, no cycles: the collector walked them all, often
        return _import(workspace, paths, actor, progress, cancelled, mapping, encoding)


def _import(workspace: Workspace, paths: list[Path], actor: Operator, progress: Progress | None,
            cancelled: Callable[[], bool], mapping: Mapping, encoding: str | None) -> ImportSummary:
    steps = len(paths) + 9
    done = 0

    def stop_if_cancelled() -> None:
        if cancelled():
            raise Cancelled("已取消导入，未写入任何数据")

    def step(what: str) -> None:
        nonlocal done
        stop_if_cancelled()
        done += 1
        if progress:
            progress(min(done, steps), steps, what)

    problems = Problems()
    parsed = []
    for path in paths:
        step(f"读取 {Path(path).name}")
        try:
            with closing(iter_sheets(Path(path), encoding, stop_if_cancelled)) as sheets:
                empty = True
                for sheet in sheets:
                    empty = False
                    rows = parse_sheet(sheet, problems, mapping)
                    if rows is not None:
                        parsed.append(rows)
            if empty:
                problems.add(path, "", None, "", "", "文件是空的：没有表头，也没有数据")
        except UnreadableFile as error:
            problems.add(path, "", None, "", "", str(error))
    if not problems and not any(rows.values for rows in parsed):
        problems.add(paths[0] if paths else "", "", None, "", "", "没有可导入的数据行：表中只有表头或所有表都未导入")
    batch = group(parsed)
    check_duplicates(batch, problems)
    with workspace.session() as session:
        check_references(batch, known(session), problems)
    if problems:
        raise ImportRejected(problems.items, problems.total)

    sheets = [{"file": r.sheet.file.name, "sheet": r.sheet.name, "kind": r.kind.title, "rows": len(r.values)}
              for r in parsed]
    with change(workspace, actor, "import", ", ".join(Path(p).name for p in paths)) as unit:
        counts = write_batch(unit.session, batch, known(unit.session), step)
        unit.session.flush()
        listed = limits.listed_rounds(unit.session)  # applications, projects under way, records: the list may move
        step("提交")
        unit.after = {"files": [Path(p).name for p in paths], "counts": counts, "limits": listed}
    log.info("imported %s: %s", [Path(p).name for p in paths], counts)
    return ImportSummary([Path(p).name for p in paths], sheets, counts, listed)
