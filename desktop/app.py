"""Start-up: single instance, database (with recovery), language, staff, main window."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db.errors import DamagedDatabase, StoreError
from db.storage import backups, encryption, server, settings, store
from db.vocabulary import translate
from desktop import errors, i18n, theme
from desktop.context import AppContext
from desktop.icons import icon
from desktop.single_instance import SingleInstance
from desktop.errors import said


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("KefuDesk")
    app.setApplicationDisplayName("客服台")
    app.setOrganizationName("KefuDesk")
    app.setWindowIcon(icon("app"))
    theme.apply(app)  # light on every system, dark scheme or not
    return app


def run(data_dir: Path, measure_since: float | None = None) -> int:
    """measure_since: set by the hidden --quit-after-start (bench/bench_startup.py)."""
    app = create_application()
    errors.install()
    i18n.install(app, i18n.remembered(data_dir))  # until the database says otherwise
    guard = SingleInstance(data_dir)
    try:
        acquired = guard.acquire()
    except StoreError as exc:  # a read-only data folder: say so, not "already in use"
        QMessageBox.critical(None, _app_name(), said(exc))
        return 1
    if not acquired:
        if not guard.ask_running_to_activate():
            QMessageBox.warning(None, _app_name(), translate(
                "startup", "客服台已经在使用这个数据文件夹：\n%1\n"
                "请切换到已打开的窗口。如果刚刚异常退出，请稍候几秒再试。").replace("%1", str(data_dir)))
        return 0
    try:
        database = open_or_recover(data_dir)
        if database is None:
            return 1
        i18n.install(app, settings.get("language"))
        i18n.remember(data_dir, settings.get("language"))
        from db.snippets import defaults as default_library
        default_library.load_on_first_open(settings.get("language"))
        from desktop.main_window import MainWindow  # after translators: widgets tr() on build

        context = AppContext(data_dir)
        from desktop.settings.team_server_host import TeamServerHost
        context.team_server = TeamServerHost(data_dir)
        context.team_server.begin()  # answers join codes while the window is open
        last = context.ui_settings.value("last_staff_id")
        if measure_since is None:
            signed_in = sign_in(data_dir, database, int(last) if last else None)
            if signed_in is None:
                return 0
            database, picker = signed_in
            context.set_staff(picker.chosen, picker.owner_unlocked)
        else:
            from desktop import startup_probe
            chosen = startup_probe.pick_staff(int(last) if last else None)
            if chosen is not None:
                context.set_staff(chosen)  # owner rights stay locked: measuring only
        window = MainWindow(context)
        restart = []
        context.restart_requested.connect(lambda: (restart.append(True), window.close()))
        guard.activation_requested.connect(window.activate)
        window.show()
        # The start-up backup waits until the window is up: it costs ~0.3 s on a large archive.
        QTimer.singleShot(1500, window.daily_backup.backup_at_start)
        if measure_since is None:
            QTimer.singleShot(1000, window.start_log_check)
        if measure_since is not None:
            startup_probe.quit_when_shown(app, window, measure_since)
        code = app.exec()
        from db.customers import search as customer_search
        customer_search.finish_warm_up()
        store.close_database(database, data_dir)
        context.team_server.end()
    finally:
        guard.release()
    if restart:  # the lock is free now, so the new process can take the data folder
        if getattr(sys, "frozen", False):
            # Else a one-file build's new process reuses this one's unpacked folder, which is
            # deleted as this process exits, and crashes on start.
            os.environ["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
        QProcess.startDetached(sys.executable, sys.argv[1:] if getattr(sys, "frozen", False)
                               else sys.argv)
    return code


def sign_in(data_dir: Path, database, preselect: int | None):
    """Who works here: the staff picker; on a new computer it may join the shop's team server
    instead of creating a shop (then the server's staff are listed). (database, picker) with
    picker.chosen set, or None (cancelled; the database is closed)."""
    from desktop.join_dialog import JoinDialog
    from desktop.staff_picker import StaffPickerDialog
    while True:
        picker = StaffPickerDialog(preselect)
        result = picker.exec()
        if result == StaffPickerDialog.JOIN:
            if not JoinDialog(data_dir).exec():
                continue  # back to the first-start choice
            store.close_database(database, data_dir)  # the local one, left empty
            database = open_or_recover(data_dir)
            if database is None:
                return None
            i18n.install(QApplication.instance(), settings.get("language"))
            i18n.remember(data_dir, settings.get("language"))
            preselect = None  # the server's staff: nobody chosen for them
            continue
        if not result or picker.chosen is None:
            database.close()
            return None
        return database, picker


def open_or_recover(data_dir: Path):
    """Open the database; a damaged one is set aside only with the user's consent and
    replaced by the newest backup that passes SQLite's integrity check."""
    try:
        return store.open_database(data_dir, backup_on_open=False)  # backed up once shown
    except encryption.KeyNeeded as exc:  # another computer: the owner password unlocks it
        from desktop.unlock import ask_to_unlock
        return open_or_recover(data_dir) if ask_to_unlock(None, exc.path) else None
    except DamagedDatabase as exc:
        good = backups.newest_good_backup(data_dir)
        if good is None:
            QMessageBox.critical(None, _app_name(), f"{exc}\n\n" + translate(
                "startup", "没有找到完好的备份。请不要删除数据文件夹，联系技术支持：\n%1")
                .replace("%1", str(data_dir)))
            return None
        answer = QMessageBox.question(
            None, _app_name(), f"{exc}\n\n" + translate(
                "startup", "可以从最近一份完好的备份恢复（%1）。"
                "损坏的文件会保留在数据文件夹中，不会删除。\n\n现在恢复吗？")
            .replace("%1", f"{good.taken_at:%Y-%m-%d %H:%M}"))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        backups.recover_damaged(data_dir, good.path)
        return store.open_database(data_dir)
    except StoreError as exc:
        if _uses_server(data_dir):
            return _server_unavailable(data_dir, exc)
        QMessageBox.critical(None, _app_name(), f"{exc}\n\n" + translate(
            "startup", "备份在：%1").replace("%1", str(data_dir / "backups")))
        return None


def _app_name() -> str:
    return translate("MainWindow", "客服台")


def _uses_server(data_dir: Path) -> bool:
    try:
        return server.load(data_dir) is not None
    except server.ServerError:
        return False


def _server_unavailable(data_dir: Path, exc: Exception):
    """The team server is down or unreachable: try again, or work on this computer's own
    database (what it held before the switch), or stop."""
    while True:
        box = QMessageBox(QMessageBox.Icon.Warning, _app_name(), translate(
            "startup", "无法打开团队服务器的数据库。") + f"\n\n{exc}")
        retry = box.addButton(translate("startup", "重试"), QMessageBox.ButtonRole.AcceptRole)
        local = box.addButton(translate("startup", "改用本机数据库"),
                              QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(translate("startup", "退出"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry)
        box.exec()
        if box.clickedButton() is local:
            answer = QMessageBox.question(
                None, _app_name(), translate(
                    "startup", "本机数据库里是改用服务器之前的数据，在本机录入的内容不会自动进入服务器。"
                    "服务器的连接设置会保留：以后在「设置 → 团队服务器」里点「重新连接团队服务器」即可。"
                    "\n\n改用本机数据库吗？"))
            if answer == QMessageBox.StandardButton.Yes:
                server.set_active(data_dir, False)
                return open_or_recover(data_dir)
            continue
        if box.clickedButton() is not retry:
            return None
        try:
            return store.open_database(data_dir, backup_on_open=False)
        except StoreError as again:
            exc = again
