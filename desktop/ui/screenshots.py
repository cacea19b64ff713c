"""``python -m desktop.ui.screenshots --workspace demo OUT``: a PNG of every page, for the docs and for review.

Works on a copy of the workspace (the demo round gets drawn and its letters made, an expert's title corrected, an
expert selected), so the user's own demo stays as it was. Run offscreen; the shipped font makes the Chinese render without any system font.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.services import accounts, calls, catalogue, commitments, confirmation, rounds, scores
from desktop.services.demo import DEMO_ACCOUNTS
from desktop.ui.app import make_app
from desktop.ui.context import Context
from desktop.ui.import_wizard import ImportWizard
from desktop.ui import main_window as pages
from desktop.ui.main_window import MainWindow
from desktop.ui.round.workspace import (CALLS, COMMITMENTS, CONFIRMATION, CONFLICTS, DRAW, LETTERS, METHOD,
                                       RESULTS, SCORES)
from desktop.ui.settings import Settings
from desktop.ui.sign_in import SignInDialog
from desktop.ui.tasks import InlineRunner

ADMIN, SECRETARY, SUPERVISOR, APPROVER, AUDITOR = ((name, password) for name, _, _, password in DEMO_ACCOUNTS)
# every page by its place in the side bar, and who is signed in for it: the secretary, except where a page is another
# role's
PAGES = [(pages.DASHBOARD, "dashboard", SECRETARY), (pages.EXPERTS, "experts", SECRETARY),
         (pages.ORGANISATIONS, "organisations", SECRETARY), (pages.APPLICATIONS, "applications", SECRETARY),
         (pages.ROUNDS, "rounds", SECRETARY), (pages.LIMITS, "limits", SECRETARY),
         (pages.INTEGRITY, "integrity", SECRETARY), (pages.MISCONDUCT, "misconduct", SECRETARY),
         (pages.APPEALS, "appeals", APPROVER), (pages.CALENDAR, "calendar", SECRETARY), (pages.AUDIT, "audit", AUDITOR),
         (pages.ACCOUNTS, "accounts", ADMIN), (pages.ARCHIVE, "archive", SECRETARY),
         (pages.SETTINGS, "settings", SECRETARY)]


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _forward(place: Path, secretary, supervisor, step: int) -> None:
    """The demo round brought to where ``step`` has something to show and something still missing: every call
    answered (the panels not yet confirmed), the panels confirmed with one commitment missing, the first panel's
    sheet half scored, every sheet scored with one application split (non-consensus, certifications missing)."""
    if step == CONFIRMATION:
        for row in calls.list_calls(place, secretary, 1):
            if row.status == "pending":
                calls.record_call(place, secretary, 1, row.expert, "accepted")
    elif step == COMMITMENTS:
        for panel in confirmation.confirmations(place, secretary, 1):
            confirmation.confirm_panel(place, secretary, 1, panel["panel"])
        for row in commitments.commitments_status(place, secretary, 1)[1:]:
            commitments.record_commitment(place, secretary, 1, row["expert"], on_site_by=supervisor)
            commitments.record_attendance(place, secretary, 1, row["expert"], "present")
    elif step in (SCORES, RESULTS):
        seated = commitments.commitments_status(place, secretary, 1)
        if step == SCORES:
            commitments.record_commitment(place, secretary, 1, seated[0]["expert"], on_site_by=supervisor)
            commitments.record_attendance(place, secretary, 1, seated[0]["expert"], "present")
        panels = {p["name"]: p["applications"] for p in rounds.show_round(place, secretary, 1).panels}
        cells = [scores.ScoreInput(row["expert"], number, _marks(seat, app, row["panel"] == seated[0]["panel"]))
                 for seat, row in enumerate(seated) for app, number in enumerate(panels[row["panel"]])]
        half = [c for c in cells if c.application in panels[seated[0]["panel"]]]
        scores.enter_scores(place, secretary, 1, half[:len(half) // 2] if step == SCORES else cells)


def _marks(seat: int, app: int, split: bool) -> str:
    """百分制 marks by criterion; the first application of the first panel split by its second seat."""
    if split and app == 0:
        return "10,8,6,8" if seat == 1 else "28,23,18,23"
    return f"{20 + (seat + app) % 5},{18 + app % 3},15,{16 + seat % 4}"


def capture(workspace: Path, out: Path, scratch: Path, language: str = "zh_CN") -> list[Path]:
    copy = scratch / Path(workspace).resolve().name  # the sign-in dialog and the status bar name it as the user would
    shutil.copytree(workspace, copy, ignore=shutil.ignore_patterns("*.log", "示例数据"))
    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    settings.operator = SECRETARY[0]
    settings.language = language
    app, settings = make_app(sys.argv[:1], settings)
    window = MainWindow(Context(InlineRunner(), settings, lambda root: accounts.sign_in(root, *SECRETARY)))
    window.resize(1366, 820)
    window.show()
    window.open_workspace(copy)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def shoot(name: str) -> None:
        _settle(app)
        path = out / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path)

    first = catalogue.listing(copy, window.ctx.actor, "experts")[0]
    catalogue.edit_expert(copy, window.ctx.actor, first["id_number"], title="研究员")  # a before and after to show
    infos = rounds.list_rounds(copy, window.ctx.actor)
    round_ws = window.rounds.workspace
    if infos:
        window.show_round(infos[0].ref)
        if infos[0].state == "opened":
            round_ws.draw.run(accounts.witness_sign_in(window.ctx.actor, *SUPERVISOR), "20261215")
    for index, name, account in PAGES:
        if window.ctx.actor.name != account[0]:
            window.sign_out(ask=False)
            window.signed_in(accounts.sign_in(copy, *account))
        window.nav.setCurrentRow(index)
        if name == "experts":
            window.experts.table.selectRow(0)
        if name in ("misconduct", "limits"):  # the last record: on a demo that was worked on, the newest
            page = window.stack.currentWidget()
            page.table.selectRow(page.table.rowCount() - 1)
        if name == "audit":
            page = window.stack.currentWidget()
            shown = [e["action"] for e in page.entries]
            if "expert.edit" in shown:
                page.table.selectRow(shown.index("expert.edit"))
        if name == "rounds" and infos:
            for step, step_name in ((METHOD, "round-method"), (CONFLICTS, "round-conflicts"), (DRAW, "round-draw"),
                                    (LETTERS, "round-letters"), (CALLS, "round-calls"),
                                    (CONFIRMATION, "round-confirmation"), (COMMITMENTS, "round-commitments"),
                                    (SCORES, "round-scores"), (RESULTS, "round-results")):
                if step > CALLS and infos[0].state in ("opened", "drawn"):
                    _forward(copy, window.ctx.actor, accounts.witness_sign_in(window.ctx.actor, *SUPERVISOR), step)
                    round_ws.load(infos[0].ref)  # as a step does after a change: the round and the list reread
                    window.ctx.touched("rounds")
                round_ws.buttons.button(step).click()
                if step == CONFLICTS:
                    round_ws.conflicts.compute.click()
                    round_ws.conflicts.pairs.selectRow(0)
                if step == LETTERS:  # unsigned: signing would need a key in this machine's keyring
                    round_ws.letters.sign.setChecked(False)
                    round_ws.letters.start()
                shoot(step_name)
            continue
        shoot(name)
    window.sign_out(ask=False)
    window.signed_in(accounts.sign_in(copy, *SECRETARY))
    wizard = ImportWizard(window.ctx, window)
    wizard.resize(900, 560)
    dialog = SignInDialog(copy, InlineRunner(), suggest=SECRETARY[0], parent=window)
    for name, shown in (("import-wizard", wizard), ("sign-in", dialog)):
        shown.show()
        _settle(app)
        path = out / f"{name}.png"
        shown.grab().save(str(path))
        shots.append(path)
        shown.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.screenshots")
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--language", default="zh_CN", help="zh_CN (the default) or en")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        for path in capture(args.workspace, args.out, Path(scratch), args.language):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
