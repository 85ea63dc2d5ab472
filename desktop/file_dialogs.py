"""File dialogs that start where the person expects: in the folder last used for that kind of
action (import, export, letter, backup, image), else in their Documents folder, never in the
program's folder; an export never starts in the folder of the last import."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

ACTIONS = ("import", "export", "letter", "backup", "image")


def documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder(ui: QSettings | None, action: str) -> Path:
    assert action in ACTIONS, action
    last = ui.value(f"folders/{action}", "") if ui is not None else ""
    return Path(last) if last and Path(last).is_dir() else documents()


def remember(ui: QSettings | None, action: str, path: str | Path) -> None:
    if ui is not None and path:
        folder = Path(path) if Path(path).is_dir() else Path(path).parent
        ui.setValue(f"folders/{action}", str(folder))


def open_file(parent: QWidget | None, ui: QSettings | None, action: str, caption: str,
              filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder(ui, action)), filters)
    remember(ui, action, path)
    return path


def save_file(parent: QWidget | None, ui: QSettings | None, action: str, caption: str,
              name: str, filters: str) -> tuple[str, str]:
    """(path, chosen filter); the suggested file name in the action's folder."""
    path, chosen = QFileDialog.getSaveFileName(parent, caption,
                                               str(start_folder(ui, action) / name), filters)
    remember(ui, action, path)
    return path, chosen


def folder(parent: QWidget | None, ui: QSettings | None, action: str, caption: str) -> str:
    chosen = QFileDialog.getExistingDirectory(parent, caption, str(start_folder(ui, action)))
    remember(ui, action, chosen)
    return chosen
