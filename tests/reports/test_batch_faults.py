"""A letters batch stopped the hard way, in real processes: kill -9 of the program, Ctrl-C, a worker killed.

Each time: no worker process outlives the program (they hold the signing key), the audit names the batch and the
files it produced, no half-written file stays under a real name, and the next batch cleans up what is left.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.services import documents
from desktop.services.audit import entries
from desktop.store.workspace import close_workspace, open_workspace
from reports.documents import ExpertCommitment, RoundInfo
from tests.conftest import ADMIN, TEST_PASSWORD, signed

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")

LETTERS = 160
ROUND = {"name": "2026年度省重点研发计划项目评审", "programme": "重点研发计划", "method": "会议评审",
         "review_date": "2026-05-12", "organiser": "省科学技术厅评审办公室", "venue": "省科技大厦"}


@dataclass
class Place:
    root: Path    # the workspace, with a signing identity
    config: Path  # the user's config folder: the encrypted file keyring holding the key's passphrase
    plain: Path   # LETTERS commitment letters as plain data
    out: Path

    def paneldesk(self, *argv) -> subprocess.Popen:
        """The command line in its own process group (so what it starts can be found and counted)."""
        environment = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
                       "PANELDESK_PASSPHRASE": "操作员口令", "XDG_CONFIG_HOME": str(self.config),
                       "PANELDESK_PASSWORD": TEST_PASSWORD}
        return subprocess.Popen([sys.executable, "-m", "desktop.cli", "--workspace", str(self.root),
                                 "--operator", "王秘书", *argv], env=environment, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)

    def start_batch(self) -> subprocess.Popen:
        batch = self.paneldesk("letters", "--from-json", str(self.plain), "--out", str(self.out), "--sign")
        wait_for(lambda: len(pdfs(self.out)) >= 3, "the batch wrote no letters")
        return batch


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    place = Place(base / "ws", base / "config", base / "letters.json", base / "out")
    for argv in (["init", "--admin", ADMIN], ["signer", "create", "--name", "省科学技术厅评审办公室"]):
        made = place.paneldesk(*argv)
        assert made.wait(120) == 0, made.stderr.read().decode()
        if argv[0] == "init":
            signed(place.root, "王秘书")
            close_workspace(place.root)
    place.plain.write_text(json.dumps({"round": ROUND, "expert_commitments": [
        {"panel": f"第{i % 4 + 1}组", "expert_name": f"专家{i:03d}", "expert_org": "山东大学"}
        for i in range(LETTERS)]}, ensure_ascii=False), encoding="utf-8")
    return place


@pytest.fixture
def place(template, tmp_path):
    shutil.copytree(template.root, tmp_path / "ws")
    yield Place(tmp_path / "ws", template.config, template.plain, tmp_path / "out")
    close_workspace(tmp_path / "ws")


def _stat(pid: str) -> tuple[str, int, int] | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return fields[0], int(fields[1]), int(fields[2])  # state, parent, process group


def alive_in_group(group: int) -> list[int]:
    """The processes of the batch's process group that still run (zombies have ended, only not been reaped)."""
    return [int(pid) for pid in filter(str.isdigit, os.listdir("/proc"))
            if (stat := _stat(pid)) and stat[2] == group and stat[0] != "Z"]


def workers_of(parent: int) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if (_stat(pid) or ("", 0, 0))[1] == parent and b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(int(pid))
        except OSError:
            continue
    return found


def wait_for(condition, what: str, limit: float = 60.0):
    deadline = time.monotonic() + limit  # a guard against hanging, not a speed check
    while not (value := condition()):
        assert time.monotonic() < deadline, what
        time.sleep(0.05)
    return value


def pdfs(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.pdf")}


def batches(root: Path) -> list[tuple[str, dict]]:
    """The documents entries of the audit, oldest first."""
    try:
        signed(root, "王秘书")  # opens the workspace (encrypted by its init) with the account's key
        return [(e.action, json.loads(e.after)) for e in reversed(entries(open_workspace(root).session()))
                if e.action.startswith("documents.")]
    finally:
        close_workspace(root)


def next_batch(place: Place) -> None:
    """Another batch of the workspace, in this process (unsigned, one letter, another folder)."""
    info = RoundInfo(ROUND["name"], ROUND["programme"], ROUND["method"], __import__("datetime").date(2026, 5, 12),
                     ROUND["organiser"])
    documents.export_documents(place.root, signed(place.root, "李秘书"), [ExpertCommitment(info, "第1组", "补发")], place.out.parent / "x",
                               action="documents.letters", target="next", sign=False)


def test_kill_9_of_the_program_takes_its_workers_and_the_next_batch_closes_its_entry(place):
    batch = place.start_batch()
    workers = wait_for(lambda: workers_of(batch.pid), "no worker processes")
    batch.kill()
    batch.wait()
    wait_for(lambda: not alive_in_group(batch.pid), f"workers outlived the program: {alive_in_group(batch.pid)}")
    assert workers and not any(Path(f"/proc/{pid}").exists() and _stat(str(pid))[0] != "Z" for pid in workers)

    written = pdfs(place.out)
    (action, started), = batches(place.root)
    assert action == "documents.letters.started" and len(started["planned"]) == LETTERS
    assert written and written <= set(started["planned"])
    assert all((place.out / name).read_bytes().rstrip().endswith(b"%%EOF") for name in written)

    next_batch(place)
    (_, _), (action, closed), *_ = batches(place.root)
    assert action == "documents.letters" and closed["outcome"] == "interrupted" and closed["batch"] == started["batch"]
    assert set(closed["files"]) == written == pdfs(place.out)
    assert not list(place.out.glob(".~*"))


def test_ctrl_c_stops_the_batch_and_logs_what_it_wrote(place):
    batch = place.start_batch()
    os.killpg(batch.pid, signal.SIGINT)  # what the terminal does on Ctrl-C: the whole foreground group
    _, err = batch.communicate(timeout=60)
    assert batch.returncode == 130 and "已取消" in err.decode() and "Traceback" not in err.decode()
    wait_for(lambda: not alive_in_group(batch.pid), "processes outlived the program")
    written = pdfs(place.out)
    assert 0 < len(written) < LETTERS and not list(place.out.glob(".~*"))
    (_, started), (action, closed) = batches(place.root)
    assert action == "documents.letters" and closed["outcome"] == "cancelled" and closed["batch"] == started["batch"]
    assert set(closed["files"]) == written


def test_a_killed_worker_is_a_clear_message_and_nothing_survives(place):
    batch = place.start_batch()
    os.kill(wait_for(lambda: workers_of(batch.pid), "no worker processes")[0], signal.SIGKILL)
    _, err = batch.communicate(timeout=60)
    message = err.decode()
    assert batch.returncode == 1 and "工作进程意外退出" in message
    assert "Traceback" not in message and "BrokenProcessPool" not in message
    wait_for(lambda: not alive_in_group(batch.pid), "processes outlived the program")
    (_, started), (action, closed) = batches(place.root)
    assert closed["outcome"] == "failed" and closed["batch"] == started["batch"]
    assert set(closed["files"]) == pdfs(place.out)  # every complete file is listed, and only those
    assert not list(place.out.glob(".~*"))
