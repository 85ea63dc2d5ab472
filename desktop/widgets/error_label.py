"""The red line under a form that says what is wrong; hidden until there is something to say."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("formError")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.show()


def grow_to_fit(dialog: QWidget) -> None:
    """Grow a dialog to the height its wrapped messages need at its width: a layout's minimum
    size ignores how tall word-wrapped text gets, so a long message squashed the form."""
    layout = dialog.layout()
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width())
    dialog.setMinimumHeight(max(needed, layout.totalMinimumSize().height()))
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)
