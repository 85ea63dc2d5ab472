"""Every snippet that contains a forbidden or risky phrase, to fix them one by one."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from db.snippets import phrases


class CheckAllDialog(QDialog):
    edit_requested = Signal(int)  # snippet id

    def __init__(self, staff_id: int | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("检查全部短语"))
        self._staff_id = staff_id
        self.summary = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("短语"), self.tr("分类"), self.tr("发现的禁语"), self.tr("建议说法")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._edit)
        hint = QLabel(self.tr("双击一行修改该短语。"))
        hint.setObjectName("muted")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.resize(860, 480)
        self.reload()

    def reload(self) -> None:
        found = phrases.snippets_with_hits(self._staff_id)
        self.summary.setText(self.tr("共 %1 条短语含有禁语或慎用词。").replace("%1", str(len(found)))
                             if found else self.tr("所有短语都没有发现禁语 ✓"))
        self.table.setRowCount(len(found))
        for n, (snippet, hits) in enumerate(found):
            names = "、".join(dict.fromkeys(h.found or h.phrase for h in hits))
            tips = "；".join(dict.fromkeys(h.rule.suggestion for h in hits if h.rule.suggestion))
            values = (snippet.title, snippet.category.name if snippet.category_id else "",
                      names, tips)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.UserRole, snippet.id)
                if column == 2 and any(h.severity == "forbidden" for h in hits):
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()

    def _edit(self, index) -> None:
        self.edit_requested.emit(self.table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole))
        self.reload()
