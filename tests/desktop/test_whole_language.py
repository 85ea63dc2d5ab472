"""The whole interface in one language: every page and dialog, in English and in Chinese, with
no word of the other language and no text cut short, at 1280×800 and at 1024×700."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from db.models import Case, Customer, Snippet, Staff
from tests.desktop import whole_language as seen
from tests.report_seed import seed_month

SIZES = [(1280, 800), (1024, 700)]


def user_data() -> set[str]:
    """What the shop typed: shown as typed in any language."""
    data = {s.name for s in Staff.select()} | {c.name for c in Customer.select()}
    for case in Case.select():
        data |= {case.product, case.description, case.root_cause, case.improvement}
    for snippet in Snippet.select():
        data |= {snippet.title, snippet.body}
    return {d for d in data if d}


def pages_and_dialogs(window):
    """(name, widget) for each page shown in the window, then each dialog opened on its own."""
    for key, _title, _widget in window.pages:
        window.show_page(key)
        QApplication.processEvents()
        yield f"page {key}", window
    yield from dialogs(window)


def dialogs(window):
    from desktop.backups.dialog import BackupDialog
    from desktop.cases.category_dialog import CategoryDialog
    from desktop.cases.limits_dialog import LimitsDialog
    from desktop.customers.form_dialog import CustomerFormDialog
    from desktop.customers.trash_dialog import TrashDialog
    from desktop.settings.audit_dialog import AuditDialog
    from desktop.snippets.categories_dialog import CategoriesDialog
    from desktop.staff_picker import StaffPickerDialog
    context = window.context
    makers = {
        "customer form": lambda: CustomerFormDialog(context, parent=window),
        "trash": lambda: TrashDialog(context, window),
        "backups": lambda: BackupDialog(context, window),
        "categories": lambda: CategoryDialog(context.staff, window),
        "limits": lambda: LimitsDialog(context.staff, window),
        "audit": lambda: AuditDialog(window),
        "snippet categories": lambda: CategoriesDialog(window),
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
    from desktop import i18n
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "zh_CN")


def test_every_page_and_dialog_in_one_language_uncut(qtbot, context, owner, language):
    from desktop.main_window import MainWindow
    seed_month(owner)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    data = user_data() | {str(context.data_dir)}
    wrong, cut = [], []
    for width, height in SIZES:
        window.resize(width, height)
        QApplication.processEvents()
        for name, widget in pages_and_dialogs(window):
            found = seen.texts(widget)
            found.append(seen.Seen("application name", QApplication.applicationDisplayName()))
            if widget is window:
                found += [seen.Seen("menu", a.text()) for a in window.menu_actions()]
            other = seen.cjk_left(found, data) if language == "en" else \
                seen.english_left(found, data)
            wrong += [f"{name}: {line}" for line in other]
            cut += [f"{name} at {width}x{height}: {line}" for line in seen.clipped(widget)]
    wrong = list(dict.fromkeys(wrong))
    cut = list(dict.fromkeys(cut))
    assert not wrong + cut, "\n".join(wrong + cut)
