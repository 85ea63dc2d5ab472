"""The 快捷短语 page: search, copy to the clipboard, fill dialog, editor, palette, IME."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Snippet
from db.snippets import defaults as default_library, phrases, library as snippets
from db.storage import settings
from desktop.snippets.editor import SnippetEditorDialog
from desktop.snippets.fill_dialog import FillDialog
from desktop.snippets.highlighter import FORMATS
from desktop.snippets.page import SnippetsPage


@pytest.fixture(autouse=True)
def no_unexpected_fill_dialog(monkeypatch):
    """A test that expects the fill dialog patches it again; any other opening fails fast."""
    monkeypatch.setattr(FillDialog, "exec", lambda self: pytest.fail(
        f"unexpected fill dialog: {[f.name for f in self.fields]}"))


@pytest.fixture
def library(database, owner):
    default_library.load_defaults("zh_CN")
    settings.put("shop_name", "小美服饰")


@pytest.fixture
def page(qtbot, context, library):
    widget = SnippetsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


@pytest.fixture
def wang(owner):
    return customers.create(CustomerData(name="王女士", phone="13812345678"), owner)


def titles(model):
    return [r.title for r in model.rows]


def clipboard_text():
    return QApplication.clipboard().text()


def test_typing_two_pinyin_letters_finds_and_enter_copies_filled(qtbot, page, wang, context):
    page.set_customer(wang.id)
    messages = []
    context.status_message.connect(messages.append)
    QApplication.clipboard().clear()
    qtbot.keyClicks(page.search, "dq")
    assert titles(page.model)[0] == "真诚道歉"  # exact code first
    assert "王女士" in page.preview.text.toPlainText()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert clipboard_text() == ("王女士，非常抱歉给您带来了不好的体验，这是我们的疏忽，"
                                "我们会认真处理，请您放心。")
    assert Snippet.get(Snippet.key == "soothe.sorry").use_count == 1
    assert "真诚道歉" in messages[-1]


def test_enter_while_the_ime_is_composing_copies_nothing(qtbot, page, wang):
    page.set_customer(wang.id)
    QApplication.clipboard().setText("before")
    page.search.setFocus()
    composing = QInputMethodEvent("dao'qian", [])
    QApplication.sendEvent(page.search, composing)
    assert page.search.composing
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert clipboard_text() == "before"
    assert Snippet.select().where(Snippet.use_count > 0).count() == 0
    commit = QInputMethodEvent("", [])
    commit.setCommitString("道歉")
    QApplication.sendEvent(page.search, commit)
    assert page.search.text() == "道歉" and not page.search.composing
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert clipboard_text() != "before"


def test_missing_values_are_asked_before_copying(qtbot, page, monkeypatch):
    """No customer selected, a case placeholder and an ask field: the dialog asks for each."""
    asked = []

    def fill(dialog: FillDialog):
        asked.extend((f.kind, f.name) for f in dialog.fields)
        given = {"备注": "今晚发出", "称呼": "陈先生", "订单号": "A123"}
        for field, edit in zip(dialog.fields, dialog.edits):
            edit.setText(given[field.name])
        dialog.accept()

    monkeypatch.setattr(FillDialog, "exec", lambda self: (fill(self), QDialog.DialogCode.Accepted)[1])
    snippet = snippets.create(snippets.SnippetData(
        title="测试填写", body="{称呼}，订单 {订单号} 已处理；{输入:备注}"), None)
    page.refresh()
    page._select_row(page.model.row_of(snippet.id))
    assert page.copy_selected()
    assert asked == [("ask", "备注"), ("missing", "称呼"), ("missing", "订单号")]
    assert clipboard_text() == "陈先生，订单 A123 已处理；今晚发出"


def test_a_shop_name_typed_into_the_fill_dialog_is_kept(qtbot, page, monkeypatch):
    settings.put("shop_name", "")

    def fill(dialog: FillDialog):
        assert [(f.kind, f.name) for f in dialog.fields] == [("missing", "店铺名")]
        dialog.edits[0].setText(" 小美家居 ")
        dialog.accept()
    monkeypatch.setattr(FillDialog, "exec", lambda self: (fill(self), QDialog.DialogCode.Accepted)[1])
    snippet = snippets.create(snippets.SnippetData(title="店名", body="欢迎光临{店铺名}"), None)
    page.refresh()
    page._select_row(page.model.row_of(snippet.id))
    assert page.copy_selected()
    assert clipboard_text() == "欢迎光临小美家居"
    assert settings.get("shop_name") == "小美家居"
    # Asked once: the next copy fills it without a dialog.
    monkeypatch.setattr(FillDialog, "exec", lambda self: pytest.fail("asked twice"))
    assert page.copy_selected()


def test_cancelling_the_fill_dialog_copies_nothing(qtbot, page, monkeypatch):
    monkeypatch.setattr(FillDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    QApplication.clipboard().setText("before")
    page.search.setText("bh")  # 缺货补货 asks for the restock date
    assert titles(page.model)[0] == "缺货补货"
    assert not page.copy_selected()
    assert clipboard_text() == "before"


def test_values_from_another_area_fill_case_placeholders(qtbot, page, wang):
    page.set_customer(wang.id)
    page.value_providers.append(lambda: {"订单号": "TB2026", "商品": "连衣裙", "时限": "今晚 8 点"})
    page.search.setText("ts")
    assert titles(page.model)[0] == "记录投诉"
    page.copy_selected()
    assert clipboard_text() == ("王女士，您反映的问题我已经详细记录下来了，会在今晚 8 点前给您明确的答复，"
                                "请您放心。")


def test_two_selected_snippets_copy_as_one_reply(qtbot, page, wang):
    page.set_customer(wang.id)
    page.value_providers.append(lambda: {"商品": "连衣裙"})
    page.search.setText("dq1")
    first = page.model.rows[0].id
    page.search.setText("hh")
    second = page.model.rows[0].id
    page.search.clear()
    page.copier.copy([first, second])
    text = clipboard_text()
    assert text.startswith("王女士，真的非常抱歉！这次的问题给您添了麻烦，我代表小美服饰")
    assert "\n王女士，我们为您安排换货：您寄回连衣裙的运费" in text


def test_image_snippet_puts_image_and_text_on_the_clipboard(qtbot, page):
    from PySide6.QtGui import QColor, QImage
    from desktop.snippets.editor import png_bytes
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    snippet = snippets.create(snippets.SnippetData(
        title="尺码表", body="尺码表请看图片", image=png_bytes(image)), None)
    page.copier.copy([snippet.id])
    mime = QApplication.clipboard().mimeData()
    assert mime.hasImage() and mime.text() == "尺码表请看图片"
    assert QApplication.clipboard().image().size().width() == 40


def test_editor_highlights_placeholders_and_forbidden_phrases(qtbot, context, library):
    dialog = SnippetEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.body.setPlainText("{称呼}，这绝对不可能，{称乎}，{输入:单号}")
    layout = dialog.body.document().firstBlock().layout()
    marks = {}
    for r in layout.formats():
        marks[(r.start, r.length)] = (r.format.background().color().name(),
                                      r.format.underlineStyle())

    def expected(kind):
        return FORMATS[kind].background().color().name(), FORMATS[kind].underlineStyle()

    assert marks[(0, 4)] == expected("value")
    assert marks[(6, 5)] == expected("forbidden")
    assert expected("forbidden")[1] != expected("value")[1]  # a wavy underline, not just colour
    assert marks[(12, 4)] == expected("unknown")
    assert marks[(17, 7)] == expected("ask")
    assert "绝对不可能" in dialog.hits.text() and "我马上帮您核实" in dialog.hits.text()


def test_saving_a_forbidden_phrase_asks_first(qtbot, context, library, monkeypatch):
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = SnippetEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.title.setText("不好的例子")
    dialog.body.setPlainText("公司规定就是这样，没办法。")
    dialog.save()
    assert "“公司规定就是这样”" in asked[0] and "“没办法”" in asked[0]
    assert not Snippet.select().where(Snippet.title == "不好的例子").exists()
    dialog.save()
    assert Snippet.get(Snippet.title == "不好的例子").owner_id is None
    assert len(asked) == 2


def test_clean_snippet_saves_without_asking(qtbot, context, library, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    dialog = SnippetEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.title.setText("我的问候")
    dialog.shortcut.setText("WD")
    dialog.personal.setChecked(True)
    dialog.body.setPlainText("{称呼}您好，我是{客服名}")
    dialog.save()
    saved = Snippet.get(Snippet.title == "我的问候")
    assert (saved.shortcut, saved.owner_id) == ("wd", context.staff.id)


def test_typing_a_brace_offers_placeholders(qtbot, context, library):
    dialog = SnippetEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.body.insertPlainText("您好")
    qtbot.keyClick(dialog.body, "{")
    assert dialog.body.completion.isVisible()
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)  # the first, {称呼}, in one press
    assert dialog.body.toPlainText() == "您好{称呼}"
    action = next(a for a in dialog.body.placeholder_menu.actions() if a.data() == "店铺名")
    action.trigger()  # the 插入占位符 button's menu inserts at the cursor
    assert dialog.body.toPlainText() == "您好{称呼}{店铺名}"
    dialog.body.setPlainText("")  # nothing to ask about when the test closes it


def test_delete_asks_and_removes(qtbot, page, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.search.setText("hy")
    target = page.model.rows[0].id
    page.delete_selected()
    assert Snippet.get_or_none(Snippet.id == target) is None


def test_check_all_lists_snippets_with_hits(qtbot, page, context):
    from desktop.snippets.check_all_dialog import CheckAllDialog
    snippets.create(snippets.SnippetData(title="坏例子", body="我不清楚，改天再说"), None)
    dialog = CheckAllDialog(context.staff.id)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "坏例子"
    assert dialog.table.item(0, 2).text() == "我不清楚、改天再说"


def test_palette_searches_copies_and_checks_a_reply(qtbot, page, wang, context, monkeypatch):
    page.set_customer(wang.id)
    page.toggle_palette()
    palette = page.palette
    qtbot.addWidget(palette)
    assert palette.isVisible()
    assert palette.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert "王女士" in palette.customer.text()
    qtbot.keyClicks(palette.search, "xx")
    assert palette.model.rows[0].title == "感谢光临"
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert clipboard_text().startswith("感谢王女士的光临")
    assert palette.status.text() == "已复制，可以粘贴到聊天窗口了"
    qtbot.keyClick(palette.search, Qt.Key.Key_Backspace)  # a new search: the old "copied" goes
    assert palette.status.text() == ""
    assert palette.clear_customer.isVisibleTo(palette)
    palette.clear_customer.click()  # copy for nobody rather than for the wrong buyer
    assert page.customer_id is None and "未指定客户" in palette.customer.text()
    assert not page.preview.clear_customer.isVisibleTo(page)
    palette.reply.setPlainText("亲，这个真的没办法，公司规定就是这样")
    assert "没办法" in palette.hits.text() and "公司规定就是这样" in palette.hits.text()
    opened = []
    monkeypatch.setattr(page, "new_snippet", opened.append)
    palette.save_reply()
    assert opened[0].body == "亲，这个真的没办法，公司规定就是这样"
    palette.search.setFocus()
    qtbot.keyClick(palette.search, Qt.Key.Key_Escape)  # clears the search
    assert palette.search.text() == "" and palette.isVisible()
    qtbot.keyClick(palette.search, Qt.Key.Key_Escape)  # hides the palette
    assert not palette.isVisible()
    assert context.ui_settings.value("palette/geometry") is not None


def test_main_window_shows_the_page_and_follows_the_customer(qtbot, context, library, wang):
    from desktop.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.customers_page.select_customer(wang.id)
    assert window.snippets_page.customer_id == wang.id
    window.show_page("snippets")
    assert window.current_page_key() == "snippets"
    assert phrases.check("绝对不可能")


def test_f2_shows_and_hides_the_palette_at_its_remembered_place(qtbot, context, library):
    from desktop.main_window import MainWindow
    context.ui_settings.remove("palette/geometry")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.customers_page.search.setFocus()
    qtbot.keyClick(window.customers_page.search, Qt.Key.Key_F2)
    palette = window.snippets_page.palette
    assert palette is not None and palette.isVisible()
    assert palette.parent() is None  # stays up when the main window is minimised
    palette.move(210, 130)
    where = palette.pos()
    palette.hide()
    window.snippets_page.palette = None  # as after a restart
    palette.deleteLater()
    window.snippets_page.toggle_palette()
    qtbot.addWidget(window.snippets_page.palette)
    assert window.snippets_page.palette.pos() == where
    window.snippets_page.palette.hide()


def test_category_and_favourite_filters(qtbot, page):
    page.categories.setCurrentRow(next(
        r for r in range(page.categories.count()) if page.categories.item(r).text() == "补救"))
    shown = set(titles(page.model))
    assert {"换货方案", "补发配件", "退款方案", "补偿心意", "退换货说明"} <= shown
    assert len(shown) == 20 and "真诚道歉" not in shown
    first = page.model.rows[0]
    page._select_row(0)
    page.preview.favourite_button.click()
    assert Snippet.get_by_id(first.id).favourite
    page.categories.setCurrentRow(1)  # ★ 收藏
    assert titles(page.model) == [first.title]


def test_copy_button_copies_the_selected_snippet(qtbot, page, wang):
    page.set_customer(wang.id)
    page.search.setText("xd")
    page.preview.copy_button.click()
    assert clipboard_text().startswith("谢谢王女士的支持！")


def test_staff_changing_the_phrase_list_needs_the_owner(qtbot, context, library, owner):
    from db.models import ForbiddenPhrase
    from db.trust import security, staff as staff_rules
    from desktop.security import SecretDialog
    from desktop.snippets.phrases_dialog import PhraseFormDialog, PhrasesDialog
    from tests.desktop.helpers import when_modal
    security.set_owner_password("店主密码123", None, owner)
    context.set_staff(staff_rules.add("阿强"))
    dialog = PhrasesDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == ForbiddenPhrase.select().count()
    errors = when_modal(lambda d: d.reject(), SecretDialog)
    dialog.table.selectRow(0)
    dialog._remove()
    assert not errors and ForbiddenPhrase.select().count() == dialog.table.rowCount()

    def fill(form: PhraseFormDialog):
        form.phrase.setText("不归我管")
        form.reason.setText("推卸责任")
        form.suggestion.setText("我来帮您联系负责的同事")
        form.save()

    def unlock(secret: SecretDialog):
        secret.secret.setText("店主密码123")
        secret.accept()
        when_modal(fill, PhraseFormDialog)

    errors = when_modal(unlock, SecretDialog)
    dialog._add()
    assert not errors
    assert phrases.check("这事不归我管")[0].rule.suggestion == "我来帮您联系负责的同事"


def test_enter_in_the_result_list_copies(qtbot, page, wang):
    page.set_customer(wang.id)
    page.search.setText("pj")
    page.table.setFocus()
    QApplication.clipboard().clear()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert clipboard_text().startswith("王女士，收到宝贝后如果满意")


def test_categories_dialog_moves_and_the_page_follows(qtbot, page):
    from desktop.snippets.categories_dialog import CategoriesDialog
    dialog = CategoriesDialog(page)
    qtbot.addWidget(dialog)
    names = [c.name for c in snippets.categories()]
    dialog.list.list.setCurrentRow(names.index("议价"))
    dialog._move(-1)
    assert [c.name for c in snippets.categories()][1:3] == ["议价", "商品咨询"]
    assert dialog.changed
    page.reload_categories()
    assert [page.categories.item(r).text() for r in range(3, 6)] == ["接待问候", "议价", "商品咨询"]


def test_deleting_a_category_asks_and_keeps_its_snippets(qtbot, page, monkeypatch):
    from desktop.snippets.categories_dialog import CategoriesDialog
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: (asked.append(a[2]), answers.pop(0))[1])
    dialog = CategoriesDialog(page)
    qtbot.addWidget(dialog)
    category = next(c for c in snippets.categories() if c.name == "催付")
    before = Snippet.select().count()
    row = [c.id for c in snippets.categories()].index(category.id)
    dialog.list.list.setCurrentRow(row)
    dialog.list.remove_current()
    assert any(c.id == category.id for c in snippets.categories())
    dialog.list.list.setCurrentRow(row)
    dialog.list.remove_current()
    assert not any(c.id == category.id for c in snippets.categories())
    assert "9 条短语会保留" in asked[0] and Snippet.select().count() == before


def test_combining_two_selected_snippets_into_a_new_one(qtbot, page, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel
    created = []
    monkeypatch.setattr(page, "new_snippet", created.append)
    page.categories.setCurrentRow(next(
        r for r in range(page.categories.count()) if page.categories.item(r).text() == "道歉"))
    model = page.table.selectionModel()
    for row in (0, 2):
        model.select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)
    assert page.combine_button.isVisibleTo(page)
    page.combine_button.click()
    first, third = page.model.rows[0], page.model.rows[2]
    assert created[0].title == f"{first.title} + {third.title}"
    assert created[0].body.count("\n") == 1 and created[0].body.startswith(first.preview[:10])


def test_a_marked_phrase_can_be_replaced_by_its_better_wording(qtbot, context, library):
    dialog = SnippetEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.body.setPlainText("我们保证明天发货。")
    fixes = dialog.body.suggestions_at(3)
    assert [w for _h, w in fixes] == ["争取", "尽量"]
    dialog.body.replace_hit(*fixes[0])
    assert dialog.body.toPlainText() == "我们争取明天发货。"
    assert dialog.hits.text() == "未发现禁语 ✓"
    assert dialog.body.suggestions_at(3) == []


@pytest.mark.parametrize("platform,always_shown,quiet", [
    ("darwin", True, False),  # an NSPanel hides with its inactive app unless told otherwise
    ("win32", False, True), ("linux", False, True),
])
def test_palette_window_kind_per_system(platform, always_shown, quiet):
    from desktop.snippets.palette_window import palette_window
    kind = palette_window(platform)
    assert kind.flags & Qt.WindowType.Tool and kind.flags & Qt.WindowType.WindowStaysOnTopHint
    assert (Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow in kind.attributes) == always_shown
    assert kind.quiet_show == quiet


def test_palette_from_the_tray_leaves_the_focus_and_takes_typing_when_clicked(
        qtbot, context, library):
    """This system's real window: shown from the tray while another window is active, the
    palette appears on top without taking the keyboard; activated by a click, it takes typing;
    another window becoming active again leaves it visible."""
    from desktop.main_window import MainWindow
    window = MainWindow(context)  # stands in for the chat program: the active window
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.snippets_page.toggle_palette(activate=False)  # the tray's click
    palette = window.snippets_page.palette
    qtbot.addWidget(palette)
    quiet = palette.window_kind.quiet_show  # Windows and Linux; macOS shows its panel as usual
    assert palette.isVisible()
    assert palette.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating) == quiet
    qtbot.wait(100)
    if quiet and QApplication.platformName() != "offscreen":  # offscreen activates any window
        assert QApplication.activeWindow() is window  # the keyboard stayed where it was
    palette.activateWindow()  # the user clicks into the palette
    qtbot.waitUntil(lambda: QApplication.activeWindow() is palette)
    qtbot.keyClicks(palette.search, "xx")
    assert palette.search.text() == "xx" and palette.model.rows[0].title == "感谢光临"
    window.activateWindow()  # back to the chat program
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert palette.isVisible()
    palette.hide()
    window.snippets_page.toggle_palette()  # F2 in our own window: the palette takes the keys
    qtbot.waitUntil(lambda: QApplication.activeWindow() is palette)
    assert not palette.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    palette.hide()
