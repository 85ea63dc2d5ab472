"""Order values for replies written outside a case (the palette, the 快捷短语 page): the
customer's latest order fills {订单号} {快递单号} ..., and the page says which order it was.
While a case of that customer is shown, its own order is used instead (the cases page
supplies those values), so a reply about a complaint never quotes another order."""
from __future__ import annotations

from typing import Callable

from db.models import Case
from db.orders.placeholders import LATEST_NOTE, latest_order_values
from db.vocabulary import translate
from desktop.orders import labels


class LatestOrderValues:
    def __init__(self, customer_id: Callable[[], int | None],
                 case_shown_for: Callable[[int], bool]):
        self._customer_id = customer_id
        self._case_shown_for = case_shown_for

    def values(self) -> dict[str, str]:
        customer_id = self._customer_id()
        if customer_id is None or self._case_shown_for(customer_id):
            return {}
        return latest_order_values(customer_id)[0]

    def note(self) -> str:
        customer_id = self._customer_id()
        if customer_id is None or self._case_shown_for(customer_id):
            return ""
        _values, order = latest_order_values(customer_id)
        if order is None:
            return ""
        named = " ".join(p for p in (labels.platform(order.platform), order.order_no,
                                     labels.when(order.ordered_at, with_time=False)) if p)
        return translate("orders", LATEST_NOTE).replace("%1", named)


def attach(snippets_page, cases_page) -> LatestOrderValues:
    """Before the case's values (later providers win), so an open case's order prevails."""
    def case_shown_for(customer_id: int) -> bool:  # as cases_page.case_placeholders decides
        case_id = cases_page.detail.case_id
        return bool(case_id) and Case.select(Case.id).where(
            Case.id == case_id, Case.customer == customer_id).exists()

    found = LatestOrderValues(lambda: snippets_page.customer_id, case_shown_for)
    snippets_page.value_providers.insert(0, found.values)
    snippets_page.value_notes.append(found.note)
    return found
