"""Files kept with the record (TRACEABLE, EXPERT_COMMITMENT): call recordings and scans of signed commitments,
checked to be what they say and stored in blobs/ under their SHA-256 (never overwritten, encrypted in an encrypted
workspace), with an ``attachment`` row.

A recording is decoded to its end with PyAV (its wheels bundle FFmpeg: WAV, M4A/AAC, MP3 and AMR, the formats phone
call recorders save) one packet at a time, so an hour of audio is never in memory whole; its duration is the sum of
its decoded samples, which a phone's AMR file states nowhere else. The file is read again, in chunks, into blobs/.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from desktop.domain.commitments import ScanRefused, scan_type
from desktop.domain.errors import UserError
from desktop.store.blobs import CHUNK
from desktop.store.execution_tables import Attachment
from desktop.store.workspace import Workspace

# FFmpeg's demuxer names → the media type kept; anything else is not a phone's call recording
AUDIO_FORMATS = {"wav": "audio/wav", "mp3": "audio/mpeg", "amr": "audio/amr", "aac": "audio/aac",
                 "mov,mp4,m4a,3gp,3g2,mj2": "audio/mp4"}
FORMAT_WORDS = "WAV、M4A/AAC、MP3、AMR"


class RecordingRefused(UserError):
    """A file offered as a call recording that is missing, not audio, of another format, or cut short."""


@dataclass(frozen=True)
class Stored:
    sha256: str
    media_type: str
    size: int
    seconds: float | None
    name: str

    def to_dict(self) -> dict:
        return {"sha256": self.sha256, "media_type": self.media_type, "size": self.size, "seconds": self.seconds,
                "name": self.name}


def _chunks(path: Path):
    with open(path, "rb") as file:
        while piece := file.read(CHUNK):
            yield piece


def _readable(path: Path, what: str) -> Path:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到{what}文件：{path}")
    return path


def probe_recording(path: Path) -> tuple[str, float]:
    """The recording's media type and its length in seconds, decoding every packet; RecordingRefused otherwise."""
    import av  # the decoder (FFmpeg) is loaded when a recording is checked, not with the window
    path = _readable(path, "录音")
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            media = AUDIO_FORMATS.get(container.format.name)
            if media is None:
                raise RecordingRefused(f"「{path.name}」不是电话录音常见的格式（支持 {FORMAT_WORDS}），"
                                       f"而是 {container.format.long_name}")
            if not container.streams.audio:
                raise RecordingRefused(f"「{path.name}」中没有声音")
            stream = container.streams.audio[0]
            samples, rate = 0, stream.codec_context.sample_rate or 0
            for frame in container.decode(stream):
                samples += frame.samples
                rate = frame.sample_rate or rate
    except av.FFmpegError as error:
        raise RecordingRefused(f"「{path.name}」无法解码，不是完整的录音文件（支持 {FORMAT_WORDS}）：{getattr(error, 'strerror', None) or error}") from None
    if samples == 0 or not rate:
        raise RecordingRefused(f"「{path.name}」中没有可播放的声音")
    return media, round(samples / rate, 3)


def check_scan(path: Path) -> str:
    """A scan or photo of a signed letter: a PDF with at least one page, or a JPEG or PNG image that decodes."""
    from PIL import Image, UnidentifiedImageError  # loaded when a scan is checked, not with the window
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    path = _readable(path, "扫描件")
    with open(path, "rb") as file:
        media = scan_type(path.name, file.read(16))
    try:
        if media == "application/pdf":
            if not PdfReader(path).pages:
                raise ScanRefused(f"「{path.name}」是没有页面的 PDF")
        else:
            with Image.open(path) as image:
                image.verify()
    except (PyPdfError, UnidentifiedImageError, OSError, ValueError) as error:
        raise ScanRefused(f"「{path.name}」已损坏或不完整，无法打开：{error}") from None
    return media


def store(session: Session, workspace: Workspace, path: Path, kind: str, media_type: str, seconds: float | None,
          actor: str) -> Stored:
    """The file into blobs/ (streamed) and its ``attachment`` row, in the caller's transaction; the same content
    stored before is the same attachment."""
    path = Path(path)
    sha256 = workspace.write_blob(_chunks(path))
    row = session.get(Attachment, sha256)
    if row is None:
        row = Attachment(sha256=sha256, kind=kind, media_type=media_type, size=path.stat().st_size, seconds=seconds,
                         name=path.name, added_by=actor,
                         added_at=dt.datetime.now().astimezone().isoformat(timespec="seconds"))
        session.add(row)
        session.flush()
    return Stored(row.sha256, row.media_type, row.size, row.seconds, row.name)


def export_blob(workspace: Workspace, sha256: str, out: Path) -> Path:
    """A stored attachment written out (decrypted) to ``out``, for playback or a copy."""
    with open(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600), "wb") as file:
        for piece in workspace.read_blob(sha256):
            file.write(piece)
    return out


def durations(session: Session, names: list[str]) -> dict[str, float | None]:
    """Each recording's length in seconds, by its SHA-256."""
    if not names:
        return {}
    return dict(session.execute(select(Attachment.sha256, Attachment.seconds)
                                .where(Attachment.sha256.in_(names))).all())
