"""Customer list queries: search-as-you-type, filters, sorting, and row fetching by page.

The list model asks for the matching ids once per keystroke (one indexed LIKE scan over a
pre-computed search column) and then fetches only the rows on screen.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from peewee import JOIN, fn

from db import clock, text
from db.models import Customer, CustomerTag, CustomerType, Staff, Tag

SORT_COLUMNS = {
    "name": Customer.name_key,
    "phone": Customer.phone,
    "wechat": Customer.wechat,
    "platform_account": Customer.platform_account,
    "type": CustomerType.position,
    "staff": Staff.name,
    "next_visit": Customer.next_visit,
    "updated_at": Customer.updated_at,
}


@dataclasses.dataclass
class CustomerQuery:
    text: str = ""
    type_id: int | None = None
    tag: str | None = None
    staff_id: int | None = None
    visit_due: bool = False  # next return visit is today or earlier
    sort: str = "updated_at"
    descending: bool = True


def search_ids(query: CustomerQuery, today: dt.date | None = None) -> list[int]:
    sort_field = SORT_COLUMNS.get(query.sort, Customer.updated_at)
    select = Customer.select(Customer.id).where(Customer.deleted_at.is_null())
    for term in text.search_terms(query.text):
        select = select.where(Customer.search_text ** text.like_pattern(term))
    if query.type_id is not None:
        select = select.where(Customer.type == query.type_id)
    if query.staff_id is not None:
        select = select.where(Customer.staff == query.staff_id)
    if query.visit_due:
        select = select.where(Customer.next_visit <= (today or clock.today()))
    if query.tag:
        tagged = (CustomerTag.select(CustomerTag.customer).join(Tag)
                  .where(Tag.name == query.tag))
        select = select.where(Customer.id.in_(tagged))
    if sort_field.model is CustomerType:
        select = select.join(CustomerType, JOIN.LEFT_OUTER, on=Customer.type == CustomerType.id)
    elif sort_field.model is Staff:
        select = select.join(Staff, JOIN.LEFT_OUTER, on=Customer.staff == Staff.id)
    order = sort_field.desc(nulls="LAST") if query.descending else sort_field.asc(nulls="LAST")
    select = select.order_by(order, Customer.id.desc() if query.descending else Customer.id)
    return [row[0] for row in select.tuples()]


@dataclasses.dataclass
class CustomerRow:
    """What a list row shows; a plain value so views never parse display strings."""
    id: int
    name: str
    phone: str
    wechat: str
    platform: str
    platform_account: str
    type_name: str
    type_code: str
    staff_name: str
    next_visit: dt.date | None
    updated_at: dt.datetime
    tags: list[str]


def fetch_rows(ids: list[int]) -> dict[int, CustomerRow]:
    if not ids:
        return {}
    query = (Customer.select(Customer.id, Customer.name, Customer.phone, Customer.wechat,
                             Customer.platform, Customer.platform_account,
                             CustomerType.name, CustomerType.code, Staff.name,
                             Customer.next_visit, Customer.updated_at)
             .join(CustomerType, JOIN.LEFT_OUTER, on=Customer.type == CustomerType.id)
             .switch(Customer)
             .join(Staff, JOIN.LEFT_OUTER, on=Customer.staff == Staff.id)
             .where(Customer.id.in_(ids)).tuples())
    tags: dict[int, list[str]] = {}
    tag_query = (CustomerTag.select(CustomerTag.customer, Tag.name).join(Tag)
                 .where(CustomerTag.customer.in_(ids)).order_by(CustomerTag.id).tuples())
    for customer_id, name in tag_query:
        tags.setdefault(customer_id, []).append(name)
    rows = {}
    for (cid, name, phone, wechat, platform, account, type_name, type_code, staff_name,
         next_visit, updated_at) in query:
        rows[cid] = CustomerRow(cid, name, phone, wechat, platform, account, type_name or "",
                                type_code or "", staff_name or "", next_visit, updated_at,
                                tags.get(cid, []))
    return rows


def count_live() -> int:
    return Customer.select(fn.COUNT(Customer.id)).where(Customer.deleted_at.is_null()).scalar()
