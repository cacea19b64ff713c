"""The type roles of an official document, the fonts that fill them, and which font draws a given character.

GB/T 9704 asks for 仿宋 body text, a 小标宋 title, 黑体 headings and 宋体 page numbers. Offices and domestic
systems usually have those fonts (Windows: simfang, simsun, simhei; 方正 and CESI fonts on Kylin and UOS), so they
are used when found; otherwise the shipped open fonts stand in (resources/fonts/README.md says which and why: no
openly licensed FangSong covers GB 2312, so the body falls back to Kai). reportlab embeds only TrueType outlines, so
a system font that fails to load is skipped, not fatal.

A character is drawn by the first font that has a real glyph for it: a font that maps a character to an empty glyph
(UKai does for 䶮) does not count. Names with characters from the CJK extensions are drawn from the rare-character
fonts (Hanazono, BabelStone Han: too large for the repository, installed from Debian and bundled by the installer),
loaded only when a document needs one. A character no font draws is refused (``check_printable``), never printed
as a gap.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from reports.errors import ReportError

log = logging.getLogger(__name__)

SHIPPED = Path(__file__).resolve().parent.parent / "resources" / "fonts"
SHIPPED_KAI = SHIPPED / "ukai.ttc"
SHIPPED_HEI = SHIPPED / "wqy-zenhei.ttc"
SHIPPED_TITLE = SHIPPED / "NotoSerifSC-Black-TT.ttf"
SHIPPED_SONG = SHIPPED / "NotoSerifSC-Regular-TT.ttf"

# File names as Windows, Office for Mac, 方正 (FounderType), CESI (UOS, Kylin) and the usual Linux packages install
# them, best first.
BODY_CANDIDATES = ("FZFSK.TTF", "FZFSJW.TTF", "仿宋_GB2312.ttf", "FS_GB2312.ttf", "CESI_FS_GB2312.TTF",
                   "CESI_FS_GB18030.TTF", "simfang.ttf", "STFANGSO.TTF", "FangSong.ttf")
TITLE_CANDIDATES = ("FZXBSJW.TTF", "FZXBSK.TTF", "方正小标宋简体.ttf", "CESI_XBS_GB2312.TTF", "CESI_XBS_GB18030.TTF")
HEADING_CANDIDATES = ("FZHTK.TTF", "FZHTJW.TTF", "CESI_HT_GB2312.TTF", "CESI_HT_GB18030.TTF", "simhei.ttf",
                      "STHeiti Medium.ttc")
SONG_CANDIDATES = ("FZSSK.TTF", "CESI_SS_GB2312.TTF", "CESI_SS_GB18030.TTF", "simsun.ttc", "STSONG.TTF")
# Rare characters (CJK Extensions A–G), in this order: looked for beside the shipped fonts (the installer puts them
# there), then in the system's font folders.
RARE_CANDIDATES = ("HanaMinA.ttf", "HanaMinB.ttf", "BabelStoneHan.ttf", "simsunb.ttf", "SimSun-ExtG.ttf",
                   "mingliub.ttc")


class UnprintableText(ReportError, ValueError):
    """A document holds a character that no available font can draw."""


@dataclass(frozen=True)
class FontFace:
    """A registered reportlab font name, the file it came from, and whether it was found on the system."""

    name: str
    path: Path
    from_system: bool


@dataclass(frozen=True)
class FontSet:
    body: FontFace      # 仿宋 (or the Kai stand-in)
    title: FontFace     # 小标宋 (or Noto Serif SC Black)
    heading: FontFace   # 黑体
    song: FontFace      # 宋体: page numbers


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
        font = TTFont(name, str(path), subfontIndex=0)
    except (TTFError, OSError) as error:
        log.info("font %s not usable (%s); falling back", path, error)
        return None
    _remember_subsets(font)
    pdfmetrics.registerFont(font)
    return FontFace(name, path, from_system)


def _remember_subsets(font: TTFont) -> None:
    """Letters of one batch embed the same subsets of a font again and again (the template's characters, in the
    same order). Cutting a subset was a fifth of a letter's render time and writing its 256 widths one number at a
    time another tenth, so each subset is cut, and its widths written, once per process (the same bytes are
    handed out again: they are only read)."""
    face = font.face
    make = face.makeSubset
    cut = functools.lru_cache(maxsize=64)(lambda codes: make(list(codes)))
    face.makeSubset = lambda subset: cut(tuple(subset))
    add = font.addObjects

    def add_objects(doc) -> None:
        add(doc)
        for pdf_font in doc.idToObject["BasicFonts"].dict.values():
            widths = getattr(pdf_font, "Widths", None)
            if isinstance(widths, pdfdoc.PDFArray):
                pdf_font.Widths = _written_array(tuple(widths.sequence))

    font.addObjects = add_objects


class _Written(pdfdoc.PDFObject):
    """A PDF value already written out."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document) -> bytes:
        return self.data


@functools.lru_cache(maxsize=256)
def _written_array(numbers: tuple) -> _Written:
    return _Written(pdfdoc.PDFArray(list(numbers)).format(None))


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
    """Register (once per process) and return the fonts of the four roles."""
    return FontSet(body=_system_face("Body", BODY_CANDIDATES) or _shipped_face("Body", SHIPPED_KAI),
                   title=_system_face("Title", TITLE_CANDIDATES) or _shipped_face("Title", SHIPPED_TITLE),
                   heading=_system_face("Heading", HEADING_CANDIDATES) or _shipped_face("Heading", SHIPPED_HEI),
                   song=_system_face("Song", SONG_CANDIDATES) or _shipped_face("Song", SHIPPED_SONG))


@functools.cache
def _rare_paths() -> tuple[Path, ...]:
    files = _system_font_files()
    found = []
    for candidate in RARE_CANDIDATES:
        path = SHIPPED / candidate if (SHIPPED / candidate).is_file() else files.get(candidate.lower())
        if path is not None:
            found.append(path)
    return (*found, SHIPPED_HEI)  # Zen Hei last: it has most of Extension A


@functools.cache
def _rare_face(path: Path) -> FontFace | None:
    """Registered on first need: a rare-character font is tens of MB, about a second to load."""
    return _register(f"PD-Rare-{path.stem}", path, path.parent != SHIPPED)


def invisible(char: str) -> bool:
    """Control and format characters (a NUL, an escape, a bidi override in a pasted name): not drawn at all."""
    return unicodedata.category(char) in ("Cc", "Cf")


def draws(font: str, char: str) -> bool:
    """Whether the registered ``font`` has a glyph with outlines for ``char`` (not merely a mapping)."""
    face = pdfmetrics.getFont(font).face
    glyph = face.charToGlyph.get(ord(char))
    return bool(glyph) and face.glyphPos[glyph + 1] > face.glyphPos[glyph]


@functools.lru_cache(maxsize=65536)
def font_for(char: str, primary: str) -> str | None:
    """The font that draws ``char``: ``primary`` if it can, else the first rare-character font that can."""
    if char.isspace() or draws(primary, char):
        return primary
    for path in _rare_paths():
        face = _rare_face(path)
        if face is not None and draws(face.name, char):
            return face.name
    return None


def check_printable(label: str, values: dict[str, str]) -> None:
    """Refuse a document one of whose ``values`` holds a character that no font draws, naming it and its code."""
    body = fonts().body.name
    for field, value in values.items():
        for char in value:
            if not invisible(char) and font_for(char, body) is None:
                raise UnprintableText(
                    f"{label}：{field}“{value}”中的“{char}”（U+{ord(char):04X}）没有可用的字体能够显示，该文书未生成。"
                    "请安装收录该字的字体（如 HanaMinA/HanaMinB、BabelStone Han）后重新生成")


def _to_unicode_map(fontname: str, subset: list[int]) -> str:
    return _unicode_map(fontname, tuple(subset))


@functools.lru_cache(maxsize=256)
def _unicode_map(fontname: str, subset: tuple[int, ...]) -> str:
    """The ToUnicode CMap of one 256-glyph subset, every code point written as UTF-16BE.

    reportlab 5.1 writes each code point as ``<%04X>``, so 𬌗 (U+2C317) becomes five hex digits that readers take
    for another character: the name printed, but copied, searched and extracted wrongly.
    """
    pairs = [f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>" for index, code in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({fontname}) /Ordering ({fontname}) /Supplement 0 >> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *pairs, "endbfchar",
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


ttfonts.makeToUnicodeCMap = _to_unicode_map  # looked up by name when a subset is written
