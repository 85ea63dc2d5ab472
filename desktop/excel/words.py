"""The Excel columns' and kinds' names (the core's Chinese words) in the interface language.

The core names every column in Chinese, as the sheets do; the wizard shows them through
these translations so that the English interface reads English. A label missing here shows
as written.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

KIND_TITLES = (
    QT_TRANSLATE_NOOP("ExcelWords", "客户"), QT_TRANSLATE_NOOP("ExcelWords", "快捷短语"),
    QT_TRANSLATE_NOOP("ExcelWords", "售后工单"), QT_TRANSLATE_NOOP("ExcelWords", "订单"),
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
ORDER_LABELS = (  # the platforms' order exports (db/excel/order_kind.py)
    QT_TRANSLATE_NOOP("ExcelWords", "子订单编号"), QT_TRANSLATE_NOOP("ExcelWords", "买家账号"),
    QT_TRANSLATE_NOOP("ExcelWords", "订单状态"), QT_TRANSLATE_NOOP("ExcelWords", "下单时间"),
    QT_TRANSLATE_NOOP("ExcelWords", "付款时间"), QT_TRANSLATE_NOOP("ExcelWords", "发货时间"),
    QT_TRANSLATE_NOOP("ExcelWords", "收货时间"), QT_TRANSLATE_NOOP("ExcelWords", "实付金额"),
    QT_TRANSLATE_NOOP("ExcelWords", "商品实付金额"), QT_TRANSLATE_NOOP("ExcelWords", "单价"),
    QT_TRANSLATE_NOOP("ExcelWords", "数量"), QT_TRANSLATE_NOOP("ExcelWords", "规格"),
    QT_TRANSLATE_NOOP("ExcelWords", "收货人"), QT_TRANSLATE_NOOP("ExcelWords", "收货人手机"),
    QT_TRANSLATE_NOOP("ExcelWords", "收货地址"), QT_TRANSLATE_NOOP("ExcelWords", "省"),
    QT_TRANSLATE_NOOP("ExcelWords", "市"), QT_TRANSLATE_NOOP("ExcelWords", "区"),
    QT_TRANSLATE_NOOP("ExcelWords", "街道"), QT_TRANSLATE_NOOP("ExcelWords", "详细地址"),
    QT_TRANSLATE_NOOP("ExcelWords", "快递公司"), QT_TRANSLATE_NOOP("ExcelWords", "快递单号"),
    QT_TRANSLATE_NOOP("ExcelWords", "快递信息"), QT_TRANSLATE_NOOP("ExcelWords", "买家留言"),
    QT_TRANSLATE_NOOP("ExcelWords", "商家备注"), QT_TRANSLATE_NOOP("ExcelWords", "其他编号"),
    # what an order import finds a buyer by, and changes on an order (db/excel/order_import.py)
    QT_TRANSLATE_NOOP("ExcelWords", "姓名和地址"), QT_TRANSLATE_NOOP("ExcelWords", "客户"),
    QT_TRANSLATE_NOOP("ExcelWords", "其他信息"), QT_TRANSLATE_NOOP("ExcelWords", "客户信息"),
)
EMPTY = QT_TRANSLATE_NOOP("ExcelWords", "（空）")


def word(text: str) -> str:
    """A kind's title or a column's label in the interface language."""
    return QCoreApplication.translate("ExcelWords", text)
