"""The dashboard as titled tables: what the page's tables, the Excel sheets and the PDF show.

One source for every place a number appears, so the screen and the exports cannot disagree.
Words are in the interface language (db.vocabulary.translate: Chinese unless the desktop
installed a translator), so the page, the Excel file and the PDF read like the interface;
each section says which chart draws it.
"""
from __future__ import annotations

import dataclasses

from db.cases.vocabulary import REMEDY_TYPES, STAGES, category_label
from db.reports.figures import NO_PRODUCT, Dashboard
from db.vocabulary import QT_TRANSLATE_NOOP, translate

# A section with nothing to show says so in one line, not with empty axes.
NO_DATA = QT_TRANSLATE_NOOP("reports", "暂无数据")


def step_label(step: str) -> str:
    """A stage, or the whole path from complaint to closure beside the four stages."""
    return translate("reports", "投诉到结案") if step == "closure" else STAGES.label(step)


@dataclasses.dataclass(frozen=True)
class Section:
    key: str
    title: str
    headers: list[str]
    rows: list[list]  # first column: the label; others: numbers (or text when user data)
    chart: str = "bar"  # bar | grouped | line | "" (no chart)
    series: tuple[int, ...] = (1,)  # the columns the chart draws
    user_text: bool = False  # first column typed by people: never a formula in Excel

    @property
    def has_data(self) -> bool:
        """Any number other than zero: rows of zeros (a quiet month) are nothing to draw."""
        return any(isinstance(value, (int, float)) and not isinstance(value, bool) and value
                   for row in self.rows for value in row[1:])


def yuan(cents: int) -> float:
    return round(cents / 100, 2)


def one_decimal(value: float | None):
    return "" if value is None else round(value, 1)


def order_sections(board: Dashboard) -> list[Section]:
    """Cases and refunds against orders, and repeat purchases: only when orders are kept."""
    found = board.orders
    if found is None:
        return []
    summary = [
        [translate("reports", "订单数"), found.orders],
        [translate("reports", "下单客户"), found.buyers],
        [translate("reports", "其中回头客（累计 2 单及以上）"), found.repeat_buyers],
        [translate("reports", "复购率（%）"), one_decimal(found.repeat_rate)],
        [translate("reports", "每百单工单"), one_decimal(found.cases_per_100)],
        [translate("reports", "每百单退款"), one_decimal(found.refunds_per_100)],
    ]
    products = [[translate("reports", "未填商品") if not r.product else r.product, r.orders,
                 r.cases, one_decimal(r.cases_per_100), r.refunds,
                 one_decimal(r.refunds_per_100), yuan(r.refunded_cents)]
                for r in found.products]
    return [
        Section("orders", translate("reports", "订单与复购"),
                [translate("reports", "指标"), translate("reports", "数值")], summary, chart=""),
        Section("order_products", translate("reports", "商品售后（每百单）"),
                [translate("reports", "商品"), translate("reports", "订单数"),
                 translate("reports", "工单数"), translate("reports", "每百单工单"),
                 translate("reports", "退款数"), translate("reports", "每百单退款"),
                 translate("reports", "退款金额（元）")],
                products, chart="grouped", series=(3, 5), user_text=True),
    ]


def sections(board: Dashboard) -> list[Section]:
    rate = board.first_answer_rate
    summary = [
        [translate("reports", "新建工单"), board.opened],
        [translate("reports", "结案工单"), board.closed],
        [translate("reports", "处理中工单"), board.open_total],
        [translate("reports", "当前超时"), board.overdue_now],
        [translate("reports", "首次答复及时率（%）"), one_decimal(rate)],
        [translate("reports", "首次答复及时 / 应答复"),
         f"{board.first_answer_met} / {board.first_answer_due}"],
        [translate("reports", "平均满意度（分）"), one_decimal(board.satisfaction_average)],
        [translate("reports", "退款金额（元）"), yuan(board.refunded_cents)],
        [translate("reports", "补偿金额（元）"), yuan(board.compensated_cents)],
        [translate("reports", "回访 已完成 / 应回访"),
         f"{board.return_visits_done} / {board.return_visits_due}"],
    ]
    durations = [[step_label(k), d.count, one_decimal(d.average_hours), one_decimal(d.p90_hours)]
                 for k, d in board.durations.items()]
    cases = translate("reports", "工单数")
    return [
        Section("summary", translate("reports", "概览"),
                [translate("reports", "指标"), translate("reports", "数值")],
                summary, chart=""),
        Section("per_day", translate("reports", "每日新建与结案"),
                [translate("reports", "日期"), translate("reports", "新建"),
                 translate("reports", "结案")],
                [[d.day.isoformat(), d.opened, d.closed] for d in board.per_day],
                chart="line", series=(1, 2)),
        Section("open", translate("reports", "处理中工单（按阶段）"),
                [translate("reports", "阶段"), cases],
                [[STAGES.label(s), n] for s, n in board.open_by_stage.items()]),
        Section("durations", translate("reports", "各环节用时（小时）"),
                [translate("reports", "环节"), cases, translate("reports", "平均"), "P90"],
                durations, chart="grouped", series=(2, 3)),
        Section("satisfaction", translate("reports", "满意度分布"),
                [translate("reports", "满意度"), cases],
                [[translate("reports", "%1 分").replace("%1", str(k)), n]
                 for k, n in board.satisfaction_counts.items()]),
        Section("category", translate("reports", "问题分类 Top 10"),
                [translate("reports", "问题分类"), cases],
                [[category_label(r[0]), *r[1:]] for r in board.by_category], user_text=True),
        Section("product", translate("reports", "商品 Top 10"),
                [translate("reports", "商品"), cases],
                [[translate("reports", "未填商品") if r[0] == NO_PRODUCT else r[0], *r[1:]]
                 for r in board.by_product], user_text=True),
        Section("remedies", translate("reports", "补救方式"),
                [translate("reports", "补救方式"), translate("reports", "次数"),
                 translate("reports", "金额（元，已同意及以后）")],
                [[REMEDY_TYPES.label(r.type), r.count, yuan(r.amount_cents)]
                 for r in board.remedies]),
        Section("staff", translate("reports", "客服"),
                [translate("reports", "客服"), translate("reports", "处理工单"),
                 translate("reports", "当前超时"), translate("reports", "平均满意度"),
                 translate("reports", "评分数")],
                [[s.name, s.handled, s.overdue, one_decimal(s.satisfaction), s.rated]
                 for s in board.staff], chart="grouped", series=(1, 2), user_text=True),
        Section("visits", translate("reports", "回访"),
                [translate("reports", "回访"), translate("reports", "数量")],
                [[translate("reports", "应回访"), board.return_visits_due],
                 [translate("reports", "已完成"), board.return_visits_done],
                 [translate("reports", "逾期未做"), board.return_visits_late]]),
        *order_sections(board),
    ]
