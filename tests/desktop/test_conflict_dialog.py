"""Two computers edit the same record: the real forms, a save from a second connection behind
their back, the side-by-side dialog, per-row choices, and the database read back."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from db.cases import records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Case, Customer, Snippet
from db.snippets import library as snippets
from db.trust import staff as staff_rules
from desktop.cases.case_form import CaseFormDialog
from desktop.cases.dialogs import AdvanceDialog
from desktop.cases.page import CasesPage
from desktop.customers.form_dialog import CustomerFormDialog
from desktop.snippets.editor import SnippetEditorDialog
from desktop.widgets.conflict_dialog import ConflictDialog
from tests.desktop.helpers import when_modal


@pytest.fixture
def colleague(database):
    return staff_rules.add("小王")


@pytest.fixture
def buyer(owner):
    return customers.create(CustomerData(name="王伟", phone="13812345678", notes="老客户",
                                         tags=["回头客"]), owner)


def save_button(dialog: ConflictDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def rows(dialog: ConflictDialog) -> dict[str, str]:
    """field → the first line of its status, as shown."""
    table = dialog.table
    return {table.item(r, 0).data(0x0100): table.item(r, 0).text().split("\n")[1]
            for r in range(table.rowCount())}


def colleague_saves_customer(other_computer, colleague, customer_id, **changes):
    with other_computer(colleague):
        current = Customer.get_by_id(customer_id)
        data = dataclasses.replace(CustomerData.of(current), **changes)
        customers.update(customer_id, data, colleague, expected_version=current.version)


def test_customer_form_merges_and_the_user_chooses_per_row(qtbot, context, buyer, colleague,
                                                           other_computer):
    form = CustomerFormDialog(context, Customer.get_by_id(buyer.id))
    qtbot.addWidget(form)
    form.show()
    form.phone.setText("13700000000")
    form.notes.setPlainText("要发票")
    form.wechat.setText("wx_mine")
    form.tags.setText("回头客 易怒")
    colleague_saves_customer(other_computer, colleague, buyer.id, phone="13900000000",
                             address="上海市", notes="换号了", tags=["回头客", "VIP"])

    def choose(dialog: ConflictDialog):
        assert rows(dialog) == {"phone": "⚠ 两人都改了，请选择", "wechat": "✓ 只有你改了，已合并",
                                "address": "✓ 只有对方改了，已合并", "notes": "⚠ 两人都改了，请选择",
                                "tags": "✓ 两边的修改都已保留：回头客、易怒、VIP"}
        theirs = dialog.findChild(object, "phone:theirs")
        assert "13900000000" in theirs.label.text() and "小王" in theirs.label.text()
        assert not save_button(dialog).isEnabled()  # two choices still open
        assert "2" in dialog.pending.text()
        dialog.choose("phone", "theirs")
        dialog.choose("notes", "mine")
        assert save_button(dialog).isEnabled()
        save_button(dialog).click()

    errors = when_modal(choose, ConflictDialog)
    form.save_button.click()
    assert not errors, errors
    assert not form.isVisible()
    stored = Customer.get_by_id(buyer.id)
    assert (stored.phone, stored.notes, stored.wechat, stored.address) == (
        "13900000000", "要发票", "wx_mine", "上海市")
    assert customers.tag_names(buyer.id) == ["回头客", "易怒", "VIP"]
    assert form.saved_customer.id == buyer.id


def test_cancel_keeps_the_form_and_all_mine_saves_it(qtbot, context, buyer, colleague,
                                                     other_computer):
    form = CustomerFormDialog(context, Customer.get_by_id(buyer.id))
    qtbot.addWidget(form)
    form.show()
    form.notes.setPlainText("我的备注")
    colleague_saves_customer(other_computer, colleague, buyer.id, notes="对方的备注", qq="12345")

    errors = when_modal(lambda d: d.reject(), ConflictDialog)
    form.save_button.click()
    assert not errors, errors
    assert form.isVisible() and form.notes.toPlainText() == "我的备注"  # nothing lost
    assert Customer.get_by_id(buyer.id).notes == "对方的备注"  # nothing written

    def all_mine(dialog: ConflictDialog):
        dialog.all_mine.click()
        save_button(dialog).click()

    errors = when_modal(all_mine, ConflictDialog)
    form.save_button.click()
    assert not errors, errors
    stored = Customer.get_by_id(buyer.id)
    assert (stored.notes, stored.qq) == ("我的备注", "")  # all mine: my form exactly


def test_a_third_save_while_choosing_shows_the_dialog_again(qtbot, context, buyer, colleague,
                                                            other_computer):
    form = CustomerFormDialog(context, Customer.get_by_id(buyer.id))
    qtbot.addWidget(form)
    form.show()
    form.notes.setPlainText("我")
    colleague_saves_customer(other_computer, colleague, buyer.id, notes="第二")
    seen = []

    def second(dialog: ConflictDialog):
        seen.append(dialog.findChild(object, "notes:theirs").label.text())
        dialog.all_theirs.click()
        save_button(dialog).click()

    def first(dialog: ConflictDialog):
        dialog.choose("notes", "mine")
        colleague_saves_customer(other_computer, colleague, buyer.id, notes="第三")
        errors.extend(when_modal(second, ConflictDialog))
        save_button(dialog).click()

    errors = when_modal(first, ConflictDialog)
    form.save_button.click()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert not errors, errors
    assert "第三" in seen[0]
    assert Customer.get_by_id(buyer.id).notes == "第三"


@pytest.fixture
def case(buyer, owner):
    return cases.create(CaseData(customer_id=buyer.id, order_no="TB1", product="连衣裙",
                                 category="破损", description="领口开线", severity="simple",
                                 staff_id=owner.id), owner)


def test_case_form_conflict(qtbot, context, case, colleague, other_computer):
    form = CaseFormDialog(context, Case.get_by_id(case.id))
    qtbot.addWidget(form)
    form.show()
    form.product.setText("真丝连衣裙")
    form.order_no.setText("TB2")
    with other_computer(colleague):
        current = Case.get_by_id(case.id)
        cases.update(case.id, dataclasses.replace(CaseData.of(current), product="连衣裙 M",
                                                  severity="complex"),
                     colleague, expected_version=current.version)

    def choose(dialog: ConflictDialog):
        assert rows(dialog) == {"order_no": "✓ 只有你改了，已合并", "product": "⚠ 两人都改了，请选择",
                                "severity": "✓ 只有对方改了，已合并"}
        assert "复杂" in dialog.findChild(object, "severity:theirs").label.text()
        dialog.choose("product", "theirs")
        save_button(dialog).click()

    errors = when_modal(choose, ConflictDialog)
    form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert not errors, errors
    stored = Case.get_by_id(case.id)
    assert (stored.product, stored.order_no, stored.severity) == ("连衣裙 M", "TB2", "complex")


def test_a_stale_stage_move_is_refused_and_the_case_refreshed(qtbot, context, case, colleague,
                                                              other_computer, monkeypatch):
    page = CasesPage(context)
    qtbot.addWidget(page)
    page.show()
    page.show_case(case.id)
    told = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *a: told.append(text)))
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a: told.append(text)))
    with other_computer(colleague):
        cases.advance(case.id, colleague, "已向买家道歉")
    # The pane still shows 热情接待: the move is refused before any dialog opens.
    page._advance_current()
    assert len(told) == 1 and "小王" in told[0] and "道歉" in told[0]
    assert page.detail.shown_version == Case.get_by_id(case.id).version  # refreshed

    # Changed while the step dialog is open: refused on OK, nothing recorded.
    def meanwhile(dialog: AdvanceDialog):
        with other_computer(colleague):
            cases.add_remedy(case.id, colleague, "refund", 500)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    errors = when_modal(meanwhile, AdvanceDialog)
    page._advance_current()
    assert not errors, errors
    assert len(told) == 2 and "没有执行" in told[1]
    stored = Case.get_by_id(case.id)
    assert stored.stage == "apology"
    assert [e.kind for e in cases.timeline(case.id)] == ["created", "advance", "remedy"]
    assert page.detail.shown_version == stored.version


def test_a_stale_snippet_save_says_so_and_keeps_the_editor(qtbot, context, owner, colleague,
                                                           other_computer, monkeypatch):
    snippet = snippets.create(snippets.SnippetData(title="道歉", body="非常抱歉"), owner)
    editor = SnippetEditorDialog(context, Snippet.get_by_id(snippet.id))
    qtbot.addWidget(editor)
    editor.show()
    editor.body.setPlainText("我的新版本")
    with other_computer(colleague):
        snippets.update(snippet.id, snippets.SnippetData(title="道歉", body="对方的版本"), colleague)
    told = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a: told.append(text)))
    editor.save()
    assert told and "小王" in told[0]
    assert editor.isVisible() and editor.body.toPlainText() == "我的新版本"
    assert Snippet.get_by_id(snippet.id).body == "对方的版本"
    # Closing the editor at the end of the test would ask about the unsaved text: discard it.
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
