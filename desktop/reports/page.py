"""报表: the service dashboard for a period (KPI cards, charts with their tables), the daily
log per staff member, and the weekly/monthly export to Excel and PDF."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QMessageBox, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from db import clock, errors
from db.reports import periods as rp, tables as report_tables, figures as reports
from desktop import file_dialogs
from desktop.context import AppContext
from desktop.errors import said
from desktop.reports.chart import Chart
from desktop.reports.daily_log_panel import DailyLogPanel
from desktop.reports.pdf import write_pdf
from desktop.reports.sections import chart_data, fill_table, fit_rows, make_table

# The rows of the summary section (db.reports.tables) shown as cards, by position: the
# section's words follow the interface language.
KPI_ROWS = (0, 1, 2, 3, 4, 6, 7, 9)


class KpiCard(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        self.value.setObjectName("kpiValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class ReportsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.board: reports.Dashboard | None = None
        self.sections: list[report_tables.Section] = []
        self._dirty = True
        self._build()
        context.cases_changed.connect(self._mark_dirty)

    # --- ui -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.period_combo = QComboBox()
        for kind, text in (("today", self.tr("今天")), ("week", self.tr("本周")),
                           ("month", self.tr("本月")), ("custom", self.tr("自定义范围"))):
            self.period_combo.addItem(text, kind)
        self.period_combo.setCurrentIndex(2)
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-6))
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._custom_changed)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.period_label = QLabel()
        self.period_label.setObjectName("muted")
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet("color: #b91c1c")
        refresh = QPushButton(self.tr("刷新"))
        refresh.setToolTip("F5")
        refresh.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("时间范围")))
        bar.addWidget(self.period_combo)
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.to_edit)
        bar.addWidget(self.period_label)
        bar.addWidget(self.error_label)
        bar.addStretch(1)
        for button in (refresh, self.xlsx_button, self.pdf_button):
            bar.addWidget(button)

        captions = [self.tr("新建工单"), self.tr("结案工单"), self.tr("处理中工单"),
                    self.tr("当前超时"), self.tr("首次答复及时率（%）"), self.tr("平均满意度（分）"),
                    self.tr("退款金额（元）"), self.tr("回访 已完成 / 应回访")]
        self.cards = {key: KpiCard(text) for key, text in zip(KPI_ROWS, captions)}
        cards = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, i // 4, i % 4)
        board = QWidget()
        self.board_layout = QVBoxLayout(board)
        self.board_layout.addLayout(cards)
        self.charts: dict[str, Chart] = {}
        self.tables = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.empty: dict[str, QLabel] = {}
        for key, title in (("per_day", self.tr("每日新建与结案")),
                           ("open", self.tr("处理中工单（按阶段）")),
                           ("durations", self.tr("各环节用时（小时）")),
                           ("satisfaction", self.tr("满意度分布")),
                           ("category", self.tr("问题分类 Top 10")),
                           ("product", self.tr("商品 Top 10")), ("remedies", self.tr("补救方式")),
                           ("staff", self.tr("客服")), ("visits", self.tr("回访")),
                           # Shown only for a shop that keeps orders (db.reports.order_figures).
                           ("orders", self.tr("订单与复购")),
                           ("order_products", self.tr("商品售后（每百单）"))):
            box = QGroupBox(title)
            row = QHBoxLayout(box)
            self.charts[key] = Chart()
            self.tables[key] = make_table()
            self.tables[key].setObjectName(f"table_{key}")
            self.empty[key] = QLabel(self.tr("暂无数据"))
            self.empty[key].setObjectName("muted")
            row.addWidget(self.charts[key], 3)
            row.addWidget(self.tables[key], 2)
            row.addWidget(self.empty[key])
            self.boxes[key] = box
            self.board_layout.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(board)
        self.daily_log = DailyLogPanel(self.context)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("服务看板"))
        self.tabs.addTab(self.daily_log, self.tr("工作日志"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self._period_changed()

    # --- behaviour ----------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _mark_dirty(self) -> None:
        """Recompute now if shown, else when next shown: a month over 100,000 cases takes
        ~0.2 s, which the window's start-up and other pages should not pay."""
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.daily_log:
            self.daily_log.refresh()

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        if not custom:  # the greyed boxes show the days in effect, not another range
            period = rp.of_kind(self.period_combo.currentData(), clock.today())
            for edit, day in ((self.from_edit, period.first), (self.to_edit, period.last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self._mark_dirty()

    def _custom_changed(self) -> None:
        if self.period_combo.currentData() == "custom":
            self._mark_dirty()

    def set_period(self, kind: str) -> None:
        self.period_combo.setCurrentIndex(self.period_combo.findData(kind))

    def period(self) -> rp.Period:
        kind = self.period_combo.currentData()
        if kind == "custom":
            return rp.custom(self.from_edit.date().toPython(), self.to_edit.date().toPython())
        return rp.of_kind(kind, clock.today())

    def refresh(self) -> None:
        try:
            period = self.period()
        except rp.PeriodError as error:
            self.error_label.setText(said(error))
            return
        self.error_label.clear()
        self.board = reports.dashboard(period)
        self.sections = report_tables.sections(self.board)
        self._dirty = False
        self.period_label.setText(period.title)
        self.period_label.setMinimumWidth(self.period_label.sizeHint().width())  # never cut
        summary = self.sections[0].rows
        for key, card in self.cards.items():
            value = summary[key][1]
            card.value.setText("–" if value == "" else str(value))
        present = {section.key for section in self.sections}
        for key, box in self.boxes.items():
            box.setVisible(key in present)
        for section in self.sections[1:]:
            kind, labels, series = chart_data(section)
            self.charts[section.key].set_data(kind, labels, series)
            fill_table(self.tables[section.key], section)
            # Nothing but zeros: one line says so, instead of empty axes and a table of zeros.
            # A chart of zeros beside a table with figures (orders, no case yet) is left out:
            # the table takes the width, every row shown.
            shown = section.has_data
            drawn = shown and bool(section.chart) and any(any(v) for _name, v in series)
            self.charts[section.key].setVisible(drawn)
            self.tables[section.key].setVisible(shown)
            self.empty[section.key].setVisible(not shown)
            self.boxes[section.key].setMinimumHeight(260 if drawn else 0)
            fit_rows(self.tables[section.key], every=not drawn)
        if self.tabs.currentWidget() is self.daily_log:
            self.daily_log.refresh()

    def report_title(self) -> str:
        period = self.board.period if self.board else self.period()
        name = {"today": self.tr("客服日报"), "week": self.tr("客服周报"),
                "month": self.tr("客服月报")}.get(period.kind, self.tr("客服报表"))
        return f"{name} {period.title}"

    def _save_path(self, caption: str, suffix: str, pattern: str) -> str:
        title = self.report_title().replace(" ", "_")
        path, _ = file_dialogs.save_file(self, self.context.ui_settings, "export", caption,
                                         f"{title}.{suffix}", pattern)
        if path and not path.lower().endswith("." + suffix):
            path += "." + suffix
        return path

    def export_xlsx(self) -> str:
        path = self._save_path(self.tr("导出报表到 Excel"), "xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return ""
        self.refresh()
        try:
            from db.reports import export as report_export  # openpyxl: loaded when writing, not at start
            report_export.write_xlsx(path, self.report_title(), self.sections)
        except OSError as error:
            QMessageBox.warning(self, self.tr("导出失败"), errors.file_message(error, path))
            return ""
        self.context.notify(self.tr("报表已导出到 %1").replace("%1", path))
        return path

    def export_pdf(self) -> str:
        path = self._save_path(self.tr("导出报表到 PDF"), "pdf", self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return ""
        self.refresh()
        try:
            write_pdf(path, self.report_title(), self.sections)
        except OSError as error:
            QMessageBox.warning(self, self.tr("导出失败"), str(error))
            return ""
        self.context.notify(self.tr("报表已导出到 %1").replace("%1", path))
        return path
