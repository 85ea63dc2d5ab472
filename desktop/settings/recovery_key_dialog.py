"""The recovery key, shown once when the owner password is set: to print or save."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPushButton, QVBoxLayout, QWidget,
)


class RecoveryKeyDialog(QDialog):
    """Closes only once the owner confirms the key is kept somewhere safe."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.setWindowTitle(self.tr("恢复密钥"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr(
            "客服台的数据库和所有备份现在已加密。下面是恢复密钥，只显示这一次。\n"
            "在另一台电脑上打开数据或备份时，需要店主密码或这个恢复密钥。\n"
            "忘记密码又丢了恢复密钥，数据就再也无法恢复，任何人都无法帮您找回。\n"
            "请把它打印出来或保存到 U 盘，放在电脑以外的安全地方。"))
        intro.setWordWrap(True)
        self.key_field = QLineEdit(recovery_key)
        self.key_field.setReadOnly(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)  # 0 and O apart
        font.setPointSizeF(self.key_field.font().pointSizeF() * 1.4)
        self.key_field.setFont(font)
        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.recovery_key))
        self.save_button = QPushButton(self.tr("保存为文件…"))
        self.save_button.clicked.connect(self._save)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.confirm = QCheckBox(self.tr("我已把恢复密钥打印或保存在安全的地方"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.confirm.toggled.connect(self.ok_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_field)
        layout.addLayout(row)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)

    def reject(self) -> None:  # Esc or the window's close button: not before it is kept
        if self.confirm.isChecked():
            super().reject()

    def save_to(self, path: Path) -> None:
        path.write_text(self.tr("客服台恢复密钥：%1\n与店主密码作用相同，可打开加密的数据和备份。请妥善保管。\n")
                        .replace("%1", self.recovery_key), encoding="utf-8")

    def _save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("保存恢复密钥"),
                                              "客服台恢复密钥.txt", self.tr("文本文件 (*.txt)"))
        if not name:
            return
        try:
            self.save_to(Path(name))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("恢复密钥"), str(exc))
