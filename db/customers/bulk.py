"""Writing many customers at once (an Excel import of 50,000 rows), inside the caller's
transaction, with the same columns and search text that db.customers.records writes one
customer with.

New customers go in by executemany of one prepared INSERT per batch (peewee builds SQL per
call, which costs more than the insert itself at 50,000 rows); pinyin keys come from
db.pinyin.keys, once per distinct name. Values come as a dict of the customer's fields: texts, `type` and
`staff` by name (an unknown type is created, an unknown staff member left empty),
`complaint_profile` as a code, `tags` as names, `next_visit` as a date.
"""
from __future__ import annotations

import contextlib
from typing import Iterator

from db import clock, pinyin
from db.customers.records import search_text
from db.models import Customer, CustomerTag, CustomerType, Staff, Tag, database
from db.storage import dialect, named

TEXT_FIELDS = ("name", "phone", "wechat", "qq", "platform", "platform_account", "address", "notes")
REBUILD_FROM = 5000  # new customers from which the customer indexes are rebuilt, not kept up


@contextlib.contextmanager
def indexes_rebuilt(new_rows: int, table: str = "customer") -> Iterator[None]:
    """Inside the caller's transaction: when at least as many rows are added as there are,
    drop the table's indexes (the customer table has 13) and build them again at the end. SQLite then sorts
    each index once instead of inserting into 13 B-trees per row (50,000 new customers into an
    empty table: executemany 1.9 s -> 0.4 s, the rebuild 0.5 s). The same index SQL comes back;
    on an error the caller's rollback restores them (DDL is transactional in SQLite), so there
    is nothing to rebuild then. A server keeps its indexes."""
    if dialect.is_postgres() or new_rows < REBUILD_FROM:
        yield
        return
    existing = database.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    if new_rows < existing:
        yield
        return
    indexes = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL", (table,)).fetchall()
    for name, _sql in indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        database.execute_sql(sql)


class BulkWriter:
    def __init__(self, by: Staff | None):
        self.types = {t.name.lower(): t.id for t in CustomerType.select()}
        self.staff_ids = {s.name: s.id for s in Staff.select()}
        self.tag_ids = {t.name: t.id for t in Tag.select()}
        self.now = clock.now()
        self.now_text = self.now.isoformat(" ")  # what peewee stores for a datetime
        self.by = by.id if by is not None else None
        self.pending_new: list[tuple[list, tuple]] = []
        self.pending_tags: list[tuple[int, int]] = []
        self.name_keys: dict[str, tuple[str, list[str]]] = {}
        self.insert_columns = [*TEXT_FIELDS, "type_id", "complaint_profile", "staff_id",
                               "next_visit", "name_key", "search_text", "created_at",
                               "created_by_id", "updated_at", "updated_by_id", "version"]
        # The last five columns are the same for every row: SQLite gets them as constants of
        # the statement, not bound 50,000 times each (executemany 0.3 -> 0.16 s). Our own
        # values: a timestamp, an id or NULL, 1.
        self.constants = (self.now_text, self.by, self.now_text, self.by, 1)
        constants = ", ".join(["NULL" if c is None else f"'{c}'" if isinstance(c, str) else str(int(c))
                               for c in self.constants])
        marks = ", ".join([database.param] * (len(self.insert_columns) - len(self.constants)))
        self.cursor = database.connection().cursor()  # inside the caller's transaction
        self.insert_head = f'INSERT INTO "customer" ({", ".join(self.insert_columns)}) VALUES'
        self.insert_sql = f"{self.insert_head} ({marks}, {constants})"

    def insert(self, values: dict) -> None:
        """Queue a new customer; written at the next flush(). The same columns as columns()
        gives, built straight into insert_columns' order (50,000 rows: no dict per row)."""
        get = values.get
        name, phone, wechat, qq, account = (get("name", ""), get("phone", ""), get("wechat", ""),
                                            get("qq", ""), get("platform_account", ""))
        tags, next_visit = get("tags", ()), get("next_visit")
        keys = self.name_keys.get(name)
        if keys is None:
            keys = self.name_keys[name] = pinyin.keys(name)
        self.pending_new.append(([
            name, phone, wechat, qq, get("platform", ""), account, get("address", ""),
            get("notes", ""), self.type_id(get("type")), get("complaint_profile", ""),
            self.staff_ids.get(get("staff")),
            next_visit.isoformat() if next_visit is not None else None, keys[0],
            search_text(name, phone, wechat, qq, account, tags, keys[1])], tags))

    def flush(self) -> list[int]:
        """Write the queued customers; their ids, in the order they were queued."""
        new_ids: list[int] = []
        if self.pending_new and dialect.is_postgres():
            from psycopg2.extras import execute_values  # noqa: PLC0415 - server only
            # A server numbers rows for several computers at once: ask it which ids it gave.
            ids = [r[0] for r in execute_values(
                self.cursor, self.insert_head + " %s RETURNING id",
                [(*p, *self.constants) for p, _tags in self.pending_new], page_size=1000,
                fetch=True)]
            for customer_id, (_params, tags) in zip(ids, self.pending_new):
                self.add_tags(customer_id, tags)
            new_ids, self.pending_new = ids, []
        if self.pending_new:
            self.cursor.executemany(self.insert_sql, [p for p, _tags in self.pending_new])
            last = self.cursor.execute("SELECT last_insert_rowid()").fetchone()[0]
            first = last - len(self.pending_new) + 1
            # One transaction holds the write lock, so SQLite numbers the rows one after another
            # (max rowid + 1); checked rather than assumed, since tags are linked by these ids.
            found = self.cursor.execute("SELECT COUNT(*) FROM customer WHERE id BETWEEN ? AND ? "
                                        "AND created_at = ?", (first, last, self.now_text)).fetchone()[0]
            if found != len(self.pending_new):
                raise RuntimeError("新客户的编号不连续，导入已撤回")
            for offset, (_params, tags) in enumerate(self.pending_new):
                self.add_tags(first + offset, tags)
            new_ids, self.pending_new = list(range(first, last + 1)), []
        self.flush_tags()
        return new_ids

    def update(self, customer_id: int, version: int, values: dict, tags_changed: bool) -> bool:
        """Write every field of `values` over the customer, if it is still at `version`;
        False when someone changed or removed it meanwhile."""
        columns = self.columns(values)
        columns.update(updated_at=self.now, updated_by_id=self.by)
        changed = (Customer.update(version=Customer.version + 1, **{
            k.removesuffix("_id") if k.endswith("_id") else k: v for k, v in columns.items()})
            .where(Customer.id == customer_id, Customer.version == version)
            .execute())
        if changed and tags_changed:
            CustomerTag.delete().where(CustomerTag.customer == customer_id).execute()
            self.add_tags(customer_id, values.get("tags", ()))
        return bool(changed)

    def columns(self, values: dict) -> dict:
        columns = {f: values.get(f, "") for f in TEXT_FIELDS}
        columns["type_id"] = self.type_id(values.get("type"))
        columns["complaint_profile"] = values.get("complaint_profile", "")
        columns["staff_id"] = self.staff_ids.get(values.get("staff"))
        columns["next_visit"] = values.get("next_visit")
        name = columns["name"]
        if name not in self.name_keys:
            self.name_keys[name] = pinyin.keys(name)
        columns["name_key"], spelled = self.name_keys[name]
        columns["search_text"] = search_text(
            name, columns["phone"], columns["wechat"], columns["qq"],
            columns["platform_account"], values.get("tags", ()), spelled)
        return columns

    def type_id(self, type_name: str | None) -> int | None:
        """The customer type's id; a type the app does not know yet is created."""
        if not type_name:
            return None
        key = type_name.lower()
        if key not in self.types:
            self.types[key] = named.id_for_name(CustomerType, type_name, position=len(self.types) + 10)
        return self.types[key]

    def add_tags(self, customer_id: int, names) -> None:
        for name in names:
            if name not in self.tag_ids:
                self.tag_ids[name] = named.id_for_name(Tag, name)
            self.pending_tags.append((customer_id, self.tag_ids[name]))

    def flush_tags(self) -> None:
        if self.pending_tags:
            self.cursor.executemany(
                dialect.sql('INSERT INTO "customer_tag" (customer_id, tag_id) VALUES (?, ?)'),
                self.pending_tags)
            self.pending_tags = []
