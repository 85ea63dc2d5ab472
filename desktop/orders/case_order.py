"""A case's order (items, logistics, receiver) and the customer's other orders, in the case
detail pane: what staff look up in the platform's backend while the buyer waits."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db.models import Case
from db.orders import records as orders
from db.orders.placeholders import order_of_case
from desktop.orders import labels

OTHERS_SHOWN = 5


class CaseOrderView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self.tr("订单"))
        self.title.setObjectName("sectionTitle")
        self.order = QLabel()
        self.order.setObjectName("caseOrder")
        self.order.setWordWrap(True)
        self.order.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.others_title = QLabel()
        self.others_title.setObjectName("muted")
        self.others = QListWidget()
        self.others.setObjectName("customerOtherOrders")
        self.others.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.order, self.others_title, self.others):
            layout.addWidget(widget)

    def show_case(self, case: Case) -> None:
        order = order_of_case(case)
        if order is not None:
            head = " · ".join(p for p in (
                labels.platform(order.platform), self.tr("订单 %1").replace("%1", order.order_no),
                labels.when(order.ordered_at), labels.yuan(order.amount_cents), order.status) if p)
            items = orders.items_text((i.title, i.sku, i.quantity)
                                      for i in orders.items_of(order.id))
            logistics = " ".join(p for p in (order.logistics_company, order.tracking_no) if p)
            receiver = " ".join(p for p in (order.receiver_name, order.receiver_phone,
                                            orders.address_text(order)) if p)
            lines = [head]
            for label, value in ((self.tr("商品"), items), (self.tr("物流"), logistics),
                                 (self.tr("收货"), receiver),
                                 (self.tr("买家留言"), order.buyer_message)):
                if value:
                    lines.append(self.tr("%1：%2").replace("%1", label).replace("%2", value))
            self.order.setText("\n".join(lines))
        elif case.order_no:
            self.order.setText(self.tr("订单 %1 不在已导入的订单中").replace("%1", case.order_no))
        else:
            self.order.setText(self.tr("未填订单号"))
        ids = [i for i in orders.order_ids_of_customer(case.customer_id)
               if order is None or i != order.id]
        self.others.clear()
        rows = orders.fetch_rows(ids[:OTHERS_SHOWN])
        for order_id in ids[:OTHERS_SHOWN]:
            row = rows[order_id]
            parts = (labels.when(row.ordered_at, with_time=False), labels.platform(row.platform),
                     row.order_no, row.items, labels.yuan(row.amount_cents), row.status)
            QListWidgetItem(" · ".join(p for p in parts if p), self.others)
        self.others_title.setText(self.tr("该客户的其他订单（%1）").replace("%1", str(len(ids))))
        self.others_title.setVisible(bool(ids))
        self.others.setVisible(bool(ids))
        # A shop that keeps no orders (or none of this buyer's) is not told so on every case.
        self.setVisible(order is not None or bool(ids))
