"""The whole review round on the command line, as docs/round_end_to_end.py walks the demo: draw, calls (one with its
AMR recording, one enterprise member declining and replaced from the reserve), confirmation, commitments and
attendance, scores from the keyboard and from templates, a non-consensus application flagged and decided,
certifications, proposal, approval by another account."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from desktop.services import calls, draws
from desktop.services.audit_log import verify_log
from desktop.store.workspace import close_workspace
from tests.conftest import TEST_PASSWORD, signed
from tests.recordings import recording

SCRIPT = Path(__file__).parent.parent / "docs" / "round_end_to_end.py"


def _script():
    spec = importlib.util.spec_from_file_location("round_end_to_end", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _digits_with_a_panel_at_its_quota(root: Path, tmp_path: Path, monkeypatch, script) -> str:
    """The witness's digits whose draw seats a panel with just its third of enterprise experts, so that the walk's
    enterprise member who declines must be replaced by an enterprise reserve: the program's secret is fixed (the
    operating system's randomness stood in for), so the digits found are the same on every run."""
    monkeypatch.setattr(draws.secrets, "token_bytes", lambda n: bytes(n))
    for attempt in range(30):
        trial = tmp_path / f"trial{attempt}"
        shutil.copytree(root, trial)
        digits = f"{attempt:06d}"
        draws.draw_round(trial, signed(trial, "王秘书"), 1, witness=signed(trial, "李监督"), witness_digits=digits)
        found = [{"panel": c.panel, "enterprise": c.enterprise} for c in calls.list_calls(trial, signed(trial), 1)]
        close_workspace(trial)
        if min(script.spare(found, c["panel"]) for c in found) == 0:
            return digits
    raise AssertionError("no draw of the demo seated a panel with just its third of enterprise experts")


def test_the_demo_round_goes_from_the_draw_to_approved_results_on_the_command_line(demo_workspace, tmp_path,
                                                                                 monkeypatch):
    script, said = _script(), []
    digits = _digits_with_a_panel_at_its_quota(demo_workspace, tmp_path, monkeypatch, script)
    shell = script.Shell(demo_workspace, dict.fromkeys(script.DEMO_PASSWORDS, TEST_PASSWORD), echo=said.append)
    done = script.walk(shell, recording(tmp_path / "rec", "amr"), tmp_path, digits)

    assert done["recorded"]["recording"]["seconds"] > 4 and len(done["recorded"]["recording"]["sha256"]) == 64
    calls = {c["expert"]: c for c in done["calls"]}
    leaving, replacement = done["leaving"]["expert"], done["declined"]["replacement"]
    assert calls[leaving]["status"] == "replaced" and calls[replacement]["status"] == "accepted"
    assert calls[replacement]["panel"] == done["leaving"]["panel"]
    assert done["leaving"]["spare"] == 0  # the panel's enterprise members just at its third: one leaving breaks it
    assert calls[replacement]["enterprise"]  # and the quota is kept by an enterprise reserve
    assert all(c["quota_ok"] for c in done["confirmed"])
    assert replacement in done["members"][done["leaving"]["panel"]] and leaving not in done["members"][
        done["leaving"]["panel"]]
    assert all(row["commitment"] and row["attendance"] == "present" for row in done["sat"])

    cells = {name: len(seats) * len({r["application"] for r in done["results"] if r["panel"] == name})
             for name, seats in done["members"].items()}
    first = next(iter(cells))
    assert {n: e["entered"] for n, e in done["entered"].items()} == {n: c - (n == first) for n, c in cells.items()}
    first_app = min(r["application"] for r in done["results"] if r["panel"] == first)
    assert done["flagged"] == [first_app]
    assert done["approved"]["state"] == "approved" and done["approved"]["approved_by"] == "赵审批"
    assert any(line.startswith("$ paneldesk --operator 赵审批 results approve") for line in said)
    assert verify_log(demo_workspace, signed(demo_workspace, "钱审计")).intact
