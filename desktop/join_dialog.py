"""First start on a new computer: 加入店铺的团队服务器 instead of creating a new shop.

Leads with the join code the owner reads on the server computer (设置 → 团队服务器): the code
finds the server on the shop's network and yields its settings (join_code.join); the settings of
a server someone else runs can still be typed under 手动填写服务器信息. Either way the settings
go through db.storage.server.join, and signing in is left to the staff picker, which then lists
the server's staff."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
    QToolButton, QVBoxLayout, QWidget,
)

from db.storage import join_code, server
from desktop.widgets.background import in_background
from desktop.server_fields import typed_config
from desktop.widgets.error_label import ErrorLabel, grow_to_fit
from desktop.errors import said


class JoinDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._data_dir = data_dir
        self.joined: server.ServerConfig | None = None
        self.setWindowTitle(self.tr("加入店铺的团队服务器"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "店里已经有一台电脑在用团队服务器时，这台电脑可以加入，和大家用同一份客户档案和工单。"))
        intro.setWordWrap(True)
        code_title = QLabel(self.tr("加入码"))
        code_title.setObjectName("sectionTitle")
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("例如 7K3QX-9M2PD"))
        font = self.code.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.code.setFont(font)
        code_hint = QLabel(self.tr("在店里那台电脑的「设置 → 团队服务器」里可以看到加入码。"
                                   "找不到那台电脑时，可以在加入码后面加上它的地址，"
                                   "例如 7K3QX-9M2PD@192.168.1.20。"))
        code_hint.setObjectName("muted")
        code_hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.hide()

        # A server someone else runs (no join code): its settings, typed. Collapsed: most
        # shops have the code.
        self.manual_toggle = QToolButton()
        self.manual_toggle.setText(self.tr("手动填写服务器信息"))
        self.manual_toggle.setCheckable(True)
        self.manual_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.manual_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.manual_toggle.setAutoRaise(True)
        self.manual_toggle.toggled.connect(self._show_manual)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("例如 192.168.1.20 或 shop-server"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("kefudesk")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.manual_box = QWidget()
        form = QFormLayout(self.manual_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("服务器地址"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库名"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        self.manual_box.hide()

        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = buttons.addButton(self.tr("连接并加入"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(code_title)
        layout.addWidget(self.code)
        layout.addWidget(code_hint)
        layout.addWidget(self.status)
        layout.addWidget(self.manual_toggle)
        layout.addWidget(self.manual_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _show_manual(self, shown: bool) -> None:
        self.manual_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.manual_box.setVisible(shown)
        (self.host if shown else self.code).setFocus()
        grow_to_fit(self)

    def config(self) -> server.ServerConfig | None:
        """The settings typed under 手动填写服务器信息; None (and why, shown) if incomplete."""
        return typed_config(self)

    def accept(self) -> None:
        typed = self.code.text().strip()
        if typed:  # the code wins: it is what the owner was told to hand out
            joined = self._join(lambda: self._by_code(typed),
                                self.tr("正在店里的网络上查找团队服务器…"))
        elif self.manual_toggle.isChecked():
            config = self.config()
            joined = config is not None and self._join(
                lambda: self._with(config), self.tr("正在连接 %1…").replace("%1", config.describe()))
        else:
            self._fail(self.tr("请输入加入码。"))
            self.code.setFocus()
            return
        if joined:
            super().accept()

    def _by_code(self, typed: str) -> server.ServerConfig:
        return join_code.join(typed, check=lambda config: server.join(self._data_dir, config))

    def _with(self, config: server.ServerConfig) -> server.ServerConfig:
        server.join(self._data_dir, config)
        return config

    def _join(self, work, doing: str) -> bool:
        """Find and check the server on a thread (discovery alone waits ~1.5 s), the window
        painting and saying what it does; False (and why, shown) if it did not work."""
        self.error.hide()
        self.status.setText(doing)
        self.status.show()
        self.join_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.joined = in_background(work)
        except server.ServerError as exc:
            self._fail(said(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
            self.status.hide()
            self.join_button.setEnabled(True)
        return True

    def _fail(self, message: str) -> None:
        self.error.show_message(message)
        grow_to_fit(self)
