"""The same work on an encrypted workspace (SQLCipher, raw data key) against a plain one, in the same run.

Import, conflicts, the whole draw and opening the workspace with a first read of the expert table are each timed on
a plain and on an encrypted workspace, alternately (plain, encrypted, plain, encrypted …) so that whatever else the
machine is doing weighs on both alike; each figure is the median of its repeats, in wall-clock seconds and in CPU
seconds of the process doing the work (the fairer figure on a machine shared with other work). Target: every encrypted figure
within 15 % of its plain one. ``REPEATS`` in the environment changes the number of repeats (default 2);
``PARTS=round`` leaves out the import (four imports of the large data set).
"""

from __future__ import annotations

import os
import shutil
import statistics
import time

from benchmarks import bench_import
from benchmarks.bench_round import _round
from benchmarks.scale import ROOT, dataset_files, large_workspace, operator

REPEATS = int(os.environ.get("REPEATS", "2"))
PARTS = os.environ.get("PARTS", "import,round").split(",")


def _import(files, target, encrypted, queue) -> None:
    from desktop.services.importing.run import import_files
    from desktop.store.workspace import open_workspace
    bench = operator(target, encrypt=encrypted)  # init makes the key of an encrypted one
    workspace = open_workspace(target, key=bench.key)
    start, cpu = time.perf_counter(), time.process_time()
    import_files(workspace, files, bench)
    queue.put(((time.perf_counter() - start, time.process_time() - cpu), 0, 0))


def _encrypted_copy() -> tuple[object, bytes]:
    """An encrypted copy of the large workspace, converted in place once (its key kept beside it, for benchmarks)."""
    from desktop.store import keyslots
    from desktop.store.workspace import close_workspace, open_workspace
    plain = large_workspace()
    root = ROOT / "workspace-encrypted"
    done = root / ".complete"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        close_workspace(plain.root)
        shutil.copytree(plain.root, root)
        key = keyslots.create(root)
        start = time.perf_counter()
        open_workspace(root, key=key)
        print(f"  converting the large workspace in place: {time.perf_counter() - start:.1f} s", flush=True)
        (root / "key.hex").write_text(key.hex())
        done.touch()
    key = bytes.fromhex((root / "key.hex").read_text())
    return open_workspace(root, key=key), key


class _Clock:
    """Wall-clock and CPU seconds of a block, as a pair."""

    def __enter__(self):
        self.start = (time.perf_counter(), time.process_time())
        return self

    def __exit__(self, *_):
        self.took = (time.perf_counter() - self.start[0], time.process_time() - self.start[1])


def _draw(workspace) -> tuple[tuple[float, float], ...]:
    from desktop.services import draws
    from desktop.services.conflicts import load_round
    from desktop.services.uow import reading
    from desktop.store.snapshot import load_case, raw_pool_rows
    bench = operator(workspace.root)
    round_id = _round(workspace, bench)
    with reading(workspace) as session:
        with _Clock() as load:
            raw_pool_rows(session)
            load_case(session, round_id)
        with _Clock() as conflicts:
            load_round(session, round_id)
    with _Clock() as draw:
        draws.draw_round(workspace, bench, round_id, witness_digits="20261215",
                         witness=operator(workspace.root, "监督员"))
    return load.took, conflicts.took, draw.took


def _open_and_read(root, key):
    """A cold open (new engine, schema check, triggers) and the expert table as the window first reads it; the time
    and the workspace opened."""
    from desktop.services import catalogue
    from desktop.store.workspace import close_workspace, open_workspace
    close_workspace(root)
    with _Clock() as clock:
        workspace = open_workspace(root, key=key)
        catalogue.listing(workspace, operator(root), "experts")
    return clock.took, workspace


def _line(label: str, plain: list[tuple[float, float]], encrypted: list[tuple[float, float]]) -> None:
    figures = []
    for index, kind in ((0, "wall"), (1, "CPU")):
        p, e = statistics.median(r[index] for r in plain), statistics.median(r[index] for r in encrypted)
        figures.append(f"{kind} {p:>6.2f} s -> {e:>6.2f} s {100 * (e / p - 1):>+6.1f} %")
    runs = " | ".join(", ".join(f"{r[1]:.2f}" for r in side) for side in (plain, encrypted))
    print(f"  {label:<26}{'   '.join(figures)}   (CPU runs: {runs})", flush=True)


def main() -> None:
    if "import" in PARTS:
        files = dataset_files()
        times = {False: [], True: []}
        for _ in range(REPEATS):
            for encrypted in (False, True):
                target = ROOT / ("import-ws-encrypted" if encrypted else "import-ws")
                shutil.rmtree(target, ignore_errors=True)
                times[encrypted].append(bench_import._in_child(_import, files, target, encrypted)[0])
        _line("import", times[False], times[True])
    if "round" not in PARTS:
        return
    plain = large_workspace()
    encrypted, key = _encrypted_copy()
    runs = {False: [], True: []}
    opens = {False: [], True: []}
    for _ in range(REPEATS):
        for is_encrypted, workspace, workspace_key in ((False, plain, None), (True, encrypted, key)):
            took, workspace = _open_and_read(workspace.root, workspace_key)
            opens[is_encrypted].append(took)
            runs[is_encrypted].append(_draw(workspace))
    for index, label in enumerate(("load the rows", "conflicts + eligibility", "whole draw")):
        _line(label, [r[index] for r in runs[False]], [r[index] for r in runs[True]])
    _line("open + expert table", opens[False], opens[True])
