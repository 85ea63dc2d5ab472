"""Placeholder values from the customer, the staff member, the shop and the date.

Plain dicts, so any area can add its own (the after-sales cases area supplies 订单号, 商品,
时限 from a case). A value that is not known is simply absent: rendering reports it.
"""
from __future__ import annotations

import datetime as dt

from db import clock
from db.models import Customer, Staff
from db.storage import settings

WEEKDAYS = "一二三四五六日"
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def customer_placeholder_values(customer: Customer | None) -> dict[str, str]:
    if customer is None:
        return {}
    values = {"称呼": customer.name, "客户名": customer.name}
    if customer.platform_account:
        values["买家账号"] = customer.platform_account
    if customer.platform:
        values["平台"] = customer.platform
    digits = customer.phone.lstrip("+")
    if len(digits) >= 4:
        values["手机尾号"] = digits[-4:]
    return values


def staff_placeholder_values(staff: Staff | None) -> dict[str, str]:
    return {"客服名": staff.name} if staff is not None else {}


def english_replies() -> bool:
    """The shop's replies are written in English (its language set to English): {date},
    {weekday} and {deadline} are said in English."""
    return str(settings.get("language")).startswith("en")


def shop_placeholder_values(moment: dt.datetime | None = None) -> dict[str, str]:
    """Shop name from the settings, date and time where the user is."""
    local = moment or clock.to_local(clock.now())
    if english_replies():  # the English library's {date}
        values = {"日期": clock.english_day(local),
                  "星期": WEEKDAYS_EN[local.weekday()]}
    else:
        values = {"日期": f"{local.month}月{local.day}日",
                  "星期": "星期" + WEEKDAYS[local.weekday()]}
    values["时间"] = local.strftime("%H:%M")
    shop = (settings.get("shop_name") or "").strip()
    if shop:
        values["店铺名"] = shop
    return values


def placeholder_values(customer: Customer | None, staff: Staff | None,
                       *more: dict[str, str]) -> dict[str, str]:
    """Everything known now; later dicts (e.g. an open case) win."""
    values = {**shop_placeholder_values(), **staff_placeholder_values(staff),
              **customer_placeholder_values(customer)}
    for extra in more:
        values.update({k: v for k, v in extra.items() if v})
    return values
