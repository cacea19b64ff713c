"""Real call recordings for the tests, made on the spot: a Chinese sentence spoken by espeak-ng, resampled by sox to
8 kHz mono as a phone records it, then encoded by PyAV into each format phones save (AMR, M4A/AAC, MP3, WAV)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import av

CODECS = {"wav": ("pcm_s16le", None), "m4a": ("aac", None), "mp3": ("libmp3lame", None),
          "amr": ("libopencore_amrnb", 12200)}
SENTENCE = "您好，这里是省科技厅评审办公室，请问您十二月十五日能参加项目评审吗？可以，我参加。"


def speech(folder: Path) -> Path:
    """The sentence as 8 kHz mono WAV (made once per folder)."""
    spoken, phone = folder / "spoken.wav", folder / "phone.wav"
    if not phone.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["espeak-ng", "-v", "cmn", "-w", str(spoken), SENTENCE], check=True)
        subprocess.run(["sox", str(spoken), "-r", "8000", "-c", "1", str(phone), "gain", "-3"], check=True)
    return phone


def recording(folder: Path, fmt: str, name: str = "通话录音") -> Path:
    """The sentence recorded as ``fmt`` (wav, m4a, mp3, amr)."""
    source = speech(folder)
    out = folder / f"{name}.{fmt}"
    codec, bit_rate = CODECS[fmt]
    with av.open(str(source)) as src, av.open(str(out), "w") as dst:
        stream = dst.add_stream(codec, rate=8000, layout="mono")
        if bit_rate:
            stream.bit_rate = bit_rate
        for frame in src.decode(audio=0):
            frame.pts = None
            for packet in stream.encode(frame):
                dst.mux(packet)
        for packet in stream.encode(None):
            dst.mux(packet)
    return out
