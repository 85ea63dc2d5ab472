"""`main.py --self-test`: prove that a build starts, stores and finds a record, and exits 0.

Runs headless on a throw-away data folder, through the same code as a real start: the
database with its migrations, pinyin search (bundled data), translations, icons, the window.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTranslator

    from db.customers import records as customers
    from db.customers.search import CustomerQuery, search_ids
    from db.storage import backups, store
    from db.storage.resources import resource
    from db.trust import staff as staff_rules
    from desktop.app import create_application
    from desktop.context import AppContext

    checks: list[tuple[str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="kefudesk-selftest-") as tmp:
        data_dir = Path(tmp)
        database = store.open_database(data_dir)
        app = create_application()
        owner = staff_rules.add("自检", role="owner")
        created = customers.create(customers.CustomerData(name="张三", phone="13800138000"), owner)
        found = search_ids(CustomerQuery(text="zs"))
        checks.append(("database write/read + pinyin search", found == [created.id]))
        from db.models import Snippet
        from db.snippets import defaults as default_library, phrases, library as snippets
        from db.snippets.render import render
        default_library.load_on_first_open("zh_CN")
        [apology] = [r for r in snippets.search("dq", owner.id) if r.shortcut == "dq"]
        filled = render(Snippet.get_by_id(apology.id).body, {"称呼": "张三"})
        checks.append(("default snippets bundled + filled + phrase check",
                       filled.complete and filled.text.startswith("张三")
                       and bool(phrases.check("公司规定就是这样"))))
        checks.append(("translations bundled", QTranslator().load("app_en", str(resource("i18n")))))
        import importlib
        system_keys = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "x11")
        checks.append(("system-wide shortcut and paste module bundled",
                       hasattr(importlib.import_module(f"desktop.global_keys.{system_keys}"),
                               "GlobalKeys")))
        from desktop import i18n
        i18n.install(app, "zh_CN")  # Qt's own words (file dialogs, buttons) come bundled too
        qt_words = [("QPlatformTheme", "Cancel", "取消"),  # qtbase_zh_CN.qm
                    ("QFileDialog", "&Look in:", "查找范围(&L)：")]  # our qt_extra_zh_CN.qm
        checks.append(("Qt's own translations bundled", all(
            QCoreApplication.translate(context, text) == chinese
            for context, text, chinese in qt_words)))
        from desktop.main_window import MainWindow
        window = MainWindow(AppContext(data_dir, owner))
        window.show()
        QCoreApplication.processEvents()
        checks.append(("main window lists the customer",
                       window.customers_page.model.rowCount() == 1))
        backup = backups.backup_now(data_dir, "selftest")
        checks.append(("online backup", backup.exists() and backup.stat().st_size > 0))
        window.close()
        database.close()
        del app
    for name, ok in checks:
        print(f"{'ok ' if ok else 'FAIL'} {name}")
    passed = all(ok for _name, ok in checks)
    print("self-test passed" if passed else "self-test FAILED", file=sys.stderr if not passed else sys.stdout)
    return 0 if passed else 1
