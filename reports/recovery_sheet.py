"""The recovery key sheet: one A4 page with the workspace's recovery code, in groups and as a QR code, for the safe.

Printed once, when the code is made; PanelDesk keeps only the code's wrapped copy of the data key, never the code,
so the sheet is the one place it exists. The QR code is reportlab's own widget (no further library) and holds the
grouped code alone, so a phone reading it shows exactly what is to be typed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from reports.fonts import fonts

QR_SIZE = 50 * mm


@dataclass(frozen=True)
class RecoverySheet:
    workspace_name: str
    workspace_path: str
    code: str        # grouped: XXXXX-XXXXX-…
    made_at: str
    made_by: str
    command: str     # how to use it, as typed


def render_recovery_sheet(sheet: RecoverySheet) -> bytes:
    faces = fonts()
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, pageCompression=1)
    page.setTitle("PanelDesk 工作区恢复密钥")
    page.setAuthor(sheet.made_by)
    width, height = A4
    left, y = 25 * mm, height - 35 * mm
    page.setFont(faces.heading.name, 20)
    page.drawString(left, y, "PanelDesk 工作区恢复密钥")
    page.setFont(faces.heading.name, 11)
    page.drawRightString(width - 25 * mm, y, "内部资料 注意保密")
    y -= 14 * mm
    page.setFont(faces.body.name, 12)
    for line in (f"工作区：{sheet.workspace_name}", f"位置：{sheet.workspace_path}",
                 f"生成时间：{sheet.made_at}", f"生成人：{sheet.made_by}"):
        page.drawString(left, y, line)
        y -= 7 * mm
    y -= 8 * mm
    page.setFont(faces.heading.name, 13)
    page.drawString(left, y, "恢复密钥")
    y -= 13 * mm
    page.setFont(faces.heading.name, 22)
    page.drawString(left, y, "  ".join(sheet.code.split("-")))
    y -= 8 * mm
    widget = QrCodeWidget(sheet.code, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, page, left, y - QR_SIZE)
    y -= QR_SIZE + 12 * mm
    page.setFont(faces.body.name, 11)
    for line in ("忘记全部口令时，凭此密钥可打开工作区并为管理员设置新口令：",
                 f"    {sheet.command}",
                 "请将本页交单位负责人存放于保险柜；不要拍照、扫描或存放在电脑中。",
                 "PanelDesk 不保存此密钥，本页是它唯一的副本；重新生成恢复密钥后，本页即失效。"):
        page.drawString(left, y, line)
        y -= 7 * mm
    page.showPage()
    page.save()
    return out.getvalue()
