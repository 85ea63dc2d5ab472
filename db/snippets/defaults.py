"""The bundled default snippets and forbidden phrases, loaded into a new database.

Every default carries a stable `key`. Loading inserts only keys the database does not hold
yet, so re-loading never duplicates a default and never overwrites what the user edited;
a default the user deleted comes back only when they ask to restore the defaults.
"""
from __future__ import annotations

import json
from pathlib import Path

from db.models import ForbiddenPhrase, Snippet, SnippetCategory, Staff, database
from db.snippets import phrases, library as snippets
from db.storage import settings
from db.storage.resources import resource

LOADED_SETTING = "default_library_loaded"
# Raised when the bundled rule set grows: an existing library then gains the new rules once.
RULES_VERSION = 2
RULES_SETTING = "default_rules_version"
PHRASE_FILES = ("phrases_zh.json", "phrases_en.json")


def snippet_file(language: str) -> Path:
    name = "snippets_en.json" if language.startswith("en") else "snippets_zh.json"
    return resource("defaults", name)


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
        for group in data["categories"]:
            category = SnippetCategory.get_or_none(SnippetCategory.key == group["key"])
            if category is None:
                category = SnippetCategory.get_or_none(SnippetCategory.name == group["name"])
                if category is None:
                    category = snippets.add_category(group["name"], key=group["key"])
            for item in group["snippets"]:
                if Snippet.select().where(Snippet.key == item["key"]).exists():
                    continue
                snippets.create(snippets.SnippetData(
                    title=item["title"], body=item["body"], category_id=category.id,
                    shortcut=item.get("shortcut", "")), by, key=item["key"])
                added += 1
    return added


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
    """Fill a new database once per UI language (Chinese and English sets); later opens
    leave the user's library alone. Returns True when it loaded something."""
    family = "en" if language.startswith("en") else "zh"
    loaded = settings.get(LOADED_SETTING) or []
    if family in loaded:
        return load_new_rules() > 0
    load_defaults(language)
    settings.put(LOADED_SETTING, [*loaded, family])
    return True
