"""备份与恢复: the list of backups, back up now, restore, retention and a second folder."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QMessageBox, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from db.storage import backups, encryption, paths, settings
from db.trust import log_chain
from db.errors import StoreError
from desktop import file_dialogs
from desktop.context import AppContext
from desktop.security import chain_report, require_owner, show_chain
from desktop.widgets.error_label import ErrorLabel
from desktop.errors import said


def reason_label(reason: str) -> str:
    labels = {
        "start": QCoreApplication.translate("backups", "启动时"),
        "daily": QCoreApplication.translate("backups", "每日"),
        "manual": QCoreApplication.translate("backups", "手动"),
        "import": QCoreApplication.translate("backups", "导入前"),
        "migrate": QCoreApplication.translate("backups", "升级前"),
        "before-restore": QCoreApplication.translate("backups", "恢复前"),
        "before-server": QCoreApplication.translate("backups", "复制到服务器前"),
    }
    return labels.get(reason, reason)


def human_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class BackupDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._folder = paths.backup_dir(context.data_dir)
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(640, 520)
        self._setup_ui()
        self.reload()

    def _setup_ui(self) -> None:
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("原因"), self.tr("大小")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setObjectName("primaryButton")
        self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        self.open_button = QPushButton(self.tr("打开备份文件夹"))
        self.restore_file_button = QPushButton(self.tr("从文件恢复…"))
        self.restore_file_button.clicked.connect(self.restore_file)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self._folder))))
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.restore_file_button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)

        self.keep_last = QSpinBox()
        self.keep_last.setRange(1, 500)
        self.keep_last.setValue(int(settings.get("backup_keep")))
        self.keep_last.valueChanged.connect(lambda v: settings.put("backup_keep", v))
        self.keep_weeks = QSpinBox()
        self.keep_weeks.setRange(0, 520)
        self.keep_weeks.setValue(int(settings.get("backup_keep_weeks")))
        self.keep_weeks.valueChanged.connect(lambda v: settings.put("backup_keep_weeks", v))
        self.mirror_label = QLabel()
        self.mirror_label.setWordWrap(True)
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self._choose_mirror)
        self.clear_mirror = QPushButton(self.tr("不使用"))
        self.clear_mirror.clicked.connect(lambda: self._set_mirror(""))
        mirror_row = QHBoxLayout()
        mirror_row.addWidget(self.mirror_label, 1)
        mirror_row.addWidget(choose)
        mirror_row.addWidget(self.clear_mirror)
        form = QFormLayout()
        form.addRow(self.tr("保留最近"), self.keep_last)
        form.addRow(self.tr("另外每周保留一份，共"), self.keep_weeks)
        form.addRow(self.tr("第二个备份文件夹"), mirror_row)

        note = QLabel(self.tr("每次启动、每次导入前、以及每天都会自动备份。建议把第二个备份文件夹设在 U 盘或同步盘上，"
                              "电脑坏了也不会丢数据。"))
        note.setWordWrap(True)
        note.setObjectName("muted")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.integrity = QLabel()
        self.integrity.setObjectName("muted")
        self.integrity_error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.integrity)
        layout.addWidget(self.integrity_error)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(close)

    def reload(self) -> None:
        found = backups.list_backups(self._folder)
        self.table.setRowCount(len(found))
        for row, info in enumerate(found):
            values = [info.taken_at.strftime("%Y-%m-%d %H:%M:%S"), reason_label(info.reason),
                      human_size(info.size)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, str(info.path))
                self.table.setItem(row, column, item)
        if found:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(found))
        mirror = settings.get("backup_mirror_dir") or ""
        self.mirror_label.setText(mirror or self.tr("（未设置）"))
        self.clear_mirror.setEnabled(bool(mirror))
        show_chain(self.integrity, self.integrity_error)

    def backup_now(self) -> None:
        try:
            made = backups.backup_now(self._context.data_dir)
        except backups.MirrorError as exc:
            QMessageBox.warning(self, self.tr("备份"), said(exc))
            made = exc.backup
        except StoreError as exc:
            QMessageBox.critical(self, self.tr("备份失败"), said(exc))
            return
        self.reload()
        self._context.notify(self.tr("已备份：%1").replace("%1", made.name))

    def restore_selected(self) -> None:
        items = self.table.selectedItems()
        if not items or not require_owner(self, self._context, "restore_backup"):
            return
        from pathlib import Path
        source = Path(items[0].data(Qt.ItemDataRole.UserRole))
        when = items[0].text()
        try:
            verdicts = log_chain.check_file(source, encryption.key_for(source))
            log_line = (chain_report(verdicts, current=False)[1] if verdicts
                        else self.tr("（此备份来自旧版本，没有可核对的日志）"))
        except encryption.KeyNeeded:
            log_line = self.tr("（此备份已加密，这台电脑没有它的密钥：恢复时会先要求店主密码，之后再核对）")
        except Exception:  # noqa: BLE001 - a damaged file: restore's own check says so
            log_line = self.tr("（此备份现在无法打开核对，恢复时会再检查）")
        answer = QMessageBox.question(
            self, self.tr("恢复备份"),
            self.tr("把数据恢复到 %1 的状态？\n\n之后的修改会被替换。恢复前会先自动备份当前数据，"
                    "万一选错还可以再恢复回来。恢复后客服台会重新启动。").replace("%1", when)
            + "\n\n" + self.tr("该备份的日志：%1").replace("%1", log_line),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_from(source)

    def restore_from(self, source) -> None:
        """Restore `source`; an encrypted backup from another computer first asks for the
        owner password or the recovery key."""
        try:
            backups.restore(self._context.data_dir, source)
        except encryption.KeyNeeded as exc:
            from desktop.unlock import ask_to_unlock
            if ask_to_unlock(self, exc.path):
                self.restore_from(source)
            return
        except StoreError as exc:
            QMessageBox.critical(self, self.tr("恢复失败"), said(exc))
            return
        self.accept()
        self._context.restart_requested.emit()

    def restore_file(self) -> None:
        """A backup from elsewhere: a USB stick, another computer's backup folder."""
        if not require_owner(self, self._context, "restore_backup"):
            return
        name = file_dialogs.open_file(self, self._context.ui_settings, "backup",
                                      self.tr("选择备份文件"), self.tr("客服台备份 (*.sqlite3)"))
        if not name:
            return
        from pathlib import Path
        answer = QMessageBox.question(
            self, self.tr("恢复备份"),
            self.tr("把数据恢复为 %1 的内容？\n\n现在的数据会被替换。恢复前会先自动备份当前数据。"
                    "恢复后客服台会重新启动。").replace("%1", Path(name).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(Path(name))

    def _choose_mirror(self) -> None:
        folder = file_dialogs.folder(self, self._context.ui_settings, "backup",
                                     self.tr("选择第二个备份文件夹"))
        if folder:
            self._set_mirror(folder)

    def _set_mirror(self, folder: str) -> None:
        settings.put("backup_mirror_dir", folder)
        self.reload()
