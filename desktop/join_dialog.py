"""First start on a new computer: 加入店铺的团队服务器 instead of creating a new shop.

Asks for the server's settings (the owner reads them on the first computer, 设置 → 团队服务器),
joins through db.storage.server.join, which every way of getting the settings shares (a join
code yields a ServerConfig and calls the same), and leaves signing in to the staff picker,
which then lists the server's staff."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from db.storage import server
from desktop.widgets.error_label import ErrorLabel, grow_to_fit


class JoinDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._data_dir = data_dir
        self.joined: server.ServerConfig | None = None
        self.setWindowTitle(self.tr("加入店铺的团队服务器"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "店里已经有一台电脑在用团队服务器时，这台电脑可以加入，和大家用同一份客户档案和工单。"
            "连接信息请向店主要（在那台电脑的「设置 → 团队服务器」里可以看到）。"))
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("例如 192.168.1.20 或 shop-server"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("kefudesk")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库名"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = buttons.addButton(self.tr("连接并加入"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def config(self) -> server.ServerConfig | None:
        missing = [label for label, edit in ((self.tr("服务器地址"), self.host),
                                             (self.tr("数据库名"), self.database),
                                             (self.tr("用户名"), self.user))
                   if not edit.text().strip()]
        if missing:
            self._fail(self.tr("请填写：%1").replace("%1", "、".join(missing)))
            return None
        return server.ServerConfig(host=self.host.text().strip(), port=self.port.value(),
                                   database=self.database.text().strip(),
                                   user=self.user.text().strip(), password=self.password.text())

    def accept(self) -> None:
        config = self.config()
        if config is not None and self.join_with(config):
            super().accept()

    def join_with(self, config: server.ServerConfig) -> bool:
        """Join with these settings, however they were found; False (and why, shown) if not."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            server.join(self._data_dir, config)
        except server.ServerError as exc:
            self._fail(str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.joined = config
        return True

    def _fail(self, message: str) -> None:
        self.error.show_message(message)
        grow_to_fit(self)
