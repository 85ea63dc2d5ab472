"""Filter combo boxes that refill without losing the user's choice or firing signals."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
    """`everything` first (data None), then items (label, data); the choice is kept."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for label, value in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
