"""Cases and refunds per product and per 100 orders, and the repeat-purchase rate, against a
hand-computed month; on screen and in the exports they are titled tables like the others."""
from __future__ import annotations

import datetime as dt

import pytest

from db import clock
from db.cases import records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.orders import records as orders
from db.orders.records import ItemData
from db.reports import export, figures, order_figures, periods, tables

UTC = dt.timezone.utc
NOVEMBER = periods.custom(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def at(month: int, day: int) -> dt.datetime:
    return dt.datetime(2026, month, day, 3, 0)


@pytest.fixture
def month(database, owner):
    a, b, c = (customers.create(CustomerData(name=n), owner) for n in ("安安", "贝贝", "茜茜"))
    d = customers.create(CustomerData(name="迪迪"), owner)
    for number, who, when, titles in [
            ("O1", a, at(10, 20), ["杯子"]),  # before the month: makes A a repeat buyer
            ("O2", a, at(11, 5), ["杯子", "杯垫"]),
            ("O3", b, at(11, 10), ["杯子"]),
            ("O4", b, at(11, 12), ["茶壶"]),
            ("O5", c, at(11, 15), ["茶壶"]),
            ("O6", d, at(12, 2), ["杯子"])]:  # after the month
        orders.save_order("taobao", number, who.id, [ItemData(t) for t in titles],
                          ordered_at=when, amount_cents=1000)

    def case(when, who, product, order_no):
        clock.freeze(when)
        return cases.create(CaseData(customer_id=who.id, product=product, order_no=order_no,
                                     description="有问题"), owner)
    first = case(at(11, 6), a, "", "O2")  # no product typed: its order's first line, 杯子
    case(at(11, 11), b, "杯子", "")
    third = case(at(11, 16), c, "茶壶", "O5")
    case(at(10, 25), a, "杯子", "O1")  # opened before the month
    clock.freeze(at(11, 7))
    cases.add_remedy(first.id, owner, "refund", 2990, "agreed")
    cases.add_remedy(third.id, owner, "refund", 1000, "rejected")
    clock.freeze(None)


def test_cases_and_refunds_per_product_and_per_100_orders_and_the_repeat_rate(month):
    found = order_figures.order_figures(NOVEMBER, UTC)
    assert (found.orders, found.buyers, found.repeat_buyers) == (4, 3, 2)
    assert found.repeat_rate == pytest.approx(200 / 3)
    assert (found.cases, found.refunds) == (3, 1)
    assert (found.cases_per_100, found.refunds_per_100) == (75.0, 25.0)
    assert [(r.product, r.orders, r.cases, r.refunds, r.refunded_cents) for r in found.products] \
        == [("杯子", 2, 2, 1, 2990), ("茶壶", 2, 1, 0, 0), ("杯垫", 1, 0, 0, 0)]
    assert (found.products[0].cases_per_100, found.products[1].cases_per_100) == (100.0, 50.0)
    assert found.products[0].refunds_per_100 == 50.0


def test_the_tables_and_the_excel_export_carry_them(month, tmp_path):
    import openpyxl

    board = figures.dashboard(NOVEMBER, at(12, 1), UTC)
    shown = {s.key: s for s in tables.sections(board)}
    assert shown["orders"].rows[3] == ["复购率（%）", 66.7]
    assert shown["order_products"].rows[0] == ["杯子", 2, 2, 100.0, 1, 50.0, 29.9]
    path = tmp_path / "report.xlsx"
    export.write_xlsx(path, "客服月报", tables.sections(board))
    book = openpyxl.load_workbook(path, read_only=True)
    cells = [[c for c in row] for ws in book.worksheets for row in ws.iter_rows(values_only=True)]
    assert ["杯子", 2, 2, 100, 1, 50, 29.9] in [list(r[:7]) for r in cells if r and r[0] == "杯子"]
    assert any(r and r[0] == "复购率（%）" and r[1] == 66.7 for r in cells)


def test_a_shop_without_orders_sees_no_order_tables(database, owner):
    board = figures.dashboard(NOVEMBER, at(12, 1), UTC)
    assert board.orders is None
    assert not {"orders", "order_products"} & {s.key for s in tables.sections(board)}
