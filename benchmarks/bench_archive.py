"""Round archive export and verify against Python's zipfile and plain hashing of the same files, measured in the
same run (issue 14, section 7): export at ≥ 50 % of the speed of zipping the round's files with zipfile, verify at
≤ 1.5 × the time to hash them, peak memory under 300 MB for each.

The round is the benchmark round of ``bench_round`` (250 panels of seven over the 50,000-expert workspace of
``benchmarks.scale``), drawn, with its signed commitment letter for each of the 1,750 members (``MEMBERS`` lowers
that number for a quick run: the letters and recordings of the first ones only) and a confirmation call with a
recording of 1 MB for each, recorded through ``calls.record_call`` as the window records one: the recording is
stored in ``blobs/`` and named by the call's row, and the archive streams it back out. The recordings are random
bytes, since decoding them is not what is measured here (``bench_recording`` measures it): the check that decodes a
recording for its length is given a fixed answer for this benchmark only.

"The same files" are the letters and the recordings as the workspace holds them; the archive holds more (the whole
pool the draw's replay needs, some 1.2 million rows, and the audit slice), and verify replays the draw on it, which
the baseline does not. So verify is also reported in its two parts: the members (decrypted and hashed) and the
rest: before them the key and the signature, after them the audit chain, attachments, calendar and the replay of 250
panels over 50,000 experts. Export and verify each run in a child process, which reports its own time and peak
resident memory; the export's pool processes run beside it, so the memory of the child and every process it started
is also sampled together (proportional shares, so pages they share count once), and its CPU seconds are its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from benchmarks.scale import PASSWORD as BENCH_PASSWORD, ROOT, large_workspace, operator

PASSWORD = "bench-archive-password"
MEMBERS = int(os.environ.get("MEMBERS", "1750"))
RECORDING = 1024 * 1024


def _recorded_without_decoding(path: Path) -> tuple[str, float]:
    """What ``attachments.probe_recording`` says of a real recording: its type and length (random bytes have none)."""
    return "audio/amr", 65.0


def _round() -> tuple[Path, int, str, list[Path]]:
    """The benchmark round drawn, lettered and called: (workspace, round, fingerprint, the files it holds)."""
    from benchmarks.bench_round import _round as bench_round
    from desktop.services import attachments, calls, draws, rounds, signing
    from desktop.services.documents import generate_letters, letters_folder
    workspace = large_workspace()
    root, bench = workspace.root, operator(workspace.root)
    round_id = bench_round(workspace, bench)
    rounds.edit_round(workspace, bench, round_id, issuer="省科学技术厅", venue="省科技会堂", review_time="09:00")
    draws.commit_draw(workspace, bench, round_id)
    record = draws.draw_round(workspace, bench, round_id, witness_digits="20261215",
                              witness=operator(root, "监督员"))
    if not (root / signing.FOLDER / signing.META_NAME).exists():
        signing.create_identity(root, bench, "省科学技术厅评审办公室", password=BENCH_PASSWORD)
    fingerprint = signing.show_identity(root, bench).fingerprint
    print(f"  round {round_id}: {len(record.panels)} panels drawn; writing the letters …", flush=True)
    letters = [made.path for made in generate_letters(root, bench, round_id, letters_folder(root, round_id),
                                                      sign=True, password=BENCH_PASSWORD)]
    members = [m["expert"] for p in record.panels for m in p["members"]][:MEMBERS]
    print(f"  {len(letters)} letters; recording {len(members)} calls of 1 MB …", flush=True)
    attachments.probe_recording = _recorded_without_decoding  # noqa: the one stand-in, see the module's docstring
    scratch = ROOT / "archive" / "recording.amr"
    scratch.parent.mkdir(parents=True, exist_ok=True)
    recordings = []
    for expert in members:
        scratch.write_bytes(os.urandom(RECORDING))
        done = calls.record_call(workspace, bench, round_id, expert, "accepted", recording=scratch)
        recordings.append(workspace.blobs / done["recording"]["sha256"])
    scratch.unlink()
    return root, round_id, fingerprint, sorted(letters)[:MEMBERS] + recordings


def _child(*argv: str) -> dict:
    """Run ``argv`` in a child process: what it reports, and ``together_mib``, the largest sum of its memory and of
    every process it started (the export's pool processes, through multiprocessing's forkserver), sampled from here
    every 100 ms so the sampling costs the measured process nothing: the figure a laptop feels."""
    child = subprocess.Popen([sys.executable, "-m", "benchmarks.bench_archive", *argv], stdout=subprocess.PIPE,
                             text=True)
    together = 0.0
    while child.poll() is None:
        together = max(together, sum(map(_pss_mib, _tree(child.pid))))
        time.sleep(0.1)
    out, _ = child.communicate()
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, argv)
    return json.loads(out.splitlines()[-1]) | {"together_mib": together}


def _zipping(files: list[Path], out: Path) -> float:
    start = time.perf_counter()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        for number, path in enumerate(files):
            zf.write(path, f"{number:06d}")
    seconds = time.perf_counter() - start
    out.unlink()
    return seconds


def _hashing(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as file:
            while piece := file.read(1024 * 1024):
                digest.update(piece)
    return time.perf_counter() - start


def main() -> None:
    root, round_id, fingerprint, files = _round()
    size = sum(p.stat().st_size for p in files)
    print(f"  {len(files)} files (letters and recordings), {size / 1e9:.2f} GB", flush=True)
    archive = ROOT / "archive" / f"round-{round_id}.zip"
    for run in (1, 2):
        zipping = _zipping(files, ROOT / "archive" / "plain.zip")
        export = _child("export", str(root), str(round_id), str(archive))
        hashing = _hashing(files)
        verify = _child("verify", str(archive), fingerprint)
        print(f"  run {run}: archive {archive.stat().st_size / 1e9:.2f} GB, {export['members']} members")
        print(f"    zipfile (stored)  {zipping:7.2f} s")
        print(f"    export            {export['seconds']:7.2f} s   speed {zipping / export['seconds']:.2f} × zipfile "
              f"(target ≥ 0.5), CPU {export['cpu']:.2f} s (its own), peak {export['peak_mib']:.0f} MiB, "
              f"{export['together_mib']:.0f} MiB with its pool processes")
        print(f"    hashing (SHA-256) {hashing:7.2f} s")
        print(f"    verify            {verify['seconds']:7.2f} s   {verify['seconds'] / hashing:.2f} × hashing "
              f"(target ≤ 1.5), CPU {verify['cpu']:.2f} s, peak {verify['peak_mib']:.0f} MiB "
              f"({verify['together_mib']:.0f} MiB sampled), "
              f"verdict {verify['verdict']}")
        print(f"      its members     {verify['members_seconds']:7.2f} s   "
              f"{verify['members_seconds'] / hashing:.2f} × hashing; before them (key, signature) "
              f"{verify['before_seconds']:.2f} s, after them (audit, attachments, calendar, replay of the draw) "
              f"{verify['seconds'] - verify['before_seconds'] - verify['members_seconds']:.2f} s", flush=True)
        archive.unlink()


def _export(root: str, round_id: str, out: str) -> dict:
    from desktop import __version__
    from desktop.services.archive.export import export_round
    bench = operator(Path(root))
    start, cpu = time.perf_counter(), time.process_time()
    done = export_round(Path(root), bench, int(round_id), Path(out), PASSWORD, app_version=__version__,
                        signing_password=BENCH_PASSWORD)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "members": done["members"]}


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from each thread's list of the children it started (Linux's ``children``)."""
    found, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                waiting += map(int, (task / "children").read_text().split())
        except OSError:  # ended meanwhile
            continue
    return found


def _pss_mib(pid: int) -> float:
    """The process's proportional share of resident memory: pages the pool processes share with the forkserver
    they were forked from count once between them, not once in each."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _verify(archive: str, fingerprint: str) -> dict:
    from desktop.services.archive.verify import verify_archive
    reported: list[float] = []  # when each member's check began; the last one's is the members' end, near enough
    # (the last member is the round's exclusions, some kilobytes)
    start, cpu = time.perf_counter(), time.process_time()
    result = verify_archive(Path(archive), PASSWORD, fingerprint=fingerprint,
                            progress=lambda done, total, _path: reported.append(time.perf_counter()))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "cpu": time.process_time() - cpu, "before_seconds": reported[0] - start, "members_seconds": reported[-2] - reported[0],
            "verdict": [result["intact"], result["trusted"], result["draw_replayed"]], "problems": result["problems"]}


def _peak_mib() -> float:
    """This process's peak resident memory. Not ``getrusage``: Linux carries its figure across ``exec`` from the
    process that forked this one (the parent holding the drawn round), while VmHWM starts anew with the program."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    measured = _export(*sys.argv[2:]) if sys.argv[1] == "export" else _verify(*sys.argv[2:])
    measured["peak_mib"] = _peak_mib()
    print(json.dumps(measured))
