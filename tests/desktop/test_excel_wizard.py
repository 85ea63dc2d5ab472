"""The import wizard and the 文件 menu's Excel actions, driven through the real widgets."""
from __future__ import annotations

import datetime as dt

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db import clock
from db.customers import records as customers
from db.customers.records import CustomerData
from db.excel import history, registry, workflow, write
from db.models import Customer
from desktop.excel.import_wizard import MAPPING, PREVIEW, RUN, ImportWizard
from tests.fixtures import messy


def test_wizard_end_to_end_with_a_conflict_choice(qtbot, context, owner, tmp_path):
    keep = customers.create(CustomerData(name="甲", phone="13900139000", notes="原备注"), owner)
    take = customers.create(CustomerData(name="乙", phone="13900139001", notes="原备注"), owner)
    path = tmp_path / "roster.xlsx"
    write.export(registry.get("customers"), path)
    book = openpyxl.load_workbook(path)
    sheet = book["客户"]
    sheet["N2"] = "表格改甲"
    sheet["N3"] = "表格改乙"
    sheet.append([None, "丙", "13900139002"])
    book.save(path)
    clock.freeze(clock.now() + dt.timedelta(minutes=2))
    for cid, name in ((keep.id, "甲"), (take.id, "乙")):
        phone = Customer.get_by_id(cid).phone
        customers.update(cid, CustomerData(name=name, phone=phone, notes="软件改"), owner)

    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.open_file(path)
    assert wizard.sheet_combo.currentText() == "客户"
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == MAPPING
    assert wizard.mapping_table.rowCount() == len(registry.get("customers").fields)
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == PREVIEW
    assert "新增 1" in wizard.counts_label.text() and "冲突 2" in wizard.counts_label.text()
    assert wizard.conflict_table.rowCount() == 2
    assert "软件改" in wizard.conflict_table.item(1, 2).text()
    assert "表格改乙" in wizard.conflict_table.item(1, 3).text()
    wizard.choose_conflict(1, True)  # 乙: take the sheet's value; 甲 keeps the app's
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == RUN
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert (wizard.result.created, wizard.result.updated) == (1, 1)
    assert Customer.get_by_id(keep.id).notes == "软件改"
    assert Customer.get_by_id(take.id).notes == "表格改乙"
    assert Customer.get(Customer.name == "丙").phone == "13900139002"
    assert wizard.next_button.text() == "完成"
    from db.models import AuditLog
    [entry] = AuditLog.select().where(AuditLog.action == "import")  # one summary, not per row
    assert entry.staff_id == owner.id and entry.source == "import" and '"created": 1' in entry.detail


def test_wizard_mapping_edit_unknown_column_and_report(qtbot, context, tmp_path):
    rows = [["客户", "号码", "进货渠道"], ["丁", "13900139003", "朋友"], ["", "", "说明"]]
    path = messy.xlsx(tmp_path / "r.xlsx", rows)
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.open_file(path)
    wizard.next_button.click()
    assert wizard.mapping_table.item(2, 1).text() == "进货渠道"  # unknown, still shown
    assert wizard.mapping_table.cellWidget(1, 3).currentData() is None
    wizard.set_mapping(1, "phone")
    wizard.next_button.click()
    assert "新增 1" in wizard.counts_label.text()
    report = tmp_path / "report.xlsx"
    rows[1][1] = "123"  # a bad phone: the report lists it with its row number
    wizard.back_button.click()
    wizard.back_button.click()
    wizard.open_file(messy.xlsx(tmp_path / "r2.xlsx", rows))
    wizard.next_button.click()
    assert wizard.mapping_table.cellWidget(1, 3).currentData() == "phone"  # remembered
    wizard.next_button.click()
    assert "有错误 1" in wizard.counts_label.text()
    wizard.save_report(str(report))
    sheet = openpyxl.load_workbook(report).active
    assert sheet["A2"].value == 2 and "号码" not in sheet["C2"].value and "B 列" in sheet["C2"].value


def test_cancel_mid_import_changes_nothing(qtbot, context, tmp_path):
    rows = [["姓名", "手机"]] + [[f"客户{n}", f"1390013{n:04d}"] for n in range(1, 3000)]
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.open_file(messy.xlsx(tmp_path / "big.xlsx", rows))
    wizard.next_button.click()
    wizard.next_button.click()
    wizard.next_button.click()
    wizard.cancel_button.click()  # asks the worker to stop; the transaction rolls back
    qtbot.waitUntil(lambda: wizard.worker is None or not wizard.worker.isRunning(), timeout=20_000)
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == PREVIEW or wizard.result is not None)
    assert wizard.result is None
    assert Customer.select().count() == 0
    assert "取消" in wizard.run_label.text()


def test_menu_export_and_undo_last_import(qtbot, context, owner, tmp_path, monkeypatch):
    from desktop.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    customers.create(CustomerData(name="甲", phone="13900139099"), owner)
    target = tmp_path / "客户.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    window.excel.export_customers()
    assert openpyxl.load_workbook(target)["客户"].max_row == 2
    window.excel.export_cases()  # no cases yet: headers only, with the companion sheets
    assert openpyxl.load_workbook(target).sheetnames[:3] == ["售后工单", "补救方案", "工单时间线"]
    window.customers_page.search.setText("没有这个人")
    assert window.customers_page.listed_ids() == []
    # import something, then undo it from the menu after confirming
    from db.excel import apply, workflow
    plan = workflow.plan_file("customers", messy.xlsx(tmp_path / "r.xlsx", messy.simple_rows()))
    apply.apply(plan, context.data_dir, owner)
    assert Customer.select().count() == 3
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    window.excel.undo_last_import()
    assert "新增 2" in asked[0]
    assert Customer.select().count() == 1
    assert history.last_import(context.data_dir) is None


def test_snippets_import_through_the_wizard_refreshes_the_page(qtbot, context, owner, tmp_path,
                                                               monkeypatch):
    from db.models import Snippet
    from desktop.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    rows = [["短语标题", "快捷码", "分类", "话术内容"], ["催付款", "cfk", "售前", "亲，订单还没付款哦"]]
    path = messy.xlsx(tmp_path / "phrases.xlsx", rows)

    def drive(wizard_self):
        wizard_self.open_file(path)
        assert wizard_self.windowTitle() == "导入快捷短语"
        wizard_self.next_button.click()
        wizard_self.next_button.click()
        assert "新增 1" in wizard_self.counts_label.text()
        assert wizard_self.rows_table.horizontalHeaderItem(2).text() == "标题"
        wizard_self.next_button.click()
        qtbot.waitUntil(lambda: wizard_self.result is not None, timeout=10_000)
        wizard_self.accept()
        return 1

    monkeypatch.setattr(ImportWizard, "exec", drive)
    window.excel.import_snippets()
    snippet = Snippet.get(Snippet.title == "催付款")
    assert snippet.shortcut == "cfk" and snippet.category.name == "售前"
    window.snippets_page.search.setText("cfk")
    qtbot.waitUntil(lambda: window.snippets_page.model.row_of(snippet.id) >= 0, timeout=3000)


def test_cases_wizard_pick_map_preview_confirm(qtbot, context, owner, tmp_path):
    from db.models import Case
    path = messy.messy_case_register(tmp_path / "登记.xlsx")
    wizard = ImportWizard(context, "cases")
    qtbot.addWidget(wizard)
    assert wizard.windowTitle() == "导入售后工单"
    wizard.open_file(path)
    assert wizard.sheet_combo.currentText() == "投诉登记"
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == MAPPING
    unknown = messy.CASE_HEADER.index("处理结果")
    assert wizard.mapping_table.item(unknown, 1).text() == "处理结果"
    assert wizard.mapping_table.cellWidget(unknown, 3).currentData() is None
    assert wizard.mapping_table.cellWidget(2, 3).currentData() == "name"  # 买家
    wizard.set_mapping(messy.CASE_HEADER.index("备注"), None)  # the person drops a column
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == PREVIEW
    counts = wizard.counts_label.text()
    assert "新增 5" in counts and "文件内重复 1" in counts and "有错误 2" in counts
    assert "新建客户 4 位" in counts
    assert wizard.rows_table.horizontalHeaderItem(2).text() == "客户"
    assert wizard.rows_table.item(0, 0).text() == "7"  # problems first, by row
    assert not wizard.conflict_table.isVisible()
    assert Case.select().count() == 0  # nothing written before the confirmation
    with qtbot.waitSignal(context.cases_changed, timeout=10_000):
        wizard.next_button.click()
        qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.result.created == 5
    assert {c.stage for c in Case.select()} == {"reception"}
    first = Case.get(Case.order_no == "TB1001")
    assert first.customer.name == "张伟" and first.staff_id == owner.id
    from db.cases import records as cases
    assert "要求换货" not in cases.timeline(first.id)[-1].text  # 备注 was unmapped


def test_cases_import_and_template_from_the_menu(qtbot, context, owner, tmp_path, monkeypatch):
    from db.models import Case
    from desktop.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "导入售后工单…" in texts
    template = tmp_path / "模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(template), "Excel (*.xlsx)"))
    window.excel.save_case_template()
    assert [c.value for c in openpyxl.load_workbook(template)["售后工单"][1]][:2] == ["客户", "手机"]
    book = openpyxl.load_workbook(template)
    book["售后工单"].append(["王女士", "13700137000", "", "", "", "TB9", "裙子", "", "破损", "领口开线"])
    book.save(template)

    def drive(wizard_self):
        wizard_self.open_file(template)
        wizard_self.next_button.click()
        wizard_self.next_button.click()
        assert "新增 1" in wizard_self.counts_label.text()
        wizard_self.next_button.click()
        qtbot.waitUntil(lambda: wizard_self.result is not None, timeout=10_000)
        wizard_self.accept()
        return 1

    monkeypatch.setattr(ImportWizard, "exec", drive)
    window.excel.import_cases()
    case = Case.get(Case.order_no == "TB9")
    assert case.category == "破损" and case.description == "领口开线"
    assert case.customer.phone == "13700137000"


def test_a_shared_phone_under_another_name_is_shown_and_chosen(qtbot, context, owner, tmp_path):
    """张三 added by hand; the roster has 张伟 on the same phone, unknown staff and extra
    columns: every change shown before -> after, chosen per row, nothing typed lost."""
    from db.models import Staff
    zhang = customers.create(CustomerData(name="张三", phone="13800138000"), owner)
    wang = customers.create(CustomerData(name="王芳", phone="13800138002", address="上海"), owner)
    path = messy.xlsx(tmp_path / "roster.xlsx", [
        ["姓名", "手机", "负责人", "地址", "客户来源", "累计消费"],
        ["张伟", "13800138000", "小王", "", "淘宝", "1280"],
        ["李娜", "13800138001", "小李", "", "抖音", ""],
        ["王芳", "13800138002", "阿珍", "杭州", "", ""],
        ["赵敏", "13800138003", "小王", "", "", ""]])
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.open_file(path)
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == PREVIEW
    preview = wizard.preview
    assert preview.staff_box.isVisible() and preview.staff_box.isChecked()
    assert preview.staff_box.text() == "新建客服：小王、小李、阿珍"
    assert "客户来源、累计消费" in preview.extra_box.text() and preview.extra_box.isChecked()
    assert not preview.types_box.isVisible()
    counts = wizard.counts_label.text()
    assert "新增 2" in counts and "更新 1" in counts and "冲突 1" in counts and "将写入 3 行" in counts
    # The conflict side by side: the app's 张三 and the sheet's 张伟.
    assert wizard.conflict_table.rowCount() == 1
    assert wizard.conflict_table.item(0, 1).text() == f"张三 (#{zhang.id}) 13800138000"
    assert "称呼：张三" in wizard.conflict_table.item(0, 2).text()
    assert "称呼：张伟" in wizard.conflict_table.item(0, 3).text()
    combo = wizard.conflict_table.cellWidget(0, 4)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "跳过本行", "保留软件中的称呼，更新其他", "改为表格中的称呼"]
    # The update: which customer, and each change before -> after (unchanged not listed).
    table = wizard.rows_table
    update = next(n for n in range(table.rowCount()) if table.item(n, 1).text() == "更新")
    assert table.item(update, 3).text() == f"王芳 (#{wang.id}) 13800138002"
    assert table.item(update, 4).text() == "地址：上海 → 杭州\n负责客服：（空） → 阿珍"
    # Skip one new row by its box; skip and re-include all updates: the counts follow.
    zhao = next(n for n in range(table.rowCount()) if table.item(n, 2).text() == "赵敏")
    preview.set_included(zhao, False)
    assert "新增 2（跳过 1）" in wizard.counts_label.text() and "将写入 2 行" in wizard.counts_label.text()
    preview.bulk_buttons[("update", False)].click()
    assert "将写入 1 行" in wizard.counts_label.text()
    assert table.item(update, 0).checkState() == Qt.CheckState.Unchecked
    preview.bulk_buttons[("update", True)].click()
    wizard.choose_conflict(0, "keep_name")  # keep 张三's name, apply the rest
    assert "将写入 3 行" in wizard.counts_label.text()
    # Turning an option off plans again and keeps the choices made.
    preview.extra_box.setChecked(False)
    assert "将写入 3 行" in wizard.counts_label.text()
    assert wizard.conflict_table.cellWidget(0, 4).currentData() == "keep_name"
    assert not wizard.plan.rows[1].values.get("notes")
    preview.extra_box.setChecked(True)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert (wizard.result.created, wizard.result.updated) == (1, 2)
    assert "已新建客服：小王、小李、阿珍" in wizard.run_label.text()
    kept = Customer.get_by_id(zhang.id)
    assert kept.name == "张三" and kept.staff.name == "小王"
    assert kept.notes == "客户来源：淘宝\n累计消费：1280"
    assert sorted(s.name for s in Staff.select()) == sorted(["店主小美", "小王", "小李", "阿珍"])
    assert Customer.get_by_id(wang.id).address == "杭州"
    assert not Customer.select().where(Customer.name == "赵敏").exists()


def test_the_preview_speaks_english_when_the_app_does(qtbot, english, context, owner, tmp_path):
    customers.create(CustomerData(name="张三", phone="13800138000"), owner)
    path = messy.xlsx(tmp_path / "roster.xlsx", [
        ["姓名", "手机", "负责人", "客户来源"], ["张伟", "13800138000", "小王", "淘宝"],
        ["李娜", "13800138001", "小王", ""]])
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.open_file(path)
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.windowTitle() == "Import Customers"
    assert wizard.preview.staff_box.text() == "Create staff members: 小王"
    assert wizard.rows_table.horizontalHeaderItem(2).text() == "Name"
    conflict = wizard.rows_table.item(0, 5).text()
    assert conflict.startswith('Phone "13800138000" matches "张三 (#1)" in the app, but the '
                               'sheet\'s name is "张伟"') and "Unmapped columns added to Notes" in conflict
    assert wizard.rows_table.item(0, 4).text().startswith("Name: 张三 → 张伟\n")
    assert wizard.conflict_table.cellWidget(0, 4).itemText(1) == "Keep the app's name, update the rest"
    assert wizard.counts_label.text() == "new: 1, conflict: 1; 1 row(s) will be written"


def test_every_conflict_at_once(qtbot, context, owner, tmp_path):
    first = customers.create(CustomerData(name="张三", phone="13800138000"), owner)
    second = customers.create(CustomerData(name="李四", phone="13800138001", wechat="wx_li"), owner)
    path = messy.xlsx(tmp_path / "roster.xlsx", [
        ["姓名", "手机", "微信", "地址"], ["张伟", "13800138000", "", "北京"],
        ["李四", "13800138001", "wx_new", "上海"]])
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.open_file(path)
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.conflict_table.rowCount() == 2 and wizard.preview.conflict_bulk.isVisible()
    wizard.preview.conflict_buttons["rest"].click()  # keep names and contacts, apply the rest
    assert [wizard.conflict_table.cellWidget(n, 4).currentData() for n in (0, 1)] == [
        "keep_name", "rest"]
    assert "将写入 2 行" in wizard.counts_label.text()
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    one, two = Customer.get_by_id(first.id), Customer.get_by_id(second.id)
    assert (one.name, one.address) == ("张三", "北京")
    assert (two.wechat, two.address) == ("wx_li", "上海")


def test_problems_speak_english_when_the_app_does(qtbot, english, context, owner, tmp_path):
    """Every reason a row is not imported (a cell, a check, a duplicate, the trash, a total
    row) is worded in the interface language, not only the notes of rows that are."""
    import re
    gone = customers.create(CustomerData(name="Tom", phone="13800138009"), owner)
    customers.move_to_trash([gone.id], owner)
    path = messy.xlsx(tmp_path / "roster.xlsx", [
        ["姓名", "手机", "QQ"],
        ["Amy", "13800138001", "12ab"],  # not a QQ number
        ["Bob", "12345", ""],  # not a phone number: the cell's problem inside the row's
        ["Cat", "13800138003", ""],
        ["Cat", "13800138003", ""],  # the row before again
        ["Tom", "13800138009", ""],  # a customer in the trash
        ["", "", "合计 5 行"]])  # a total row
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.open_file(path)
    wizard.next_button.click()
    wizard.next_button.click()
    table = wizard.rows_table
    reasons = {table.item(n, 2).text(): table.item(n, 5).text() for n in range(table.rowCount())
               if table.item(n, 5).text()}
    assert reasons["Amy"] == "QQ: “12ab” is not a valid QQ number (5–12 digits)"
    assert reasons["Bob"] == "Phone (column B): “12345” is not a valid mobile number (11 digits starting with 1)"
    assert reasons["Cat"] == "The same as row 4: this row is not imported"
    assert reasons["Tom"].startswith("The matching record “Tom (#1)” is in the trash")
    for reason in reasons.values():
        assert not re.search(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]", reason), reason
    plan = wizard.plan  # the core keeps its Chinese: the command line and the report use it
    assert next(r for r in plan.rows if r.values.get("name") == "Amy").reason == \
        "QQ：“12ab” 不是有效的 QQ 号（5–12 位数字）"


def test_a_stage_rule_inside_a_case_note_speaks_english_when_the_app_does(
        english, database, owner, tmp_path):
    """A case row whose 处理状态 cannot be reached says why with the stage rules' own words
    (db.cases.workflow): in the interface language too, not Chinese inside English."""
    import re
    from desktop.excel.import_preview import note_text
    rows = [["客户", "手机", "问题描述", "处理状态", "满意度"],
            ["甲", "13900139000", "破了", "已解决", ""]]
    plan = workflow.plan_file("cases", messy.xlsx(tmp_path / "cases.xlsx", rows))
    note = next(n for n in plan.rows[0].notes if "热情接待" in n)
    said = note_text(note)
    assert said.startswith("The sheet says “已解决”, but ") and "satisfaction" in said, said
    assert not re.search(r"[\u3400-\u9fff]", said.replace("已解决", "")), said
    assert "请填写买家满意度" in note  # the core's text: the command line and the report
