"""Import of 50,000 experts with histories and 5,000 applications with teams, against merely parsing the files.

Parsing = reading every sheet of the same files into rows of text, the floor any import has to pay. Each part runs
in a fresh process so its peak memory is its own. Target: import ≤ 3 × parse, peak memory under 1 GiB.
"""

from __future__ import annotations

import multiprocessing
import shutil
import time

from benchmarks.scale import ROOT, dataset_files, peak_rss_mib


def _parse(files, queue) -> None:
    from desktop.services.importing.sheets import read_file
    start = time.perf_counter()
    rows = sum(len(sheet.rows) for path in files for sheet in read_file(path))
    queue.put((time.perf_counter() - start, rows, peak_rss_mib()))


def _import(files, target, queue) -> None:
    from desktop.services.importing.run import import_files
    from desktop.store.workspace import open_workspace
    from benchmarks.scale import operator
    workspace = open_workspace(target, create=True)
    bench = operator(workspace.root)
    start = time.perf_counter()
    import_files(workspace, files, bench)
    queue.put((time.perf_counter() - start, 0, peak_rss_mib()))


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
    parse_s, rows, parse_mib = _in_child(_parse, files)
    target = ROOT / "import-ws"
    shutil.rmtree(target, ignore_errors=True)
    import_s, _, import_mib = _in_child(_import, files, target)
    print(f"  rows in the files           {rows:>12,}")
    print(f"  parse only                  {parse_s:>10.1f} s   peak {parse_mib:,.0f} MiB")
    print(f"  import (validate + write)   {import_s:>10.1f} s   peak {import_mib:,.0f} MiB")
    print(f"  import / parse              {import_s / parse_s:>10.2f} ×   (target ≤ 3 ×; memory target < 1024 MiB)")
