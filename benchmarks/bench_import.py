"""Import of 50,000 experts with histories and 5,000 applications with teams, against merely parsing the files.

Parsing = reading every sheet of the same files into rows of text, the floor any import has to pay. Each part runs
in a fresh process so its peak memory is its own. Target: import ≤ 3 × parse, peak memory under 1 GiB.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import shutil
import time

from benchmarks.scale import ROOT, dataset_files, peak_rss_mib


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of the processes it started, the reading and hashing ones
    included: those are the forkserver's children, so the forkserver is stopped first and its reaped children's
    time comes back with it."""
    from multiprocessing import forkserver
    forkserver._forkserver._stop()  # private, but the only way to reap it (and with it its children) here
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def _parse(files, queue) -> None:
    from desktop.services.importing.sheets import read_file
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    rows = sum(len(sheet.rows) for path in files for sheet in read_file(path))
    wall = time.perf_counter() - start
    mine, children = _cpu_seconds()
    queue.put((wall, rows, peak_rss_mib(), mine - before.ru_utime - before.ru_stime, children))


def _import(files, target, queue) -> None:
    from desktop.services.importing.run import import_files
    from desktop.store.workspace import open_workspace
    from benchmarks.scale import operator
    workspace = open_workspace(target, create=True)
    bench = operator(workspace.root)
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    import_files(workspace, files, bench)
    wall = time.perf_counter() - start
    mine, children = _cpu_seconds()
    queue.put((wall, 0, peak_rss_mib(), mine - before.ru_utime - before.ru_stime, children))


def _in_child(target, *args):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    files = dataset_files()
    load = os.getloadavg()[0]
    parse_s, rows, parse_mib, parse_cpu, parse_child_cpu = _in_child(_parse, files)
    target = ROOT / "import-ws"
    shutil.rmtree(target, ignore_errors=True)
    import_s, _, import_mib, import_cpu, import_child_cpu = _in_child(_import, files, target)
    print(f"  rows in the files           {rows:>12,}")
    print(f"  parse only                  {parse_s:>10.1f} s   peak {parse_mib:,.0f} MiB")
    print(f"  import (validate + write)   {import_s:>10.1f} s   peak {import_mib:,.0f} MiB")
    print(f"  import / parse              {import_s / parse_s:>10.2f} ×   (target ≤ 3 ×; memory target < 1024 MiB)")
    print(f"  CPU s, parse                {parse_cpu:>10.1f} + {parse_child_cpu:.1f} in the reading processes")
    print(f"  CPU s, import               {import_cpu:>10.1f} + {import_child_cpu:.1f} in the reading and hashing "
          "processes")
    print(f"  load average (1 min)        {load:>10.2f} before, {os.getloadavg()[0]:.2f} after")
