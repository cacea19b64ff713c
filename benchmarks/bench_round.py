"""A round of 5,000 applications in 250 panels over 50,000 experts with a million relations and stays.

Conflicts (building the pool, every ground, every panel's eligible experts) are measured against merely loading the
pool's rows from the database (target ≤ 1.5 ×), and against loading only the rows a round reads; the whole draw as
the user runs it after the commitment was shown — load, conflicts, draw, record — against 5 s.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict

from benchmarks.scale import large_workspace, operator, peak_rss_mib
from desktop.domain.methods import Method, RoundSettings
from desktop.services import catalogue, draws, rounds
from desktop.services.conflicts import load_round
from desktop.services.gc_pause import gc_paused
from desktop.services.uow import reading
from desktop.store.snapshot import load_case, raw_pool_rows

PANELS = 250
PER_PANEL = 20


def _round(workspace, bench) -> int:
    """A fresh opened round with 250 panels of twenty applications, grouped by field as a secretariat would."""
    by_field = defaultdict(list)
    for app in catalogue.listing(workspace, bench, "applications"):
        by_field[app["field_code"][:5]].append(app["number"])
    numbers = [n for field in sorted(by_field) for n in by_field[field]]
    info = rounds.create_round(workspace, bench, name=f"bench {time.time()}", review_date=dt.date(2026, 12, 15),
                               method=Method("会议评审", "百分制"), settings=RoundSettings(panel_size=7),
                               confirm_past_date=True)
    for i in range(PANELS):
        chunk = numbers[i * PER_PANEL:(i + 1) * PER_PANEL]
        rounds.add_panel(workspace, bench, info.id, name=f"第{i + 1}组", size=7, applications=chunk)
    rounds.open_round(workspace, bench, info.id)
    return info.id


def main() -> None:
    workspace = large_workspace()
    bench = operator(workspace.root)
    round_id = _round(workspace, bench)
    with reading(workspace) as session:
        start = time.perf_counter()
        rows = raw_pool_rows(session)
        load_case(session, round_id)
        load_s = time.perf_counter() - start
        start = time.perf_counter()
        raw_pool_rows(session, round_id)
        load_case(session, round_id)
        round_load_s = time.perf_counter() - start
        start = time.perf_counter()
        found = load_round(session, round_id).conflicts
        with gc_paused():
            eligible = {panel: found.eligible_for_panel(panel) for panel in found.panels}
        conflicts_s = time.perf_counter() - start
    start = time.perf_counter()
    draws.commit_draw(workspace, bench, round_id)
    commit_s = time.perf_counter() - start
    witness = operator(workspace.root, "监督员")
    start, cpu = time.perf_counter(), time.process_time()
    record = draws.draw_round(workspace, bench, round_id, witness_digits="20261215", witness=witness)
    draw_s, draw_cpu = time.perf_counter() - start, time.process_time() - cpu
    counts = {kind: len(r) for kind, r in rows.items()}
    print(f"  pool rows                   {json.dumps(counts)}")
    print(f"  panels / applications       {len(found.panels)} / {len(found.applications)}; "
          f"eligible per panel min {min(map(len, eligible.values()))}, "
          f"median {sorted(map(len, eligible.values()))[len(eligible) // 2]}")
    print(f"  load the rows               {load_s:>8.2f} s   (the whole pool)")
    print(f"  load the round's rows       {round_load_s:>8.2f} s   (relations touching its teams only)")
    print(f"  conflicts + eligibility     {conflicts_s:>8.2f} s   ratio {conflicts_s / load_s:.2f} × the whole pool "
          f"(target ≤ 1.5 ×), {conflicts_s / round_load_s:.2f} × the round's rows")
    print(f"  commitment                  {commit_s:>8.2f} s")
    print(f"  whole draw (record incl.)   {draw_s:>8.2f} s   CPU {draw_cpu:.2f} s (target < 5 s); "
          f"{len(record.panels)} panels drawn")
    print(f"  peak memory                 {peak_rss_mib():>8,.0f} MiB")
