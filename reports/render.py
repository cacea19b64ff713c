"""A document and its template in, PDF bytes out, laid out on the GB/T 9704 page.

The output is deterministic (no creation time or random id in the file), so the same values give the same bytes
and an archived letter can be rebuilt and compared.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer, Table, TableStyle

from reports.documents import Document
from reports.fonts import fonts
from reports.layout import (BLOCK_HEIGHT, BLOCK_WIDTH, BOTTOM, CHAR_PITCH, LEFT, LINE_PITCH, SIZE_2, SIZE_3, SIZE_4,
                            GridParagraph, SignatureSlot, TextStyle, draw_page_number)
from reports.templates import Block, Template, load

SIGNATURE_WIDTH = 62 * mm
SIGNATURE_HEIGHT = 22 * mm
TABLE_LEADING = 20.0


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
        body, hei, rare = face.body.name, face.heading.name, face.fallback.name
        return cls(
            title=TextStyle(face.title.name, SIZE_2, LINE_PITCH * 1.25, align="center", fallback=rare),
            heading=TextStyle(hei, SIZE_3, LINE_PITCH, tracking, first_indent=2, align="left", fallback=rare),
            body=TextStyle(body, SIZE_3, LINE_PITCH, tracking, first_indent=2, fallback=rare),
            left=TextStyle(body, SIZE_3, LINE_PITCH, tracking, align="left", fallback=rare),
            right=TextStyle(body, SIZE_3, LINE_PITCH, tracking, right_indent=4, align="right", fallback=rare),
            cell=TextStyle(body, SIZE_4, TABLE_LEADING, align="left", fallback=rare),
            cell_head=TextStyle(hei, SIZE_4, TABLE_LEADING, align="center", fallback=rare),
        )


def load_template(document: Document, template_dirs: tuple[Path, ...] = ()) -> Template:
    """The document's template, checked against what the document offers (raises TemplateError)."""
    return load(document.template_name(), document.fields(), template_dirs)


def render(document: Document, template: Template | None = None, template_dirs: tuple[Path, ...] = ()) -> Rendered:
    template = template or load_template(document, template_dirs)
    styles = _Styles.build()
    slots: list = []
    story = _story(template.blocks, document.values(), document, styles, slots)
    buffer = io.BytesIO()
    face = fonts()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=LEFT, bottomMargin=BOTTOM,
        title=document.file_stem(), author=document.values().get("组织单位", ""), creator="PanelDesk",
        initialFontName=face.body.name, invariant=1)
    frame = Frame(LEFT, BOTTOM, BLOCK_WIDTH, BLOCK_HEIGHT, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="text")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                       onPage=lambda canvas, _doc: draw_page_number(canvas, face.body.name))])
    doc.build(story)
    if slots:
        page, box = slots[-1]
    else:
        page, box = doc.page - 1, (LEFT, 8 * mm, LEFT + SIGNATURE_WIDTH, 8 * mm + SIGNATURE_HEIGHT)
    return Rendered(buffer.getvalue(), page, box)


def _story(blocks: tuple[Block, ...], values: dict[str, str], document: Document, styles: _Styles,
           slots: list) -> list:
    story: list = []
    for index, block in enumerate(blocks):
        if block.kind == "each":
            for item in document.lists()[block.text]:
                story.extend(_story(block.children, {**values, **item}, document, styles, slots))
        elif block.kind == "table":
            story.append(_table(block, document, styles))
        elif block.kind == "signature":
            story.append(SignatureSlot(SIGNATURE_WIDTH, SIGNATURE_HEIGHT, slots))
        elif block.kind == "right" and index and blocks[index - 1].kind == "right":
            continue
        elif block.kind == "right":
            run = [b.text.format_map(values) for b in _run(blocks, index, "right")]
            story.append(GridParagraph("\n".join(run), styles.right))
        else:
            text = block.text.format_map(values)
            story.append(GridParagraph(text, getattr(styles, block.kind)))
            is_last_title = block.kind == "title" and (index + 1 == len(blocks) or blocks[index + 1].kind != "title")
            if is_last_title:
                story.append(Spacer(BLOCK_WIDTH, LINE_PITCH))  # GB/T 9704: one blank line below the title
    return story


def _run(blocks: tuple[Block, ...], start: int, kind: str) -> list[Block]:
    end = start
    while end < len(blocks) and blocks[end].kind == kind:
        end += 1
    return list(blocks[start:end])


def _table(block: Block, document: Document, styles: _Styles) -> Table:
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
    data = [[GridParagraph(h, styles.cell_head) for h in headers]]
    for row in document.rows():
        data.append([GridParagraph(row.get(key, ""), styles.cell) for key in keys])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.font),  # else reportlab lists an unembedded Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table
