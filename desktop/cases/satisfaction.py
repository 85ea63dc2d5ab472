"""买家满意度 as five clear choices (1 很不满意 … 5 很满意), one click each, no spin box."""
from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QRadioButton, QWidget


class SatisfactionChoice(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        words = (self.tr("很不满意"), self.tr("不满意"), self.tr("一般"), self.tr("满意"),
                 self.tr("很满意"))
        self.group = QButtonGroup(self)
        # Two rows: in English ("1 Very unhappy") five in a row do not fit the step dialog.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QRadioButton] = []
        for score, word in enumerate(words, start=1):
            button = QRadioButton(f"{score} {word}")
            self.group.addButton(button, score)
            layout.addWidget(button, (score - 1) // 3, (score - 1) % 3)
            self.buttons.append(button)
        layout.setColumnStretch(3, 1)

    def value(self) -> int | None:
        """1..5, or None while nothing is chosen (closing then says it is required)."""
        score = self.group.checkedId()
        return score if score > 0 else None

    def setValue(self, score: int) -> None:  # noqa: N802 - as QSpinBox, which it replaced
        self.buttons[score - 1].setChecked(True)
