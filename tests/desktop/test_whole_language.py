"""The whole interface in one language: every page and dialog, in English and in Chinese, with
no word of the other language and no text cut short, at 1280×800 and at 1024×700."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from db.models import Case, CaseEvent, CasePromise, Customer, Remedy, Snippet, Staff
from tests.desktop import whole_language as seen
from tests.report_seed import seed_month

SIZES = [(1280, 800), (1024, 700)]


def user_data() -> set[str]:
    """What the shop typed: shown as typed in any language."""
    data = {s.name for s in Staff.select()} | {c.name for c in Customer.select()}
    for case in Case.select():
        data |= {case.product, case.description, case.root_cause, case.improvement}
    data |= {p.text for p in CasePromise.select()} | {r.notes for r in Remedy.select()}
    for event in CaseEvent.select():  # what people typed into the timeline (reasons, notes)
        data |= typed(json.loads(event.params or "[]"))
    for snippet in Snippet.select():
        data |= {snippet.title, snippet.body}
    return {d for d in data if d}


def typed(value) -> set[str]:
    """The typed values among a timeline entry's parameters (db.cases.timeline): every text
    but the codes of words, phrases and categories, which are the interface's to translate."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(typed(v) for k, v in value.items()
                             if k not in ("word", "code", "phrase", "category")))
    if isinstance(value, list):
        return set().union(set(), *(typed(v) for v in value))
    return set()


def pages_and_dialogs(window, cases: dict):
    """(name, widget) for each page and tab shown in the window, with a record open, then each
    dialog opened on its own."""
    customer = Case.get_by_id(cases["a"]).customer_id
    window.show_page("customers")
    window.customers_page.select_customer(customer)
    yield "page customers", window
    window.show_page("snippets")
    yield "page snippets", window
    window.show_page("cases")
    for tab in range(window.cases_page.tabs.count()):
        window.cases_page.tabs.setCurrentIndex(tab)
        window.cases_page.show_case(cases["e"])  # open, with a remedy and a promise
        QApplication.processEvents()
        yield f"page cases, tab {tab}", window
    window.cases_page.show_case(cases["a"])  # closed: the whole timeline
    yield "page cases, a closed case", window
    for key in ("reports", "settings"):
        window.show_page(key)
        tabs = getattr(window.pages[[k for k, _t, _w in window.pages].index(key)][2], "tabs",
                       None)
        for tab in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            QApplication.processEvents()
            yield f"page {key}, tab {tab}", window
    yield from dialogs(window, cases)


def dialogs(window, cases: dict):
    from desktop.backups.dialog import BackupDialog
    from desktop.cases import dialogs as step
    from desktop.cases.case_form import CaseFormDialog
    from desktop.cases.category_dialog import CategoryDialog
    from desktop.cases.letter_dialog import LetterDialog
    from desktop.cases.limits_dialog import LimitsDialog
    from desktop.customers.contact_dialog import ContactDialog
    from desktop.customers.form_dialog import CustomerFormDialog
    from desktop.customers.merge_dialog import MergeDialog
    from desktop.customers.trash_dialog import TrashDialog
    from desktop.excel.import_wizard import ImportWizard
    from desktop.security import SecretDialog
    from desktop.settings.audit_dialog import AuditDialog
    from desktop.settings.server_dialog import ServerDialog
    from desktop.snippets.categories_dialog import CategoriesDialog
    from desktop.snippets.check_all_dialog import CheckAllDialog
    from desktop.snippets.editor import SnippetEditorDialog
    from desktop.snippets.fill_dialog import FillDialog
    from desktop.snippets.phrases_dialog import PhraseFormDialog, PhrasesDialog
    from desktop.staff_picker import StaffPickerDialog
    from db.snippets.asks import what_to_ask
    from db.snippets.render import render
    context, by = window.context, window.context.staff
    open_case, closed_case = Case.get_by_id(cases["e"]), Case.get_by_id(cases["a"])
    makers = {
        "customer form": lambda: CustomerFormDialog(context, parent=window),
        "customer form, editing": lambda: CustomerFormDialog(
            context, Customer.get_by_id(open_case.customer_id), parent=window),
        "contact": lambda: ContactDialog(context, open_case.customer_id, window),
        "merge": lambda: MergeDialog(context, open_case.customer_id, window),
        "trash": lambda: TrashDialog(context, window),
        "case form": lambda: CaseFormDialog(context, parent=window),
        "case form, editing": lambda: CaseFormDialog(context, open_case, parent=window),
        "advance": lambda: step.AdvanceDialog(open_case, by, window),
        "close": lambda: step.CloseDialog(open_case, by, window),
        "reopen": lambda: step.ReopenDialog(closed_case, by, window),
        "remedy": lambda: step.RemedyDialog(open_case.id, by, parent=window),
        "promise": lambda: step.PromiseDialog(open_case.id, by, window),
        "letter": lambda: LetterDialog(context, closed_case, window),
        "categories": lambda: CategoryDialog(by, window),
        "limits": lambda: LimitsDialog(by, window),
        "snippet editor": lambda: SnippetEditorDialog(context, parent=window),
        "snippet categories": lambda: CategoriesDialog(window),
        "phrases": lambda: PhrasesDialog(context, window),
        "phrase form": lambda: PhraseFormDialog(parent=window),
        "check all snippets": lambda: CheckAllDialog(by.id, window),
        "fill dialog, a case without order": lambda: FillDialog(
            what_to_ask(render("{订单号}{商品}{店铺名}", {}), {}, about_case=True), window),
        "import wizard": lambda: ImportWizard(context, parent=window),
        "backups": lambda: BackupDialog(context, window),
        "server": lambda: ServerDialog(context, window),
        "audit": lambda: AuditDialog(window),
        "owner password": lambda: SecretDialog(  # as require_owner words it
            QCoreApplication.translate("security", "需要店主密码"),
            QCoreApplication.translate("security", "“%1”需要店主确认，请输入店主密码："),
            lambda _text: True, window),
        "staff picker": lambda: StaffPickerDialog(None, window),
    }
    for name, make in makers.items():
        dialog = make()
        dialog.show()
        QApplication.processEvents()
        yield name, dialog
        dialog.close()
        dialog.deleteLater()


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    from desktop import i18n, theme
    sheet, palette = qapp.styleSheet(), qapp.palette()
    theme.apply(qapp)  # the real fonts and paddings: the style sheet widens the sidebar's items
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "zh_CN")
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def test_every_page_and_dialog_in_one_language_uncut(qtbot, context, owner, language):
    from desktop.main_window import MainWindow
    cases = seed_month(owner)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    data = user_data() | {str(context.data_dir)}
    wrong, cut = [], []
    for width, height in SIZES:
        window.resize(width, height)
        QApplication.processEvents()
        for name, widget in pages_and_dialogs(window, cases):
            found = seen.texts(widget)
            found.append(seen.Seen("application name", QApplication.applicationDisplayName()))
            if widget is window:
                found += [seen.Seen("menu", a.text()) for a in window.menu_actions()]
            other = seen.cjk_left(found, data) + seen.one_plural(found) if language == "en" \
                else seen.english_left(found, data)
            wrong += [f"{name}: {line}" for line in other]
            cut += [f"{name} at {width}x{height}: {line}" for line in seen.clipped(widget)]
    wrong = list(dict.fromkeys(wrong))
    cut = list(dict.fromkeys(cut))
    assert not wrong + cut, "\n".join(wrong + cut)


def test_columns_saved_under_chinese_widen_for_english_headers(qtbot, qapp, context):
    from desktop import i18n
    from desktop.customers.table_model import CustomerTableModel
    from desktop.main_window import MainWindow
    staff = CustomerTableModel.COLUMNS.index("staff")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.customers_page.table.setColumnWidth(staff, 60)  # fits 负责客服
    window.close()
    i18n.install(qapp, "en")
    try:
        again = MainWindow(context)
        qtbot.addWidget(again)
        header = again.customers_page.table.horizontalHeader()
        assert header.model().headerData(staff, header.orientation()) == "Staff in charge"
        assert header.sectionSize(staff) >= header.sectionSizeHint(staff) > 60
    finally:
        i18n.install(qapp, "zh_CN")
