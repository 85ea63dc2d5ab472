"""Opening encrypted data whose key this computer does not keep (another computer, a copied
backup): the owner password or the recovery key unwraps it, once."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from db.errors import StoreError
from db.storage import encryption
from desktop.security import SecretDialog


def ask_to_unlock(parent: QWidget | None, path: Path) -> bool:
    """True once the key of `path` is kept on this computer; False when the user gave up."""
    def check(secret: str) -> bool:
        try:
            encryption.unlock(path, secret)
        except StoreError:
            return False
        return True

    translate = QCoreApplication.translate
    dialog = SecretDialog(
        translate("unlock", "打开加密数据"),
        translate("unlock", "%1 已加密，这台电脑上没有它的密钥。\n请输入店主密码或恢复密钥：")
        .replace("%1", path.name), check, parent)
    return bool(dialog.exec())
