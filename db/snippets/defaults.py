"""The bundled default snippets and forbidden phrases, loaded into a new database.

Every default carries a stable `key`. Loading inserts only keys the database does not hold
yet, so re-loading never duplicates a default and never overwrites what the user edited;
a default the user deleted comes back only when they ask to restore the defaults.
A new database gets the set of its interface language once; changing the language later
never adds the other set: the shop asks for it (短语 → 恢复默认短语, with a language choice).
"""
from __future__ import annotations

import json
from pathlib import Path

from db.models import ForbiddenPhrase, Snippet, SnippetCategory, Staff, database
from db.snippets import phrases, switch_leftovers, library as snippets
from db.storage import settings
from db.storage.resources import resource

LOADED_SETTING = "default_library_loaded"
# Raised when the bundled rule set grows: an existing library then gains the new rules once.
RULES_VERSION = 2
RULES_SETTING = "default_rules_version"
PHRASE_FILES = ("phrases_zh.json", "phrases_en.json")
LANGUAGES = ("zh", "en")  # the sets shipped: 中文, English


def family(language: str) -> str:
    return "en" if str(language).startswith("en") else "zh"


def snippet_file(language: str) -> Path:
    return resource("defaults", f"snippets_{family(language)}.json")


def load_snippets(path: Path, by: Staff | None = None) -> int:
    """Insert the categories and snippets of path that are not there yet; returns new snippets."""
    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        return _insert_snippets(data, by)
    except Exception:
        snippets.invalidate()  # the search index may hold rows that were rolled back
        raise


def _insert_snippets(data: dict, by: Staff | None) -> int:
    added = 0
    with database.atomic():
        present = set(Snippet.select(Snippet.title, Snippet.body).tuples())
        codes = {c for (c,) in Snippet.select(Snippet.shortcut).where(
            Snippet.owner.is_null()).tuples() if c}
        for group in data["categories"]:
            category = SnippetCategory.get_or_none(SnippetCategory.key == group["key"])
            if category is None:
                category = SnippetCategory.get_or_none(SnippetCategory.name == group["name"])
                if category is None:
                    category = snippets.add_category(group["name"], key=group["key"])
            for item in group["snippets"]:
                if (item["title"], item["body"]) in present or Snippet.select().where(
                        Snippet.key == item["key"]).exists():
                    continue  # restored before, or the same text kept by hand or an import
                code = _free_code(item.get("shortcut", ""), codes)
                snippets.create(snippets.SnippetData(
                    title=item["title"], body=item["body"], category_id=category.id,
                    shortcut=code), by, key=item["key"])
                codes.add(code)
                added += 1
    return added


def _free_code(code: str, taken: set[str]) -> str:
    """A code the library already uses elsewhere (the shop's own, or the other language's)
    gets a number: dq -> dq2, so typing a code never finds two snippets."""
    if not code or code not in taken:
        return code
    n = 2
    while f"{code}{n}" in taken:
        n += 1
    return f"{code}{n}"


def load_phrases(path: Path) -> int:
    data = json.loads(path.read_text(encoding="utf-8"))
    added = 0
    with database.atomic():
        for item in data["phrases"]:
            taken = ForbiddenPhrase.select().where(
                (ForbiddenPhrase.key == item["key"]) | (ForbiddenPhrase.phrase == item["phrase"]))
            if taken.exists():
                continue
            ForbiddenPhrase.create(
                key=item["key"], phrase=item["phrase"], severity=item["severity"],
                rule=item.get("rule", ""), reason=item.get("reason", ""),
                suggestion=item.get("suggestion", ""), category=item.get("category", ""),
                exceptions=item.get("exceptions", ""))
            added += 1
    phrases.invalidate()
    return added


def load_new_rules() -> int:
    """Once per RULES_VERSION: add the bundled rules an older library lacks (schema 11 removed
    the old default phrases nobody had changed). Rules the owner changed keep their key, so
    they are never overwritten."""
    if (settings.get(RULES_SETTING) or 0) >= RULES_VERSION:
        return 0
    added = sum(load_phrases(resource("defaults", name)) for name in PHRASE_FILES)
    settings.put(RULES_SETTING, RULES_VERSION)
    return added


def load_defaults(language: str, by: Staff | None = None) -> tuple[int, int]:
    """Load (or restore) the defaults for the UI language: (new snippets, new phrases)."""
    added_phrases = sum(load_phrases(resource("defaults", name)) for name in PHRASE_FILES)
    settings.put(RULES_SETTING, RULES_VERSION)
    return load_snippets(snippet_file(language), by), added_phrases


def load_on_first_open(language: str) -> bool:
    """Fill a new database once, with the set of its UI language; later opens (in any
    language) leave the shop's library alone. Returns True when it loaded something."""
    loaded = settings.get(LOADED_SETTING) or []
    if loaded:
        kept, removed = switch_leftovers.remove(loaded, family(language))
        if kept != loaded:
            settings.put(LOADED_SETTING, kept)
        if removed:
            snippets.invalidate()
        return load_new_rules() > 0
    load_defaults(language)
    settings.put(LOADED_SETTING, [family(language)])
    return True
