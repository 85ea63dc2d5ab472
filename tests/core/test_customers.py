"""Customer archive rules against a real migrated database."""
from __future__ import annotations

import datetime as dt

import pytest

from db.customers import records as customers
from db.customers.records import CustomerData, CustomerError
from db.customers.search import CustomerQuery, count_live, fetch_rows, search_ids
from db.errors import StaleEdit
from db.models import ContactLog, Customer


def make(owner, **fields):
    return customers.create(CustomerData(**fields), owner)


def test_create_normalises_and_records_who(owner):
    c = make(owner, name="  王女士 ", phone="+86 138-1234-5678", tags=["VIP客户", "回头客", "回头客"])
    saved = Customer.get_by_id(c.id)
    assert saved.name == "王女士"
    assert saved.phone == "13812345678"
    assert saved.created_by_id == owner.id and saved.updated_by_id == owner.id
    assert customers.tag_names(c.id) == ["VIP客户", "回头客"]
    assert saved.name_key == "wang nv shi"


@pytest.mark.parametrize("field,value,message", [
    ("name", "   ", "称呼"),
    ("phone", "23456", "电话号码"),
    ("phone", "1381234567", "手机号"),
    ("phone", "电话号码", "非数字"),
    ("qq", "12ab", "QQ"),
])
def test_invalid_input_names_the_field(owner, field, value, message):
    data = CustomerData(name="张三")
    setattr(data, field, value)
    with pytest.raises(CustomerError) as err:
        customers.create(data, owner)
    assert err.value.field == field
    assert message in str(err.value)
    assert Customer.select().count() == 0


def test_duplicates_by_phone_wechat_and_platform_account(owner):
    a = make(owner, name="张三", phone="13800138000", wechat="ZS_wx", platform="拼多多",
             platform_account="zs88")
    probe = customers.clean(CustomerData(name="别人", phone="138 0013 8000"))
    assert [(c.id, f) for c, f in customers.find_duplicates(probe)] == [(a.id, "phone")]
    probe = customers.clean(CustomerData(name="别人", wechat="zs_WX"))
    assert [f for _c, f in customers.find_duplicates(probe)] == ["wechat"]
    same_id_other_platform = customers.clean(CustomerData(name="x", platform="淘宝/天猫",
                                                          platform_account="zs88"))
    assert customers.find_duplicates(same_id_other_platform) == []
    assert customers.find_duplicates(customers.clean(CustomerData(
        name="x", platform="拼多多", platform_account="zs88")))[0][1] == "platform_account"
    # editing a customer is not a duplicate of itself; trashed customers do not count
    assert customers.find_duplicates(probe, exclude_id=a.id) == []
    customers.move_to_trash([a.id], owner)
    assert customers.find_duplicates(probe) == []


def test_update_bumps_version_and_refuses_stale_edit(owner):
    c = make(owner, name="张三")
    data = CustomerData.of(c)
    data.notes = "喜欢蓝色"
    updated = customers.update(c.id, data, owner, expected_version=1)
    assert updated.version == 2
    with pytest.raises(StaleEdit):
        customers.update(c.id, data, owner, expected_version=1)


@pytest.mark.parametrize("query,expected", [
    ("zs", ["张三"]), ("zhangsan", ["张三"]), ("zhang san", ["张三"]), ("张", ["张三"]),
    ("0013", ["张三"]), ("lily", ["王丽丽"]), ("回头客", ["王丽丽"]), ("wll", ["王丽丽"]),
    ("shan", ["单田芳"]), ("dtf", ["单田芳"]), ("12345", ["刘备"]), ("100%", []), ("", None),
])
def test_search_by_name_pinyin_phone_ids_and_tags(owner, query, expected):
    make(owner, name="张三", phone="13800138000")
    make(owner, name="王丽丽", wechat="Lily_w", tags=["回头客"])
    make(owner, name="单田芳")  # 单 reads shan as a surname, dan elsewhere
    make(owner, name="刘备", qq="12345")
    names = [Customer.get_by_id(i).name for i in search_ids(CustomerQuery(text=query))]
    if expected is None:
        assert len(names) == 4
    else:
        assert names == expected


def test_filters_and_sorting(owner):
    today = dt.date(2026, 11, 25)
    types = {t.code: t.id for t in customers.customer_types()}
    make(owner, name="张三", type_id=types["vip"], next_visit=today)
    make(owner, name="阿明", type_id=types["new"], tags=["学生"], next_visit=today + dt.timedelta(1))
    make(owner, name="王五", type_id=types["vip"], tags=["学生"])

    def names(**kw):
        return [Customer.get_by_id(i).name for i in search_ids(CustomerQuery(**kw), today=today)]

    assert names(type_id=types["vip"], sort="name", descending=False) == ["王五", "张三"]
    assert names(tag="学生", sort="name", descending=False) == ["阿明", "王五"]
    assert names(visit_due=True) == ["张三"]
    assert names(sort="name", descending=False) == ["阿明", "王五", "张三"]  # pinyin order
    assert names(sort="next_visit", descending=False) == ["张三", "阿明", "王五"]  # empty last
    assert names(sort="type", descending=False) == ["阿明", "张三", "王五"]  # list order, then id
    assert names(staff_id=owner.id) == []  # nobody assigned yet


def test_fetch_rows_carries_display_values(owner):
    vip = [t for t in customers.customer_types() if t.code == "vip"][0]
    c = make(owner, name="张三", type_id=vip.id, staff_id=owner.id, tags=["a", "b"])
    row = fetch_rows([c.id])[c.id]
    assert (row.type_name, row.type_code, row.staff_name, row.tags) == ("VIP", "vip", "店主小美", ["a", "b"])


def test_trash_restore_and_purge(owner):
    a, b = make(owner, name="甲"), make(owner, name="乙")
    assert customers.move_to_trash([a.id], owner) == 1
    assert search_ids(CustomerQuery()) == [b.id]
    assert count_live() == 1
    assert [c.id for c in customers.trash()] == [a.id]
    assert customers.purge([b.id]) == 0  # only what is in the trash can be purged
    assert customers.restore([a.id], owner) == 1
    assert sorted(search_ids(CustomerQuery())) == sorted([a.id, b.id])
    customers.move_to_trash([a.id], owner)
    assert customers.purge([a.id]) == 1
    assert Customer.get_or_none(Customer.id == a.id) is None


def test_merge_keeps_both_histories(owner):
    keep = make(owner, name="王女士", phone="13812345678", tags=["VIP客户"], notes="喜欢蓝色")
    other = make(owner, name="王丽", wechat="lily", tags=["回头客"], notes="住浦东",
                 address="上海市浦东新区")
    customers.add_contact(keep.id, owner, "电话", "第一次回访")
    customers.add_contact(other.id, owner, "微信", "咨询尺码")
    merged = customers.merge(keep.id, other.id, owner)
    assert merged.wechat == "lily" and merged.address == "上海市浦东新区"
    assert merged.phone == "13812345678"
    assert merged.notes == "喜欢蓝色\n住浦东"
    assert customers.tag_names(keep.id) == ["VIP客户", "回头客"]
    summaries = [c.summary for c in customers.contacts(keep.id)]
    assert "第一次回访" in summaries and "咨询尺码" in summaries
    assert any("合并" in s for s in summaries)
    gone = Customer.get_by_id(other.id)
    assert gone.deleted_at is not None and gone.merged_into_id == keep.id
    assert ContactLog.select().where(ContactLog.customer == other.id).count() == 0
    assert search_ids(CustomerQuery(text="lily")) == [keep.id]
    with pytest.raises(CustomerError):
        customers.merge(keep.id, keep.id, owner)


def test_contact_log_sets_next_visit(owner):
    c = make(owner, name="张三")
    with pytest.raises(CustomerError):
        customers.add_contact(c.id, owner, "电话", "   ")
    customers.add_contact(c.id, owner, "电话", "回访满意", next_visit=dt.date(2026, 12, 1))
    assert Customer.get_by_id(c.id).next_visit == dt.date(2026, 12, 1)
    [entry] = customers.contacts(c.id)
    assert (entry.channel, entry.summary, entry.staff.name) == ("电话", "回访满意", "店主小美")


def test_customer_types_are_editable_but_builtins_stay(owner):
    names = [t.name for t in customers.customer_types()]
    assert names == ["新客户", "老客户", "VIP", "黑名单"]
    wholesale = customers.add_customer_type("批发客户")
    with pytest.raises(CustomerError):
        customers.add_customer_type("批发客户")
    c = make(owner, name="张三", type_id=wholesale.id)
    customers.delete_customer_type(wholesale.id)
    assert Customer.get_by_id(c.id).type_id is None  # the customer stays, untyped
    vip = [t for t in customers.customer_types() if t.code == "vip"][0]
    customers.rename_customer_type(vip.id, "贵宾")
    with pytest.raises(CustomerError):
        customers.delete_customer_type(vip.id)


def test_search_sees_writes_from_this_and_other_connections(database, data_dir, owner):
    from tests.helpers import second_connection
    make(owner, name="张三")
    assert len(search_ids(CustomerQuery(text="z"))) == 1
    make(owner, name="赵六")  # own connection: total_changes moves
    assert len(search_ids(CustomerQuery(text="z"))) == 2
    other = second_connection(data_dir)  # e.g. the import command line, another computer
    other.execute_sql("UPDATE customer SET search_text = search_text || ' zzz_top'")
    other.close()
    assert len(search_ids(CustomerQuery(text="zzz_top"))) == 2


def test_narrowing_while_typing_matches_a_fresh_search(owner):
    for name in ["张三", "张珊珊", "赵四", "周小三", "钟山"]:
        make(owner, name=name)
    typed = [search_ids(CustomerQuery(text=t)) for t in ("z", "zs", "zss", "zs", "z s", "zh")]
    from db.customers.search import _Index
    fresh = [_Index().ids(CustomerQuery(text=t), dt.date.today())
             for t in ("z", "zs", "zss", "zs", "z s", "zh")]
    assert typed == fresh
    assert len(typed[0]) == 5 and len(typed[2]) == 1


def test_search_copy_warms_up_in_the_background(owner):
    from db.customers import search as customer_search
    make(owner, name="张三")
    assert search_ids(CustomerQuery()) != []  # the plain list: ids only, no search copy yet
    worker = customer_search.warm_up(background=True)
    assert worker is not None
    worker.join(10)
    assert customer_search._index.rows is not None
    assert [Customer.get_by_id(i).name for i in search_ids(CustomerQuery(text="zs"))] == ["张三"]
    make(owner, name="李四")  # a change drops the copy; the next search sees the new row
    assert len(search_ids(CustomerQuery(text="s"))) == 2
