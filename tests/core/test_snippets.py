"""Snippet library on the real database: save rules, pinyin search, ranking, visibility."""
from __future__ import annotations

import pytest

from db.models import Snippet
from db.snippets import phrases, library as snippets
from db.snippets.library import SnippetData, SnippetError
from db.trust import staff as staff_rules


@pytest.fixture
def apology(database):
    return snippets.add_category("道歉安抚")


def make(title, body="内容", by=None, **kw):
    return snippets.create(SnippetData(title=title, body=body, **kw), by)


def titles(query, staff_id=None, **kw):
    return [r.title for r in snippets.search(query, staff_id, **kw)]


def test_bad_input_is_refused_naming_the_field(database):
    for data, field in [(SnippetData(title=" ", body="x"), "title"),
                        (SnippetData(title="t", body=""), "body"),
                        (SnippetData(title="t", body="x", shortcut="道歉"), "shortcut"),
                        (SnippetData(title="t" * 61, body="x"), "title")]:
        with pytest.raises(SnippetError) as err:
            snippets.create(data, None)
        assert err.value.field == field
    assert Snippet.select().count() == 0


def test_image_only_snippet_is_allowed(database):
    snippet = make("尺码表", body="", image=b"\x89PNG fake")
    assert bytes(Snippet.get_by_id(snippet.id).image) == b"\x89PNG fake"
    assert snippets.search("尺码", None)[0].has_image


def test_pinyin_initials_full_pinyin_code_and_body_all_find(database, apology):
    make("真诚道歉", "非常抱歉给您带来不便", category_id=apology.id)
    make("发货时间", "付款后 48 小时内发货", shortcut="fh")
    assert titles("dq") == ["真诚道歉"]
    assert titles("daoqian") == ["真诚道歉"]
    assert titles("抱歉") == ["真诚道歉"]
    assert titles("fh") == ["发货时间"]
    assert titles("48 小时") == ["发货时间"]
    assert titles("daoqian an") == ["真诚道歉"]  # every term must match


def test_category_initials_find_its_snippets(database, apology):
    make("久等致歉", category_id=apology.id)
    assert titles("dqaf") == ["久等致歉"]


def test_ranking_exact_code_then_favourites_then_use(database):
    plain = make("道歉一", shortcut="dq1")
    used = make("道歉二")
    fav = make("道歉三")
    exact = make("电器", shortcut="dq")  # initials 'dq' too, but exact code wins
    snippets.record_use([used.id])
    snippets.record_use([used.id])
    snippets.set_favourite(fav.id, True)
    assert titles("dq") == ["电器", "道歉三", "道歉二", "道歉一"]
    snippets.record_use([plain.id] * 1)
    snippets.record_use([plain.id])
    snippets.record_use([plain.id])
    assert titles("dq")[:3] == ["电器", "道歉三", "道歉一"]
    assert Snippet.get_by_id(plain.id).last_used_at is not None
    assert exact.id


def test_personal_snippets_are_seen_only_by_their_owner(database, owner):
    helper = staff_rules.add("阿强")
    make("店铺公用")
    make("阿强自己的", by=helper, personal=True)
    assert titles("", helper.id) == ["店铺公用", "阿强自己的"]
    assert titles("", owner.id) == ["店铺公用"]
    assert titles("", helper.id, scope="mine") == ["阿强自己的"]
    assert titles("", helper.id, scope="shop") == ["店铺公用"]


def test_editing_keeps_counts_and_rewrites_search(database, owner, apology):
    snippet = make("旧标题", by=owner)
    snippets.record_use([snippet.id])
    snippets.update(snippet.id, SnippetData(title="真诚道歉", body="新内容",
                                            category_id=apology.id), owner)
    fresh = Snippet.get_by_id(snippet.id)
    assert (fresh.title, fresh.use_count, fresh.updated_by_id) == ("真诚道歉", 1, owner.id)
    assert titles("dq") == ["真诚道歉"] and titles("jbt") == []


def test_categories_are_ordered_renamable_and_deletable(database):
    a, b, c = (snippets.add_category(n) for n in ("问候", "议价", "催付"))
    snippets.move_category(c.id, -2)
    assert [x.name for x in snippets.categories()] == ["催付", "问候", "议价"]
    item = make("催一下", category_id=c.id)
    snippets.rename_category(c.id, "付款提醒")
    assert titles("fktx") == ["催一下"]
    with pytest.raises(SnippetError, match="已存在"):
        snippets.add_category("问候")
    assert snippets.delete_category(c.id) == 1
    assert Snippet.get_by_id(item.id).category_id is None
    assert titles("fktx") == []
    assert a.id and b.id


def test_forbidden_phrase_list_is_editable_and_checks_snippets(database):
    phrases.add("没办法", "forbidden", "关上解决问题的门", "我们一起想想办法")
    make("坏例子", "这个真的没办法")
    make("好例子", "我们一起想想办法")
    [(snippet, hits)] = phrases.snippets_with_hits()
    assert snippet.title == "坏例子" and hits[0].phrase == "没办法"
    with pytest.raises(phrases.PhraseError, match="已在列表中"):
        phrases.add(" 没办法 ")
    row = phrases.all_phrases()[0]
    phrases.update(row.id, "没办法", "forbidden", "", "", active=False)
    assert phrases.check("这个真的没办法") == []
    phrases.delete(row.id)
    assert phrases.all_phrases() == []


def test_ranking_after_a_copy_matches_a_fresh_load(database):
    rows = [make(f"道歉{n}") for n in range(6)]
    snippets.search("", None)  # builds the in-memory index
    snippets.record_use([rows[4].id])
    snippets.set_favourite(rows[2].id, True)
    snippets.record_use([rows[5].id, rows[4].id])
    cached = titles("")
    snippets.invalidate()
    assert titles("") == cached == ["道歉2", "道歉4", "道歉5", "道歉0", "道歉1", "道歉3"]


def test_index_follows_saves_and_deletes_without_a_reload(database, apology):
    first = make("道歉甲")
    snippets.search("", None)  # builds the in-memory index
    second = make("道歉乙", category_id=apology.id)
    snippets.update(first.id, SnippetData(title="感谢甲", body="谢谢"), None)
    snippets.delete([second.id])
    third = make("道歉丙", shortcut="dq")
    cached = [(r.id, r.title, r.category, r.search_text) for r in snippets.search("", None)]
    snippets.invalidate()
    fresh = [(r.id, r.title, r.category, r.search_text) for r in snippets.search("", None)]
    assert cached == fresh and [t for _i, t, _c, _s in fresh] == ["感谢甲", "道歉丙"]
    assert titles("dq") == ["道歉丙"] and third.id


def test_audit_log_records_edits_with_image_size_but_not_copies(database, owner):
    from db.models import AuditLog
    from db.trust import audit
    audit.act_as(owner)
    snippet = make("收款码", body="", image=b"\x89PNG" + b"\0" * 96)
    [created] = AuditLog.select().where(AuditLog.entity == "snippet")
    assert created.action == "create" and "<100 bytes>" in created.detail
    assert created.staff_id == owner.id
    snippets.record_use([snippet.id])
    assert AuditLog.select().where(AuditLog.entity == "snippet").count() == 1


def test_a_word_starting_with_the_query_beats_one_containing_it(database):
    make("咨询人多请稍候")  # initials zxrdqsh contain "dq"
    make("真诚道歉")  # initials zcdq: no word starts with dq either...
    make("道歉信")  # ...this one does: dqx
    assert titles("dq") == ["道歉信", "咨询人多请稍候", "真诚道歉"]
