"""The 报表 page on a seeded month: cards and tables equal db.reports, periods switch,
exports read back (openpyxl, %PDF), the daily log copies."""
from __future__ import annotations

import datetime as dt
import time

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from db.cases import records as cases
from db.cases.records import CaseData
from db.models import Case
from db.reports import daily_log, periods as rp, figures as reports
from db.reports.tables import one_decimal
from desktop.reports.page import ReportsPage
from tests.report_seed import NOW, at, seed_month


@pytest.fixture
def page(qtbot, context, owner, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    ids = seed_month(owner)
    at("2026-11-25 09:50")  # a product name that looks like a formula
    cases.create(CaseData(customer_id=Case.get_by_id(ids["a"]).customer_id,
                          product='=HYPERLINK("http://x","点我")', category="@SUM(1)"), owner)
    at(NOW.isoformat())
    widget = ReportsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    widget.show()
    yield widget
    monkeypatch.undo()
    time.tzset()


def cards(page):
    return {card.caption.text(): card.value.text() for card in page.cards.values()}


def column(table, col):
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_cards_and_tables_show_the_dashboard_numbers(page):
    board = reports.dashboard(rp.this_month(NOW.date()), NOW)
    shown = cards(page)
    assert shown["新建工单"] == str(board.opened) == "5"
    assert shown["结案工单"] == str(board.closed) == "3"
    assert shown["当前超时"] == str(board.overdue_now) == "1"
    assert shown["首次答复及时率（%）"] == str(one_decimal(board.first_answer_rate))
    assert shown["平均满意度（分）"] == "4.0"
    assert shown["退款金额（元）"] == "50.0"
    assert shown["回访 已完成 / 应回访"] == "1 / 2"
    category = page.tables["category"]
    assert list(zip(column(category, 0), column(category, 1))) == [
        (name, str(n)) for name, n in board.by_category]
    staff = page.tables["staff"]
    assert column(staff, 0) == ["店主小美", "阿强"] and column(staff, 2) == ["0", "1"]
    assert len(column(page.tables["per_day"], 0)) == 30
    assert page.charts["per_day"].kind == "line" and len(page.charts["per_day"].series) == 2


def test_switching_periods(page, qtbot):
    page.period_combo.setCurrentIndex(page.period_combo.findData("week"))
    assert page.board.period == rp.this_week(NOW.date())
    # The greyed range boxes show the days in effect.
    week = rp.this_week(NOW.date())
    assert not page.from_edit.isEnabled()
    assert (page.from_edit.date().toPython(), page.to_edit.date().toPython()) == (week.first, week.last)
    assert cards(page)["新建工单"] == str(reports.dashboard(page.board.period, NOW).opened) == "3"
    page.set_period("today")
    assert column(page.tables["per_day"], 0) == ["2026-11-25"]
    page.set_period("custom")
    page.from_edit.setDate(QDate(2026, 11, 1))
    page.to_edit.setDate(QDate(2026, 11, 3))
    assert page.board.period == rp.custom(dt.date(2026, 11, 1), dt.date(2026, 11, 3))
    assert cards(page)["结案工单"] == "2" and cards(page)["新建工单"] == "1"
    page.from_edit.setDate(QDate(2026, 11, 10))  # after the end: refused, named
    assert "开始日期 2026-11-10 晚于结束日期 2026-11-03" in page.error_label.text()
    assert cards(page)["结案工单"] == "2"  # the last good figures stay


def test_export_xlsx_reads_back_with_sheets_values_and_charts(page, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "月报"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    book = openpyxl.load_workbook(tmp_path / "月报.xlsx")
    assert book.sheetnames[:3] == ["概览", "每日新建与结案", "处理中工单（按阶段）"]
    summary = {row[0]: row[1] for row in book["概览"].iter_rows(min_row=3, values_only=True)}
    assert summary["新建工单"] == 5 and summary["退款金额（元）"] == 50.0
    assert book["概览"]["A1"].value == "客服月报 2026-11-01 至 2026-11-30 · 概览"
    days = list(book["每日新建与结案"].iter_rows(min_row=3, values_only=True))
    assert len(days) == 30 and days[24] == ("2026-11-25", 2, 0)
    assert len(book["每日新建与结案"]._charts) == 1 and len(book["客服"]._charts) == 1
    products = book["商品 Top 10"]
    cells = [row[0] for row in products.iter_rows(min_row=3)]
    formula_like = [c for c in cells if str(c.value).startswith("=")]
    assert [c.value for c in formula_like] == ['=HYPERLINK("http://x","点我")']
    assert formula_like[0].data_type == "s"
    assert [c.data_type for c in book["问题分类 Top 10"]["A"] if c.value == "@SUM(1)"] == ["s"]


def test_export_pdf(page, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000


def test_daily_log_tab_shows_and_copies_the_log(page, owner, qtbot):
    panel = page.daily_log
    page.tabs.setCurrentWidget(panel)
    panel.staff_combo.setCurrentIndex(panel.staff_combo.findData(owner.id))
    panel.day_edit.setDate(QDate(2026, 11, 2))
    expected = daily_log.daily_log_text(owner.id, dt.date(2026, 11, 2))
    assert panel.text.toPlainText() == expected.rstrip("\n") or panel.text.toPlainText() == expected
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().strip() == expected.strip()
    assert "09:30  #" in QGuiApplication.clipboard().text()


def test_main_window_has_the_reports_page(qtbot, context):
    from desktop.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show_page("reports")
    assert window.stack.currentWidget() is window.reports_page


def test_export_to_an_unwritable_place_says_so_and_writes_nothing(page, qtbot, tmp_path,
                                                                 monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    target = tmp_path / "没有这个文件夹" / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert page.export_pdf() == "" and page.export_xlsx() == ""
    assert "无法写入 PDF 文件" in warnings[0] and "report.pdf" in warnings[0]
    assert "report.xlsx" in warnings[1]
    assert not target.parent.exists()


def test_file_menu_exports_the_report(qtbot, context, owner, tmp_path, monkeypatch):
    from desktop.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    target = tmp_path / "menu"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    [act] = [a for a in window.findChildren(type(window.menuBar().actions()[0]))
             if a.text() == "报表（Excel）…"]
    act.trigger()
    assert openpyxl.load_workbook(tmp_path / "menu.xlsx").sheetnames[0] == "概览"


def test_the_excel_report_speaks_english_when_the_app_does(qtbot, qapp, page, tmp_path,
                                                             monkeypatch):
    from desktop import i18n
    target = tmp_path / "report.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    i18n.install(qapp, "en")
    try:
        page.refresh()
        page.export_xlsx()
        assert page.period_label.text() == "2026-11-01 to 2026-11-30"
        legend = [name for name, _values in page.charts["per_day"].series]
    finally:
        i18n.install(qapp, "zh_CN")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [
        "Overview", "Opened and closed per day", "Open cases by stage", "Time per step (hours)",
        "Satisfaction", "Top 10 categories", "Top 10 products", "Remedies", "Staff",
        "Return visits"]
    assert legend == ["Opened", "Closed"]
    assert book["Overview"]["A1"].value == \
        "Monthly service report 2026-11-01 to 2026-11-30 · Overview"
    summary = {row[0]: row[1] for row in book["Overview"].iter_rows(min_row=3, values_only=True)}
    assert summary["Cases opened"] == 5 and summary["Refunded (yuan)"] == 50.0
    stages = [row[0] for row in book["Open cases by stage"].iter_rows(min_row=3, values_only=True)]
    assert stages and all(s.isascii() for s in stages)
    ratings = [row[0] for row in book["Satisfaction"].iter_rows(min_row=3, values_only=True)]
    assert "5 of 5" in ratings
    categories = [r[0] for r in book["Top 10 categories"].iter_rows(min_row=3, values_only=True)]
    assert "Quality problem" in categories and "@SUM(1)" in categories  # typed ones as typed
    remedies = [r[0] for r in book["Remedies"].iter_rows(min_row=3, values_only=True)]
    assert remedies and all(r.isascii() for r in remedies)


def test_an_empty_section_says_so_in_one_line(page):
    page.set_period("custom")
    page.from_edit.setDate(QDate(2026, 1, 1))
    page.to_edit.setDate(QDate(2026, 1, 3))  # no case in these days
    assert cards(page)["新建工单"] == "0"
    for key in ("per_day", "category", "satisfaction", "remedies"):
        assert page.empty[key].isVisibleTo(page) and page.empty[key].text() == "暂无数据", key
        assert not page.charts[key].isVisibleTo(page) and not page.tables[key].isVisibleTo(page)
    page.set_period("month")
    assert page.charts["per_day"].isVisibleTo(page) and not page.empty["per_day"].isVisibleTo(page)


def test_identical_lines_both_stay_visible(qtbot):
    from PySide6.QtGui import QColor

    from desktop.reports.chart import PALETTE, Chart
    chart = Chart()
    qtbot.addWidget(chart)
    chart.resize(520, 240)
    chart.set_data("line", ["11-01", "11-02", "11-03", "11-04"],
                   [("新建", [1, 3, 2, 4]), ("结案", [1, 3, 2, 4])])
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width())
               for y in range(image.height())}
    assert QColor(PALETTE[0]).name() in colours and QColor(PALETTE[1]).name() in colours


def test_a_backwards_period_is_refused_in_english(qtbot, qapp, context):
    from desktop import i18n
    i18n.install(qapp, "en")
    try:
        widget = ReportsPage(context)
        qtbot.addWidget(widget)
        widget.show()
        widget.set_period("custom")
        widget.from_edit.setDate(QDate(2026, 11, 10))
        widget.to_edit.setDate(QDate(2026, 11, 3))
        assert widget.error_label.text() == \
            "The start date 2026-11-10 is after the end date 2026-11-03"
    finally:
        i18n.install(qapp, "zh_CN")
