"""Filling a snippet's placeholders: a pure function from body + values to text.

Syntax: `{称呼}` is filled from a plain dict of values (customer, staff, shop, date, case...);
`{输入:快递单号}` asks the user when copying; `{{` and `}}` are literal braces; `｛称呼｝`
with full-width braces works like `{称呼}`. A `{` that
closes nothing stays literal, so a pasted emoticon such as `{^_^` cannot break a snippet.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Callable

ASK_PREFIX = "输入:"
_ASK_PREFIXES = ("输入:", "输入：", "ask:")
# Either an escaped brace or a placeholder of up to 30 characters on one line. Full-width
# braces count too: a Chinese input method in Chinese punctuation mode types ｛ for {.
TOKEN = re.compile(r"\{\{|\}\}|[{｛]([^{}｛｝\n]{1,30})[}｝]")

# Every placeholder the program can fill, with where its value comes from.
PLACEHOLDERS: dict[str, str] = {
    "称呼": "客户",
    "客户名": "客户",
    "买家账号": "客户",
    "平台": "客户",
    "手机尾号": "客户",
    "店铺名": "设置",
    "客服名": "当前客服",
    "日期": "今天",
    "时间": "现在",
    "星期": "今天",
    "订单号": "售后工单",
    "商品": "售后工单",
    "时限": "售后工单",
    # From the case's order, or in the palette the customer's latest order (db.orders).
    "快递公司": "订单",
    "快递单号": "订单",
    "收货地址": "订单",
    "下单时间": "订单",
}

# English names for the English library; they fill from the same values.
ALIASES = {"name": "称呼", "customer": "客户名", "account": "买家账号", "platform": "平台",
           "phone_tail": "手机尾号", "shop": "店铺名", "agent": "客服名", "date": "日期",
           "time": "时间", "weekday": "星期", "order": "订单号", "product": "商品",
           "deadline": "时限", "courier": "快递公司", "tracking": "快递单号",
           "address": "收货地址", "order_time": "下单时间"}


@dataclasses.dataclass(frozen=True)
class Token:
    start: int
    end: int
    kind: str  # "escape" | "value" | "ask" | "unknown"
    name: str  # placeholder name, or the label of an ask field


@dataclasses.dataclass
class Rendered:
    text: str
    missing: list[str]  # known placeholders without a value (e.g. no customer selected)
    unknown: list[str]  # names the program does not know (a typo such as {称乎})
    asks: list[str]  # labels of {输入:…} fields still to be answered

    @property
    def complete(self) -> bool:
        return not (self.missing or self.unknown or self.asks)


def tokens(body: str, known: set[str] | None = None) -> list[Token]:
    """Every escape and placeholder in body, in order (for the editor's highlighting)."""
    known = set(PLACEHOLDERS) if known is None else known
    out = []
    for match in TOKEN.finditer(body):
        name = match.group(1)
        if name is None:
            out.append(Token(match.start(), match.end(), "escape", match.group()[0]))
            continue
        name = name.strip()
        for prefix in _ASK_PREFIXES:
            if name.startswith(prefix):
                out.append(Token(match.start(), match.end(), "ask", name[len(prefix):].strip()))
                break
        else:
            name = ALIASES.get(name, name)
            out.append(Token(match.start(), match.end(), "value" if name in known else "unknown",
                             name))
    return out


def render(body: str, values: dict[str, str], answers: dict[str, str] | None = None,
           extra_known: set[str] = frozenset(),
           mark: Callable[[Token], str] | None = None) -> Rendered:
    """Fill body from values (placeholder -> text) and answers (ask label -> text).

    A placeholder without a value is left as written in `text` (or as `mark(token)` words it,
    for a list that shows the gap to a person) and reported, so the caller can ask for it
    instead of pasting `{...}`. Names in `values` count as known even when they are not in
    PLACEHOLDERS: other areas may supply their own.
    """
    answers = answers or {}
    known = set(PLACEHOLDERS) | set(values) | set(extra_known)
    parts: list[str] = []
    missing: list[str] = []
    unknown: list[str] = []
    asks: list[str] = []
    pos = 0
    for token in tokens(body, known):
        parts.append(body[pos:token.start])
        pos = token.end
        raw = body[token.start:token.end] if mark is None else mark(token)
        if token.kind == "escape":
            parts.append(token.name)
        elif token.kind == "ask":
            value = answers.get(token.name, "")
            if value:
                parts.append(value)
            else:
                parts.append(raw)
                _add(asks, token.name)
        elif token.kind == "value":
            value = values.get(token.name)
            if value:
                parts.append(str(value))
            else:
                parts.append(raw)
                _add(missing, token.name)
        else:
            parts.append(raw)
            _add(unknown, token.name)
    parts.append(body[pos:])
    return Rendered("".join(parts), missing, unknown, asks)


def _add(items: list[str], name: str) -> None:
    if name not in items:
        items.append(name)


def escape(text: str) -> str:
    """Literal text as a snippet body: braces doubled (used by "save this reply as snippet")."""
    return text.replace("{", "{{").replace("}", "}}")


def combine(bodies: list[str], separator: str = "\n") -> str:
    """Two or more snippets as one reply, in the order given, without empty parts."""
    return separator.join(b.strip() for b in bodies if b and b.strip())
