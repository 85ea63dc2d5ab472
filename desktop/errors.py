"""Last line of defence: an error nobody caught becomes a clear message, never a silent crash."""
from __future__ import annotations

import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox

from db import errors


def install() -> None:
    sys.excepthook = _show


def _show(kind, exc, tb) -> None:
    traceback.print_exception(kind, exc, tb)
    message = errors.describe(exc)
    if message is None:
        message = QApplication.translate("errors", "出现了意外错误，刚才的操作可能没有完成。已经保存的数据不受影响。\n\n%1") \
            .replace("%1", f"{kind.__name__}: {exc}")
    if QApplication.instance() is not None:
        QMessageBox.critical(QApplication.activeWindow(), QApplication.translate("errors", "客服台"),
                             message)
