"""The rule editor (禁语表) and the check-my-reply box, used as the shop owner and an agent would."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QMessageBox

from db.models import ForbiddenPhrase
from db.snippets import defaults as default_library, phrases
from desktop.snippets.page import SnippetsPage
from desktop.snippets.phrases_dialog import PhraseFormDialog, PhrasesDialog


@pytest.fixture
def library(qapp, database, owner):
    default_library.load_defaults("zh_CN")


def test_a_new_rule_is_tried_on_a_sentence_and_saved_with_its_kind(qtbot, library):
    form = PhraseFormDialog()
    qtbot.addWidget(form)
    form.phrase.setText("收到…才说")
    form.sample.setText("亲，你都收到三天了才说坏了")
    assert "<b>收到三天了才说</b>" in form.result.text()
    form.category.setCurrentIndex(form.category.findData("blame"))
    form.reason.setText("怪买家说晚了")
    form.suggestion.setText("谢谢您告诉我们")
    assert "指责" in form.result.text() and "怪买家说晚了" in form.result.text()
    form.exceptions.setText("收到后…才说明")
    form.sample.setText("收到后我才说明白")
    assert form.result.text() == "这句话里没有找到"
    form.save()
    row = ForbiddenPhrase.get(ForbiddenPhrase.phrase == "收到…才说")
    assert (row.category, row.reason, row.exceptions) == ("blame", "怪买家说晚了", "收到后…才说明")
    [hit] = phrases.check("都收到那么久才说")
    assert hit.category == "blame" and hit.found == "收到那么久才说"


def test_a_pattern_with_a_dangling_gap_is_explained_and_not_saved(qtbot, library, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    before = ForbiddenPhrase.select().count()
    form = PhraseFormDialog()
    qtbot.addWidget(form)
    form.phrase.setText("公司…")
    assert "“…”前后都要有词" in form.result.text()
    form.save()
    assert warnings == ["“…”前后都要有词"] and ForbiddenPhrase.select().count() == before


def test_the_rule_list_shows_kind_and_level_of_every_rule(qtbot, context, library):
    dialog = PhrasesDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == ForbiddenPhrase.select().count() > 100
    kinds = {dialog.table.item(n, 1).text() for n in range(dialog.table.rowCount())}
    assert {"推诿", "指责", "拒绝", "不耐烦", "绝对承诺", "拖延", "反驳", "转折"} <= kinds


def _inside(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def test_check_my_reply_names_kind_reason_and_wording_below_the_text(qtbot, context, library):
    page = SnippetsPage(context)
    qtbot.addWidget(page)
    page.toggle_palette()
    palette = page.palette
    qtbot.addWidget(palette)
    palette.reply.setPlainText("这是公司规定，我也没办法，你自己没看清楚。保证明天到，您说得对，"
                               "但是改天再说吧，你烦不烦")
    text = palette.hits.text()
    for words in ("禁语·推诿", "“这是公司规定”", "把规定当挡箭牌", "禁语·指责", "“你自己没看”",
                  "我们一起看看是哪个环节出了问题", "慎用·绝对承诺", "慎用·转折", "禁语·拖延",
                  "……还有"):
        assert words in text, words
    qtbot.waitUntil(lambda: palette.hits.isVisible())
    hints, reply = _inside(palette.hits, palette), _inside(palette.reply, palette)
    assert not hints.intersects(reply) and hints.top() >= reply.bottom()
    label = palette.hits.label  # every line laid out in full: longer lists scroll
    assert label.height() >= label.heightForWidth(label.width()) - 1
