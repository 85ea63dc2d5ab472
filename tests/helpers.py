"""Small helpers shared by core and desktop tests."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from db.storage import paths


def damage_database(data_dir: Path) -> bytes:
    """Scribble over the schema page of the (closed) database, as a failing disk would;
    returns the damaged bytes."""
    db_file = paths.database_file(data_dir)
    raw = bytearray(db_file.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)
    db_file.write_bytes(bytes(raw))
    return bytes(raw)


def second_connection(data_dir):
    """Another connection to the test's database, as a second computer or the command line
    would open it (SQLite file or PostgreSQL server, whichever the test runs on)."""
    from db.storage import paths, server, store
    config = server.load(data_dir)
    if config is not None:
        return server.connect(config)
    return store.connect(paths.database_file(data_dir))


def snapshot(database) -> dict[str, list[tuple]]:
    """Every row of every table, in id order: equal snapshots, same data."""
    from db.storage import transfer
    found = {}
    for model in transfer.tables():
        fields = model._meta.sorted_fields
        rows = database.execute(model.select(*fields).order_by(model._meta.primary_key))
        # As Python values: SQLite gives timestamps as text, the server as datetimes.
        found[model._meta.table_name] = [
            tuple(_plain(f.python_value(v)) for f, v in zip(fields, row)) for row in rows]
    return found


def _plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


def english() -> dict[tuple[str, str], str]:
    """(context, Chinese source) -> English, as resources/i18n/app_en.ts has them finished."""
    import xml.etree.ElementTree as ET
    ts = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "app_en.ts"
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                out[(name, message.findtext("source"))] = translation.text
    return out


# --- raise sites of the core's messages, read from the source (ast) ------------------------

PLACE = re.compile(r"%\d+")


def call_name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")


def marked(node: ast.expr) -> tuple[str, str] | None:
    """(context, text) of QT_TRANSLATE_NOOP("context", "text"), else None."""
    if isinstance(node, ast.Call) and call_name(node.func) == "QT_TRANSLATE_NOOP" and all(
            isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args):
        return node.args[0].value, node.args[1].value
    return None


def check_site(where: str, found: tuple[str, str], context: str, values: int,
               translated: dict) -> None:
    """A message's raise site: marked under `context`, translated, the same placeholders in
    both languages, one %n for each of its `values`."""
    got, text = found
    assert got == context, f"{where}: {got}, not {context}"
    assert (got, text) in translated, f"{where}: no English for {text}"
    assert sorted(set(PLACE.findall(translated[got, text]))) == \
        sorted(set(PLACE.findall(text))), f"{where}: placeholders differ"
    assert set(PLACE.findall(text)) == {f"%{n}" for n in range(1, values + 1)}, \
        f"{where}: {values} values for {text}"
