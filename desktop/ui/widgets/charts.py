"""Horizontal bar charts drawn with QPainter: enough for shares and counts, with no chart library to ship.

A bar may carry a threshold mark (the enterprise third of a panel) and is drawn red when it falls short of it, so
a rule that fails is seen before it is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#3b73b9")
SECOND = QColor("#9cb9dd")
SHORT = QColor("#c0392b")
MARK = QColor("#333333")


def _heading(widget: QWidget, painter: QPainter, title: str, empty: str) -> QFontMetrics:
    """The chart's title in bold, and ``empty`` below it when there is nothing to draw; the metrics of its font."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(widget.palette().windowText().color())
    bold = painter.font()
    bold.setBold(True)
    painter.setFont(bold)
    painter.drawText(4, 18, title)
    painter.setFont(widget.font())
    if empty:
        painter.setPen(QColor("#777"))
        painter.drawText(4, 44, empty)
    return painter.fontMetrics()


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
        self._label_w = self._text_w = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar], legend: str = "") -> None:
        self.bars, self.legend = bars, legend
        metrics = self.fontMetrics()  # the widths of the longest texts, measured once: a round has 250 panels
        self._label_w = min(220, max((metrics.horizontalAdvance(b.label) for b in bars), default=0) + 12)
        self._text_w = max((metrics.horizontalAdvance(b.text or f"{b.value:g}") for b in bars), default=0) + 12
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 40 + self.ROW * max(1, len(self.bars)) + (18 if self.legend else 0))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        metrics = _heading(self, painter, self.title, self.tr("（暂无数据）") if not self.bars else "")
        if not self.bars:
            return
        label_w, text_w = self._label_w, self._text_w
        left, right = label_w, self.width() - text_w
        span = max(40, right - left)
        exposed = event.rect()  # in a scroll area only the rows in sight are drawn
        first = max(0, (exposed.top() - 30) // self.ROW)
        last = min(len(self.bars), (exposed.bottom() - 30) // self.ROW + 1)
        for i, bar in enumerate(self.bars[first:last], start=first):
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


@dataclass(frozen=True)
class Strip:
    label: str
    values: tuple[float, ...]  # each expert's score on the chart's scale
    flagged: bool = False  # drawn red, with a mark before the label


class StripChart(QWidget):
    """Each application as a row of dots, one per expert, on a common scale (0 to 100 for scores): how far apart a
    panel's experts are shows at a glance, and flagged (non-consensus) rows are drawn red."""
    ROW = 20

    def __init__(self, title: str = "", parent=None):
        super().__init__(parent)
        self.title = title
        self.strips: list[Strip] = []
        self.low, self.high = 0.0, 100.0
        self.legend = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_strips(self, strips: list[Strip], low: float, high: float, legend: str = "") -> None:
        self.strips, self.low, self.high, self.legend = strips, low, high, legend
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 44 + self.ROW * max(1, len(self.strips)) + (18 if self.legend else 0))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        metrics = _heading(self, painter, self.title, self.tr("（暂无数据）") if not self.strips else "")
        if not self.strips:
            return
        label_w = min(200, max(metrics.horizontalAdvance("▲ " + s.label) for s in self.strips) + 12)
        left, right = label_w, self.width() - 16
        span = max(40.0, right - left)
        scale = span / (self.high - self.low) if self.high > self.low else 0
        painter.setPen(QPen(QColor("#bbbbbb"), 1))
        for tick in range(5):
            x = left + span * tick / 4
            painter.drawLine(int(x), 26, int(x), 30 + len(self.strips) * self.ROW)
            painter.drawText(int(x) - 12, 40 + len(self.strips) * self.ROW,
                             f"{self.low + (self.high - self.low) * tick / 4:g}")
        for i, strip in enumerate(self.strips):
            top = 30 + i * self.ROW
            colour = SHORT if strip.flagged else BAR
            painter.setPen(colour if strip.flagged else self.palette().windowText().color())
            painter.drawText(QRectF(0, top, label_w - 8, self.ROW - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             ("▲ " if strip.flagged else "") + strip.label)
            painter.setPen(QPen(colour, 1))
            painter.setBrush(colour)
            for value in strip.values:
                x = left + (value - self.low) * scale
                painter.drawEllipse(QRectF(x - 4, top + self.ROW / 2 - 6, 8, 8))
        if self.legend:
            painter.setPen(QColor("#555"))
            painter.drawText(4, 44 + len(self.strips) * self.ROW + 12, self.legend)
