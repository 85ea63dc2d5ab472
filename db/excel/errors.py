"""One error type for refused files: it names the file, row and column so a person can fix it.

str() and line() are Chinese (the command line prints line(); its exit codes and the tests
read it); worded() is the same line in the interface language (db.vocabulary.Message, context
"ExcelError"). tests/core/test_excel_errors.py checks that every raise site is marked."""
from __future__ import annotations

from pathlib import Path

from db.vocabulary import QT_TRANSLATE_NOOP, Listed, Message, fill, translate

CONTEXT = "ExcelError"
_ROW = QT_TRANSLATE_NOOP("ExcelError", "第 %1 行")
_COLUMN = QT_TRANSLATE_NOOP("ExcelError", "“%1”列")
_BETWEEN = QT_TRANSLATE_NOOP("ExcelError", "，")  # between file, row and column
_WHERE = QT_TRANSLATE_NOOP("ExcelError", "%1：%2")  # where, then why
_LISTED = QT_TRANSLATE_NOOP("ExcelError", "、")  # between the items of a list


def listed(items) -> Listed:
    """Sheets, columns, platforms inside a message: "、" between them (translated)."""
    return Listed(tuple(items), CONTEXT, _LISTED)


class ExcelError(ValueError):
    """A file that cannot be imported; nothing was written. The template is marked
    QT_TRANSLATE_NOOP("ExcelError", ...) where it is raised; values fill %1, %2... (another
    error of the core, a Word or a listed() is worded too)."""

    def __init__(self, template: str, *values, file: Path | str | None = None,
                 row: int | None = None, column: str | None = None):
        self.message = Message(CONTEXT, template, values)
        super().__init__(str(self.message))
        self.file = Path(file) if file is not None else None
        self.row = row
        self.column = column

    def _line(self, word, reason: str) -> str:
        parts = []
        if self.file is not None:
            parts.append(self.file.name)
        if self.row is not None:
            parts.append(fill(word(_ROW), (self.row,)))
        if self.column:
            parts.append(fill(word(_COLUMN), (self.column,)))
        return fill(word(_WHERE), (word(_BETWEEN).join(parts), reason)) if parts else reason

    def line(self) -> str:
        """One line for the command line, in Chinese: file, row, column, reason."""
        return self._line(str, str(self.message))

    def worded(self) -> str:
        """The same line in the interface language (the desktop shows this)."""
        return self._line(lambda text: translate(CONTEXT, text), self.message.worded())

    def __str__(self) -> str:
        return self.line()


class Cancelled(RuntimeError):
    """The person stopped the import; the transaction was rolled back. str() is Chinese,
    worded() in the interface language (a text already translated stays as it is)."""

    def __init__(self, template: str = "", *values):
        self.message = Message(CONTEXT, template, values)
        super().__init__(str(self.message))

    def worded(self) -> str:
        return self.message.worded()
