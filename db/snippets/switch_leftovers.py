"""Undo what the old language switch did to a library.

Builds before issue 14 loaded the other language's defaults into an existing library when
the interface language changed (switching to English and back left 17 English snippets in a
Chinese library). The library's first language is the first entry of the "loaded" setting;
snippets of the sets loaded after it are removed only while still exactly as shipped:
unchanged title, code and body (fingerprints of the old texts below, frozen), never edited,
copied, starred, made personal or given an image. Anything the shop touched stays.
"""
from __future__ import annotations

import hashlib

from db.models import Snippet, database

# sha1(title \x1f code \x1f body)[:12] of the defaults those builds shipped, per language.
SHIPPED_BEFORE = {
    "zh": {
        "greeting.welcome": "298fcbde27ce", "greeting.busy": "a2cb3360857a",
        "greeting.returning": "beabceecfcad", "greeting.night": "3f8b4b79b7f0",
        "product.size": "b22020d2b210", "product.stock": "4c6f848adcfc",
        "product.material": "5cd380fe75bb", "product.restock": "487c90332fa6",
        "bargain.event_price": "21ee0ca324d9", "bargain.coupon": "e66e70c0f0d7",
        "bargain.bundle": "5c48f674e7ec", "payment.reminder": "f1e50474eb11",
        "payment.deadline": "d853fa77197d", "payment.help": "e49206eef521",
        "shipping.when": "07ac69fcf715", "shipping.sent": "f8e106c0d23d",
        "shipping.slow": "4007fdddb9b1", "shipping.address": "b054c7c05322",
        "aftersales.return": "4d093965dc3f", "aftersales.photo": "c336fa701c6f",
        "aftersales.refund": "3426864e9d26", "soothe.sorry": "534218ea3168",
        "soothe.understand": "e02cf723307a", "soothe.wait": "49126d7494d2",
        "complaint.record": "e82f62226461", "complaint.escalate": "f21c4698a5f1",
        "complaint.solution": "ffb9bf850622", "thanks.bye": "ce1d75908cd3",
        "thanks.review": "234355e5c1d5", "thanks.purchase": "637de6e38e2b",
        "step_reception.welcome": "12db933ea9aa", "step_reception.restate": "7af7c7a8488e",
        "step_reception.listen": "3b7a1a5f0e5e", "step_apology.sincere": "42a26e46bb04",
        "step_apology.calm": "a49465307cce", "step_apology.thanks_patience": "a78c4b3a1f5f",
        "step_remedy.exchange": "a323c357855f", "step_remedy.reship": "1382de6f4c1b",
        "step_remedy.refund": "76e03730e630", "step_remedy.compensate": "a1517b1a1e26",
        "step_followup.progress": "2a63e79fdcbf", "step_followup.revisit": "84e153a6e519",
        "step_followup.thanks": "ada78d73ecc4",
    },
    "en": {
        "en.greeting.welcome": "031c884f5e5a", "en.greeting.busy": "b31834f19ef7",
        "en.product.size": "23ec4152f183", "en.product.stock": "9ffc7335264f",
        "en.bargain.event": "05ca4f9176ba", "en.payment.reminder": "524d81fee8b1",
        "en.shipping.sent": "21fa4ca8462d", "en.shipping.when": "c531b3470e2c",
        "en.aftersales.photo": "c89299d18513", "en.soothe.sorry": "a7150e790a03",
        "en.complaint.record": "14fabc959aab", "en.thanks.bye": "50ede153c020",
        "en.step_reception.restate": "11855be6a10e", "en.step_apology.shop": "4f27139b825f",
        "en.step_remedy.exchange": "8f0483a6f4ba", "en.step_followup.progress": "8aab92fe953b",
        "en.step_followup.revisit": "483737a74c2c",
    },
}


def fingerprint(title: str, shortcut: str, body: str) -> str:
    return hashlib.sha1("\x1f".join((title, shortcut, body)).encode("utf-8")).hexdigest()[:12]


def untouched(snippet: Snippet, shipped: dict[str, str]) -> bool:
    return (shipped.get(snippet.key) == fingerprint(snippet.title, snippet.shortcut, snippet.body)
            and snippet.version == 1 and not snippet.use_count and not snippet.favourite
            and snippet.owner_id is None and snippet.image is None
            and snippet.updated_by_id is None)


def remove(loaded: list[str], family: str) -> tuple[list[str], list[int]]:
    """With the library's first language in use again, drop the untouched snippets of the
    sets the switch added; returns (the loaded list to keep, ids removed). Idempotent: the
    list it returns has one language, and later calls find nothing to do."""
    if len(loaded) < 2 or loaded[0] != family:
        return loaded, []
    shipped = {k: v for later in loaded[1:] for k, v in SHIPPED_BEFORE.get(later, {}).items()}
    with database.atomic():
        found = Snippet.select().where(Snippet.key.in_(list(shipped)))
        ids = [s.id for s in found if untouched(s, shipped)]
        if ids:
            Snippet.delete().where(Snippet.id.in_(ids)).execute()
    return [family], ids
