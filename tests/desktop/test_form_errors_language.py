"""The core's refusals (db.errors.FieldError and its kinds) shown by real forms in the English
interface: English, without a Chinese character; the core's own text stays Chinese."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from db.cases import records as cases
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Case, Customer, Snippet
from db.snippets import library as snippets
from desktop.cases.case_form import CaseFormDialog
from desktop.customers.form_dialog import CustomerFormDialog
from desktop.snippets.editor import SnippetEditorDialog

CHINESE = re.compile(r"[\u3400-\u9fff]")


def test_a_case_without_description_or_category_is_refused_in_english(
        qtbot, context, owner, english):
    customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    dialog = CaseFormDialog(context)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.picker.search, "ww")
    assert dialog.picker.matches.count() == 1
    assert dialog.category.currentData() == "" and not dialog.description.toPlainText()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    said = dialog.error.text()
    assert said == ("Describe the problem (the buyer's own words) or choose a problem "
                    "category"), said
    assert dialog.saved_case is None and Case.select().count() == 0
    with pytest.raises(cases.CaseError) as refused:  # the core's text: the command line's
        cases.create(cases.CaseData(customer_id=Customer.get().id), owner)
    assert str(refused.value) == "请填写问题描述（买家的原话）或选择问题分类"


def test_a_customer_form_error_is_english_with_its_value_and_field(qtbot, context, english):
    dialog = CustomerFormDialog(context)
    qtbot.addWidget(dialog)
    dialog.name.setText("赵小姐")
    dialog.qq.setText("12ab")
    dialog.save_button.click()
    said = dialog.error.text()
    assert said == "“12ab” is not a valid QQ number (5–12 digits)", said
    dialog.qq.setText("")
    dialog.phone.setText("12345")  # the phone rules' own words, put in the customer's error
    dialog.save_button.click()
    said = dialog.error.text()
    assert said.startswith("“12345”") and not CHINESE.search(said), said
    assert dialog.saved_customer is None and Customer.select().count() == 0


def test_a_snippet_form_error_is_english(qtbot, context, english, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k:
                        warned.append(text))
    before = Snippet.select().count()
    editor = SnippetEditorDialog(context)
    qtbot.addWidget(editor)
    editor.body.setPlainText("亲，您好")  # no title
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    editor.title.setText("问候")
    editor.shortcut.setText("问候")  # a shortcut is letters and digits
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert warned == ["Enter a title for the snippet",
                      "Shortcut “问候” may use only English letters and digits (such as dq)"]
    assert Snippet.select().count() == before
    with pytest.raises(snippets.SnippetError) as refused:
        snippets.clean(editor.data())
    assert str(refused.value) == "短语码“问候”只能用英文字母和数字（如 dq）"


def test_a_stale_stage_move_is_told_in_english(qtbot, context, owner, other_computer, english,
                                               monkeypatch):
    """StaleEdit's message comes from the core too: who, when, what they did (the timeline's
    sentence), the stage now, all in the interface language around what people typed."""
    from db.trust import staff as staff_rules
    from desktop.cases.page import CasesPage
    colleague = staff_rules.add("小王")
    buyer = customers.create(CustomerData(name="王伟"), owner)
    case = cases.create(cases.CaseData(customer_id=buyer.id, description="领口开线"), owner)
    page = CasesPage(context)
    qtbot.addWidget(page)
    page.show()
    page.show_case(case.id)
    told = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *a: told.append(text)))
    with other_computer(colleague):
        cases.advance(case.id, colleague, "已向买家道歉")
    page._advance_current()
    assert len(told) == 1, told
    assert told[0].startswith(f"Case #{case.id} was changed by someone else meanwhile (小王 ")
    assert told[0].endswith("and is now at “Apology”. This step was not done; look at the "
                            "latest before trying again."), told[0]
    assert not CHINESE.search(told[0].replace("小王", "").replace("已向买家道歉", "")), told[0]


def test_a_wording_rule_with_a_dangling_gap_is_explained_in_english(qtbot, context, english,
                                                                    monkeypatch):
    """The pattern rules' words (db.snippets.rule_pattern), live under the field and in the
    refusal on save."""
    from db.models import ForbiddenPhrase
    from desktop.snippets.phrases_dialog import PhraseFormDialog
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    before = ForbiddenPhrase.select().count()
    form = PhraseFormDialog()
    qtbot.addWidget(form)
    form.phrase.setText("公司…")
    assert "“…” needs words on both sides" in form.result.text()
    form.save()
    assert warned == ["“…” needs words on both sides"]
    assert ForbiddenPhrase.select().count() == before
