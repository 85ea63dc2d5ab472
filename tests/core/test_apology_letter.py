"""The 致歉信 draft: six parts filled from the case, calm, the remedy as a sentence, signed, dated."""
from __future__ import annotations

import datetime as dt

from db.cases import letter as apology_letter, records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.storage import settings

ON = dt.date(2026, 11, 30)


def make_case(owner):
    buyer = customers.create(CustomerData(name="王女士"), owner)
    case = cases.create(CaseData(customer_id=buyer.id, product="真丝连衣裙", order_no="TB1",
                                 category="破损", description="领口开线了，气死了！",
                                 staff_id=owner.id), owner)
    return case


def test_six_parts_in_the_shops_words_signed_and_dated(database, owner):
    case = make_case(owner)
    cases.add_remedy(case.id, owner, "compensation", 2000, notes="补偿运费")
    cases.add_remedy(case.id, owner, "exchange", notes="换S码")
    cases.add_remedy(case.id, owner, "gift", status="rejected")
    settings.put("shop_name", "小美的店")
    parts = apology_letter.parts(cases.Case.get_by_id(case.id), on=ON)
    assert len(parts) == len(apology_letter.PART_TITLES) + 1  # six parts and the signature
    assert parts[0] == "亲爱的王女士：\n您好！"
    assert "小美的店全体同事" in parts[1]
    assert parts[2] == ("您购买的“真丝连衣裙”（订单号 TB1）出现了破损，给您添了麻烦。"
                        "我们正在查明原因，并会改进相关环节，避免再次发生。")
    assert "气死了" not in "".join(parts)  # the buyer's angry words stay out unless chosen
    # The remedy as a sentence, not "换货 换S码"; the rejected gift is not offered.
    assert parts[3] == "为弥补给您带来的不便，我们将给您 20 元的补偿（补偿运费），并将为您换货（换S码）。"
    assert "不满意" in parts[4] and "小美的店的理解与支持" in parts[5]
    assert parts[6] == f"小美的店\n客服 {owner.name}\n2026年11月30日"


def test_quoted_description_is_calm_and_done_remedies_say_so(database, owner):
    case = make_case(owner)
    remedy = cases.add_remedy(case.id, owner, "refund", 1550)
    cases.Remedy.update(status="done").where(cases.Remedy.id == remedy.id).execute()
    cases.close(case.id, owner, 4, "", "易碎品加厚包装", reason="当场解决")
    text = apology_letter.letter(cases.Case.get_by_id(case.id), shop_name="", staff_name="阿强",
                                 on=ON, quote_description=True)
    assert "您反映的情况是：领口开线了，气死了。" in text  # quoted when chosen, without the "！"
    assert "我们已查明原因并改进：易碎品加厚包装。" in text
    assert "我们已为您退款 15.5 元。" in text
    assert "本店全体同事" in text and text.endswith("客服 阿强\n2026年11月30日")  # no shop line


def test_in_english_when_the_interface_is_english(database, owner):
    case = make_case(owner)
    cases.add_remedy(case.id, owner, "reship", notes="the collar")
    settings.put("language", "en")
    settings.put("shop_name", "Mei's Home")
    text = apology_letter.letter(cases.Case.get_by_id(case.id), staff_name="Anna", on=ON)
    assert text.startswith("Dear 王女士,\nHello!")
    assert "everyone at Mei's Home" in text
    assert "we will send the missing part again (the collar)." in text
    assert text.endswith("Mei's Home\nAnna\nNovember 30, 2026")
    assert "气死了" not in text and "亲爱" not in text
