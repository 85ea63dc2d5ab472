"""Customer list queries: search-as-you-type, filters, sorting, and row fetching by page.

The list model asks for the matching ids once per keystroke (one indexed LIKE scan over a
pre-computed search column) and then fetches only the rows on screen.
"""
from __future__ import annotations

import collections
import dataclasses
import threading
import datetime as dt

from peewee import JOIN, fn

from db import clock, text
from db.models import Customer, CustomerTag, CustomerType, Staff, Tag, database
from db.storage import change_stamp, dialect

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


class _Index:
    """Live customers in one sort order, with what the filters look at, held in memory.

    A LIKE scan of the wide customer table costs 14+ ms at 50,000 rows on a 2-core machine;
    a Python substring scan of the pre-computed search text costs a few ms, and while the
    user keeps typing (each query extending the last) only the previous hits are rescanned.
    The copy is rebuilt whenever the database changed: db.storage.change_stamp tells without reading
    any table.
    """

    RECENT = 32  # searches remembered: backspacing and retyping cost nothing

    def __init__(self) -> None:
        self.stamp: tuple | None = None
        self.worker: threading.Thread | None = None  # the background warm-up, if any
        self.order: tuple[str, bool] | None = None
        self.rows: list[tuple] = []  # (id, search_text, type_id, staff_id, next_visit)
        # (filters, terms) -> (hits, ids), most recent last
        self.recent: collections.OrderedDict[tuple, tuple[list, list[int]]] = \
            collections.OrderedDict()

    def ids(self, query: CustomerQuery, today: dt.date) -> list[int]:
        stamp = _data_stamp()
        order = (query.sort if query.sort in SORT_COLUMNS else "updated_at", query.descending)
        if stamp != self.stamp or order != self.order:
            self.rows = None  # loaded on the first search, or by warm_up() when idle
            self.stamp, self.order = stamp, order
            self.recent.clear()
        terms = tuple(text.search_terms(query.text))
        filters = (query.type_id, query.staff_id, query.visit_due, query.tag, today)
        key = (filters, terms)
        if key in self.recent:
            self.recent.move_to_end(key)
            return self.recent[key][1]
        if self.rows is None and not terms and filters[:4] == (None, None, False, None):
            # The plain list (start-up, after a save) needs only ids: 5x cheaper to read.
            return [row[0] for row in database.execute(_sorted_select(*order, Customer.id))]
        if self.rows is None:
            self.rows = _load_sorted(*order)
        hits = None
        for (old_filters, old_terms), (old_hits, _ids) in reversed(self.recent.items()):
            # Typing on: when every old term lies inside a new one, hits can only shrink.
            if old_filters == filters and all(any(o in n for n in terms) for o in old_terms):
                hits = old_hits
                break
        if hits is None:
            hits = _filter(self.rows, query, today)
        for term in terms:  # one plain comprehension per term: the fastest scan in CPython
            hits = [r for r in hits if term in r[1]]
        self.recent[key] = (hits, [r[0] for r in hits])
        if len(self.recent) > self.RECENT:
            self.recent.popitem(last=False)
        return self.recent[key][1]

    def warm_up(self, background: bool = False) -> threading.Thread | None:
        """Load the search copy now rather than on the next keystroke; in the background,
        on a connection of its own (WAL lets it read beside the window's), the window stays
        responsive meanwhile. The copy is kept only if nothing changed while it loaded."""
        if database.obj is None or database.is_closed():
            return None
        if self.rows is not None or self.order is None or _data_stamp() != self.stamp:
            return None
        stamp, order = self.stamp, self.order
        if not background:
            self.rows = _load_sorted(*order)
            return None

        def load() -> None:
            try:
                rows = _load_sorted(*order)
            except Exception:  # noqa: BLE001 - the database closed meanwhile: nothing to keep
                return
            finally:
                database.close()  # this thread's connection only
            if self.stamp is stamp and self.rows is None:
                self.rows = rows

        worker = threading.Thread(target=load, name="customer-search-warm-up", daemon=True)
        worker.start()
        self.worker = worker
        return worker


def _filter(rows: list[tuple], query: CustomerQuery, today: dt.date) -> list[tuple]:
    if query.type_id is not None:
        rows = [r for r in rows if r[2] == query.type_id]
    if query.staff_id is not None:
        rows = [r for r in rows if r[3] == query.staff_id]
    if query.visit_due:
        rows = [r for r in rows if r[4] is not None and r[4] <= today]
    if query.tag:
        tagged = {cid for (cid,) in CustomerTag.select(CustomerTag.customer).join(Tag)
                  .where(Tag.name == query.tag).tuples()}
        rows = [r for r in rows if r[0] in tagged]
    return rows


def _data_stamp() -> tuple:
    return change_stamp.stamp(database.obj)


def _sorted_select(sort: str, descending: bool, *columns):
    sort_field = SORT_COLUMNS[sort]
    select = Customer.select(*columns).where(Customer.deleted_at.is_null())
    if sort_field.model is CustomerType:
        select = select.join(CustomerType, JOIN.LEFT_OUTER, on=Customer.type == CustomerType.id)
    elif sort_field.model is Staff:
        select = select.join(Staff, JOIN.LEFT_OUTER, on=Customer.staff == Staff.id)
    if sort_field is Customer.updated_at:  # never empty: a plain ORDER BY can use the index
        order = sort_field.desc() if descending else sort_field.asc()
    else:
        order = sort_field.desc(nulls="LAST") if descending else sort_field.asc(nulls="LAST")
    return select.order_by(order, Customer.id.desc() if descending else Customer.id)


def _load_sorted(sort: str, descending: bool) -> list[tuple]:
    select = _sorted_select(sort, descending, Customer.id, Customer.search_text, Customer.type,
                            Customer.staff, Customer.next_visit)
    rows = database.execute(select).fetchall()  # raw rows: 10x faster than model iteration
    return [(cid, search, type_id, staff_id, dialect.to_date(visit))
            for cid, search, type_id, staff_id, visit in rows]


_index = _Index()


def search_ids(query: CustomerQuery, today: dt.date | None = None) -> list[int]:
    """Ids of live customers matching every search term and filter, in the query's order."""
    return _index.ids(query, today or clock.today())


def finish_warm_up(timeout: float = 5.0) -> None:
    """Before the process exits: a daemon thread still inside SQLite when the interpreter
    shuts down is torn down mid-call, which was seen to abort the process now and then."""
    if _index.worker is not None and _index.worker.is_alive():
        _index.worker.join(timeout)


def warm_up(background: bool = True) -> threading.Thread | None:
    return _index.warm_up(background)


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


# Hand-written SQL: peewee's query building costs more than the query for one screen of rows.
_ROWS_SQL = """
SELECT c.id, c.name, c.phone, c.wechat, c.platform, c.platform_account, t.name, t.code, s.name,
       c.next_visit, c.updated_at
FROM customer c LEFT JOIN customer_type t ON t.id = c.type_id LEFT JOIN staff s ON s.id = c.staff_id
WHERE c.id IN ({marks})"""
_TAGS_SQL = """
SELECT ct.customer_id, g.name FROM customer_tag ct JOIN tag g ON g.id = ct.tag_id
WHERE ct.customer_id IN ({marks}) ORDER BY ct.id"""


def fetch_rows(ids: list[int]) -> dict[int, CustomerRow]:
    if not ids:
        return {}
    marks = dialect.marks(len(ids))
    # sqlite3's own execute skips peewee's cursor bookkeeping: a screenful every scroll step.
    execute = database.execute_sql if dialect.is_postgres() else database.connection().execute
    tags: dict[int, list[str]] = {}
    for customer_id, name in execute(_TAGS_SQL.format(marks=marks), ids):
        tags.setdefault(customer_id, []).append(name)
    rows = {}
    for (cid, name, phone, wechat, platform, account, type_name, type_code, staff_name,
         next_visit, updated_at) in execute(_ROWS_SQL.format(marks=marks), ids):
        rows[cid] = CustomerRow(cid, name, phone, wechat, platform, account, type_name or "",
                                type_code or "", staff_name or "", dialect.to_date(next_visit),
                                dialect.to_datetime(updated_at), tags.get(cid, []))
    return rows


def count_live() -> int:
    return Customer.select(fn.COUNT(Customer.id)).where(Customer.deleted_at.is_null()).scalar()
