"""New or edited case: pick the customer with instant search (or create one inline), then the
complaint itself. Logging a complaint should take well under a minute."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QStackedWidget, QVBoxLayout,
    QWidget,
)

from db import text
from db.cases import settings as case_settings, records as cases
from db.cases.records import CaseData, CaseError
from db.customers import records as customers
from db.customers.records import CustomerData, CustomerError
from db.customers.search import CustomerQuery, fetch_rows, search_ids
from db.errors import SAVE, StaleEdit
from db.models import Case, Customer, Order, Staff
from db.orders import records as orders
from db.trust import staff as staff_rules
from desktop.cases import labels
from desktop.context import AppContext
from desktop.customers import labels as customer_labels
from desktop.errors import guarded, said
from desktop.orders import labels as order_labels
from desktop.widgets.conflict_dialog import resolve

MATCHES_SHOWN = 30
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomerPicker(QGroupBox):
    """Search the archive as you type; or switch to a two-field inline new customer."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("客户"), parent)
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("输入称呼、手机、旺旺或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setObjectName("customerMatches")
        self.matches.setMaximumHeight(120)
        self.nothing = QLabel()  # a search that finds nobody says so, and what to do
        self.nothing.setObjectName("muted")
        self.nothing.setWordWrap(True)
        self.nothing.hide()
        self.new_button = QPushButton(self.tr("新客户…"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("称呼，例如：王女士"))
        self.new_phone = QLineEdit()
        self.new_phone.setPlaceholderText(self.tr("手机（可不填）"))
        self.new_account = QLineEdit()
        self.new_account.setPlaceholderText(self.tr("旺旺 / 平台账号（可不填）"))
        self.back_button = QPushButton(self.tr("从档案中选择"))

        pick = QWidget()
        pick_layout = QVBoxLayout(pick)
        pick_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.new_button)
        pick_layout.addLayout(row)
        pick_layout.addWidget(self.matches)
        pick_layout.addWidget(self.nothing)
        create = QWidget()
        create_layout = QFormLayout(create)
        create_layout.setContentsMargins(0, 0, 0, 0)
        create_layout.addRow(self.tr("称呼 *"), self.new_name)
        create_layout.addRow(self.tr("手机"), self.new_phone)
        create_layout.addRow(self.tr("平台账号"), self.new_account)
        create_layout.addRow("", self.back_button)
        self.stack = QStackedWidget()
        self.stack.addWidget(pick)
        self.stack.addWidget(create)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.search.textChanged.connect(self._search)
        self.new_button.clicked.connect(self.start_new)
        self.back_button.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        self._search()

    @property
    def creating(self) -> bool:
        return self.stack.currentIndex() == 1

    def start_new(self) -> None:
        if self.search.text().strip() and not self.new_name.text():
            self.new_name.setText(self.search.text().strip())
        self.stack.setCurrentIndex(1)
        self.new_name.setFocus()

    def select(self, customer_id: int) -> None:
        customer = Customer.get_by_id(customer_id)
        self.matches.clear()
        self._add(customer.id, customer.name, customer.phone, customer.platform_account)
        self.matches.setCurrentRow(0)

    def customer_id(self) -> int | None:
        item = self.matches.currentItem()
        return item.data(CUSTOMER_ROLE) if item is not None else None

    def new_customer(self) -> CustomerData:
        return CustomerData(name=self.new_name.text(), phone=self.new_phone.text(),
                            platform_account=self.new_account.text())

    def _search(self) -> None:
        ids = search_ids(CustomerQuery(text=self.search.text()))[:MATCHES_SHOWN]
        rows = fetch_rows(ids)
        self.matches.clear()
        for cid in ids:
            row = rows[cid]
            self._add(cid, row.name, row.phone, row.platform_account)
        if self.search.text().strip() and self.matches.count():
            self.matches.setCurrentRow(0)
        wanted = self.search.text().strip()
        self.nothing.setText(self.tr("没有找到“%1”的客户。点“新客户…”直接新建。").replace("%1", wanted))
        self.nothing.setVisible(bool(wanted) and not ids)

    def _add(self, cid: int, name: str, phone: str, account: str) -> None:
        extra = " · ".join(p for p in (text.format_phone(phone), account) if p)
        item = QListWidgetItem(f"{name}    {extra}" if extra else name, self.matches)
        item.setData(CUSTOMER_ROLE, cid)


class CaseFormDialog(QDialog):
    def __init__(self, context: AppContext, case: Case | None = None,
                 customer_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._case = case
        self.saved_case: Case | None = None
        self.setWindowTitle(self.tr("编辑工单") if case else self.tr("新建售后工单"))
        self.setMinimumWidth(560)
        self._setup_ui()
        # What the form loaded: the base of the three-way merge if someone saves meanwhile.
        self._base = CaseData.of(case) if case else None
        self._load(self._base or CaseData(
            customer_id=customer_id, staff_id=context.staff.id if context.staff else None))

    def _setup_ui(self) -> None:
        self.picker = CustomerPicker()
        self.order_no = QLineEdit()
        self.order_no.setPlaceholderText(self.tr("粘贴订单号或快递单号，自动带出买家和商品"))
        self.order_no.textEdited.connect(self._look_up_order)
        self.order_found = QLabel()  # what the number found, and what it filled
        self.order_found.setObjectName("orderFound")
        self.order_found.setWordWrap(True)
        self.order_found.hide()
        self.found_order: Order | None = None
        self.product = QLineEdit()
        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.addItems([""] + customer_labels.channels())
        self.category = QComboBox()
        self.category.addItem(self.tr("（请选择）"), "")
        for name in case_settings.categories():
            self.category.addItem(labels.category(name), name)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("尽量用买家的原话记录问题"))
        self.description.setFixedHeight(80)
        self.emotion = QComboBox()
        for code, name in labels.emotions():
            self.emotion.addItem(name, code)
        self.profile = QComboBox()
        for code, name in customer_labels.complaint_profiles():
            self.profile.addItem(name, code)
        self.severity = QComboBox()
        for code, name in labels.severities():
            self.severity.addItem(name, code)
        self.staff = QComboBox()
        self.staff.addItem(self.tr("（无）"), None)
        for member in staff_rules.active_staff():
            self.staff.addItem(member.name, member.id)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("订单号"), self.order_no)
        form.addRow("", self.order_found)
        form.addRow(self.tr("商品"), self.product)
        form.addRow(self.tr("渠道"), self.channel)
        form.addRow(self.tr("问题分类"), self.category)
        form.addRow(self.tr("问题描述 *"), self.description)
        form.addRow(self.tr("买家情绪"), self.emotion)
        form.addRow(self.tr("投诉类型"), self.profile)
        form.addRow(self.tr("严重程度"), self.severity)
        form.addRow(self.tr("负责客服"), self.staff)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.picker.search.setFocus()
        self.picker.matches.currentRowChanged.connect(lambda _row: self._customer_picked())

    def _customer_picked(self) -> None:
        """A new case inherits the buyer's complaint profile until the user picks one."""
        customer_id = self.picker.customer_id()
        if self._case is None and customer_id and not self.profile.currentData():
            profile = Customer.get_by_id(customer_id).complaint_profile
            self.profile.setCurrentIndex(max(0, self.profile.findData(profile)))

    def _look_up_order(self, typed: str) -> None:
        """A typed or pasted number finds its order (any platform, or by tracking number) and
        fills what is still empty: the buyer, the product. The amount and logistics are
        shown; nothing the user typed is replaced."""
        order = orders.find_order(typed)
        self.found_order = order
        if order is None:
            wanted = orders.clean_number(typed)
            self.order_found.setText(self.tr("没有找到订单“%1”：可以照常填写").replace("%1", wanted)
                                     if len(wanted) >= 6 else "")
            self.order_found.setVisible(bool(self.order_found.text()))
            return
        filled, notes = [], []
        if order.order_no != orders.clean_number(typed):  # found by its tracking number
            filled.append(self.tr("订单号"))
        if self.order_no.text() != order.order_no:  # the bare number, without what came along
            self.order_no.setText(order.order_no)
        chosen = self.picker.customer_id()
        if order.customer_id and not self.picker.creating and chosen is None:
            self.picker.select(order.customer_id)
            filled.append(self.tr("买家"))
        elif order.customer_id and chosen not in (None, order.customer_id):
            owner = Customer.get_by_id(order.customer_id)
            notes.append(self.tr("这笔订单的买家是“%1”").replace("%1", owner.name))
        items = orders.items_of(order.id)
        if items and not self.product.text().strip():
            self.product.setText(items[0].title)
            filled.append(self.tr("商品"))
            if len(items) > 1:
                notes.append(self.tr("订单共 %1 种商品，已填第一种").replace("%1", str(len(items))))
        parts = [order_labels.platform(order.platform),
                 order_labels.when(order.ordered_at, with_time=False),
                 order_labels.yuan(order.amount_cents), order.status,
                 " ".join(p for p in (order.logistics_company, order.tracking_no) if p)]
        found = self.tr("找到订单：%1").replace("%1", " · ".join(p for p in parts if p))
        if filled:
            notes.insert(0, self.tr("已填入%1").replace("%1", self.tr("、").join(filled)))
        self.order_found.setText("\n".join([found, self.tr("；").join(notes)]) if notes
                                 else found)
        self.order_found.show()
        # The lines under the field must not push the buttons out of a dialog already shown.
        wanted = self.sizeHint().height()
        if self.isVisible() and self.height() < wanted:
            self.resize(self.width(), wanted)

    def _load(self, data: CaseData) -> None:
        if data.customer_id:
            self.picker.select(data.customer_id)
        self.order_no.setText(data.order_no)
        self.product.setText(data.product)
        self.channel.setCurrentText(data.channel)
        if data.category and self.category.findData(data.category) < 0:
            self.category.addItem(data.category, data.category)  # a since-removed category
        self.category.setCurrentIndex(max(0, self.category.findData(data.category)))
        self.description.setPlainText(data.description)
        for combo, value in ((self.emotion, data.emotion), (self.profile, data.complaint_profile),
                             (self.severity, data.severity), (self.staff, data.staff_id)):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def data(self) -> CaseData:
        return CaseData(customer_id=self.picker.customer_id(), order_no=self.order_no.text(),
                        product=self.product.text(), channel=self.channel.currentText(),
                        category=self.category.currentData(),
                        description=self.description.toPlainText(),
                        emotion=self.emotion.currentData(),
                        complaint_profile=self.profile.currentData(),
                        severity=self.severity.currentData(), staff_id=self.staff.currentData())

    @guarded(SAVE)
    def accept(self) -> None:
        by = self._context.staff
        try:
            if self._case is not None:
                self.saved_case = cases.update(self._case.id, self.data(), by,
                                               expected_version=self._case.version,
                                               base=self._base)
            elif self.picker.creating:
                buyer = customers.new_customer_defaults(self.picker.new_customer(), by)
                self.saved_case = cases.create_with_customer(buyer, self.data(), by)
            else:
                self.saved_case = cases.create(self.data(), by)
        except StaleEdit as exc:
            if exc.conflict is None:
                self.error.setText(said(exc))
                self.error.show()
                return
            self.saved_case = self._resolve(exc.conflict)
            if self.saved_case is None:
                return  # cancelled: the form stays open with the user's edits
        except (CaseError, CustomerError) as exc:
            self.error.setText(said(exc))
            self.error.show()
            return
        super().accept()

    def _resolve(self, conflict) -> Case | None:
        names = {"customer_id": self.tr("客户"), "order_no": self.tr("订单号"),
                 "product": self.tr("商品"), "channel": self.tr("渠道"),
                 "category": self.tr("问题分类"), "description": self.tr("问题描述"),
                 "emotion": self.tr("买家情绪"), "complaint_profile": self.tr("投诉类型"),
                 "severity": self.tr("严重程度"), "staff_id": self.tr("负责客服")}
        by = self._context.staff
        try:
            return resolve(self, conflict, names, self._shown,
                           lambda c, choices: cases.save_resolved(c, choices, by))
        except (CaseError, CustomerError, StaleEdit) as exc:
            self.error.setText(said(exc))
            self.error.show()
            return None

    @staticmethod
    def _shown(field: str, value) -> str:
        """A value as the form shows it, for the side-by-side comparison."""
        if value is None or value == "":
            return ""
        if field == "customer_id":
            customer = Customer.get_or_none(Customer.id == value)
            return customer.name if customer else "?"
        if field == "staff_id":
            member = Staff.get_or_none(Staff.id == value)
            return member.name if member else "?"
        named = {"emotion": labels.emotions(), "severity": labels.severities(),
                 "complaint_profile": customer_labels.complaint_profiles()}.get(field)
        return dict(named).get(value, value) if named else str(value)
