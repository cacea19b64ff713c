"""Worker processes that end with the process that started them, and telling whether a process still runs.

A PDF worker holds the signing key in memory. If the window or the command line is killed (kill -9, a crash, the
task manager), its workers must not live on: each watches its parent. On Linux the kernel sends SIGKILL when the
parent goes (PR_SET_PDEATHSIG); on every system a thread waits on multiprocessing's parent sentinel (a pipe on
POSIX, a process handle on Windows), which is signalled the moment the parent ends, and exits the worker.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

PR_SET_PDEATHSIG = 1
_STILL_ACTIVE = 259
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000


def die_with_parent() -> None:
    """Called first in a worker process: end this process as soon as its parent ends."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # the watching thread below still ends the worker
    threading.Thread(target=_exit_when_gone, args=(parent,), name="watch-parent", daemon=True).start()


@contextmanager
def children_ignore_interrupts() -> Iterator[None]:
    """Start worker processes inside this block: they are born ignoring Ctrl-C (a disposition a spawned child
    inherits), so one still importing its libraries when Ctrl-C comes does not print a traceback; the program
    itself handles Ctrl-C again as soon as the block ends. Only the main thread may change signal handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _exit_when_gone(parent) -> None:
    parent.join()  # returns when the parent's sentinel is signalled, i.e. the parent has ended (or died before)
    os._exit(1)


def running(pid: int) -> bool:
    """Whether a process with this id runs on this machine (a finished one's id may be reused: rare, harmless)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == _STILL_ACTIVE
        finally:
            kernel.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """An ended process not yet reaped (its parent died and the new one is slow to): it answers, but runs no more."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[0] == b"Z"
    except (OSError, IndexError):
        return False
