"""No import circle in the core: every import counts, at the top of a module, inside a
function, or for type checking only (an import moved into a function still makes a circle; it
only hides it until the call)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "workshop_app"
CORE = PACKAGE / "core"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The core modules `path` imports, however it imports them."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name in known and name != here}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(CORE.rglob("*.py"))
    known = {module_name(p) for p in paths}
    return {module_name(p): imports_of(p, known) for p in paths}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import circle once, as the path that closes it."""
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            circle = trail[trail.index(name) :]
            if not any(set(circle) == set(known) for known in found):
                found.append([*circle, name])
            return
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    return found


def test_the_core_has_no_import_circle() -> None:
    graph = import_graph()
    assert "workshop_app.core.store.workshop_file" in graph  # the walk found the modules
    assert circles(graph) == []


def test_the_stores_do_not_import_the_workshop_file() -> None:
    graph = import_graph()
    stores = [
        name
        for name in graph
        if name.endswith(("roster.store", "charters.store", "runner.agenda_store"))
    ]
    assert len(stores) == 3
    for store in stores:
        assert not any(name.endswith(".workshop_file") for name in graph[store]), store


def test_the_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c", "a"]]


def test_a_store_imports_on_its_own() -> None:
    code = (
        "import sys, workshop_app.core.charters.store\n"
        "print('workshop_app.core.store.workshop_file' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
