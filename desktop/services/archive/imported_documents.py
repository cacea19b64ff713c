"""The generated documents of an imported round (desktop.services.archive.sections.documents: everything its workspace
had under out/round-ID/) written into this workspace's out/round-NEW/, and sorted by kind as the letters step lists
them (desktop.services.ui_queries.round_documents).

A document's kind is what the archived audit slice says: each documents batch of the round (``documents.letters``,
``documents.sign_in_sheet``, ``documents.outcome_notice``…) logged the folder it wrote into and its files, so a file
of out/round-ID/ is of the kind of the latest batch of that kind since the round's latest draw that wrote it there,
as in the workspace it came from; a file no batch names (a list saved there by hand) is written all the same, of no
kind. The files are written into a folder beside the target and renamed into place as the import commits, so a
failed import leaves no document that a later round of the same number would take for its own."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop.domain.errors import UserError
from desktop.store.workspace import Workspace
from reports.file_names import is_safe
from reports.files import FILE_MODE, private_folder

FOLDER = "documents/"
_BATCH = re.compile(r"documents\.[a-z_]+")  # a batch's closing entry (not its ``.started``)


def archived_documents(paths: Iterable[str], source_round: int) -> list[str]:
    """The archive's documents of the round, each as its path under the round's folder ("notices/x.pdf")."""
    prefix = f"{FOLDER}round-{source_round}/"
    found = [p[len(prefix):] for p in paths if p.startswith(prefix)]
    for relative in found:
        if not all(map(is_safe, relative.split("/"))):
            raise UserError(f"归档中的文书路径 {relative!r} 指向轮次文件夹之外，没有导入任何内容")
    return sorted(found)


def kinds(entries: Iterable[dict], source_round: int, since: str, documents: list[str]) -> dict[str, list[str]]:
    """{kind: documents} from the archived audit slice's batches of the round at or after ``since`` (the latest
    draw's time, as the letters step lists them), the latest batch of each kind winning."""
    target, folder = f"round:{source_round}", f"round-{source_round}"
    latest: dict[str, dict] = {}
    for entry in entries:
        if entry.get("target") == target and _BATCH.fullmatch(entry.get("action", "")) and entry["at"] >= since:
            latest[entry["action"][len("documents."):]] = entry
    present, found = set(documents), {}
    for kind, entry in latest.items():
        after = json.loads(entry.get("after") or "{}")
        parts = [p for p in re.split(r"[\\/]+", after.get("out", "")) if p]
        if folder not in parts:
            continue  # written outside the round's folder: not in the archive
        below = parts[len(parts) - parts[::-1].index(folder):]
        named = ["/".join(below + [name]) for name in after.get("files", ())]
        found[kind] = [n for n in named if n in present]
    return {kind: names for kind, names in found.items() if names}


def write_documents(workspace: Workspace, round_id: int, documents: list[str],
                    read: Callable[[str], Iterable[bytes]]) -> tuple[Path, Path, list[str]]:
    """Write ``documents`` (read(relative) gives a document's content) into a folder beside out/round-``round_id``;
    (that folder, the final one, each document's SHA-256), for ``place`` at the end of the import's change."""
    final = workspace.out / f"round-{round_id}"
    if final.exists() and any(final.iterdir()):
        raise UserError(f"{final} 已存在且不是空文件夹（不属于任何轮次的遗留文件）：请先移走它，再导入归档")
    building = private_folder(private_folder(workspace.out) / f".import-{uuid.uuid4().hex}")
    digests = []
    try:
        for relative in documents:
            path = building.joinpath(*relative.split("/"))
            private_folder(path.parent)
            digest = hashlib.sha256()
            with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE),
                      "wb") as out:
                for piece in read(relative):
                    digest.update(piece)
                    out.write(piece)
                os.fsync(out.fileno())
            digests.append(digest.hexdigest())
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return building, final, digests


def place(building: Path, final: Path) -> None:
    """Put the written documents in place: one rename of their folder."""
    if final.exists():
        final.rmdir()  # empty (write_documents refused otherwise)
    os.replace(building, final)
