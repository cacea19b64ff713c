"""A private PulseAudio server for the test run, so the window's microphone recording is tested on a machine with no
sound card (TECH_NOTES, Recording): started empty before Qt looks for audio devices, so the window first sees no
microphone, and given a virtual one (a sine tone on a null sink, its monitor remapped as a source) when a test asks
for it, as when a headset is plugged in. Without ``pulseaudio`` installed, nothing is started and the microphone
test is skipped."""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

MICROPHONE = (("module-null-sink", "sink_name=nullsink"), ("module-sine", "sink=nullsink"),
              ("module-remap-source", "master=nullsink.monitor", "source_name=virtmic"))


class AudioServer:
    def __init__(self, folder: Path, process: subprocess.Popen):
        self.folder, self.process = folder, process

    def plug_in_microphone(self) -> None:
        for module in MICROPHONE:
            subprocess.run(["pactl", "load-module", *module], check=True, capture_output=True, timeout=10)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def _end_with_the_run() -> None:
    """In the server's process before it starts: the kernel ends it when the test run ends, even by kill -9."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start() -> AudioServer | None:
    """Start the server and point this process (and its children) at it; None where PulseAudio is not installed or
    a server is already chosen for the run."""
    if "PULSE_SERVER" in os.environ or not (shutil.which("pulseaudio") and shutil.which("pactl")):
        return None
    folder = Path(tempfile.mkdtemp(prefix="paneldesk-audio-"))
    socket = folder / "native"
    own = dict(os.environ, HOME=str(folder), XDG_RUNTIME_DIR=str(folder), PULSE_RUNTIME_PATH=str(folder))
    process = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--disable-shm",
         "--load=module-native-protocol-unix"], env=own, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, preexec_fn=_end_with_the_run)
    deadline = time.monotonic() + 10
    while not socket.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not socket.exists():
        process.kill()
        shutil.rmtree(folder, ignore_errors=True)
        return None
    os.environ["PULSE_SERVER"] = f"unix:{socket}"
    return AudioServer(folder, process)
