"""The core must import and run without Qt (it is used by the CLI and by tests headless)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "workshop_app" / "core"


def test_no_module_in_core_imports_qt() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"} for n in names):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_core_imports_without_loading_qt() -> None:
    """Every module of core, in every sub-package, imports with no Qt loaded."""
    code = (
        "import sys, pkgutil, importlib, workshop_app.core as c\n"
        "names = [m.name for m in pkgutil.walk_packages(c.__path__, c.__name__ + '.')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names), any(k.startswith('PySide6') for k in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported, qt = out.stdout.split()
    modules = [p for p in CORE.rglob("*.py")]
    assert int(imported) == len(modules) - 1  # all but core/__init__.py itself
    assert qt == "False"
