"""Issue 2 figures: field-edit save latency, opening and listing 2,000 pairs, a 5,000-row import.

Each figure is printed beside a baseline measured in the same run on the same disk: plain
sqlite3 doing the least the same job needs, so the ratio shows what the app's own work costs.

    .venv/bin/python benchmarks/bench_store.py
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import best_of, make_workshop, median, percentile, write_roster

from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store import backups
from workshop_app.core.store.workshop_file import WorkshopFile

EDITS = 1000


def bench_edits(folder: Path) -> None:
    path = make_workshop(folder, 200)
    with WorkshopFile.open(path) as wf:
        pair_id = wf.roster.pairs()[1].id
        app = []
        for i in range(EDITS):
            start = time.perf_counter()
            wf.charters.set_field(pair_id, "purpose", f"Typing, keystroke {i}")
            app.append(time.perf_counter() - start)
    base_path = folder / "baseline-edits.db"
    conn = sqlite3.connect(base_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE charters (id TEXT PRIMARY KEY, purpose TEXT)")
    conn.execute("INSERT INTO charters VALUES ('x', '')")
    base = []
    for i in range(EDITS):
        start = time.perf_counter()
        conn.execute("UPDATE charters SET purpose = ? WHERE id = 'x'", (f"k{i}",))
        base.append(time.perf_counter() - start)
    conn.close()
    ms = 1000
    print(
        f"Field edit save ({EDITS} edits): median {median(app) * ms:.2f} ms, "
        f"p99 {percentile(app, 99) * ms:.2f} ms (target p99 < 5 ms)"
    )
    print(
        f"  baseline, bare sqlite3 UPDATE + commit (WAL, synchronous=FULL): median "
        f"{median(base) * ms:.2f} ms, p99 {percentile(base, 99) * ms:.2f} ms; "
        f"ratio of medians {median(app) / median(base):.1f}x"
    )


def bench_open_and_list(folder: Path) -> None:
    path = make_workshop(folder, 2000)

    def app() -> None:
        # Worst case: the file changed since its last backup, so opening takes one.
        shutil.rmtree(backups.folder_for(path), ignore_errors=True)
        with WorkshopFile.open(path) as wf:
            rows = wf.charters.overview()
            assert len(rows) == 2000

    def baseline() -> None:
        conn = sqlite3.connect(path)
        rows = conn.execute(
            "SELECT * FROM pairs p JOIN participants m ON m.id = p.mentor_id "
            "JOIN participants e ON e.id = p.mentee_id JOIN charters c ON c.pair_id = p.id"
        ).fetchall()
        assert len(rows) == 2000
        conn.close()

    app()  # warm the OS cache the same way for both
    t_app, t_base = best_of(5, app), best_of(5, baseline)
    print(
        f"Open a 2,000-pair workshop (taking its backup) and list it with completeness: "
        f"{t_app:.3f} s (target < 0.3 s)"
    )
    print(
        f"  baseline, bare sqlite3 open + one SELECT of the same rows: {t_base:.3f} s; "
        f"ratio {t_app / t_base:.1f}x"
    )


def bench_import(folder: Path) -> None:
    roster = write_roster(folder / "roster-5000.csv", 2500)

    def app() -> None:
        target = folder / "import.workshop"
        for leftover in folder.glob("import.workshop*"):
            leftover.unlink()
        with WorkshopFile.create(target, program="B", organisation="B", date="2027-01-19") as wf:
            result = apply_import(wf, plan_import(wf, roster))
            assert result.added == 5000 and result.pairs_made == 2500

    def baseline() -> None:
        target = folder / "import-baseline.db"
        target.unlink(missing_ok=True)
        conn = sqlite3.connect(target, isolation_level=None)
        conn.execute("CREATE TABLE participants (role, name, email, title, department, code)")
        with open(roster, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))[1:]
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
        conn.close()

    t_app, t_base = best_of(3, app), best_of(3, baseline)
    print(f"Import a 5,000-row roster (2,500 pairs): {t_app:.3f} s (target < 2 s)")
    print(
        f"  baseline, csv.reader + one executemany INSERT: {t_base:.3f} s; "
        f"ratio {t_app / t_base:.1f}x"
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        folder = Path(tmp)
        bench_edits(folder)
        bench_open_and_list(folder)
        bench_import(folder)


if __name__ == "__main__":
    main()
