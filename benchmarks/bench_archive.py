"""Round archive export and verify against Python's zipfile and plain hashing of the same files, measured in the
same run (issue 14, section 7): export at ≥ 50 % of the speed of zipping the round's files with zipfile, verify at
≤ 1.5 × the time to hash them, peak memory under 300 MB for each.

The round is the demo's, drawn and signed, with one letter per member and one 1 MB recording per member placed
among its generated documents (recordings have no stage of their own yet: they reach the archive the way the
documents do, streamed from the workspace); ``MEMBERS`` (default 1750: 250 panels of seven) sets how many. Export
and verify each run in a child process, which reports its own time and peak resident memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from benchmarks.scale import ROOT

PASSWORD = "bench-archive-password"
MEMBERS = int(os.environ.get("MEMBERS", "1750"))
RECORDING = 1024 * 1024


def _workspace() -> tuple[Path, str]:
    """The demo round drawn, signed, with MEMBERS letters and recordings under out/round-1; its fingerprint."""
    from desktop.services import accounts, draws, signing
    from desktop.services.demo import DEMO_ACCOUNTS, build_demo
    from desktop.services.documents import generate_letters, letters_folder
    root = ROOT / "archive" / "demo"
    shutil.rmtree(root.parent, ignore_errors=True)
    build_demo(root)
    passwords = {name: password for name, _, _, password in DEMO_ACCOUNTS}
    secretary = accounts.sign_in(root, "王秘书", passwords["王秘书"])
    draws.draw_round(root, secretary, 1, witness=accounts.sign_in(root, "李监督", passwords["李监督"]),
                     witness_digits="482913")
    identity, _ = signing.create_identity(root, secretary, "省科学技术厅评审办公室")
    folder = letters_folder(root, 1)
    letters = [made.path for made in generate_letters(root, secretary, 1, folder, sign=True)]
    for i in range(MEMBERS - len(letters)):
        shutil.copyfile(letters[i % len(letters)], folder / f"copy-{i:05d}.pdf")
    (folder / "recordings").mkdir()
    for i in range(MEMBERS):
        (folder / "recordings" / f"call-{i:05d}.bin").write_bytes(os.urandom(RECORDING))
    return root, identity.fingerprint


def _child(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_archive", *argv], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])


def _files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "out" / "round-1").rglob("*") if p.is_file())


def main() -> None:
    print(f"  building the round: {MEMBERS} letters, {MEMBERS} recordings of 1 MB …", flush=True)
    root, fingerprint = _workspace()
    files = _files(root)
    size = sum(p.stat().st_size for p in files)
    print(f"  {len(files)} files, {size / 1e9:.2f} GB", flush=True)
    plain = ROOT / "archive" / "plain.zip"
    start = time.perf_counter()
    with zipfile.ZipFile(plain, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        for path in files:
            zf.write(path, path.relative_to(root).as_posix())
    zipping = time.perf_counter() - start
    plain.unlink()
    start = time.perf_counter()
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as file:
            while piece := file.read(1024 * 1024):
                digest.update(piece)
    hashing = time.perf_counter() - start
    archive = ROOT / "archive" / "round-1.zip"
    export = _child("export", str(root), str(archive))
    verify = _child("verify", str(archive), fingerprint)
    print(f"  zipfile (stored)  {zipping:7.2f} s")
    print(f"  export            {export['seconds']:7.2f} s   speed {zipping / export['seconds']:.2f} × zipfile "
          f"(target ≥ 0.5), peak {export['peak_mib']:.0f} MiB")
    print(f"  hashing (SHA-256) {hashing:7.2f} s")
    print(f"  verify            {verify['seconds']:7.2f} s   {verify['seconds'] / hashing:.2f} × hashing "
          f"(target ≤ 1.5), peak {verify['peak_mib']:.0f} MiB, verdict {verify['verdict']}")


def _export(root: str, out: str) -> dict:
    from desktop import __version__
    from desktop.services import accounts
    from desktop.services.archive.export import export_round
    from desktop.services.demo import DEMO_ACCOUNTS
    secretary = accounts.sign_in(Path(root), "王秘书", dict((n, p) for n, _, _, p in DEMO_ACCOUNTS)["王秘书"])
    start = time.perf_counter()
    export_round(Path(root), secretary, 1, Path(out), PASSWORD, app_version=__version__)
    return {"seconds": time.perf_counter() - start}


def _verify(archive: str, fingerprint: str) -> dict:
    from desktop.services.archive.verify import verify_archive
    start = time.perf_counter()
    result = verify_archive(Path(archive), PASSWORD, fingerprint=fingerprint)
    return {"seconds": time.perf_counter() - start,
            "verdict": [result["intact"], result["trusted"], result["draw_replayed"]]}


if __name__ == "__main__":
    measured = _export(*sys.argv[2:]) if sys.argv[1] == "export" else _verify(*sys.argv[2:])
    measured["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(measured))
