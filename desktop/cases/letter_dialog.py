"""致歉信 builder: the draft from db.cases.letter, editable, then copy / .txt / PDF."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from db import errors
from db.cases import letter as apology_letter
from db.models import Case
from db.storage import files
from desktop import file_dialogs
from desktop.context import AppContext


def _print_pdf(text: str, target: Path) -> None:
    """QPrinter reports nothing when it cannot write: LetterDialog._save checks the file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setDefaultStyleSheet("p { line-height: 150%; }")
    document.setPlainText(text)
    font = document.defaultFont()
    font.setPointSize(12)
    document.setDefaultFont(font)
    document.print_(printer)


class LetterDialog(QDialog):
    def __init__(self, context: AppContext, case: Case, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("致歉信"))
        self.resize(620, 560)
        hint = QLabel(self.tr("已按六个部分起草：称呼问候、致歉、经过与改进、补偿、反馈方式、再次致歉。请按实际情况修改。"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("letterEditor")
        self.editor.setPlainText(apology_letter.letter(case))
        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.setObjectName("primaryButton")
        self.txt_button = QPushButton(self.tr("保存为文本…"))
        self.pdf_button = QPushButton(self.tr("保存为 PDF…"))
        close = QPushButton(self.tr("关闭"))
        self.copy_button.clicked.connect(self.copy)
        self.txt_button.clicked.connect(self.save_text)
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.txt_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        # The customer's name may hold / : * and the like, which no file name may.
        self._default_name = files.safe_file_name(
            self.tr("致歉信-%1").replace("%1", case.customer.name))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.toPlainText())
        self._context.notify(self.tr("致歉信已复制"))

    def save_text(self) -> None:
        path, _ = file_dialogs.save_file(self, self._context.ui_settings, "letter",
                                         self.tr("保存致歉信"), self._default_name + ".txt",
                                         self.tr("文本文件 (*.txt)"))
        if path:
            text = self.editor.toPlainText()
            # UTF-8 with BOM: Notepad on older Windows shows Chinese correctly.
            self._save(path, lambda partial: partial.write_text(text, encoding="utf-8-sig"))

    def save_pdf(self) -> None:
        path, _ = file_dialogs.save_file(self, self._context.ui_settings, "letter",
                                         self.tr("保存致歉信"), self._default_name + ".pdf",
                                         "PDF (*.pdf)")
        if path:
            text = self.editor.toPlainText()
            self._save(path, lambda partial: _print_pdf(text, partial))

    def _save(self, path: str, write) -> bool:
        """Says 已保存 only when the file is really there; a refusal is told, not hidden."""
        try:
            files.write_atomically(Path(path), write)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("保存失败"), errors.file_message(exc, path))
            return False
        self._context.notify(self.tr("已保存 %1").replace("%1", path))
        return True
