"""The result list: one row per snippet, best match first (the order db.snippets gives)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from db.snippets.library import SnippetRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the SnippetRow itself


def _header(key: str) -> str:
    return {
        "title": QCoreApplication.translate("SnippetTableModel", "标题"),
        "shortcut": QCoreApplication.translate("SnippetTableModel", "短语码"),
        "category": QCoreApplication.translate("SnippetTableModel", "分类"),
        "preview": QCoreApplication.translate("SnippetTableModel", "内容"),
        "use_count": QCoreApplication.translate("SnippetTableModel", "使用次数"),
    }[key]


class SnippetTableModel(QAbstractTableModel):
    COLUMNS = ("title", "shortcut", "category", "preview", "use_count")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[SnippetRow] = []

    def set_rows(self, rows: list[SnippetRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> SnippetRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, snippet_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.id == snippet_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                marks = ("★ " if row.favourite else "") + ("🖼 " if row.has_image else "")
                mine = QCoreApplication.translate("SnippetTableModel", "（个人）") \
                    if row.personal else ""
                return f"{marks}{row.title}{mine}"
            if column == "preview":
                return " ".join(row.preview.split())
            if column == "use_count":
                return row.use_count
            return getattr(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "preview"):
            return row.preview
        if role == Qt.ItemDataRole.ForegroundRole and column in ("shortcut", "use_count"):
            return QColor("#64748b")
        return None
