"""设置 → 安全: owner password, staff PINs, idle lock, and the audit log."""
from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel,
    QLineEdit, QMessageBox, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from db.errors import StoreError
from db.models import Staff
from db.storage import at_rest, dialect, keystore, settings
from db.trust import security
from desktop.context import AppContext
from desktop.errors import said


@contextlib.contextmanager
def busy():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class SecurityBox(QGroupBox):
    def __init__(self, context: AppContext, selected_staff_id, parent: QWidget | None = None):
        super().__init__(self.tr("安全"), parent)
        self._context = context
        self._selected_staff_id = selected_staff_id  # callable: the staff list's current id
        self.password_button = QPushButton()
        self.password_button.clicked.connect(self.change_password)
        self.clear_button = QPushButton(self.tr("取消密码…"))
        self.clear_button.clicked.connect(self.clear_password)
        self.encryption_label = QLabel()
        self.encryption_label.setWordWrap(True)
        self.encryption_label.setWordWrap(True)
        self.encryption_label.setObjectName("muted")
        self.encrypt_button = QPushButton(self.tr("加密数据…"))
        self.encrypt_button.clicked.connect(self.encrypt_now)
        self.pin_button = QPushButton(self.tr("为所选客服设置 PIN…"))
        self.pin_button.clicked.connect(self.set_pin)
        self.audit_button = QPushButton(self.tr("操作日志…"))
        self.audit_button.clicked.connect(self.open_audit)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSpecialValueText(self.tr("不锁定"))
        self.lock_minutes.setSuffix(self.tr(" 分钟"))
        self.lock_minutes.setValue(int(settings.get("idle_lock_minutes")))
        self.lock_minutes.valueChanged.connect(lambda v: settings.put("idle_lock_minutes", v))
        # What staff may do without the owner (both off by default).
        self.staff_export_list = QCheckBox(self.tr("客服可以导出当前列表（筛选后的客户）"))
        self.staff_update_import = QCheckBox(self.tr("客服导入时可以更新已有客户（否则只能新增）"))
        staff_may = QVBoxLayout()
        for box, key in ((self.staff_export_list, "staff_may_export_list"),
                         (self.staff_update_import, "staff_may_update_on_import")):
            box.setChecked(bool(settings.get(key)))
            box.toggled.connect(lambda on, key=key: settings.put(key, on))
            staff_may.addWidget(box)
        self.pin_notice = QLabel()
        self.pin_notice.setWordWrap(True)
        self.pin_notice.setObjectName("muted")
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_button)
        password_row.addWidget(self.clear_button)
        password_row.addStretch(1)
        other_row = QHBoxLayout()
        other_row.addWidget(self.pin_button)
        other_row.addWidget(self.audit_button)
        other_row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("店主密码"), password_row)
        encryption_row = QHBoxLayout()
        encryption_row.addWidget(self.encryption_label, 1)
        encryption_row.addWidget(self.encrypt_button)
        form.addRow(self.tr("数据加密"), encryption_row)
        form.addRow(self.tr("闲置后锁定"), self.lock_minutes)
        form.addRow(self.tr("客服权限"), staff_may)
        form.addRow("", other_row)
        form.addRow("", self.pin_notice)
        self.refresh()

    def refresh(self) -> None:
        has = security.has_owner_password()
        self.password_button.setText(self.tr("修改密码…") if has else self.tr("设置密码…"))
        self.clear_button.setEnabled(has)
        short = [m.name for m in Staff.select().where(Staff.id.in_(security.pins_to_renew()))]
        self.pin_notice.setVisible(bool(short))
        self.pin_notice.setText(self.tr("这些客服的 PIN 不足 6 位（或是旧版本设置的），仍可登录，"
                                        "请为他们重新设置 6–8 位 PIN：%1").replace("%1", "、".join(short)))
        self.encrypt_button.setVisible(at_rest.needs_encrypting())
        if dialect.is_postgres():
            text = self.tr("团队服务器：服务器磁盘的加密由服务器负责；设置店主密码后，备份会加密。")
        elif at_rest.is_encrypted():
            text = self.tr("数据库和所有备份已加密。本机的密钥保存在：%1").replace("%1", keystore.where())
        else:
            text = self.tr("未加密。设置店主密码后，数据库和所有备份都会加密。")
        self.encryption_label.setText(text)

    def _ask(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("店主密码"), prompt,
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    def change_password(self) -> None:
        current = None
        if security.has_owner_password():
            current = self._ask(self.tr("当前密码："))
            if current is None:
                return
        new = self._ask(self.tr("新密码（至少 6 位）："))
        if new is None:
            return
        if self._ask(self.tr("再输入一次新密码：")) != new:
            QMessageBox.warning(self, self.tr("店主密码"), self.tr("两次输入的密码不一致"))
            return
        try:
            with busy():  # the database and every backup are encrypted now: a few seconds
                recovery_key = security.set_owner_password(new, current, self._context.staff)
        except (security.SecurityError, StoreError) as exc:
            QMessageBox.warning(self, self.tr("店主密码"), said(exc))
            return
        self._context.owner_unlocked = self._context.staff is not None and \
            self._context.staff.role == "owner"
        self.refresh()
        if recovery_key:
            from desktop.settings.recovery_key_dialog import RecoveryKeyDialog
            RecoveryKeyDialog(recovery_key, self).exec()
        self._context.notify(self.tr("店主密码已设置，数据已加密"))

    def encrypt_now(self) -> None:
        """An owner password set by an older version: encrypt with it now."""
        password = self._ask(self.tr("店主密码："))
        if password is None:
            return
        if not security.check_owner_password(password, self._context.staff):
            QMessageBox.warning(self, self.tr("店主密码"), self.tr("密码不正确"))
            return
        try:
            with busy():
                recovery_key = at_rest.password_set(password, password)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("数据加密"), said(exc))
            return
        self.refresh()
        if recovery_key:
            from desktop.settings.recovery_key_dialog import RecoveryKeyDialog
            RecoveryKeyDialog(recovery_key, self).exec()

    def clear_password(self) -> None:
        current = self._ask(self.tr("当前密码："))
        if current is None:
            return
        try:
            with busy():  # the database and every backup are decrypted
                security.clear_owner_password(current, self._context.staff)
        except (security.SecurityError, StoreError) as exc:
            QMessageBox.warning(self, self.tr("店主密码"), said(exc))
            return
        self.refresh()
        self._context.notify(self.tr("已取消店主密码"))

    def set_pin(self) -> None:
        staff_id = self._selected_staff_id()
        if staff_id is None:
            QMessageBox.information(self, self.tr("PIN 码"), self.tr("请先在“客服”列表里选中一位客服"))
            return
        pin, ok = QInputDialog.getText(self, self.tr("PIN 码"),
                                       self.tr("6–8 位数字；留空表示不用 PIN："),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return
        try:
            security.set_pin(staff_id, pin)
        except security.SecurityError as exc:
            QMessageBox.warning(self, self.tr("PIN 码"), said(exc))
            return
        self.refresh()
        self._context.notify(self.tr("PIN 码已保存") if pin else self.tr("已取消 PIN 码"))

    def open_audit(self) -> None:
        from desktop.security import require_owner
        if not require_owner(self, self._context, "view_audit"):
            return
        from desktop.settings.audit_dialog import AuditDialog
        AuditDialog(self, self._context.ui_settings).exec()
