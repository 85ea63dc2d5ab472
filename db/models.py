"""Peewee models: the nouns of the shop. Rules live in the area modules, not here."""
from __future__ import annotations

from peewee import (
    BlobField, BooleanField, CharField, DatabaseProxy, DateField, DateTimeField, ForeignKeyField,
    IntegerField, Model, TextField,
)

from db import clock

database = DatabaseProxy()


class BytesField(BlobField):
    """A BLOB read back as bytes on both databases (PostgreSQL's driver gives a memoryview)."""

    def python_value(self, value):
        return bytes(value) if isinstance(value, (memoryview, bytearray)) else value


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = IntegerField()
    applied_at = DateTimeField(default=clock.now)


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()  # JSON


class Staff(BaseModel):
    name = CharField(unique=True)
    role = CharField(default="staff")  # "owner" | "staff"
    active = BooleanField(default=True)
    created_at = DateTimeField(default=clock.now)


class CustomerType(BaseModel):
    # code marks the built-in meanings (new/regular/vip/blacklist); the name is editable.
    code = CharField(null=True, unique=True)
    name = CharField(unique=True)
    position = IntegerField(default=0)


class Customer(BaseModel):
    name = CharField()  # 称呼: how the shop addresses the buyer
    phone = CharField(default="", index=True)  # normalised digits (with + for foreign numbers)
    wechat = CharField(default="", index=True)
    qq = CharField(default="")
    platform = CharField(default="")  # 淘宝 / 拼多多 / 抖音 ...
    platform_account = CharField(default="", index=True)
    address = TextField(default="")
    type = ForeignKeyField(CustomerType, null=True, on_delete="SET NULL")
    complaint_profile = CharField(default="")  # "" | perceptive | problem | difficult
    staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="customers")
    notes = TextField(default="")
    next_visit = DateField(null=True, index=True)
    created_at = DateTimeField(default=clock.now)
    # Not indexed (schema 13): staff rows are never deleted, and nothing looks customers up
    # by who wrote them; every index costs each write and an import's rebuild.
    created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+", index=False)
    updated_at = DateTimeField(default=clock.now, index=True)
    updated_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+", index=False)
    # In the trash when set; indexed by (deleted_at, updated_at) (schema 7).
    deleted_at = DateTimeField(null=True)
    # Indexed where set (schema 13): the few merged customers.
    merged_into = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="+", index=False)
    # Lower-cased name, its pinyin spellings, contact ids and tags: what the search box scans.
    search_text = TextField(default="")
    name_key = CharField(default="", index=True)  # pinyin of the name: sorts 张 near Z
    version = IntegerField(default=1)  # bumped on every save: detects concurrent edits

    class Meta:
        indexes = ((("deleted_at", "updated_at"), False),)  # the default list, in order


class Tag(BaseModel):
    name = CharField(unique=True)


class CustomerTag(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="tag_links")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", backref="customer_links")

    class Meta:
        indexes = ((("customer", "tag"), True),)


class ContactLog(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="contacts")
    at = DateTimeField(default=clock.now, index=True)
    staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
    channel = CharField(default="")  # 电话 / 微信 / 旺旺 / 短信 ...
    summary = TextField(default="")
    created_at = DateTimeField(default=clock.now)


class AuditLog(BaseModel):
    """Written by triggers (db/trust/audit.py) for every row change, and by the app for imports,
    exports and restores. Never edited."""
    at = DateTimeField(index=True)
    staff_id = IntegerField(null=True, index=True)  # no foreign key: the log outlives staff rows
    staff_name = CharField(default="")
    action = CharField(index=True)  # create / update / delete / import / export / restore ...
    entity = CharField(default="", index=True)  # table name
    entity_id = IntegerField(null=True)
    detail = TextField(default="")  # JSON: the changed fields, or a summary
    source = CharField(default="")  # screen / import / command line ...
    # Schema 10: the place in the chain and the keyed hash over this entry and the one before
    # (db/trust/log_chain.py), filled in by a trigger on insert.
    seq = IntegerField(null=True, unique=True)
    chain = TextField(null=True)


class Credential(BaseModel):
    """Password hashes ("owner", "pin:<staff id>"), wrong-PIN counts ("pin_misses:<id>") and
    the activity log's chain key ("log_key"); kept out of the audit log."""
    key = CharField(primary_key=True)
    secret = TextField()  # JSON: scrypt parameters, salt and hash; never the password


CORE_MODELS = [SchemaVersion, Setting, Staff, CustomerType, Customer, Tag, CustomerTag, ContactLog]


# --- quick-reply snippets (快捷短语) and forbidden phrases (禁语): schema 2 -----------------

class SnippetCategory(BaseModel):
    name = CharField(unique=True)
    position = IntegerField(default=0)
    key = CharField(null=True, unique=True)  # stable id of a bundled default category
    created_at = DateTimeField(default=clock.now)


class Snippet(BaseModel):
    category = ForeignKeyField(SnippetCategory, null=True, on_delete="SET NULL",
                               backref="snippets")
    title = CharField()
    shortcut = CharField(default="", index=True)  # short code typed to find it, e.g. "dq"
    body = TextField(default="")
    image = BytesField(null=True)  # PNG bytes: size chart, payment QR code ...
    owner = ForeignKeyField(Staff, null=True, on_delete="CASCADE", backref="snippets")  # None: shop-wide
    favourite = BooleanField(default=False)
    use_count = IntegerField(default=0)
    last_used_at = DateTimeField(null=True)
    key = CharField(null=True, unique=True)  # stable id of a bundled default snippet
    search_text = TextField(default="")
    created_at = DateTimeField(default=clock.now)
    created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
    updated_at = DateTimeField(default=clock.now)
    updated_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
    version = IntegerField(default=1)  # schema 8


class ForbiddenPhrase(BaseModel):
    """A wording rule (措辞规则): a pattern such as "公司/平台…规定" (db.snippets.rule_pattern)."""
    phrase = CharField(unique=True)  # the pattern
    severity = CharField(default="forbidden")  # "forbidden" | "caution"
    rule = CharField(default="")  # "" plain match | "contrast": a 但是 that cancels praise
    category = CharField(default="")  # schema 11: PHRASE_CATEGORIES code
    exceptions = TextField(default="")  # schema 11: words that make a match harmless
    reason = TextField(default="")
    suggestion = TextField(default="")
    key = CharField(null=True, unique=True)  # stable id of a bundled default phrase
    active = BooleanField(default=True)
    created_at = DateTimeField(default=clock.now)


SNIPPET_MODELS = [SnippetCategory, Snippet, ForbiddenPhrase]


# --- after-sales cases (售后工单), schema 3 -----------------------------------------------

class Case(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="cases")
    order_no = CharField(default="")
    product = CharField(default="")
    channel = CharField(default="")  # 旺旺/千牛, 微信, 电话 ...
    category = CharField(default="", index=True)  # 质量问题, 物流延误 ... (editable list)
    description = TextField(default="")  # in the buyer's words
    emotion = CharField(default="")  # "" | calm | anxious | angry | sad | loud
    complaint_profile = CharField(default="")  # as Customer.complaint_profile
    severity = CharField(default="simple")  # simple | complex
    staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="cases", index=True)
    stage = CharField(default="reception")  # reception | apology | remedy | followup | closed
    stage_entered_at = DateTimeField(default=clock.now)
    # The next deadline, stored so that lists can filter and sort on it (recomputed on writes).
    due_at = DateTimeField(null=True)
    due_kind = CharField(default="")
    satisfaction = IntegerField(null=True)  # 1..5, asked when closing
    root_cause = TextField(default="")
    improvement = TextField(default="")  # 改善措施
    closed_at = DateTimeField(null=True)
    return_visit_on = DateField(null=True, index=True)  # local date of the 回访 after closing
    return_visit_done_at = DateTimeField(null=True)
    created_at = DateTimeField(default=clock.now)
    created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
    updated_at = DateTimeField(default=clock.now)
    search_text = TextField(default="")  # order no., product, category (customer is joined)
    version = IntegerField(default=1)

    class Meta:
        # Covering indexes in list order (id breaks ties): the list sorted by deadline or by
        # date, filtered by stage, reads neither the table nor a sort buffer.
        indexes = ((("stage", "due_at"), False), (("due_at", "id", "stage"), False),
                   (("created_at", "id", "stage"), False))


class Remedy(BaseModel):
    case = ForeignKeyField(Case, on_delete="CASCADE", backref="remedies")
    type = CharField()  # refund | exchange | reship | repair | coupon | compensation | gift | other
    amount_cents = IntegerField(null=True)
    status = CharField(default="proposed")  # proposed | agreed | in_progress | done | rejected
    notes = TextField(default="")
    created_at = DateTimeField(default=clock.now)
    created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
    updated_at = DateTimeField(default=clock.now)
    version = IntegerField(default=1)  # schema 8


class CasePromise(BaseModel):
    """A time promised to the buyer ("明天上午给您补发"): a follow-up is due then."""
    case = ForeignKeyField(Case, on_delete="CASCADE", backref="promises")
    due_at = DateTimeField(index=True)
    text = TextField(default="")
    done_at = DateTimeField(null=True)
    done_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
    created_at = DateTimeField(default=clock.now)
    created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")


class CaseEvent(BaseModel):
    """The timeline: append-only (a trigger refuses updates)."""
    case = ForeignKeyField(Case, on_delete="CASCADE", backref="events")
    at = DateTimeField(default=clock.now)
    staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
    kind = CharField()  # created | advance | skip | close | reopen | note | remedy | promise | ...
    stage = CharField(default="")  # the stage after the event
    text = TextField(default="")  # the Chinese sentence, written at the time
    params = TextField(null=True)  # schema 9: its parts as JSON (db.cases.timeline)
    # Schema 10: chained like the activity log, one chain per case (a case purged with its
    # customer takes its whole chain with it; the log records that).
    seq = IntegerField(null=True)
    chain = TextField(null=True)

    class Meta:
        indexes = ((("case", "at"), False), (("case", "seq"), True))


CASE_MODELS = [Case, Remedy, CasePromise, CaseEvent]


# --- reports (报表), schema 6: indexes only (names match db/storage/migrations/m0006_reports.py) ----

CaseEvent.add_index(CaseEvent.at, CaseEvent.stage, CaseEvent.case, CaseEvent.staff)
CaseEvent.add_index(CaseEvent.case, CaseEvent.at, CaseEvent.stage)
Case.add_index(Case.closed_at, Case.stage, Case.created_at, Case.satisfaction, Case.staff)
Case.add_index(Case.return_visit_on, Case.return_visit_done_at)
Case.add_index(Case.stage, Case.due_at, Case.staff)
Remedy.add_index(Remedy.created_at, Remedy.case, Remedy.type, Remedy.status, Remedy.amount_cents)


# --- orders (订单) from the platforms' own exports, schema 12 ---------------------------------

class Order(BaseModel):
    """One order as a platform's seller backend exported it (千牛, 拼多多, 抖店, 微信小店)."""
    platform = CharField()  # taobao | pdd | douyin | weixin | other (db.orders vocabulary)
    order_no = CharField()  # always text: Excel would round a 19-digit number to 1.2E+18
    customer = ForeignKeyField(Customer, null=True, on_delete="SET NULL", backref="orders")
    buyer_account = CharField(default="")  # 买家会员名 / 买家昵称, as the platform shows it
    status = CharField(default="")  # the platform's own words (交易成功, 已发货 ...)
    ordered_at = DateTimeField(null=True)
    paid_at = DateTimeField(null=True)
    shipped_at = DateTimeField(null=True)
    received_at = DateTimeField(null=True)
    amount_cents = IntegerField(null=True)  # what the buyer paid
    receiver_name = CharField(default="")
    receiver_phone = CharField(default="")  # as exported: often masked (138****8000)
    province = CharField(default="")
    city = CharField(default="")
    district = CharField(default="")
    street = TextField(default="")  # the rest of the address, as the platform splits it
    logistics_company = CharField(default="")
    tracking_no = CharField(default="", index=True)
    buyer_message = TextField(default="")
    seller_note = TextField(default="")
    imported_at = DateTimeField(default=clock.now)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        # (order_no, platform): unique per platform, and a pasted number finds its order
        # whatever the platform; (customer, ordered_at): a customer's orders, newest first.
        indexes = ((("order_no", "platform"), True), (("customer", "ordered_at"), False),
                   (("ordered_at",), False),
                   # schema 14: a period's orders and buyers for the reports, from the index
                   (("ordered_at", "customer"), False))


class OrderItem(BaseModel):
    order = ForeignKeyField(Order, on_delete="CASCADE", backref="items")
    position = IntegerField(default=0)  # the order of the lines in the export
    title = TextField(default="")  # 宝贝标题 / 商品名称
    sku = CharField(default="")  # SKU, 款式 or 商品规格
    quantity = IntegerField(default=1)
    amount_cents = IntegerField(null=True)  # this line's amount, when the export gives it

    class Meta:
        indexes = ((("order", "position"), False),
                   (("order", "title"), False))  # schema 14: the reports' products per order


ORDER_MODELS = [Order, OrderItem]
