"""The report as a PDF (QPdfWriter from QtGui): per section its chart and its table.

A4 portrait at 300 dpi; a section that does not fit on the rest of a page starts a new one,
and long tables (a month of days) continue on the next page.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPageLayout, QPageSize, QPainter, QPdfWriter

from db.reports.tables import NO_DATA, Section
from db.vocabulary import translate
from desktop.reports.chart import Chart
from desktop.reports.sections import chart_data


def write_pdf(path: str, title: str, sections: list[Section]) -> None:
    writer = QPdfWriter(path)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(QCoreApplication.translate(
            "reports", "无法写入 PDF 文件 %1（文件被占用或没有写入权限）").replace("%1", path))
    try:
        _Pages(writer, painter).draw(title, sections)
    finally:
        painter.end()


class _Pages:
    def __init__(self, writer: QPdfWriter, painter: QPainter):
        self.writer, self.painter = writer, painter
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width, self.height = rect.width(), rect.height()
        self.y = 0.0
        self.body = QFont()
        self.body.setPointSizeF(9)
        self.heading = QFont(self.body)
        self.heading.setPointSizeF(12)
        self.heading.setBold(True)
        self.title_font = QFont(self.body)
        self.title_font.setPointSizeF(16)
        self.title_font.setBold(True)

    def line_height(self, font: QFont) -> float:
        return QFontMetrics(font, self.writer).height() * 1.25

    def room(self, needed: float) -> None:
        if self.y + needed > self.height:
            self.writer.newPage()
            self.y = 0.0

    def text(self, font: QFont, text: str, x: float = 0, width: float | None = None,
             align=Qt.AlignmentFlag.AlignLeft) -> None:
        self.painter.setFont(font)
        self.painter.setPen(QColor("black"))
        self.painter.drawText(QRectF(x, self.y, width or self.width - x, self.line_height(font)),
                              align | Qt.AlignmentFlag.AlignVCenter, text)

    def draw(self, title: str, sections: list[Section]) -> None:
        self.text(self.title_font, title)
        self.y += self.line_height(self.title_font) * 1.5
        chart = Chart()
        for section in sections:
            row_h = self.line_height(self.body)
            if section.key != "summary" and not section.has_data:  # one line, not zeros
                self.room(self.line_height(self.heading) + row_h * 2)
                self.text(self.heading, section.title)
                self.y += self.line_height(self.heading)
                self.text(self.body, translate("reports", NO_DATA))
                self.y += row_h * 2
                continue
            chart_h = self.height * 0.22 if section.chart and section.rows else 0
            self.room(self.line_height(self.heading) + chart_h + row_h * min(4, len(section.rows) + 1))
            self.text(self.heading, section.title)
            self.y += self.line_height(self.heading)
            if chart_h:
                kind, labels, series = chart_data(section)
                chart.set_data(kind, labels, series)
                font = QFont(self.body)
                font.setPointSizeF(7)
                chart.setFont(font)
                chart.render_into(self.painter, QRectF(0, self.y, self.width, chart_h))
                self.y += chart_h + row_h * 0.5
            self.table(section, row_h)
            self.y += row_h

    def table(self, section: Section, row_h: float) -> None:
        columns = len(section.headers)
        first = self.width * 0.4 if columns > 2 else self.width * 0.5
        rest = (self.width - first) / max(1, columns - 1)

        def row(values, bold=False) -> None:
            self.room(row_h)
            font = QFont(self.body)
            font.setBold(bold)
            for c, value in enumerate(values):
                x = 0 if c == 0 else first + rest * (c - 1)
                width = first if c == 0 else rest
                align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
                self.text(font, "" if value is None else str(value), x, width - 20, align)
            self.painter.setPen(QColor("#dddddd"))
            self.painter.drawLine(0, int(self.y + row_h), int(self.width), int(self.y + row_h))
            self.y += row_h

        row(section.headers, bold=True)
        for values in section.rows or [[QCoreApplication.translate("reports", "（无）")]]:
            row(values)
