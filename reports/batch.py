"""Many documents at once: rendered (and signed) in worker processes, with progress and cancel.

Each file is written under a temporary name in the target folder and renamed when complete (reports.files), so
neither a cancel, Ctrl-C, a full disk nor a crash leaves a half-written PDF under a real name; temporary files left
by a killed batch are removed when the next one starts in that folder. Workers ignore SIGINT and end with their
parent (reports.lifetime): nothing holding the signing key outlives the program. On cancel, Ctrl-C or a failure the
parent sets a shared stop flag that workers check before each document, so the batch stops within one document's
time. A worker that dies is a BatchFailed (a ReportError), not a BrokenProcessPool traceback. Worker processes are
spawned, not forked, so this is safe from a Qt program with threads and behaves the same on Windows; each loads the
fonts and the signing key once.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from reports.errors import ReportError
from reports.documents import Document
from reports.file_names import unique_names
from reports.files import private_folder, remove_stray_parts, write_atomically, written_since
from reports.lifetime import children_ignore_interrupts, die_with_parent

if TYPE_CHECKING:
    from reports.signing import Signer

WORKERS: int | None = None
"""Worker processes of a batch whose caller does not say: None for one per core, 0 for none (render in the
calling process; the test suite uses that wherever a test does not test the pool)."""


@dataclass(frozen=True)
class SigningKey:
    """The PKCS#12 bytes and their passphrase, handed to each worker (kept in memory, never written)."""

    p12: bytes
    passphrase: bytes


class BatchStopped(ReportError):
    """The batch ended before every file was written; ``done`` lists the complete files it wrote."""

    def __init__(self, message: str, done: list[Path]):
        super().__init__(message)
        self.done = done


class BatchCancelled(BatchStopped):
    """Stopped on request (the Cancel button, Ctrl-C)."""

    exit_code = 130

    def __init__(self, done: list[Path]):
        super().__init__(f"已取消：完成 {len(done)} 份，未完成的没有留下文件", done)


class BatchFailed(BatchStopped):
    """Stopped by a failure: a full disk, a worker process that died. The message says which."""


def produce(document: Document, path: Path, signer: Signer | None, template_dirs: tuple[Path, ...] = ()) -> Path:
    """Render one document, sign it if a signer is given, and write it to ``path``."""
    from reports.render import render  # reportlab is loaded by the first batch, not with the program
    rendered = render(document, template_dirs=template_dirs, note=signer.note if signer else ())
    pdf = signer.sign(rendered.pdf, rendered.signature_page, rendered.signature_box) if signer else rendered.pdf
    write_atomically(path, pdf)
    return path


def target_paths(jobs: Sequence[Document], out_dir: Path) -> list[Path]:
    """One safe file name per job from its own name; repeats (two experts of one name in a panel) get _2, _3, …"""
    return [out_dir / name for name in unique_names([job.file_stem() for job in jobs], ".pdf")]


def _signer(key: SigningKey | None) -> Signer | None:
    """The key loaded for signing; pyHanko is imported only then (half a second of each worker's start)."""
    if key is None:
        return None
    from reports.signing import Signer
    return Signer(key.p12, key.passphrase)


_worker_signer: Signer | None = None
_worker_dirs: tuple[Path, ...] = ()
_worker_stop = None


def _init_worker(key: SigningKey | None, template_dirs: tuple[Path, ...], stop) -> None:
    global _worker_signer, _worker_dirs, _worker_stop
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_signer = _signer(key)
    _worker_dirs = template_dirs
    _worker_stop = stop


def _work(chunk: list[tuple[Document, Path]]) -> list[Path]:
    """The files of ``chunk`` written before the stop flag was set."""
    written = []
    for document, path in chunk:
        if _worker_stop.is_set():
            break
        written.append(produce(document, path, _worker_signer, _worker_dirs))
    return written


def render_batch(jobs: Sequence[Document], out_dir: Path, sign_with: SigningKey | None = None,
                 progress: Callable[[int, int], None] | None = None, cancel: threading.Event | None = None,
                 workers: int | None = None, template_dirs: tuple[Path, ...] = ()) -> list[Path]:
    """Write one PDF per job into ``out_dir`` and return their paths in job order.

    Templates, and that every character has a font, are checked before any work starts, so such an error costs
    nothing. ``progress(done, total)``
    is called in the caller's thread; setting ``cancel`` or Ctrl-C stops the batch after the documents in hand and
    raises BatchCancelled; a full disk or a dead worker raises BatchFailed. Both list the files complete by then.
    ``workers`` 0 renders in the calling process, one document after another.
    """
    from reports.render import check, load_template
    out_dir = Path(out_dir)
    private_folder(out_dir)
    remove_stray_parts(out_dir)
    checked: set[str] = set()
    for job in jobs:
        if job.template_name() not in checked:
            load_template(job, template_dirs)
            checked.add(job.template_name())
        check(job)  # a name no font can draw refuses the batch before any file is written
    paths = target_paths(jobs, out_dir)
    pairs = list(zip(jobs, paths))
    if not pairs:
        return []
    workers = WORKERS if workers is None else workers
    if workers == 0:
        return _render_here(pairs, out_dir, sign_with, template_dirs, progress, cancel)
    workers = max(1, min(workers or os.cpu_count() or 1, len(pairs)))
    size = max(1, min(20, len(pairs) // (workers * 4)))
    chunks: dict[Future, list[Path]] = {}
    collected: set[Future] = set()
    context = get_context("spawn")
    stop = context.Event()
    started = time.time_ns()
    done: list[Path] = []
    failure: BaseException | None = None
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(sign_with, tuple(template_dirs), stop)) as pool:
        try:
            with children_ignore_interrupts():  # the pool starts its workers at the first submit
                for i in range(0, len(pairs), size):
                    chunks[pool.submit(_work, pairs[i:i + size])] = [path for _, path in pairs[i:i + size]]
            pending: set[Future] = set(chunks)
            while pending and not (cancel is not None and cancel.is_set()):
                finished, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in finished:
                    done.extend(future.result())
                    collected.add(future)
                if finished and progress:
                    progress(len(done), len(pairs))
        except BaseException as error:  # Ctrl-C, a full disk, a worker that died
            failure = error
        finally:
            # Cancelled, interrupted or failed: drop what has not started, keep what the workers complete.
            stop.set()
            unfinished = [future for future in chunks if future not in collected]
            for future in unfinished:
                future.cancel()
            for future in wait(unfinished).done:
                if future.cancelled():
                    continue
                if future.exception() is None:
                    done.extend(future.result())
                else:  # the chunk broke part way: its files written since the batch began are complete
                    done.extend(p for p in chunks[future] if written_since(p, started))
    if failure is not None or len(done) < len(pairs):
        remove_stray_parts(out_dir)
        done = sorted(set(done))
        if failure is None or isinstance(failure, KeyboardInterrupt):
            raise BatchCancelled(done) from failure
        raise _failed(failure, out_dir, done) from failure
    return paths


def _failed(failure: BaseException, out_dir: Path, done: list[Path]) -> BatchStopped:
    """The failure as the user should read it, with the files complete by then."""
    if isinstance(failure, BrokenProcessPool):
        return BatchFailed(f"生成文书的工作进程意外退出：已完成 {len(done)} 份，其余未生成（没有留下半成品），请重试",
                           done)
    if isinstance(failure, OSError):
        return BatchFailed(f"无法写入 {out_dir}：{failure.strerror}。已完成 {len(done)} 份", done)
    if isinstance(failure, ReportError):  # a full disk among them
        return BatchFailed(f"{failure}。已完成 {len(done)} 份", done)
    raise failure


def _render_here(pairs: list[tuple[Document, Path]], out_dir: Path, sign_with: SigningKey | None,
                 template_dirs: tuple[Path, ...], progress: Callable[[int, int], None] | None,
                 cancel: threading.Event | None) -> list[Path]:
    """The batch without worker processes (starting them costs more than a few documents): the same files, and
    the same errors for a cancel, Ctrl-C or a full disk."""
    signer = _signer(sign_with)
    done: list[Path] = []
    try:
        for document, path in pairs:
            if cancel is not None and cancel.is_set():
                break
            done.append(produce(document, path, signer, template_dirs))
            if progress:
                progress(len(done), len(pairs))
    except KeyboardInterrupt as error:
        raise BatchCancelled(done) from error
    except (OSError, ReportError) as error:  # a full disk among them
        raise _failed(error, out_dir, done) from error
    if len(done) < len(pairs):
        raise BatchCancelled(done)
    return done
