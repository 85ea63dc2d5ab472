"""File dialogs start in Documents or in the folder last used for that action, and Qt's own
dialogs speak the interface language."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from db.customers import records as customers
from db.customers.records import CustomerData
from desktop import file_dialogs
from desktop.excel.import_wizard import ImportWizard
from tests.fixtures import messy


def test_each_action_starts_in_its_own_last_folder(qtbot, context, owner, tmp_path, monkeypatch):
    from desktop.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    customers.create(CustomerData(name="甲", phone="13900139099"), owner)
    starts: list[str] = []
    answer: list[str] = [""]

    def save(_parent, _caption, start, _filters):
        starts.append(str(Path(start).parent))
        return answer[0], "Excel (*.xlsx)"

    def open_(_parent, _caption, start, _filters):
        starts.append(start)
        return answer[0], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    documents = str(file_dialogs.documents())

    window.excel.export_customers()  # cancelled: nothing remembered
    assert starts[-1] == documents != str(Path.cwd())
    imports = tmp_path / "from the shop"
    imports.mkdir()
    answer[0] = str(messy.xlsx(imports / "roster.xlsx", messy.simple_rows()))
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard._browse()
    assert starts[-1] == documents
    exports = tmp_path / "for the accountant"
    exports.mkdir()
    answer[0] = str(exports / "customers.xlsx")
    window.excel.export_customers()
    assert starts[-1] == documents  # not the import's folder
    assert (exports / "customers.xlsx").exists()
    answer[0] = ""
    window.excel.export_customers()
    assert starts[-1] == str(exports)
    wizard._browse()
    assert starts[-1] == str(imports)
    window.reports_page.export_xlsx()  # a report is an export too
    assert starts[-1] == str(exports)


def test_qt_own_dialogs_speak_chinese(qapp):
    from desktop import i18n
    i18n.install(qapp, "zh_CN")
    # Qt 6.11's catalogue lacks the dialog's "&Look in:": resources/i18n/qt_extra_zh_CN.ts
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    # Qt's own file dialog (used on Linux) opened headless, in Chinese
    dialog = QFileDialog(None, "", str(file_dialogs.documents()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert labels == {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："}  # not "Look in", "Files of type"
    dialog.deleteLater()
