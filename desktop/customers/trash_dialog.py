"""The customer trash: restore, or delete for good after a confirmation."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from db import clock, text
from db.customers import records as customers
from desktop.context import AppContext
from desktop.security import require_owner


class TrashDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("回收站"))
        self.resize(640, 420)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("称呼"), self.tr("手机"), self.tr("删除时间"), self.tr("说明")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.restore_button = QPushButton(self.tr("恢复所选"))
        self.purge_button = QPushButton(self.tr("彻底删除所选…"))
        self.purge_button.setObjectName("dangerButton")
        self.restore_button.clicked.connect(self._restore)
        self.purge_button.clicked.connect(self._purge)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.purge_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("删除的客户先放在这里，可以随时恢复。")))
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self._load()

    def _load(self) -> None:
        items = customers.trash()
        self.table.setRowCount(len(items))
        for r, customer in enumerate(items):
            note = (self.tr("已合并到 #%1").replace("%1", str(customer.merged_into_id))
                    if customer.merged_into_id else "")
            values = [customer.name, text.format_phone(customer.phone),
                      clock.to_local(customer.deleted_at).strftime("%Y-%m-%d %H:%M"), note]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, customer.id)
                self.table.setItem(r, c, item)
        has_rows = bool(items)
        self.restore_button.setEnabled(has_rows)
        self.purge_button.setEnabled(has_rows)

    def _selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in sorted(rows)]

    def _restore(self) -> None:
        ids = self._selected_ids()
        if ids:
            count = customers.restore(ids, self._context.staff)
            self._context.customers_changed.emit()
            self._context.notify(self.tr("已恢复 %1 位客户").replace("%1", str(count)))
            self._load()

    def _purge(self) -> None:
        ids = self._selected_ids()
        if not ids or not require_owner(self, self._context, "empty_trash"):
            return
        answer = QMessageBox.warning(
            self, self.tr("彻底删除"),
            self.tr("彻底删除 %1 位客户及其联系记录？此操作无法撤销。").replace("%1", str(len(ids))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            customers.purge(ids)
            self._context.customers_changed.emit()
            self._load()
