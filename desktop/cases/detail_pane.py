"""One case: who and what, the stage bar with its checklist and phrases, the next deadline,
remedies, promised follow-ups and the full timeline. Buttons open the step dialogs."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu,
    QPushButton, QScrollArea, QStackedLayout, QTableWidget, QTableWidgetItem, QToolButton,
    QVBoxLayout, QWidget,
)

from db import clock
from db.cases import deadlines, records as cases, timeline as case_timeline, workflow as wf
from db.models import Case
from desktop import shortcuts
from desktop.cases import labels
from desktop.cases.stage_snippets import StageSnippets
from desktop.orders.case_order import CaseOrderView
from desktop.widgets.empty_state import EmptyState
from desktop.widgets import wrapped_list

PROMISE_ROLE = Qt.ItemDataRole.UserRole + 1


class CaseDetailPane(QWidget):
    """Announces what the user asks for; the page opens the dialogs and refreshes."""
    customer_requested = Signal(int)
    action_requested = Signal(str, int)  # action name, case id (or remedy / promise id)
    case_shown = Signal(object)  # the case id now shown, or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._case_id: int | None = None
        self._version: int | None = None
        self.staff = None  # who is on duty: their own snippets and name fill the replies
        self._setup_ui()
        self.show_case(None)

    @property
    def case_id(self) -> int | None:
        return self._case_id

    @property
    def shown_version(self) -> int | None:
        """The version of the case as shown: a stage move checks it has not moved on."""
        return self._version

    # --- ui -----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.customer_link = QLabel()
        self.customer_link.setObjectName("customerLink")
        self.customer_link.linkActivated.connect(
            lambda _l: self._case_id and self.customer_requested.emit(self._customer_id))
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due = QLabel()
        self.due.setObjectName("caseDue")
        self.due.setWordWrap(True)  # "Next: …, due …" wraps in a narrow pane instead of widening it
        self.stage_bar = QHBoxLayout()
        self.stage_bar.setSpacing(4)
        self.stage_labels = {}
        for code, name in labels.stages():
            label = QLabel(name)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stage_labels[code] = label
            self.stage_bar.addWidget(label, 1)
        self.checklist = QLabel()
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.RichText)
        self.snippets = StageSnippets()
        self.order = CaseOrderView()

        # Two short rows and a menu: they must fit a narrow pane in Chinese and in English.
        self.buttons: dict[str, QPushButton] = {}
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for key, text, row in (("advance", self.tr("推进到下一步"), row1),
                               ("close", self.tr("结案…"), row1),
                               ("reopen", self.tr("重新打开…"), row1),
                               ("visit", self.tr("完成回访…"), row1),
                               ("remedy", self.tr("补救方案…"), row2),
                               ("promise", self.tr("约定跟进…"), row2)):
            button = QPushButton(text)
            button.setObjectName("primaryButton" if key == "advance" else f"case_{key}")
            button.clicked.connect(lambda _=False, k=key: self._emit(k))
            self.buttons[key] = button
            row.addWidget(button)
        self.more = QToolButton()
        # The arrow is part of the text: Qt's own indicator was drawn over the last character.
        self.more.setText(self.tr("更多") + " ▾")
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more)
        self.actions_menu: dict[str, QAction] = {}
        for key, text in (("note", self.tr("添加备注…")), ("letter", self.tr("致歉信…")),
                          ("edit", self.tr("编辑工单…"))):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, k=key: self._emit(k))
            self.actions_menu[key] = action
        self.more.setMenu(menu)
        row2.addWidget(self.more)
        row1.addStretch(1)
        row2.addStretch(1)

        self.remedies = QTableWidget(0, 4)
        self.remedies.setObjectName("remedyTable")
        self.remedies.setHorizontalHeaderLabels(
            [self.tr("补救方式"), self.tr("金额"), self.tr("状态"), self.tr("说明")])
        self.remedies.verticalHeader().hide()
        self.remedies.horizontalHeader().setStretchLastSection(True)
        self.remedies.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.remedies.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.remedies.cellDoubleClicked.connect(self._edit_remedy)
        self.promises = QListWidget()
        self.promises.setObjectName("promiseList")
        self.promises.itemDoubleClicked.connect(self._promise_done)
        self.timeline = QListWidget()
        self.timeline.setObjectName("caseTimeline")
        wrapped_list.keep_fitted(self.timeline)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setMinimumHeight(160)

        body = QWidget()
        column = QVBoxLayout(body)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.customer_link)
        column.addLayout(head)
        column.addWidget(self.subtitle)
        column.addWidget(self.description)
        column.addWidget(self.order)
        column.addWidget(self.due)
        column.addLayout(self.stage_bar)
        column.addWidget(self.checklist)
        column.addWidget(self._section(self.tr("本阶段快捷短语（单击复制）")))
        column.addWidget(self.snippets)
        column.addLayout(row1)
        column.addLayout(row2)
        column.addWidget(self._section(self.tr("补救方案（双击修改状态）")))
        column.addWidget(self.remedies)
        column.addWidget(self._section(self.tr("约定跟进（双击标记已跟进）")))
        column.addWidget(self.promises)
        column.addWidget(self._section(self.tr("时间线")))
        column.addWidget(self.timeline, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        # Room for the stage bar and the buttons in the interface language: the case list beside
        # it gives way (its table scrolls) rather than this pane scrolling sideways.
        scroll.setMinimumWidth(body.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width())
        self.empty = EmptyState(self.tr("选择一张工单查看详情"), self.tr("或按 %1 新建工单")
                                .replace("%1", shortcuts.hint(shortcuts.NEW_CASE)))
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(scroll)

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    # --- public -------------------------------------------------------------------------
    def show_case(self, case_id: int | None) -> None:
        case = Case.get_or_none(Case.id == case_id) if case_id else None
        changed = (case.id if case else None) != self._case_id
        if case is None:
            self._case_id = None
            self._stack.setCurrentIndex(0)
            if changed:
                self.case_shown.emit(None)
            return
        self._case_id, self._customer_id, self._version = case.id, case.customer_id, case.version
        self._stack.setCurrentIndex(1)
        customer = case.customer
        self.title.setText(self.tr("工单 #%1 · %2").replace("%1", str(case.id))
                           .replace("%2", customer.name))
        link_text = escape(self.tr("查看客户档案"))
        self.customer_link.setText(f"<a href='customer'>{link_text}</a>")
        bits = [labels.category(case.category), case.product, case.order_no and self.tr("订单 %1").replace(
            "%1", case.order_no), case.channel,
            labels.name_of(labels.emotions(), case.emotion) if case.emotion else "",
            labels.name_of(labels.severities(), case.severity),
            case.staff.name if case.staff_id else ""]
        self.subtitle.setText(" · ".join(b for b in bits if b))
        self.description.setText(case.description)
        self.description.setVisible(bool(case.description))
        self.order.show_case(case)
        self._show_due(case)
        self._show_stage(case)
        self.snippets.show_case(case, self.staff)
        self._show_remedies(case)
        self._show_promises(case)
        self._show_timeline(case)
        if changed:
            self.case_shown.emit(case.id)

    # --- parts --------------------------------------------------------------------------
    def _show_due(self, case: Case) -> None:
        now = clock.now()
        if case.stage == "closed":
            text = self.tr("已结案 · 满意度 %1 分").replace("%1", str(case.satisfaction or ""))
            if case.return_visit_on and case.return_visit_done_at is None:
                text += self.tr(" · %1 回访").replace("%1", case.return_visit_on.isoformat())
            self.due.setText(text)
            self.due.setStyleSheet("color: #15803d;")
            return
        if case.due_at is None:
            self.due.setText("")
            return
        status = deadlines.status(case.due_at, now)
        when = clock.to_local(case.due_at).strftime("%Y-%m-%d %H:%M")
        text = self.tr("下一步：%1，时限 %2").replace("%1", labels.due_kind(case.due_kind)) \
            .replace("%2", when)
        if status == "overdue":
            text += self.tr("（已超时）")
        elif status == "today":
            text += self.tr("（今天到期）")
        self.due.setText(text)
        color = {"overdue": labels.OVERDUE.name(), "today": labels.DUE_TODAY.name()}.get(
            status, "#334155")
        self.due.setStyleSheet(f"color: {color}; font-weight: 600;")

    def _show_stage(self, case: Case) -> None:
        position = wf.STAGES.index(case.stage)
        for index, code in enumerate(wf.STAGES):
            if index < position:
                style = "background:#dcfce7;color:#166534;"
            elif index == position:
                style = "background:#c2410c;color:white;font-weight:600;"  # 5:1
            else:
                style = "background:#f1f5f9;color:#475569;"
            self.stage_labels[code].setStyleSheet(style + "padding:6px;border-radius:4px;")
        items = "".join(f"<li>{escape(item)}</li>" for item in labels.checklist(case.stage))
        title = escape(self.tr("“%1”要做到：").replace("%1", labels.stage(case.stage)))
        self.checklist.setText(f"<b>{title}</b><ul style='margin:0'>{items}</ul>")
        is_open = case.stage != "closed"
        self.buttons["advance"].setVisible(is_open and case.stage != "followup")
        self.buttons["close"].setVisible(is_open)
        self.buttons["reopen"].setVisible(not is_open)
        self.buttons["visit"].setVisible(
            not is_open and case.return_visit_on is not None and case.return_visit_done_at is None)
        self.buttons["promise"].setEnabled(is_open)
        if is_open and case.stage != "followup":
            self.buttons["advance"].setText(self.tr("推进到“%1”").replace(
                "%1", labels.stage(wf.next_stage(case.stage))))

    def _show_remedies(self, case: Case) -> None:
        found = cases.remedies(case.id)
        self.remedies.setRowCount(len(found))
        self.remedies.setFixedHeight(min(150, 36 + 30 * max(1, len(found))))  # no empty band
        for row, remedy in enumerate(found):
            values = [labels.name_of(labels.remedy_types(), remedy.type),
                      labels.money(remedy.amount_cents),
                      labels.name_of(labels.remedy_statuses(), remedy.status), remedy.notes]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, remedy.id)
                self.remedies.setItem(row, column, item)

    def _show_promises(self, case: Case) -> None:
        self.promises.clear()
        now = clock.now()
        for promise in cases.promises(case.id):
            when = clock.to_local(promise.due_at).strftime("%m-%d %H:%M")
            if promise.done_at is not None:
                text = self.tr("✓ %1  %2（已跟进）").replace("%1", when).replace("%2", promise.text)
            else:
                text = f"{when}  {promise.text}"
            item = QListWidgetItem(text, self.promises)
            item.setData(PROMISE_ROLE, promise.id if promise.done_at is None else None)
            status = deadlines.status(promise.due_at, now) if promise.done_at is None else ""
            if status in ("overdue", "today"):
                item.setForeground(QBrush(labels.OVERDUE if status == "overdue"
                                          else labels.DUE_TODAY))
        self.promises.setVisible(self.promises.count() > 0)
        self.promises.setFixedHeight(min(100, 10 + 24 * max(1, self.promises.count())))

    def _show_timeline(self, case: Case) -> None:
        self.timeline.clear()
        for event in cases.timeline(case.id):
            when = clock.to_local(event.at).strftime("%Y-%m-%d %H:%M")
            who = event.staff.name if event.staff_id else ""
            head = " · ".join(p for p in (when, who, labels.stage(event.stage)) if p)
            QListWidgetItem(f"{head}\n{case_timeline.sentence(event)}", self.timeline)
        wrapped_list.fit(self.timeline)

    # --- slots --------------------------------------------------------------------------
    def _emit(self, action: str) -> None:
        if self._case_id is not None:
            self.action_requested.emit(action, self._case_id)

    def _edit_remedy(self, row: int, _column: int) -> None:
        item = self.remedies.item(row, 0)
        if item is not None:
            self.action_requested.emit("edit_remedy", item.data(Qt.ItemDataRole.UserRole))

    def _promise_done(self, item: QListWidgetItem) -> None:
        promise_id = item.data(PROMISE_ROLE)
        if promise_id is not None:
            self.action_requested.emit("promise_done", promise_id)
