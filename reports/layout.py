"""The page of GB/T 9704-2012 and the flowables that keep text on its grid.

A4; top margin 37 mm, binding (left) margin 28 mm, a text block of 156 × 225 mm holding 22 lines of 28 characters
in 3号 (16 pt) type; page numbers "— 1 —" in 4号 type 7 mm below the text block, odd pages at the right and even
pages at the left, one character in from the edge. Paragraphs are laid out here rather than with reportlab's
Paragraph so that line breaks follow 避头尾 (see ``wrap``) and lines sit on the 22-line grid.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from fontTools.ttLib import TTFont

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from reports.fonts import UnprintableText, font_for, invisible
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


@functools.lru_cache(maxsize=16384)
def font_runs(text: str, font: str) -> tuple[tuple[str, str], ...]:
    """Split ``text`` into (font, run) pieces so that every character is drawn by a font with a real glyph for it
    (remembered: the lines of a batch's letters are mostly the same)."""
    runs: list[tuple[str, str]] = []
    for char in text:
        if invisible(char):
            continue
        chosen = font_for(char, font)
        if chosen is None:
            raise UnprintableText(f"“{text}”中的“{char}”（U+{ord(char):04X}）没有可用的字体能够显示")
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + char)
        else:
            runs.append((chosen, char))
    return tuple(runs)


@functools.lru_cache(maxsize=65536)
def text_width(text: str, font: str, size: float, tracking: float) -> float:
    """The width of ``text`` as drawn (each character in the font that has it), remembered: line breaking measures
    the same characters again and again."""
    return sum(stringWidth(run, chosen, size) for chosen, run in font_runs(text, font)) + len(text) * tracking


@functools.lru_cache(maxsize=4096)
def _broken(text: str, style: TextStyle, usable: float, first: float) -> tuple[str, ...]:
    """``text`` broken into lines, remembered: the letters of a batch share most of their paragraphs."""
    def measure(chunk: str) -> float:
        return text_width(chunk, style.font, style.size, style.tracking)

    lines = break_lines(text, usable, measure, first)
    if style.align == "center" and len(lines) > 1 and "\n" not in text:
        # A title over several lines is balanced, not left with a single character on its last line.
        balanced = measure(text) / len(lines) + style.size + style.tracking
        lines = break_lines(text, min(usable, balanced), measure)
    return tuple(lines)


class GridParagraph(Flowable):
    """A paragraph of Chinese text broken with 避头尾 and justified to the text block.

    Splits across pages line by line, so a long paragraph flows onto the next page like body text should.
    """

    def __init__(self, text: str, style: TextStyle, lines: list[str] | None = None, continued: bool = False):
        super().__init__()
        self.text = text
        self.style = style
        self._lines = lines
        self._fixed = lines is not None  # the lines of one part of a split paragraph, already broken
        self._broken_at: float | None = None
        self._continued = continued
        self._width = 0.0

    def _measure(self, chunk: str) -> float:
        return text_width(chunk, self.style.font, self.style.size, self.style.tracking)

    def _indent(self, index: int) -> float:
        chars = self.style.first_indent if index == 0 and not self._continued else 0
        return chars * (self.style.size + self.style.tracking)

    def _break(self, width: float) -> list[str]:
        if self._fixed or (self._lines is not None and self._broken_at == width):
            return self._lines
        em = self.style.size + self.style.tracking
        usable = width - self.style.right_indent * em
        return list(_broken(self.text, self.style, usable, usable - self._indent(0)))

    def wrap(self, availWidth, availHeight):
        self._width = availWidth
        self._lines = self._break(availWidth)
        self._broken_at = availWidth
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
            for font, run in font_runs(line, style.font):
                text.setFont(font, style.size)
                text.textOut(run)
            canvas.drawText(text)


STAMP_WIDTH = 64 * mm
NOTE_SIZE = 10.5  # 五号: the note on how to verify, printed beside the stamp


class SealBlock(Flowable):
    """The 落款 of GB/T 9704 §7.3.5.1 and where the digital stamp presses on it, remembering where that landed.

    ``seal`` (a document the office issues): the last line (成文日期) sits 右空四字, the lines above it (署名) are
    centred on it, and the stamp box is centred on them with its top one line above the 署名, so that 署名 and
    date sit in its lower half, where a red seal presses. ``left`` (a form the expert or the applicant signs): their
    own signature lines stay clear, and the office's stamp sits at the left margin under the text. Beside the stamp,
    the short fingerprint and how to check it (``note``).
    """

    def __init__(self, lines: list[str], style: TextStyle, note_font: str, note: tuple[str, ...], sink: list,
                 place: str = "seal"):
        super().__init__()
        self.lines = lines
        self.style = style
        self.note_font = note_font
        self.note = note
        self.place = place
        self._sink = sink

    def wrap(self, availWidth, availHeight):
        self._width = availWidth
        return availWidth, (len(self.lines) + 1) * self.style.leading if self.place == "seal" else 2 * LINE_PITCH

    def _line_width(self, line: str) -> float:
        return text_width(line, self.style.font, self.style.size, self.style.tracking)

    def draw(self):
        style = self.style
        canvas = self.canv
        em = style.size + style.tracking
        height = self.wrap(self._width, 0)[1]
        if self.place == "seal":
            date_right = self._width - style.right_indent * em
            centre = date_right - self._line_width(self.lines[-1]) / 2
            for index, line in enumerate(self.lines):
                y = height - (index + 2) * style.leading + (style.leading - style.size) / 2 + style.size * 0.12
                width = self._line_width(line)
                x = date_right - width if index == len(self.lines) - 1 else centre - width / 2
                self._text(line, x, y)
            left = min(max(0.0, centre - STAMP_WIDTH / 2), self._width - STAMP_WIDTH)
            box = (left, 0.0, left + STAMP_WIDTH, height)
            note_right = left - NOTE_SIZE / 2
            self._note(note_right - max((stringWidth(n, self.note_font, NOTE_SIZE) for n in self.note), default=0),
                       height - style.leading)
        else:
            box = (0.0, 0.0, STAMP_WIDTH, height)
            self._note(STAMP_WIDTH + NOTE_SIZE, height - style.leading * 0.6)
        x1, y1 = canvas.absolutePosition(box[0], box[1])
        x2, y2 = canvas.absolutePosition(box[2], box[3])
        self._sink.append((canvas.getPageNumber() - 1, (x1, y1, x2, y2)))

    def _text(self, line: str, x: float, y: float) -> None:
        text = self.canv.beginText(x, y)
        text.setCharSpace(self.style.tracking)
        for font, run in font_runs(line, self.style.font):
            text.setFont(font, self.style.size)
            text.textOut(run)
        self.canv.drawText(text)

    def _note(self, x: float, top: float) -> None:
        for index, line in enumerate(self.note):
            text = self.canv.beginText(x, top - (index + 1) * NOTE_SIZE * 1.4)
            for font, run in font_runs(line, self.note_font):
                text.setFont(font, NOTE_SIZE)
                text.textOut(run)
            self.canv.drawText(text)


@functools.cache
def _dash_rise(path: str) -> float:
    """How far above the baseline the 一字线 (U+2014) of the font at ``path`` sits, in em (its middle)."""
    font = TTFont(path, fontNumber=0, lazy=True)
    name = font.getBestCmap().get(0x2014)
    if name is None or "glyf" not in font:
        return 0.35
    glyph = font["glyf"][name]
    return (glyph.yMin + glyph.yMax) / 2 / font["head"].unitsPerEm


def draw_page_number(canvas, font: str, path: str) -> None:
    """'— n —' in 4号 宋体, its 一字线 7 mm below the text block, right on odd pages and left on even ones, one
    character in (GB/T 9704 §7.5)."""
    number = canvas.getPageNumber()
    label = f"— {number} —"
    canvas.saveState()
    canvas.setFont(font, SIZE_4)
    y = BOTTOM - PAGE_NUMBER_GAP - _dash_rise(path) * SIZE_4
    if number % 2:
        canvas.drawRightString(LEFT + BLOCK_WIDTH - SIZE_4, y, label)
    else:
        canvas.drawString(LEFT + SIZE_4, y, label)
    canvas.restoreState()


def draw_page_signature(canvas, font: str, label: str) -> None:
    """``label`` and a line to sign on, at the right of the last grid line of the page (a score sheet's pages
    are each signed, so none can be swapped)."""
    canvas.saveState()
    canvas.setFont(font, SIZE_3)
    y = BOTTOM + (LINE_PITCH - SIZE_3) / 2 + SIZE_3 * 0.12
    line_left = LEFT + BLOCK_WIDTH - 6 * CHAR_PITCH
    canvas.drawRightString(line_left, y, label)
    canvas.setLineWidth(0.6)
    canvas.line(line_left, y - 2, LEFT + BLOCK_WIDTH, y - 2)
    canvas.restoreState()
