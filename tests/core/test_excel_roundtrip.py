"""Property: export -> import changes nothing; export -> edit cells -> import changes exactly
those cells; a row changed in the app after the export is a conflict, never overwritten."""
from __future__ import annotations

import datetime as dt

import openpyxl
from hypothesis import HealthCheck, given, settings, strategies as st

from db import clock
from db.customers import records as customers
from db.customers.records import CustomerData
from db.excel import apply, registry, workflow, write
from db.models import ContactLog, Customer, CustomerTag, Tag

WORDS = st.text(alphabet="张王李赵明华小美abcXYZ019=+-@ ,，、\n", min_size=1, max_size=12)
CELL_TEXT = WORDS.map(str.strip).filter(bool)
FIELDS = ["wechat", "address", "notes", "platform"]


def customers_strategy():
    return st.lists(st.fixed_dictionaries({
        "name": CELL_TEXT.filter(lambda s: "\n" not in s),
        "wechat": st.sampled_from(["", "wx_a", "wx_b"]),
        "address": st.one_of(st.just(""), CELL_TEXT),
        "notes": st.one_of(st.just(""), WORDS),
        "next_visit": st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
        "tags": st.lists(st.sampled_from(["老客户", "爱砍价", "=危险", "VIP 客户"]), max_size=3),
    }), min_size=1, max_size=8)


def _reset() -> None:
    for model in (ContactLog, CustomerTag, Tag, Customer):
        model.delete().execute()


def _seed(people, owner) -> list[int]:
    ids = []
    for n, person in enumerate(people):
        wechat = f"{person['wechat']}{n}" if person["wechat"] else ""
        ids.append(customers.create(CustomerData(
            name=person["name"], phone=f"1390013{n:04d}", wechat=wechat,
            address=person["address"], notes=person["notes"], next_visit=person["next_visit"],
            tags=person["tags"]), owner).id)
    return ids


def _state() -> dict[int, tuple]:
    return {c.id: (c.name, c.phone, c.wechat, c.address, c.notes.strip(), c.next_visit,
                   c.platform, tuple(sorted(customers.tag_names(c.id))), c.version)
            for c in Customer.select()}



@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=customers_strategy())
def test_export_then_import_changes_nothing(database, owner, tmp_path, people, data_dir):
    _reset()
    _seed(people, owner)
    before = _state()
    path = tmp_path / "roster.xlsx"
    write.export(registry.get("customers"), path)
    plan = workflow.plan_file("customers", path)
    assert {r.status for r in plan.rows} == {"unchanged"}, [(r.row, r.reason) for r in plan.rows]
    apply.apply(plan, data_dir, owner)
    assert _state() == before


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=customers_strategy(), data=st.data())
def test_edited_cells_and_only_those_change(database, owner, tmp_path, people, data, data_dir):
    _reset()
    ids = _seed(people, owner)
    before = _state()
    path = tmp_path / "roster.xlsx"
    write.export(registry.get("customers"), path)
    book = openpyxl.load_workbook(path)
    sheet = book["客户"]
    header = [c.value for c in sheet[1]]
    labels = {f.key: f.label for f in registry.get("customers").fields}
    edits = data.draw(st.dictionaries(
        st.tuples(st.integers(0, len(ids) - 1), st.sampled_from(FIELDS)),
        CELL_TEXT.filter(lambda s: "\n" not in s), max_size=6))
    for (index, field), value in edits.items():
        if field == "wechat":
            value = f"new_{index}_{len(value)}"  # WeChat ids must stay unique to match
        edits[(index, field)] = value
        cell = sheet.cell(row=index + 2, column=header.index(labels[field]) + 1)
        cell.value = value
        cell.data_type = "s"
    book.save(path)
    plan = workflow.plan_file("customers", path)
    changed_rows = {index for index, _field in edits
                    if edits[(index, _field)] != _value(before[ids[index]], _field)}
    assert {r.row - 2 for r in plan.rows if r.status == "update"} == changed_rows
    assert all(r.status in ("update", "unchanged") for r in plan.rows)
    apply.apply(plan, data_dir, owner)
    after = _state()
    for index, cid in enumerate(ids):
        expected = dict(zip(["name", "phone", "wechat", "address", "notes", "next_visit",
                             "platform", "tags"], before[cid][:-1]))
        for (row, field), value in edits.items():
            if row == index:
                expected[field] = value
        assert after[cid][:-1] == tuple(expected.values())


def _value(state: tuple, field: str):
    return state[{"wechat": 2, "address": 3, "notes": 4, "platform": 6}[field]]


def test_changed_in_app_after_export_is_a_conflict(database, owner, tmp_path, data_dir):
    cid = customers.create(CustomerData(name="甲", phone="13900139000", notes="旧"), owner).id
    path = tmp_path / "roster.xlsx"
    write.export(registry.get("customers"), path)
    book = openpyxl.load_workbook(path)
    book["客户"]["N2"] = "表格里改的"  # 备注
    book.save(path)
    clock.freeze(clock.now() + dt.timedelta(minutes=1))
    customers.update(cid, CustomerData(name="甲", phone="13900139000", notes="软件里改的"), owner)
    plan = workflow.plan_file("customers", path)
    [row] = plan.rows
    assert row.status == "conflict" and "备注" in row.reason
    assert row.current == {"notes": "软件里改的"} and row.changes == {"notes": "表格里改的"}
    apply.apply(plan, data_dir, owner)  # not chosen: the app keeps its value
    assert Customer.get_by_id(cid).notes == "软件里改的"
    plan = workflow.plan_file("customers", path)
    plan.rows[0].take_sheet = True
    apply.apply(plan, data_dir, owner)
    assert Customer.get_by_id(cid).notes == "表格里改的"
