"""Make the shipped Noto Serif SC fonts: the SC face of a Noto Serif CJK collection, cut to the characters an
official document uses, with its CFF outlines converted to TrueType (quadratic) outlines, which reportlab can embed.

    python resources/fonts/make_truetype.py /usr/share/fonts/opentype/noto/NotoSerifCJK-Black.ttc \
        resources/fonts/NotoSerifSC-Black-TT.ttf --characters common
    python resources/fonts/make_truetype.py /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc \
        resources/fonts/NotoSerifSC-Regular-TT.ttf --characters figures

``common`` is GB 2312 (all of it, symbols too), the 8,105 characters of 通用规范汉字表 (Unihan kTGH, Debian's
unicode-data package), ASCII and the CJK and full-width punctuation; ``figures`` is what a page number needs. The
SIL Open Font License allows both the subset and the conversion (a Modified Version, renamed as it asks).
"""

from __future__ import annotations

import argparse
import bz2
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
MAX_ERROR = 1.0  # font units: the largest distance of a quadratic curve from the cubic it replaces


def _gb2312() -> set[int]:
    found = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return found


def _tongyong() -> set[int]:
    lines = bz2.open(UNIHAN, "rt", encoding="utf-8").read().splitlines()
    return {int(line.split("\t")[0][2:], 16) for line in lines if "\tkTGH\t" in line}


def characters(kind: str) -> set[int]:
    ascii_ = set(range(0x20, 0x7F))
    if kind == "figures":
        return ascii_ | {0x2014, 0x2013, 0x3000}
    punctuation = set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    return ascii_ | punctuation | _gb2312() | _tongyong()


def _sc_face(path: Path) -> TTFont:
    for font in TTCollection(str(path)).fonts:
        if " SC" in font["name"].getDebugName(4):
            return font
    raise SystemExit(f"{path}: no SC face")


def to_truetype(font: TTFont) -> None:
    """Replace the CFF table by glyf/loca with the same glyphs (as fontTools' otf2ttf snippet does)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    font["head"].glyphDataFormat = 0
    font["maxp"].tableVersion = 0x00010000
    for attribute in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                      "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(font["maxp"], attribute, 0 if attribute != "maxZones" else 1)
    font["maxp"].maxComponentDepth = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename(font: TTFont, suffix: str) -> None:
    """OFL: a modified version may not keep the Reserved Font Name; 'Noto' is not reserved, the suffix says how."""
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6, 16):
            text = record.toUnicode()
            record.string = (text + suffix) if record.nameID != 6 else (text + suffix).replace(" ", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--characters", choices=("common", "figures"), default="common")
    args = parser.parse_args()
    font = _sc_face(args.source)
    options = subset.Options()
    options.layout_features = []  # reportlab applies no OpenType features: alternates would only add weight
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=characters(args.characters))
    subsetter.subset(font)
    to_truetype(font)
    _rename(font, " TT")
    font.save(str(args.target))
    print(f"{args.target}: {len(font.getGlyphOrder())} glyphs, {args.target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
