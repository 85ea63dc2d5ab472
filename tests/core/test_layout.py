"""The house rules of the core's layout, checked on the source: no import circles in db/
(lazy imports inside functions count too: they only hide a circle), db/ never imports Qt or
the desktop, and the benchmarks seed their own data instead of borrowing the tests'."""
from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import db

ROOT = Path(__file__).resolve().parents[2]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, wherever the import statement stands, except under
    `if TYPE_CHECKING:` (names for annotations only, never imported when the code runs)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING",
                                                                   "typing.TYPE_CHECKING"):
            node.body = []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from db.cases import workflow` imports the module db.cases.workflow
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def core_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in (ROOT / "db").rglob("*.py")}
    return {name: {m for m in imports_of(path) if m in modules and m != name}
            for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> list[str] | None:
        if node in trail:
            return trail[trail.index(node):] + [node]
        if node in done:
            return None
        for target in sorted(graph[node]):
            cycle = visit(target, trail + [node])
            if cycle:
                return cycle
        done.add(node)
        return None

    for start in sorted(graph):
        cycle = visit(start, [])
        if cycle:
            return cycle
    return None


def test_every_core_module_imports():
    for info in pkgutil.walk_packages(db.__path__, "db."):
        importlib.import_module(info.name)


def test_no_import_circle_in_the_core():
    cycle = find_cycle(core_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle)


def test_cycle_finder_finds_a_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_core_imports_neither_qt_nor_the_desktop():
    for path in (ROOT / "db").rglob("*.py"):
        bad = {m for m in imports_of(path) if m.split(".")[0] in {"PySide6", "desktop", "tests"}}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_benchmarks_do_not_borrow_from_the_tests():
    for path in (ROOT / "bench").rglob("*.py"):
        bad = {m for m in imports_of(path) if m.split(".")[0] == "tests"}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
