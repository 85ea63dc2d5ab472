"""Cell values as rosters hold them -> clean Python values, or a reason why not.

Phones typed into Excel become numbers (13800138000.0) and, when the column is too narrow,
get saved as 1.38E+10 with the digits gone; dates come as real dates, serial numbers or text
in several spellings.
"""
from __future__ import annotations

import datetime as dt
import math
import re

from db import text
from db.excel.wording import problem
from db.vocabulary import QT_TRANSLATE_NOOP

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 once Excel's 1900 leap bug is counted
_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                        r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_TAG_SPLIT = re.compile(r"[,，、;；|/\n]+")


class ValueProblem(ValueError):
    """The cell cannot become a value of its column; the message says why, in Chinese, and
    `note` holds it as a template with arguments for the wizard (wording.Note)."""

    def __init__(self, template: str, *args):
        self.note = problem(template, *args)
        super().__init__(str(self.note))


def is_empty(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def as_text(raw) -> str:
    """Text of a cell; whole numbers lose Excel's '.0' (a QQ number, an order number)."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "是" if raw else "否"
    if isinstance(raw, float):
        if math.isfinite(raw) and raw == int(raw):
            return str(int(raw))
        return repr(raw)
    if isinstance(raw, dt.datetime):
        return raw.strftime("%Y-%m-%d %H:%M") if raw.time() != dt.time() else raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


_MOBILE_SECOND = frozenset("3456789")


def parse_phone(raw) -> str:
    # The common cell first, a mobile number as a number or as text (50,000 rows): the
    # same answer as the general path below, without its regexes.
    if type(raw) is float and raw.is_integer() and 1.3e10 <= raw < 2e10:
        digits = str(int(raw))
        if digits[1] in _MOBILE_SECOND and len(digits.rstrip("0")) > 6:
            return digits
    elif type(raw) is str and len(raw) == 11 and raw.isascii() and raw.isdigit() \
            and raw[0] == "1" and raw[1] in _MOBILE_SECOND:
        return raw
    if isinstance(raw, float):
        if not math.isfinite(raw) or raw != int(raw):
            raise ValueProblem(QT_TRANSLATE_NOOP("ImportNotes", "“%1” 不是电话号码"), raw)
        digits = str(int(raw))
        # 1.38E+10 saved as text (CSV) and read back: only the shown digits are left.
        if len(digits) >= 10 and len(digits.rstrip("0")) <= 6:
            raise ValueProblem(QT_TRANSLATE_NOOP(
                    "ImportNotes", "“%1” 像是被 Excel 科学计数法截断的号码（后几位都是 0），原号码已丢失；请把该列设为文本后重新填写"), f"{raw:.6g}")
        raw = digits
    elif isinstance(raw, str) and re.fullmatch(r"\s*\d(\.\d+)?[eE]\+?\d+\s*", raw):
        raise ValueProblem(QT_TRANSLATE_NOOP(
                "ImportNotes", "“%1” 是科学计数法，号码的后几位已丢失，请填写完整号码"), raw.strip())
    try:
        return text.normalise_phone(raw)
    except text.PhoneError as exc:
        raise ValueProblem(exc.template, exc.value) from exc


def parse_date(raw) -> dt.date | None:
    if is_empty(raw):
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if 1 <= raw < 2_958_466:  # Excel's range: 1900-01-01 .. 9999-12-31
            return EXCEL_EPOCH + dt.timedelta(days=int(raw))
        raise ValueProblem(QT_TRANSLATE_NOOP("ImportNotes", "“%1” 不是日期"), as_text(raw))
    value = str(raw).strip()
    match = _DATE_TEXT.match(value)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    raise ValueProblem(QT_TRANSLATE_NOOP(
            "ImportNotes", "“%1” 不是日期（可写作 2026-11-03、2026/11/3 或 2026年11月3日）"), value)


def parse_datetime(raw) -> dt.datetime | None:
    """The export's 最后修改 column (local time)."""
    if is_empty(raw):
        return None
    if isinstance(raw, dt.datetime):
        return raw.replace(microsecond=0)
    if isinstance(raw, dt.date):
        return dt.datetime.combine(raw, dt.time())
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 1 <= raw < 2_958_466:
        moment = dt.datetime.combine(EXCEL_EPOCH, dt.time()) + dt.timedelta(days=float(raw))
        return (moment + dt.timedelta(milliseconds=500)).replace(microsecond=0)
    value = str(raw).strip()
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return dt.datetime.strptime(value, pattern)
        except ValueError:
            continue
    raise ValueProblem(QT_TRANSLATE_NOOP("ImportNotes", "“%1” 不是时间"), value)


def parse_id(raw) -> int | None:
    if is_empty(raw):
        return None
    value = as_text(raw).lstrip("#")
    if not value.isdigit() or int(value) <= 0:
        raise ValueProblem(QT_TRANSLATE_NOOP("ImportNotes", "“%1” 不是本软件导出的编号"), value)
    return int(value)


def split_tags(raw) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in _TAG_SPLIT.split(as_text(raw)) if t.strip()))


# --- the platforms' order exports ----------------------------------------------------------
# Platforms write numbers as text so that Excel keeps them: ="123", '123, or a trailing tab.
_WRAPPED = re.compile(r'^=\s*"(.*)"$', re.S)
_MONEY_JUNK = re.compile(r"[¥￥,，元\s]|RMB|CNY", re.I)
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
EXACT_DIGITS = 15  # what an Excel number cell keeps; a longer number lost its last digits


def unwrap(raw: str) -> str:
    """A text cell without the platforms' keep-as-text wrappers (="…", a leading ', tabs)."""
    value = raw.strip()
    first = value[:1]
    if first == "=":
        if value[1:2] == '"' and value[-1:] == '"' and len(value) > 2:
            return value[2:-1].strip()
        match = _WRAPPED.match(value)  # ="…" with spaces around
        return match.group(1).strip() if match else value
    return value[1:] if first == "'" else value  # most cells: nothing to take off


_NOT_A_NUMBER = QT_TRANSLATE_NOOP("ImportNotes", "“%1” 不是单号")
_NOT_AN_AMOUNT = QT_TRANSLATE_NOOP("ImportNotes", "“%1” 不是金额")


def parse_code(raw) -> str | None:
    """An order or tracking number, kept as text. A number cell with more digits than Excel
    keeps, or text in scientific notation (1.2E+17), lost its last digits: refused."""
    if isinstance(raw, bool):
        raise ValueProblem(_NOT_A_NUMBER, raw)
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and (not math.isfinite(raw) or raw != int(raw)):
            raise ValueProblem(_NOT_A_NUMBER, raw)
        digits = str(int(raw))
        if len(digits) > EXACT_DIGITS:
            raise ValueProblem(QT_TRANSLATE_NOOP(
                "ImportNotes", "“%1” 是数字格式，Excel 只保留了前 %2 位，后几位已丢失；"
                "请从平台重新导出，或在 Excel 中把该列设为文本后再导出"), f"{float(raw):.6E}",
                EXACT_DIGITS)
        return digits
    value = unwrap(str(raw))
    if _SCIENTIFIC.match(value):
        raise ValueProblem(QT_TRANSLATE_NOOP(
            "ImportNotes", "“%1” 是科学计数法，后几位数字已丢失；请从平台重新导出原始文件"), value)
    return value or None


def parse_money(raw) -> int | None:
    """An amount in yuan -> cents: 12.5, "¥12.50", "12.50元", "=\"12.50\"", "1,299.00\t"."""
    if isinstance(raw, bool):
        raise ValueProblem(_NOT_AN_AMOUNT, raw)
    if isinstance(raw, (int, float)):
        if not math.isfinite(raw):
            raise ValueProblem(_NOT_AN_AMOUNT, raw)
        return round(raw * 100)
    value = _MONEY_JUNK.sub("", unwrap(str(raw)))
    if not value or value in ("-", "--"):
        return None
    try:
        return round(float(value) * 100)
    except ValueError:
        raise ValueProblem(_NOT_AN_AMOUNT, str(raw).strip()) from None


def parse_moment(raw) -> dt.datetime | None:
    """A platform's local time (2026-11-03 14:05:09, 2026/11/3 14:05, a date cell, a serial)."""
    if type(raw) is str and len(raw) == 19 and raw[4] == "-" and raw[13] == ":":
        try:  # nearly every cell of a year's orders (400,000): no wrapper to take off
            return dt.datetime.fromisoformat(raw)
        except ValueError:
            pass
    if isinstance(raw, str):
        raw = unwrap(raw)
        if raw in ("", "-", "--", "0000-00-00 00:00:00"):
            return None
        if len(raw) == 19 and raw[4] in "-/" and raw[13] == ":":  # the usual form, fast
            try:
                return dt.datetime.fromisoformat(raw if raw[4] == "-" else raw.replace("/", "-"))
            except ValueError:
                pass
        if _DATE_TEXT.match(raw) and ":" not in raw:
            return dt.datetime.combine(parse_date(raw), dt.time())
    return parse_datetime(raw)


def is_masked(text: str) -> bool:
    """The platform hid part of it (138****8000, 张**): never matched on, never stored over a
    full value."""
    return "*" in text or "＊" in text


def parse_order_phone(raw) -> str | None:
    """The receiver's phone as the export gives it: a full number normalised; a masked one
    (138****8000) or a platform's virtual number with an extension (19912345678-1234, 转1234)
    kept as written; neither refuses the row, since the order is worth keeping without it."""
    if isinstance(raw, float) and raw == int(raw):
        raw = str(int(raw))
    value = unwrap(str(raw))
    if not value or is_masked(value):
        return value or None
    try:
        return text.normalise_phone(value)
    except text.PhoneError:
        return value
