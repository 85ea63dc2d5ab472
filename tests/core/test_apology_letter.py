"""The 致歉信 draft: six parts filled from the case."""
from __future__ import annotations

from db.cases import letter as apology_letter, records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.storage import settings


def test_six_parts_from_the_case(database, owner):
    buyer = customers.create(CustomerData(name="王女士"), owner)
    case = cases.create(CaseData(customer_id=buyer.id, product="真丝连衣裙", order_no="TB1",
                                 category="破损", description="领口开线了，很着急！"), owner)
    cases.add_remedy(case.id, owner, "compensation", 2000, notes="补偿运费")
    cases.add_remedy(case.id, owner, "gift", status="rejected")
    settings.put("shop_name", "小美的店")
    parts = apology_letter.parts(cases.Case.get_by_id(case.id))
    assert len(parts) == len(apology_letter.PART_TITLES) == 6
    assert parts[0].startswith("亲爱的王女士")
    assert "小美的店全体同事" in parts[1]
    assert "“真丝连衣裙”（订单号 TB1）出现了破损：领口开线了，很着急！我们正在查明原因" in parts[2]
    assert parts[3] == "为弥补给您带来的不便，我们为您安排：小额补偿 20 元 补偿运费。"  # not the rejected gift
    assert "不满意" in parts[4] and parts[5].endswith("小美的店")
    cases.close(case.id, owner, 4, "", "易碎品加厚包装", reason="当场解决")
    letter = apology_letter.letter(cases.Case.get_by_id(case.id), shop_name="")
    assert "我们已查明原因并改进：易碎品加厚包装。" in letter and "本店全体同事" in letter
