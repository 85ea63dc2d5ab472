"""Peewee models: the nouns of the shop. Rules live in the area modules, not here."""
from __future__ import annotations

from peewee import (
    BlobField, BooleanField, CharField, DatabaseProxy, DateField, DateTimeField, ForeignKeyField,
    IntegerField, Model, TextField,
)

from db import clock

database = DatabaseProxy()


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
    created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
    updated_at = DateTimeField(default=clock.now, index=True)
    updated_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
    deleted_at = DateTimeField(null=True, index=True)  # in the trash when set
    merged_into = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="+")
    # Lower-cased name, its pinyin spellings, contact ids and tags: what the search box scans.
    search_text = TextField(default="")
    name_key = CharField(default="", index=True)  # pinyin of the name: sorts 张 near Z
    version = IntegerField(default=1)  # bumped on every save: detects concurrent edits


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
    """Written by triggers (db/audit.py) for every row change, and by the app for imports,
    exports and restores. Never edited."""
    at = DateTimeField(index=True)
    staff_id = IntegerField(null=True, index=True)  # no foreign key: the log outlives staff rows
    staff_name = CharField(default="")
    action = CharField(index=True)  # create / update / delete / import / export / restore ...
    entity = CharField(default="", index=True)  # table name
    entity_id = IntegerField(null=True)
    detail = TextField(default="")  # JSON: the changed fields, or a summary
    source = CharField(default="")  # screen / import / command line ...


class Credential(BaseModel):
    """Password hashes ("owner", "pin:<staff id>"); kept out of the audit log."""
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
    image = BlobField(null=True)  # PNG bytes: size chart, payment QR code ...
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


class ForbiddenPhrase(BaseModel):
    phrase = CharField(unique=True)
    severity = CharField(default="forbidden")  # "forbidden" | "caution"
    rule = CharField(default="")  # "" plain match | "contrast": a 但是 that cancels praise
    reason = TextField(default="")
    suggestion = TextField(default="")
    key = CharField(null=True, unique=True)  # stable id of a bundled default phrase
    active = BooleanField(default=True)
    created_at = DateTimeField(default=clock.now)


SNIPPET_MODELS = [SnippetCategory, Snippet, ForbiddenPhrase]
