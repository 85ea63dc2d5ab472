"""今日待办 beyond cases: customers whose 下次回访 (next return visit) is today or missed.

The cases' own deadlines, promises and post-closing visits come from db.cases.search; this adds
the customer archive's planned visits so the day's list is the whole day. Missed visits first.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from peewee import JOIN, fn

from db import clock
from db.cases import deadlines
from db.models import Customer, Staff


@dataclasses.dataclass
class CustomerVisit:
    customer_id: int
    name: str
    visit_on: dt.date  # the planned local day
    staff_name: str

    def days_late(self, today: dt.date) -> int:
        """0 when due today, else how many days it was missed by."""
        return max(0, (today - self.visit_on).days)


def local_today(now: dt.datetime | None = None, tz: dt.tzinfo | None = None) -> dt.date:
    return deadlines.to_local(now or clock.now(), tz).date()


def _due(today: dt.date, staff_id: int | None) -> tuple:
    mine = (Customer.staff == staff_id,) if staff_id is not None else ()
    return (Customer.next_visit <= today, Customer.deleted_at.is_null(), *mine)


def customer_visits(now: dt.datetime | None = None, tz: dt.tzinfo | None = None,
                    limit: int = 500, staff_id: int | None = None) -> list[CustomerVisit]:
    """Live customers whose next visit is today or earlier, the longest missed first."""
    today = local_today(now, tz)
    query = (Customer.select(Customer.id, Customer.name, Customer.next_visit, Staff.name)
             .join(Staff, JOIN.LEFT_OUTER, on=Customer.staff == Staff.id)
             .where(*_due(today, staff_id))
             .order_by(Customer.next_visit, Customer.name_key, Customer.id).limit(limit).tuples())
    return [CustomerVisit(cid, name, on, staff or "") for cid, name, on, staff in query]


def customer_visit_count(now: dt.datetime | None = None, tz: dt.tzinfo | None = None,
                         staff_id: int | None = None) -> int:
    today = local_today(now, tz)
    return Customer.select(fn.COUNT(Customer.id)).where(*_due(today, staff_id)).scalar()
