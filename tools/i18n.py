"""Refresh the translation source and compile it.

    python tools/i18n.py            lupdate desktop/ and db/ -> resources/i18n/app_en.ts, lrelease
    python tools/i18n.py --check    exit 1 if any tr() string lacks an English translation
    python tools/i18n.py --fill F   take translations from F (JSON {"中文": "English"}, or
                                    {"Context|中文": ...} for one context, or another .ts, e.g.
                                    the other side of a merge) for untranslated messages
                                    (a "Context|中文" key also replaces a finished one), compile

Chinese is the source language (what tr() holds); English lives in app_en.ts. Translate new
entries in that file (any text editor or pyside6-linguist), then run this again.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "app_en.ts"
# Written by hand: what Qt's own catalogue leaves untranslated (desktop/i18n.py loads it).
EXTRA = sorted((ROOT / "resources" / "i18n").glob("qt_extra_*.ts"))


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or f"pyside6-{name}"


def sources() -> list[str]:
    """desktop/ (tr() and translate()) and db/ (the core's words, marked QT_TRANSLATE_NOOP)."""
    return sorted(str(p.relative_to(ROOT)) for folder in ("desktop", "db")
                  for p in (ROOT / folder).rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", "zh_CN", "-target-language", "en", *sources(),
                    "-ts", str(ts)], cwd=ROOT, check=True)


def untranslated(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished") \
                or not (translation.text or "").strip():
            if translation is None or translation.get("type") != "vanished":
                missing.append(message.findtext("source"))
    return missing


def read_translations(path: Path) -> dict[str, str]:
    if path.suffix == ".json":
        import json
        return json.loads(path.read_text(encoding="utf-8"))
    found = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            found[message.findtext("source")] = translation.text
    return found


def fill(ts: Path, translations: dict[str, str]) -> None:
    """Translate the unfinished messages only: a translation made for one context never
    overwrites another context's ("新建工单" is a button on the cases page and a figure in the
    reports). A key "Context|中文" is for that context alone and wins over a plain "中文"."""
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            english = translations.get(f"{name}|{source}") or translations.get(source)
            if not english or translation is None:
                continue
            if translation.get("type") is None and (translation.text or "").strip() and \
                    f"{name}|{source}" not in translations:
                continue  # already translated: keep it
            translation.text = english
            translation.attrib.pop("type", None)
    ET.indent(tree)
    with open(ts, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / TS.name
            shutil.copy(TS, copy)
            lupdate(copy)
            missing = untranslated(copy)
        for text in missing:
            print(f"untranslated: {text}")
        return 1 if missing else 0
    lupdate(TS)
    if "--fill" in argv:
        fill(TS, read_translations(Path(argv[argv.index("--fill") + 1])))
    for source in (TS, *EXTRA):
        subprocess.run([tool("lrelease"), "-silent", str(source), "-qm",
                        str(source.with_suffix(".qm"))], check=True)
    missing = untranslated(TS)
    print(f"{TS.name}: {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
