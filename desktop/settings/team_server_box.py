"""设置 → 团队服务器, the part for a shop without a computer person: start the team server on
this computer with one button, or join the shop's team server by its code."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressDialog,
    QPushButton, QVBoxLayout, QWidget,
)

from db.models import database as proxy
from db.storage import join_code, managed_server, server, server_copy
from desktop.context import AppContext
from desktop.widgets.background import in_background
from desktop.widgets.error_label import ErrorLabel
from desktop.errors import said


class TeamServerBox(QGroupBox):
    joined = Signal(object)  # server.ServerConfig: the dialog tests, saves and restarts
    started = Signal(str)  # this computer now serves the shop: the dialog says so and restarts

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(self.tr("本店的团队服务器"), parent)
        self._context = context
        self.host = getattr(context, "team_server", None)  # TeamServerHost, in the running app
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        if managed_server.is_managed(context.data_dir):
            self._setup_serving(layout)
        else:
            self._setup_choices(layout)
        layout.addWidget(self.error)

    # This computer serves the shop: show how the others join.
    def _setup_serving(self, layout: QVBoxLayout) -> None:
        intro = QLabel(self.tr("这台电脑是本店的团队服务器：请让它一直开着，并开着客服台。"
                               "其他电脑第一次打开客服台时点「加入店铺的团队服务器」（已经在用的电脑在 设置 → 团队服务器），"
                               "输入下面的加入码即可连接。"))
        intro.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("joinCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.code.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        font.setLetterSpacing(font.SpacingType.PercentageSpacing, 110)
        self.code.setFont(font)
        self.address = QLabel()
        self.address.setObjectName("muted")
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.renew_button = QPushButton(self.tr("换一个加入码"))
        self.renew_button.setToolTip(self.tr("旧的加入码立即作废；已经连接的电脑不受影响"))
        self.renew_button.clicked.connect(self.renew)
        row = QHBoxLayout()
        row.addWidget(self.code)
        row.addStretch(1)
        row.addWidget(self.renew_button)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.address)
        if self.host is not None:
            self.host.code_changed.connect(self._show_code)
            if self.host.problem:
                self.error.show_message(self.host.problem)
        if server.load(self._context.data_dir) is None:
            self.error.show_message(self.tr("这台电脑现在使用本机数据库，团队服务器没有运行："
                                            "其他电脑暂时连不上它。"))
        self._show_code(managed_server.join_code(self._context.data_dir))
        port = managed_server.local_config(self._context.data_dir).port
        addresses = managed_server.lan_addresses()
        self.address.setText(
            self.tr("本机地址：%1（端口 %2）").replace("%1", "、".join(addresses) or self.tr("没有连接网络"))
            .replace("%2", str(port)))

    def _show_code(self, code: str) -> None:
        self.code.setText(join_code.shown(code))

    def renew(self) -> None:
        if self.host is not None:
            self.host.renew()
        else:
            self._show_code(managed_server.renew_join_code(self._context.data_dir))

    # Not serving: start serving here, or join by code.
    def _setup_choices(self, layout: QVBoxLayout) -> None:
        start_hint = QLabel(self.tr("店里一直开着的那台电脑：点一下，客服台就在这台电脑上建立团队服务器，"
                                    "把这台电脑上的数据搬过去，并显示一个加入码。"))
        start_hint.setWordWrap(True)
        self.start_button = QPushButton(self.tr("在这台电脑上开启团队服务器"))
        self.start_button.clicked.connect(self.start_here)
        uses_server = server.load(self._context.data_dir) is not None
        self.start_button.setEnabled(not uses_server)
        if uses_server:
            self.start_button.setToolTip(self.tr("这台电脑正在使用另一台服务器：请先改回本机数据库"))
        join_hint = QLabel(self.tr("其他电脑：输入团队服务器那台电脑上显示的加入码。"))
        join_hint.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("例如 7K3QX-9M2PD"))
        self.code_edit.returnPressed.connect(self.join)
        self.join_button = QPushButton(self.tr("用加入码连接"))
        self.join_button.clicked.connect(self.join)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        join_row = QHBoxLayout()
        join_row.addWidget(self.code_edit, 1)
        join_row.addWidget(self.join_button)
        layout.addWidget(start_hint)
        layout.addLayout(start_row)
        layout.addWidget(join_hint)
        layout.addLayout(join_row)

    def join(self) -> None:
        typed = self.code_edit.text().strip()
        if not typed:
            self.error.show_message(self.tr("请输入加入码。"))
            return
        self.error.hide()
        self.join_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            config = in_background(lambda: join_code.join(typed, check=server.test_connection))
        except server.ServerError as exc:
            self.error.show_message(said(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
            self.join_button.setEnabled(True)
        self.joined.emit(config)

    def start_here(self) -> None:
        data_dir = self._context.data_dir
        answer = QMessageBox.question(
            self, self.tr("在这台电脑上开启团队服务器"),
            self.tr("这台电脑将成为本店的团队服务器：客服台在数据文件夹里建立一个数据库服务器"
                    "（只允许店里的局域网连接，密码自动生成），把这台电脑上的全部数据复制过去，"
                    "然后显示一个加入码，其他电脑输入它就能连接。\n\n"
                    "这台电脑需要一直开着客服台，其他电脑才能使用。复制前会先备份本机数据。\n\n现在开启吗？"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.error.hide()
        progress = QProgressDialog(self.tr("正在建立团队服务器…"), "", 0, 0, self)
        progress.setWindowTitle(self.tr("在这台电脑上开启团队服务器"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        try:
            config = in_background(lambda: managed_server.create(data_dir))
        except server.ServerError as exc:
            progress.close()
            self.error.show_message(said(exc))
            return
        progress.setLabelText(self.tr("正在把本机数据复制到团队服务器…"))
        progress.setRange(0, 100)

        def step(done: int, total: int) -> bool:
            progress.setValue(int(done * 100 / max(total, 1)))
            QApplication.processEvents()
            return True

        try:
            server_copy.copy_local_to_server(proxy.obj, data_dir, config, self._context.staff, step)
        except Exception as exc:  # noqa: BLE001 - the copy is one transaction; undo the server
            managed_server.discard(data_dir)
            self.error.show_message(self.tr("复制失败，团队服务器没有开启，这台电脑继续使用本机数据库：%1")
                                    .replace("%1", said(exc)))
            return
        finally:
            progress.close()
        code = join_code.shown(managed_server.join_code(data_dir))
        addresses = "、".join(managed_server.lan_addresses()) or self.tr("没有连接网络")
        self.started.emit(
            self.tr("团队服务器已在这台电脑上开启。\n\n加入码：%1\n本机地址：%2\n\n"
                    "新电脑第一次打开客服台时点「加入店铺的团队服务器」，已经在用的电脑打开 设置 → 团队服务器，"
                    "输入这个加入码即可连接。"
                    "加入码随时可以在这里再看到。").replace("%1", code).replace("%2", addresses))
