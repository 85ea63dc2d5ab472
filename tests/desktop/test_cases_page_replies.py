"""A case with no order on file: its quick replies show the gaps in words, and whatever way
staff copy one (click, Enter, Ctrl+C), the copy asks for the gap first, so no `{订单号}` ever
reaches the clipboard (issue 17, found in a person trial)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from db.cases import records as cases
from db.customers import records as customers
from db.customers.records import CustomerData
from db.snippets import defaults as default_library
from db.storage import settings
from desktop.cases.page import CasesPage
from desktop.snippets.fill_dialog import FillDialog
from tests.desktop.helpers import when_modal


@pytest.fixture
def page_without_order(qtbot, context, owner):
    """The cases page showing a case that has no order number, product or order on file."""
    default_library.load_defaults("zh_CN")
    settings.put("shop_name", "小美的店")
    buyer = customers.create(CustomerData(name="蒋女士", phone="13812345678"), owner)
    case = cases.create(cases.CaseData(customer_id=buyer.id, description="色差"), owner)
    page = CasesPage(context)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.show_case(case.id)
    return page


def reply_row(page: CasesPage, title: str) -> int:
    return [s.title for s in page.detail.snippets.shown].index(title)


def click_reply(qtbot, page: CasesPage, row: int) -> None:
    replies = page.detail.snippets.list
    rect = replies.visualItemRect(replies.item(row))
    qtbot.mouseClick(replies.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_copy_asks_for_the_case_s_gaps_and_copies_no_brace(qtbot, page_without_order):
    page = page_without_order
    row = reply_row(page, "复述确认问题")
    shown = page.detail.snippets.list.item(row)
    assert "订单 ［待填：订单号］ 中购买的［待填：商品］" in shown.text() and "{" not in shown.text()
    assert shown.toolTip() == "单击复制，复制前会请您填写：订单号、商品"
    labels = []

    def fill(dialog: FillDialog):
        form = [(dialog.findChild(QLineEdit, f"fill_{name}"), name) for name in ("订单号", "商品")]
        labels.extend(dialog.layout().itemAt(1).layout().labelForField(edit).text()
                      for edit, _ in form)
        assert all(edit.text() == "" for edit, _ in form)  # nothing guessed
        assert form[0][0].placeholderText() == "工单和它的订单里都没有：请直接填写"
        qtbot.keyClicks(form[0][0], "TB2024")
        typed = QInputMethodEvent()  # Chinese arrives from the input method, not as keys
        typed.setCommitString("真丝围巾")
        QApplication.sendEvent(form[1][0], typed)
        # click(), not a nested QTest mouse click (QTest aborts inside its own click)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    errors = when_modal(fill, FillDialog)
    QApplication.clipboard().setText("before")
    click_reply(qtbot, page, row)
    assert not errors
    assert labels == ["订单号（未自动填入）", "商品（未自动填入）"]
    copied = QApplication.clipboard().text()
    assert "您在订单 TB2024 中购买的真丝围巾，色差，是这样吗？" in copied
    assert "{" not in copied and "｛" not in copied and "［" not in copied


def test_ctrl_c_on_the_reply_list_copies_through_the_same_ask(qtbot, page_without_order):
    """A list view's own Ctrl+C would put the item's text (title and marks) on the clipboard."""
    page = page_without_order
    replies = page.detail.snippets.list
    replies.setFocus()
    replies.setCurrentRow(reply_row(page, "复述确认问题"))
    asked = []
    errors = when_modal(lambda dialog: (asked.append([f.name for f in dialog.fields]),
                                        dialog.reject()), FillDialog)
    QApplication.clipboard().setText("before")
    qtbot.keyClick(replies, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert not errors and asked == [["订单号", "商品"]]
    assert QApplication.clipboard().text() == "before"  # cancelled: nothing copied


def test_the_ask_dialog_names_the_gap_in_english(qtbot, english, page_without_order):
    page = page_without_order
    page.show_case(page.detail.case_id)  # filled again in the interface language
    row = reply_row(page, "复述确认问题")
    assert "[to fill in: Order number]" in page.detail.snippets.list.item(row).text()
    labels = []

    def read(dialog: FillDialog):
        edit = dialog.findChild(QLineEdit, "fill_订单号")
        labels.append(dialog.layout().itemAt(1).layout().labelForField(edit).text())
        labels.append(edit.placeholderText())
        dialog.reject()
    errors = when_modal(read, FillDialog)
    click_reply(qtbot, page, row)
    assert not errors
    assert labels == ["Order number (not filled automatically)",
                      "Not in this case or its order: please type it"]
