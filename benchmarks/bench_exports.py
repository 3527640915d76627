"""Issue 7 figures: exporting a 2,000-pair workshop to each format, merging 10 rooms of 200 pairs.

Every charter of the export fixture is filled in (the worst case: every pair has meetings and
three review checkpoints in the calendar). Each figure is printed beside a baseline measured in
the same run on the same data: the plainest code that writes the same bytes' worth, so the ratio
shows what the app's own work (confidentiality, formats, atomic writes) costs.

    .venv/bin/python benchmarks/bench_exports.py [--no-archive | --archive-only] [--archive-pairs N]

The archive part renders every charter of a 2,000-pair workshop twice (about 10 minutes on
two cores): once for its baseline, once for the first archive.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import best_of, make_workshop

from workshop_app.core.demo import FULL, GOALS, PLANS
from workshop_app.core.exports.formats import export_workshop
from workshop_app.core.exports.json_document import json_document
from workshop_app.core.exports.tables import build_tables, read_export_data
from workshop_app.core.merge.rooms import RECORD_TABLES, merge_workshops
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

PAIRS = 2000
ROOMS, ROOM_PAIRS = 10, 200
RUNS = 3


def bench_exports(folder: Path) -> None:
    path = make_workshop(folder, PAIRS, filled_every=1)
    out = folder / "out"
    out.mkdir()
    with WorkshopFile.open(path, readonly=True) as wf:
        data = read_export_data(wf, include_confidential=False)
        tables = build_tables(data)
        document = json_document(data)
        n = iter(range(10_000))

        def app(fmt: str, suffix: str) -> float:
            def once() -> None:
                target = out / f"{fmt}-{next(n)}{suffix}"
                export_workshop(wf, format=fmt, out=target, timezone="Europe/London")

            return best_of(RUNS, once)

        def plain_csv() -> None:
            for table in tables:
                buffer = io.StringIO()
                writer = csv.writer(buffer)
                writer.writerow([c.name for c in table.columns])
                writer.writerows(table.rows)
                (out / f"plain-{table.name}.csv").write_text(buffer.getvalue(), encoding="utf-8")

        def plain_xlsx() -> None:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            for table in tables:
                sheet = book.create_sheet(table.title)
                sheet.append([c.name for c in table.columns])
                for row in table.rows:
                    sheet.append([naive(v) for v in row])
            book.save(out / "plain.xlsx")

        def plain_json() -> None:
            (out / "plain.json").write_text(json.dumps(document), encoding="utf-8")

        export_workshop(wf, format="ics", out=out / "warm.ics", timezone="Europe/London")
        calendar_bytes = (out / "warm.ics").read_bytes()

        def icalendar_serialiser() -> None:
            from icalendar import Calendar

            (out / "plain.ics").write_bytes(Calendar.from_ical(calendar_bytes).to_ical())

        from openpyxl.xml import LXML

        events = calendar_bytes.count(b"BEGIN:VEVENT")
        rows = sum(len(t.rows) for t in tables)
        print(
            f"Export of a {PAIRS:,}-pair workshop, every charter filled in ({rows:,} table rows, "
            f"{events:,} calendar events); target < 2 s each:"
        )
        lxml = "with" if LXML else "without"
        figures = [
            ("CSV (folder)", app("csv", ""), "csv.writer of the same rows", plain_csv),
            ("CSV (zip)", app("csv", ".zip"), "csv.writer of the same rows", plain_csv),
            (f"XLSX (openpyxl {lxml} lxml)", app("xlsx", ".xlsx"),
             "openpyxl write-only of the same rows, no styles", plain_xlsx),
            ("JSON", app("json", ".json"), "json.dumps of the same document", plain_json),
            ("ICS (Europe/London)", app("ics", ".ics"),
             "icalendar serialising the same calendar", icalendar_serialiser),
        ]  # fmt: skip
        for name, t_app, base_name, base in figures:
            t_base = best_of(1 if base is icalendar_serialiser else RUNS, base)
            print(
                f"  {name}: {t_app:.3f} s; baseline, {base_name}: {t_base:.3f} s; "
                f"ratio {t_app / t_base:.1f}x"
            )


def naive(value: object) -> object:
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


def bench_archive(folder: Path, pairs: int) -> None:
    """The archive of a `pairs`-pair workshop: the first one renders every charter (measured
    beside `render_charters` of the same charters, what printing them costs); every later one
    takes them from the render cache, as does the first when the app prepared it while the
    workshop was open (measured beside zipping the same files with zipfile). Then 20 charters
    are edited: `prepare_archive` renders those, and the archive is quick again."""
    from workshop_app.core.charters.batch import render_charters
    from workshop_app.core.exports.archive import archive_contexts, prepare_archive
    from workshop_app.core.jobs import run_in_child

    folder = folder / "archive"
    folder.mkdir()
    os.environ["WORKSHOP_APP_CACHE_DIR"] = str(folder / "cache")
    path = make_workshop(folder, pairs, filled_every=1)
    with WorkshopFile.open(path) as wf:  # every charter prints the program's logo
        wf.set_workshop_field("logo", logo_png())
        wf.set_workshop_field("logo_mime", "image/png")
    n = iter(range(100))

    def app() -> Path:
        target = folder / f"archive-{next(n)}.zip"
        with WorkshopFile.open(path, readonly=True) as wf:
            export_workshop(wf, format="archive", out=target)
        return target

    with WorkshopFile.open(path, readonly=True) as wf:
        contexts = archive_contexts(wf, read_export_data(wf, include_confidential=False))
    t_base = best_of(1, lambda: render_charters(
        contexts, out_dir=folder / f"render-{next(n)}", combined=False))  # fmt: skip
    start = time.perf_counter()
    archive = app()
    t_cold = time.perf_counter() - start
    size = archive.stat().st_size / 1e6
    print(f"Archive of a {pairs:,}-pair workshop, every charter filled in (a zip of {pairs:,} "
          f"charter PDFs, the summary PDF, the JSON; {size:.0f} MB):")  # fmt: skip
    print(f"  first, nothing rendered before: {t_cold:.1f} s; baseline, render_charters of "
          f"the same charters: {t_base:.1f} s; ratio {t_cold / t_base:.2f}x")  # fmt: skip

    with zipfile.ZipFile(archive) as zf:
        members = [(name, zf.read(name)) for name in zf.namelist()]
    for name, content in members:
        (folder / "plain" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "plain" / name).write_bytes(content)

    def plain_zip() -> None:
        with zipfile.ZipFile(folder / f"plain-{next(n)}.zip", "w") as zf:
            for name, _ in members:
                zf.write(folder / "plain" / name, name)

    def settled(fn: Callable[[], object]) -> Callable[[], object]:
        """`fn` after the previous outputs are deleted and written to disk, so that no run
        pays for the writes of the one before (hundreds of MB each)."""

        def run() -> object:
            for old in [*folder.glob("archive-*.zip"), *folder.glob("plain-*.zip")]:
                old.unlink()
            os.sync()
            return fn()

        return run

    t_warm = min(best_of(1, settled(app)) for _ in range(RUNS))
    t_zip = min(best_of(1, settled(plain_zip)) for _ in range(RUNS))
    print(f"  charters ready in the render cache: {t_warm:.3f} s (target < 2 s); baseline, "
          f"zipfile of the same files: {t_zip:.3f} s; ratio {t_warm / t_zip:.1f}x")  # fmt: skip

    with WorkshopFile.open(path) as wf:
        for pair in wf.roster.pairs()[:20]:
            wf.charters.set_field(pair.id, "purpose", f"Edited after the workshop: {pair.code}.")
    start = time.perf_counter()  # in a child process, as the app runs it
    rendered = run_in_child(
        prepare_archive, str(path), False, progress=lambda d, t: None, cancelled=lambda: False
    )
    t_prepare = time.perf_counter() - start
    t_after = min(best_of(1, settled(app)) for _ in range(RUNS))
    print(
        f"  after {rendered} charters were edited: prepare_archive (the app's background "
        f"process, one core, low priority) {t_prepare:.1f} s, then the archive {t_after:.3f} s"
    )


def logo_png() -> bytes:
    """A 200 x 100 PNG logo of about 47 KB (noise does not compress), a realistic weight."""
    import random

    from PIL import Image

    rng = random.Random(7)
    image = Image.new("RGB", (200, 100))
    image.putdata([(rng.randrange(256), rng.randrange(256), 160) for _ in range(200 * 100)])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def make_room(folder: Path, number: int, pairs: int) -> Path:
    """One room's file, made through the real API: its own people, codes P01... like every room."""
    roster = folder / f"room-{number}.csv"
    with open(roster, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Role", "Name", "Email", "Title", "Department", "Pair Code"])
        for i in range(1, pairs + 1):
            writer.writerow(["Mentor", f"Mentor {number}-{i}", f"mentor{i}@room{number}.example",
                             "Director", "Operations", f"P{i:02d}"])  # fmt: skip
            writer.writerow(["Mentee", f"Mentee {number}-{i}", f"mentee{i}@room{number}.example",
                             "Analyst", "Finance", f"P{i:02d}"])  # fmt: skip
    path = folder / f"room-{number}.workshop"
    with WorkshopFile.create(path, program="Bench", organisation="Bench Co",
                             date="2027-01-19") as wf:  # fmt: skip
        apply_import(wf, plan_import(wf, roster))
        with wf.transaction():
            for n, pair in enumerate(wf.roster.pairs()):
                if n % 2:
                    continue
                for name, value in FULL.items():
                    wf.charters.set_field(pair.id, name, value)
                for part, value in zip(("goal", "why", "measure", "target_date", "first_steps"),
                                       GOALS[0], strict=True):  # fmt: skip
                    wf.charters.set_goal_part(pair.id, 1, part, value)
                for scenario, plan in PLANS:
                    wf.charters.add_plan(pair.id, scenario=scenario, plan=plan)
    return path


def bench_merge(folder: Path) -> None:
    rooms = [make_room(folder, k, ROOM_PAIRS) for k in range(1, ROOMS + 1)]
    n = iter(range(1000))
    report = None

    def app() -> None:
        nonlocal report
        report = merge_workshops(out=folder / f"merged-{next(n)}.workshop", inputs=rooms)

    def baseline() -> None:
        target = folder / f"baseline-{next(n)}.db"
        shutil.copy(rooms[0], target)
        conn = sqlite3.connect(target, isolation_level=None)
        conn.execute("BEGIN")
        for room in rooms[1:]:
            conn.execute("ATTACH DATABASE ? AS room", (str(room),))
            for table in ("audit", *RECORD_TABLES):
                columns = [
                    r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "seq"
                ]
                names = ", ".join(columns)
                conn.execute(f"INSERT OR IGNORE INTO {table} ({names}) "
                             f"SELECT {names} FROM room.{table}")  # fmt: skip
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE room")
            conn.execute("BEGIN")
        conn.execute("COMMIT")
        conn.close()

    t_app, t_base = best_of(RUNS, app), best_of(RUNS, baseline)
    assert report is not None
    print(f"Merge of {ROOMS} room files of {ROOM_PAIRS} pairs ({report.counts['pairs']:,} pairs, "
          f"{len(report.renamed):,} codes renamed): {t_app:.3f} s (target < 3 s)")  # fmt: skip
    print(f"  baseline, sqlite ATTACH + INSERT OR IGNORE of every table, no matching: "
          f"{t_base:.3f} s; ratio {t_app / t_base:.1f}x")  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as tmp:
        folder = Path(tmp)
        if "--archive-only" not in sys.argv:
            bench_exports(folder)
            bench_merge(folder)
        if "--no-archive" not in sys.argv:
            pairs = int(sys.argv[sys.argv.index("--archive-pairs") + 1]) if (
                "--archive-pairs" in sys.argv) else PAIRS  # fmt: skip
            bench_archive(folder, pairs)


if __name__ == "__main__":
    main()
