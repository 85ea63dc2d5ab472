"""Importing the platforms' own order exports (淘宝 订单报表 + 宝贝报表, 拼多多 GBK CSV, 抖店,
微信小店), in the files' real layouts: orders and items read back from the database, buyers
found or created once, masked values never matched nor stored over full ones, re-imports
update and never double an order."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from db.customers import records as customers
from db.customers.records import CustomerData
from db.excel import apply, history, registry, workflow
from db.excel.errors import ExcelError
from db.excel.plan import ImportOptions
from db.models import Customer, Order, OrderItem
from tests.fixtures import order_exports as ex


def plan_of(path, platform="auto"):
    kind, table, guess = workflow.open_sheet("orders", path)
    return workflow.plan_import(kind, table, guess, options=ImportOptions(platform=platform))


def run(path, data_dir, platform="auto"):
    plan = plan_of(path, platform)
    return plan, apply.apply(plan, data_dir, None)


def statuses(plan):
    return {row.row: row.status for row in plan.rows}


def items_of(order_no):
    order = Order.get(Order.order_no == order_no)
    return [(i.title, i.sku, i.quantity, i.amount_cents)
            for i in order.items.order_by(OrderItem.position)]


def customer(name):
    return Customer.get(Customer.name == name)


TB1, TB2, TB3 = "3856712345678901234", "3856712345678905678", "3856712345678909999"


def taobao_report(tmp_path, name="淘宝订单报表.xlsx", **changes):
    rows = [
        ex.taobao_order(TB1, "tb_xiaomei", "王小美", "13800138000",
                        "浙江省 杭州市 西湖区 文三路 90 号(310012)", paid="¥128.00",
                        title="纯棉T恤 白色 L，帆布袋", count=2, tracking="", company=""),
        ex.taobao_order(TB2, "tb_xiaomei", "王小美", "138****8000",
                        "浙江省 杭州市 西湖区 文三路 90 号(310012)", paid="59.90元"),
        ex.taobao_order(TB3, "laoli_88", "李**", "139****0001",
                        "江苏省 南京市 鼓楼区 ***", paid="=\"35.00\""),
    ]
    for index, values in changes.items():
        rows[int(index[1:])].update(values)
    return ex.xlsx(tmp_path / name, ex.TAOBAO_ORDERS, rows,
                   title_rows=[["订单报表（2026-11-01 至 2026-11-30）"]])


def test_taobao_order_report_then_item_report(database, data_dir, tmp_path):
    known = customers.create(CustomerData(name="老李", platform="淘宝", platform_account="laoli_88"),
                             None)
    plan = plan_of(taobao_report(tmp_path))
    assert "淘宝订单导出（按表头识别）" in plan.summary()
    assert "订单：新增 3，更新 0" in plan.summary()
    assert "客户：新建 1 位，匹配已有 1 位（按平台账号 1" in plan.summary()
    apply.apply(plan, data_dir, None)

    assert Order.select().count() == 3
    first = Order.get(Order.order_no == TB1)
    assert first.platform == "taobao" and first.amount_cents == 12800
    assert (first.province, first.city, first.district, first.street) == (
        "浙江省", "杭州市", "西湖区", "文三路 90 号")
    assert first.ordered_at is not None and first.buyer_account == "tb_xiaomei"
    buyer = customer("王小美")
    assert first.customer_id == buyer.id == Order.get(Order.order_no == TB2).customer_id
    assert (buyer.platform, buyer.platform_account, buyer.phone) == ("淘宝", "tb_xiaomei",
                                                                     "13800138000")
    assert buyer.address == "浙江省杭州市西湖区文三路 90 号"
    assert Order.get(Order.order_no == TB2).receiver_phone == "138****8000"
    assert Order.get(Order.order_no == TB3).customer_id == known.id
    assert Customer.get_by_id(known.id).name == "老李"  # a match never renames
    assert Customer.get_by_id(known.id).phone == ""  # a masked phone is never stored
    assert Customer.select().count() == 2
    assert items_of(TB1) == [("纯棉T恤 白色 L，帆布袋", "", 2, None)]

    # The 宝贝报表 of the same orders: its lines replace the summary; no buyer is needed.
    report = ex.xlsx(tmp_path / "宝贝报表.xlsx", ex.TAOBAO_ITEMS, [
        {"订单编号": TB1, "标题": "纯棉T恤", "价格": "99.00", "购买数量": 1, "商品属性": "颜色：白色；尺码：L",
         "订单状态": "交易成功"},
        {"订单编号": TB1, "标题": "帆布袋", "价格": "29.00", "购买数量": 1, "商品属性": "",
         "订单状态": "交易成功"},
    ])
    items = plan_of(report)
    assert "淘宝宝贝报表" in items.summary()
    assert statuses(items) == {2: "update", 3: "line"}
    apply.apply(items, data_dir, None)
    assert items_of(TB1) == [("纯棉T恤", "颜色：白色；尺码：L", 1, 9900), ("帆布袋", "", 1, 2900)]
    assert Order.get(Order.order_no == TB1).customer_id == buyer.id

    # The order report again: nothing changes, the detailed items stay.
    again = plan_of(taobao_report(tmp_path, name="again.xlsx"))
    assert {s for s in statuses(again).values()} == {"unchanged"}
    assert not again.to_write()
    assert items_of(TB1)[0][0] == "纯棉T恤"


def test_reimport_updates_status_and_logistics_never_doubles(database, data_dir, tmp_path):
    run(taobao_report(tmp_path), data_dir)
    later = taobao_report(tmp_path, name="later.xlsx", r1={
        "订单状态": "卖家已发货，等待买家确认", "物流单号": "YT7531234567890", "物流公司": "圆通速递"},
        r2={"订单付款时间": "2026-11-04 09:30:00"})  # another set of columns changed
    plan = plan_of(later)
    row = next(r for r in plan.rows if r.row == 4)
    assert row.status == "update" and "订单状态" in row.reason and "快递单号" in row.reason
    assert "订单：新增 0，更新 2，无变化 1" in plan.summary()
    result = apply.apply(plan, data_dir, None)
    assert (result.created, result.updated) == (0, 2)
    order = Order.get(Order.order_no == TB2)
    assert (order.status, order.tracking_no, order.logistics_company) == (
        "卖家已发货，等待买家确认", "YT7531234567890", "圆通速递")
    paid = Order.get(Order.order_no == TB3).paid_at  # a time, stored as UTC as at first
    assert paid == dt.datetime(2026, 11, 4, 9, 30).astimezone(dt.timezone.utc).replace(tzinfo=None)
    assert Order.get(Order.order_no == TB3).status == Order.get(Order.order_no == TB1).status
    assert Order.select().count() == 3 and Customer.select().count() == 2  # 王小美, laoli_88
    # Undo the last import: the order is back as before.
    history.undo_last_import(data_dir)
    assert Order.get(Order.order_no == TB2).tracking_no == ""


def test_masked_phone_never_overwrites_a_full_one(database, data_dir, tmp_path):
    run(taobao_report(tmp_path), data_dir)
    masked = taobao_report(tmp_path, name="masked.xlsx", r0={"联系手机": "138****8000"})
    plan = plan_of(masked)
    assert statuses(plan)[3] == "unchanged"
    apply.apply(plan, data_dir, None)
    assert Order.get(Order.order_no == TB1).receiver_phone == "13800138000"


def test_pdd_gbk_csv_one_row_per_item(database, data_dir, tmp_path):
    by_phone = customers.create(CustomerData(name="陈姐", phone="13911112222"), None)
    by_address = customers.create(CustomerData(
        name="赵强", address="广东省深圳市南山区科技园路 1 号"), None)
    path = ex.csv(tmp_path / "拼多多订单.csv", ex.PDD, [
        ex.pdd_line('="231105-123456789012345"', "儿童保温杯 500ml", name="陈晓", phone="13911112222",
                    paid="￥39.80\t", count="2", spec="粉色"),
        ex.pdd_line('="231105-123456789012345"', "杯套", name="陈晓", phone="13911112222",
                    paid="￥5.00\t", spec="粉色"),
        ex.pdd_line("231105-222222222222222", "儿童保温杯 500ml", name="赵强", phone="158****6789"),
        ex.pdd_line("231105-333333333333333", "儿童保温杯 500ml", name="王**", phone="137****1111",
                    street="****"),
    ])
    plan = plan_of(path)
    assert "拼多多订单导出（按表头识别）" in plan.summary()
    assert statuses(plan) == {2: "new", 3: "line", 4: "new", 5: "new"}
    assert "按手机 1" in plan.summary() and "按姓名和地址 1" in plan.summary()
    assert "1 个订单的买家信息被平台隐藏" in plan.summary()
    apply.apply(plan, data_dir, None)
    order = Order.get(Order.order_no == "231105-123456789012345")
    assert order.customer_id == by_phone.id and order.amount_cents == 4480
    assert items_of(order.order_no) == [("儿童保温杯 500ml", "粉色", 2, 3980), ("杯套", "粉色", 1, 500)]
    assert Order.get(Order.order_no == "231105-222222222222222").customer_id == by_address.id
    assert Order.get(Order.order_no == "231105-333333333333333").customer_id is None
    assert Customer.select().count() == 2
    assert Customer.get_by_id(by_phone.id).name == "陈姐"


def test_douyin_sub_orders_and_repeated_rows(database, data_dir, tmp_path):
    path = ex.xlsx(tmp_path / "抖店订单.xlsx", ex.DOUYIN, [
        ex.douyin_line("6921234567890123456", "6921234567890123457", "蓝牙耳机", name="刘洋",
                       phone="18612345678", express="中通快递 75312345678901"),
        ex.douyin_line("6921234567890123456", "6921234567890123458", "耳机保护套", unit="9.90",
                       payable="9.90", name="刘洋", phone="18612345678"),
        ex.douyin_line("6921234567890123456", "6921234567890123458", "耳机保护套", unit="9.90",
                       payable="9.90", name="刘洋", phone="18612345678"),
    ])
    plan = plan_of(path)
    assert "抖音订单导出" in plan.summary()
    assert statuses(plan) == {2: "new", 3: "line", 4: "duplicate"}
    apply.apply(plan, data_dir, None)
    order = Order.get(Order.order_no == "6921234567890123456")
    assert (order.logistics_company, order.tracking_no) == ("中通快递", "75312345678901")
    assert order.amount_cents == 6890 and len(items_of(order.order_no)) == 2
    assert order.street == "五常街道 文一西路 969 号"
    assert order.customer.name == "刘洋" and order.customer.platform == "抖音"
    assert order.customer.phone == "18612345678"


def test_weixin_account_match_keeps_the_archive_name(database, data_dir, tmp_path):
    known = customers.create(CustomerData(name="阿珍", platform="微信", platform_account="zhen_88"),
                             None)
    path = ex.xlsx(tmp_path / "微信小店订单.xlsx", ex.WEIXIN, [
        ex.weixin_line("3712345678901234567", "手工皂", nick="zhen_88", name="陈珍珍",
                       phone="13600001111")])
    plan = plan_of(path)
    assert "微信小店订单导出" in plan.summary()
    assert "与档案中的称呼“阿珍”不同，客户档案未修改" in plan.rows[0].reason
    apply.apply(plan, data_dir, None)
    saved = Customer.get_by_id(known.id)
    assert saved.name == "阿珍" and saved.phone == "13600001111"  # filled, not renamed
    assert Order.get().customer_id == known.id


def test_order_numbers_excel_rounded_are_refused_naming_row_and_column(database, tmp_path):
    path = tmp_path / "rounded.xlsx"
    ex.xlsx(path, ex.TAOBAO_ORDERS, [
        ex.taobao_order(TB1, "a", "甲", "13800138000", "浙江省 杭州市 西湖区 一路 1 号"),
        ex.taobao_order("1.23457E+17", "b", "乙", "13800138001", "浙江省 杭州市 西湖区 一路 2 号"),
    ])
    book = openpyxl.load_workbook(path)
    book.active["A2"] = 3.856712345678901e18  # what Excel keeps of a 19-digit number cell
    book.save(path)
    plan = plan_of(path)
    assert statuses(plan) == {2: "invalid", 3: "invalid"}
    assert "订单号（A 列）" in plan.rows[0].reason and "后几位已丢失" in plan.rows[0].reason
    assert "科学计数法" in plan.rows[1].reason


def test_platform_is_read_from_headers_or_given(database, tmp_path):
    path = ex.xlsx(tmp_path / "自制.xlsx", ["订单号", "商品", "收货人", "手机"],
                   [{"订单号": "A1", "商品": "杯子", "收货人": "孙", "手机": "13800000000"}])
    with pytest.raises(ExcelError, match="看不出这是哪个平台"):
        plan_of(path)
    plan = plan_of(path, platform="other")
    assert "其他订单导出（指定）" in plan.summary()
    assert registry.get("orders").importable


def test_times_are_stored_as_utc(database, data_dir, tmp_path):
    run(taobao_report(tmp_path), data_dir)
    stored = Order.get(Order.order_no == TB1).ordered_at
    local = dt.datetime(2026, 11, 3, 10, 15, 2)
    assert stored == local.astimezone(dt.timezone.utc).replace(tzinfo=None)


def test_taobao_item_report_first_then_order_report(database, data_dir, tmp_path):
    report = ex.xlsx(tmp_path / "宝贝报表.xlsx", ex.TAOBAO_ITEMS, [
        {"订单编号": TB1, "标题": "纯棉T恤", "价格": "99.00", "购买数量": 1, "订单状态": "交易成功"},
        {"订单编号": TB1, "标题": "帆布袋", "价格": "29.00", "购买数量": 1, "订单状态": "交易成功"}])
    run(report, data_dir)
    order = Order.get(Order.order_no == TB1)
    assert order.customer_id is None and order.amount_cents == 12800
    plan = plan_of(taobao_report(tmp_path))
    assert statuses(plan)[3] == "update"  # the order gets its buyer, times, receiver...
    apply.apply(plan, data_dir, None)
    order = Order.get(Order.order_no == TB1)
    assert order.customer.name == "王小美" and order.buyer_account == "tb_xiaomei"
    assert [i[0] for i in items_of(TB1)] == ["纯棉T恤", "帆布袋"]  # the summary is not added
    assert Order.select().count() == 3


def test_a_buyer_with_two_orders_in_the_file_is_marked_a_repeat_buyer(database, data_dir,
                                                                       tmp_path):
    from db.models import CustomerTag, Tag
    run(taobao_report(tmp_path), data_dir)
    tags = {c.name: {link.tag.name for link in CustomerTag.select().join(Tag).where(
        CustomerTag.customer == c.id)} for c in Customer.select()}
    assert "回头客" in tags["王小美"]  # two orders from tb_xiaomei
    assert not any("回头客" in names for name, names in tags.items() if name != "王小美")


def known_by_phone_and_address():
    """王小美 as the archive knows her: phone, address and a WeChat account, no 淘宝 account
    (so the orders of the 淘宝 report find her by phone)."""
    return customers.create(CustomerData(name="王小美", phone="13800138000", platform="微信",
                                         platform_account="wx_mei",
                                         address="浙江省杭州市西湖区文三路 90 号"), None)


def test_an_order_moving_to_another_buyer_takes_the_repeat_buyer_tag_with_it(
        database, data_dir, tmp_path):
    from db.customers.search import CustomerQuery, search_ids
    from db.orders import records as orders
    # 王小美 is known by her phone and address (and a WeChat account): both orders are hers.
    mei = known_by_phone_and_address()
    run(taobao_report(tmp_path), data_dir)
    assert orders.summary(mei.id).count == 2
    assert customers.tag_names(mei.id) == ["回头客"]
    # The shop learns the 淘宝 account tb_xiaomei is her daughter's, who has bought before.
    daughter = customers.create(CustomerData(name="小美的女儿", platform="淘宝",
                                             platform_account="tb_xiaomei"), None)
    orders.save_order("taobao", "D-1", daughter.id, [orders.ItemData("帽子")])
    later = ex.xlsx(tmp_path / "later.xlsx", ex.TAOBAO_ORDERS, [ex.taobao_order(
        TB1, "tb_xiaomei", "王小美", "13800138000", "浙江省 杭州市 西湖区 文三路 90 号(310012)",
        paid="¥128.00", title="纯棉T恤 白色 L，帆布袋", count=2)])
    plan = plan_of(later)
    assert statuses(plan) == {2: "update"}
    assert "订单将从客户“王小美 (#%d)”改到客户“小美的女儿 (#%d)”（按平台账号找到）" % (
        mei.id, daughter.id) in plan.rows[0].reason
    assert "1 个已有订单改到按本文件找到的另一位客户" in plan.summary()
    apply.apply(plan, data_dir, None)

    assert Order.get(Order.order_no == TB1).customer_id == daughter.id
    assert orders.summary(mei.id).count == 1 and orders.summary(daughter.id).count == 2
    assert customers.tag_names(mei.id) == [] and customers.tag_names(daughter.id) == ["回头客"]
    assert search_ids(CustomerQuery(text="回头客")) == [daughter.id]  # search text follows
    assert Customer.get_by_id(mei.id).name == "王小美"  # nobody renamed
    # The same file again: the order stays where it went.
    assert statuses(plan_of(later)) == {2: "unchanged"}


def test_a_buyer_left_without_orders_loses_the_tag_the_orders_gave(database, data_dir,
                                                                     tmp_path):
    from db.orders import records as orders
    mei = known_by_phone_and_address()
    run(taobao_report(tmp_path), data_dir)
    daughter = customers.create(CustomerData(name="小美的女儿", platform="淘宝",
                                             platform_account="tb_xiaomei"), None)
    result = run(taobao_report(tmp_path, name="again.xlsx"), data_dir)[1]
    assert result.updated == 2
    assert orders.summary(mei.id).count == 0 and orders.summary(daughter.id).count == 2
    assert customers.tag_names(mei.id) == [] and customers.tag_names(daughter.id) == ["回头客"]


def test_an_order_never_moves_into_the_trash(database, data_dir, tmp_path):
    mei = known_by_phone_and_address()
    run(taobao_report(tmp_path), data_dir)
    gone = customers.create(CustomerData(name="旧账号", platform="淘宝",
                                         platform_account="tb_xiaomei"), None)
    customers.move_to_trash([gone.id], None)
    plan = plan_of(taobao_report(tmp_path, name="again.xlsx"))
    assert "改到" not in plan.summary() and set(statuses(plan).values()) == {"unchanged"}
    assert {o.customer_id for o in Order.select().where(Order.order_no.in_([TB1, TB2]))} == {mei.id}


def test_a_reimport_fills_what_the_customer_lacks_even_when_the_order_is_unchanged(
        database, data_dir, tmp_path):
    run(taobao_report(tmp_path), data_dir)
    mei = customer("王小美")
    Customer.update(phone="").where(Customer.id == mei.id).execute()  # cleared since
    plan = plan_of(taobao_report(tmp_path, name="again.xlsx"))
    row = next(r for r in plan.rows if r.row == 3)
    assert row.status == "update" and "将更新：客户信息" in row.reason and "将补充客户的手机" in row.reason
    apply.apply(plan, data_dir, None)
    assert Customer.get_by_id(mei.id).phone == "13800138000"
    assert set(statuses(plan_of(taobao_report(tmp_path, name="third.xlsx"))).values()) == {
        "unchanged"}
