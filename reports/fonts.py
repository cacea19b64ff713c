"""The three type roles of an official document and the fonts that fill them.

GB/T 9704 asks for FangSong body text, a bold Song (小标宋) title and Hei headings. Offices usually have those
fonts (Windows ships SimFang, SimSun, SimHei), so they are used when found; otherwise the shipped open fonts stand in:
AR PL UKai (Kai, the closest open relative of FangSong) for the body and WenQuanYi Zen Hei for titles and headings.
Only TrueType outlines can be embedded by reportlab, so a system font that fails to load is skipped, not fatal.
Registration happens once per process: loading a 17 MB collection costs ~70 ms.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

SHIPPED = Path(__file__).resolve().parent.parent / "resources" / "fonts"
SHIPPED_KAI = SHIPPED / "ukai.ttc"
SHIPPED_HEI = SHIPPED / "wqy-zenhei.ttc"

# File names as the fonts are installed by Windows, Office for Mac and the usual Linux packages, best first.
BODY_CANDIDATES = ("simfang.ttf", "STFANGSO.TTF", "FangSong.ttf", "fangsong.ttf")
TITLE_CANDIDATES = ("FZXBSJW.TTF", "fzxbsjw.ttf", "simsun.ttc", "SimSun.ttf", "simsun.ttf")
HEADING_CANDIDATES = ("simhei.ttf", "SimHei.ttf", "STHeiti Medium.ttc")


@dataclass(frozen=True)
class FontFace:
    """A registered reportlab font name, the file it came from, and whether it was found on the system."""

    name: str
    path: Path
    subfont: int
    from_system: bool


@dataclass(frozen=True)
class FontSet:
    body: FontFace
    title: FontFace
    heading: FontFace
    fallback: FontFace  # draws the characters the others lack: Zen Hei has the widest coverage (Ext-A too)


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [home / ".local/share/fonts", home / ".fonts", Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts", Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft/Windows/Fonts"] + dirs
    return [d for d in dirs if d.is_dir()]


@functools.cache
def _system_font_files() -> dict[str, Path]:
    """Every font file under the usual font folders, by lower-cased file name (first found wins)."""
    found: dict[str, Path] = {}
    for folder in _font_dirs():
        for path in folder.rglob("*"):
            if path.suffix.lower() in (".ttf", ".ttc"):
                found.setdefault(path.name.lower(), path)
    return found


def _register(name: str, path: Path, from_system: bool) -> FontFace | None:
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except (TTFError, OSError) as error:
        log.info("font %s not usable (%s); falling back", path, error)
        return None
    return FontFace(name, path, 0, from_system)


def _system_face(role: str, candidates: tuple[str, ...]) -> FontFace | None:
    files = _system_font_files()
    for candidate in candidates:
        path = files.get(candidate.lower())
        if path is not None and (face := _register(f"PD-{role}", path, True)):
            return face
    return None


def _shipped_face(role: str, path: Path) -> FontFace:
    face = _register(f"PD-{role}", path, False)
    if face is None:
        raise RuntimeError(f"随附字体缺失或损坏：{path}")
    return face


@functools.cache
def fonts() -> FontSet:
    """Register (once per process) and return the body, title and heading fonts."""
    body = _system_face("Body", BODY_CANDIDATES) or _shipped_face("Body", SHIPPED_KAI)
    heading = _system_face("Heading", HEADING_CANDIDATES) or _shipped_face("Heading", SHIPPED_HEI)
    title = _system_face("Title", TITLE_CANDIDATES) or heading
    fallback = heading if not heading.from_system else _shipped_face("Fallback", SHIPPED_HEI)
    return FontSet(body=body, title=title, heading=heading, fallback=fallback)
