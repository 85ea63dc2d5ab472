"""The order export's cells as the platforms write them: times and quantities in every form
seen, the plain form read by a fast path that must agree with the general one."""
from __future__ import annotations

import datetime as dt

import pytest

from db.excel.order_import import _quantity
from db.excel.values import ValueProblem, parse_moment

AT = dt.datetime(2026, 11, 3, 14, 5, 9)


@pytest.mark.parametrize("cell, expected", [
    ("2026-11-03 14:05:09", AT),
    ("2026-11-03T14:05:09", AT),
    ("2026/11/03 14:05:09", AT),
    (' ="2026-11-03 14:05:09"', AT),  # kept as text by the platform
    ("'2026-11-03 14:05:09", AT),
    (" 2026-11-03 14:05:09\t", AT),
    ("2026-11-3 14:05", dt.datetime(2026, 11, 3, 14, 5)),
    ("2026-11-03", dt.datetime(2026, 11, 3)),
    (AT, AT),  # a date cell
    ("", None), ("--", None), ("0000-00-00 00:00:00", None),
])
def test_a_time_in_any_form_the_platforms_write(cell, expected):
    assert parse_moment(cell) == expected


@pytest.mark.parametrize("cell", ["2026-13-03 14:05:09", "2026-11-03 25:05:09", "昨天"])
def test_a_time_that_is_not_one_is_refused(cell):
    with pytest.raises(ValueProblem):
        parse_moment(cell)


@pytest.mark.parametrize("cell, expected", [
    ("3", 3), ("３", 3), ("2件", 2), ("1.0", 1), (" 4 ", 4), ("", None), ("若干", None),
])
def test_a_quantity_in_any_form(cell, expected):
    assert _quantity(cell) == expected
