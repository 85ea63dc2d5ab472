"""The repeat buyer (回头客) tag, kept by the orders on file rather than typed by anyone.

The rule: a customer with at least `repeat_buyer_min_orders` orders (setting, default 2)
carries the tag `repeat_buyer_tag`; a customer with orders on file but fewer than that does
not. A customer without any order on file is left as people tagged them (a buyer known from
the shop counter or from before the first import), unless orders just moved away from them.

The tag's name is stored data that every computer of the shop shares, so it never follows
each person's interface language: the first time the tag is written it is chosen once (回头客
for a shop whose customers already carry 回头客, else the word of the interface language,
"Repeat buyer" in English) and kept in the setting.

When it runs: after every order saved (records.save_order), after an order import (the import
calls `mark_repeat_buyers(customer_ids)` with the buyers of the file), after two customers are
merged (their orders add up), and over everyone when the settings change.
"""
from __future__ import annotations

import dataclasses
from typing import Iterable

from peewee import fn

from db import pinyin
from db.customers import records as customers
from db.errors import FieldError
from db.models import Customer, CustomerTag, Order, Tag, database
from db.storage import dialect, named, settings
from db.vocabulary import QT_TRANSLATE_NOOP, translate

TAG_KEY = "repeat_buyer_tag"
MIN_ORDERS_KEY = "repeat_buyer_min_orders"
CHUNK = 500  # ids per IN (...): well under every driver's limit on parameters


@dataclasses.dataclass(frozen=True)
class Marked:
    added: list[int]
    removed: list[int]


# The tag of a shop that has none yet, in the interface language of whoever first needs it.
DEFAULT_TAG = QT_TRANSLATE_NOOP("RepeatBuyers", "回头客")


def tag_name() -> str:
    """The tag's name: the setting, else the one the shop would get now (nothing stored)."""
    return _stored() or _first_name()


def settled_tag_name() -> str:
    """The tag's name, stored the first time the tag is written to customers, so that it stays
    whichever language the next person's interface speaks."""
    name = _stored()
    if not name:
        name = _first_name()
        settings.put(TAG_KEY, name)
    return name


def _stored() -> str:
    return (settings.get(TAG_KEY) or "").strip()


def _first_name() -> str:
    """回头客 where customers carry it already (a shop from before the setting), else the
    default's word in the interface language."""
    if CustomerTag.select().join(Tag).where(Tag.name == DEFAULT_TAG).exists():
        return DEFAULT_TAG
    return translate("RepeatBuyers", DEFAULT_TAG).strip() or DEFAULT_TAG


def min_orders() -> int:
    return max(2, int(settings.get(MIN_ORDERS_KEY) or settings.DEFAULTS[MIN_ORDERS_KEY]))


def mark_repeat_buyers(customer_ids: Iterable[int] | None = None,
                       left: Iterable[int] = ()) -> Marked:
    """Bring the tag in line with the orders for these customers (None: every customer).
    left: customers orders just moved away from, whose tag follows even with no order left
    (the rule gave it; nobody typed it). Only rows that change are written: their version is
    bumped (an open form then merges) and their search text gains or loses the tag."""
    tag, needed = settled_tag_name(), min_orders()
    left = set(left)
    ids = None if customer_ids is None else sorted(set(customer_ids) | left)
    added: list[int] = []
    removed: list[int] = []
    with database.atomic():
        tag_id = named.id_for_name(Tag, tag)
        for chunk in ([None] if ids is None else _chunks(ids)):
            counts = dict(_scoped(Order.select(Order.customer, fn.COUNT(Order.id))
                                  .where(Order.customer.is_null(False)), Order.customer, chunk)
                          .group_by(Order.customer).tuples())
            for cid in (left if chunk is None else left.intersection(chunk)):
                counts.setdefault(cid, 0)
            tagged = {cid for (cid,) in _scoped(
                CustomerTag.select(CustomerTag.customer).where(CustomerTag.tag == tag_id),
                CustomerTag.customer, chunk).tuples()}
            live = {cid for (cid,) in _scoped(
                Customer.select(Customer.id).where(Customer.deleted_at.is_null()),
                Customer.id, chunk).tuples()}
            add = sorted(c for c, n in counts.items() if n >= needed and c not in tagged
                         and c in live)
            drop = sorted(c for c, n in counts.items() if n < needed and c in tagged)
            if add:
                database.cursor().executemany(dialect.sql(_TAG_SQL), [(c, tag_id) for c in add])
            for part in _chunks(drop):  # over everyone, thousands: IN (...) stays short
                CustomerTag.delete().where(CustomerTag.tag == tag_id,
                                           CustomerTag.customer.in_(part)).execute()
            _touch(add + drop)
            added += add
            removed += drop
    return Marked(added, removed)


def change_settings(tag: str, minimum: int) -> Marked:
    """Save a new tag name or minimum and apply it to everyone; under a new name, the old
    tag leaves the customers the rule tagged (those with orders), kept where people typed it."""
    tag = (tag or "").strip()
    if not tag:
        raise FieldError(TAG_KEY, QT_TRANSLATE_NOOP("FieldError", "回头客标签不能为空"))
    if not 2 <= int(minimum) <= 999:
        raise FieldError(MIN_ORDERS_KEY, QT_TRANSLATE_NOOP("FieldError", "回头客的订单数须在 2 到 999 之间"))
    old = tag_name()
    with database.atomic():
        dropped: list[int] = []
        if tag != old:
            old_tag = Tag.get_or_none(Tag.name == old)
            if old_tag is not None:
                with_orders = Order.select(Order.customer).where(Order.customer.is_null(False))
                dropped = [cid for (cid,) in CustomerTag.select(CustomerTag.customer).where(
                    CustomerTag.tag == old_tag.id,
                    CustomerTag.customer.in_(with_orders)).tuples()]
                for part in _chunks(dropped):
                    CustomerTag.delete().where(CustomerTag.tag == old_tag.id,
                                               CustomerTag.customer.in_(part)).execute()
        settings.put(TAG_KEY, tag)
        settings.put(MIN_ORDERS_KEY, int(minimum))
        marked = mark_repeat_buyers(None)
        _touch(sorted(set(dropped) - set(marked.added)))
    return Marked(marked.added, sorted(set(marked.removed) | (set(dropped) - set(marked.added))))


def _scoped(query, field, chunk: list[int] | None):
    return query if chunk is None else query.where(field.in_(chunk))


def _chunks(ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


_TAG_SQL = "INSERT INTO customer_tag (customer_id, tag_id) VALUES (?, ?)"
_UPDATE_SQL = "UPDATE customer SET search_text = ?, version = version + 1 WHERE id = ?"


def _touch(ids: list[int]) -> None:
    """The tags are part of the customer's form (version) and search text (the one formula,
    customers.records.search_text; pinyin from the table db.pinyin loads): an
    import that makes 30,000 repeat buyers must not spend a minute in pypinyin."""
    for chunk in _chunks(ids):
        tags: dict[int, list[str]] = {}
        for cid, name in (CustomerTag.select(CustomerTag.customer, Tag.name).join(Tag)
                          .where(CustomerTag.customer.in_(chunk))
                          .order_by(CustomerTag.id).tuples()):
            tags.setdefault(cid, []).append(name)
        rows = [(customers.search_text(name, phone, wechat, qq, account, tags.get(cid, []),
                                       pinyin.keys(name)[1]), cid)
                for cid, name, phone, wechat, qq, account in (
                    Customer.select(Customer.id, Customer.name, Customer.phone, Customer.wechat,
                                    Customer.qq, Customer.platform_account)
                    .where(Customer.id.in_(chunk)).tuples())]
        # One prepared statement for the chunk: building a peewee UPDATE per row cost 4x
        # the writing itself (measured: 47,000 customers, 36 s before).
        database.cursor().executemany(dialect.sql(_UPDATE_SQL), rows)
