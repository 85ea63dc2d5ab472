"""A refused file in the English interface: the import wizard and the undo of an import say
which file, row and column and why in English (db.excel.errors.ExcelError.worded); only the
file's own names and values stay as written, and nothing is written."""
from __future__ import annotations

import re

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.excel import apply, history, workflow
from db.models import Customer
from desktop.excel.import_wizard import FILE, MAPPING, PREVIEW, ImportWizard
from tests.fixtures import hostile, messy

CHINESE = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def warnings(monkeypatch):
    """The texts of the warning boxes shown, in order (a box would wait for a click)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


def _wizard(qtbot, context, path) -> ImportWizard:
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.open_file(path)
    return wizard


def test_a_cell_larger_than_excel_allows_is_refused_in_english(
        qtbot, context, english, warnings, tmp_path):
    wizard = _wizard(qtbot, context, hostile.csv_big_cell(tmp_path / "名单.csv"))
    wizard.next_button.click()
    assert warnings == ["名单.csv, row 3, column C: The cell has 140,000 characters, more than "
                        "the limit of 32,767 (the most an Excel cell can hold)"], warnings
    assert wizard.stack.currentIndex() == FILE and Customer.select().count() == 0


def test_a_sheet_gone_or_a_header_not_found_is_said_in_english(
        qtbot, context, english, warnings, tmp_path):
    path = messy.xlsx(tmp_path / "roster.xlsx", [["姓名", "手机"], ["丁", "13900139003"]])
    book = openpyxl.load_workbook(path)
    book.active.title = "名单"
    book.save(path)
    wizard = _wizard(qtbot, context, path)
    assert wizard.sheet_combo.currentText() == "名单"
    book.active.title = "客户"  # saved again in Excel meanwhile, the sheet renamed
    book.create_sheet("Sheet2")
    book.save(path)
    wizard.next_button.click()
    assert warnings[-1] == \
        "roster.xlsx: There is no sheet named “名单” (the file has: 客户, Sheet2)", warnings
    assert not CHINESE.search(re.sub("名单|客户", "", warnings[-1]))

    wizard = _wizard(qtbot, context, messy.xlsx(tmp_path / "notes.xlsx", [
        ["甲", "乙"], ["1", "2"]]))
    wizard.next_button.click()
    assert warnings[-1] == ("notes.xlsx: No header row in the first 30 rows (it needs column "
                            "names such as “称呼”“手机”)"), warnings
    # the words the header must hold, as the sheet would hold them; the rest is English
    assert not CHINESE.search(warnings[-1].replace("“称呼”“手机”", ""))
    assert wizard.stack.currentIndex() == FILE and Customer.select().count() == 0


def test_a_customer_changed_after_the_preview_stops_the_import_in_english(
        qtbot, context, owner, english, warnings, tmp_path):
    known = customers.create(CustomerData(name="原有", phone="13900139000"), owner)
    wizard = _wizard(qtbot, context, messy.xlsx(tmp_path / "r.xlsx", [
        ["姓名", "手机", "备注"], ["新客", "13900139001", ""], ["原有", "13900139000", "改了"]]))
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == MAPPING
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == PREVIEW
    customers.update(known.id, CustomerData(name="原有", phone="13900139000", notes="别处"), owner)
    wizard.next_button.click()  # the worker refuses as a whole and says so
    qtbot.waitUntil(lambda: wizard.worker is None, timeout=10_000)
    said = ("The customer “原有 (#1)” on row 3 was changed or deleted after the preview; preview "
            "again before importing")
    assert warnings == [f"row 3: {said}"] and wizard.run_label.text() == f"row 3: {said}"
    assert wizard.stack.currentIndex() == PREVIEW
    assert [c.name for c in Customer.select()] == ["原有"]  # 新客 rolled back with it


def test_undo_without_its_backup_is_refused_in_english(
        qtbot, context, owner, english, warnings, tmp_path, monkeypatch):
    from desktop.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    plan = workflow.plan_file("customers", messy.xlsx(tmp_path / "r.xlsx", messy.simple_rows()))
    apply.apply(plan, context.data_dir, owner)
    last = history.last_import(context.data_dir)
    last.backup.unlink()  # the backup removed by hand
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.excel.undo_last_import()
    assert warnings == [f"The backup made before the import no longer exists "
                        f"({last.backup.name}); it cannot be undone"], warnings
    assert Customer.select().count() == 2


def test_the_undo_question_says_what_is_lost_in_english(
        qtbot, context, owner, english, tmp_path, monkeypatch):
    from desktop.main_window import MainWindow
    from db.models import Staff
    window = MainWindow(context)
    qtbot.addWidget(window)
    plan = workflow.plan_file("customers", messy.xlsx(tmp_path / "r.xlsx", messy.simple_rows()))
    apply.apply(plan, context.data_dir, owner)
    Staff.create(name="Amy")  # a change made after the import, lost by the undo
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a, **k: (
        asked.append(text), QMessageBox.StandardButton.No)[1])
    window.excel.undo_last_import()
    (text,) = asked
    assert "This undoes the import of Customers from “r.xlsx”" in text and "(2 new, 0 updated)" in text
    assert "These changes made since the import will be lost too: staff members: 1." in text
    assert not CHINESE.search(text), text
    assert Customer.select().count() == 2  # answered No: nothing undone
    chinese = history.describe(history.last_import(context.data_dir))  # the command line's
    assert "1 位客服" in chinese and chinese.startswith("将撤销")


def test_the_file_dialog_names_its_file_types_in_english(qtbot, context, english):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    wizard = ImportWizard(context, "orders")
    qtbot.addWidget(wizard)
    seen = []

    def look() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, look)
            return
        seen.append((dialog.windowTitle(), dialog.nameFilters()))
        dialog.reject()
    QTimer.singleShot(50, look)
    wizard.browse_button.click()
    assert seen and seen[0][0].startswith("Choose the spreadsheet to import"), seen
    assert seen[0][1] == ["Spreadsheets (*.xlsx *.xls *.xlsm *.xlsb *.ods *.csv)",
                          "All files (*)"]
    assert wizard.path_edit.text() == ""  # cancelled: nothing chosen
