"""The 客户 page: search and filters on top, the lazy list on the left, details on the right."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)

from db.customers import records as customers
from db.errors import REFRESH, SEARCH
from db.customers.search import CustomerQuery, count_live, warm_up
from db.trust import staff as staff_rules
from desktop import shortcuts
from desktop.context import AppContext
from desktop.errors import guarded
from desktop.security import require_owner
from desktop.widgets.empty_state import EmptyState
from desktop.customers import labels
from desktop.customers.contact_dialog import ContactDialog
from desktop.customers.detail_pane import CustomerDetailPane
from desktop.customers.form_dialog import CustomerFormDialog
from desktop.customers.merge_dialog import MergeDialog
from desktop.customers.table_model import CustomerTableModel
from desktop.customers.trash_dialog import TrashDialog
from desktop.widgets.combo import refill
from desktop.widgets.list_table import list_table


class CustomersPage(QWidget):
    current_customer_changed = Signal(object)  # customer id or None: other pages follow it

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._last_trashed: list[int] = []
        self._total: int | None = None
        # While typing, the top hit's details follow after a short pause so that each
        # keystroke only pays for the list.
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(120)
        self._detail_timer.timeout.connect(self._show_current_detail)
        self._typing = False
        self.model = CustomerTableModel(self)
        self._setup_ui()
        self._reload_filters()
        self._update_count()
        # The list shows from ids alone; the search copy (0.1-0.3 s for 50,000 customers)
        # loads just after the window is up, before anyone can type a search.
        QTimer.singleShot(300, warm_up)
        context.customers_changed.connect(self._on_data_changed)
        context.staff_list_changed.connect(self._reload_filters)

    # --- ui -----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("搜索称呼、手机号、微信、旺旺、标签，支持拼音首字母（如 zs）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_query)
        self.type_filter = QComboBox()
        self.tag_filter = QComboBox()
        self.staff_filter = QComboBox()
        for combo in (self.type_filter, self.tag_filter, self.staff_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_query)
        self.visit_due = QCheckBox(self.tr("待回访"))
        self.visit_due.toggled.connect(self._apply_query)
        self.new_button = QPushButton(self.tr("新建客户"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_customer)
        self.trash_button = QPushButton(self.tr("回收站"))
        self.trash_button.clicked.connect(self.open_trash)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.type_filter)
        bar.addWidget(self.tag_filter)
        bar.addWidget(self.staff_filter)
        bar.addWidget(self.visit_due)
        bar.addStretch(0)
        bar.addWidget(self.new_button)
        bar.addWidget(self.trash_button)

        self.table = list_table(
            "customerTable", self.model, CustomerTableModel.COLUMNS.index("updated_at"),
            # 下次回访 (8th) must end inside the list at the default 1280x800 (about 750 px).
            Qt.SortOrder.DescendingOrder, (90, 105, 90, 110, 60, 90, 70, 95, 120),
            multi_select=True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_customer())

        self.detail = CustomerDetailPane()
        self.detail.edit_requested.connect(self.edit_customer)
        self.detail.delete_requested.connect(lambda _id: self.delete_selected())
        self.detail.merge_requested.connect(self._merge)
        self.detail.add_contact_requested.connect(self._add_contact)

        # Where the list has nothing to show, say why and what to do instead of a blank grid.
        self.list_empty = EmptyState("", "")
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.list_empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([860, 360])

        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)

        delete = QAction(self.tr("删除客户"), self)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)

    def _reload_filters(self) -> None:
        refill(self.type_filter, self.tr("全部类型"),
             [(labels.customer_type(t.name, t.code), t.id) for t in customers.customer_types()])
        refill(self.tag_filter, self.tr("全部标签"), [(t, t) for t in customers.all_tags()])
        refill(self.staff_filter, self.tr("全部客服"),
             [(s.name, s.id) for s in staff_rules.active_staff()])

    # --- actions ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_customer(self) -> None:
        dialog = CustomerFormDialog(self._context, parent=self)
        dialog.open_existing.connect(self.select_customer)
        if dialog.exec() and dialog.saved_customer is not None:
            self._after_save(dialog.saved_customer.id, self.tr("已新建客户“%1”"),
                             dialog.saved_customer.name)

    def edit_customer(self, customer_id: int | None = None) -> None:
        from db.models import Customer
        customer_id = customer_id or self.current_customer_id()
        if customer_id is None:
            return
        customer = Customer.get_by_id(customer_id)
        dialog = CustomerFormDialog(self._context, customer, parent=self)
        dialog.open_existing.connect(self.select_customer)
        if dialog.exec() and dialog.saved_customer is not None:
            self._after_save(customer_id, self.tr("已保存“%1”"), dialog.saved_customer.name)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not require_owner(self, self._context, "delete_customers"):
            return
        count = customers.move_to_trash(ids, self._context.staff)
        self._last_trashed = ids
        self._context.customers_changed.emit()
        self._context.notify(self.tr("已将 %1 位客户移到回收站（%2 撤销）")
                             .replace("%1", str(count))
                             .replace("%2", shortcuts.hint(shortcuts.UNDO)))

    def can_undo_delete(self) -> bool:
        return bool(self._last_trashed)

    def undo_delete(self) -> None:
        if not self._last_trashed:
            return
        ids, self._last_trashed = self._last_trashed, []
        count = customers.restore(ids, self._context.staff)
        self._context.customers_changed.emit()
        self.select_customer(ids[0])
        self._context.notify(self.tr("已恢复 %1 位客户").replace("%1", str(count)))

    def open_trash(self) -> None:
        TrashDialog(self._context, self).exec()

    def select_customer(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        if row < 0:  # hidden by the current search or filters: show everything
            self.search.clear()
            self.visit_due.setChecked(False)
            for combo in (self.type_filter, self.tag_filter, self.staff_filter):
                combo.setCurrentIndex(0)
            row = self.model.row_of(customer_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def current_customer_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.customer_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.customer_id(r) for r in rows]
        return [i for i in ids if i is not None]

    def listed_ids(self) -> list[int]:
        """The customers the list shows now (search and filters applied), in its order."""
        return [self.model.customer_id(row) for row in range(self.model.rowCount())]

    # --- slots --------------------------------------------------------------------------
    @guarded(SEARCH)
    def _apply_query(self) -> None:
        current = self.model.query
        self.model.set_query(CustomerQuery(
            text=self.search.text(), type_id=self.type_filter.currentData(),
            tag=self.tag_filter.currentData(), staff_id=self.staff_filter.currentData(),
            visit_due=self.visit_due.isChecked(), sort=current.sort,
            descending=current.descending))
        self._update_count()
        self._typing = True
        # A search picks its first hit; a cleared search picks nobody, so that no reply is
        # ever filled for a buyer nobody chose (the palette then says 未指定客户).
        if self.model.rowCount() and self.search.text().strip():
            self.table.selectRow(0)
        else:
            self.table.selectionModel().clearSelection()
            self.table.selectionModel().setCurrentIndex(
                QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            self._show_current_detail()
        self._typing = False

    def _on_current_changed(self, _current, _previous) -> None:
        if self._typing:
            self._detail_timer.start()
        else:
            self._show_current_detail()

    def _show_current_detail(self) -> None:
        self._detail_timer.stop()
        customer_id = self.current_customer_id()
        self.detail.show_customer(customer_id)
        self.current_customer_changed.emit(customer_id)

    @guarded(REFRESH)
    def _on_data_changed(self) -> None:
        keep = self.current_customer_id()
        self._reload_filters()
        self.model.refresh()
        self._update_count(recount=True)
        QTimer.singleShot(0, warm_up)
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select_customer(keep)
        else:
            self.detail.show_customer(None)

    def _after_save(self, customer_id: int, message: str, name: str) -> None:
        self._context.customers_changed.emit()
        self.select_customer(customer_id)
        self.detail.show_customer(customer_id)
        self._context.notify(message.replace("%1", name))

    def _merge(self, customer_id: int) -> None:
        MergeDialog(self._context, customer_id, self).exec()

    def _add_contact(self, customer_id: int) -> None:
        if ContactDialog(self._context, customer_id, self).exec():
            self._context.customers_changed.emit()
            self._context.notify(self.tr("已添加联系记录"))

    def _update_count(self, recount: bool = False) -> None:
        if recount or self._total is None:
            self._total = count_live()
        shown, total = self.model.rowCount(), self._total
        self.count_label.setText(self.tr("显示 %1 / 共 %2 位客户").replace("%1", str(shown))
                                 .replace("%2", str(total)))
        if total == 0:
            self.list_empty.title.setText(self.tr("还没有客户"))
            # The platforms' order exports are most shops' fullest record of their buyers.
            self.list_empty.hint.setText(self.tr("点“新建客户”（%1）添加第一位客户，"
                                                 "或从“文件”菜单导入现有的 Excel 客户名单，\n"
                                                 "或导入从淘宝、拼多多、抖店下载的订单表：买家自动建档。")
                                         .replace("%1", shortcuts.hint(shortcuts.NEW_CUSTOMER)))
        elif shown == 0:
            self.list_empty.title.setText(self.tr("没有找到符合条件的客户"))
            self.list_empty.hint.setText(self.tr("试试更短的关键词、拼音首字母，或清除筛选条件。"))
        self.list_stack.setCurrentWidget(self.table if shown else self.list_empty)
