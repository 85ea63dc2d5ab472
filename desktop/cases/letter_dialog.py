"""致歉信 builder: the draft from db.cases.letter, editable, previewed as it will print, then
copy / .txt / PDF. The buyer's own words are quoted only when staff tick the box."""
from __future__ import annotations

from pathlib import Path

from html import escape

from PySide6.QtGui import QGuiApplication, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit,
    QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from db import errors
from db.cases import letter as apology_letter
from db.models import Case
from db.storage import files
from desktop import file_dialogs
from desktop.context import AppContext


def letter_document(text: str) -> QTextDocument:
    """The letter as printed: paragraphs spaced, the last one (the signature) on the right."""
    blocks = [b for b in text.strip().split("\n\n") if b.strip()]
    html = []
    for n, block in enumerate(blocks):
        align = ' align="right"' if n == len(blocks) - 1 and len(blocks) > 1 else ""
        lines = "<br>".join(escape(line) for line in block.strip().split("\n"))
        html.append(f'<p{align} style="margin-bottom: 12px; line-height: 150%;">{lines}</p>')
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSize(12)
    document.setDefaultFont(font)
    document.setHtml("".join(html))
    return document


def _a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def _print_pdf(text: str, target: Path) -> None:
    """QPrinter reports nothing when it cannot write: LetterDialog._save checks the file."""
    printer = _a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    letter_document(text).print_(printer)


class LetterDialog(QDialog):
    def __init__(self, context: AppContext, case: Case, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._case = case
        self.setWindowTitle(self.tr("致歉信"))
        self.resize(680, 640)
        hint = QLabel(self.tr("已按六个部分起草：称呼问候、致歉、经过与改进、补偿、反馈方式、再次致歉。请按实际情况修改。"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.quote = QCheckBox(self.tr("在信中引用买家的原话（问题描述）"))
        self.quote.setToolTip(self.tr("默认只写问题的分类和商品，不引用买家生气时的原话"))
        self.quote.setEnabled(bool(case.description.strip()))
        self.quote.toggled.connect(lambda _on: self.redraft())
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("letterEditor")
        self.redraft()
        self._printer = _a4_printer()
        self.preview = QPrintPreviewWidget(self._printer)
        self.preview.paintRequested.connect(
            lambda printer: letter_document(self.editor.toPlainText()).print_(printer))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, self.tr("编辑"))
        self.tabs.addTab(self.preview, self.tr("打印预览"))
        self.tabs.currentChanged.connect(lambda index: index == 1 and self.preview.updatePreview())
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
        layout.addWidget(self.quote)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        # The customer's name may hold / : * and the like, which no file name may.
        self._default_name = files.safe_file_name(
            self.tr("致歉信-%1").replace("%1", case.customer.name))

    def redraft(self) -> None:
        """The draft again (after the quote box changed): signed by who is on duty, today."""
        staff = self._context.staff.name if self._context.staff else None
        self.editor.setPlainText(apology_letter.letter(
            self._case, staff_name=staff, quote_description=self.quote.isChecked()))

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
