"""Many documents at once: rendered (and signed) in worker processes, with progress and cancel.

Each file is written under a temporary name in the target folder and renamed when complete, so neither a cancel,
Ctrl-C nor a crash leaves a half-written PDF under a real name. Workers ignore SIGINT: the parent decides, lets the
chunks in hand finish, and drops the rest. Worker processes are spawned, not forked, so this is safe from a Qt
program with threads and behaves the same on Windows; each loads the fonts and the signing key once.
"""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Sequence

from desktop.domain.errors import Cancelled
from reports.documents import Document
from reports.render import load_template, render
from reports.signing import Signer

TEMP_PREFIX = ".~"
TEMP_SUFFIX = ".part"


@dataclass(frozen=True)
class SigningKey:
    """The PKCS#12 bytes and their passphrase, handed to each worker (kept in memory, never written)."""

    p12: bytes
    passphrase: bytes


class BatchCancelled(Cancelled):
    """The batch stopped on request; ``done`` lists the complete files written before it stopped."""

    def __init__(self, done: list[Path]):
        super().__init__(f"已取消：完成 {len(done)} 份，未完成的没有留下文件")
        self.done = done


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary sibling and a rename; no partial file survives a failure."""
    temp = path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        with open(temp, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def produce(document: Document, path: Path, signer: Signer | None, template_dirs: tuple[Path, ...] = ()) -> Path:
    """Render one document, sign it if a signer is given, and write it to ``path``."""
    rendered = render(document, template_dirs=template_dirs)
    pdf = signer.sign(rendered.pdf, rendered.signature_page, rendered.signature_box) if signer else rendered.pdf
    write_atomically(path, pdf)
    return path


def target_paths(jobs: Sequence[Document], out_dir: Path) -> list[Path]:
    """One file name per job from its own name; repeats (two experts of one name in a panel) get _2, _3, …"""
    seen: dict[str, int] = {}
    paths = []
    for job in jobs:
        stem = job.file_stem()
        seen[stem] = seen.get(stem, 0) + 1
        paths.append(out_dir / (f"{stem}_{seen[stem]}.pdf" if seen[stem] > 1 else f"{stem}.pdf"))
    return paths


_worker_signer: Signer | None = None
_worker_dirs: tuple[Path, ...] = ()


def _init_worker(key: SigningKey | None, template_dirs: tuple[Path, ...]) -> None:
    global _worker_signer, _worker_dirs
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_signer = Signer(key.p12, key.passphrase) if key else None
    _worker_dirs = template_dirs


def _work(chunk: list[tuple[Document, Path]]) -> list[Path]:
    return [produce(document, path, _worker_signer, _worker_dirs) for document, path in chunk]


def render_batch(jobs: Sequence[Document], out_dir: Path, sign_with: SigningKey | None = None,
                 progress: Callable[[int, int], None] | None = None, cancel: threading.Event | None = None,
                 workers: int | None = None, template_dirs: tuple[Path, ...] = ()) -> list[Path]:
    """Write one PDF per job into ``out_dir`` and return their paths in job order.

    Templates are checked before any work starts, so a template error costs nothing. ``progress(done, total)``
    is called in the caller's thread; setting ``cancel`` stops the batch after the chunks in hand and raises
    BatchCancelled.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    checked: set[str] = set()
    for job in jobs:
        if job.template_name() not in checked:
            load_template(job, template_dirs)
            checked.add(job.template_name())
    paths = target_paths(jobs, out_dir)
    pairs = list(zip(jobs, paths))
    if not pairs:
        return []
    workers = max(1, min(workers or os.cpu_count() or 1, len(pairs)))
    size = max(1, min(20, len(pairs) // (workers * 4)))
    chunks = [pairs[i:i + size] for i in range(0, len(pairs), size)]
    done: list[Path] = []
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_init_worker,
                             initargs=(sign_with, tuple(template_dirs))) as pool:
        pending: set[Future] = {pool.submit(_work, chunk) for chunk in chunks}
        try:
            while pending and not (cancel is not None and cancel.is_set()):
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in finished:
                    done.extend(future.result())
                if finished and progress:
                    progress(len(done), len(pairs))
        finally:
            # Cancelled, interrupted or failed: drop what has not started, keep what the workers complete.
            for future in pending:
                future.cancel()
            for future in wait(pending).done:
                if not future.cancelled() and future.exception() is None:
                    done.extend(future.result())
    if len(done) < len(pairs):
        raise BatchCancelled(sorted(done))
    return paths
