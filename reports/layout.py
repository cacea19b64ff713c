"""The page of GB/T 9704-2012 and the flowables that keep text on its grid.

A4; top margin 37 mm, binding (left) margin 28 mm, a text block of 156 × 225 mm holding 22 lines of 28 characters
in 3号 (16 pt) type; page numbers "— 1 —" in 4号 type 7 mm below the text block, odd pages at the right and even
pages at the left, one character in from the edge. Paragraphs are laid out here rather than with reportlab's
Paragraph so that line breaks follow 避头尾 (see ``wrap``) and lines sit on the 22-line grid.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable

from reports.wrap import break_lines

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 28 * mm
TOP = 37 * mm
BLOCK_WIDTH = 156 * mm
BLOCK_HEIGHT = 225 * mm
BOTTOM = PAGE_HEIGHT - TOP - BLOCK_HEIGHT
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = BLOCK_HEIGHT / LINES_PER_PAGE
CHAR_PITCH = BLOCK_WIDTH / CHARS_PER_LINE

SIZE_2 = 22.0   # 二号: titles
SIZE_3 = 16.0   # 三号: body text and headings
SIZE_4 = 14.0   # 四号: page numbers, table text
PAGE_NUMBER_GAP = 7 * mm


@dataclass(frozen=True)
class TextStyle:
    font: str
    size: float
    leading: float
    tracking: float = 0.0      # extra space after every character (negative to fit the 28-character grid)
    first_indent: int = 0      # in characters
    right_indent: int = 0      # in characters
    align: str = "justify"     # justify | left | center | right
    fallback: str = ""         # font for the characters ``font`` lacks (rare characters in names)


@functools.cache
def _coverage(font: str) -> frozenset[int]:
    return frozenset(getFont(font).face.charToGlyph)


def font_runs(text: str, font: str, fallback: str) -> list[tuple[str, str]]:
    """Split ``text`` into (font, run) pieces so that every character is drawn by a font that has it."""
    if not fallback:
        return [(font, text)]
    covered = _coverage(font)
    runs: list[tuple[str, str]] = []
    for char in text:
        chosen = font if ord(char) in covered or char.isspace() else fallback
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + char)
        else:
            runs.append((chosen, char))
    return runs


class GridParagraph(Flowable):
    """A paragraph of Chinese text broken with 避头尾 and justified to the text block.

    Splits across pages line by line, so a long paragraph flows onto the next page like body text should.
    """

    def __init__(self, text: str, style: TextStyle, lines: list[str] | None = None, continued: bool = False):
        super().__init__()
        self.text = text
        self.style = style
        self._lines = lines
        self._continued = continued
        self._width = 0.0

    def _measure(self, chunk: str) -> float:
        style = self.style
        return sum(stringWidth(run, font, style.size) for font, run in font_runs(chunk, style.font, style.fallback)) \
            + len(chunk) * style.tracking

    def _indent(self, index: int) -> float:
        chars = self.style.first_indent if index == 0 and not self._continued else 0
        return chars * (self.style.size + self.style.tracking)

    def _break(self, width: float) -> list[str]:
        if self._lines is not None:
            return self._lines
        em = self.style.size + self.style.tracking
        usable = width - self.style.right_indent * em
        lines = break_lines(self.text, usable, self._measure, usable - self._indent(0))
        if self.style.align == "center" and len(lines) > 1 and "\n" not in self.text:
            # A title over several lines is balanced, not left with a single character on its last line.
            em = self.style.size + self.style.tracking
            balanced = self._measure(self.text) / len(lines) + em
            lines = break_lines(self.text, min(usable, balanced), self._measure)
        return lines

    def wrap(self, availWidth, availHeight):
        self._width = availWidth
        self._lines = self._break(availWidth)
        return availWidth, len(self._lines) * self.style.leading

    def split(self, availWidth, availHeight):
        lines = self._break(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return []
        return [GridParagraph(self.text, self.style, lines[:fit], self._continued),
                GridParagraph(self.text, self.style, lines[fit:], True)]

    def draw(self):
        style = self.style
        canvas = self.canv
        em = style.size + style.tracking
        usable = self._width - style.right_indent * em
        # Baseline sits in the lower part of each grid line, as word processors place 3号 text on a 29 pt grid.
        baseline = len(self._lines) * style.leading - style.leading + (style.leading - style.size) / 2 + style.size * 0.12
        last = len(self._lines) - 1
        for index, line in enumerate(self._lines):
            y = baseline - index * style.leading
            indent = self._indent(index)
            natural = self._measure(line)
            spacing = style.tracking
            x = indent
            if style.align == "center":
                x = (usable - natural) / 2
            elif style.align == "right":
                # A right-aligned block (落款, signature lines) keeps a common left edge, its longest line at the right.
                x = usable - max(self._measure(candidate) for candidate in self._lines)
            elif style.align == "justify" and index != last and len(line) > 1:
                spacing += (usable - indent - natural) / (len(line) - 1)
            text = canvas.beginText(x, y)
            text.setCharSpace(spacing)
            for font, run in font_runs(line, style.font, style.fallback):
                text.setFont(font, style.size)
                text.textOut(run)
            canvas.drawText(text)


class SignatureSlot(Flowable):
    """Reserves the place of the visible digital signature and remembers where on which page it landed."""

    def __init__(self, width: float, height: float, sink: list):
        super().__init__()
        self.width = width
        self.height = height
        self._sink = sink

    def wrap(self, availWidth, availHeight):
        return availWidth, self.height

    def draw(self):
        x0, y0 = self.canv.absolutePosition(self._available_left(), 0)
        self._sink.append((self.canv.getPageNumber() - 1, (x0, y0, x0 + self.width, y0 + self.height)))

    def _available_left(self) -> float:
        # Right-aligned inside the text block, four characters in from the right edge (as a 落款 seal sits).
        return BLOCK_WIDTH - self.width - 4 * CHAR_PITCH


def draw_page_number(canvas, font: str) -> None:
    """'— n —' 7 mm below the text block, right on odd pages and left on even ones, one character in."""
    number = canvas.getPageNumber()
    label = f"— {number} —"
    canvas.saveState()
    canvas.setFont(font, SIZE_4)
    y = BOTTOM - PAGE_NUMBER_GAP - SIZE_4 * 0.8
    if number % 2:
        canvas.drawRightString(LEFT + BLOCK_WIDTH - SIZE_4, y, label)
    else:
        canvas.drawString(LEFT + SIZE_4, y, label)
    canvas.restoreState()
