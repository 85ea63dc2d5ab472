"""A small chart drawn with QPainter: bars (one or more series side by side) or lines.

QtCharts would add PySide6-Addons to the bundle (see docs/benchmarks.md); these few chart
kinds need a hundred lines of painting. The same widget renders into the PDF export.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ["#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6"]


TICKS = 4


def nice_max(value: float, whole: bool = False) -> float:
    """An axis top at or above value whose TICKS steps are round (1, 2, 5 x 10^n), whole
    numbers for counts: 5 -> 8 (0 2 4 6 8), 20 -> 20, 0.75 -> 0.8, 0 -> 4."""
    raw = max(value, 0) / TICKS
    if raw <= 0:
        return float(TICKS)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1.0, math.ceil(step))
    return step * TICKS


class Chart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = "bar"
        self.labels: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        self._unit = 1.0  # device pixels per screen pixel (3 for a 300 dpi PDF)
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def set_data(self, kind: str, labels: list[str],
                 series: list[tuple[str, list[float]]]) -> None:
        self.kind, self.labels, self.series = kind, list(labels), list(series)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        self.render_into(painter, QRectF(self.rect()))
        painter.end()

    def render_into(self, painter: QPainter, area: QRectF) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(QFont(self.font()))
        metrics = painter.fontMetrics()  # of the device: a 300 dpi PDF is not the screen
        u = self._unit = max(1.0, painter.device().logicalDpiX() / 96)
        values = [v for _name, vals in self.series for v in vals if v is not None]
        if not self.labels or not any(values):  # zeros alone are no chart either
            painter.setPen(QColor("#888"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("暂无数据"))
            painter.restore()
            return
        top = nice_max(max(values), whole=all(float(v).is_integer() for v in values))
        left = max(metrics.horizontalAdvance(_number(top * i / TICKS))
                   for i in range(TICKS + 1)) + 12 * u
        legend_h = metrics.height() + 6 * u if len(self.series) > 1 else 0
        plot = QRectF(area.left() + left, area.top() + 8 * u + legend_h,
                      area.width() - left - 12 * u,
                      area.height() - 16 * u - legend_h - metrics.height() - 6 * u)
        self._axes(painter, plot, top, metrics)
        if self.kind == "line":
            self._lines(painter, plot, top)
        else:
            self._bars(painter, plot, top)
        self._categories(painter, plot, metrics)
        self._legend(painter, area, metrics)
        painter.restore()

    def _axes(self, painter, plot: QRectF, top: float, metrics) -> None:
        for i in range(TICKS + 1):
            y = plot.bottom() - plot.height() * i / TICKS
            painter.setPen(QPen(QColor("#e5e7eb"), self._unit))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#555"))
            text = _number(top * i / TICKS)
            width = 400 * self._unit  # right-aligned into the margin left of the plot
            painter.drawText(QRectF(plot.left() - width - 6 * self._unit,
                                    y - metrics.height() / 2, width, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    def _bars(self, painter, plot: QRectF, top: float) -> None:
        slot = plot.width() / len(self.labels)
        width = slot * 0.7 / len(self.series)
        for s, (_name, vals) in enumerate(self.series):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE[s % len(PALETTE)]))
            for i, value in enumerate(vals):
                height = plot.height() * (value or 0) / top
                x = plot.left() + slot * i + slot * 0.15 + width * s
                painter.drawRect(QRectF(x, plot.bottom() - height, width, height))

    def _lines(self, painter, plot: QRectF, top: float) -> None:
        count = len(self.labels)
        step = plot.width() / max(1, count - 1)
        many = len(self.series) > 1
        for s, (_name, vals) in enumerate(self.series):
            color = QColor(PALETTE[s % len(PALETTE)])
            # Lines that coincide (as many 新建 as 结案) stay visible: each later series is
            # thinner and dashed, so the one beneath shows around it.
            width = (4.5, 2.5, 1.5)[min(s, 2)] if many else 2
            pen = QPen(color, width * self._unit)
            if many and s > 0:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            points = [QPointF(plot.left() + step * i if count > 1 else plot.center().x(),
                              plot.bottom() - plot.height() * (v or 0) / top)
                      for i, v in enumerate(vals)]
            for a, b in zip(points, points[1:]):
                painter.drawLine(a, b)
            painter.setBrush(color)
            radius = (4 - 1.5 * s if many and s < 2 else 2.5) * self._unit
            for p in points:
                painter.drawEllipse(p, radius, radius)

    def _categories(self, painter, plot: QRectF, metrics) -> None:
        painter.setPen(QColor("#333"))
        count = len(self.labels)
        slot = plot.width() / count
        # Thin out labels that would overlap (30 days fit every few days).
        widest = max(metrics.horizontalAdvance(t) for t in self.labels) + 8 * self._unit
        every = max(1, math.ceil(widest / max(1.0, slot)))
        for i, text in enumerate(self.labels):
            if i % every:
                continue
            if self.kind == "line":
                step = plot.width() / max(1, count - 1)
                x = plot.left() + step * i - slot / 2 if count > 1 else plot.center().x() - slot / 2
            else:
                x = plot.left() + slot * i
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(slot * every))
            painter.drawText(QRectF(x - slot * (every - 1) / 2, plot.bottom() + 4 * self._unit,
                                    slot * every,
                                    metrics.height()), Qt.AlignmentFlag.AlignHCenter, shown)

    def _legend(self, painter, area: QRectF, metrics) -> None:
        if len(self.series) < 2:
            return
        u = self._unit
        x = area.right() - 12 * u
        for s, (name, _vals) in reversed(list(enumerate(self.series))):
            width = metrics.horizontalAdvance(name)
            x -= width
            painter.setPen(QColor("#333"))
            painter.drawText(QPointF(x, area.top() + metrics.ascent() + 2 * u), name)
            x -= 14 * u
            box = metrics.ascent() * 0.8
            painter.fillRect(QRectF(x, area.top() + 2 * u + metrics.ascent() - box, box, box),
                             QColor(PALETTE[s % len(PALETTE)]))
            x -= 12 * u


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"
