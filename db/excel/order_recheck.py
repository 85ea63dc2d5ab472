"""What another computer imported between an order import's preview and its write, read again
inside the write transaction (a team server serialises imports: db/excel/apply.py calls
`OrderImporter.recheck` under the lock).

- An order of the plan now on file becomes an update of it, never a second order; it keeps the
  customer the other computer linked it to.
- A new buyer of the plan now in the archive (the other computer created it from the same
  export, or someone typed it) is looked up again by the planner's keys (db/orders/buyers.py:
  account, full phone, name + address): its orders go to that customer, which gets only its
  empty fields filled, never renamed, as the roster import's recheck does (excel/matching.py).
"""
from __future__ import annotations

import datetime as dt

from peewee import chunked

from db.excel.kinds import Existing
from db.excel.plan import UPDATE, RowPlan
from db.excel.wording import Note
from db.models import Order
from db.orders import writing
from db.orders.buyers import BuyerIndex, fills, is_full_phone
from db.vocabulary import QT_TRANSLATE_NOOP

_NOTES = {  # the rows' notes, kind "joined" (counted by db/excel/notes.py)
    "order_joined": QT_TRANSLATE_NOOP("ImportNotes", "另一台电脑刚刚导入了订单 %1：本行改为更新它"),
    "buyer_joined": QT_TRANSLATE_NOOP("ImportNotes", "另一台电脑刚刚新增了客户“%1”：订单关联到这位客户，只补充空白的信息"),
}


def recheck(firsts: list[RowPlan]) -> int:
    """firsts: the plan's rows that carry an order (OrderRowPlan). The number of rows that met
    what another computer did."""
    return len(_orders_imported_since(firsts) | _buyers_created_since(firsts))


def _orders_imported_since(firsts: list[RowPlan]) -> set[int]:
    """New orders of the plan now on file: updates of them. The order keeps the customer the
    other computer linked it to; one it left unlinked gets the plan's."""
    new = {(r.order.platform, r.order.order_no): r for r in firsts
           if r.order.existing_id is None}
    met: set[int] = set()
    for platform in {p for p, _no in new}:
        numbers = [no for p, no in new if p == platform]
        for part in chunked(numbers, 500):
            for oid, no, owner in Order.select(Order.id, Order.order_no, Order.customer).where(
                    Order.platform == platform, Order.order_no.in_(part)).tuples():
                row = new[(platform, no)]
                order = row.order
                order.existing_id, order.changes = oid, writing.columns_written(order)
                order.replace_items = order.lines
                if owner is not None:
                    order.customer_id, order.new_buyer, order.fill = owner, None, {}
                    row.buyer = None
                elif order.customer_id is not None:
                    order.changes["customer"] = order.customer_id
                row.record = Existing(oid, {}, dt.datetime.min, label=no)
                row.status = UPDATE
                _joined(row, "order_joined", no)
                met.add(row.row)
    return met


def _buyers_created_since(firsts: list[RowPlan]) -> set[int]:
    """New buyers of the plan now in the archive, looked up again by the planner's keys
    (db.orders.buyers: account, full phone, name + address): their orders go to that customer,
    which gets only its empty fields filled (never renamed), once."""
    waiting: dict[str, list[RowPlan]] = {}
    for row in firsts:
        if row.order.new_buyer is not None and row.buyer is not None and row.buyer.keys():
            waiting.setdefault(row.order.new_buyer, []).append(row)
    if not waiting:
        return set()
    index = BuyerIndex(firsts[0].order.platform)  # the archive as it is now, in the lock
    met: set[int] = set()
    for buyer_rows in waiting.values():
        buyer = buyer_rows[0].buyer
        known, how = index.match(buyer)
        if known is None:
            continue
        taken = is_full_phone(buyer.phone) and index.phone_taken(buyer.phone, known.id)
        fill = {} if known.deleted else fills(known, buyer, taken)
        for row in buyer_rows:
            order = row.order
            order.new_buyer, order.customer_id, order.fill = None, known.id, fill
            fill = {}  # filled once, from the buyer's first order
            row.buyer, row.how = None, how
            if order.existing_id is not None:
                order.changes["customer"] = known.id
            _joined(row, "buyer_joined", known.label)
            met.add(row.row)
    return met


def _joined(row: RowPlan, key: str, *args) -> None:
    row.notes.insert(0, Note.of("joined", _NOTES[key], *args))
    row.reason = "；".join(row.notes)
