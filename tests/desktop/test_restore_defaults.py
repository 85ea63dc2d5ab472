"""短语 → 恢复默认短语: the shop picks the language; only missing defaults are added."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from db.models import Snippet
from db.snippets import defaults as default_library, library as snippets
from db.storage import settings
from desktop.snippets.page import SnippetsPage
from desktop.snippets.restore_dialog import RestoreDefaultsDialog
from tests.desktop.helpers import when_modal


def answer(language: str | None):
    """Pick a language and press 恢复, or (None) press 取消."""
    def act(dialog: RestoreDefaultsDialog) -> None:
        assert dialog.language.currentData() == "zh"  # the UI language comes first
        box = dialog.findChild(QDialogButtonBox)
        if language is None:
            box.button(QDialogButtonBox.StandardButton.Cancel).click()
            return
        dialog.language.setCurrentIndex(dialog.language.findData(language))
        box.button(QDialogButtonBox.StandardButton.Ok).click()
    return act


def test_restore_asks_for_the_language_and_keeps_the_shops_edits(qtbot, context, owner):
    default_library.load_on_first_open("zh_CN")
    settings.put("language", "zh_CN")
    sorry = Snippet.get(Snippet.key == "soothe.sorry")
    snippets.update(sorry.id, snippets.SnippetData(title="我的道歉", body="我们自己的话",
                                                   category_id=sorry.category_id,
                                                   shortcut="dq"), owner)
    snippets.delete([Snippet.get(Snippet.key == "thanks.bye").id])
    chinese = Snippet.select().count()
    page = SnippetsPage(context)
    qtbot.addWidget(page)
    messages = []
    context.status_message.connect(messages.append)

    errors = when_modal(answer(None), RestoreDefaultsDialog)
    page.restore_defaults()
    assert not errors and Snippet.select().count() == chinese and not messages

    errors = when_modal(answer("zh"), RestoreDefaultsDialog)
    page.restore_defaults()
    assert not errors and Snippet.select().count() == chinese + 1  # the deleted one is back
    assert Snippet.get(Snippet.key == "soothe.sorry").body == "我们自己的话"
    assert "1" in messages[-1]

    errors = when_modal(answer("en"), RestoreDefaultsDialog)
    page.restore_defaults()
    english = Snippet.select().where(Snippet.key.startswith("en.")).count()
    assert not errors and english >= 150
    assert Snippet.select().count() == chinese + 1 + english
    assert str(english) in messages[-1]
    page.search.setText("sorry")
    assert page.model.rows[0].title == "Sincere apology"

    errors = when_modal(answer("en"), RestoreDefaultsDialog)
    page.restore_defaults()  # again: nothing doubles
    assert not errors and Snippet.select().count() == chinese + 1 + english
