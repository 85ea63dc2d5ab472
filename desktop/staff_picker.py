"""Who is working? Chosen at start so that every change carries a name."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from db.models import Staff
from db.storage import settings
from db.trust import security, staff as staff_rules
from desktop.errors import said
from desktop.widgets.error_label import ErrorLabel
from desktop.window_title import window_title


class StaffPickerDialog(QDialog):
    """Lists active staff; with none yet (first run) asks for the owner's name and the shop's
    (it fills {店铺名} and signs apology letters; 设置 changes it later), or, on a computer
    joining a shop that already works on a team server, 加入店铺的团队服务器: the dialog then
    ends with JOIN and no owner is created here."""
    JOIN = 2

    def __init__(self, preselect_id: int | None = None, parent: QWidget | None = None,
                 locked: bool = False):
        super().__init__(parent)
        self.chosen: Staff | None = None
        self.owner_unlocked = False
        self._members = staff_rules.active_staff()
        self.setWindowTitle(self.tr("客服台已锁定") if locked
                            else window_title(self.tr("客服台"), self.tr("选择客服")))
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        self.combo = QComboBox()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例如：小美"))
        self.shop = QLineEdit(settings.get("shop_name") or "")
        self.shop.setPlaceholderText(self.tr("例如：小美家居旗舰店"))
        if self._members:
            layout.addWidget(QLabel(self.tr("当前是谁在值班？所做的修改都会记在这个名字下。")))
            for member in self._members:
                self.combo.addItem(member.name, member.id)
            index = self.combo.findData(preselect_id)
            self.combo.setCurrentIndex(max(0, index))
            layout.addWidget(self.combo)
            self.secret = QLineEdit()
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
            layout.addWidget(self.secret)
            self.combo.currentIndexChanged.connect(self._update_secret)
            self._update_secret()
        else:
            intro = QLabel(self.tr("欢迎使用客服台！请先输入您的名字（店主）和店铺名称。\n"
                                   "以后可以在“设置”里添加其他客服、修改店铺名称。"))
            intro.setWordWrap(True)
            layout.addWidget(intro)
            form = QFormLayout()
            form.addRow(self.tr("您的名字"), self.name)
            form.addRow(self.tr("店铺名称"), self.shop)
            layout.addLayout(form)
            self.join_button = QPushButton(self.tr("加入店铺的团队服务器…"))
            self.join_button.setToolTip(self.tr("店里已经有电脑在用团队服务器：这台电脑加入，"
                                                "用服务器上的客服名单登录，不新建店铺"))
            self.join_button.clicked.connect(lambda: self.done(self.JOIN))
            join_row = QHBoxLayout()
            join_row.addWidget(QLabel(self.tr("店里已经在用团队服务器？")))
            join_row.addWidget(self.join_button)
            join_row.addStretch(1)
            layout.addLayout(join_row)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self._locked = locked
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok if locked else
                                   QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reject(self) -> None:
        if not self._locked:  # a locked window opens only by signing in
            super().reject()

    def _selected(self) -> Staff:
        return Staff.get_by_id(self.combo.currentData())

    def _update_secret(self) -> None:
        needed = security.login_secret_needed(self._selected())
        self.secret.setVisible(needed is not None)
        self.secret.clear()
        self.secret.setPlaceholderText(self.tr("店主密码") if needed == "password"
                                       else self.tr("PIN 码"))
        if needed:
            self.secret.setFocus()

    def accept(self) -> None:
        if self._members:
            member = self._selected()
            needed = security.login_secret_needed(member)
            try:
                ok = not needed or security.check_login(member, self.secret.text())
            except security.PinLocked as exc:
                self.error.show_message(self.tr("PIN 码连续输错多次，请 %1 秒后再试")
                                        .replace("%1", str(exc.seconds)))
                return
            if not ok:
                self.error.show_message(self.tr("密码不正确") if needed == "password"
                                   else self.tr("PIN 码不正确"))
                self.secret.selectAll()
                return
            self.chosen = member
            self.owner_unlocked = needed == "password"
        else:
            try:
                self.chosen = staff_rules.add(self.name.text(), role="owner")
            except staff_rules.StaffError as exc:
                self.error.show_message(said(exc))
                return
            if self.shop.text().strip():
                settings.put("shop_name", self.shop.text().strip())
        super().accept()
