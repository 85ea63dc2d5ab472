"""Readable under a dark system scheme: every page and the main dialogs are rendered with a
dark system palette (and with the dark scheme requested), and the contrast between each text
and the background it is drawn on is measured in the rendered pixels (WCAG: >= 4.5:1)."""
from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QCheckBox, QComboBox, QGroupBox, QHeaderView, QLabel,
    QLineEdit, QPushButton, QRadioButton, QStyle,
    QStyleOptionGroupBox, QWidget,
)

from db.cases import records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from desktop import theme
from desktop.style import STYLESHEET

WCAG_AA = 4.5
Role = QPalette.ColorRole

# What Fusion receives from Windows 11 or macOS in dark mode (roughly: the values that matter
# are light text on dark surfaces).
DARK = {
    Role.Window: "#202020", Role.WindowText: "#ffffff", Role.Base: "#1c1c1c",
    Role.AlternateBase: "#2b2b2b", Role.Text: "#ffffff", Role.Button: "#2d2d2d",
    Role.ButtonText: "#ffffff", Role.BrightText: "#ff5555", Role.Light: "#3c3c3c",
    Role.Midlight: "#333333", Role.Mid: "#282828", Role.Dark: "#121212", Role.Shadow: "#000000",
    Role.Highlight: "#0078d4", Role.HighlightedText: "#ffffff", Role.Link: "#4cc2ff",
    Role.ToolTipBase: "#2b2b2b", Role.ToolTipText: "#ffffff", Role.PlaceholderText: "#9d9d9d",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_contrast(image: QImage, rect: QRect) -> float:
    """The background is the crop's most common colour; the text is the pixel that differs most
    from it (the core of a glyph's stem is drawn in the text colour itself)."""
    crop = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(crop.constBits())
    counts = Counter(data[i:i + 4] for i in range(0, len(data), 4))
    background = QColor.fromRgb(int.from_bytes(counts.most_common(1)[0][0], "little"))
    return max(contrast(background, QColor.fromRgb(int.from_bytes(px, "little")))
               for px in counts)


def text_areas(root: QWidget) -> list[tuple[str, QWidget, QRect]]:
    """(what, widget, rect in root's coordinates) for every visible text: labels, group box
    titles, the first rows of tables and lists, their headers, filled-in line edits, combo
    boxes, check boxes and radio buttons."""
    areas = []

    def visible(widget: QWidget, rect: QRect) -> QRect:
        shown = widget.visibleRegion().boundingRect().intersected(rect)
        return QRect(widget.mapTo(root, shown.topLeft()), shown.size())

    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root:
            continue
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            areas.append((f"label {widget.text()[:20]!r}", widget, visible(widget, widget.rect())))
        elif isinstance(widget, QGroupBox) and widget.title():
            option = QStyleOptionGroupBox()
            widget.initStyleOption(option)
            title = widget.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option,
                                                  QStyle.SubControl.SC_GroupBoxLabel, widget)
            areas.append((f"group title {widget.title()!r}", widget, visible(widget, title)))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None \
                and widget.model().rowCount() > 0:
            viewport = widget.viewport()
            rows = QRect(0, 0, viewport.width(), min(viewport.height(), 3 * 28))
            areas.append((f"{type(widget).__name__} text", viewport, visible(viewport, rows)))
        elif isinstance(widget, QHeaderView) and widget.count() > 0:
            areas.append(("table header", widget, visible(widget, widget.rect())))
        elif isinstance(widget, QLineEdit) and widget.text():
            areas.append((f"line edit {widget.text()!r}", widget, visible(widget, widget.rect())))
        elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            areas.append((f"combo box {widget.currentText()!r}", widget,
                          visible(widget, widget.rect())))
        elif isinstance(widget, QPushButton) and widget.text() and widget.isEnabled():
            areas.append((f"button {widget.text()!r}", widget, visible(widget, widget.rect())))
        elif isinstance(widget, (QCheckBox, QRadioButton)) and widget.text():
            areas.append((f"option {widget.text()!r}", widget, visible(widget, widget.rect())))
    return [(what, w, rect) for what, w, rect in areas if rect.width() > 4 and rect.height() > 6]


def poor_contrast(root: QWidget) -> list[str]:
    QApplication.processEvents()
    image = root.grab().toImage()
    return [f"{what}: {ratio:.2f}" for what, _w, rect in text_areas(root)
            if (ratio := text_contrast(image, rect)) < WCAG_AA]


@pytest.fixture(params=["dark system palette", "dark scheme requested"])
def dark_system(qapp, request):
    """The system as a dark Windows 11 or macOS presents it to Qt; restored afterwards."""
    saved = (QPalette(qapp.palette()), qapp.style().name(), qapp.styleSheet())
    hints = qapp.styleHints()
    qapp.setStyle("Fusion")
    qapp.setPalette(dark_palette())
    if request.param == "dark scheme requested":
        if not hasattr(hints, "setColorScheme"):
            pytest.skip("Qt < 6.8 cannot request a colour scheme")
        hints.setColorScheme(Qt.ColorScheme.Dark)
    yield request.param
    if hasattr(hints, "unsetColorScheme"):
        hints.unsetColorScheme()
    qapp.setStyleSheet(saved[2])
    qapp.setStyle(saved[1])
    qapp.setPalette(saved[0])


@pytest.fixture
def shop(owner):
    buyer = customers.create(CustomerData(name="王女士", phone="13812345678", wechat="wang_lily",
                                          platform="淘宝/天猫", notes="老客户，喜欢真丝"), owner)
    cases.create(CaseData(customer_id=buyer.id, order_no="TB20260301001", product="真丝连衣裙",
                          category="破损", description="收到的裙子领口开线了", emotion="angry",
                          severity="simple", staff_id=owner.id), owner)
    return buyer


def main_window(qtbot, context, shop):
    from db.snippets import defaults as default_library
    from desktop.main_window import MainWindow
    default_library.load_on_first_open("zh_CN")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1240, 760)
    window.show()
    window.customers_page.select_customer(shop.id)
    window.open_case(shop.cases.get().id)  # the case pane with its stage steps, too
    return window


def test_under_the_old_look_a_dark_system_makes_text_unreadable(qtbot, context, shop,
                                                                 dark_system):
    """The bug as reported, measured the same way: the style sheet alone over Fusion's dark
    palette. (Shows that the measurement catches white-on-light.)"""
    QApplication.instance().setStyleSheet(STYLESHEET)
    window = main_window(qtbot, context, shop)
    window.show_page("settings")
    bad = poor_contrast(window)
    assert any(b.startswith("label") for b in bad) and any("group title" in b for b in bad), bad
    window.close()


@pytest.mark.parametrize("page", ["customers", "snippets", "cases", "reports", "settings"])
def test_every_page_is_readable_under_a_dark_system(qtbot, context, shop, dark_system, page):
    app = QApplication.instance()
    theme.apply(app)
    if dark_system == "dark scheme requested":
        assert app.styleHints().colorScheme() != Qt.ColorScheme.Dark
    window = main_window(qtbot, context, shop)
    window.show_page(page)
    areas = text_areas(window)
    assert len(areas) >= 5, areas  # the page was really drawn and measured
    assert poor_contrast(window) == []
    window.close()


def test_main_dialogs_are_readable_under_a_dark_system(qtbot, context, shop, dark_system):
    from db.models import Case
    from desktop.cases.case_form import CaseFormDialog
    from desktop.customers.form_dialog import CustomerFormDialog
    from desktop.snippets.editor import SnippetEditorDialog
    from desktop.staff_picker import StaffPickerDialog
    theme.apply(QApplication.instance())
    dialogs = [CustomerFormDialog(context, shop), CaseFormDialog(context, Case.get()),
               SnippetEditorDialog(context), StaffPickerDialog()]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert poor_contrast(dialog) == [], type(dialog).__name__
        assert len(text_areas(dialog)) >= 2, type(dialog).__name__
        dialog.reject()
