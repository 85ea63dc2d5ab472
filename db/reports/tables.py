"""The dashboard as titled tables: what the page's tables, the Excel sheets and the PDF show.

One source for every place a number appears, so the screen and the exports cannot disagree.
Labels are the shop's Chinese words (the report is a document for the shop, like the
timeline); each section says which chart draws it.
"""
from __future__ import annotations

import dataclasses

from db.cases.vocabulary import STAGES
from db.reports.figures import Dashboard

CLOSURE = "投诉到结案"  # the whole path, beside the four stages
NO_DATA = "暂无数据"  # a section with nothing to show says so in one line, not with empty axes


def step_label(step: str) -> str:
    return CLOSURE if step == "closure" else STAGES.source(step)


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


def sections(board: Dashboard) -> list[Section]:
    rate = board.first_answer_rate
    summary = [
        ["新建工单", board.opened], ["结案工单", board.closed],
        ["处理中工单", board.open_total], ["当前超时", board.overdue_now],
        ["首次答复及时率（%）", one_decimal(rate)],
        ["首次答复及时 / 应答复", f"{board.first_answer_met} / {board.first_answer_due}"],
        ["平均满意度（分）", one_decimal(board.satisfaction_average)],
        ["退款金额（元）", yuan(board.refunded_cents)],
        ["补偿金额（元）", yuan(board.compensated_cents)],
        ["回访 已完成 / 应回访", f"{board.return_visits_done} / {board.return_visits_due}"],
    ]
    durations = [[step_label(k), d.count, one_decimal(d.average_hours), one_decimal(d.p90_hours)]
                 for k, d in board.durations.items()]
    return [
        Section("summary", "概览", ["指标", "数值"], summary, chart=""),
        Section("per_day", "每日新建与结案", ["日期", "新建", "结案"],
                [[d.day.isoformat(), d.opened, d.closed] for d in board.per_day],
                chart="line", series=(1, 2)),
        Section("open", "处理中工单（按阶段）", ["阶段", "工单数"],
                [[STAGES.source(s), n] for s, n in board.open_by_stage.items()]),
        Section("durations", "各环节用时（小时）", ["环节", "工单数", "平均", "P90"], durations,
                chart="grouped", series=(2, 3)),
        Section("satisfaction", "满意度分布", ["满意度", "工单数"],
                [[f"{k} 分", n] for k, n in board.satisfaction_counts.items()]),
        Section("category", "问题分类 Top 10", ["问题分类", "工单数"],
                [list(r) for r in board.by_category], user_text=True),
        Section("product", "商品 Top 10", ["商品", "工单数"],
                [list(r) for r in board.by_product], user_text=True),
        Section("remedies", "补救方式", ["补救方式", "次数", "金额（元，已同意及以后）"],
                [[r.label, r.count, yuan(r.amount_cents)] for r in board.remedies]),
        Section("staff", "客服", ["客服", "处理工单", "当前超时", "平均满意度", "评分数"],
                [[s.name, s.handled, s.overdue, one_decimal(s.satisfaction), s.rated]
                 for s in board.staff], chart="grouped", series=(1, 2), user_text=True),
        Section("visits", "回访", ["回访", "数量"],
                [["应回访", board.return_visits_due], ["已完成", board.return_visits_done],
                 ["逾期未做", board.return_visits_late]]),
    ]
