"""Writing imported orders inside the caller's transaction: new buyers, what orders add to
known customers, new orders with their items, and updates of orders already on file.

An order is never doubled: (order_no, platform) is unique, and the plan turned every order
already on file into an update. New rows go in by batches (peewee builds SQL once per batch;
100,000 orders in 200 statements), and their ids are read back by order number, which works
the same on SQLite and PostgreSQL.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Callable

from peewee import chunked

from db import clock
from db.customers import records as customers
from db.customers.bulk import BulkWriter, indexes_rebuilt
from db.models import Customer, Order, Staff, database
from db.orders import repeat_buyers
from db.storage import dialect

BATCH = 500
# The Order columns an import writes (the rest are the row's own bookkeeping).
ORDER_COLUMNS = ("buyer_account", "status", "ordered_at", "paid_at", "shipped_at", "received_at",
                 "amount_cents", "receiver_name", "receiver_phone", "province", "city",
                 "district", "street", "logistics_company", "tracking_no", "buyer_message",
                 "seller_note")
_WRITTEN = frozenset(ORDER_COLUMNS)  # a set: a re-import asks of 100,000 orders' every value


@dataclasses.dataclass(slots=True)
class ItemData:
    title: str = ""
    sku: str = ""
    quantity: int = 1
    amount_cents: int | None = None

    def signature(self) -> tuple:
        return (self.title, self.sku, self.quantity, self.amount_cents)


@dataclasses.dataclass(slots=True)
class OrderData:
    """One order of the file as the plan decided it."""
    platform: str
    order_no: str
    values: dict  # ORDER_COLUMNS the file gives (empty ones left out)
    items: list[ItemData] = dataclasses.field(default_factory=list)
    lines: bool = True  # True: the items are the order's lines; False: a summary (淘宝 报表)
    existing_id: int | None = None  # the order on file
    changes: dict = dataclasses.field(default_factory=dict)  # columns that differ from it
    replace_items: bool = False  # the order on file gets the file's items
    customer_id: int | None = None  # a customer of the archive
    new_buyer: str | None = None  # or the key of the file's new customer
    moved_from: int | None = None  # the customer on file the order leaves for customer_id
    fill: dict = dataclasses.field(default_factory=dict)  # what it adds to customer_id
    customer_version: int = 0

    def order_amount(self) -> int | None:
        """The amount paid: the export's order amount, else the sum of its lines."""
        if self.values.get("amount_cents") is not None:
            return self.values["amount_cents"]
        amounts = [i.amount_cents for i in self.items if i.amount_cents is not None]
        return sum(amounts) if amounts else None


def columns_written(order: OrderData) -> dict:
    """The Order columns the file gives the order (empty ones left out), amount included."""
    out = {k: v for k, v in order.values.items() if k in _WRITTEN and v not in ("", None)}
    amount = order.order_amount()
    if amount is not None:
        out["amount_cents"] = amount
    return out


def item_signature(items) -> int:
    return hash(tuple(i.signature() if isinstance(i, ItemData) else tuple(i) for i in items))


def write(orders: list[OrderData], new_buyers: dict[str, dict], by: Staff | None,
          progress: Callable[[int], None]) -> None:
    """Write the confirmed orders. new_buyers: key -> the new customer's fields (name, phone,
    platform, platform_account, address), created once each, in key order."""
    now = clock.now()
    counts: dict[str, int] = {}
    for order in orders:
        if order.new_buyer is not None:
            counts[order.new_buyer] = counts.get(order.new_buyer, 0) + 1
    wanted = list(counts)
    # A new customer's orders are all in this file: one with enough of them is created with
    # the 回头客 tag (and its search text) rather than looked up and rewritten afterwards.
    tag, needed = repeat_buyers.settled_tag_name(), repeat_buyers.min_orders()
    created = _create_customers([{**new_buyers[k], "tags": (tag,)} if counts[k] >= needed
                                 else new_buyers[k] for k in wanted], by)
    buyer_ids = dict(zip(wanted, created))
    _fill_customers(orders, by, now)
    done = 0
    new = [o for o in orders if o.existing_id is None]
    items = sum(len(o.items) for o in new)
    # A year's orders into an empty table: SQLite builds each index once at the end instead of
    # inserting into it row by row (the same trick as the customers', customers/bulk.py).
    with indexes_rebuilt(len(new), "order"), indexes_rebuilt(items, "order_item"):
        for batch in chunked(new, BATCH):
            _insert(batch, buyer_ids, now)
            done += len(batch)
            progress(done)
    # Orders moving to another customer: their owners as on file now (inside the transaction:
    # another computer may have moved one since the plan), whose 回头客 tag is checked again.
    moving = [o.existing_id for o in orders if o.existing_id is not None and (
        "customer" in o.changes or o.new_buyer is not None)]
    owners = set()
    for part in chunked(moving, BATCH):
        owners.update(c for (c,) in Order.select(Order.customer).where(
            Order.id.in_(part), Order.customer.is_null(False)).tuples())
    for batch in chunked([o for o in orders if o.existing_id is not None], BATCH):
        _update(batch, buyer_ids, now)
        done += len(batch)
        progress(done)
    # The 回头客 tag follows the orders: every known buyer of the file is checked again, and
    # everyone an order left (one order left of two: the tag goes).
    repeat_buyers.mark_repeat_buyers({o.customer_id for o in orders if o.customer_id}, owners)
    progress(done)


def _create_customers(rows: list[dict], by: Staff | None) -> list[int]:
    if not rows:
        return []
    writer = BulkWriter(by)
    ids: list[int] = []
    with indexes_rebuilt(len(rows)):
        for batch in chunked(rows, BATCH):
            for values in batch:
                writer.insert(values)
            ids += writer.flush()
    return ids


def _fill_customers(orders: list[OrderData], by: Staff | None, now: dt.datetime) -> None:
    """Empty fields of known customers, filled from their orders (first order first)."""
    wanted: dict[int, dict] = {}
    for order in orders:
        if order.customer_id is not None and order.fill:
            for key, value in order.fill.items():
                wanted.setdefault(order.customer_id, {}).setdefault(key, value)
    for customer_id, values in wanted.items():
        customer = Customer.get_or_none(Customer.id == customer_id)
        if customer is None:
            continue
        values = {k: v for k, v in values.items() if not getattr(customer, k)}
        if not values:
            continue
        (Customer.update(**values, version=Customer.version + 1, updated_at=now,
                         updated_by=by.id if by is not None else None)
         .where(Customer.id == customer_id).execute())
        for key, value in values.items():
            setattr(customer, key, value)
        customers.refresh_search_text(customer)


_TIMES = ("ordered_at", "paid_at", "shipped_at", "received_at")
_AFTER_AMOUNT = ORDER_COLUMNS[ORDER_COLUMNS.index("amount_cents") + 1:]
assert ORDER_COLUMNS[:7] == ("buyer_account", "status", *_TIMES, "amount_cents")  # _insert's order
INSERT_COLUMNS = ("platform", "order_no", "customer_id", *ORDER_COLUMNS, "imported_at",
                  "updated_at")
ITEM_COLUMNS = ("order_id", "position", "title", "sku", "quantity", "amount_cents")


def _many(table: str, columns: tuple[str, ...], rows: list[tuple],
          ids: bool = False) -> list[int]:
    """One prepared INSERT for many rows: peewee builds its SQL per call, which costs more
    than the insert itself at 100,000 orders (bench/bench_orders.py). With ids: the new rows'
    ids, in order."""
    if not rows:
        return []
    cursor = database.connection().cursor()  # inside the caller's transaction
    head = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES'
    if dialect.is_postgres():
        from psycopg2.extras import execute_values  # noqa: PLC0415 - server only
        found = execute_values(cursor, head + " %s" + (" RETURNING id" if ids else ""), rows,
                               page_size=1000, fetch=ids)
        return [r[0] for r in found] if ids else []
    cursor.executemany(f"{head} ({dialect.marks(len(columns))})", rows)
    if not ids:
        return []
    last = cursor.execute("SELECT last_insert_rowid()").fetchone()[0]
    first = last - len(rows) + 1
    # One transaction holds the write lock, so SQLite numbers the rows one after another;
    # checked rather than assumed, since the items are linked by these ids.
    count = cursor.execute(f'SELECT COUNT(*) FROM "{table}" WHERE id BETWEEN ? AND ?',
                           (first, last)).fetchone()[0]
    if count != len(rows):
        raise RuntimeError("新订单的编号不连续，导入已撤回")
    return list(range(first, last + 1))


def _stamp(moment: dt.datetime | None):
    """A datetime as peewee stores it on SQLite (text); a server takes the datetime."""
    if moment is None or dialect.is_postgres():
        return moment
    return str(moment)


def _insert(batch: list[OrderData], buyer_ids: dict[str, int], now: dt.datetime) -> None:
    stamp = _stamp(now)
    as_text = not dialect.is_postgres()  # SQLite stores a datetime as peewee's text
    rows = []
    for order in batch:
        values = order.values
        get = values.get
        customer = (order.customer_id if order.new_buyer is None
                    else buyer_ids[order.new_buyer])
        times = [get(c) for c in _TIMES]
        if as_text:
            times = [str(t) if t is not None else None for t in times]
        rows.append((order.platform, order.order_no, customer, get("buyer_account", ""),
                     get("status", ""), *times, order.order_amount(),
                     *[get(c, "") for c in _AFTER_AMOUNT], stamp, stamp))
    ids = _many("order", INSERT_COLUMNS, rows, ids=True)
    _many("order_item", ITEM_COLUMNS, [
        (oid, n, i.title, i.sku, i.quantity, i.amount_cents)
        for oid, o in zip(ids, batch) for n, i in enumerate(o.items)])


def _update(batch: list[OrderData], buyer_ids: dict[str, int], now: dt.datetime) -> None:
    """Orders on file: what the export changed, one prepared UPDATE per set of changed columns
    (a month's orders all 已签收 now: one statement for them all), their items replaced.
    Each a statement of its own through peewee took 6.9 s for 83,369 changed orders."""
    stamp = _stamp(now)
    updates: dict[tuple[str, ...], list[tuple]] = {}
    replaced: list[OrderData] = []
    for order in batch:
        changes = dict(order.changes)
        if order.new_buyer is not None:
            changes["customer"] = buyer_ids[order.new_buyer]
        elif order.customer_id is not None and "customer" in order.changes:
            changes["customer"] = order.customer_id
        if changes:
            columns = tuple("customer_id" if c == "customer" else c for c in changes)
            updates.setdefault(columns, []).append(
                (*[_stamp(v) if isinstance(v, dt.datetime) else v for v in changes.values()],
                 stamp, order.existing_id))
        if order.replace_items:
            replaced.append(order)
    cursor = database.connection().cursor()  # inside the caller's transaction
    for columns, rows in updates.items():
        sets = ", ".join(f"{c} = ?" for c in (*columns, "updated_at"))
        cursor.executemany(dialect.sql(f'UPDATE "order" SET {sets} WHERE id = ?'), rows)
    if replaced:
        ids = [o.existing_id for o in replaced]
        cursor.execute(f"DELETE FROM order_item WHERE order_id IN ({dialect.marks(len(ids))})",
                       ids)
        _many("order_item", ITEM_COLUMNS, [
            (o.existing_id, n, i.title, i.sku, i.quantity, i.amount_cents)
            for o in replaced for n, i in enumerate(o.items)])
