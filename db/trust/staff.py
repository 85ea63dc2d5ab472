"""Staff (客服): who works the shop, so that every change can be attributed."""
from __future__ import annotations

from db.errors import WordedError
from db.models import Staff
from db.storage import named
from db.vocabulary import QT_TRANSLATE_NOOP

ROLES = ("owner", "staff")


class StaffError(WordedError):
    context = "StaffError"


_NO_NAME = QT_TRANSLATE_NOOP("StaffError", "请填写客服名字")
_TAKEN = QT_TRANSLATE_NOOP("StaffError", "客服“%1”已存在")


def active_staff() -> list[Staff]:
    return list(Staff.select().where(Staff.active == True).order_by(Staff.id))  # noqa: E712


def all_staff() -> list[Staff]:
    return list(Staff.select().order_by(Staff.active.desc(), Staff.id))


def add(name: str, role: str = "staff") -> Staff:
    name = name.strip()
    if not name:
        raise StaffError(_NO_NAME)
    if role not in ROLES:
        raise StaffError(QT_TRANSLATE_NOOP("StaffError", "未知角色 %1"), role)
    existing = Staff.get_or_none(Staff.name == name)
    if existing is not None:
        if existing.active:
            raise StaffError(_TAKEN, name)
        existing.active = True  # re-hiring someone brings back their history
        existing.save()
        return existing
    first = not Staff.select().exists()
    return Staff.create(name=name, role="owner" if first else role)


def rename(staff_id: int, name: str) -> None:
    name = name.strip()
    if not name:
        raise StaffError(_NO_NAME)
    if named.taken(Staff.name, name, staff_id):
        raise StaffError(_TAKEN, name)
    Staff.update(name=name).where(Staff.id == staff_id).execute()


def deactivate(staff_id: int) -> None:
    """Staff who leave are hidden, never deleted: their names stay on what they did."""
    remaining = Staff.select().where(Staff.active == True, Staff.id != staff_id)  # noqa: E712
    if not remaining.exists():
        raise StaffError(QT_TRANSLATE_NOOP("StaffError", "至少要保留一位在职客服"))
    Staff.update(active=False).where(Staff.id == staff_id).execute()
