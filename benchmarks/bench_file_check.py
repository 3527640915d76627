"""Issue 13 figure: what the file check's schema comparison adds to opening a workshop.

The comparison (`schema_problems`: every table's columns against those of the file's format)
is timed on its own and beside the rest of the check it runs in (SQLite's quick_check) and a
whole read-only open, on a workshop of `--pairs` pairs; its cost must not depend on the size.

    .venv/bin/python benchmarks/bench_file_check.py [--pairs 5000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import best_of, make_workshop

from workshop_app.core.store.file_check import (
    check_workshop_file,
    read_only_connection,
    schema_problems,
)
from workshop_app.core.store.schema import schema_version
from workshop_app.core.store.workshop_file import WorkshopFile

RUNS = 20


def measure(path: Path) -> str:
    conn = read_only_connection(path)
    try:
        assert schema_problems(conn, schema_version()) == []
        compare = best_of(RUNS, lambda: schema_problems(conn, schema_version()))
        quick = best_of(RUNS, lambda: conn.execute("PRAGMA quick_check").fetchall())
    finally:
        conn.close()
    check = best_of(RUNS, lambda: check_workshop_file(path, schema_version=schema_version()))
    opened = best_of(RUNS, lambda: WorkshopFile.open(path, readonly=True).close())
    return (
        f"schema comparison {compare * 1000:.2f} ms, quick_check {quick * 1000:.1f} ms, "
        f"whole file check {check * 1000:.1f} ms, read-only open {opened * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for pairs in (12, args.pairs):
            print(f"{pairs:>6,} pairs: {measure(make_workshop(Path(scratch), pairs))}")


if __name__ == "__main__":
    main()
