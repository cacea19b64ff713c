"""kill -9 at several points of an import, a draw and a letters batch, each in its own process: afterwards the
workspace opens, `audit verify` is clean, nothing is half-written, and the audit log matches what exists."""

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store.workspace import close_workspace
from desktop.synthetic.writer import write_dataset
from tests.conftest import ADMIN, signed

# Runs in the child: ``KILL_AT`` names the step at which the process kills itself with SIGKILL, as `kill -9` would.
PRELUDE = """
import os, signal, sys
from pathlib import Path
from desktop.services.accounts import sign_in
KILL_AT = sys.argv[2]
ROOT = Path(sys.argv[1])

def signed(root, name):
    return sign_in(root, name, os.environ["PANELDESK_PASSWORD"])

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def at(name):
    if name == KILL_AT:
        die()
"""

IMPORT = PRELUDE + """
from desktop.services.importing.run import import_files
files = sorted(Path(sys.argv[3]).glob("*.xlsx"))
import_files(ROOT, files, signed(ROOT, "王秘书"), progress=lambda done, total, what: at(what))
at("after")
"""

DRAW = PRELUDE + """
from desktop.services import checkpoints, draws
write = checkpoints.write
def signing_then_maybe_die(*args, **kwargs):
    at("checkpoint")
    return write(*args, **kwargs)
checkpoints.write = signing_then_maybe_die
draws.draw_round(ROOT, signed(ROOT, "王秘书"), 1, witness_digits="111111", witness=signed(ROOT, "李监督"),
                 progress=lambda step, steps, what: at(f"step {step}"))
at("after")
"""

LETTERS = PRELUDE + """
from desktop.services import documents
documents.generate_letters(ROOT, signed(ROOT, "王秘书"), 1, ROOT / "out" / "letters", sign=False,
                           progress=lambda done, total: at("letter 2") if done >= 2 else None)
# the worker pool reports a chunk of letters at a time: the first report of two or more letters done is "letter 2"
at("after")
"""


def kill_at(script: str, root: Path, point: str, *extra: str) -> None:
    close_workspace(root)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script), str(root), point, *extra],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr


def audit(root: Path, capsys) -> tuple[int, dict]:
    close_workspace(root)
    code = main(["--workspace", str(root), "--operator", "王秘书", "audit", "verify", "--json"])
    out, _ = capsys.readouterr()
    close_workspace(root)
    return code, json.loads(out)


def rows(root: Path, sql: str):
    with sqlite3.connect(f"file:{root / 'paneldesk.db'}?mode=ro", uri=True) as db:
        found = db.execute(sql).fetchall()
    db.close()
    return found


def actions(root: Path) -> list[str]:
    return [a for (a,) in rows(root, "SELECT action FROM audit_entry ORDER BY id")]


@pytest.fixture(scope="module")
def pool_files(tmp_path_factory):
    return write_dataset(tmp_path_factory.mktemp("pool"), seed=7, experts=150, applications=15)[0].parent


@pytest.mark.parametrize("point, committed", [("人员关系", False), ("提交", False), ("after", True)])
def test_an_import_killed_leaves_all_or_nothing(tmp_path, pool_files, capsys, point, committed):
    root = tmp_path / "ws"
    assert main(["--workspace", str(root), "init", "--admin", ADMIN]) == 0
    signed(root, "王秘书")
    capsys.readouterr()
    kill_at(IMPORT, root, point, str(pool_files))
    code, report = audit(root, capsys)
    assert code == 0 and report["intact"], report
    experts = rows(root, "SELECT count(*) FROM expert")[0][0]
    relations = rows(root, "SELECT count(*) FROM relation")[0][0]
    if committed:
        assert experts == 150 and relations > 0 and actions(root)[-1] == "import"
    else:
        assert experts == relations == 0 and "import" not in actions(root)


@pytest.mark.parametrize("point, committed", [("step 2", False), ("checkpoint", False), ("after", True)])
def test_a_draw_killed_leaves_all_or_nothing(demo_workspace, capsys, point, committed):
    kill_at(DRAW, demo_workspace, point)
    code, report = audit(demo_workspace, capsys)
    assert code == 0 and report["intact"], report
    draws_, members = rows(demo_workspace, "SELECT count(*), (SELECT count(*) FROM draw_member) FROM draw")[0]
    states = rows(demo_workspace, "SELECT state FROM review_round WHERE id = 1")
    if committed:
        assert draws_ == 1 and members > 0 and actions(demo_workspace)[-1] == "round.draw"
        assert states == [("drawn",)]
    else:
        assert draws_ == members == 0 and "round.draw" not in actions(demo_workspace)
        assert states == [("opened",)]


def test_a_letters_batch_killed_part_way_leaves_a_workspace_that_checks(demo_workspace, capsys):
    kill_at(DRAW, demo_workspace, "after")
    kill_at(LETTERS, demo_workspace, "letter 2")
    code, report = audit(demo_workspace, capsys)
    assert code == 0 and report["intact"], report
    assert actions(demo_workspace)[-1] == "documents.letters.started"
    folder = demo_workspace / "out" / "letters"
    assert 2 <= len(list(folder.glob("*.pdf")))
    shutil.rmtree(folder)
