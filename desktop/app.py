"""Start-up: single instance, database, language, staff, main window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from db import settings, store
from desktop import i18n
from desktop.context import AppContext
from desktop.icons import icon
from desktop.single_instance import SingleInstance
from desktop.style import STYLESHEET


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("KefuDesk")
    app.setApplicationDisplayName("客服台")
    app.setOrganizationName("KefuDesk")
    app.setWindowIcon(icon("app"))
    app.setStyle("Fusion")  # the same look on Windows, macOS and Linux
    app.setStyleSheet(STYLESHEET)
    return app


def run(data_dir: Path, measure_since: float | None = None) -> int:
    """measure_since: set by the hidden --quit-after-start (bench/bench_startup.py)."""
    app = create_application()
    guard = SingleInstance(data_dir)
    if not guard.acquire():
        i18n.install(app, "zh_CN")
        if not guard.ask_running_to_activate():
            QMessageBox.warning(None, "客服台", f"客服台已经在使用这个数据文件夹：\n{data_dir}\n"
                                "请切换到已打开的窗口。如果刚刚异常退出，请稍候几秒再试。")
        return 0
    try:
        database = store.open_database(data_dir)
    except store.StoreError as exc:
        QMessageBox.critical(None, "客服台", f"{exc}\n\n备份在：{data_dir / 'backups'}")
        return 1
    i18n.install(app, settings.get("language"))
    from desktop.main_window import MainWindow  # after translators: widgets read tr() on build
    from desktop.staff_picker import StaffPickerDialog

    context = AppContext(data_dir)
    last = context.ui_settings.value("last_staff_id")
    if measure_since is None:
        picker = StaffPickerDialog(int(last) if last else None)
        if not picker.exec() or picker.chosen is None:
            return 0
        context.set_staff(picker.chosen)
    else:
        from desktop import startup_probe
        chosen = startup_probe.pick_staff(int(last) if last else None)
        if chosen is not None:
            context.set_staff(chosen)
    window = MainWindow(context)
    guard.activation_requested.connect(window.activate)
    window.show()
    if measure_since is not None:
        startup_probe.quit_when_shown(app, window, measure_since)
    code = app.exec()
    database.close()
    guard.release()
    return code

