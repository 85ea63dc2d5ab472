"""The snippet editor as typed into: the `{` completion never swallows a key, the hints
never cover the text, and Esc on a changed snippet asks first."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from db.models import Snippet
from db.snippets import defaults as default_library
from desktop.snippets.editor import SnippetEditorDialog


@pytest.fixture
def dialog(qtbot, context, monkeypatch):
    default_library.load_defaults("zh_CN")  # the phrase lists
    # Closing a changed editor asks: at the end of a test, throw the changes away.
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    editor = SnippetEditorDialog(context)
    qtbot.addWidget(editor)
    editor.resize(560, 560)
    editor.show()
    qtbot.waitExposed(editor)
    editor.body.setFocus()
    return editor


def body_text(dialog) -> str:
    return dialog.body.toPlainText()


def ime(widget, text: str) -> None:
    """Chinese text arrives as an input method's commit (QTest types ASCII keys only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_enter_picks_the_highlighted_placeholder_in_one_press(qtbot, dialog):
    ime(dialog.body, "您好")
    qtbot.keyClicks(dialog.body, "{ch")
    assert dialog.body.completion.isVisible()
    assert dialog.body.completion.current().name == "称呼"  # pinyin initials narrow it
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    assert body_text(dialog) == "您好{称呼}" and not dialog.body.completion.isVisible()
    ime(dialog.body, "，欢迎光临")
    qtbot.keyClicks(dialog.body, "{dp")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Tab)
    ime(dialog.body, "！")
    assert body_text(dialog) == "您好{称呼}，欢迎光临{店铺名}！"
    assert dialog.isVisible()


def test_escape_space_and_other_keys_close_the_list_and_are_typed(qtbot, dialog):
    qtbot.keyClicks(dialog.body, "{")
    assert dialog.body.completion.isVisible()
    qtbot.keyClick(dialog.body, Qt.Key.Key_Escape)
    assert not dialog.body.completion.isVisible() and dialog.isVisible()  # the list, not the dialog
    qtbot.keyClicks(dialog.body, "abc {^_^} { x {{x}}")
    assert body_text(dialog) == "{abc {^_^} { x {{x}}"
    assert not dialog.body.completion.isVisible()


def test_the_list_follows_typing_and_arrows(qtbot, dialog):
    qtbot.keyClicks(dialog.body, "{")
    shown = dialog.body.completion.count()
    assert shown >= 14  # every placeholder and the ask field
    qtbot.keyClick(dialog.body, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    assert body_text(dialog) == "{客户名}"
    qtbot.keyClicks(dialog.body, " {na")
    assert dialog.body.completion.count() == 1
    assert dialog.body.completion.item(0).text().startswith("{name}  称呼")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Enter)
    assert body_text(dialog) == "{客户名} {name}"  # the English name when typed in English
    qtbot.keyClicks(dialog.body, " {sr")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    ime(dialog.body, "快递单号")  # typed inside the ask field's braces
    assert body_text(dialog) == "{客户名} {name} {输入:快递单号}"
    qtbot.keyClicks(dialog.body, " {")
    ime(dialog.body, "订")
    assert dialog.body.completion.current().name == "订单号"
    qtbot.keyClick(dialog.body, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.body, Qt.Key.Key_Backspace)
    assert not dialog.body.completion.isVisible()  # the `{` is gone


def test_a_full_width_brace_from_the_input_method_opens_the_list(qtbot, dialog):
    ime(dialog.body, "您好｛")
    assert dialog.body.completion.isVisible()
    ime(dialog.body, "称")
    assert dialog.body.completion.current().name == "称呼"
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    assert body_text(dialog) == "您好{称呼}"


def test_many_flagged_phrases_never_cover_the_text(qtbot, dialog):
    ime(dialog.body, "没办法，这不是我的职责，公司规定就是这样，一分钱一分货，"
                     "爱买不买，改天再说，你自己看，投诉也没用。")
    assert len({h.phrase for h in dialog.hits.hits}) >= 6
    QApplication.processEvents()
    # However many hints, the editor still fits a 1366×768 laptop screen (a window taller
    # than the screen is cut down by the system, and then its parts overlap).
    assert dialog.minimumSizeHint().height() <= 600 and dialog.height() <= 600
    body = QRect(dialog.body.mapTo(dialog, dialog.body.rect().topLeft()), dialog.body.size())
    hints = QRect(dialog.hits.mapTo(dialog, dialog.hits.rect().topLeft()), dialog.hits.size())
    assert not body.intersects(hints) and hints.top() > body.bottom()
    note = QRect(dialog.hint.mapTo(dialog, dialog.hint.rect().topLeft()), dialog.hint.size())
    assert note.top() > body.bottom() and note.height() >= dialog.hint.heightForWidth(note.width())
    assert dialog.body.height() >= 150  # the text keeps its room; the hints scroll


def test_escape_on_a_changed_snippet_asks_before_discarding(qtbot, dialog, monkeypatch):
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: (asked.append(a[2]), answers.pop(0))[1])
    ime(dialog.title, "新的问候")
    dialog.body.setFocus()
    qtbot.keyClicks(dialog.body, "{ch")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Escape)  # closes the list only
    assert not asked and dialog.isVisible()
    qtbot.keyClick(dialog.body, Qt.Key.Key_Escape)  # Cancel: keep editing
    assert len(asked) == 1 and dialog.isVisible() and body_text(dialog) == "{ch"
    qtbot.keyClicks(dialog.body, "}!")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Escape)  # Save
    assert not dialog.isVisible()
    assert Snippet.get(Snippet.title == "新的问候").body == "{ch}!"


def test_escape_discards_only_when_told_and_unchanged_closes_at_once(qtbot, context,
                                                                     monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    editor = SnippetEditorDialog(context)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)
    assert not editor.isVisible()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    editor = SnippetEditorDialog(context)
    qtbot.addWidget(editor)
    editor.show()
    ime(editor.body, "写了一半")
    editor.close()
    assert not editor.isVisible()
    assert not Snippet.select().where(Snippet.body == "写了一半").exists()
