"""Create or edit one customer, with validation and a duplicate check before saving."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLineEdit, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget,
)

from db import clock
from db.customers import records as customers
from db.customers.records import CustomerData, CustomerError
from db.errors import SAVE, StaleEdit
from db.models import Customer, CustomerType
from db.trust import staff as staff_rules
from desktop.context import AppContext
from desktop.customers import labels
from desktop.errors import guarded, said
from desktop.widgets.conflict_dialog import resolve
from desktop.widgets.error_label import ErrorLabel


class CustomerFormDialog(QDialog):
    """Emits open_existing(id) when the user chooses to open a duplicate instead of saving."""
    open_existing = Signal(int)

    def __init__(self, context: AppContext, customer: Customer | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._customer = customer
        self.saved_customer: Customer | None = None
        self.setWindowTitle(self.tr("编辑客户") if customer else self.tr("新建客户"))
        self.setMinimumWidth(520)
        self._setup_ui()
        # What the form loaded: the base of the three-way merge if someone saves meanwhile.
        self._base = CustomerData.of(customer) if customer else None
        self._load(self._base or CustomerData(
            staff_id=context.staff.id if context.staff else None,
            type_id=self._default_type_id()))

    # --- ui -----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例如：王女士、小李"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("手机或座机，可带 +86、空格、横线"))
        self.wechat = QLineEdit()
        self.qq = QLineEdit()
        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.platform.addItems([""] + labels.platforms())
        self.platform_account = QLineEdit()
        self.platform_account.setPlaceholderText(self.tr("旺旺名 / 拼多多 / 抖音 ID"))
        account_row = QHBoxLayout()
        account_row.addWidget(self.platform, 1)
        account_row.addWidget(self.platform_account, 2)
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(52)
        self.type = QComboBox()
        self.type.addItem(self.tr("（未分类）"), None)
        for ctype in customers.customer_types():
            self.type.addItem(labels.customer_type(ctype.name, ctype.code), ctype.id)
        self.profile = QComboBox()
        for code, name in labels.complaint_profiles():
            self.profile.addItem(name, code)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("多个标签用逗号或空格分开"))
        self.tags.setCompleter(QCompleter(customers.all_tags(), self))
        self.staff = QComboBox()
        self.staff.addItem(self.tr("（无）"), None)
        for member in staff_rules.active_staff():
            self.staff.addItem(member.name, member.id)
        self.has_visit = QCheckBox(self.tr("安排回访"))
        self.next_visit = QDateEdit()
        self.next_visit.setCalendarPopup(True)
        self.next_visit.setDisplayFormat("yyyy-MM-dd")
        self.has_visit.toggled.connect(self.next_visit.setEnabled)
        visit_row = QHBoxLayout()
        visit_row.addWidget(self.has_visit)
        visit_row.addWidget(self.next_visit, 1)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("称呼 *"), self.name)
        form.addRow(self.tr("手机"), self.phone)
        form.addRow(self.tr("微信"), self.wechat)
        form.addRow(self.tr("QQ"), self.qq)
        form.addRow(self.tr("平台账号"), account_row)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("客户类型"), self.type)
        form.addRow(self.tr("投诉类型"), self.profile)
        form.addRow(self.tr("标签"), self.tags)
        form.addRow(self.tr("负责客服"), self.staff)
        form.addRow(self.tr("下次回访"), visit_row)
        form.addRow(self.tr("备注"), self.notes)

        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._widgets = {"name": self.name, "phone": self.phone, "wechat": self.wechat,
                         "qq": self.qq, "platform": self.platform,
                         "platform_account": self.platform_account, "address": self.address,
                         "notes": self.notes, "complaint_profile": self.profile}

    def _load(self, data: CustomerData) -> None:
        self.name.setText(data.name)
        self.phone.setText(data.phone)
        self.wechat.setText(data.wechat)
        self.qq.setText(data.qq)
        self.platform.setCurrentText(data.platform)
        self.platform_account.setText(data.platform_account)
        self.address.setPlainText(data.address)
        self.type.setCurrentIndex(max(0, self.type.findData(data.type_id)))
        self.profile.setCurrentIndex(max(0, self.profile.findData(data.complaint_profile)))
        self.tags.setText(" ".join(data.tags))
        if data.staff_id is not None and self.staff.findData(data.staff_id) < 0:
            self.staff.addItem(self._staff_name(data.staff_id), data.staff_id)  # left the shop
        self.staff.setCurrentIndex(max(0, self.staff.findData(data.staff_id)))
        self.has_visit.setChecked(data.next_visit is not None)
        self.next_visit.setEnabled(data.next_visit is not None)
        visit = data.next_visit or clock.today()
        self.next_visit.setDate(QDate(visit.year, visit.month, visit.day))
        self.notes.setPlainText(data.notes)

    def data(self) -> CustomerData:
        tags = self.tags.text().replace("，", ",").replace("、", ",").replace(",", " ").split()
        return CustomerData(
            name=self.name.text(), phone=self.phone.text(), wechat=self.wechat.text(),
            qq=self.qq.text(), platform=self.platform.currentText(),
            platform_account=self.platform_account.text(),
            address=self.address.toPlainText(), type_id=self.type.currentData(),
            complaint_profile=self.profile.currentData(), staff_id=self.staff.currentData(),
            notes=self.notes.toPlainText(),
            next_visit=self.next_visit.date().toPython() if self.has_visit.isChecked() else None,
            tags=tags)

    # --- saving -------------------------------------------------------------------------
    @guarded(SAVE)
    def accept(self) -> None:
        data = self.data()
        try:
            cleaned = customers.clean(data)
        except CustomerError as exc:
            self._show_error(exc.field, said(exc))
            return
        exclude = self._customer.id if self._customer else None
        duplicates = customers.find_duplicates(cleaned, exclude_id=exclude)
        if duplicates and not self._confirm_duplicate(*duplicates[0]):
            return
        by = self._context.staff
        try:
            if self._customer is None:
                self.saved_customer = customers.create(data, by)
            else:
                self.saved_customer = customers.update(self._customer.id, data, by,
                                                       expected_version=self._customer.version,
                                                       base=self._base)
        except StaleEdit as exc:
            if exc.conflict is None:
                self._show_error("name", said(exc))
                return
            self.saved_customer = self._resolve(exc.conflict)
            if self.saved_customer is None:
                return  # cancelled: the form stays open with the user's edits
        except CustomerError as exc:
            self._show_error(getattr(exc, "field", "name"), said(exc))
            return
        super().accept()

    def _resolve(self, conflict) -> Customer | None:
        names = labels.field_names()
        names.update(type_id=names["type"], staff_id=names["staff"])
        by = self._context.staff
        try:
            return resolve(self, conflict, names, self._shown,
                           lambda c, choices: customers.save_resolved(c, choices, by))
        except (CustomerError, StaleEdit) as exc:
            self._show_error(getattr(exc, "field", "name"), said(exc))
            return None

    def _shown(self, field: str, value) -> str:
        """A value as the form shows it, for the side-by-side comparison."""
        if field == "type_id":
            ctype = CustomerType.get_or_none(CustomerType.id == value) if value else None
            return labels.customer_type(ctype.name, ctype.code) if ctype else ""
        if field == "staff_id":
            return self._staff_name(value) if value is not None else ""
        if field == "complaint_profile":
            return labels.complaint_profile(value) if value else ""
        if field == "tags":
            return "、".join(value)
        if field == "next_visit":
            return value.isoformat() if value else ""
        return str(value or "")

    def _confirm_duplicate(self, existing: Customer, field: str) -> bool:
        what = labels.field_names().get(field, field)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("可能是同一位客户"),
                          self.tr("已有客户“%1”使用相同的%2。\n要打开这位客户，还是仍然保存为新的记录？")
                          .replace("%1", existing.name).replace("%2", what), parent=self)
        open_button = box.addButton(self.tr("打开已有客户"), QMessageBox.ButtonRole.AcceptRole)
        save_button = box.addButton(self.tr("仍然保存"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_existing.emit(existing.id)
            self.reject()
            return False
        return box.clickedButton() is save_button

    def _show_error(self, field: str, message: str) -> None:
        self.error.show_message(message)
        widget = self._widgets.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _default_type_id() -> int | None:
        for ctype in customers.customer_types():
            if ctype.code == "new":
                return ctype.id
        return None

    @staticmethod
    def _staff_name(staff_id: int) -> str:
        from db.models import Staff
        member = Staff.get_or_none(Staff.id == staff_id)
        return member.name if member else "?"
