"""Quick-reply snippets (快捷短语): categories, save, search as you type, favourites, use.

A snippet is shop-wide (owner None) or personal to one staff member, who sees both sets.
Search scans a pre-computed `search_text` (title, code, body, category, pinyin of title and
category) and ranks an exact shortcut code first, then favourites, then the most used.
"""
from __future__ import annotations

import dataclasses
import re

from peewee import JOIN, fn

from db import clock, text
from db.errors import FieldError, stale
from db.models import Snippet, SnippetCategory, Staff, database
from db.storage import conflicts, named
from db.vocabulary import QT_TRANSLATE_NOOP, Message

LIMITS = {"title": 60, "body": 5000, "shortcut": 16, "category": 20}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
SHORTCUT = re.compile(r"^[a-z0-9_\-/]*$")
SCOPES = ("all", "shop", "mine")


class SnippetError(FieldError):
    """Invalid snippet input."""
    context = "SnippetError"


@dataclasses.dataclass
class SnippetData:
    title: str = ""
    body: str = ""
    category_id: int | None = None
    shortcut: str = ""
    image: bytes | None = None
    personal: bool = False  # True: only its owner sees it

    @classmethod
    def of(cls, snippet: Snippet) -> "SnippetData":
        return cls(snippet.title, snippet.body, snippet.category_id, snippet.shortcut,
                   bytes(snippet.image) if snippet.image else None, snippet.owner_id is not None)


def clean(data: SnippetData) -> SnippetData:
    out = dataclasses.replace(data, title=data.title.strip(), body=data.body.strip(),
                              shortcut=data.shortcut.strip().lower())
    if not out.title:
        raise SnippetError("title", QT_TRANSLATE_NOOP("SnippetError", "请填写短语标题"))
    for field in ("title", "body", "shortcut"):
        if len(getattr(out, field)) > LIMITS[field]:
            raise SnippetError(field, QT_TRANSLATE_NOOP("SnippetError", "内容过长（最多 %1 个字）"),
                               LIMITS[field])
    if not SHORTCUT.match(out.shortcut):
        raise SnippetError("shortcut", QT_TRANSLATE_NOOP(
            "SnippetError", "短语码“%1”只能用英文字母和数字（如 dq）"), out.shortcut)
    if not out.body and not out.image:
        raise SnippetError("body", QT_TRANSLATE_NOOP("SnippetError", "请填写短语内容，或添加一张图片"))
    if out.image and len(out.image) > MAX_IMAGE_BYTES:
        raise SnippetError("image", QT_TRANSLATE_NOOP("SnippetError", "图片太大（最多 5 MB），请先压缩"))
    return out


def create(data: SnippetData, by: Staff | None, key: str | None = None) -> Snippet:
    data = clean(data)
    with database.atomic():
        snippet = Snippet(created_by=by, updated_by=by, key=key)
        _assign(snippet, data, by)
        snippet.save()
        refresh_search_text(snippet)
    return snippet


def update(snippet_id: int, data: SnippetData, by: Staff | None,
           expected_version: int | None = None) -> Snippet:
    """With expected_version (the snippet as the editor loaded it), a save over someone
    else's newer save is refused (StaleEdit), never written over it."""
    data = clean(data)
    with database.atomic():
        conflicts.versioned_save(Snippet, snippet_id, expected_version, _stale_message)
        snippet = Snippet.get_by_id(snippet_id)
        owner = snippet.owner if data.personal and snippet.owner_id else by
        _assign(snippet, data, owner)
        snippet.updated_by, snippet.updated_at = by, clock.now()
        snippet.version += 1
        snippet.save()
        refresh_search_text(snippet)
    return snippet


def _stale_message(current: Snippet) -> Message:
    when = clock.to_local(current.updated_at).strftime("%m-%d %H:%M")
    if not current.updated_by_id:
        return stale(QT_TRANSLATE_NOOP(
            "StaleEdit", "短语“%1”在你编辑期间已被其他人修改（%2），这次没有保存，以免覆盖对方的修改。"
            "请复制你的内容，关闭后重新打开再改。"), current.title, when)
    return stale(QT_TRANSLATE_NOOP(
        "StaleEdit", "短语“%1”在你编辑期间已被%3修改（%2），这次没有保存，以免覆盖对方的修改。"
        "请复制你的内容，关闭后重新打开再改。"), current.title, when, current.updated_by.name)


def _assign(snippet: Snippet, data: SnippetData, owner: Staff | None) -> None:
    snippet.title, snippet.body, snippet.shortcut = data.title, data.body, data.shortcut
    snippet.category = data.category_id
    snippet.image = data.image
    snippet.owner = owner if data.personal else None


def delete(snippet_ids: list[int]) -> int:
    count = Snippet.delete().where(Snippet.id.in_(snippet_ids)).execute()
    _replace_rows(set(snippet_ids))
    return count


def set_favourite(snippet_id: int, favourite: bool) -> None:
    Snippet.update(favourite=favourite).where(Snippet.id == snippet_id).execute()
    _rerank({snippet_id}, lambda row: setattr(row, "favourite", favourite))


def record_use(snippet_ids: list[int]) -> None:
    """Count a copy: the most used rise in the results."""
    moment = clock.now()
    Snippet.update(use_count=Snippet.use_count + 1, last_used_at=moment).where(
        Snippet.id.in_(snippet_ids)).execute()

    def count(row: SnippetRow) -> None:
        row.use_count += 1
        row.last_used = moment.timestamp()
    _rerank(set(snippet_ids), count)


def refresh_search_text(snippet: Snippet, update_index: bool = True) -> None:
    category = snippet.category.name if snippet.category_id else ""
    key = text.search_key(snippet.title, snippet.shortcut, category, snippet.body,
                          spell=(snippet.title, category))
    Snippet.update(search_text=key).where(Snippet.id == snippet.id).execute()
    snippet.search_text = key
    if update_index:
        _replace_rows({snippet.id})


# --- search ----------------------------------------------------------------------------

@dataclasses.dataclass(slots=True)
class SnippetRow:
    """What a result row shows; plain values so views never parse display strings."""
    id: int
    title: str
    shortcut: str
    preview: str  # the start of the body; the page reads the full body on selection
    category: str
    category_id: int | None
    favourite: bool
    use_count: int
    owner_id: int | None
    has_image: bool
    search_text: str
    last_used: float = 0.0  # POSIX seconds, for ranking
    position: int = 1_000_000  # of the category, for ranking

    @property
    def personal(self) -> bool:
        return self.owner_id is not None


def visible(query, staff_id: int | None):
    """Shop-wide snippets plus the staff member's own."""
    if staff_id is None:
        return query.where(Snippet.owner.is_null())
    return query.where(Snippet.owner.is_null() | (Snippet.owner == staff_id))


def search(query: str, staff_id: int | None, category_id: int | None = None,
           favourites_only: bool = False, scope: str = "all", limit: int = 300) -> list[SnippetRow]:
    """Matching snippets, best first: exact code, favourites, most used, recently used."""
    found = _index()  # already in rank order
    terms = text.search_terms(query)
    for term in terms:
        found = [r for r in found if term in r.search_text]
    found = [r for r in found if r.owner_id is None or r.owner_id == staff_id]
    if scope == "shop":
        found = [r for r in found if r.owner_id is None]
    elif scope == "mine":
        found = [r for r in found if r.owner_id is not None]
    if category_id is not None:
        found = [r for r in found if r.category_id == category_id]
    if favourites_only:
        found = [r for r in found if r.favourite]
    if terms:
        # Among equally used snippets, a word that starts with the query (道歉 for "dq")
        # beats one that merely contains it (咨询人多请稍候 -> zxrdqsh). Timsort keeps this
        # cheap: the list is already in rank order.
        lead = " " + terms[0]
        found.sort(key=lambda r: (not r.favourite, -r.use_count, -r.last_used,
                                  lead not in " " + r.search_text))
    code = query.strip().lower()
    if code:  # the code typed exactly beats everything else
        exact = [r for r in found if r.shortcut == code]
        if exact:
            found = exact + [r for r in found if r.shortcut != code]
    return found[:limit]


# An in-memory copy of what search shows, filters and ranks on, kept in rank order: one pass
# over 5,000 short strings in Python beats a LIKE scan, sort and row fetch through peewee,
# and keeps a keystroke under 5 ms. Saves, deletes, copies and stars update it in place;
# category changes drop it and the next search rebuilds it (about 50 ms for 5,000).
_cache: tuple[object, list[SnippetRow]] | None = None
PREVIEW = 120


def invalidate() -> None:
    global _cache
    _cache = None


def _rank(row: SnippetRow) -> tuple:
    return (not row.favourite, -row.use_count, -row.last_used, row.position, row.id)


def _rerank(ids: set[int], change) -> None:
    """A copy or a star changes only the rank: update the cached rows instead of reloading
    5,000 of them on the next keystroke (a nearly sorted list re-sorts in about a millisecond)."""
    if _cache is None or _cache[0] is not database.obj:
        return
    rows = _cache[1]
    for row in rows:
        if row.id in ids:
            change(row)
    rows.sort(key=_rank)


def _index() -> list[SnippetRow]:
    global _cache
    if _cache is None or _cache[0] is not database.obj:
        rows = _load_rows()
        rows.sort(key=_rank)
        _cache = (database.obj, rows)
    return _cache[1]


def _load_rows(ids: set[int] | None = None) -> list[SnippetRow]:
    query = (Snippet.select(Snippet.id, Snippet.title, Snippet.shortcut,
                            fn.SUBSTR(Snippet.body, 1, PREVIEW), SnippetCategory.name,
                            Snippet.category, Snippet.favourite, Snippet.use_count,
                            Snippet.owner, Snippet.image.is_null(False), Snippet.search_text,
                            Snippet.last_used_at, SnippetCategory.position)
             .join(SnippetCategory, JOIN.LEFT_OUTER))
    if ids is not None:
        query = query.where(Snippet.id.in_(list(ids)))
    return [SnippetRow(i, title, code, preview or "", cat or "", cat_id, bool(fav), uses,
                       owner, bool(image), st, last.timestamp() if last else 0.0,
                       position if position is not None else 1_000_000)
            for i, title, code, preview, cat, cat_id, fav, uses, owner, image, st, last,
            position in query.tuples()]


def _replace_rows(ids: set[int]) -> None:
    """After saving or deleting a few snippets: reload just those rows into the index."""
    if _cache is None or _cache[0] is not database.obj:
        return
    rows = [r for r in _cache[1] if r.id not in ids] + _load_rows(ids)
    rows.sort(key=_rank)
    _cache[1][:] = rows


# --- categories ------------------------------------------------------------------------

def categories() -> list[SnippetCategory]:
    return list(SnippetCategory.select().order_by(SnippetCategory.position, SnippetCategory.id))


def category_counts(staff_id: int | None) -> dict[int | None, int]:
    query = visible(Snippet.select(Snippet.category, fn.COUNT(Snippet.id)), staff_id)
    return dict(query.group_by(Snippet.category).tuples())


def _category_name(name: str, category_id: int | None) -> str:
    name = name.strip()
    if not name:
        raise SnippetError("category", QT_TRANSLATE_NOOP("SnippetError", "分类名称不能为空"))
    if len(name) > LIMITS["category"]:
        raise SnippetError("category", QT_TRANSLATE_NOOP("SnippetError", "分类名称过长（最多 %1 个字）"),
                           LIMITS["category"])
    if named.taken(SnippetCategory.name, name, category_id):
        raise SnippetError("category", QT_TRANSLATE_NOOP("SnippetError", "分类“%1”已存在"), name)
    return name


def add_category(name: str, key: str | None = None) -> SnippetCategory:
    name = _category_name(name, None)
    last = SnippetCategory.select(fn.MAX(SnippetCategory.position)).scalar()
    return SnippetCategory.create(name=name, key=key, position=(last or 0) + 1)


def rename_category(category_id: int, name: str) -> None:
    name = _category_name(name, category_id)
    with database.atomic():
        SnippetCategory.update(name=name).where(SnippetCategory.id == category_id).execute()
        for snippet in Snippet.select().where(Snippet.category == category_id):
            refresh_search_text(snippet, update_index=False)
    invalidate()


def delete_category(category_id: int) -> int:
    """Its snippets stay, uncategorised; returns how many they are."""
    with database.atomic():
        moved = list(Snippet.select().where(Snippet.category == category_id))
        SnippetCategory.delete().where(SnippetCategory.id == category_id).execute()
        for snippet in moved:
            snippet.category = None
            refresh_search_text(snippet, update_index=False)
    invalidate()
    return len(moved)


def move_category(category_id: int, step: int) -> None:
    """Move a category up (step -1) or down (+1) in the list."""
    invalidate()
    order = [c.id for c in categories()]
    at = order.index(category_id)
    to = max(0, min(len(order) - 1, at + step))
    order.insert(to, order.pop(at))
    with database.atomic():
        for position, cid in enumerate(order):
            SnippetCategory.update(position=position).where(SnippetCategory.id == cid).execute()
