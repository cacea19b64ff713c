"""The pool's tables sealed as archive members by processes beside the export's own.

The pool is a million rows: reading them as records (desktop.store.records) and digesting them is SQLite's and
Python's work on one core, some 10 s on the benchmark pool, while the export's own process has the round's
gigabytes of files to hash, seal and write. So the tables go, largest first, to two processes of their own: each
reads its tables in a read transaction of its own, seals each into a 0600 temporary file beside the archive under
the archive's key (desktop.store.blobs.seal: the member's bytes exactly), and sends back its plain SHA-256, its
size and its digests (desktop.store.digests.Sums); the export copies the sealed bytes into the zip when it reaches
the member, and checks the digests against the audit chain before it signs (what is checked is what was written).

Their transactions are not the export's. Every change to a workspace is one audited transaction, so a process that
saw the chain's head the export's transaction sees saw the same state; one that saw another head read a workspace
changed meanwhile, and the export is refused with a request to run it again rather than an archive of two states.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import UserError
from desktop.services.archive.container import Counted
from desktop.store import blobs, digests, records
from desktop.store.engine import live_reader
from reports.files import disk_full, is_disk_full, open_private, temp_path
from reports.lifetime import children_ignore_interrupts, die_with_parent

PROCESSES = 2
_CONTEXT = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                       else "spawn")


class WorkspaceChanged(UserError):
    """The workspace changed while the export read it: the archive would hold two states."""


@dataclass(frozen=True)
class Sealed:
    """One table sealed beside the export: where its member's bytes are, and what they hold."""
    file: Path
    sha256: str
    size: int
    groups: dict[str, list[int]]  # desktop.store.digests.Sums.groups of the rows written

    def sums(self, table: str) -> digests.Sums:
        found = digests.Sums(table)
        found.groups = self.groups
        return found


class Beside:
    """The processes sealing some tables, started by ``start`` and ended, with their files, when the block ends."""

    def __init__(self, db_path: Path, data_key: bytes | None, key: bytes, folder: Path, head: tuple[int, str],
                 stop: Callable[[], None] = lambda: None):
        self.db_path, self.data_key, self.key, self.folder, self.head = db_path, data_key, key, folder, head
        self.stop = stop  # asked while the export waits for a process: Cancel is not kept waiting for the pool
        self.running: list[tuple] = []  # (process, pipe, tables)
        self.sealed: dict[str, Sealed] = {}
        self.files: list[Path] = []

    def __enter__(self) -> Beside:
        return self

    def __exit__(self, *_exc) -> None:
        for process, pipe, _tables in self.running:
            pipe.close()
            if process.is_alive():
                process.kill()
            process.join()
        self.running = []
        for file in self.files:
            try:
                file.unlink(missing_ok=True)
            except OSError:  # held open by another program (a virus scanner): the next write here removes it
                continue

    def start(self, sizes: dict[str, int]) -> None:
        """Seal the tables of ``sizes`` ({table: rows}), shared out largest first to the process with fewest rows."""
        shares: list[list[str]] = [[] for _ in range(PROCESSES)]
        loads = [0] * PROCESSES
        for table in sorted(sizes, key=sizes.get, reverse=True):
            least = loads.index(min(loads))
            shares[least].append(table)
            loads[least] += sizes[table]
        for tables in filter(None, shares):
            jobs = [(table, temp_path(self.folder / f"pool-{table}.sealed")) for table in tables]
            self.files += [file for _table, file in jobs]
            mine, theirs = _CONTEXT.Pipe()
            with children_ignore_interrupts():
                process = _CONTEXT.Process(target=_seal, args=(theirs, str(self.db_path), self.data_key, self.key,
                                                               jobs), daemon=True)
                process.start()
            theirs.close()
            self.running.append((process, mine, tables))

    def take(self, table: str) -> Sealed:
        """The table once sealed (waiting for its process); a UserError if that process failed or saw another state
        of the workspace."""
        while table not in self.sealed:
            process, pipe, tables = next(r for r in self.running if table in r[2])
            try:
                while not pipe.poll(0.2):
                    self.stop()
                head, outcome = pipe.recv()
            except (EOFError, OSError):
                process.join(1)
                raise UserError(f"导出时读取专家库的后台进程意外结束（退出码 {process.exitcode}），请重试") from None
            if isinstance(outcome, str):
                raise UserError(outcome)
            if tuple(head) != tuple(self.head):
                raise WorkspaceChanged("导出期间工作区有了新的改动，归档会混有两个时刻的数据：请重新导出")
            self.sealed.update(outcome)
            pipe.close()
            process.join()
            self.running = [r for r in self.running if r[0] is not process]
        return self.sealed[table]


def _seal(pipe, db_path: str, data_key: bytes | None, key: bytes, jobs: list[tuple[str, Path]]) -> None:
    """The process: each table's records sealed into its file, in one read transaction; sends (head, {table:
    Sealed}), or (head, why) when a table holds what records cannot carry or a file cannot be written."""
    die_with_parent()
    head = None
    try:
        connection = live_reader(Path(db_path), data_key)
        try:
            cursor = connection.cursor()
            cursor.execute("BEGIN")
            head = cursor.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone() or (0, "")
            pipe.send((head, _sealed(cursor, key, jobs)))
        finally:
            connection.close()
    except BrokenPipeError:  # the export ended (cancelled, failed): no one to tell
        pass
    except Exception as error:  # noqa: BLE001 - said in words to the export, which names it to the operator
        try:
            pipe.send((head, _words(error, jobs[0][1].parent)))
        except BrokenPipeError:
            pass
    finally:
        pipe.close()


def _words(error: Exception, folder: Path) -> str:
    if isinstance(error, OSError) and is_disk_full(error):
        return str(disk_full(folder))
    if isinstance(error, OSError) and error.filename is not None:  # the temporary files: a stick pulled out
        return f"导出时无法写入临时文件 {folder}：{error.strerror or error}"
    return f"导出时读取专家库失败：{error}"


def _sealed(cursor, key: bytes, jobs: list[tuple[str, Path]]) -> dict[str, Sealed] | str:
    sealed = {}
    for table, file in jobs:
        sums, digest = digests.Sums(table), hashlib.sha256()
        counted = Counted(records.written(cursor, table, sums))
        try:
            with open_private(file) as out:
                for piece in blobs.seal(counted, key, digest):
                    out.write(piece)
        except records.Unfit as why:
            return str(why)
        sealed[table] = Sealed(file, digest.hexdigest(), counted.size, sums.groups)
    return sealed
