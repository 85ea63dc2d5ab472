"""设置 → 团队服务器: point this computer at a shared PostgreSQL database, test the connection,
copy this computer's data to a new server once, or go back to the local database."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QProgressDialog, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from db.models import database as proxy
from db.storage import managed_server, server, server_copy, transfer
from desktop.context import AppContext
from desktop.settings.team_server_box import TeamServerBox
from desktop.widgets.background import in_background
from desktop.server_fields import typed_config
from desktop.widgets.error_label import ErrorLabel, grow_to_fit
from desktop.errors import said


def local_data_note() -> str:
    """Said wherever this computer works on its local database while a team server is set."""
    return QApplication.translate(
        "ServerDialog", "本机数据库里的数据与团队服务器上的数据是分开的：它不是店里现在的数据，"
        "在这里做的修改也不会进入服务器。要回到店里的数据，请重新连接团队服务器。")


class ServerDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.current = server.load(context.data_dir)
        # Kept by 改回本机数据库: reconnecting is one click, nothing typed again.
        self.remembered = server.remembered(context.data_dir) if self.current is None else None
        self.setWindowTitle(self.tr("团队服务器"))
        self.setMinimumWidth(560)

        intro = QLabel(self.tr(
            "一台电脑时，数据保存在本机（默认）。几台电脑要同时使用同一份客户档案和工单时，"
            "让店里一直开着的那台电脑开启团队服务器，其他电脑输入加入码即可。"
            "不要把本机数据文件夹放到网络共享上：那样会损坏数据。"))
        intro.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("muted")
        self.state.setWordWrap(True)

        config = self.current or self.remembered
        self.host = QLineEdit(config.host if config else "")
        self.host.setPlaceholderText(self.tr("例如 192.168.1.20 或 shop-server"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(config.port if config else 5432)
        self.database = QLineEdit(config.database if config else "kefudesk")
        self.user = QLineEdit(config.user if config else "")
        self.password = QLineEdit(config.password if config else "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库名"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)

        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.clicked.connect(self.test)
        self.reconnect_button = QPushButton(self.tr("重新连接团队服务器"))
        self.reconnect_button.clicked.connect(self.reconnect)
        self.reconnect_button.setVisible(self.remembered is not None)
        self.result = QLabel()
        self.result.setObjectName("success")
        self.result.setWordWrap(True)
        self.result.hide()
        self.error = ErrorLabel()
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        # Outside the manual form: the shop's own server computer (form hidden) needs it too.
        reconnect_row = QHBoxLayout()
        reconnect_row.addWidget(self.reconnect_button)
        reconnect_row.addStretch(1)

        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("复制本机数据到服务器"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("第一台电脑用：把这台电脑上的全部数据复制到空的服务器，然后改用服务器"))
        self.copy_button.clicked.connect(self.copy_and_use)
        self.use_button = buttons.addButton(self.tr("使用服务器上的数据"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button.setToolTip(self.tr("其他电脑用：服务器上已经有本店的数据"))
        self.use_button.clicked.connect(self.use_server)
        self.local_button = buttons.addButton(self.tr("改回本机数据库"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.local_button.clicked.connect(self.use_local)
        self.local_button.setVisible(self.current is not None)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)

        self.team_box = TeamServerBox(context)
        self.team_box.joined.connect(self._use_joined)
        self.team_box.started.connect(self._switched)
        manual = QLabel(self.tr("已有 PostgreSQL 服务器：填写它的连接信息"))
        manual.setObjectName("sectionTitle")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addLayout(reconnect_row)
        layout.addWidget(self.team_box)
        # The manual form: for a server someone else runs (hidden where this computer serves).
        self.manual_box = QWidget()
        manual_layout = QVBoxLayout(self.manual_box)
        manual_layout.setContentsMargins(0, 0, 0, 0)
        manual_layout.addWidget(manual)
        manual_layout.addLayout(form)
        manual_layout.addLayout(test_row)
        layout.addWidget(self.manual_box)
        serving = managed_server.is_managed(context.data_dir)
        for widget in (self.manual_box, self.copy_button, self.use_button):
            widget.setVisible(not serving)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._show_state()

    def _show_state(self) -> None:
        if self.current is None:
            text = self.tr("现在使用：本机数据库（%1）").replace("%1", str(self._context.data_dir))
            if self.remembered is not None:
                text += "\n" + local_data_note()
            self.state.setText(text)
        else:
            self.state.setText(
                self.tr("现在使用：服务器 %1").replace("%1", self.current.describe()))

    def config(self) -> server.ServerConfig | None:
        """The settings typed in the form; None (and why, shown) if incomplete."""
        return typed_config(self)

    def _fail(self, message: str) -> None:
        self.result.hide()
        self.error.show_message(message)
        grow_to_fit(self)

    def _succeed(self, message: str) -> None:
        self.error.hide()
        self.result.setText(message)
        self.result.show()
        grow_to_fit(self)

    def test(self) -> server.ServerCheck | None:
        """Connect and report; what the server holds on success."""
        config = self.config()
        if config is None:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = server.test_connection(config)
        except server.ServerError as exc:
            self._fail(said(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self._succeed(said(found.message))
        return found

    def copy_and_use(self) -> None:
        config = self.config()
        if config is None or self.test() is None:
            return
        if self.current is not None:
            self._fail(self.tr("这台电脑已经在使用服务器。要复制本机数据，请先改回本机数据库。"))
            return
        answer = QMessageBox.question(
            self, self.tr("复制本机数据到服务器"),
            self.tr("把这台电脑上的全部客户、工单、快捷短语、设置和操作日志复制到 %1，"
                    "之后这台电脑改用服务器。\n\n复制前会先备份本机数据；服务器上已有数据时不会复制。"
                    "\n\n现在复制吗？").replace("%1", config.describe()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        progress = QProgressDialog(self.tr("正在复制到服务器…"), self.tr("取消"), 0, 100, self)
        progress.setWindowTitle(self.tr("复制本机数据到服务器"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, total: int) -> bool:
            progress.setValue(int(done * 100 / max(total, 1)))
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            copied = server_copy.copy_local_to_server(proxy.obj, self._context.data_dir, config,
                                                      self._context.staff, step)
        except transfer.TransferCancelled:
            self._fail(self.tr("已取消：服务器上没有留下任何数据，这台电脑继续使用本机数据库。"))
            return
        except server.ServerError as exc:
            self._fail(said(exc))
            return
        except Exception as exc:  # noqa: BLE001 - the copy is one transaction: nothing half
            self._fail(self.tr("复制失败，服务器上没有留下任何数据：%1").replace("%1", said(exc)))
            return
        finally:
            progress.close()
        self._switched(self.tr("已复制 %1 条记录到服务器。").replace("%1", str(copied)),
                       same_staff=True)

    def use_server(self) -> None:
        config = self.config()
        if config is None:
            return
        found = self.test()
        if found is None:
            return
        if not found.holds_data:
            answer = QMessageBox.question(
                self, self.tr("使用服务器上的数据"),
                self.tr("服务器上还没有数据。这台电脑上的数据不会带过去（要带过去，请用「复制本机数据到服务器」）。"
                        "\n\n仍然改用这个空的服务器吗？"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        server.save(self._context.data_dir, config)
        self._switched(self.tr("这台电脑将使用服务器 %1。").replace("%1", config.describe()))

    def _use_joined(self, config: server.ServerConfig) -> None:
        """The settings a join code brought: used as if typed into the form."""
        self.host.setText(config.host)
        self.port.setValue(config.port)
        self.database.setText(config.database)
        self.user.setText(config.user)
        self.password.setText(config.password)
        self.use_server()

    def use_local(self) -> None:
        text = self.tr("这台电脑将改回使用本机数据库，里面是改用服务器之前的数据；服务器上的数据不会带回来，"
                       "也不会删除。服务器的连接设置会保留，以后在这里点「重新连接团队服务器」即可。")
        if managed_server.is_managed(self._context.data_dir):  # the others lose the shop's data
            text += "\n\n" + self.tr("这台电脑是本店的团队服务器：改回后团队服务器停止，"
                                       "其他电脑连不上，直到在这里重新连接团队服务器。")
        answer = QMessageBox.question(self, self.tr("改回本机数据库"),
                                      text + "\n\n" + self.tr("改回本机数据库吗？"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        server.set_active(self._context.data_dir, False)
        self._switched(self.tr("这台电脑将改回使用本机数据库。") + "\n\n" + local_data_note())

    def reconnect(self) -> None:
        """Back to the remembered server, with the settings as they were kept."""
        config = self.remembered
        if config is None:
            return
        data_dir = self._context.data_dir

        def check() -> None:
            if managed_server.is_managed(data_dir):  # stopped while this computer used local data
                managed_server.start(data_dir)
            server.test_connection(config)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            in_background(check)
        except server.ServerError as exc:
            self._fail(said(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        server.set_active(data_dir, True)
        self._switched(self.tr("这台电脑将重新使用服务器 %1。").replace("%1", config.describe()))

    def _switched(self, message: str, same_staff: bool = False) -> None:
        if not same_staff:  # another database: its staff ids are other people
            self._context.ui_settings.remove("last_staff_id")
        QMessageBox.information(self, self.tr("团队服务器"),
                                message + "\n\n" + self.tr("客服台现在重新启动。"))
        self.accept()
        self._context.restart_requested.emit()

