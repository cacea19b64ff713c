"""The demo round from the draw to the approved results on the command line alone, every command printed with what
it printed: the draw witnessed, every drawn expert called (one call with its recording, one enterprise member
declining and replaced from the reserve with the quota kept), the panels confirmed, commitments and attendance, one
score from the keyboard and each panel's filled score template imported, one application split so that it is flagged
non-consensus, the certifications, the flagged applications decided, the results proposed and approved by 赵审批.

    .venv/bin/paneldesk --workspace /tmp/demo demo
    .venv/bin/python docs/round_end_to_end.py /tmp/demo 通话录音.amr

tests/test_round_end_to_end.py runs the same walk on the tests' demo workspace.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shlex
import sys
import tempfile
from pathlib import Path

import openpyxl

from desktop.cli import main

DEMO_PASSWORDS = {"王秘书": "demo-secretary", "李监督": "demo-supervisor", "赵审批": "demo-approver"}
SECRETARY, SUPERVISOR, APPROVER = "王秘书", "李监督", "赵审批"
# the marks of the first application of the first panel, seat by seat: the second seat far below the others
SPLIT = ["28,23,18,23", "10,8,6,8", "27,22,18,22", "26,22,17,22", "27,23,18,21", "26,21,17,22", "28,22,18,22"]


def steady(seat: int, app: int) -> str:
    return f"{20 + (seat + app) % 5},{18 + app % 3},15,{16 + seat % 4}"


def spare(calls: list[dict], panel: str) -> int:
    """How many enterprise members the panel has beyond its third (ENTERPRISE_THIRD): at 0, an enterprise member who
    declines must be replaced by an enterprise reserve."""
    seated = [c["enterprise"] for c in calls if c["panel"] == panel]
    return sum(seated) - -(-len(seated) // 3)


class Shell:
    """Runs ``paneldesk`` commands in this process as the command line's main() runs them, and prints each."""

    def __init__(self, workspace: Path, passwords: dict[str, str], echo=print, width: int = 400):
        self.workspace, self.passwords, self.echo, self.width = workspace, passwords, echo, width

    def __call__(self, who: str, *argv: str, witness: str | None = None):
        os.environ["PANELDESK_PASSWORD"] = self.passwords[who]
        if witness:
            os.environ["PANELDESK_WITNESS_PASSWORD"] = self.passwords[witness]
        out, err = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--workspace", str(self.workspace), "--operator", who, *argv])
        finally:
            os.environ.pop("PANELDESK_WITNESS_PASSWORD", None)
        self.echo(f"$ paneldesk --operator {who} {shlex.join(argv)}")
        if code != 0:
            raise SystemExit(f"exit {code}: {err.getvalue().strip()}")
        found = json.loads(out.getvalue()) if "--json" in argv else out.getvalue().strip()
        shown = json.dumps(found, ensure_ascii=False) if "--json" in argv else found
        self.echo("  " + (shown if len(shown) <= self.width else shown[:self.width] + f" …（共 {len(shown)} 字符）"))
        return found


def walk(sh: Shell, recording: Path, folder: Path, digits: str = "482913") -> dict:
    """The round 1 of a demo workspace from opened to approved; returns what the checks of the walk need."""
    r = ("--round", "1")
    sh(SECRETARY, "draw", "commit", *r, "--json")
    sh(SECRETARY, "draw", *r, "--witness", SUPERVISOR, "--witness-digits", digits, "--json", witness=SUPERVISOR)
    calls = sh(SECRETARY, "calls", *r, "--reveal", "--json")
    first = calls[0]
    recorded = sh(SECRETARY, "call", "record", *r, "--expert", first["expert"], "--outcome", "accepted",
                  "--recording", str(recording), "--json")
    leaving = min((c for c in calls[1:] if c["enterprise"]), key=lambda c: spare(calls, c["panel"]))
    leaving["spare"] = spare(calls, leaving["panel"])
    declined = sh(SECRETARY, "call", "record", *r, "--expert", leaving["expert"], "--outcome", "declined",
                  "--reason", "时间冲突", "--reveal", "--json")
    while pending := [c for c in sh(SECRETARY, "calls", *r, "--reveal", "--json") if c["status"] == "pending"]:
        for call in pending:
            sh(SECRETARY, "call", "record", *r, "--expert", call["expert"], "--outcome", "accepted", "--json")
    calls = sh(SECRETARY, "calls", *r, "--reveal", "--json")
    panels = list(dict.fromkeys(c["panel"] for c in calls))
    confirmed = [sh(SECRETARY, "panel", "confirm", *r, "--panel", name, "--json") for name in panels]
    members = {name: [c["expert"] for c in calls if c["panel"] == name and c["status"] == "accepted"]
               for name in panels}
    for expert in (e for seated in members.values() for e in seated):
        sh(SECRETARY, "commitment", "record", *r, "--expert", expert, "--on-site", "--supervisor", SUPERVISOR,
           "--json", witness=SUPERVISOR)
        sh(SECRETARY, "attendance", *r, "--expert", expert, "--present", "--json")
    sat = sh(SECRETARY, "commitments", *r, "--json")

    entered = {}
    for index, name in enumerate(panels):
        template = folder / f"{name}.xlsx"
        sh(SECRETARY, "scores", "template", *r, "--panel", name, "--out", str(template), "--json")
        book = openpyxl.load_workbook(template)
        rows = list(book["评分表"].iter_rows(min_row=2))
        apps = list(dict.fromkeys(row[3].value for row in rows))
        seats = members[name]
        if index == 0:  # the first cell from the keyboard, the rest from the template
            sh(SECRETARY, "score", "enter", *r, "--expert", seats[0], "--application", apps[0], "--value", SPLIT[0],
               "--opinion", "创新性突出", "--json")
        for row in rows:
            i, j = seats.index(row[1].value), apps.index(row[3].value)
            if index == 0 and (i, j) == (0, 0):
                continue
            marks = SPLIT[i % len(SPLIT)] if index == 0 and j == 0 else steady(i, j)
            for cell, mark in zip(row[5:9], marks.split(",")):
                cell.value = int(mark)
            row[9].value = f"意见{i}-{j}"
        book.save(folder / f"{name}-已填.xlsx")
        entered[name] = sh(SECRETARY, "scores", "import", *r, str(folder / f"{name}-已填.xlsx"), "--json")

    results = sh(APPROVER, "results", *r, "--json")
    flagged = [row["application"] for row in results if row["non_consensus"]]
    for expert in (e for seated in members.values() for e in seated):
        sh(SECRETARY, "certification", "record", *r, "--expert", expert, "--json")
    for number in flagged:
        sh(SECRETARY, "non-consensus", "decide", *r, "--application", number, "--decision", "recommend",
           "--reason", "评审组复议：低分专家的意见已记录，多数专家认为创新性突出", "--json")
    proposed = sh(SECRETARY, "results", "propose", *r, "--json")
    approved = sh(APPROVER, "results", "approve", *r, "--json")
    return {"recorded": recorded, "leaving": leaving, "declined": declined, "calls": calls, "confirmed": confirmed,
            "members": members, "sat": sat, "entered": entered, "results": results, "flagged": flagged,
            "proposed": proposed, "approved": approved}


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workspace", type=Path, help="a demo workspace just built (paneldesk demo)")
    parser.add_argument("recording", type=Path, help="a call's recording (WAV, M4A, MP3, AMR)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        walk(Shell(args.workspace, DEMO_PASSWORDS), args.recording, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(run())
