"""Start-up errors come before the database can say its language: they speak the language of
the last session (kept in ui.ini), Chinese on a first start."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from db.storage import store
from desktop import app as desktop_app, i18n
from tests.desktop.whole_language import CJK, WORD


@pytest.fixture
def newer_database(data_dir):
    db = store.open_database(data_dir)
    db.execute_sql("INSERT INTO schema_version (version, applied_at) VALUES (999, '2030-01-01')")
    db.close()
    return data_dir


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_newer_database_is_reported_in_the_interface_language(qapp, newer_database, language,
                                                                 monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: said.append(
        (title, text)))
    if language == "en":
        i18n.remember(newer_database, "en")  # the last session was in English
    try:
        i18n.install(qapp, i18n.remembered(newer_database))
        assert desktop_app.open_or_recover(newer_database) is None
    finally:
        i18n.install(qapp, "zh_CN")
    [(title, text)] = said
    text = text.replace(str(newer_database / "backups"), "")
    if language == "en":
        assert title == "Kefu Desk" and not CJK.search(text)
        assert text.startswith("This database was written by a newer version of Kefu Desk")
    else:
        assert title == "客服台" and not WORD.findall(text)
        assert text.startswith("这个数据库由更新版本的客服台写入（数据库版本 999")
