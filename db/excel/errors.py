"""One error type for refused files: it names the file, row and column so a person can fix it."""
from __future__ import annotations

from pathlib import Path


class ExcelError(ValueError):
    """A file that cannot be imported; nothing was written."""

    def __init__(self, message: str, file: Path | str | None = None, row: int | None = None,
                 column: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = Path(file) if file is not None else None
        self.row = row
        self.column = column

    def line(self) -> str:
        """One line for the command line: file, row, column, reason."""
        parts = []
        if self.file is not None:
            parts.append(self.file.name)
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"“{self.column}”列")
        return ("：".join(["，".join(parts), self.message]) if parts else self.message)

    def __str__(self) -> str:
        return self.line()


class Cancelled(RuntimeError):
    """The person stopped the import; the transaction was rolled back."""
