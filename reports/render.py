"""A document and its template in, PDF bytes out, laid out on the GB/T 9704 page.

The file carries the real creation time, in Beijing time unless the caller gives another zone, and no random id:
the same values and the same time give the same bytes, so an archived letter can be rebuilt and compared.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Spacer, Table, TableStyle

from reports.clock import BEIJING
from reports.documents import Document
from reports.fonts import check_printable, fonts
from reports.layout import (BLOCK_HEIGHT, BLOCK_WIDTH, BOTTOM, CHAR_PITCH, LEFT, LINE_PITCH, SIZE_2, SIZE_3, SIZE_4,
                            GridParagraph, SealBlock, TextStyle, draw_page_number,
                            draw_page_signature)
from reports.templates import Block, Template, load

TABLE_LEADING = 20.0
CELL_PADDING = 3
CELL_VERTICAL = 6
SIZE_5 = 10.5  # 五号: the heads of narrow table columns


@dataclass(frozen=True)
class Rendered:
    """The PDF and where its visible signature goes: (page index, (x1, y1, x2, y2)) in PDF points."""

    pdf: bytes
    signature_page: int
    signature_box: tuple[float, float, float, float]


@dataclass(frozen=True)
class _Styles:
    title: TextStyle
    heading: TextStyle
    body: TextStyle
    left: TextStyle
    right: TextStyle
    cell: TextStyle
    cell_head: TextStyle

    @classmethod
    def build(cls) -> "_Styles":
        face = fonts()
        tracking = CHAR_PITCH - SIZE_3
        body, hei = face.body.name, face.heading.name
        return cls(
            title=TextStyle(face.title.name, SIZE_2, LINE_PITCH * 1.25, align="center"),
            heading=TextStyle(hei, SIZE_3, LINE_PITCH, tracking, first_indent=2, align="left"),
            body=TextStyle(body, SIZE_3, LINE_PITCH, tracking, first_indent=2),
            left=TextStyle(body, SIZE_3, LINE_PITCH, tracking, align="left"),
            right=TextStyle(body, SIZE_3, LINE_PITCH, tracking, right_indent=4, align="right"),
            cell=TextStyle(body, SIZE_4, TABLE_LEADING, align="left"),
            cell_head=TextStyle(hei, SIZE_4, TABLE_LEADING, align="center"),
        )


def load_template(document: Document, template_dirs: tuple[Path, ...] = ()) -> Template:
    """The document's template, checked against what the document offers (raises TemplateError)."""
    return load(document.template_name(), document.fields(), template_dirs)


def check(document: Document) -> None:
    """Refuse a document with a character no font can draw, naming the value (a person's name) and the character."""
    values = dict(document.values())
    for name, items in document.lists().items():
        for index, item in enumerate(items, 1):
            values.update({f"{name}第{index}项{key}": value for key, value in item.items()})
    for index, row in enumerate(document.rows(), 1):
        values.update({f"表格第{index}行{key}": value for key, value in row.items()})
    check_printable(f"文书“{document.file_stem()}”", values)


def render(document: Document, template: Template | None = None, template_dirs: tuple[Path, ...] = (), *,
           created: dt.datetime | None = None, note: tuple[str, ...] = ()) -> Rendered:
    """The document as PDF bytes; ``created`` (now, Beijing time, if not given) is the file's CreationDate, and
    ``note`` the lines printed beside the stamp (how to verify it)."""
    template = template or load_template(document, template_dirs)
    check(document)
    styles = _Styles.build()
    slots: list = []
    face = fonts()
    story = _story(template.blocks, document.values(), document, styles, slots, note)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=LEFT, bottomMargin=BOTTOM,
        title=document.file_stem(), author=document.values().get("组织单位", ""), creator="PanelDesk",
        initialFontName=face.body.name, invariant=1)
    footer = document.page_signature
    reserved = LINE_PITCH if footer else 0.0  # the last grid line of each page then holds the signature line
    frame = Frame(LEFT, BOTTOM + reserved, BLOCK_WIDTH, BLOCK_HEIGHT - reserved, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="text")

    def on_page(canvas, _doc):
        draw_page_number(canvas, face.song.name, str(face.song.path))
        if footer:
            draw_page_signature(canvas, face.body.name, footer)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=functools.partial(_DatedCanvas, created=created or dt.datetime.now(BEIJING)))
    if slots:
        page, box = slots[-1]
    else:
        page, box = doc.page - 1, (LEFT, BOTTOM, LEFT + 64 * 72 / 25.4, BOTTOM + 2 * LINE_PITCH)
    return Rendered(buffer.getvalue(), page, box)


class _QuickDeflate:
    """reportlab deflates every stream (the four fonts' subsets above all) at zlib's default level 6: a third of a
    letter's render time. Level 1 takes a sixth off a letter's time for files 7 % larger (docs/benchmarks.md), and
    a font subset that letters share (reports.fonts hands out the same bytes) is deflated once per process."""
    decompress = staticmethod(zlib.decompress)

    @staticmethod
    def compress(data: bytes) -> bytes:
        return _deflated(data) if len(data) >= _SHARED_SIZE else zlib.compress(data, 1)


_SHARED_SIZE = 16384  # page contents are smaller and differ from letter to letter; font subsets are larger


@functools.lru_cache(maxsize=128)
def _deflated(data: bytes) -> bytes:
    return zlib.compress(data, 1)


pdfdoc.zlib = _QuickDeflate  # reportlab reads its module's ``zlib`` at each stream, and has no setting for the level


class _DatedCanvas(Canvas):
    """A canvas whose document says when it was made (reportlab's invariant mode writes 2000-01-01 instead)."""

    def __init__(self, *args, created: dt.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        stamp = self._doc._timeStamp
        offset = int((created.utcoffset() or dt.timedelta()).total_seconds() // 60)
        stamp.t = created.timestamp()
        stamp.YMDhms = created.timetuple()[:6]
        stamp.dhh, stamp.dmm = divmod(offset, 60)


def _story(blocks: tuple[Block, ...], values: dict[str, str], document: Document, styles: _Styles,
           slots: list, note: tuple[str, ...]) -> list:
    story: list = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "each":
            for item in document.lists()[block.text]:
                story.extend(_story(block.children, {**values, **item}, document, styles, slots, note))
        elif block.kind == "table":
            story.extend(_table(block, document, styles))
        elif block.kind in ("right", "signature"):
            run = _run(blocks, index, "right")
            index += len(run)
            lines = [b.text.format_map(values) for b in run]
            seal = index < len(blocks) and blocks[index].kind == "signature"
            place = blocks[index].text if seal else ""
            if seal and place != "左" and lines:
                closing = [SealBlock(lines, styles.right, styles.cell.font, note, slots)]
            else:
                closing = [GridParagraph("\n".join(lines), styles.right)] if lines else []
                if seal:
                    closing.append(SealBlock([], styles.right, styles.cell.font, note, slots, place="left"))
            index += seal
            # GB/T 9704 §7.3.5: the 落款 and the seal never stand alone on a page: at least two lines of text with them.
            story.append(KeepTogether(_last_lines(story, styles) + closing))
            continue
        else:
            text = block.text.format_map(values)
            if text or block.kind == "body":
                story.append(GridParagraph(text, getattr(styles, block.kind)))
            is_last_title = block.kind == "title" and (index + 1 == len(blocks) or blocks[index + 1].kind != "title")
            if is_last_title:
                story.append(Spacer(BLOCK_WIDTH, LINE_PITCH))  # GB/T 9704: one blank line below the title
        index += 1
    return story


def _last_lines(story: list, styles: _Styles) -> list:
    """Take the last two lines of the text before the 落款 off ``story``, to keep them on its page."""
    if not story or not isinstance(story[-1], GridParagraph):
        return []
    paragraph = story.pop()
    lines = paragraph._break(BLOCK_WIDTH)
    if len(lines) <= 2:
        return [paragraph]
    story.append(GridParagraph(paragraph.text, paragraph.style, lines[:-2], paragraph._continued))
    return [GridParagraph(paragraph.text, paragraph.style, lines[-2:], True)]


def _run(blocks: tuple[Block, ...], start: int, kind: str) -> list[Block]:
    end = start
    while end < len(blocks) and blocks[end].kind == kind:
        end += 1
    return list(blocks[start:end])


def _table(block: Block, document: Document, styles: _Styles) -> list:
    """The document's table across the text block; a row taller than a page splits, the header repeated."""
    groups = document.groups()
    headers: list[str] = []
    keys: list[str] = []
    weights: list[float] = []
    for column in block.columns:
        if column.group:
            members = groups[column.name]
            headers += members
            keys += members
            weights += [column.weight] * len(members)
        else:
            headers.append(column.name)
            keys.append(column.name)
            weights.append(column.weight)
    total = sum(weights)
    widths = [BLOCK_WIDTH * w / total for w in weights]
    head = [GridParagraph(h, _head_style(styles.cell_head, width)) for h, width in zip(headers, widths)]
    head_height = max(cell.wrap(width - 2 * CELL_PADDING, BLOCK_HEIGHT)[1] for cell, width in zip(head, widths))
    # A row taller than a page is cut into rows that each fit under the repeated header (reportlab cannot lay out
    # a row taller than its frame, and its own in-row split overprints centred cells).
    room = int((BLOCK_HEIGHT - 2 * LINE_PITCH - head_height - 4 * CELL_VERTICAL) // TABLE_LEADING)
    data = [head]
    for row in document.rows():
        cells = [GridParagraph(row.get(key, ""), styles.cell) for key in keys]
        lines = [cell._break(width - 2 * CELL_PADDING) for cell, width in zip(cells, widths)]
        parts = max(1, -(-max(len(cell_lines) for cell_lines in lines) // room))
        for part in range(parts):
            data.append([GridParagraph(cell.text, cell.style, cell_lines[part * room:(part + 1) * room] or [""],
                                       continued=part > 0) for cell, cell_lines in zip(cells, lines)])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.font),  # else reportlab lists an unembedded Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_VERTICAL),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_VERTICAL),
    ]))
    return [table]


def _head_style(style: TextStyle, width: float) -> TextStyle:
    """Heads of columns narrower than three characters are set in 五号, so many criteria still fit side by side."""
    if width - 2 * CELL_PADDING >= 3 * style.size:
        return style
    return TextStyle(style.font, SIZE_5, SIZE_5 * 1.35, align="center")
