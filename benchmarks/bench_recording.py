"""A 30-minute AMR call recording imported with a call (decoded to its end, stored encrypted in blobs/) must cost
under 100 MB of memory beyond what the process held before: recordings are streamed, never read whole.

The recording is made here: tones and pauses at 8 kHz mono encoded to AMR-NB 12.2 kbit/s, as a Huawei phone saves a
call. The call is recorded in a fresh process signed in to an encrypted demo workspace, whose resident set is
sampled every 5 ms against the resident set just before. A control in the same process keeps every decoded frame
(what a decoder that reads the whole file would hold), so the figure shows the sampler sees what it must; time is
given beside the time to only decode the file, the baseline.
"""

from __future__ import annotations

import array
import math
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import av

from desktop.services import accounts, calls, draws
from desktop.services.attachments import probe_recording
from desktop.services.demo import DEMO_ACCOUNTS, build_demo
from desktop.store.workspace import close_workspace

MINUTES = 30
RATE = 8000
LIMIT_MB = 100


def make_amr(path: Path, minutes: int = MINUTES) -> Path:
    """``minutes`` of a tone sweeping 200–800 Hz, a second on and a half second off, as AMR-NB."""
    samples_per_frame = RATE  # one second of audio per frame handed to the encoder
    seconds = [array.array("h", (int(8000 * math.sin(2 * math.pi * pitch * i / RATE)) for i in range(RATE)))
               .tobytes() for pitch in range(200, 800, 50)] + [bytes(2 * RATE)]  # tones, and a pause
    with av.open(str(path), "w", format="amr") as out:
        stream = out.add_stream("libopencore_amrnb", rate=RATE, layout="mono")
        stream.bit_rate = 12200
        for second in range(minutes * 60):
            frame = av.AudioFrame(format="s16", layout="mono", samples=samples_per_frame)
            frame.planes[0].update(seconds[-1] if second % 3 == 2 else seconds[(second * 7) % (len(seconds) - 1)])
            frame.sample_rate = RATE
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def _rss() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))


class Peak:
    """The largest resident set seen while the body runs."""

    def __enter__(self):
        self.start = self.peak = _rss()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()
        return self

    def _watch(self) -> None:
        while not self.done.wait(0.005):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *_exc):
        self.done.set()
        self.thread.join()
        self.peak = max(self.peak, _rss())

    @property
    def extra_mb(self) -> float:
        return (self.peak - self.start) / 2 ** 20


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="paneldesk-bench-recording-"))
    try:
        started = time.perf_counter()
        recording = make_amr(folder / "通话录音.amr")
        print(f"made {MINUTES}-minute AMR: {recording.stat().st_size / 2 ** 20:.1f} MiB "
              f"in {time.perf_counter() - started:.1f} s")
        root = folder / "ws"
        build_demo(root, experts=200, applications=20)  # encrypted, like every workspace since init
        secretary = accounts.sign_in(root, DEMO_ACCOUNTS[1][0], DEMO_ACCOUNTS[1][3])
        supervisor = accounts.sign_in(root, DEMO_ACCOUNTS[2][0], DEMO_ACCOUNTS[2][3])
        draws.draw_round(root, secretary, 1, witness=supervisor, witness_digits="20261215")
        close_workspace(root)
        subprocess.run([sys.executable, "-c", f"from benchmarks.bench_recording import measure; "
                                              f"measure({str(root)!r}, {str(recording)!r})"], check=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(root: str, recording: str) -> None:
    """In a fresh process: record a call with the recording, then the control."""
    secretary = accounts.sign_in(Path(root), DEMO_ACCOUNTS[1][0], DEMO_ACCOUNTS[1][3])
    first, expert = [row.expert for row in calls.list_calls(root, secretary, 1)[:2]]
    with Peak() as plain:  # the same write without a recording: what the transaction itself costs
        calls.record_call(root, secretary, 1, first, "pending")
    print(f"a call without a recording: extra memory {plain.extra_mb:.1f} MB")
    started = time.perf_counter()
    probe_recording(Path(recording))
    decode = time.perf_counter() - started
    started = time.perf_counter()
    with Peak() as peak:
        done = calls.record_call(root, secretary, 1, expert, "accepted", recording=Path(recording))
    took = time.perf_counter() - started
    print(f"recorded a call with it: {done['recording']['seconds'] / 60:.1f} min, {took:.2f} s "
          f"({took / decode:.2f} × decoding alone, {decode:.2f} s); extra memory {peak.extra_mb:.1f} MB "
          f"(limit {LIMIT_MB} MB) {'OK' if peak.extra_mb < LIMIT_MB else 'OVER'}")
    with Peak() as control, av.open(recording) as container:
        kept = [bytes(frame.planes[0]) for frame in container.decode(audio=0)]
    print(f"control, every decoded frame kept ({len(kept)} frames): extra memory {control.extra_mb:.1f} MB")


if __name__ == "__main__":
    main()
