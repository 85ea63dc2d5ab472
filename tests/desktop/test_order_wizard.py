"""文件 → 导入订单…: the import wizard on the platforms' own exports, driven through the real
widgets, the database read back: preview counts, dry run (nothing written before the last
step), the platform chosen by hand, re-import as updates, the problem report, undo from the
menu."""
from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QMessageBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.excel import history
from db.models import Customer, Order, OrderItem
from desktop.excel.import_wizard import MAPPING, PREVIEW, RUN, ImportWizard
from tests.fixtures import order_exports as ex


def douyin(tmp_path, name="抖店.xlsx", status="已发货"):
    return ex.xlsx(tmp_path / name, ex.DOUYIN, [
        ex.douyin_line("6921234567890123456", "6921234567890123457", "蓝牙耳机", name="刘洋",
                       phone="18612345678", status=status),
        ex.douyin_line("6921234567890123456", "6921234567890123458", "耳机保护套", name="刘洋",
                       phone="18612345678", unit="9.90", payable="9.90", status=status),
        ex.douyin_line("6921234567890999999", "6921234567890999998", "蓝牙耳机", name="周**",
                       phone="186****0000", status=status),
    ])


def run_wizard(qtbot, context, path, platform="auto"):
    wizard = ImportWizard(context, "orders")
    qtbot.addWidget(wizard)
    assert wizard.platform_combo.isVisibleTo(wizard)
    wizard.open_file(path)
    wizard.set_platform(platform)
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == MAPPING
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == PREVIEW
    return wizard


def read_whole(wizard, columns) -> None:
    """No text of these preview columns is cut off (an order number must be read whole)."""
    table = wizard.rows_table
    metrics = table.fontMetrics()
    cut = [(n, c, table.item(n, c).text()) for n in range(table.rowCount()) for c in columns
           if metrics.horizontalAdvance(table.item(n, c).text()) >= table.columnWidth(c)]
    assert cut == []


def finish(qtbot, wizard):
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == RUN
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=15_000)


def test_import_orders_preview_then_reimport_and_undo(qtbot, context, owner, tmp_path,
                                                      monkeypatch):
    known = customers.create(CustomerData(name="刘先生", phone="18612345678"), owner)
    wizard = run_wizard(qtbot, context, douyin(tmp_path))
    counts = wizard.counts_label.text()
    assert "抖音订单导出（按表头识别）" in counts and "订单：新增 2" in counts
    assert "匹配已有 1 位（按平台账号 0，按手机 1" in counts
    assert "1 个订单的买家信息被平台隐藏" in counts
    assert Order.select().count() == 0  # the preview wrote nothing
    reasons = [wizard.rows_table.item(n, 5).text() for n in range(wizard.rows_table.rowCount())]
    assert any("按手机找到" in r and "与档案中的称呼“刘先生”不同" in r for r in reasons)
    read_whole(wizard, (1, 2))  # 同一订单的商品行 and the order numbers
    report = tmp_path / "报告.xlsx"
    wizard.save_report(str(report))
    assert openpyxl.load_workbook(report).active.max_row >= 2
    finish(qtbot, wizard)
    assert (wizard.result.created, wizard.result.updated) == (2, 0)
    order = Order.get(Order.order_no == "6921234567890123456")
    assert order.customer_id == known.id and order.items.count() == 2
    assert Customer.get_by_id(known.id).name == "刘先生"

    # The same orders a week later: updates, nothing doubled.
    again = run_wizard(qtbot, context, douyin(tmp_path, "again.xlsx", status="已完成"))
    assert "订单：新增 0，更新 2" in again.counts_label.text()
    changes = {again.rows_table.item(n, 4).text() for n in range(again.rows_table.rowCount())}
    assert "订单状态：已发货 → 已完成" in changes  # before, as on file; after, as the file says
    read_whole(again, (1, 2, 3))  # and the order each row updates
    finish(qtbot, again)
    assert Order.select().count() == 2 and OrderItem.select().count() == 3
    assert {o.status for o in Order.select()} == {"已完成"}

    from desktop.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.excel.undo_last_import()
    assert {o.status for o in Order.select()} == {"已发货"}
    assert history.last_import(context.data_dir) is None


def test_platform_chosen_by_hand_for_a_file_without_marks(qtbot, context, tmp_path,
                                                           monkeypatch):
    path = ex.xlsx(tmp_path / "手抄.xlsx", ["订单号", "商品", "收货人", "手机"],
                   [{"订单号": "W-1", "商品": "手工皂", "收货人": "孙丽", "手机": "13700001111"}])
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    wizard = ImportWizard(context, "orders")
    qtbot.addWidget(wizard)
    wizard.open_file(path)
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == MAPPING and "看不出这是哪个平台" in warned[0]
    wizard.back_button.click()
    wizard.set_platform("weixin")
    wizard.next_button.click()
    wizard.next_button.click()
    assert "微信小店订单导出（指定）" in wizard.counts_label.text()
    finish(qtbot, wizard)
    order = Order.get()
    assert (order.platform, order.customer.name, order.customer.platform) == (
        "weixin", "孙丽", "微信小店")


def test_a_first_import_previewed_in_english_reads_as_english(qtbot, qapp, context, owner,
                                                               tmp_path):
    """Counts as "new: 2", how a buyer was found and what an order fills in as words inside a
    sentence (not the column labels "Phone", "Address"), and the notes given the room of a
    changes column that a first import leaves empty."""
    from desktop import i18n
    from desktop.excel.import_preview import CHANGES, REASON
    known = customers.create(CustomerData(name="刘先生", phone="18612345678"), owner)
    i18n.install(qapp, "en")
    try:
        wizard = run_wizard(qtbot, context, douyin(tmp_path))
        counts = wizard.counts_label.text()
        assert counts.startswith("new: 2, extra item row: 1; Douyin"), counts
        reasons = [wizard.rows_table.item(n, REASON).text()
                   for n in range(wizard.rows_table.rowCount())]
        found = next(r for r in reasons if f"#{known.id}" in r)
        assert "(found by phone)" in found and "will fill in the customer's address" in found
        wizard.resize(1200, 700)
        wizard.show()
        qtbot.waitExposed(wizard)
        assert wizard.rows_table.columnWidth(REASON) > 2 * wizard.rows_table.columnWidth(CHANGES)
    finally:
        i18n.install(qapp, "zh_CN")


def test_order_numbers_excel_spoiled_are_refused_in_english(qtbot, qapp, context, tmp_path):
    """A row without its order number, a number cell Excel rounded, a number shown as 1.2E+17:
    each refused with why, in the interface language, naming the column."""
    from desktop import i18n
    from desktop.excel.import_preview import REASON
    address = "浙江省 杭州市 西湖区 一路 1 号"
    path = ex.xlsx(tmp_path / "rounded.xlsx", ex.TAOBAO_ORDERS, [
        ex.taobao_order("", "a", "甲", "13800138000", address),
        ex.taobao_order("x", "b", "乙", "13800138001", address),
        ex.taobao_order("1.23457E+17", "c", "丙", "13800138002", address)])
    book = openpyxl.load_workbook(path)
    book.active["A3"] = 3.856712345678901e18  # what Excel keeps of a 19-digit number cell
    book.save(path)
    i18n.install(qapp, "en")
    try:
        wizard = run_wizard(qtbot, context, path)
        reasons = {wizard.rows_table.item(n, 0).text(): wizard.rows_table.item(n, REASON).text()
                   for n in range(wizard.rows_table.rowCount())}
    finally:
        i18n.install(qapp, "zh_CN")
    assert reasons["2"] == "No order number"
    assert reasons["3"] == ("Order no. (column A): “3.856712E+18” is a number cell: Excel kept "
                            "only its first 15 digits and the rest are lost; export the file "
                            "from the platform again, or set the column to Text in Excel before "
                            "exporting")
    assert reasons["4"].startswith("Order no. (column A): “1.23457E+17” is in scientific notation")


def test_a_reimport_moving_an_order_to_another_customer_says_so_in_english(qtbot, qapp, context,
                                                                          owner, tmp_path):
    from db.orders import records as orders
    from desktop import i18n
    # 刘洋 known by name and address (another phone): the first import links the order to her.
    first = customers.create(CustomerData(name="刘洋", phone="13900000000",
                                          address="浙江省杭州市余杭区五常街道 文一西路 969 号"), owner)
    finish(qtbot, run_wizard(qtbot, context, douyin(tmp_path)))
    order = Order.get(Order.order_no == "6921234567890123456")
    assert order.customer_id == first.id
    orders.save_order("douyin", "D-2", first.id, [])  # a second order: she is a repeat buyer
    assert customers.tag_names(first.id) == ["回头客"]
    # The export's phone belongs to a customer the shop added since: the order moves there.
    second = customers.create(CustomerData(name="刘洋（新号）", phone="18612345678"), owner)
    i18n.install(qapp, "en")
    try:
        wizard = run_wizard(qtbot, context, douyin(tmp_path, "again.xlsx"))
        assert "1 order(s) on file moved to another customer found by this file" in \
            wizard.counts_label.text()
        reasons = [wizard.rows_table.item(n, 5).text()
                   for n in range(wizard.rows_table.rowCount())]
        assert any(f"the order moves from customer “刘洋 (#{first.id})” to customer "
                   f"“刘洋（新号） (#{second.id})” (found by phone)" in r for r in reasons), reasons
        assert any(r.startswith("order on file, updating: customer, customer details;")
                   for r in reasons), reasons
        finish(qtbot, wizard)
    finally:
        i18n.install(qapp, "zh_CN")
    assert Order.get_by_id(order.id).customer_id == second.id
    assert customers.tag_names(first.id) == []  # one order left
    assert orders.summary(second.id).count == 1
