"""今日待办: overdue first, then due later today, then return visits; one click opens a case."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db import clock, deadlines
from db.case_search import TodayItem, today_items
from desktop.cases import labels

CASE_ROLE = Qt.ItemDataRole.UserRole + 1


class TodayView(QWidget):
    case_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.setObjectName("todayList")
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.items: list[TodayItem] = []

    def refresh(self) -> None:
        now = clock.now()
        self.items = today_items(now)
        self.list.clear()
        counts = {"overdue": 0, "today": 0, "visit": 0}
        titles = {"overdue": self.tr("已超时"), "today": self.tr("今天到期"),
                  "visit": self.tr("今日回访")}
        section = None
        for item in self.items:
            counts[item.section] += 1
            if item.section != section:
                section = item.section
                header = QListWidgetItem(titles[section], self.list)
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = QFont()
                font.setBold(True)
                header.setFont(font)
            self._add(item, now)
        if not self.items:
            empty = QListWidgetItem(self.tr("今天没有待办的工单，辛苦了！"), self.list)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        self.summary.setText(self.tr("超时 %1 · 今天到期 %2 · 回访 %3")
                             .replace("%1", str(counts["overdue"]))
                             .replace("%2", str(counts["today"]))
                             .replace("%3", str(counts["visit"])))

    def _add(self, item: TodayItem, now) -> None:
        row = item.row
        if item.section == "overdue":
            when = deadlines.overdue_text(item.at, now)
        elif item.at is not None:
            when = clock.to_local(item.at).strftime("%H:%M")
        else:
            when = row.return_visit_on.isoformat() if row.return_visit_on else ""
        what = labels.due_kind(row.due_kind) if item.section != "visit" else self.tr("回访买家满意度")
        if item.promise:
            what = self.tr("跟进：%1").replace("%1", item.promise)  # the words promised
        parts = [row.customer_name, labels.stage(row.stage), row.category, row.product]
        text = f"{when}  ·  {what}\n    " + " · ".join(p for p in parts if p)
        if row.staff_name:
            text += f"  ({row.staff_name})"
        entry = QListWidgetItem(text, self.list)
        entry.setData(CASE_ROLE, item.case_id)
        if item.section == "overdue":
            entry.setForeground(QBrush(labels.OVERDUE))
        elif item.section == "today":
            entry.setForeground(QBrush(labels.DUE_TODAY))

    def _open(self, entry: QListWidgetItem) -> None:
        case_id = entry.data(CASE_ROLE)
        if case_id is not None:
            self.case_requested.emit(case_id)
