"""Running services off the GUI thread, with progress, Cancel and the outcome back on the GUI thread.

Like Picard's ``run_task`` and Anki's ``CollectionOp``: a page hands over a function and callbacks and never waits.
Reads run on a small pool; writes go through a pool of one thread so two writes never race. Tests inject
``InlineRunner``, which runs the same code synchronously, so threaded pages are tested without sleeping.

Threading rules: the work function runs on a worker thread and may only call services and ``Job.report`` /
``Job.cancelled``; every callback runs on the GUI thread, because ``Job`` lives there and its signals reach it
through queued connections. Work that walks the whole pool in Python hands that part to ``Runner.apart``, the
process beside the window (desktop.services.side_process): a worker thread running Python makes the GUI thread wait
for the interpreter lock at every call it makes into Python.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.services.side_process import SideProcess

log = logging.getLogger(__name__)

Work = Callable[["Job"], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Progress = Callable[[int, int, str], None]
T = TypeVar("T")


class Job(QObject):
    """One piece of work: what the worker sees (``report``, ``cancelled``) and what the page holds (``cancel``)."""

    _progressed = Signal(int, int, str)
    _finished = Signal(object)
    _failed = Signal(object)

    def __init__(self, done: Done, failed: Failed, progress: Progress | None):
        super().__init__()
        self._done, self._fail, self._progress = done, failed, progress
        self._cancel = threading.Event()
        self._progressed.connect(self._on_progress)
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)

    def report(self, done: int, total: int, what: str = "") -> None:
        self._progressed.emit(done, total, what)

    def cancel(self) -> None:
        self._cancel.set()

    def release(self) -> None:
        """Drop the callbacks once the outcome is delivered: they refer back to the job, and what they hold (50,000
        rows) would otherwise wait for the cycle collector."""
        self._done = self._fail = lambda _value: None
        self._progress = None

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def execute(self, work: Work) -> None:
        try:
            result = work(self)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the page as a message
            self._failed.emit(error)
        else:
            self._finished.emit(result)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, what: str) -> None:
        if self._progress:
            self._progress(done, total, what)

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        self._done(result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._fail(error)


class _Runnable(QRunnable):
    def __init__(self, job: Job, work: Work):
        super().__init__()
        self.job, self.work = job, work

    def run(self) -> None:
        self.job.execute(self.work)


class Runner:
    """Reads on up to two threads (one waiting for the side process does not count), writes on one."""

    def __init__(self) -> None:
        self._reads = QThreadPool()
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool()
        self._writes.setMaxThreadCount(1)
        self._live: set[Job] = set()
        self._writing: set[Job] = set()
        self._side = SideProcess()

    def run(self, work: Work, done: Done, failed: Failed, progress: Progress | None = None, *,
            write: bool = False) -> Job:
        job = Job(lambda r: self._end(job, done, r), lambda e: self._end(job, failed, e), progress)
        self._live.add(job)  # keep the QObject alive until its outcome has been delivered
        if write:
            self._writing.add(job)
        (self._writes if write else self._reads).start(_Runnable(job, work))
        return job

    def apart(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in the process beside the window, waited for; called from a read's work function.
        While it waits (seconds, for the pool's search keys) its thread does not count against the reads' two, so
        other reads (a round opened meanwhile) still start at once."""
        self._reads.releaseThread()
        try:
            return self._side.call(function, *args)
        finally:
            self._reads.reserveThread()

    def busy(self) -> bool:
        """A write (a draw, a letters batch, an import) is under way: closing now would cut it off."""
        return bool(self._writing)

    def _end(self, job: Job, callback: Callable[[Any], None], value: Any) -> None:
        self._live.discard(job)
        self._writing.discard(job)
        try:
            callback(value)
        finally:
            job.release()

    def wait(self, msecs: int = 30000) -> None:
        """Let running work finish (at shutdown, and in tests of the threaded path)."""
        self._reads.waitForDone(msecs)
        self._writes.waitForDone(msecs)

    def forget_workspaces(self) -> None:
        """The window's workspace changes or is about to be replaced: the process beside the window must not keep
        reading the one it opened before (a restored workspace's old file is renamed aside, not gone)."""
        self._side.close()

    def close(self) -> None:
        """At the end: let running work finish, then end the process beside the window."""
        self.wait()
        self._side.close()


class InlineRunner:
    """The same contract, run at once on the calling thread: for tests and for scripts that need no window."""

    def run(self, work: Work, done: Done, failed: Failed, progress: Progress | None = None, *,
            write: bool = False) -> Job:
        job = Job(done, failed, progress)
        job.execute(work)
        return job

    def apart(self, function: Callable[..., T], *args: Any) -> T:
        return function(*args)

    def busy(self) -> bool:
        return False

    def forget_workspaces(self) -> None:
        return None

    def wait(self, msecs: int = 0) -> None:
        return None

    def close(self) -> None:
        return None
