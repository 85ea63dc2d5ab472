"""Render the README screenshots from a demo database.

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshots.py [OUT_DIR [LANGUAGE]]

LANGUAGE is zh_CN (the default, into docs/screenshots) or en (into docs/screenshots/en).
"""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEMO = [
    ("王女士", "13812345678", "wang_lily", "淘宝/天猫", "lily王", "VIP", ["回头客", "爱买连衣裙"], 3),
    ("张三", "13900001111", "", "拼多多", "zhangsan88", "老客户", ["尺码偏大"], -2),
    ("李先生", "021-66778899", "li_xs", "京东", "", "新客户", [], None),
    ("赵小姐", "+86 137 0000 2222", "zhao_mm", "抖音", "dy_zhao", "老客户", ["敏感肌"], 0),
    ("陈阿姨", "13655556666", "chen_ay", "微信小店", "", "VIP", ["团购"], 10),
    ("刘同学", "15011112222", "", "淘宝/天猫", "liu同学", "新客户", ["学生"], None),
    ("周老板", "18999990000", "zhou_boss", "拼多多", "zhoulaoban", "黑名单", ["恶意差评"], None),
    ("孙太太", "13588887777", "sun_tt", "淘宝/天猫", "孙太太家", "老客户", ["回头客"], 1),
]


def seed(data_dir: Path, language: str = "zh_CN"):
    from db.customers import records as customers
    from db.models import CustomerType
    from db.snippets import defaults as default_library
    from db.storage import settings, store
    from db.trust import staff as staff_rules
    store.open_database(data_dir)
    default_library.load_on_first_open(language)
    settings.put("language", language)
    settings.put("shop_name", "小美服饰")
    owner = staff_rules.add("小美", role="owner")
    staff_rules.add("阿强")
    types = {t.name: t.id for t in CustomerType.select()}
    today = dt.date.today()
    for name, phone, wechat, platform, account, kind, tags, visit in DEMO:
        c = customers.create(customers.CustomerData(
            name=name, phone=phone, wechat=wechat, platform=platform, platform_account=account,
            type_id=types[kind], tags=tags, staff_id=owner.id,
            next_visit=today + dt.timedelta(days=visit) if visit is not None else None,
            address="上海市浦东新区世纪大道 100 号" if name == "王女士" else "",
            notes="喜欢简约款，夏季常买连衣裙；对物流速度敏感。" if name == "王女士" else ""), owner)
        if name == "王女士":
            customers.add_contact(c.id, owner, "微信", "回访：上次的连衣裙很合身，想看秋季新款。")
            customers.add_contact(c.id, owner, "旺旺/千牛", "咨询 M 码库存，已告知周五补货。")
    return owner


def seed_cases(owner) -> int:
    """A handful of cases at every stage, some overdue, some due today; returns one to show."""
    from db import clock
    from db.cases import records as cases
    from db.cases.records import CaseData
    from db.models import Customer
    ids = {c.name: c.id for c in Customer.select()}
    real_now = clock.now()
    plan = [  # customer, hours ago, category, product, order, emotion, stages to advance
        ("王女士", 30, "破损", "真丝连衣裙", "TB20261120001", "angry", 2),
        ("张三", 3, "物流延误", "保温杯", "PDD8812345", "anxious", 0),
        ("赵小姐", 0.5, "色差", "羊毛围巾", "DY55120", "calm", 1),
        ("陈阿姨", 50, "少件漏发", "床上四件套", "WX20261118", "sad", 3),
        ("孙太太", 80, "尺码不符", "儿童雨靴", "TB20261115007", "calm", 3),
    ]
    shown = None
    for name, hours, category, product, order, emotion, steps in plan:
        clock.freeze(real_now - dt.timedelta(hours=hours))
        case = cases.create(CaseData(
            customer_id=ids[name], order_no=order, product=product, category=category,
            channel="旺旺/千牛", emotion=emotion, staff_id=owner.id,
            severity="complex" if steps == 3 else "simple",
            description="收到的裙子领口开线了，下周要穿，很着急！" if name == "王女士"
            else f"{category}，买家希望尽快处理"), owner)
        for _ in range(steps):
            cases.advance(case.id, owner, note="已复述问题，买家确认" if _ == 0 else "")
        if steps >= 2:
            cases.add_remedy(case.id, owner, "reship" if name != "王女士" else "compensation",
                             None if name != "王女士" else 2000,
                             "agreed", "补发领口配件并补偿 20 元" if name == "王女士" else "")
        if name == "王女士":
            shown = case.id
            cases.add_promise(case.id, owner, real_now + dt.timedelta(hours=3),
                              "今天下午把补发单号发给您")
        if name == "孙太太":  # closed three days ago: the return visit is due today
            clock.freeze(real_now - dt.timedelta(days=3))
            cases.close(case.id, owner, 5, "仓库拣货看错尺码", "发货前二次核对尺码",
                        return_visit_days=3)
    clock.freeze(None)
    return shown


def excel_shots(window, tmp: Path, out: Path) -> None:
    """The import wizard on a re-imported export: mapping, then the preview with a conflict."""
    import datetime as dt
    import openpyxl
    from PySide6.QtCore import QCoreApplication
    from db import clock
    from db.customers import records as customers
    from db.excel import registry, write
    from db.models import Customer
    from desktop.excel.import_wizard import ImportWizard
    path = tmp / "客户-已编辑.xlsx"
    write.export(registry.get("customers"), path)
    book = openpyxl.load_workbook(path)
    sheet = book["客户"]
    sheet["N2"] = "改为发顺丰"
    sheet["H4"] = "北京市海淀区中关村大街 1 号"
    sheet.append([None, "吴先生", "1.38E+10"])
    sheet.append([None, "郑女士", "13712345678", "zheng_w", None, "抖音", None, None, "新客户"])
    # 张三's phone under another name (his own row taken out of the sheet), a staff member the
    # app does not know, an extra column.
    sheet.delete_rows(3)
    sheet.append([None, "张伟", "13900001111", None, None, None, None, None, None, None, "小王"])
    sheet.cell(1, 16, "客户来源")
    sheet.cell(sheet.max_row, 16, "老客户介绍")
    book.save(path)
    clock.freeze(clock.now() + dt.timedelta(minutes=1))
    first = Customer.get_by_id(1)
    data = customers.CustomerData.of(first)
    data.notes = "在软件里改过：只发中通"
    customers.update(first.id, data, window.context.staff)
    clock.freeze(None)
    wizard = ImportWizard(window.context, "customers", window)
    wizard.resize(1100, 720)
    wizard.show()
    wizard.open_file(path)
    wizard.next_button.click()
    QCoreApplication.processEvents()
    wizard.grab().save(str(out / "import-mapping.png"))
    wizard.next_button.click()
    QCoreApplication.processEvents()
    wizard.grab().save(str(out / "import-preview.png"))
    wizard.close()


def order_shots(window, tmp: Path, out: Path) -> None:
    """文件 → 导入订单… on a 千牛 订单报表 (its real header): the preview with buyers found by
    account and phone, a masked buyer, a new one."""
    from PySide6.QtCore import QCoreApplication
    from openpyxl import Workbook
    from desktop.excel.import_wizard import ImportWizard
    header = ["订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分",
              "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言",
              "收货人姓名", "收货地址", "运送方式", "联系电话", "联系手机", "订单创建时间", "订单付款时间",
              "宝贝标题", "宝贝种类", "物流单号", "物流公司", "订单备注", "宝贝总数量"]
    rows = [("3856712345678901234", "lily王", "王女士", "13812345678", "交易成功", "秋季连衣裙 M", "268.00"),
            ("3856712345678905678", "lily王", "王女士", "138****5678", "卖家已发货，等待买家确认",
             "针织开衫 L", "199.00"),
            ("3856712345678909999", "t**8", "孙**", "135****7777", "交易成功", "丝巾", "59.90"),
            ("3856712345678912345", "xiaoyu_2026", "林小雨", "15900001234", "买家已付款，等待卖家发货",
             "纯棉T恤 白色 L", "89.00")]
    book = Workbook()
    book.active.append(["订单报表（2026-11-01 至 2026-11-30）"])
    book.active.append(header)
    for no, account, name, phone, status, title, paid in rows:
        values = {"订单编号": no, "买家会员名": account, "买家实际支付金额": paid, "订单状态": status,
                  "收货人姓名": name, "收货地址": "上海市 上海市 浦东新区 世纪大道 100 号(200120)",
                  "联系手机": phone, "订单创建时间": "2026-11-03 10:15:02", "宝贝标题": title,
                  "宝贝总数量": 1, "运送方式": "快递"}
        book.active.append([values.get(h, "") for h in header])
    path = tmp / "ExportOrderList202611.xlsx"
    book.save(path)
    wizard = ImportWizard(window.context, "orders", window)
    wizard.resize(1100, 720)
    wizard.show()
    wizard.open_file(path)
    wizard.next_button.click()
    wizard.next_button.click()
    QCoreApplication.processEvents()
    wizard.grab().save(str(out / "import-orders-preview.png"))
    wizard.close()


# What the snippet screenshots type: a code and a reply that trips the wording check, in the
# language of the library the screenshots show.
SNIPPET_SCENES = {
    "zh_CN": {"search": "dq", "palette": "fh",
              "reply": "亲，您的眼光很好，但是这款没货了，公司规定就是这样。",
              "title": "发货说明", "code": "fhsm",
              "body": "{称呼}您好，您的订单 {订单号} 今天发出，快递单号 {输入:快递单号}。\n"
                      "我们保证明天到，绝对不可能延误。"},
    "en": {"search": "sorry", "palette": "ship",
           "reply": "Great choice, but this one is sold out. I can't change that, it's company "
                    "policy.",
           "title": "Shipping note", "code": "shipnote",
           "body": "{name}, your order {order} ships today, tracking number {ask:tracking}.\n"
                   "We guarantee it arrives tomorrow: a delay is impossible."},
}


def shoot_snippets(window, out: Path, language: str = "zh_CN") -> None:
    from PySide6.QtCore import QCoreApplication
    from desktop.snippets.editor import SnippetEditorDialog
    scene = SNIPPET_SCENES.get(language, SNIPPET_SCENES["en"])
    page = window.customers_page
    page.select_customer(page.model.customer_id(0))  # the most recently updated: 孙太太 ...
    snippets_page = window.snippets_page
    window.show_page("snippets")
    snippets_page.search.setText(scene["search"])
    QCoreApplication.processEvents()
    window.grab().save(str(out / "snippets.png"))
    snippets_page.search.clear()
    snippets_page.toggle_palette()
    palette = snippets_page.palette
    palette.search.setText(scene["palette"])
    palette.reply.setPlainText(scene["reply"])
    for _ in range(5):
        QCoreApplication.processEvents()
    palette.grab().save(str(out / "snippet-palette.png"))
    palette.hide()
    dialog = SnippetEditorDialog(window.context, parent=window)
    dialog.title.setText(scene["title"])
    dialog.shortcut.setText(scene["code"])
    dialog.body.setPlainText(scene["body"])
    dialog.show()
    for _ in range(5):
        QCoreApplication.processEvents()
    dialog.grab().save(str(out / "snippet-editor.png"))
    dialog.hide()  # close() would ask whether to save the typed text


def shoot_reports(window, owner, out: Path) -> None:
    """A month of closed cases behind the 报表 page, then the dashboard and the daily log."""
    import random
    from PySide6.QtCore import QCoreApplication
    from db import clock
    from db.cases import records as cases
    from db.cases.records import CaseData
    from db.models import Customer, Staff
    rng = random.Random(3)
    buyers = [c.id for c in Customer.select()]
    helpers = [s.id for s in Staff.select()]
    real_now = clock.now()
    for n in range(36):
        start = real_now - dt.timedelta(days=rng.randint(1, 24), hours=rng.randint(0, 12))
        clock.freeze(start)
        staff = Staff.get_by_id(rng.choice(helpers))
        case = cases.create(CaseData(
            customer_id=rng.choice(buyers), category=rng.choice(cases.categories()[:6]),
            product=rng.choice(["真丝连衣裙", "保温杯", "羊毛围巾", "儿童雨靴", "床上四件套"]),
            description="买家反映商品有问题", staff_id=staff.id), staff)
        moment = start
        for _ in range(3):
            moment += dt.timedelta(hours=rng.uniform(0.2, 10))
            clock.freeze(moment)
            cases.advance(case.id, staff)
            if _ == 1:
                cases.add_remedy(case.id, staff, rng.choice(["refund", "reship", "coupon"]),
                                 rng.choice([None, 1000, 2000, 3990]), "done")
        if rng.random() < 0.8:
            clock.freeze(moment + dt.timedelta(hours=rng.uniform(2, 40)))
            cases.close(case.id, staff, rng.choice([3, 4, 4, 5, 5]), "做工问题", "加强质检")
    clock.freeze(None)
    window.context.cases_changed.emit()
    window.show_page("reports")
    page = window.reports_page
    page.set_period("month")
    for _ in range(5):
        QCoreApplication.processEvents()
    window.grab().save(str(out / "reports.png"))
    page.tabs.setCurrentWidget(page.daily_log)
    QCoreApplication.processEvents()
    window.grab().save(str(out / "reports-daily-log.png"))
    page.tabs.setCurrentIndex(0)


def shoot_team_server(window, owner, tmp: Path, out: Path) -> None:
    """The other computers' view (type the code), and the shop's computer showing its code:
    a real team server, started here when this machine has PostgreSQL."""
    import os

    from PySide6.QtCore import QCoreApplication
    from db.storage import managed_server, server
    from desktop.context import AppContext
    from desktop.settings.server_dialog import ServerDialog
    dialog = ServerDialog(window.context, window)
    dialog.team_box.code_edit.setText("7K3QX-9M2PD")
    dialog.show()
    QCoreApplication.processEvents()
    dialog.grab().save(str(out / "team-server.png"))
    dialog.close()
    if managed_server.find_binaries() is None:
        print("no PostgreSQL binaries: team-server-code.png not made")
        return
    os.environ["KEFUDESK_KEY_DIR"] = str(tmp / "keys")  # not this user's real key file
    shop = tmp / "shop-pc"
    shop.mkdir()
    managed_server.lan_addresses = lambda: ["192.168.1.20"]  # the demo shop's LAN address
    try:
        server.save(shop, managed_server.create(shop, listen=[]))
        serving = ServerDialog(AppContext(shop, owner), window)
        serving.show()
        QCoreApplication.processEvents()
        serving.grab().save(str(out / "team-server-code.png"))
        serving.close()
    finally:
        managed_server.stop(shop)


def shoot_server_errors(window, out: Path) -> None:
    """设置 → 团队服务器 after a first-setup mistake (the message wraps, the form keeps its
    size), and the join step of a new computer's first start."""
    from PySide6.QtCore import QCoreApplication
    from db import errors
    from db.vocabulary import translate
    from desktop.join_dialog import JoinDialog
    from desktop.settings.server_dialog import ServerDialog
    server_dialog = ServerDialog(window.context, window)
    server_dialog.host.setText("192.168.1.20")
    server_dialog.user.setText("kefudesk")
    server_dialog.password.setText("secret")
    server_dialog.show()
    server_dialog._fail(errors.setup_message(errors.NOT_ALLOWED, "192.168.1.20", 5432,
                                             "kefudesk", "kefudesk"))
    QCoreApplication.processEvents()
    server_dialog.grab().save(str(out / "team-server-error.png"))
    server_dialog.close()
    join = JoinDialog(window.context.data_dir, window)
    join.show()
    join.code.setText("7K3QX-9M2PE")
    join._fail(translate(  # as join_code.ask words a wrong code
        "errors", "加入码不对（还可以再试 %1 次）。请对照团队服务器那台电脑上显示的加入码重新输入。")
        .replace("%1", "4"))
    for _ in range(5):  # the window manager maps the dialog and applies its grown size
        QCoreApplication.processEvents()
    join.grab().save(str(out / "join-team-server.png"))
    join.close()
    manual = JoinDialog(window.context.data_dir, window)
    manual.show()
    manual.manual_toggle.click()
    manual.host.setText("192.168.1.20")
    manual.user.setText("kefudesk")
    manual.password.setText("secret")
    manual._fail(errors.setup_message(errors.NO_ROUTE, "192.168.1.20", 5432, "kefudesk",
                                      "kefudesk"))
    for _ in range(5):  # the window manager maps the dialog and applies its grown size
        QCoreApplication.processEvents()
    manual.grab().save(str(out / "join-team-server-manual.png"))
    manual.close()


def shoot_first_start(out: Path) -> None:
    """A new computer's first start (no staff yet): create the shop, or join the team server."""
    from PySide6.QtCore import QCoreApplication
    from db.storage import store
    from desktop.staff_picker import StaffPickerDialog
    with tempfile.TemporaryDirectory() as tmp:
        database = store.open_database(Path(tmp))
        try:
            picker = StaffPickerDialog()
            picker.show()
            QCoreApplication.processEvents()
            picker.grab().save(str(out / "first-start.png"))
            picker.close()
        finally:
            store.close_database(database, Path(tmp))


def shoot_orders(window, owner, out: Path) -> None:
    """王女士's orders on the customer page, and a case form filled from a pasted number."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QScrollArea
    from db import clock
    from db.models import Customer
    from db.orders import records as orders
    from db.orders.records import ItemData
    wang = Customer.get(Customer.name == "王女士")
    now = clock.now()
    for days, platform, number, items, cents, status, courier, tracking in [
            (200, "taobao", "3712409865512345678", [("真丝连衣裙", "藏青 M", 1)], 45900,
             "交易成功", "中通快递", "73512345678901"),
            (95, "pdd", "250803-417266390012345", [("亚麻衬衫", "白色 M", 1), ("丝巾", "", 2)],
             21800, "交易成功", "圆通速递", "YT8812345678901"),
            (40, "douyin", "6934512345678901234", [("针织开衫", "燕麦色 M", 1)], 26900,
             "已签收", "韵达快递", "4318123456789"),
            (3, "taobao", "3745509876512345678", [("秋季连衣裙", "酒红 M", 1)], 52900,
             "已发货", "顺丰速运", "SF1404123456789")]:
        orders.save_order(platform, number, wang.id,
                          [ItemData(title, sku, quantity) for title, sku, quantity in items],
                          ordered_at=now - dt.timedelta(days=days, hours=2), amount_cents=cents,
                          status=status, logistics_company=courier, tracking_no=tracking,
                          receiver_name="王女士", receiver_phone="138****5678", province="上海",
                          city="上海市", district="浦东新区", street="世纪大道 100 号")
    window.context.customers_changed.emit()
    window.show_page("customers")
    page = window.customers_page
    page.select_customer(wang.id)
    for _ in range(5):
        QCoreApplication.processEvents()
    scroll = page.detail.findChild(QScrollArea)
    scroll.ensureWidgetVisible(window.customer_orders, 0, 0)
    QCoreApplication.processEvents()
    window.grab().save(str(out / "customer-orders.png"))
    from PySide6.QtGui import QGuiApplication
    from desktop.cases.case_form import CaseFormDialog
    form = CaseFormDialog(window.context, parent=window)
    form.show()
    QGuiApplication.clipboard().setText("订单号：250803-417266390012345")
    form.order_no.setFocus()
    form.order_no.paste()
    form.description.setPlainText("丝巾少发了一条")
    for _ in range(3):
        QCoreApplication.processEvents()
    form.grab().save(str(out / "case-from-order.png"))
    form.accept()
    window.context.cases_changed.emit()
    window.open_case(form.saved_case.id)
    for _ in range(5):
        QCoreApplication.processEvents()
    window.grab().save(str(out / "case-order.png"))


def shoot_reply_gap(window, owner, out: Path) -> None:
    """A case logged before its order was known: its replies mark the gap, and copying one
    asks for it (the dialog shown here is the one the copy opens)."""
    from PySide6.QtCore import QCoreApplication
    from db.cases import records as cases
    from db.cases.records import CaseData
    from db.cases.stage_snippets import stage_snippets
    from db.models import Case, Customer
    from desktop.snippets.fill_dialog import FillDialog
    buyer = Customer.get(Customer.name == "刘同学")
    case = cases.create(CaseData(customer_id=buyer.id, category="色差", staff_id=owner.id,
                                 description="颜色和图片不一样"), owner)
    window.context.cases_changed.emit()
    window.open_case(case.id)
    for _ in range(5):
        QCoreApplication.processEvents()
    window.grab().save(str(out / "case-reply-gap.png"))
    gap = next(s for s in stage_snippets(Case.get_by_id(case.id), owner) if s.missing)
    dialog = FillDialog(list(gap.to_ask), window)
    dialog.show()
    QCoreApplication.processEvents()
    dialog.grab().save(str(out / "case-reply-ask.png"))
    dialog.close()


def main() -> int:
    language = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    default = ROOT / "docs" / "screenshots" / ("" if language == "zh_CN" else language)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else default
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QCoreApplication
    from desktop.app import create_application
    from desktop import i18n
    from desktop.context import AppContext
    app = create_application()
    i18n.install(app, language)
    shoot_first_start(out)
    with tempfile.TemporaryDirectory() as tmp:
        owner = seed(Path(tmp), language)
        from desktop.main_window import MainWindow
        window = MainWindow(AppContext(Path(tmp), owner))
        window.resize(1280, 780)
        window.show()
        page = window.customers_page
        page.select_customer(page.model.customer_id(page.model.rowCount() - 1))
        for _ in range(5):
            QCoreApplication.processEvents()
        window.grab().save(str(out / "customers.png"))
        page.search.setText("zs")
        QCoreApplication.processEvents()
        window.grab().save(str(out / "customers-pinyin-search.png"))
        page.search.clear()
        shoot_snippets(window, out, language)
        window.show_page("settings")
        QCoreApplication.processEvents()
        window.grab().save(str(out / "settings.png"))
        shoot_team_server(window, owner, Path(tmp), out)
        shoot_server_errors(window, out)
        excel_shots(window, Path(tmp), out)
        order_shots(window, Path(tmp), out)
        case_id = seed_cases(owner)
        window.context.cases_changed.emit()
        window.open_case(case_id)
        for _ in range(5):
            QCoreApplication.processEvents()
        window.grab().save(str(out / "cases-today.png"))
        cases_page = window.cases_page
        cases_page.tabs.setCurrentIndex(1)
        cases_page.show_case(case_id)
        QCoreApplication.processEvents()
        window.grab().save(str(out / "cases-list.png"))
        cases_page.tabs.setCurrentWidget(cases_page.board)
        QCoreApplication.processEvents()
        window.grab().save(str(out / "cases-board.png"))
        from desktop.cases.letter_dialog import LetterDialog
        from db.models import Case
        letter = LetterDialog(window.context, Case.get_by_id(case_id), window)
        letter.show()
        QCoreApplication.processEvents()
        letter.grab().save(str(out / "cases-letter.png"))
        letter.close()
        shoot_reports(window, owner, out)
        shoot_orders(window, owner, out)
        shoot_reply_gap(window, owner, out)
        window.close()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
