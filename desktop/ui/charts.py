"""Horizontal bar charts drawn with QPainter: enough for shares and counts, with no chart library to ship.

A bar may carry a threshold mark (the enterprise third of a panel) and is drawn red when it falls short of it, so
a rule that fails is seen before it is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#3b73b9")
SECOND = QColor("#9cb9dd")
SHORT = QColor("#c0392b")
MARK = QColor("#333333")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    total: float  # the bar's full length in the same unit (a panel's size; the largest count)
    text: str = ""  # what is written after the bar; the value by default
    threshold: float | None = None  # a mark at this value; below it the bar is drawn as short
    second: float | None = None  # a lighter second bar under the first (applications beside experts)


class BarChart(QWidget):
    ROW = 26

    def __init__(self, title: str = "", parent=None):
        super().__init__(parent)
        self.title = title
        self.bars: list[Bar] = []
        self.legend = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar], legend: str = "") -> None:
        self.bars, self.legend = bars, legend
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 40 + self.ROW * max(1, len(self.bars)) + (18 if self.legend else 0))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        painter.setPen(self.palette().windowText().color())
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(4, 18, self.title)
        painter.setFont(self.font())
        if not self.bars:
            painter.setPen(QColor("#777"))
            painter.drawText(4, 44, self.tr("（暂无数据）"))
            return
        label_w = min(220, max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12)
        text_w = max(metrics.horizontalAdvance(b.text or f"{b.value:g}") for b in self.bars) + 12
        left, right = label_w, self.width() - text_w
        span = max(40, right - left)
        for i, bar in enumerate(self.bars):
            top = 30 + i * self.ROW
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, top, label_w - 8, self.ROW - 6),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, label_w - 8))
            scale = span / bar.total if bar.total else 0
            if bar.second is not None:
                painter.fillRect(QRectF(left, top + 12, bar.second * scale, 8), SECOND)
            short = bar.threshold is not None and bar.value < bar.threshold
            height = 10 if bar.second is not None else self.ROW - 8
            painter.fillRect(QRectF(left, top + 1, bar.value * scale, height), SHORT if short else BAR)
            if bar.threshold is not None:
                x = left + bar.threshold * scale
                painter.setPen(QPen(MARK, 2, Qt.PenStyle.DashLine))
                painter.drawLine(int(x), top - 2, int(x), top + self.ROW - 6)
            painter.setPen(SHORT if short else self.palette().windowText().color())
            painter.drawText(QRectF(right + 6, top, text_w, self.ROW - 6), Qt.AlignmentFlag.AlignVCenter,
                             bar.text or f"{bar.value:g}")
        if self.legend:
            painter.setPen(QColor("#555"))
            painter.drawText(4, 30 + len(self.bars) * self.ROW + 12, self.legend)
