"""What an order fills in a quick reply: {订单号} {商品} {快递公司} {快递单号} {收货地址}
{下单时间}. A case's own order wins; the palette, without a case, uses the customer's latest
order and says so (`LATEST_NOTE`)."""
from __future__ import annotations

from db import clock
from db.models import Case, Order
from db.orders import records
from db.vocabulary import QT_TRANSLATE_NOOP

ORDER_PLACEHOLDERS = ("订单号", "商品", "快递公司", "快递单号", "收货地址", "下单时间")
LATEST_NOTE = QT_TRANSLATE_NOOP("orders", "订单信息取自该客户最近一笔订单：%1")


def order_placeholder_values(order: Order | None) -> dict[str, str]:
    if order is None:
        return {}
    ordered = (clock.to_local(order.ordered_at).strftime("%Y-%m-%d %H:%M")
               if order.ordered_at else "")
    values = {
        "订单号": order.order_no,
        "商品": records.items_text((i.title, i.sku, i.quantity)
                                   for i in records.items_of(order.id)),
        "快递公司": order.logistics_company,
        "快递单号": order.tracking_no,
        "收货地址": records.address_text(order),
        "下单时间": ordered,
    }
    return {k: v for k, v in values.items() if v}


def order_of_case(case: Case) -> Order | None:
    """The order a case is about: its number among the orders of its customer first (two
    platforms may share a number), else any order with that number."""
    found = records.find_orders(case.order_no) if case.order_no else []
    mine = [o for o in found if o.customer_id == case.customer_id]
    return (mine or found or [None])[0]


def case_order_values(case: Case) -> dict[str, str]:
    """The order's values for a reply about this case. The case's own 订单号 and 商品, as
    typed, are the case's: the order fills only the rest."""
    return order_placeholder_values(order_of_case(case))


def latest_order_values(customer_id: int | None) -> tuple[dict[str, str], Order | None]:
    """The customer's latest order's values, and that order (for the palette to name it)."""
    order = records.latest_order(customer_id) if customer_id else None
    return order_placeholder_values(order), order
