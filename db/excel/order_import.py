"""The platforms' order exports, planned row by row: whose export it is (db.orders.platforms),
which order each row belongs to, which buyer placed it, and what a re-import changes.

- Rows of one order (one per item: 拼多多, 抖店, 微信小店, 淘宝's 宝贝报表) become one order:
  its first row carries the order (new / update / unchanged), the others are its lines (LINE).
  A row repeated in the file (same sub-order, or the same cells) is a DUPLICATE.
- An order already on file (same platform and order number) is updated where the export says
  something new (status, logistics, times ...), never doubled. A masked value never replaces a
  full one. Items of a line-per-item export replace the order's items; 淘宝's order report,
  which only sums them up (宝贝标题), fills items only where the order has none.
- The buyer: db.orders.buyers (account on the same platform, full phone, name + address),
  else one new customer per buyer of the file; a buyer the platform masked entirely is left
  unlinked, said so. A match never renames a customer: a different receiver name is noted.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from typing import Callable

from peewee import chunked

from db.excel import order_recheck
from db.excel.errors import ExcelError, listed
from db.excel.headers import HeaderGuess
from db.excel.kinds import Existing, Kind
from db.excel.plan import (
    DUPLICATE, INVALID, LINE, NEW, UNCHANGED, UPDATE, ImportOptions, Label, Note, RowPlan,
    problem,
)
from db.excel.read import Table
from db.excel.values import parse_code
from db.models import Order, Staff, database
from db.storage import dialect
from db.orders import platforms, writing
from db.orders.buyers import (
    FILL_WORDS, HOW_WORDS, Buyer, BuyerIndex, Known, fills, is_full_phone, masked,
)
from db.orders.vocabulary import PLATFORMS
from db.vocabulary import QT_TRANSLATE_NOOP, Word, translate
from db.orders.writing import ItemData, OrderData

_TIMES = ("ordered_at", "paid_at", "shipped_at", "received_at")
_TEXTS = ("buyer_account", "status", "receiver_name", "province", "city", "district",
          "logistics_company", "tracking_no", "buyer_message", "seller_note")
_TRACKING = re.compile(r"^\s*([^\d\s:：,，;；]+)[\s:：,，;；]*([A-Za-z0-9-]{6,})\s*$")
_QUANTITY = re.compile(r"^\s*(\d+)(?:\.0+)?\s*[件个]?\s*$")


@dataclasses.dataclass(slots=True)  # 100,000 rows: no __dict__ each
class OrderRowPlan(RowPlan):
    order: OrderData | None = None
    buyer: Buyer | None = None  # the new customer this order creates (shared by its orders)
    how: str = ""  # how the customer was found: BY_ACCOUNT ...
    chosen: str = ""  # how the platform was chosen (the summary says it once)


class OrderImporter:
    """The orders kind's importer (db/excel/kinds.Importer)."""

    def planner(self, kind: Kind, table: Table, header: HeaderGuess,
                options: ImportOptions | None = None):
        layout, said = choose_layout((options or ImportOptions()).platform, header.headers,
                                     table.file)
        return _Planner(layout, said, table, header).decide

    def apply(self, rows: list[RowPlan], by: Staff | None,
              progress: Callable[[int], None]) -> None:
        orders, buyers = [], {}
        for r in rows:
            order = getattr(r, "order", None)
            if order is None:
                continue
            orders.append(order)
            if order.new_buyer is not None and order.new_buyer not in buyers:
                buyers[order.new_buyer] = _customer_fields(r.buyer)  # once per buyer
        writing.write(orders, buyers, by, progress)

    def summary(self, rows: list[RowPlan]) -> str:
        return describe(rows)

    def recheck(self, kind: Kind, rows: list[RowPlan]) -> int:
        """Inside the write transaction (imports serialised on a server), what another computer
        imported since the plan: an order it imported becomes an update of it, never a second
        order; a new buyer it created (the same export, or a roster) is joined, never created
        twice. The number of rows that met either."""
        return order_recheck.recheck([r for r in rows if getattr(r, "order", None) is not None])


# A row's notes (the wizard words them in the interface language, db/excel/plan.Note).
_NOTES = {
    "new": QT_TRANSLATE_NOOP("ImportNotes", "新订单"),
    "update": QT_TRANSLATE_NOOP("ImportNotes", "已有订单，将更新：%1"),
    "unchanged": QT_TRANSLATE_NOOP("ImportNotes", "已有订单，没有变化"),
    "line": QT_TRANSLATE_NOOP("ImportNotes", "订单 %1 的第 %2 件商品，随第 %3 行导入"),
    "duplicate": QT_TRANSLATE_NOOP("ImportNotes", "与第 %1 行重复（同一订单 %2），本行未导入"),
    "found": QT_TRANSLATE_NOOP("ImportNotes", "客户“%1”（按%2找到）"),
    "trashed": QT_TRANSLATE_NOOP("ImportNotes", "客户“%1”在回收站中，订单仍关联到这位客户"),
    "hidden": QT_TRANSLATE_NOOP("ImportNotes", "买家信息被平台隐藏（没有账号、完整手机和姓名），订单未关联客户"),
    "same_buyer": QT_TRANSLATE_NOOP("ImportNotes", "新客户“%1”（与本文件前面的订单是同一位）"),
    "name_only": QT_TRANSLATE_NOOP("ImportNotes", "新客户“%1”（表格中只有姓名，不与其他订单合并）"),
    "new_buyer": QT_TRANSLATE_NOOP("ImportNotes", "新客户“%1”"),
    "moved": QT_TRANSLATE_NOOP("ImportNotes", "订单将从客户“%1”改到客户“%2”（按%3找到）"),
    "fill": QT_TRANSLATE_NOOP("ImportNotes", "将补充客户的%1"),
    "other_name": QT_TRANSLATE_NOOP("ImportNotes", "收货人“%1”与档案中的称呼“%2”不同，客户档案未修改"),
    "masked_phone": QT_TRANSLATE_NOOP("ImportNotes", "表格中的手机已被平台隐藏，保留档案中的号码"),
}


_PLAIN: dict[tuple, Note] = {}  # emptied when a plan starts (_Planner)
_NO_NUMBER = problem(QT_TRANSLATE_NOOP("ImportNotes", "缺少订单号"))


def _note(key: str, *args) -> Note:
    """kind "order": not one the summary counts. A note is made once per key and arguments
    within a plan (a repeat buyer's rows share theirs)."""
    found = _PLAIN.get((key, args))
    if found is None:
        found = _PLAIN[(key, args)] = Note.of("order", _NOTES[key], *args)
    return found


# What an update changes, as the preview names it: the columns' labels (ExcelWords); the
# order's customer is a word inside the sentence ("customer", not the kind "Customers").
_CUSTOMER = Word("BuyerWords", QT_TRANSLATE_NOOP("BuyerWords", "客户"))
_CHANGED = {"status": Label("订单状态"), "logistics_company": Label("快递公司"),
            "tracking_no": Label("快递单号"), "shipped_at": Label("发货时间"),
            "received_at": Label("收货时间"), "paid_at": Label("付款时间"),
            "amount_cents": Label("实付金额"), "seller_note": Label("商家备注"), "customer": _CUSTOMER}


_HOW = {how: Word("BuyerWords", text) for how, text in HOW_WORDS.items()}
_FILLED = {field: Word("BuyerWords", text) for field, text in FILL_WORDS.items()}


def _row(number: int, status: str, values: dict, note: Note) -> OrderRowPlan:
    return OrderRowPlan(number, status, str(note), values, notes=[note])


# The summary's words (the wizard shows them in the interface language; the command line and
# a Chinese interface as written). %1... are filled in by _say.
_SAYS = {
    "auto": QT_TRANSLATE_NOOP("OrderImport", "%1订单导出（按表头识别）"),
    "given": QT_TRANSLATE_NOOP("OrderImport", "%1订单导出（指定）"),
    "items_auto": QT_TRANSLATE_NOOP("OrderImport", "淘宝宝贝报表（按表头识别）"),
    "items_given": QT_TRANSLATE_NOOP("OrderImport", "淘宝宝贝报表（指定为淘宝）"),
    "orders": QT_TRANSLATE_NOOP("OrderImport", "订单：新增 %1，更新 %2，无变化 %3"),
    "buyers": QT_TRANSLATE_NOOP("OrderImport", "客户：新建 %1 位，匹配已有 %2 位（按平台账号 %3，"
                                               "按手机 %4，按姓名和地址 %5）"),
    "filled": QT_TRANSLATE_NOOP("OrderImport", "补充 %1 位已有客户的空白信息"),
    "hidden": QT_TRANSLATE_NOOP("OrderImport", "%1 个订单的买家信息被平台隐藏，未关联客户"),
    "moved": QT_TRANSLATE_NOOP("OrderImport", "%1 个已有订单改到按本文件找到的另一位客户"),
    "sep": QT_TRANSLATE_NOOP("OrderImport", "；"),
}


def _say(key: str, *args) -> str:
    text = translate("OrderImport", _SAYS[key])
    for n, arg in reversed(list(enumerate(args, start=1))):
        text = text.replace(f"%{n}", str(arg))
    return text


def choose_layout(platform: str, headers: list[str], file) -> tuple[platforms.Layout, str]:
    """The layout to read the sheet with, and how it was chosen: "auto" or "given" (with
    "items_" before it for 淘宝's 宝贝报表)."""
    found, _score = platforms.detect(headers)
    if platform and platform != platforms.AUTO:
        if platform not in PLATFORMS.labels:
            raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "不认识的平台“%1”（可选：%2）"), platform,
                             listed((*PLATFORMS.codes(), "auto")))
        if found is not None and platforms.is_item_report(found) and platform == "taobao":
            return found, "items_given"
        return platforms.layout(platform), "given"
    if found is None:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "看不出这是哪个平台的订单导出（表头里没有淘宝、拼多多、抖店或微信小店特有的"
                                           "列名）；请用 --platform 指定平台，或在向导中选择"), file=file)
    return found, "items_auto" if platforms.is_item_report(found) else "auto"


def _customer_fields(buyer: Buyer) -> dict:
    return {"name": buyer.customer_name[:100], "phone": buyer.phone if is_full_phone(buyer.phone)
            else "", "platform": buyer.platform_word, "platform_account": buyer.account
            if not masked(buyer.account) else "", "address": buyer.address
            if not masked(buyer.address) else ""}


_OFFSETS: dict[int, dt.timedelta] = {}


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    """A platform's local time -> naive UTC, as every timestamp is stored (db.clock). The
    offset is looked up once per hour of the calendar (400,000 times for a year's orders)."""
    if moment is None:
        return None
    hour = moment.toordinal() * 24 + moment.hour
    offset = _OFFSETS.get(hour)
    if offset is None:
        offset = _OFFSETS[hour] = moment.astimezone(dt.timezone.utc).replace(tzinfo=None) - moment
    return moment + offset


_AT = {column: at for at, column in enumerate(writing.ORDER_COLUMNS)}
_TIME_AT = tuple(_AT[column] for column in _TIMES)


class _OnFile(Mapping):
    """An order's columns on file (writing.ORDER_COLUMNS), kept as a tuple: a re-import of a
    year's 83,000 orders holds them all, and as dicts they took 80 MB more."""
    __slots__ = ("_values",)

    def __init__(self, values: tuple):
        self._values = values

    def __getitem__(self, column: str):
        return self._values[_AT[column]]

    def __iter__(self):
        return iter(writing.ORDER_COLUMNS)

    def __len__(self) -> int:
        return len(writing.ORDER_COLUMNS)


def _rows(head: str, part: list, *first, order: str = "") -> list[tuple]:
    """head + "(?, ?, ...)" for the part's values, after any first ones."""
    sql = f"{dialect.sql(head)}({dialect.marks(len(part))}){order}"
    return database.execute_sql(sql, (*first, *part)).fetchall()


def _stored_time(value):
    """A time as the database gives it back: SQLite's text (peewee's form), a server's
    datetime."""
    if value is None or isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return Order.ordered_at.python_value(value)


def _line_key(order_no: str, values: dict) -> tuple:
    """What tells one line of an order from another: its sub-order number, else what it is."""
    sub = values.get("sub_order_no")
    if sub:
        return (order_no, sub)
    return (order_no, values.get("title"), values.get("sku"), values.get("quantity"),
            values.get("line_amount"), values.get("unit_price"), values.get("receiver_name"))


def _quantity(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdecimal() and text.isascii():  # most cells: a plain count
        return int(text)
    match = _QUANTITY.match(text)
    return int(match.group(1)) if match else None


class _Planner:
    def __init__(self, layout: platforms.Layout, said: str, table: Table, header: HeaderGuess):
        _PLAIN.clear()  # the cache grows with one plan, not with every plan made
        self.layout = layout
        self.said = said
        self.item_report = platforms.is_item_report(layout)
        self.platform = layout.platform
        self.word = PLATFORMS.source(self.platform)
        self.buyers = BuyerIndex(self.platform)
        self.orders: dict[str, OrderRowPlan] = {}  # order number -> the row carrying it
        self.lines_seen: dict[tuple, int] = {}
        self.keyed: set[int] = set()  # first rows whose line key is in lines_seen
        self.last: OrderRowPlan | None = None
        self.said_notes: dict[int, list[str]] = {}  # first row -> its notes about the buyer
        self.existing = self._existing(table, header)

    # --- what is on file ------------------------------------------------------------------
    def _existing(self, table: Table, header: HeaderGuess) -> dict[str, tuple]:
        """The orders on file that the sheet names: number -> (id, customer id, columns as a
        tuple in writing.ORDER_COLUMNS' order, item signature, item count). Only those: a
        shop's 300,000 orders stay in the database."""
        if not Order.select().where(Order.platform == self.platform).exists():
            return {}  # the platform's first import: nothing to look up
        column = next((c for c, k in enumerate(header.mapping) if k == "order_no"), None)
        numbers = set()
        for raw in table.rows[header.row_index + 1:]:
            if column is not None and column < len(raw) and raw[column] not in (None, ""):
                try:
                    number = parse_code(raw[column])
                except ValueError:
                    continue
                if number:
                    numbers.add(number)
        # Hand-written SQL: peewee built each 500-number IN list value by value and turned
        # every column of 183,000 rows through its converters (a re-import of 100,000 rows:
        # 2.4 of its 6 s of planning).
        found: dict[str, tuple] = {}
        head = (f'SELECT id, order_no, customer_id, {", ".join(writing.ORDER_COLUMNS)} '
                'FROM "order" WHERE platform = ? AND order_no IN ')
        for part in chunked(sorted(numbers), 500):
            for row in _rows(head, part, self.platform):
                values = list(row[3:])
                for at in _TIME_AT:
                    values[at] = _stored_time(values[at])
                found[row[1]] = (row[0], row[2], tuple(values))
        items: dict[int, list] = {}
        head = ('SELECT order_id, title, sku, quantity, amount_cents FROM order_item '
                'WHERE order_id IN ')
        for part in chunked([v[0] for v in found.values()], 500):
            for oid, *item in _rows(head, part, order=" ORDER BY order_id, position"):
                items.setdefault(oid, []).append(tuple(item))
        return {no: (*v, writing.item_signature(items.get(v[0], [])), len(items.get(v[0], [])))
                for no, v in found.items()}

    # --- one row ----------------------------------------------------------------------------
    def decide(self, number: int, values: dict, record_id, stamp) -> RowPlan:
        order_no = values.get("order_no")
        if not order_no:
            if self.last is not None and values.get("title"):  # an item row under its order
                order_no = self.last.order.order_no
            else:
                return _row(number, INVALID, values, _NO_NUMBER)
        item = self._item(values)
        first = self.orders.get(order_no)
        if first is not None:
            return self._another_row(number, values, item, first)
        return self._first_row(number, order_no, values, item)

    def _item(self, values: dict) -> ItemData | None:
        if not values.get("title") and not values.get("sku"):
            return None
        quantity = _quantity(values.get("quantity")) or 1
        amount = values.get("line_amount")
        if amount is None and values.get("unit_price") is not None:
            amount = values["unit_price"] * quantity
        return ItemData(values.get("title", ""), values.get("sku", ""), quantity, amount)

    def _another_row(self, number: int, values: dict, item: ItemData | None,
                     first: OrderRowPlan) -> RowPlan:
        order = first.order
        if first.row not in self.keyed:  # the first row's key, made when a second row comes
            self.keyed.add(first.row)
            self.lines_seen.setdefault(_line_key(order.order_no, first.values), first.row)
        key = _line_key(order.order_no, values)
        if key in self.lines_seen or not self.layout.line_rows:
            seen = self.lines_seen.get(key, first.row)
            return _row(number, DUPLICATE, values, _note("duplicate", seen, order.order_no))
        self.lines_seen[key] = number
        if item is not None:
            order.items.append(item)
        for column, value in self._columns(values).items():  # a later row may say more
            order.values.setdefault(column, value)
        if order.existing_id is not None:
            self._settle(first)
        return _row(number, LINE, values, _note("line", order.order_no, len(order.items), first.row))

    def _first_row(self, number: int, order_no: str, values: dict,
                   item: ItemData | None) -> RowPlan:
        columns = self._columns(values)
        order = OrderData(self.platform, order_no, columns, [item] if item else [],
                          lines=self.layout.line_rows)
        row = OrderRowPlan(number, NEW, "", values, order=order, chosen=self.said)
        self.orders[order_no] = row
        self.last = row
        notes: list[str] = []
        existing = self.existing.get(order_no)
        if existing is not None:
            order.existing_id = existing[0]
            row.record = Existing(existing[0], _OnFile(existing[2]), dt.datetime.min,
                                  label=order_no)
        customer_id = existing[1] if existing is not None else None
        if customer_id is not None:
            if not self.item_report:
                self._buyer_again(row, customer_id, columns, notes)
        elif not self.item_report:
            self._find_buyer(row, columns, notes)
        self.said_notes[number] = notes
        if existing is None:
            row.notes = [_note("new"), *notes]
            row.reason = "；".join(row.notes)
        else:
            self._settle(row)
        return row

    def _columns(self, values: dict) -> dict:
        """The Order columns a row gives (the 宝贝报表 only its status: its 备注 is an item's)."""
        if self.item_report:
            return {"status": values["status"]} if values.get("status") else {}
        out = {k: values[k] for k in _TEXTS if values.get(k)}
        for key in _TIMES:
            if values.get(key) is not None:
                out[key] = _utc(values[key])
        if values.get("amount") is not None:
            out["amount_cents"] = values["amount"]
        if values.get("receiver_phone"):
            out["receiver_phone"] = values["receiver_phone"]
        street = " ".join(v for v in (values.get("street"), values.get("detail")) if v)
        if values.get("address") and not (out.get("province") or street):
            province, city, district, street = platforms.split_address(values["address"])
            out.update({k: v for k, v in (("province", province), ("city", city),
                                          ("district", district)) if v})
        if street:
            out["street"] = street
        info = values.get("tracking_info")
        if info and not out.get("tracking_no"):
            match = _TRACKING.match(info)
            if match:
                out.setdefault("logistics_company", match.group(1))
                out["tracking_no"] = match.group(2)
        return out

    # --- the buyer ----------------------------------------------------------------------------
    def _buyer(self, columns: dict) -> Buyer:
        address = platforms.joined_address(columns.get("province", ""), columns.get("city", ""),
                                           columns.get("district", ""), columns.get("street", ""))
        return Buyer(self.platform, self.word, columns.get("buyer_account", ""),
                     columns.get("receiver_name", ""), columns.get("receiver_phone", ""), address)

    def _find_buyer(self, row: OrderRowPlan, columns: dict, notes: list[str]) -> None:
        order = row.order
        buyer = self._buyer(columns)
        keys = buyer.keys()
        known, how = self.buyers.match(buyer, keys)
        if known is not None:
            order.customer_id, row.how = known.id, how
            notes.append(_note("found", known.label, _HOW[how]))
            if known.deleted:
                notes.append(_note("trashed", known.label))
            self._fill(order, known, buyer, notes)
            return
        key, seen = self.buyers.new_buyer(buyer, keys)
        if key is None:
            notes.append(_note("hidden"))
            return
        order.new_buyer, row.buyer = key, self.buyers.new[key]
        name = row.buyer.customer_name
        if seen:
            notes.append(_note("same_buyer", name))
        elif not keys:
            notes.append(_note("name_only", name))
        else:
            notes.append(_note("new_buyer", name))

    def _buyer_again(self, row: OrderRowPlan, customer_id: int, columns: dict,
                     notes: list[str]) -> None:
        """An order on file with its customer: linked as a first import would link it today.
        The buyer's keys naming another customer (an account typed on a customer since, say)
        move the order there, never into the 回收站; found nowhere, it stays with its customer
        (never a new one)."""
        order = row.order
        order.customer_id = customer_id
        buyer = self._buyer(columns)
        known, how = self.buyers.match(buyer)
        if known is not None and known.id != customer_id and not known.deleted:
            before = self.buyers.by_id.get(customer_id)
            order.customer_id, order.moved_from, row.how = known.id, customer_id, how
            notes.append(_note("moved", before.label if before is not None else f"#{customer_id}",
                               known.label, _HOW[how]))
        else:
            known = self.buyers.by_id.get(customer_id)
        if known is not None:
            self._fill(order, known, buyer, notes)

    def _fill(self, order: OrderData, known: Known, buyer: Buyer, notes: list[str]) -> None:
        taken = is_full_phone(buyer.phone) and self.buyers.phone_taken(buyer.phone, known.id)
        order.fill = fills(known, buyer, taken)
        if order.fill:
            notes.append(_note("fill", tuple(_FILLED[k] for k in order.fill if k in _FILLED)))
        if buyer.name and not masked(buyer.name) and buyer.name != known.name:
            notes.append(_note("other_name", buyer.name, known.name))
        if masked(buyer.phone) and known.phone:
            notes.append(_note("masked_phone"))

    # --- an order on file ---------------------------------------------------------------
    def _settle(self, row: OrderRowPlan) -> None:
        """An order on file: what the export changes (status, logistics, times ...)."""
        order = row.order
        existing = self.existing[order.order_no]
        current = existing[2]
        changes = {}
        for column, value in writing.columns_written(order).items():
            before = current[_AT[column]]
            if value in ("", None) or value == before:
                continue
            if isinstance(value, str) and masked(value) and before:  # never over a full value
                continue
            changes[column] = value
        if order.customer_id is not None and order.customer_id != existing[1]:
            changes["customer"] = order.customer_id
        order.changes = changes
        # Before -> after in the preview and the report (columns that are fields of the kind;
        # times as the platform wrote them, local).
        shown = {"status", "logistics_company", "tracking_no", "seller_note", "buyer_message"}
        row.changes = {c: v for c, v in changes.items() if c in shown}
        if order.lines:
            order.replace_items = bool(order.items) and (
                writing.item_signature(order.items) != existing[3])
        else:  # a summary of the items only where the order has none
            order.replace_items = bool(order.items) and existing[4] == 0
        what = [_CHANGED[c] for c in changes if c in _CHANGED]
        if order.new_buyer is not None and _CUSTOMER not in what:
            what.append(_CUSTOMER)
        if len(changes) > len(what):
            what.append(Label("其他信息"))
        if order.replace_items:
            what.append(Label("商品"))
        if order.fill:  # the customer's empty fields, from this order (said by its own note)
            what.append(Label("客户信息"))
        row.status = (UPDATE if (changes or order.replace_items or order.new_buyer or order.fill)
                      else UNCHANGED)
        head = _note("update", tuple(what)) if row.status == UPDATE else _note("unchanged")
        row.notes = [head, *self.said_notes.get(row.row, [])]
        row.reason = "；".join(row.notes)


def describe(rows: list[RowPlan]) -> str:
    """The preview's and command line's words: whose export, orders, customers and how found."""
    firsts = [r for r in rows if getattr(r, "order", None) is not None]
    if not firsts:
        return ""
    counts = {s: sum(1 for r in firsts if r.status == s) for s in (NEW, UPDATE, UNCHANGED)}
    writes = [r for r in firsts if r.will_write]
    new_buyers = {r.order.new_buyer for r in writes if r.order.new_buyer is not None}
    matched: dict[int, str] = {}
    for r in writes:
        if r.how and r.order.customer_id is not None:
            matched.setdefault(r.order.customer_id, r.how)
    by_how = {how: sum(1 for h in matched.values() if h == how) for how in HOW_WORDS}
    hidden = sum(1 for r in firsts if r.order.customer_id is None and r.order.new_buyer is None
                 and r.order.existing_id is None and not r.chosen.startswith("items"))
    filled = len({r.order.customer_id for r in writes if r.order.fill})
    first = firsts[0]
    parts = [_say(first.chosen, PLATFORMS.label(first.order.platform)),
             _say("orders", counts[NEW], counts[UPDATE], counts[UNCHANGED]),
             _say("buyers", len(new_buyers), len(matched), *by_how.values())]
    if filled:
        parts.append(_say("filled", filled))
    moved = sum(1 for r in writes if r.order.moved_from is not None)
    if moved:
        parts.append(_say("moved", moved))
    if hidden:
        parts.append(_say("hidden", hidden))
    return _say("sep").join(parts)

