"""What the archive's sections hand the writer: named members with their content as a stream, found by module.

A stage of the round adds what it keeps to every archive by adding one module to ``sections/`` with a function
``members(source) -> Iterable[Member]``; the writer finds every such module, in name order, and nothing else needs
to change. A member's content is a function returning chunks, called only when the member is written, so a recording
of an hour is read from the workspace as it goes into the archive and never held whole. A section reads through
``source.session`` (one read transaction for the whole export) and ``source.workspace`` (files and blobs: a recording
is ``Member(path, lambda: workspace.read_blob(name))``, decrypted as it is read)."""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from desktop.services.archive.beside import Beside, Sealed
from desktop.store.workspace import Workspace

CHUNK = 1024 * 1024
_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)  # one, not one per row


@dataclass(frozen=True)
class Member:
    path: str  # the member's name as the manifest lists it: "data/round.json", "documents/round-1/x.pdf"
    chunks: Callable[[], Iterable[bytes]] | None
    size: int = 0  # when known beforehand, for progress (0: unknown)
    sealed: Callable[[], Sealed] | None = None  # instead of chunks: sealed beside the export (archive.beside)


@dataclass(frozen=True)
class Source:
    """What a section reads from: the workspace (files, blobs), a read session and the round; and, filled as the
    members are written, the digests of the tables whose every row was written (desktop.store.digests.Sums)."""
    workspace: Workspace
    session: Session
    round_id: int
    digested: dict = field(default_factory=dict)
    beside: Beside | None = None  # processes that seal the pool's tables meanwhile: an export always has them


def json_member(path: str, value) -> Member:
    data = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str).encode("utf-8")
    return Member(path, lambda: (data,), len(data))


def lines_member(path: str, rows: Callable[[], Iterable]) -> Member:
    """JSON Lines, one value per line, written as ``rows()`` yields them (a table of a million rows streams), in
    chunks of 2,000 lines or about a megabyte, whichever comes first (a draw's exclusions are 250 lines of 60 KB)."""
    def chunks() -> Iterator[bytes]:
        batch: list[str] = []
        size = 0
        for row in rows():
            batch.append(_LINE.encode(row))
            size += len(batch[-1])
            if len(batch) == 2000 or size >= CHUNK:
                yield ("\n".join(batch) + "\n").encode("utf-8")
                batch, size = [], 0
        if batch:
            yield ("\n".join(batch) + "\n").encode("utf-8")
    return Member(path, chunks)


def file_member(path: str, file: Path) -> Member:
    def chunks() -> Iterator[bytes]:
        with open(file, "rb") as handle:
            while piece := handle.read(CHUNK):
                yield piece
    return Member(path, chunks, file.stat().st_size)


def all_members(source: Source) -> Iterator[Member]:
    """Every member of every section, sections in module-name order."""
    from desktop.services.archive import sections
    for info in sorted(pkgutil.iter_modules(sections.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{sections.__name__}.{info.name}")
        yield from module.members(source)
