"""A customer's orders as a record: save one, list them newest first, sum them up, and find
one by a number someone typed or pasted (the order number on any platform, or the tracking
number)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from peewee import fn

from db import clock
from db.errors import FieldError
from db.models import Order, OrderItem, database
from db.orders import repeat_buyers
from db.orders.vocabulary import PLATFORMS
from db.vocabulary import QT_TRANSLATE_NOOP

# What a pasted number may carry around it: a label copied with it (订单号：…, 运单号: …),
# the quotes and = of a CSV cell kept as text (="2024…"), spaces of any width.
_LABEL = re.compile(r"^[^\d:：]{0,8}[:：]")
_WRAPPING = "\"'=“”‘’`"
ORDER_FIELDS = ("buyer_account", "status", "ordered_at", "paid_at", "shipped_at", "received_at",
                "amount_cents", "receiver_name", "receiver_phone", "province", "city",
                "district", "street", "logistics_company", "tracking_no", "buyer_message",
                "seller_note")


class OrderError(FieldError):
    """Invalid order input."""
    context = "OrderError"


@dataclasses.dataclass(frozen=True)
class ItemData:
    title: str
    sku: str = ""
    quantity: int = 1
    amount_cents: int | None = None


@dataclasses.dataclass(frozen=True)
class OrderRow:
    """One order as the lists show it, its lines folded into `items` text."""
    id: int
    platform: str  # code: PLATFORMS.label(platform) for the interface language
    order_no: str
    ordered_at: dt.datetime | None  # naive UTC
    status: str
    amount_cents: int | None
    items: str
    logistics_company: str
    tracking_no: str

    @property
    def logistics(self) -> str:
        return " ".join(p for p in (self.logistics_company, self.tracking_no) if p)


@dataclasses.dataclass(frozen=True)
class OrderSummary:
    count: int
    total_cents: int
    first_at: dt.datetime | None
    last_at: dt.datetime | None


def clean_number(raw: str) -> str:
    """The number inside what was typed or pasted: '订单号：1234 5678 ' -> '12345678'."""
    value = "".join((raw or "").split())  # every kind of space, tabs and line breaks too
    value = _LABEL.sub("", value, count=1)
    return value.strip(_WRAPPING)


def save_order(platform: str, order_no: str, customer_id: int | None,
               items: list[ItemData] | tuple = (), **fields) -> Order:
    """Create the order, or update the one with the same number on the same platform (its
    lines replaced); its buyer's 回头客 tag follows (db.orders.repeat_buyers)."""
    number = clean_number(order_no)
    if platform not in PLATFORMS.codes():
        raise OrderError("platform", QT_TRANSLATE_NOOP("OrderError", "未知的平台：%1"), platform)
    if not number:
        raise OrderError("order_no", QT_TRANSLATE_NOOP("OrderError", "订单号不能为空"))
    unknown = set(fields) - set(ORDER_FIELDS)
    if unknown:
        raise OrderError(sorted(unknown)[0], QT_TRANSLATE_NOOP("OrderError", "订单没有这一项：%1"),
                         sorted(unknown)[0])
    now = clock.now()
    with database.atomic():
        order = Order.get_or_none((Order.order_no == number) & (Order.platform == platform))
        before = order.customer_id if order is not None else None
        if order is None:
            order = Order(platform=platform, order_no=number, imported_at=now)
        order.customer = customer_id
        for name, value in fields.items():
            setattr(order, name, "" if value is None and name not in _NULLABLE else value)
        order.updated_at = now
        order.save()
        OrderItem.delete().where(OrderItem.order == order.id).execute()
        if items:
            OrderItem.insert_many([
                {"order": order.id, "position": i, "title": item.title, "sku": item.sku,
                 "quantity": item.quantity, "amount_cents": item.amount_cents}
                for i, item in enumerate(items)]).execute()
        repeat_buyers.mark_repeat_buyers([customer_id] if customer_id else [],
                                         [before] if before and before != customer_id else [])
    return order


_NULLABLE = {"ordered_at", "paid_at", "shipped_at", "received_at", "amount_cents"}


def order_ids_of_customer(customer_id: int) -> list[int]:
    """The customer's orders, newest first (read from the (customer, ordered_at) index)."""
    query = (Order.select(Order.id).where(Order.customer == customer_id)
             .order_by(Order.ordered_at.desc(nulls="LAST"), Order.id.desc()))
    return [order_id for (order_id,) in query.tuples()]


def fetch_rows(ids: list[int]) -> dict[int, OrderRow]:
    """Rows for these orders (two queries whatever their number): what a list page shows."""
    if not ids:
        return {}
    items: dict[int, list[tuple]] = {}
    for order_id, title, sku, quantity in (
            OrderItem.select(OrderItem.order, OrderItem.title, OrderItem.sku, OrderItem.quantity)
            .where(OrderItem.order.in_(ids)).order_by(OrderItem.order, OrderItem.position)
            .tuples()):
        items.setdefault(order_id, []).append((title, sku, quantity))
    rows = {}
    for (oid, platform, number, ordered_at, status, amount, company, tracking) in (
            Order.select(Order.id, Order.platform, Order.order_no, Order.ordered_at,
                         Order.status, Order.amount_cents, Order.logistics_company,
                         Order.tracking_no).where(Order.id.in_(ids)).tuples()):
        rows[oid] = OrderRow(oid, platform, number, ordered_at, status, amount,
                             items_text(items.get(oid, [])), company, tracking)
    return rows


def summary(customer_id: int) -> OrderSummary:
    count, total, first, last = (
        Order.select(fn.COUNT(Order.id), fn.SUM(Order.amount_cents), fn.MIN(Order.ordered_at),
                     fn.MAX(Order.ordered_at))
        .where(Order.customer == customer_id).tuples().get())
    return OrderSummary(count or 0, int(total or 0), _as_datetime(first), _as_datetime(last))


def _as_datetime(value) -> dt.datetime | None:
    """MIN/MAX come back as the stored text on SQLite (no column type to convert by)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def find_orders(raw: str) -> list[Order]:
    """Orders whose number, on any platform, or tracking number is what was typed or pasted;
    order numbers first, then the newest."""
    number = clean_number(raw)
    if not number:
        return []
    by_number = list(Order.select().where(Order.order_no == number)
                     .order_by(Order.ordered_at.desc(nulls="LAST"), Order.id.desc()))
    by_tracking = list(Order.select().where(Order.tracking_no == number)
                       .order_by(Order.ordered_at.desc(nulls="LAST"), Order.id.desc()))
    return by_number + [o for o in by_tracking if o not in by_number]


def find_order(raw: str) -> Order | None:
    found = find_orders(raw)
    return found[0] if found else None


def latest_order(customer_id: int) -> Order | None:
    return (Order.select().where(Order.customer == customer_id)
            .order_by(Order.ordered_at.desc(nulls="LAST"), Order.id.desc()).first())


def items_of(order_id: int) -> list[OrderItem]:
    return list(OrderItem.select().where(OrderItem.order == order_id)
                .order_by(OrderItem.position, OrderItem.id))


def items_text(items) -> str:
    """'连衣裙（红色 M）×2、腰带': what the order's lines read as in one line."""
    words = []
    for title, sku, quantity in items:
        word = title + (f"（{sku}）" if sku else "")
        words.append(word + (f"×{quantity}" if quantity and quantity != 1 else ""))
    return "、".join(w for w in words if w)


def address_text(order: Order) -> str:
    """The receiver's address in one line, as written in China: 省市区 then the street (a
    municipality exported as 上海 / 上海市 is written once)."""
    parts: list[str] = []
    for part in (order.province, order.city, order.district, order.street):
        part = (part or "").strip()
        if part and parts and part.rstrip("省市") == parts[-1].rstrip("省市"):
            parts[-1] = part  # the fuller spelling: 上海市
        elif part:
            parts.append(part)
    return "".join(parts)
