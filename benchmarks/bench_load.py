"""Issue 8 figures: a workshop of 5,000 pairs through the core calls the app makes.

Each figure is printed beside a baseline measured in the same run on the same disk: bare
sqlite3 or the plain library call doing the least the same job needs, or the same call on a
12-pair workshop (which shows whether the size of the workshop costs anything). Anything
above 100 ms must not run on the GUI thread; the app runs those in a worker.

    .venv/bin/python benchmarks/bench_load.py [--pairs 5000]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import best_of, make_workshop, median, percentile

from workshop_app.core.charters.context import charter_context
from workshop_app.core.charters.pdf_render import render_charter_pdf
from workshop_app.core.exports.formats import export_workshop
from workshop_app.core.exports.json_document import json_document
from workshop_app.core.exports.tables import build_tables, read_export_data
from workshop_app.core.store import backups
from workshop_app.core.store.workshop_file import WorkshopFile

GUI_BUDGET = 0.100  # seconds the GUI may be blocked
RUNS = 5
EDITS = 300


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.2f} ms"


def line(name: str, seconds: float, base_name: str, base: float) -> None:
    flag = "" if seconds < GUI_BUDGET else "  [> 100 ms: off the GUI thread]"
    print(
        f"  {name}: {ms(seconds)}; baseline, {base_name}: {ms(base)}; "
        f"ratio {seconds / base:.2g}x{flag}"
    )


def bench_open_and_list(path: Path, pairs: int) -> None:
    def open_with_backup() -> None:
        # Worst case: the file changed since its last backup, so opening takes one.
        shutil.rmtree(backups.folder_for(path), ignore_errors=True)
        with WorkshopFile.open(path) as wf:
            assert len(wf.charters.overview()) == pairs

    def reopen() -> None:
        with WorkshopFile.open(path) as wf:
            assert len(wf.charters.overview()) == pairs

    def bare() -> None:
        conn = sqlite3.connect(path)
        rows = conn.execute(
            "SELECT * FROM pairs p JOIN participants m ON m.id = p.mentor_id "
            "JOIN participants e ON e.id = p.mentee_id JOIN charters c ON c.pair_id = p.id"
        ).fetchall()
        assert len(rows) == pairs
        conn.close()

    open_with_backup()  # warm the OS cache the same way for all three
    t_base = best_of(RUNS, bare)
    line(
        "open for writing (backup taken) + list with completeness",
        best_of(RUNS, open_with_backup),
        "bare sqlite3 open + one SELECT of the same rows",
        t_base,
    )
    line(
        "reopen (unchanged: no new backup) + list",
        best_of(RUNS, reopen),
        "the same bare SELECT",
        t_base,
    )


def bench_list_and_filter(path: Path) -> None:
    with WorkshopFile.open(path, readonly=True) as wf:
        overview = wf.charters.overview()
        t_list = best_of(RUNS, wf.charters.overview)

        def bare_list() -> None:
            wf.conn.execute(
                "SELECT p.code, m.name, e.name FROM pairs p JOIN participants m"
                " ON m.id = p.mentor_id JOIN participants e ON e.id = p.mentee_id"
            ).fetchall()

        def find(fragment: str) -> Callable[[], object]:
            # What the pairs list's filter box matches: code and names, case-insensitively.
            needle = fragment.casefold()
            return lambda: [
                o
                for o in overview
                if needle in o.code.casefold()
                or needle in o.mentor_name.casefold()
                or needle in o.mentee_name.casefold()
            ]

        line(
            "list again (overview of an open file)",
            t_list,
            "SELECT of codes and names",
            best_of(RUNS, bare_list),
        )
        pair = overview[len(overview) // 2].pair_id
        assert wf.charters.overview(pair_id=pair) == [overview[len(overview) // 2]]
        line(
            "refresh one pair's row after a save (overview of one pair)",
            best_of(RUNS, lambda: wf.charters.overview(pair_id=pair)),
            "the whole list",
            t_list,
        )
        line(
            "filter the list by a name fragment",
            best_of(RUNS, find("number49")),
            "filter by a pair code",
            best_of(RUNS, find("P4999")),
        )


def bench_edit(path: Path, small: Path) -> None:
    def latencies(target: Path) -> list[float]:
        with WorkshopFile.open(target) as wf:
            pair = wf.roster.pairs()[1].id
            out = []
            for i in range(EDITS):
                start = time.perf_counter()
                wf.charters.set_field(pair, "purpose", f"Typing, keystroke {i}")
                out.append(time.perf_counter() - start)
        return out

    big, base = latencies(path), latencies(small)
    print(
        f"  save one field as the user types ({EDITS} edits): median "
        f"{median(big) * 1000:.2f} ms, p99 {percentile(big, 99) * 1000:.2f} ms; baseline, the "
        f"same in a 12-pair workshop: median {median(base) * 1000:.2f} ms, p99 "
        f"{percentile(base, 99) * 1000:.2f} ms; ratio of medians {median(big) / median(base):.1f}x"
    )


def bench_charter(path: Path, small: Path) -> None:
    def one(target: Path) -> float:
        with WorkshopFile.open(target, readonly=True) as wf:
            pair = wf.roster.pairs()[0].id  # filled in
            render_charter_pdf(charter_context(wf, pair))  # fonts and styles warm
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                render_charter_pdf(charter_context(wf, pair))
                times.append(time.perf_counter() - start)
        return median(times)

    line(
        "print one charter (read + lay out + PDF, median)",
        one(path),
        "the same charter in a 12-pair workshop",
        one(small),
    )


def bench_exports(path: Path, folder: Path) -> None:
    out = folder / "exports"
    out.mkdir()
    n = iter(range(1000))
    with WorkshopFile.open(path, readonly=True) as wf:
        data = read_export_data(wf, include_confidential=False)
        tables = build_tables(data)
        document = json_document(data)

        def app(fmt: str, suffix: str) -> Callable[[], object]:
            return lambda: export_workshop(wf, format=fmt, out=out / f"{fmt}-{next(n)}{suffix}")

        def plain_json() -> None:
            (out / "plain.json").write_text(json.dumps(document), encoding="utf-8")

        def plain_csv() -> None:
            for table in tables:
                buffer = io.StringIO()
                writer = csv.writer(buffer)
                writer.writerow([c.name for c in table.columns])
                writer.writerows(table.rows)
                (out / f"plain-{table.name}.csv").write_text(buffer.getvalue(), encoding="utf-8")

        rows = sum(len(t.rows) for t in tables)
        print(f"  (exports: {rows:,} table rows; private content left out, as by default)")
        line(
            "export JSON (read, build, write)",
            best_of(3, app("json", ".json")),
            "json.dumps of the same document",
            best_of(3, plain_json),
        )
        line(
            "export CSV (a folder)",
            best_of(3, app("csv", "")),
            "csv.writer of the same rows",
            best_of(3, plain_csv),
        )
        line(
            "export CSV (a zip)",
            best_of(3, app("csv", ".zip")),
            "csv.writer of the same rows",
            best_of(3, plain_csv),
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5000)
    pairs = parser.parse_args().pairs
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        path = make_workshop(folder, pairs)
        made = time.perf_counter() - start
        (folder / "small").mkdir()
        small = make_workshop(folder / "small", 12)
        size = path.stat().st_size / 1e6
        print(
            f"A workshop of {pairs:,} pairs, every second charter filled in ({size:.1f} MB, "
            f"made through the real API in {made:.1f} s). Budget on the GUI thread: 100 ms."
        )
        bench_open_and_list(path, pairs)
        bench_list_and_filter(path)
        bench_edit(path, small)
        bench_charter(path, small)
        bench_exports(path, folder)


if __name__ == "__main__":
    main()
