"""Orders as the importer reads them: the platforms' own export columns (淘宝/天猫 千牛 订单报表
and 宝贝报表, 拼多多, 抖店, 微信小店), every platform's word for a column as a synonym.

Import only: the platforms are the record of their orders; db/excel/order_import.py plans the
rows (whose export, which buyer, new or updated order) and db/orders/writing.py writes them.
"""
from __future__ import annotations

from db.excel.kinds import CODE, MOMENT, MONEY, NUMBER_TEXT, ORDER_PHONE, TEXT, Field, Kind
from db.excel.order_import import OrderImporter

FIELDS = (
    Field("order_no", "订单号", ("订单编号", "主订单编号", "主订单号", "订单ID", "父订单号",
                              "店铺订单号"), CODE, width=22),
    Field("sub_order_no", "子订单编号", ("子订单号", "商品订单号", "子单号"), CODE, width=22),
    Field("buyer_account", "买家账号", ("买家会员名", "买家昵称", "买家ID", "买家旺旺", "用户昵称",
                                    "用户名", "会员名", "昵称"), width=16, max_length=100),
    Field("status", "订单状态", ("交易状态", "状态"), width=10, max_length=50),
    Field("ordered_at", "下单时间", ("订单创建时间", "订单提交时间", "创建时间", "订单成交时间",
                                 "成交时间", "下单日期"), MOMENT, width=18),
    Field("paid_at", "付款时间", ("订单付款时间", "支付时间", "支付完成时间", "拼单成功时间",
                              "付款日期"), MOMENT, width=18),
    Field("shipped_at", "发货时间", ("发货日期",), MOMENT, width=18),
    Field("received_at", "收货时间", ("确认收货时间", "订单完成时间", "完成时间", "签收时间"),
          MOMENT, width=18),
    Field("amount", "实付金额", ("买家实际支付金额", "订单实付金额", "实付款", "实收款", "支付金额",
                              "订单金额", "订单实付"), MONEY, width=10),
    Field("line_amount", "商品实付金额", ("用户实付金额", "订单应付金额", "小计", "商品实付"),
          MONEY, width=10),
    Field("unit_price", "单价", ("价格", "商品单价", "商品价格", "商品金额", "销售价"), MONEY,
          width=10),
    Field("quantity", "数量", ("商品数量", "宝贝总数量", "购买数量", "件数", "宝贝数量"),
          NUMBER_TEXT, width=6),
    Field("title", "商品", ("商品名称", "宝贝标题", "选购商品", "标题", "宝贝名称", "商品标题"),
          width=30, max_length=500),
    Field("sku", "规格", ("商品规格", "商品属性", "销售属性", "款式", "SKU", "颜色分类", "规格名称"),
          width=16, max_length=200),
    Field("receiver_name", "收货人", ("收货人姓名", "收件人", "收件人姓名", "收货人名称"),
          width=10, max_length=100),
    Field("receiver_phone", "收货人手机", ("联系手机", "手机", "收件人手机号", "收货人手机号",
                                      "收件人电话", "收货人电话", "收件人手机", "手机号"),
          ORDER_PHONE, width=15),
    Field("address", "收货地址", ("收件地址", "收货人地址", "完整地址", "收件人地址"),
          width=36, max_length=500),
    Field("province", "省", ("省份", "收件省"), width=8, max_length=50),
    Field("city", "市", ("城市", "收件市"), width=8, max_length=50),
    Field("district", "区", ("区县", "县区", "收件区"), width=8, max_length=50),
    Field("street", "街道", ("乡镇", "街道/镇"), width=12, max_length=200),
    Field("detail", "详细地址", ("收件人详细地址", "详细收货地址"), width=30, max_length=500),
    Field("logistics_company", "快递公司", ("物流公司", "承运公司", "快递名称"), width=12,
          max_length=50),
    Field("tracking_no", "快递单号", ("物流单号", "运单号", "快递单号码"), CODE, width=18),
    Field("tracking_info", "快递信息", ("物流信息",), width=24, max_length=200),
    Field("buyer_message", "买家留言", ("买家备注", "留言"), width=24, max_length=2000),
    Field("seller_note", "商家备注", ("订单备注", "卖家备注", "备注"), width=24, max_length=2000),
    # Columns the exports carry that no order field holds: named here so that a word such as
    # 商品ID or 售后状态 is not taken for 商品 or 订单状态 by containment.
    Field("other", "其他编号", ("商品ID", "样式ID", "商家编码", "外部系统编号", "商家编码-SKU维度",
                            "商家编码-商品维度", "商品编码", "售后状态", "买家支付宝账号", "店铺ID",
                            "达人ID", "达人昵称", "主播昵称", "作者昵称", "售后单号", "用户购买手机号"), TEXT, importable=False),
)
IMPORTER = OrderImporter()
KIND = Kind("orders", "订单", FIELDS, identifying=("order_no",), match_keys=("order_no",),
            export_rows=lambda ids=None: (), importer=IMPORTER,
            max_cells=100_000 * 45)  # a busy shop's year, as wide as the exports are
