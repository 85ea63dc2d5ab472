"""The right-hand pane: one customer's fields, tags and contact log."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu, QPushButton,
    QScrollArea, QStackedLayout, QToolButton, QVBoxLayout, QWidget,
)

from db import clock, text
from db.customers import records as customers
from db.models import Customer
from desktop import shortcuts
from desktop.customers import labels
from desktop.widgets.empty_state import EmptyState
from desktop.widgets import wrapped_list


class CustomerDetailPane(QWidget):
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    merge_requested = Signal(int)
    add_contact_requested = Signal(int)
    customer_shown = Signal(object)  # the id now shown, or None: extra sections follow it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._customer_id: int | None = None
        self._setup_ui()
        self.show_customer(None)

    def _setup_ui(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.tags = QLabel()
        self.tags.setTextFormat(Qt.TextFormat.RichText)
        self.tags.setWordWrap(True)
        self.fields = QFormLayout()
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields.setHorizontalSpacing(12)
        self.edit_button = QPushButton(self.tr("编辑"))
        self.contact_button = QPushButton(self.tr("添加联系记录"))
        # Rare or destructive actions wait in a menu: the pane stays narrow in every language.
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("更多") + " ▾")  # the arrow never over the text
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        self.merge_action = more.addAction(self.tr("合并重复客户…"))
        more.addSeparator()
        self.delete_action = more.addAction(self.tr("删除（移到回收站）"))
        self.more_button.setMenu(more)
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.contact_button.clicked.connect(lambda: self._emit(self.add_contact_requested))
        self.merge_action.triggered.connect(lambda: self._emit(self.merge_requested))
        self.delete_action.triggered.connect(lambda: self._emit(self.delete_requested))
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.contact_button, self.more_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.contacts = QListWidget()
        self.contacts.setObjectName("contactLog")
        wrapped_list.keep_fitted(self.contacts)
        self.contacts.setAlternatingRowColors(True)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addWidget(self.tags)
        column.addLayout(buttons)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        column.addWidget(line)
        column.addLayout(self.fields)
        contacts_title = QLabel(self.tr("联系记录"))
        contacts_title.setObjectName("sectionTitle")
        column.addWidget(contacts_title)
        column.addWidget(self.contacts, 1)
        # Later areas (cases) add their own sections here.
        self.extra_sections = QVBoxLayout()
        column.addLayout(self.extra_sections)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.empty = EmptyState(self.tr("选择一位客户查看详情"), self.tr("或按 %1 新建客户")
                                .replace("%1", shortcuts.hint(shortcuts.NEW_CUSTOMER)))
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(scroll)

    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    def show_customer(self, customer_id: int | None) -> None:
        self._show(customer_id)
        self.customer_shown.emit(self._customer_id)

    def _show(self, customer_id: int | None) -> None:
        customer = Customer.get_or_none(Customer.id == customer_id) if customer_id else None
        if customer is None or customer.deleted_at is not None:
            self._customer_id = None
            self._stack.setCurrentIndex(0)
            return
        self._customer_id = customer.id
        self._stack.setCurrentIndex(1)
        self.title.setText(customer.name)
        kind = (labels.customer_type(customer.type.name, customer.type.code) if customer.type_id
                else self.tr("未分类"))
        self.subtitle.setText(f"{kind} · {labels.complaint_profile(customer.complaint_profile)}"
                              if customer.complaint_profile else kind)
        tags = customers.tag_names(customer.id)
        self.tags.setText(" ".join(
            f"<span style='background:#e0f2fe;color:#0369a1;'>&nbsp;{escape(t)}&nbsp;</span>"
            for t in tags))
        self.tags.setVisible(bool(tags))
        self._fill_fields(customer)
        self.contacts.clear()
        for entry in customers.contacts(customer.id):
            when = clock.to_local(entry.at).strftime("%Y-%m-%d %H:%M")
            who = entry.staff.name if entry.staff_id else ""
            head = " · ".join(p for p in (when, entry.channel, who) if p)
            QListWidgetItem(f"{head}\n{entry.summary}", self.contacts)
        if not self.contacts.count():
            QListWidgetItem(self.tr("还没有联系记录"), self.contacts).setFlags(Qt.ItemFlag.NoItemFlags)
        wrapped_list.fit(self.contacts)

    def _fill_fields(self, customer: Customer) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        names = labels.field_names()
        visit = ""
        if customer.next_visit:
            visit = customer.next_visit.isoformat()
            if customer.next_visit <= clock.today():
                visit += self.tr("（已到期）")
        rows = [
            ("phone", text.format_phone(customer.phone)),
            ("wechat", customer.wechat), ("qq", customer.qq),
            ("platform_account", labels.account_shown(customer.platform, customer.platform_account)
             or labels.platform_shown(customer.platform)),
            ("address", customer.address),
            ("staff", customer.staff.name if customer.staff_id else ""),
            ("next_visit", visit), ("notes", customer.notes),
        ]
        for key, value in rows:
            if not value:
                continue
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addRow(names[key], label)
        changed_by = customer.updated_by.name if customer.updated_by_id else ""
        stamp = clock.to_local(customer.updated_at).strftime("%Y-%m-%d %H:%M")
        meta = QLabel(self.tr("更新于 %1 %2").replace("%1", stamp).replace("%2", changed_by))
        meta.setObjectName("muted")
        meta.setWordWrap(True)  # a narrow pane (1024 px window) wraps it rather than cut it
        self.fields.addRow("", meta)

    def _emit(self, signal) -> None:
        if self._customer_id is not None:
            signal.emit(self._customer_id)
