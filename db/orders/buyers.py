"""Who bought an order: the archive's customer, found the way a person would, or a new one.

In order of trust: the platform account (买家会员名 / 昵称) on the same platform (the
customer's 平台 and 平台账号), then a full phone, then name and address together. A masked
value (138****8000, 张**) is never matched on. A buyer found nowhere becomes one new customer
for the whole file, found again by any of the same keys on later rows.
"""
from __future__ import annotations

import dataclasses

from db.models import Customer
from db.orders.platforms import platform_matches
from db.vocabulary import QT_TRANSLATE_NOOP

BY_ACCOUNT, BY_PHONE, BY_NAME_ADDRESS = "account", "phone", "name_address"
# Said inside a sentence ("found by phone", "will fill in the customer's address"): their own
# context, not the column labels' (Phone, Address).
HOW_WORDS = {BY_ACCOUNT: QT_TRANSLATE_NOOP("BuyerWords", "平台账号"),
             BY_PHONE: QT_TRANSLATE_NOOP("BuyerWords", "手机"),
             BY_NAME_ADDRESS: QT_TRANSLATE_NOOP("BuyerWords", "姓名和地址")}
FILL_WORDS = {"phone": HOW_WORDS[BY_PHONE], "address": QT_TRANSLATE_NOOP("BuyerWords", "地址"),
              "platform_account": HOW_WORDS[BY_ACCOUNT]}


def masked(value: str) -> bool:
    return "*" in value or "＊" in value


def is_full_phone(phone: str) -> bool:
    """A phone worth matching on and storing on a customer: normalised digits, not masked and
    not a platform's virtual number with an extension."""
    return bool(phone) and (phone.isdigit() or phone.startswith("+") and phone[1:].isdigit())


def _flat(text: str) -> str:
    return "".join(text.split()).lower()


@dataclasses.dataclass
class Buyer:
    """What an order says about its buyer (values already cleaned; "" when absent)."""
    platform: str  # PLATFORMS code
    platform_word: str  # what a new customer's 平台 says: 淘宝
    account: str = ""
    name: str = ""  # the receiver's name
    phone: str = ""
    address: str = ""

    def keys(self) -> list[tuple[str, str]]:
        """The keys this buyer can be found by, in order of trust (masked values left out)."""
        out = []
        if self.account and not masked(self.account):
            out.append((BY_ACCOUNT, self.account.strip().lower()))
        if is_full_phone(self.phone):
            out.append((BY_PHONE, self.phone))
        if self.name and self.address and not masked(self.name) and not masked(self.address):
            out.append((BY_NAME_ADDRESS, f"{_flat(self.name)}|{_flat(self.address)}"))
        return out

    @property
    def customer_name(self) -> str:
        """A new customer's 称呼: the receiver's name, else the account (never a masked name
        when the account is there)."""
        if self.name and not masked(self.name):
            return self.name
        return self.account or self.name


@dataclasses.dataclass
class Known:
    """A customer of the archive as matching needs it."""
    id: int
    name: str
    phone: str
    platform: str
    account: str
    address: str
    version: int
    deleted: bool

    @property
    def label(self) -> str:
        return f"{self.name} (#{self.id})"


class BuyerIndex:
    """The archive's customers by account (per platform), phone, and name + address; and the
    file's new buyers by the same keys."""

    def __init__(self, platform: str):
        self.platform = platform
        self.by_key: dict[tuple[str, str], Known] = {}
        self.phone_owner: dict[str, int] = {}  # phone -> customer id (the first, by id)
        self.shared_phones: set[str] = set()
        self.by_id: dict[int, Known] = {}
        query = (Customer.select(Customer.id, Customer.name, Customer.phone, Customer.platform,
                                 Customer.platform_account, Customer.address, Customer.version,
                                 Customer.deleted_at)
                 .where(Customer.merged_into.is_null()).order_by(Customer.id).tuples())
        for cid, name, phone, typed, account, address, version, deleted in query:
            known = Known(cid, name, phone, typed, account, address, version, deleted is not None)
            self.by_id[cid] = known
            if account and platform_matches(platform, typed):
                self.by_key.setdefault((BY_ACCOUNT, account.strip().lower()), known)
            if phone:
                if phone in self.phone_owner:
                    self.shared_phones.add(phone)
                else:
                    self.phone_owner[phone] = cid
            if name and address:
                self.by_key.setdefault((BY_NAME_ADDRESS, f"{_flat(name)}|{_flat(address)}"), known)
        for phone, cid in self.phone_owner.items():
            if phone not in self.shared_phones:  # a family's shared phone names no one
                self.by_key[(BY_PHONE, phone)] = self.by_id[cid]
        self.new_by_key: dict[tuple[str, str], str] = {}
        self.new: dict[str, Buyer] = {}  # new buyer key -> the buyer as first seen (and filled)

    def match(self, buyer: Buyer, keys: list | None = None) -> tuple[Known | None, str]:
        for key in buyer.keys() if keys is None else keys:
            if key in self.by_key:
                return self.by_key[key], key[0]
        return None, ""

    def new_buyer(self, buyer: Buyer, keys: list | None = None) -> tuple[str | None, bool]:
        """The key of the file's new customer for this buyer (None: nothing identifies the
        buyer), and whether it was seen on an earlier row."""
        keys = buyer.keys() if keys is None else keys
        if not keys:
            if not buyer.name or masked(buyer.name):
                return None, False
            # A name alone names no one for sure: a customer of its own, never merged.
            found = str(len(self.new) + 1)
            self.new[found] = dataclasses.replace(buyer, phone="" if not is_full_phone(
                buyer.phone) else buyer.phone)
            return found, False
        for key in keys:
            if key in self.new_by_key:
                found = self.new_by_key[key]
                self._learn(found, buyer, keys)
                return found, True
        found = str(len(self.new) + 1)
        self.new[found] = buyer  # the planner made it for this row: it is the file's now
        for key in keys:
            self.new_by_key[key] = found
        return found, False

    def _learn(self, found: str, buyer: Buyer, keys) -> None:
        first = self.new[found]
        for attr in ("account", "phone", "address"):
            value = getattr(buyer, attr)
            if not getattr(first, attr) and value and not masked(value) and (
                    attr != "phone" or is_full_phone(value) and value not in self.phone_owner):
                setattr(first, attr, value)
        for key in keys:
            self.new_by_key.setdefault(key, found)

    def phone_taken(self, phone: str, customer_id: int | None) -> bool:
        owner = self.phone_owner.get(phone)
        return owner is not None and owner != customer_id or phone in self.shared_phones


def fills(known: Known, buyer: Buyer, taken: bool) -> dict[str, str]:
    """What the order adds to a matched customer: only fields the customer has empty; a full
    phone (never a masked one) when no other customer has it; an unmasked address; the
    platform and account when the customer has neither."""
    out: dict[str, str] = {}
    if not known.phone and is_full_phone(buyer.phone) and not taken:
        out["phone"] = buyer.phone
    if not known.address and buyer.address and not masked(buyer.address):
        out["address"] = buyer.address
    if not known.account and not known.platform and buyer.account and not masked(buyer.account):
        out["platform"], out["platform_account"] = buyer.platform_word, buyer.account
    return out
