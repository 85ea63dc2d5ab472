"""One light look on every system, whatever the system's colour scheme.

The style sheet (desktop/style.py) paints light backgrounds; Qt >= 6.5's Fusion takes its
palette from the system, so under a dark Windows or macOS scheme labels, group titles and
table text came out white on #f8fafc. The app pins the light scheme instead of following the
system (docs/architecture.md says why): the scheme hint where Qt has it (6.8+, it also keeps
the title bars light), and a palette with every role set, so nothing of a dark system palette
shows through.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.style import STYLESHEET

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# The style sheet's colours (Tailwind's slate and orange), by palette role.
LIGHT = {
    Role.Window: "#f8fafc", Role.WindowText: "#0f172a",
    Role.Base: "#ffffff", Role.AlternateBase: "#f8fafc", Role.Text: "#0f172a",
    Role.Button: "#f1f5f9", Role.ButtonText: "#0f172a", Role.BrightText: "#ffffff",
    Role.Light: "#ffffff", Role.Midlight: "#f1f5f9", Role.Mid: "#cbd5e1",
    Role.Dark: "#94a3b8", Role.Shadow: "#64748b",
    Role.Highlight: "#ffedd5", Role.HighlightedText: "#0f172a",
    Role.Link: "#c2410c", Role.LinkVisited: "#9a3412",
    Role.ToolTipBase: "#ffffff", Role.ToolTipText: "#0f172a",
    Role.PlaceholderText: "#64748b", Role.Accent: "#f97316",
}
# Greyed, yet readable (4.8:1 on white): "还没有联系记录" in a list is a disabled item.
DISABLED_TEXT = "#64748b"


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in LIGHT.items():
        palette.setColor(role, QColor(colour))  # every group: active, inactive, disabled
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.HighlightedText):
        palette.setColor(Group.Disabled, role, QColor(DISABLED_TEXT))
    return palette


def apply(app: QApplication) -> None:
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+
        hints.setColorScheme(Qt.ColorScheme.Light)
    app.setStyle("Fusion")  # the same look on Windows, macOS and Linux
    app.setPalette(light_palette())
    app.setStyleSheet(STYLESHEET)
