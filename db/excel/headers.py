"""Find the header row (below any title or notes rows) and map its columns to fields.

Headers are matched by the words people actually write (姓名/客户/称呼/买家..., see the kind's
synonyms), exactly first, then by containment ("客户手机号" holds "手机"). A mapping the user
corrected is saved per header signature, so the same roster maps itself next time.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re

from db.excel import values
from db.excel.errors import ExcelError, listed
from db.excel.kinds import Kind
from db.excel.read import Table
from db.storage import settings
from db.vocabulary import QT_TRANSLATE_NOOP, Word

HEADER_SCAN_ROWS = 30  # title, notes and blank rows above the header: rarely more than a few
_NOISE = re.compile(r"[\s*＊:：#＃]|[（(【\[].*?[)）】\]]")


@dataclasses.dataclass
class HeaderGuess:
    row_index: int  # index into table.rows; the sheet row is row_index + 1
    headers: list[str]  # the header text of every column, as written
    mapping: list[str | None]  # field key per column, None = ignored
    saved: bool = False  # the mapping came from a saved one

    @property
    def row_number(self) -> int:
        return self.row_index + 1


def normalise(header) -> str:
    return _NOISE.sub("", values.as_text(header)).lower()


def _synonyms(kind: Kind) -> dict[str, str]:
    table: dict[str, str] = {}
    for field in kind.fields:
        for word in field.headers:
            table.setdefault(normalise(word), field.key)
    return table


def match_header(kind: Kind, header) -> str | None:
    word = normalise(header)
    if not word:
        return None
    table = _synonyms(kind)
    if word in table:
        return table[word]
    contained = [(len(s), key) for s, key in table.items() if len(s) >= 2 and s in word]
    return max(contained)[1] if contained else None


def auto_mapping(kind: Kind, headers: list) -> list[str | None]:
    mapping: list[str | None] = []
    for header in headers:
        key = match_header(kind, header)
        mapping.append(key if key not in mapping else None)  # the first column wins
    return mapping


def find_header(kind: Kind, table: Table) -> HeaderGuess:
    best: tuple[int, int] | None = None  # (score, row index)
    for index, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        keys = {k for k in auto_mapping(kind, row) if k}
        score = len(keys)
        if score and (best is None or score > best[0]):
            best = (score, index)
        if score >= 3:  # a title row never names three fields: stop at the first real header
            break
    if best is None:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "在前 %1 行找不到表头（应有%2等列名）"), HEADER_SCAN_ROWS,
                         _header_words(kind), file=table.file)
    index = best[1]
    headers = [values.as_text(c) for c in table.rows[index]]
    saved = load_mapping(kind, headers)
    return HeaderGuess(index, headers, saved or auto_mapping(kind, headers), saved is not None)


def _header_words(kind: Kind) -> str:
    """Column names the kind's header holds, as written in a sheet (“称呼”“手机” for a roster,
    “订单号” for orders): the names it identifies rows by, the internal 编号 only if alone."""
    keys = [k for k in kind.identifying if k != "id"][:2] or list(kind.identifying[:1])
    return "".join(f"“{kind.field(k).label}”" for k in keys)


def check_mapping(kind: Kind, table: Table, guess: HeaderGuess) -> None:
    """Refuse a mapping that cannot work: a field on two columns, no identifying column."""
    seen: dict[str, int] = {}
    for column, key in enumerate(guess.mapping):
        if key is None:
            continue
        if key in seen:
            raise ExcelError(
                QT_TRANSLATE_NOOP("ExcelError", "“%1”同时对应了 %2 列和 %3 列，请只保留一列"),
                Word("ExcelWords", kind.field(key).label), table.column_letter(seen[key]),
                table.column_letter(column), file=table.file, row=guess.row_number)
        seen[key] = column
    if not any(k in seen for k in kind.identifying):
        names = listed(Word("ExcelWords", kind.field(k).label) for k in kind.identifying)
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "表头中没有可识别%1的列（需要其中之一：%2）"),
                         Word("ExcelWords", kind.title), names, file=table.file,
                         row=guess.row_number)


def signature(headers: list[str]) -> str:
    words = "|".join(normalise(h) for h in headers)
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:16]


def _setting_key(kind: Kind, headers: list[str]) -> str:
    return f"excel_mapping.{kind.key}.{signature(headers)}"


def load_mapping(kind: Kind, headers: list[str]) -> list[str | None] | None:
    saved = settings.get(_setting_key(kind, headers))
    if not saved or len(saved) != len(headers):
        return None
    known = {f.key for f in kind.fields}
    return [k if k in known else None for k in saved]


def save_mapping(kind: Kind, headers: list[str], mapping: list[str | None]) -> None:
    if mapping != auto_mapping(kind, headers) or load_mapping(kind, headers) is not None:
        settings.put(_setting_key(kind, headers), mapping)
