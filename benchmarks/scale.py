"""The large data set the benchmarks share: 50,000 experts, 5,000 applications, a million stays and relations.

Generated once into ``bench-data/`` (ignored by git) through the same generator the demo uses, so a second
`make bench` skips the minutes it takes to write the spreadsheets.
"""

from __future__ import annotations

import resource
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "bench-data"
EXPERTS = 50_000
APPLICATIONS = 5_000
RELATIONS = 850_000  # with about 150,000 stays: a million rows of relations and employment
SEED = 2026
PASSWORD = "bench-password"  # of the benchmark workspace's accounts: bench (秘书) and 监督员 (监督员)


def dataset_files() -> list[Path]:
    from desktop.synthetic.writer import write_dataset
    folder = ROOT / "sheets"
    done = folder / ".complete"
    if not done.exists():
        print(f"  generating {EXPERTS} experts / {APPLICATIONS} applications into {folder} …", flush=True)
        write_dataset(folder, seed=SEED, experts=EXPERTS, applications=APPLICATIONS, relations=RELATIONS)
        done.touch()
    return sorted(folder.glob("*.xlsx"))


@contextmanager
def timed(label: str, into: dict):
    start = time.perf_counter()
    yield
    into[label] = time.perf_counter() - start


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def operator(root: Path, name: str = "bench", *, encrypt: bool = False):
    """``name`` signed in to the workspace at ``root``; a workspace without accounts gets the benchmark's first (and
    stays plain unless ``encrypt``)."""
    from desktop.services import accounts
    if not (Path(root) / "paneldesk.db").exists() or not accounts.has_accounts(root):
        admin = accounts.init_workspace(root, "bench-admin", PASSWORD, encrypt=encrypt)
        accounts.add_account(admin, "bench", roles="秘书", password=PASSWORD)
        accounts.add_account(admin, "监督员", roles="监督员", password=PASSWORD)
    return accounts.sign_in(root, name, PASSWORD)


def large_workspace():
    """The workspace holding the large data set, imported once through the real import."""
    from desktop.services.importing.run import import_files
    from desktop.store.workspace import open_workspace
    root = ROOT / "workspace"
    done = root / ".complete"
    if not done.exists():
        import shutil
        shutil.rmtree(root, ignore_errors=True)
        print("  importing the large data set …", flush=True)
        import_files(open_workspace(root, create=True), dataset_files(), operator(root))
        done.touch()
    return open_workspace(root)
