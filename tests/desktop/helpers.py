"""Drive modal dialogs from tests: exec() blocks, so act on them from the event loop."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget


def when_modal(action: Callable[[QWidget], None], kind: type = QWidget, tries: int = 200) -> list:
    """Run action(dialog) once a modal of `kind` is open; returns a list that records errors."""
    errors: list = []

    def poll(left: int = tries) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind):
            try:
                action(modal)
            except Exception as exc:  # surfaced by the test through `errors`
                errors.append(exc)
                modal.reject()
            return
        if left:
            QTimer.singleShot(10, lambda: poll(left - 1))
        else:
            errors.append(TimeoutError(f"no modal {kind.__name__} appeared"))

    QTimer.singleShot(0, poll)
    return errors


def click_box_button(text: str) -> Callable[[QWidget], None]:
    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), type(box)
        for button in box.findChildren(QPushButton):
            if button.text() == text:
                button.click()
                return
        raise AssertionError(f"no button {text!r} in {[b.text() for b in box.findChildren(QPushButton)]}")
    return click


def click_standard(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    """Click a standard button whatever language its text is in (a translator may be on)."""
    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), type(box)
        box.button(button).click()
    return click


def type_secret(text: str) -> Callable[[QWidget], None]:
    """For when_modal: type the owner password, a PIN or the recovery key, and confirm."""
    def fill(dialog) -> None:
        dialog.secret.setText(text)
        dialog.accept()
    return fill
