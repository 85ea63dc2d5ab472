"""Customer archive rules: validation, duplicates, save, trash, merge, contact log."""
from __future__ import annotations

import dataclasses
import datetime as dt

from peewee import JOIN, fn

from db import clock, pinyin, text
from db.customers.vocabulary import COMPLAINT_PROFILES
from db.errors import FieldError, stale
from db.models import ContactLog, Customer, CustomerTag, CustomerType, Staff, Tag, database
from db.storage import conflicts, named
from db.vocabulary import QT_TRANSLATE_NOOP, Message

FIELD_LIMITS = {"name": 100, "wechat": 100, "qq": 20, "platform": 50, "platform_account": 100,
                "address": 500, "notes": 10_000}


class CustomerError(FieldError):
    """Invalid customer input."""
    context = "CustomerError"


@dataclasses.dataclass
class CustomerData:
    name: str = ""
    phone: str = ""
    wechat: str = ""
    qq: str = ""
    platform: str = ""
    platform_account: str = ""
    address: str = ""
    type_id: int | None = None
    complaint_profile: str = ""
    staff_id: int | None = None
    notes: str = ""
    next_visit: dt.date | None = None
    tags: list[str] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, customer: Customer) -> "CustomerData":
        return cls(
            name=customer.name, phone=customer.phone, wechat=customer.wechat, qq=customer.qq,
            platform=customer.platform, platform_account=customer.platform_account,
            address=customer.address, type_id=customer.type_id,
            complaint_profile=customer.complaint_profile, staff_id=customer.staff_id,
            notes=customer.notes, next_visit=customer.next_visit, tags=tag_names(customer.id))


def clean(data: CustomerData) -> CustomerData:
    """Trimmed, normalised copy of data; raises CustomerError naming the bad field."""
    out = dataclasses.replace(data)
    for field in ("name", "wechat", "qq", "platform", "platform_account", "address", "notes"):
        setattr(out, field, (getattr(out, field) or "").strip())
        if len(getattr(out, field)) > FIELD_LIMITS[field]:
            raise CustomerError(field, QT_TRANSLATE_NOOP("CustomerError", "内容过长（最多 %1 个字）"),
                                FIELD_LIMITS[field])
    if not out.name:
        raise CustomerError("name", QT_TRANSLATE_NOOP("CustomerError", "请填写客户称呼"))
    try:
        out.phone = text.normalise_phone(out.phone)
    except text.PhoneError as exc:
        raise CustomerError("phone", "%1", exc) from exc  # worded by the phone rules
    if out.qq and not (out.qq.isdigit() and 5 <= len(out.qq) <= 12):
        raise CustomerError("qq", QT_TRANSLATE_NOOP("CustomerError", "“%1” 不是有效的 QQ 号（5–12 位数字）"),
                            out.qq)
    if out.complaint_profile not in ("", *COMPLAINT_PROFILES.codes()):
        raise CustomerError("complaint_profile", QT_TRANSLATE_NOOP("CustomerError", "未知的投诉类型 %1"),
                            out.complaint_profile)
    out.tags = list(dict.fromkeys(t.strip() for t in out.tags if t and t.strip()))
    return out


def find_duplicates(data: CustomerData, exclude_id: int | None = None) -> list[tuple[Customer, str]]:
    """Live customers sharing phone, WeChat or platform account with data: (customer, field)."""
    checks = [("phone", Customer.phone == data.phone, data.phone),
              ("wechat", fn.LOWER(Customer.wechat) == data.wechat.lower(), data.wechat),
              ("platform_account",
               (Customer.platform_account == data.platform_account)
               & (Customer.platform == data.platform), data.platform_account)]
    found: dict[int, tuple[Customer, str]] = {}
    for field, condition, value in checks:
        if not value:
            continue
        query = Customer.select().where(condition, Customer.deleted_at.is_null())
        if exclude_id is not None:
            query = query.where(Customer.id != exclude_id)
        for customer in query:
            found.setdefault(customer.id, (customer, field))
    return list(found.values())


def create(data: CustomerData, by: Staff | None) -> Customer:
    data = clean(data)
    with database.atomic():
        customer = Customer(created_by=by, updated_by=by)
        _assign(customer, data)
        customer.save()
        _set_tags(customer, data.tags)
        refresh_search_text(customer)
    return customer


def update(customer_id: int, data: CustomerData, by: Staff | None,
           expected_version: int | None = None, base: CustomerData | None = None) -> Customer:
    """Save an edit. With expected_version, an edit started before someone else's save is
    refused with StaleEdit, carrying the fields side by side when the form also passes
    `base`, the data it loaded. When the other save changed none of the fields (a
    contact logged, say), there is nothing to choose and the edit is saved as is."""
    data = clean(data)

    def refused(current: Customer) -> Message:
        if current.deleted_at is not None:
            return stale(QT_TRANSLATE_NOOP("StaleEdit", "客户“%1”在你编辑期间已被其他人移到回收站，"
                                           "没有保存；请从回收站恢复后再修改"), current.name)
        return stale(QT_TRANSLATE_NOOP("StaleEdit", "客户“%1”已被其他人修改，请重新打开后再保存"),
                     current.name)

    def merge(current: Customer) -> conflicts.Conflict | None:
        if base is None or current.deleted_at is not None:
            return None
        return _conflict(current, base, data)

    with database.atomic():
        conflicts.versioned_save(Customer, customer_id, expected_version, refused, merge)
        customer = Customer.get_by_id(customer_id)
        _assign(customer, data)
        customer.updated_by = by
        customer.updated_at = clock.now()
        customer.version += 1
        customer.save()
        _set_tags(customer, data.tags)
        refresh_search_text(customer)
    return customer


def save_resolved(conflict: conflicts.Conflict, choices: dict[str, str],
                  by: Staff | None) -> Customer:
    return conflicts.save_choices(update, conflict, choices, by)


def _conflict(current: Customer, base: CustomerData, mine: CustomerData) -> conflicts.Conflict:
    try:
        base = clean(base)  # compared with the cleaned edit: "王 " and "王" are no change
    except CustomerError:
        pass
    who = current.updated_by.name if current.updated_by_id else ""
    return conflicts.build(
        "customer", current.id, current.version, base, mine, CustomerData.of(current),
        mergers={"tags": conflicts.merge_lists},
        who=conflicts.who_changed("customer", current.id, (who, current.updated_at)))


def _assign(customer: Customer, data: CustomerData) -> None:
    for field in ("name", "phone", "wechat", "qq", "platform", "platform_account", "address",
                  "complaint_profile", "notes", "next_visit"):
        setattr(customer, field, getattr(data, field))
    customer.type = data.type_id
    customer.staff = data.staff_id
    customer.name_key = pinyin.sort_key(data.name)


def tag_names(customer_id: int) -> list[str]:
    query = (Tag.select(Tag.name).join(CustomerTag)
             .where(CustomerTag.customer == customer_id).order_by(CustomerTag.id))
    return [t.name for t in query]


def _set_tags(customer: Customer, names: list[str]) -> None:
    CustomerTag.delete().where(CustomerTag.customer == customer).execute()
    for name in names:
        CustomerTag.create(customer=customer, tag=named.id_for_name(Tag, name))


def search_text(name: str, phone: str, wechat: str, qq: str, platform_account: str,
                tags, name_spellings: list[str]) -> str:
    """The one formula of a customer's searchable text: what instant search finds a customer
    by (name, contacts, tags) and the pinyin spellings of the name (db.pinyin)."""
    # text.search_key(name, contacts, *tags) followed by the spellings, written out: the
    # import computes it for every new customer.
    words = [word.lower() for p in (name, phone, wechat, qq, platform_account, *tags)
             if p and (word := p.strip())]
    return " ".join([*words, *filter(None, name_spellings)])


def refresh_search_text(customer: Customer) -> None:
    key = search_text(customer.name, customer.phone, customer.wechat, customer.qq,
                      customer.platform_account, tag_names(customer.id),
                      pinyin.spellings(customer.name))
    Customer.update(search_text=key).where(Customer.id == customer.id).execute()
    customer.search_text = key


# --- trash -----------------------------------------------------------------------------

def move_to_trash(ids: list[int], by: Staff | None) -> int:
    now = clock.now()
    return (Customer.update(deleted_at=now, updated_at=now, updated_by=by,
                            version=Customer.version + 1)
            .where(Customer.id.in_(ids), Customer.deleted_at.is_null()).execute())


def restore(ids: list[int], by: Staff | None) -> int:
    return (Customer.update(deleted_at=None, merged_into=None, updated_at=clock.now(),
                            updated_by=by, version=Customer.version + 1)
            .where(Customer.id.in_(ids), Customer.deleted_at.is_null(False)).execute())


def purge(ids: list[int]) -> int:
    """Delete for good, only what is already in the trash."""
    with database.atomic():
        return Customer.delete().where(
            Customer.id.in_(ids), Customer.deleted_at.is_null(False)).execute()


def trash() -> list[Customer]:
    return list(Customer.select().where(Customer.deleted_at.is_null(False))
                .order_by(Customer.deleted_at.desc()))


# --- merge -----------------------------------------------------------------------------

def merge(keep_id: int, other_id: int, by: Staff | None) -> Customer:
    """Fold `other` into `keep`: every history row moves over, empty fields are filled from
    other, tags are united, notes joined; other goes to the trash, marked as merged."""
    if keep_id == other_id:
        raise CustomerError("merge", QT_TRANSLATE_NOOP("CustomerError", "不能把客户与自己合并"))
    with database.atomic():
        keep, other = Customer.get_by_id(keep_id), Customer.get_by_id(other_id)
        # Every table that points at a customer (contact log, and later cases...) follows.
        for field in Customer._meta.backrefs:
            if field.model is Customer or field.model is CustomerTag:
                continue
            field.model.update({field: keep.id}).where(field == other.id).execute()
        data = CustomerData.of(keep)
        theirs = CustomerData.of(other)
        for name in ("phone", "wechat", "qq", "platform", "platform_account", "address",
                     "complaint_profile", "next_visit"):
            if not getattr(data, name):
                setattr(data, name, getattr(theirs, name))
        data.type_id = data.type_id or theirs.type_id
        data.staff_id = data.staff_id or theirs.staff_id
        if theirs.notes and theirs.notes not in data.notes:
            data.notes = "\n".join(filter(None, [data.notes, theirs.notes]))
        data.tags = data.tags + [t for t in theirs.tags if t not in data.tags]
        now = clock.now()
        Customer.update(deleted_at=now, merged_into=keep.id, updated_at=now, updated_by=by,
                        version=Customer.version + 1).where(Customer.id == other.id).execute()
        merged = update(keep.id, data, by)
        ContactLog.create(customer=merged, staff=by, channel="系统",
                          summary=f"合并了重复客户“{other.name}”(#{other.id})")
    return merged


# --- contact log -----------------------------------------------------------------------

def add_contact(customer_id: int, by: Staff | None, channel: str, summary: str,
                at: dt.datetime | None = None, next_visit: dt.date | None = None) -> ContactLog:
    summary = summary.strip()
    if not summary:
        raise CustomerError("summary", QT_TRANSLATE_NOOP("CustomerError", "请填写联系内容"))
    with database.atomic():
        entry = ContactLog.create(customer=customer_id, staff=by, channel=channel.strip(),
                                  summary=summary, at=at or clock.now())
        changes = {Customer.updated_at: clock.now(), Customer.updated_by: by}
        if next_visit is not None:
            # A field the customer form edits: bump the version so that a form open on
            # another computer merges this date instead of overwriting it.
            changes[Customer.next_visit] = next_visit
            changes[Customer.version] = Customer.version + 1
        Customer.update(changes).where(Customer.id == customer_id).execute()
    return entry


def contacts(customer_id: int) -> list[ContactLog]:
    return list(ContactLog.select(ContactLog, Staff).join(Staff, JOIN.LEFT_OUTER)
                .where(ContactLog.customer == customer_id).order_by(ContactLog.at.desc()))


# --- lists -----------------------------------------------------------------------------

def customer_types() -> list[CustomerType]:
    return list(CustomerType.select().order_by(CustomerType.position, CustomerType.id))


def new_customer_defaults(data: CustomerData, staff: Staff | None) -> CustomerData:
    """A customer added by hand, wherever: type 新客户 and the staff member adding them
    (unless already chosen), as the 新建客户 form (Ctrl+N) starts."""
    if data.type_id is None:
        data.type_id = CustomerType.select(CustomerType.id).where(
            CustomerType.code == "new").scalar()
    if data.staff_id is None and staff is not None:
        data.staff_id = staff.id
    return data


def add_customer_type(name: str) -> CustomerType:
    name = name.strip()
    if not name:
        raise CustomerError("type", QT_TRANSLATE_NOOP("CustomerError", "类型名称不能为空"))
    if CustomerType.select().where(CustomerType.name == name).exists():
        raise CustomerError("type", QT_TRANSLATE_NOOP("CustomerError", "类型“%1”已存在"), name)
    last = CustomerType.select(fn.MAX(CustomerType.position)).scalar() or 0
    return CustomerType.create(name=name, position=last + 1)


def rename_customer_type(type_id: int, name: str) -> None:
    name = name.strip()
    if not name:
        raise CustomerError("type", QT_TRANSLATE_NOOP("CustomerError", "类型名称不能为空"))
    if named.taken(CustomerType.name, name, type_id):
        raise CustomerError("type", QT_TRANSLATE_NOOP("CustomerError", "类型“%1”已存在"), name)
    CustomerType.update(name=name).where(CustomerType.id == type_id).execute()


def delete_customer_type(type_id: int) -> None:
    """Customers of that type keep their data and become untyped; built-in types stay."""
    ctype = CustomerType.get_by_id(type_id)
    if ctype.code:
        raise CustomerError("type", QT_TRANSLATE_NOOP(
            "CustomerError", "“%1”是内置类型，可以改名但不能删除"), ctype.name)
    ctype.delete_instance()


def all_tags() -> list[str]:
    return [t.name for t in Tag.select(Tag.name).join(CustomerTag).distinct().order_by(Tag.name)]
