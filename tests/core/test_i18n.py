"""Every tr() string has an English translation, and the shipped .qm is current."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_string_is_translated_to_english():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "--check"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, (
        "Untranslated UI strings; run `python tools/i18n.py`, translate them in "
        "resources/i18n/app_en.ts, then run it again:\n" + result.stdout + result.stderr)


def test_shipped_qm_is_compiled_from_the_current_ts(tmp_path):
    ts = ROOT / "resources" / "i18n" / "app_en.ts"
    fresh = tmp_path / "fresh.qm"
    sys.path.insert(0, str(ROOT / "tools"))
    import i18n
    subprocess.run([i18n.tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), \
        "resources/i18n/app_en.qm is stale: run `python tools/i18n.py`"
    from PySide6.QtCore import QTranslator
    translator = QTranslator()
    assert translator.load(str(fresh))
    assert translator.translate("MainWindow", "客户") == "Customers"


def test_qt_own_buttons_follow_the_language(qapp):
    from PySide6.QtWidgets import QDialogButtonBox
    from desktop import i18n

    def texts():
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
        return sorted(b.text() for b in box.buttons())

    try:
        i18n.install(qapp, "zh_CN")
        assert texts() == ["保存", "取消"]
        i18n.install(qapp, "en")
        assert texts() == ["Cancel", "Save"]
    finally:
        i18n.install(qapp, "zh_CN")


def test_no_merge_conflict_markers_are_committed():
    markers = ("<<<<<<< ", ">>>>>>> ", "=======\n")
    found = []
    for path in ROOT.rglob("*"):
        if (path.suffix in {".py", ".md", ".toml", ".json", ".ts", ".spec", ".yml"}
                and ".venv" not in path.parts and "build" not in path.parts):
            text = path.read_text(encoding="utf-8", errors="replace")
            if any(f"\n{m}" in text for m in markers):
                found.append(str(path.relative_to(ROOT)))
    assert not found, found
