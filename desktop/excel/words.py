"""The Excel columns' and kinds' names (the core's Chinese words) in the interface language.

The core names every column in Chinese, as the sheets do; the wizard shows them through
these translations so that the English interface reads English. A label missing here shows
as written.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

KIND_TITLES = (
    QT_TRANSLATE_NOOP("ExcelWords", "客户"), QT_TRANSLATE_NOOP("ExcelWords", "快捷短语"),
    QT_TRANSLATE_NOOP("ExcelWords", "售后工单"),
)
FIELD_LABELS = (  # customers, snippets and cases: the columns an import reads
    QT_TRANSLATE_NOOP("ExcelWords", "编号"), QT_TRANSLATE_NOOP("ExcelWords", "称呼"),
    QT_TRANSLATE_NOOP("ExcelWords", "手机"), QT_TRANSLATE_NOOP("ExcelWords", "微信"),
    QT_TRANSLATE_NOOP("ExcelWords", "QQ"), QT_TRANSLATE_NOOP("ExcelWords", "平台"),
    QT_TRANSLATE_NOOP("ExcelWords", "平台账号"), QT_TRANSLATE_NOOP("ExcelWords", "地址"),
    QT_TRANSLATE_NOOP("ExcelWords", "类型"), QT_TRANSLATE_NOOP("ExcelWords", "投诉类型"),
    QT_TRANSLATE_NOOP("ExcelWords", "负责客服"), QT_TRANSLATE_NOOP("ExcelWords", "标签"),
    QT_TRANSLATE_NOOP("ExcelWords", "下次回访"), QT_TRANSLATE_NOOP("ExcelWords", "备注"),
    QT_TRANSLATE_NOOP("ExcelWords", "最后修改"), QT_TRANSLATE_NOOP("ExcelWords", "标题"),
    QT_TRANSLATE_NOOP("ExcelWords", "短语码"), QT_TRANSLATE_NOOP("ExcelWords", "分类"),
    QT_TRANSLATE_NOOP("ExcelWords", "内容"), QT_TRANSLATE_NOOP("ExcelWords", "客户编号"),
    QT_TRANSLATE_NOOP("ExcelWords", "订单号"), QT_TRANSLATE_NOOP("ExcelWords", "商品"),
    QT_TRANSLATE_NOOP("ExcelWords", "渠道"), QT_TRANSLATE_NOOP("ExcelWords", "问题分类"),
    QT_TRANSLATE_NOOP("ExcelWords", "问题描述"), QT_TRANSLATE_NOOP("ExcelWords", "买家情绪"),
    QT_TRANSLATE_NOOP("ExcelWords", "严重程度"), QT_TRANSLATE_NOOP("ExcelWords", "阶段"),
    QT_TRANSLATE_NOOP("ExcelWords", "满意度"), QT_TRANSLATE_NOOP("ExcelWords", "原因"),
    QT_TRANSLATE_NOOP("ExcelWords", "改善措施"), QT_TRANSLATE_NOOP("ExcelWords", "创建时间"),
)
EMPTY = QT_TRANSLATE_NOOP("ExcelWords", "（空）")


def word(text: str) -> str:
    """A kind's title or a column's label in the interface language."""
    return QCoreApplication.translate("ExcelWords", text)
