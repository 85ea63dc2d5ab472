"""What a reply still needs from a person before it may go to a buyer.

A copy never puts `{订单号}` on the clipboard: the {输入:…} fields, the known placeholders
without a value (a case with no order on file, no customer chosen...) and unknown names are
asked for first, each with its name in the interface language and why it is empty. A list
that shows a reply before the copy marks the same gaps (`gap_mark`) instead of the braces,
so a sentence such as "您的订单{订单号}已发出" never reads as complete when it is not.
"""
from __future__ import annotations

import dataclasses

from db.snippets.render import PLACEHOLDERS, Rendered, Token
from db.snippets.vocabulary import PLACEHOLDER_NAMES
from db.vocabulary import QT_TRANSLATE_NOOP, Vocabulary, translate

# Why a known placeholder has no value, as the fill dialog's hint says it.
WHY = Vocabulary("SnippetAsks", {
    "no_customer_name": QT_TRANSLATE_NOOP("SnippetAsks", "未选择客户：可填“亲”，或在“客户”页选中客户"),
    "no_customer": QT_TRANSLATE_NOOP("SnippetAsks", "未选择客户：在“客户”页选中客户后会自动填入"),
    "customer_lacks": QT_TRANSLATE_NOOP("SnippetAsks", "这位客户的资料里没有这一项：请直接填写"),
    "no_case": QT_TRANSLATE_NOOP("SnippetAsks", "未选择售后工单：请直接填写"),
    "case_lacks": QT_TRANSLATE_NOOP("SnippetAsks", "工单和它的订单里都没有：请直接填写"),
    "no_order": QT_TRANSLATE_NOOP("SnippetAsks", "没有找到这位客户的订单：请直接填写"),
    "setting": QT_TRANSLATE_NOOP("SnippetAsks", "填写后会记住，可在“设置”页修改"),
    "unknown": QT_TRANSLATE_NOOP("SnippetAsks", "检查是否写错，或直接填写要发送的内容"),
})
GAP = QT_TRANSLATE_NOOP("SnippetAsks", "［待填：%1］")


@dataclasses.dataclass(frozen=True)
class Ask:
    kind: str  # "ask" ({输入:…}) | "missing" (known, no value) | "unknown" (a typo?)
    name: str  # the placeholder's Chinese name, or the fill-in field's label as written
    why: str = ""  # a code of WHY

    def label(self) -> str:
        """The name in the interface language (a fill-in label is the shop's own words)."""
        return PLACEHOLDER_NAMES.label(self.name) if self.kind == "missing" else self.name

    def hint(self) -> str:
        return WHY.label(self.why) if self.why else ""


def what_to_ask(result: Rendered, values: dict[str, str], about_case: bool = False) -> list[Ask]:
    """Everything `result` still lacks, in the order a person fills it: fill-in fields, then
    missing values, then unknown names. `values` are the ones the result was filled from
    (a customer is chosen when they name one); about_case: they are an open case's, so an
    empty 订单号 or 商品 is that case's gap, not a case nobody chose."""
    customer = bool(values.get("客户名"))
    return ([Ask("ask", name) for name in result.asks]
            + [Ask("missing", name, _why(name, customer, about_case)) for name in result.missing]
            + [Ask("unknown", name, "unknown") for name in result.unknown])


def _why(name: str, customer: bool, about_case: bool) -> str:
    source = PLACEHOLDERS.get(name, "")
    if source == "客户":
        if customer:
            return "customer_lacks"
        return "no_customer_name" if name == "称呼" else "no_customer"
    if source in ("售后工单", "订单"):
        if about_case:
            return "case_lacks"
        if customer and name != "时限":  # the palette fills these from the latest order
            return "no_order"
        return "no_case" if source == "售后工单" else "no_customer"
    return "setting" if source == "设置" else ""


def gap_mark(token: Token) -> str:
    """How a reply shown before its copy marks a gap: ［待填：订单号］ in the interface
    language, never the braces a buyer must not see."""
    name = PLACEHOLDER_NAMES.label(token.name) if token.kind == "value" else token.name
    return translate("SnippetAsks", GAP).replace("%1", name)
