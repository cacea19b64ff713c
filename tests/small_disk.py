"""A real, small filesystem for disk-full tests: a tmpfs of a given size, mounted as root (as in CI on Debian).

Where mounting is not permitted (not root, a container without the capability, not Linux) the test is skipped,
never faked."""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(folder: Path, size: str):
    """``folder``, made and mounted as a tmpfs of ``size`` (e.g. "256k") for the body, then unmounted."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if not sys.platform.startswith("linux"):
        pytest.skip("a small filesystem needs Linux tmpfs")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs is not permitted here: " + mounted.stderr.decode(errors="replace"))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int) -> None:
    """Fill the filesystem of ``folder`` with a ballast file until about ``leave`` bytes are free."""
    import os
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(Path(folder) / "ballast", "ab") as out:
        out.write(b"\0" * max(0, free - leave))
