"""Reading a file in a process of its own, under a memory cap, with its rows streamed back.

A hostile or broken workbook can make a native reader allocate without bound or abort; in a child process that
ends the child, not the window or the command line, and the user gets a message. On POSIX the child's address
space is capped (RLIMIT_AS); Windows has no such limit and relies on the checks made before parsing. Rows come
back in chunks through a pipe whose small buffer makes the child wait for the importer, so neither side holds
more than a few chunks, and the child's parsing overlaps the importer's checks on the second core.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path
from typing import Callable, Iterator

from desktop.services.importing.sheet import Sheet, UnreadableFile

MEMORY_CAP = 4 << 30  # address space of the reading process; the benchmark's 36 MB workbook needs about 1.6 GiB
CHUNK = 4_000
_CONTEXT = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                       else "spawn")
if _CONTEXT.get_start_method() == "forkserver":
    _CONTEXT.set_forkserver_preload([__name__, "python_calamine"])

Reader = Callable[[Path, str | None], Iterator[Sheet]]


def _cap_memory(limit: int) -> None:
    if sys.platform != "win32":
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(reader: Reader, path: str, encoding: str | None, pipe, limit: int) -> None:
    try:
        # a native reader that fails an allocation prints its own report before aborting: the parent says it
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
        _cap_memory(limit)
        for sheet in reader(Path(path), encoding):
            pipe.send(("sheet", sheet.name, sheet.headers))
            chunk = []
            for row in sheet.rows:
                chunk.append(row)
                if len(chunk) == CHUNK:
                    pipe.send(("rows", chunk))
                    chunk = []
            pipe.send(("rows", chunk))
            pipe.send(("end",))
        pipe.send(("done",))
    except UnreadableFile as error:
        pipe.send(("error", str(error)))
    except MemoryError:
        pipe.send(("memory",))
    except BaseException as error:  # noqa: BLE001 - whatever the reader does, the parent gets a message
        pipe.send(("error", f"{Path(path).name}：无法读取（{type(error).__name__}: {error}）"))
    finally:
        pipe.close()


def _died(path: Path, process) -> UnreadableFile:
    process.join(5)
    return UnreadableFile(f"{path.name}：读取时超出内存上限（{MEMORY_CAP >> 30} GiB）或读取进程异常退出"
                          f"（退出码 {process.exitcode}）；文件可能被恶意构造或已损坏，未导入")


def read_isolated(reader: Reader, path: Path, encoding: str | None = None,
                  check: Callable[[], None] = lambda: None, limit: int = MEMORY_CAP) -> Iterator[Sheet]:
    """The sheets ``reader`` finds in ``path``, read in a child process; ``check`` runs between chunks and may
    raise (Cancelled) to stop the child."""
    receive, send = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_child, args=(reader, str(path), encoding, send, limit), daemon=True)
    process.start()
    send.close()

    def message() -> tuple:
        try:
            got = receive.recv()
        except (EOFError, OSError):
            raise _died(path, process) from None
        if got[0] == "error":
            raise UnreadableFile(got[1])
        if got[0] == "memory":
            raise UnreadableFile(f"{path.name}：读取时超出内存上限（{MEMORY_CAP >> 30} GiB），文件过大或被恶意构造，未导入")
        return got

    def rows() -> Iterator[tuple[int, list[str]]]:
        while True:
            check()
            got = message()
            if got[0] == "end":
                return
            yield from got[1]

    try:
        while True:
            got = message()
            if got[0] == "done":
                return
            body = rows()
            yield Sheet(path, got[1], got[2], body)
            for _ in body:  # what the caller left unread
                pass
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receive.close()
