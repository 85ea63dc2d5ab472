"""The palette over the chat program, offscreen: what it shows (the filled reply, for whom),
choosing the buyer in it, several snippets as one reply, copy-only where keystrokes cannot be
sent, the 设置 box, and the keys each system registers. The real round trip into another
program is tests/desktop/test_quick_paste_x11.py."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Snippet
from db.snippets import defaults as default_library
from db.snippets.render import render
from db.storage import settings
from desktop.customers.page import CustomersPage
from desktop.global_keys import key_names, macos, windows
from desktop.settings.quick_paste_box import QuickPasteBox
from desktop.snippets.fill_dialog import FillDialog
from desktop.snippets.page import SnippetsPage
from desktop.snippets.quick_paste import COPY_ONLY_KEY, QuickPaste
from tests.desktop.helpers import when_modal

SORRY = "非常抱歉给您带来了不好的体验"


@pytest.fixture
def page(qtbot, context):
    default_library.load_defaults("zh_CN")
    settings.put("shop_name", "小美服饰")
    widget = SnippetsPage(context)
    qtbot.addWidget(widget)
    widget.quick_paste = QuickPaste(context, widget)
    return widget


@pytest.fixture
def buyers(owner):
    wang = customers.create(CustomerData(name="王女士", phone="13812345678"), owner)
    sun = customers.create(CustomerData(name="孙丽", phone="13900001111", platform="淘宝",
                                        platform_account="lili_tb"), owner)
    return wang, sun


def palette_for(qtbot, page):
    page.toggle_palette()
    qtbot.addWidget(page.palette)
    return page.palette


def test_the_palette_shows_the_filled_reply_and_for_whom(qtbot, page, buyers):
    wang, _sun = buyers
    page.set_customer(wang.id)
    palette = palette_for(qtbot, page)
    qtbot.keyClicks(palette.search, "dq")
    assert "为 <b" in palette.customer.text() and "王女士" in palette.customer.text()
    assert palette.preview.toPlainText().startswith("王女士，" + SORRY)
    qtbot.keyClick(palette.search, Qt.Key.Key_Down)  # the preview follows the highlight
    second = palette.model.row_at(1)
    assert palette.chosen_ids() == [second.id]
    filled = render(Snippet.get_by_id(second.id).body, page.current_values()).text
    assert palette.preview.toPlainText() == filled


def test_with_no_buyer_it_says_so_and_names_what_it_will_ask(qtbot, page, buyers):
    palette = palette_for(qtbot, page)
    qtbot.keyClicks(palette.search, "dq")
    assert "未指定客户" in palette.customer.text()
    assert "称呼" in palette.customer.text()  # the placeholder left, asked on Enter
    assert palette.preview.toPlainText().startswith("{称呼}，" + SORRY)
    assert not palette.clear_customer.isVisibleTo(palette)


@pytest.mark.parametrize("typed", ["孙丽", "13900001", "lili_tb", "sl"])
def test_the_buyer_is_picked_inside_the_palette_by_name_phone_account_or_pinyin(
        qtbot, page, buyers, typed):
    _wang, sun = buyers
    palette = palette_for(qtbot, page)
    palette.picker.search.setFocus()
    palette.picker.search.insert(typed)  # as an input method commits it (QTest types ASCII)
    assert palette.picker.hits.isVisible()
    assert palette.picker.hits.item(0).text().startswith("孙丽")
    assert page.customer_id is None  # listed, not chosen
    qtbot.keyClick(palette.picker.search, Qt.Key.Key_Return)
    assert page.customer_id == sun.id
    assert "孙丽" in palette.customer.text()
    assert palette.picker.search.text() == "" and not palette.picker.hits.isVisible()


def test_several_hits_are_listed_and_only_enter_on_one_chooses_it(qtbot, page, buyers, owner):
    customers.create(CustomerData(name="王小明", phone="13700000000"), owner)
    palette = palette_for(qtbot, page)
    palette.picker.search.insert("王")
    assert palette.picker.hits.count() == 2
    qtbot.keyClick(palette.picker.search, Qt.Key.Key_Return)
    assert page.customer_id is None  # two hits, none highlighted: nothing is guessed
    qtbot.keyClick(palette.picker.search, Qt.Key.Key_Down)
    chosen = palette.picker.hits.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(palette.picker.search, Qt.Key.Key_Return)
    assert page.customer_id == chosen


def test_several_selected_snippets_go_as_one_reply(qtbot, page, buyers):
    wang, _sun = buyers
    page.set_customer(wang.id)
    palette = palette_for(qtbot, page)
    qtbot.keyClicks(palette.search, "dq")
    second = palette.model.index(1, 0)
    qtbot.mouseClick(palette.results.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier,
                     palette.results.visualRect(second).center())
    assert palette.chosen_ids() == [palette.model.row_at(0).id, palette.model.row_at(1).id]
    both = palette.preview.toPlainText()
    assert both.startswith("王女士，" + SORRY) and "\n" in both  # the preview shows both
    assert palette.copy_current()
    assert QApplication.clipboard().text() == both


def test_over_a_program_where_keys_cannot_be_sent_enter_copies_and_says_why(
        qtbot, page, buyers, monkeypatch):
    wang, _sun = buyers
    page.set_customer(wang.id)
    assert page.quick_paste.keys.unavailable  # offscreen: no system-wide keys
    page.show_palette_over(12345)  # as if called over another program's window
    palette = page.palette
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.search, "dq")
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert QApplication.clipboard().text().startswith("王女士，" + SORRY)
    assert palette.status.text() == "已复制。" + page.quick_paste.keys.unavailable


def test_enter_without_a_buyer_asks_before_anything_is_sent(qtbot, page, buyers, monkeypatch):
    asked = []
    monkeypatch.setattr(FillDialog, "exec", lambda self: asked.append(
        [f.name for f in self.fields]) or 0)  # cancelled
    QApplication.clipboard().setText("before")
    palette = palette_for(qtbot, page)
    qtbot.keyClicks(palette.search, "dq")
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert asked == [["称呼"]]
    assert QApplication.clipboard().text() == "before"


def test_ctrl_c_on_the_results_copies_the_reply_and_asks_for_the_missing_order(
        qtbot, page, buyers, owner):
    """A buyer without orders: {订单号} is asked for, never pasted; Ctrl+C on the list copies
    the reply (a list view would copy the highlighted title)."""
    from db.snippets import library

    library.create(library.SnippetData(title="发货通知", body="{称呼}，您的订单{订单号}已发出",
                                       shortcut="fhtz"), owner)
    page.set_customer(buyers[0].id)
    palette = palette_for(qtbot, page)
    palette.activateWindow()
    qtbot.waitUntil(palette.isActiveWindow)
    qtbot.keyClicks(palette.search, "fhtz")
    palette.results.setFocus()
    asked = []

    def fill(dialog: FillDialog):
        asked.extend((f.label(), f.hint()) for f in dialog.fields)
        qtbot.keyClicks(dialog.edits[0], "TB2024")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    errors = when_modal(fill, FillDialog)
    qtbot.keyClick(palette.results, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert not errors
    assert asked == [("订单号", "没有找到这位客户的订单：请直接填写")]
    assert QApplication.clipboard().text() == "王女士，您的订单TB2024已发出"


def test_clearing_the_customer_search_selects_nobody_and_the_palette_says_so(
        qtbot, context, page, buyers):
    customers_page = CustomersPage(context)
    qtbot.addWidget(customers_page)
    customers_page.current_customer_changed.connect(page.set_customer)
    customers_page.search.insert("孙")
    qtbot.waitUntil(lambda: page.customer_id == buyers[1].id)  # a search picks its hit
    customers_page.search.clear()
    qtbot.waitUntil(lambda: customers_page.current_customer_id() is None)
    assert customers_page.selected_ids() == [] and page.customer_id is None
    palette = palette_for(qtbot, page)
    assert "未指定客户" in palette.customer.text()
    assert "孙丽" not in palette.customer.text()


def test_the_settings_box_keeps_copy_only_and_explains_what_works_here(qtbot, context, page):
    box = QuickPasteBox(page.quick_paste)
    qtbot.addWidget(box)
    assert box.state.text() == page.quick_paste.keys.unavailable
    box.copy_only.setChecked(True)
    assert context.ui_settings.value(COPY_ONLY_KEY, type=bool) is True
    assert page.quick_paste.paste_blocked() is not None
    assert box.permission.isHidden() or sys.platform == "darwin"
    assert page.quick_paste.set_shortcut("K") is not None  # a bare letter: refused


@pytest.mark.parametrize("text, key, ctrl, alt, shift", [
    ("Ctrl+Alt+K", "k", True, True, False), ("Ctrl+Shift+Space", "space", True, False, True),
    ("F8", "F8", False, False, False), ("Alt+7", "7", False, True, False),
])
def test_shortcuts_every_system_can_register(text, key, ctrl, alt, shift):
    choice = key_names.parse(text)
    assert (choice.key, choice.ctrl, choice.alt, choice.shift) == (key, ctrl, alt, shift)
    assert key_names.parse(choice.text) == choice
    assert choice.key in macos.KEY_CODES
    assert windows.virtual_key(choice) > 0


@pytest.mark.parametrize("text", ["K", "Shift+K", "Ctrl+Alt+Left", "Ctrl+K, Ctrl+L", ""])
def test_shortcuts_that_would_take_typing_or_no_system_has_are_refused(text):
    assert key_names.parse(text) is None


def test_every_letter_and_digit_has_a_key_on_a_mac_and_windows_inputs_have_their_size():
    assert all(c in macos.KEY_CODES for c in "abcdefghijklmnopqrstuvwxyz0123456789")
    assert windows.virtual_key(key_names.parse("Ctrl+Alt+K")) == ord("K")
    if sys.maxsize > 2 ** 32:
        assert windows.ctypes.sizeof(windows.INPUT) == 40  # what SendInput checks (x64)


@pytest.mark.skipif(sys.platform != "darwin", reason="NSWindow spaces exist on macOS only")
def test_on_a_mac_the_palette_joins_the_chat_programs_full_screen_space(qtbot, page):
    keys = page.quick_paste.keys
    if keys.unavailable:
        pytest.skip(keys.unavailable)
    palette = palette_for(qtbot, page)
    behaviour = keys.collection_behaviour(int(palette.winId()))
    assert behaviour & macos.CAN_JOIN_ALL_SPACES and behaviour & macos.FULL_SCREEN_AUXILIARY
