"""今日待办: overdue first, then due later today, then return visits; one click opens a case."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from db import clock
from db.cases.search import TodayItem, today_counts, today_items
from desktop.cases import labels

SHOWN_PER_SECTION = 100  # more than a day's work; the list filters show the rest


class TodayView(QWidget):
    case_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.staff_id: int | None = None  # who is on duty, for "only mine"
        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.only_mine = QCheckBox(self.tr("只看我负责的"))
        self.only_mine.toggled.connect(lambda _on: self.refresh())
        self.list = QListWidget()
        self.list.setObjectName("todayList")
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_mine)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.items: list[TodayItem] = []
        self._case_ids: list[int | None] = []

    def refresh(self) -> None:
        now = clock.now()
        staff_id = self.staff_id if self.only_mine.isChecked() else None
        self.items = today_items(now, limit=SHOWN_PER_SECTION, staff_id=staff_id)
        counts = today_counts(now, staff_id=staff_id)
        self.list.clear()
        self._case_ids: list[int | None] = []  # per list row; None for headers
        titles = {"overdue": self.tr("已超时 %1 张"), "today": self.tr("今天到期 %1 张"),
                  "visit": self.tr("待回访 %1 位")}
        section = None
        bold = QFont()
        bold.setBold(True)
        for item in self.items:
            if item.section != section:
                section = item.section
                title = titles[section].replace("%1", str(counts[section]))
                if counts[section] > SHOWN_PER_SECTION:
                    title += self.tr("（显示最早的 %1 张）").replace("%1", str(SHOWN_PER_SECTION))
                header = QListWidgetItem(title, self.list)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable
                header.setFont(bold)
                self._case_ids.append(None)
            self._add(item, now)
        if not self.items:
            empty = QListWidgetItem(self.tr("今天没有待办的工单，辛苦了！"), self.list)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self._case_ids.append(None)
        self.summary.setText(self.tr("超时 %1 · 今天到期 %2 · 回访 %3")
                             .replace("%1", str(counts["overdue"]))
                             .replace("%2", str(counts["today"]))
                             .replace("%3", str(counts["visit"])))

    def _add(self, item: TodayItem, now) -> None:
        row = item.row
        if item.section == "overdue":
            when = labels.overdue_text(item.at, now)
        elif item.at is not None:
            when = clock.to_local(item.at).strftime("%H:%M")
        else:
            when = row.return_visit_on.isoformat() if row.return_visit_on else ""
        what = labels.due_kind(row.due_kind) if item.section != "visit" else self.tr("回访买家满意度")
        if item.promise:
            what = self.tr("跟进：%1").replace("%1", item.promise)  # the words promised
        parts = [row.customer_name, labels.stage(row.stage), labels.category(row.category),
                 row.product]
        text = f"{when}  ·  {what}\n    " + " · ".join(p for p in parts if p)
        if row.staff_name:
            text += f"  ({row.staff_name})"
        entry = QListWidgetItem(text, self.list)
        self._case_ids.append(item.case_id)
        if item.section == "overdue":
            entry.setForeground(QBrush(labels.OVERDUE))
        elif item.section == "today":
            entry.setForeground(QBrush(labels.DUE_TODAY))

    def _open(self, entry: QListWidgetItem) -> None:
        row = self.list.row(entry)
        case_id = self._case_ids[row] if 0 <= row < len(self._case_ids) else None
        if case_id is not None:
            self.case_requested.emit(case_id)
