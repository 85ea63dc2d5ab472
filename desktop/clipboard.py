"""Putting text and images on the system clipboard without crashing on exit.

PySide6 6.11: a QMimeData created in Python and handed to the clipboard makes the process
crash when it exits (Qt deletes the data after Python has shut down, and the Python-made
object calls back into Python). A QMimeData made by Qt itself has no such hook, so we ask Qt
for one (an item model builds them in C++) and fill it.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QGuiApplication, QImage, QStandardItem, QStandardItemModel


def _qt_made_mime_data() -> QMimeData:
    model = QStandardItemModel()
    model.appendRow(QStandardItem())
    mime = model.mimeData([model.index(0, 0)])
    for fmt in mime.formats():
        mime.removeFormat(fmt)
    return mime


def put(text: str, image: bytes | None = None) -> None:
    """Text, plus the image when there is one: chat programs take whichever they accept."""
    mime = _qt_made_mime_data()
    if text:
        mime.setText(text)
    if image:
        picture = QImage.fromData(image)
        if not picture.isNull():
            mime.setImageData(picture)
    QGuiApplication.clipboard().setMimeData(mime)


def snapshot() -> dict[str, bytes]:
    """What the clipboard holds now, every format, to put back after a paste of ours."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return {}
    return {fmt: bytes(mime.data(fmt)) for fmt in mime.formats()}


def restore(held: dict[str, bytes]) -> None:
    if not held:
        QGuiApplication.clipboard().clear()
        return
    mime = _qt_made_mime_data()
    for fmt, data in held.items():
        mime.setData(fmt, QByteArray(data))
    QGuiApplication.clipboard().setMimeData(mime)
