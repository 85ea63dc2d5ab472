"""The customer's orders in the customer detail pane: count, total spent, first and last
order, and the orders newest first (a lazy table: 200 orders cost one page of rows)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from db.orders import records as orders
from desktop.orders import labels
from desktop.orders.table_model import OrderTableModel
from desktop.widgets.list_table import list_table

ROWS_SHOWN = 6  # the pane scrolls; the table scrolls inside it past this many


class CustomerOrdersSection(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = OrderTableModel(self)
        title = QLabel(self.tr("订单"))
        title.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.table = list_table("customerOrders", self.model, 0, Qt.SortOrder.DescendingOrder,
                                (84, 150, 72, 64, 52, 150, 150))
        self.table.setSortingEnabled(False)  # newest first, always
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.setFixedHeight(self.table.verticalHeader().defaultSectionSize() * ROWS_SHOWN
                                  + self.table.horizontalHeader().sizeHint().height() + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_customer(self, customer_id: int | None) -> None:
        self.model.set_query(customer_id)
        found = orders.summary(customer_id) if customer_id else None
        self.table.setVisible(bool(found and found.count))
        if not found or not found.count:
            self.summary.setText(self.tr("还没有订单（从“文件”菜单导入平台导出的订单）"))
            return
        self.summary.setText(
            self.tr("共 %1 笔订单 · 累计消费 %2 · 首单 %3 · 最近 %4")
            .replace("%1", str(found.count)).replace("%2", labels.yuan(found.total_cents))
            .replace("%3", labels.when(found.first_at, with_time=False))
            .replace("%4", labels.when(found.last_at, with_time=False)))


def attach(customers_page) -> CustomerOrdersSection:
    """Add the section to the customer page's detail pane and keep it in step with it."""
    section = CustomerOrdersSection()
    detail = customers_page.detail
    detail.extra_sections.addWidget(section)
    detail.customer_shown.connect(section.show_customer)
    return section
