"""Results and flags of 5,000 applications × 7 scores, and a 35,000-row score workbook imported.

Results: every panel's aggregate, ranking, recommendation, NON_CONSENSUS flags and Krippendorff's alpha
(desktop.domain.results) for 250 panels of 20 applications scored by 7 experts, exact (Fraction); baseline: the
float mean of the same totals, the least any aggregation has to do. Target: under 1 s.

Import: a demo workspace of 5,000 applications whose panels of 7 sit (confirmed through the calls, confirmation and
commitments services by tests/execution_setup, built once), one workbook of every panel's rows (35,000), imported through
the scores service (checked cell by cell and written in one transaction); baseline: parsing the same workbook into
rows (desktop.services.importing.sheets.read_file, the floor any import pays). Target: import ≤ 3 × parse.
"""

from __future__ import annotations

import random
import shutil
import statistics
import time

from benchmarks.scale import ROOT

PANELS, PER_PANEL, EXPERTS = 250, 20, 7
SECRETARY = ("王秘书", "demo-secretary")


def _marks():
    from desktop.domain.methods import Criterion, Method
    from desktop.domain.results import Scored
    from desktop.domain.scores import parse_mark
    method = Method("会议评审", "百分制", criteria=(Criterion("创新性", 30), Criterion("可行性", 25),
                                                   Criterion("基础", 20), Criterion("前景", 25)))
    rng = random.Random(2026)
    panels = []
    for p in range(PANELS):
        numbers = [f"P{p:03d}-{a:02d}" for a in range(PER_PANEL)]
        scores = {n: [Scored(f"E{p}-{e}", "", parse_mark(method, f"{rng.randint(12, 30)},{rng.randint(10, 25)},"
                                                                    f"{rng.randint(8, 20)},{rng.randint(10, 25)}"))
                      for e in range(EXPERTS)] for n in numbers}
        panels.append((f"第{p + 1}组", numbers, scores))
    return method, panels


def results() -> None:
    from desktop.domain.methods import RoundSettings
    from desktop.domain.results import panel_result
    method, panels = _marks()
    settings = RoundSettings(recommendation="top:5")
    start = time.perf_counter()
    floor = [statistics.fmean(float(s.mark.total) for s in scores) for _, numbers, by in panels
             for scores in by.values()]
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    made = [panel_result(method, settings, name, numbers, by) for name, numbers, by in panels]
    took = time.perf_counter() - start
    flagged = sum(r.non_consensus for p in made for r in p.rows)
    assert len(floor) == sum(len(p.rows) for p in made) == PANELS * PER_PANEL
    print(f"  applications × scores        {PANELS * PER_PANEL:,} × {EXPERTS}   flagged {flagged:,}")
    print(f"  float means (baseline)       {baseline:>8.3f} s")
    print(f"  results, flags, alpha        {took:>8.3f} s   {took / baseline:,.1f} × baseline   (target < 1 s)")


def _workspace():
    """The demo generator's workspace with 5,000 applications, drawn and seated, built once into bench-data/."""
    from desktop.services import accounts, draws
    from desktop.services.demo import build_demo
    from tests.execution_setup import confirm_drawn
    root = ROOT / "scores-ws"
    done = root / ".complete"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        print("  building a demo workspace of 5,000 applications, drawn and seated …", flush=True)
        build_demo(root, experts=20_000, applications=PANELS * PER_PANEL)
        secretary = accounts.sign_in(root, *SECRETARY)
        draws.draw_round(root, secretary, 1, witness=accounts.sign_in(root, "李监督", "demo-supervisor"),
                         witness_digits="20261215")
        confirm_drawn(root, secretary, accounts.sign_in(root, "李监督", "demo-supervisor"), 1)
        done.touch()
    return root


def _workbook(root, path):
    """Every panel's template filled, in one workbook (as a secretariat merges them), written in write-only mode."""
    from openpyxl import Workbook
    from desktop.services import accounts, rounds, scores
    from desktop.services.score_workbook import KEYS, OPINION, SHEET
    secretary = accounts.sign_in(root, *SECRETARY)
    rng = random.Random(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    rows = 0
    for panel in rounds.show_round(root, secretary, 1).panels:
        found = scores.score_sheet(root, secretary, 1, panel["name"])
        if not rows:
            sheet.append([*KEYS, *found.columns, OPINION])
        for expert in found.experts:
            for number, title in found.applications:
                sheet.append([found.panel, expert.expert, expert.name, number, title, rng.randint(12, 30),
                              rng.randint(10, 25), rng.randint(8, 20), rng.randint(10, 25), "研究基础较好，建议资助"])
                rows += 1
    book.save(path)
    return rows


def imported() -> None:
    from desktop.services import accounts
    from desktop.services.importing.sheets import read_file
    from desktop.services.score_workbook import import_scores
    source = _workspace()
    root = ROOT / "scores-ws-run"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(source, root)
    path = ROOT / "scores-35000.xlsx"
    rows = _workbook(root, path)
    start = time.perf_counter()
    parsed = sum(len(sheet.rows) for sheet in read_file(path))
    parse = time.perf_counter() - start
    secretary = accounts.sign_in(root, *SECRETARY)
    start = time.perf_counter()
    done = import_scores(root, secretary, 1, path)
    took = time.perf_counter() - start
    assert parsed == rows == done.settled
    print(f"  rows in the workbook         {rows:>8,}")
    print(f"  parse only (baseline)        {parse:>8.2f} s")
    print(f"  import (check + write)       {took:>8.2f} s   {took / parse:.2f} × parse   (target ≤ 3 ×)")


def main() -> None:
    results()
    imported()


if __name__ == "__main__":
    main()
