"""The round's generated documents: every file under the workspace's out/round-ID/ (letters, sheets, notices)."""

from __future__ import annotations

from desktop.services.archive.members import Source, file_member


def members(source: Source):
    folder = source.workspace.out / f"round-{source.round_id}"
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield file_member(f"documents/{path.relative_to(source.workspace.out).as_posix()}", path)
