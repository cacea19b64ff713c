"""Reads that walk the whole pool, run in a process beside the window's.

A worker thread of the window shares the interpreter lock with the GUI thread. While one builds the search keys of
50,000 experts or derives who counts as an enterprise expert from every stay, each call the GUI thread makes into
Python — each cell it paints asks the table model, each timer — waits for the lock first: the window stalled for
150–300 ms while it opened or scrolled the pool, though it used a tenth of that itself. In a process of its own the
work has its own lock (and the second core). One process, started on first use and kept (starting one costs a
second of imports), does these reads one after another, at a lower priority than the window's; it ends with the
window (reports.lifetime).

Functions and arguments cross as pickles: module-level functions of plain values. What comes back is unpickled in
one piece while the window's lock is held, so a large result should come as ``pieces`` to unpickle one at a time.
The process opens an encrypted workspace with the key of the Operator among the arguments.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any, TypeVar

from desktop.domain.errors import UserError
from desktop.services.accounts import Operator
from desktop.store.workspace import open_workspace
from reports.lifetime import die_with_parent

T = TypeVar("T")
PIECE = 5_000  # items per piece: unpickling one holds the lock for a millisecond or two
NICER = 5  # the side process's priority below the window's (POSIX)


class SideProcessFailed(UserError):
    """The process beside the window ended while it read (killed, out of memory)."""


class SideProcess:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=_begin)
            return self._pool

    def call(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in the side process; waits (without the lock) for its result."""
        pool = self._started()
        try:
            return pool.submit(_call, function, args).result()
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None  # the next read starts a new process
            raise SideProcessFailed("后台读取进程意外结束，请重试") from None
        except CancelledError:  # closed before this read began: the workspace changed meanwhile
            raise SideProcessFailed("后台读取已取消（工作区已切换或恢复），请重试") from None

    def close(self) -> None:
        """End the process (once its running read is done) and so every workspace it holds open, with its key;
        the next read starts a new one. Called when the window's workspace changes or is about to be replaced."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _begin() -> None:
    """First in the side process: end with the window, and give way to it for the processor (on a busy machine a
    keystroke in the window waited while this process built the dashboard's figures)."""
    die_with_parent()
    if hasattr(os, "nice"):
        os.nice(NICER)


def _call(function: Callable[..., T], args: tuple) -> T:
    for arg in args:
        if isinstance(arg, Operator) and arg.key is not None:
            open_workspace(arg.root, key=arg.key)  # kept open in this process for the services
    for arg in args:
        if isinstance(arg, Operator):
            # the window's process made sure of the digests when it opened the workspace: reads need no check here
            open_workspace(arg.root).digested = True
    try:
        return function(*args)
    except UserError as error:
        try:
            pickle.loads(pickle.dumps(error))
        except Exception:  # noqa: BLE001 - one whose arguments do not rebuild it (RuleError): its words still cross
            raise UserError(str(error)) from None
        raise


def pieces(items: Sequence[Any]) -> tuple[bytes, ...]:
    """``items`` pickled in pieces (see the module docstring); ``unpieced`` gives them back."""
    return tuple(pickle.dumps(list(items[start:start + PIECE]), pickle.HIGHEST_PROTOCOL)
                 for start in range(0, len(items), PIECE))


def unpieced(pieced: Sequence[bytes]) -> Iterator[Any]:
    for piece in pieced:
        yield from pickle.loads(piece)
