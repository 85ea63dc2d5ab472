"""Write resources/pinyin/readings.txt: pypinyin's answers for every character and phrase it
knows, in the form db.pinyin needs them, so that the app computes search keys without
importing pypinyin (0.4-0.5 s: its 2.5 MB phrase dictionary is JSON parsed on import).

    python tools/pinyin_table.py            write the table (run after upgrading pypinyin)
    python tools/pinyin_table.py --check    exit 1 if the table differs from pypinyin's answers

One line per key: key, its first readings (lazy_pinyin) separated by spaces, then its
readings with heteronyms (pinyin(heteronym=True), each character's first three distinct, as
db.pinyin uses them) with characters separated by spaces and readings by commas, when they
differ from the first readings. First the Han characters of U+3400-U+9FFF that pypinyin has a
reading for, then an empty line, then every phrase of its dictionary, sorted (db.pinyin
segments a name the way pypinyin does, so phrases such as 长乐 read as pypinyin reads them; it
finds them by bisecting these lines as they are, which sort as their keys do).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "resources" / "pinyin" / "readings.txt"
FIRST, LAST = 0x3400, 0x9FFF  # db.pinyin's Han range


def _clean(reading: str) -> bool:
    return bool(reading) and not any(c in reading for c in " ,\t\n\r")


def _line(key: str) -> str | None:
    from pypinyin import Style, lazy_pinyin, pinyin
    first = lazy_pinyin(key)
    every = [list(dict.fromkeys(r))[:3] for r in pinyin(key, style=Style.NORMAL, heteronym=True)]
    if len(first) != len(key) or len(every) != len(key):
        return None
    if not all(map(_clean, first)) or not all(_clean(r) for rs in every for r in rs):
        return None
    line = f"{key}\t{' '.join(first)}"
    if every != [[r] for r in first]:
        line += "\t" + " ".join(",".join(rs) for rs in every)
    return line


def build() -> str:
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    chars = []
    for code in range(FIRST, LAST + 1):
        char = chr(code)
        if code in PINYIN_DICT and RE_HANS.match(char) and (line := _line(char)) is not None:
            chars.append(line)
    lines = []
    # db.pinyin's segmentation assumes every dictionary key has two characters or more
    assert all(len(phrase) > 1 for phrase in PHRASES_DICT), "one-character phrase: see db.pinyin"
    for phrase in PHRASES_DICT:
        line = _line(phrase)
        # A phrase must be known even if its readings cannot be written here: "!" makes
        # db.pinyin hand a name containing it to pypinyin.
        lines.append(line if line is not None else f"{phrase}\t!")
    assert all(min(phrase) > "\t" for phrase in PHRASES_DICT)  # lines sort as their keys
    return "".join(f"{line}\n" for line in [*chars, "", *sorted(lines)])


def main(argv: list[str]) -> int:
    table = build()
    if "--check" in argv:
        same = TABLE.exists() and TABLE.read_text(encoding="utf-8") == table
        print("table matches pypinyin" if same else f"{TABLE} differs from pypinyin: rebuild it")
        return 0 if same else 1
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text(table, encoding="utf-8")
    print(f"wrote {TABLE} ({len(table.splitlines()):,} keys, {TABLE.stat().st_size / 2**20:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
