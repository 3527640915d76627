"""Issue 16 figure: importing a 10,000-row check-in survey export into a 2,000-pair program.

A Google Forms CSV and a Microsoft Forms workbook of 10,000 responses (five per pair, mentor
and mentee in turn, matched by pair code and email), each checked and saved into a fresh copy
of a 2,000-pair program that already has its records (benchmarks/follow_up_program.py), beside
a baseline in the same run: the roster import of a 10,000-row roster into an empty workshop
(the import the check-in import is modelled on). Target: under 2 s for each export.

    .venv/bin/python benchmarks/bench_checkins.py
"""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).parent))
from _common import write_roster
from follow_up_program import make_program

from workshop_app.core.followup.checkin_import import apply_checkins, plan_checkins
from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

PAIRS = 2000
ROWS = 10_000
RUNS = 3
QUESTIONS = [
    "Your pair code (on your charter, e.g. P07)",
    "Are you the mentor or the mentee?",
    "Which checkpoint is this check-in for?",
    "How many times have you met since the last checkpoint?",
    "When did you last meet?",
    "How far has goal 1 of your charter moved? (1 = not started, 5 = achieved)",
    "How far has goal 2 of your charter moved? (1 = not started, 5 = achieved)",
    "How is the pairing working for you?",
    "How satisfied are you with the mentoring so far? (1 = not at all, 5 = very)",
    "Would you like help from the program team?",
    "Anything else you want the program team to know?",
]
FITS = ("A good fit", "Still deciding", "Not a fit")


def _answers(n: int) -> tuple[datetime, str, list[object]]:
    pair = n % PAIRS + 1
    role = "mentor" if (n // PAIRS) % 2 == 0 else "mentee"
    sent = datetime(2027, 1, 5, 8, 0) + timedelta(minutes=7 * n)
    # Partners report the same last meeting: a day in the week before the pair's first reply.
    first = datetime(2027, 1, 5, 8, 0) + timedelta(minutes=7 * (n % (2 * PAIRS)))
    met = (first - timedelta(days=3 + pair % 5)).date()
    answers: list[object] = [
        f"P{pair:02d}", role.capitalize(), ("Day 30", "Day 90", "Day 180")[n % 3], n % 5,
        met, str(1 + n % 5), str(1 + (n + 2) % 5), FITS[n % 3], str(1 + n % 5),
        "No, not now" if n % 4 else "Yes, we'd like help from the program team",
        "" if n % 3 else f"Response {n}: we meet on Tuesdays, and it works.",
    ]  # fmt: skip
    return sent, f"{role}{pair}@bench.example", answers


def write_google_csv(path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Timestamp", "Email Address", *QUESTIONS])
        for n in range(ROWS):
            sent, email, answers = _answers(n)
            met = answers[4]
            assert hasattr(met, "strftime")
            answers[4] = met.strftime("%-m/%-d/%Y")
            writer.writerow([sent.strftime("%-m/%-d/%Y %H:%M:%S"), email, *answers])
    return path


def write_ms_forms_xlsx(path: Path) -> Path:
    """The workbook as Excel (and so Microsoft Forms) writes one: its strings shared, its size
    declared in <dimension>, its times as serial numbers with a date-time format. (openpyxl
    writes every string inline and no dimension, which reads several times slower.)"""
    strings: dict[str, int] = {}

    def cell(ref: str, value: object) -> str:
        if isinstance(value, datetime):
            serial = (value - datetime(1899, 12, 30)).total_seconds() / 86400
            return f'<c r="{ref}" s="1"><v>{serial:.8f}</v></c>'
        if isinstance(value, int):
            return f'<c r="{ref}"><v>{value}</v></c>'
        text = str(value)
        if not text:
            return ""
        index = strings.setdefault(text, len(strings))
        return f'<c r="{ref}" t="s"><v>{index}</v></c>'

    headers = ["ID", "Start time", "Completion time", "Email", "Name", *QUESTIONS]
    letters = [chr(ord("A") + i) for i in range(len(headers))]
    rows = [headers]
    for n in range(ROWS):
        sent, email, answers = _answers(n)
        answers[4] = answers[4].strftime("%-m/%-d/%Y")  # type: ignore[attr-defined]
        rows.append([n + 1, sent - timedelta(minutes=4), sent, email, "", *answers])
    body = "".join(
        f'<row r="{r}">'
        + "".join(cell(f"{c}{r}", v) for c, v in zip(letters, row, strict=True))
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    shared = "".join(
        f"<si><t>{escape(t)}</t></si>" for t in sorted(strings, key=strings.__getitem__)
    )
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": (
            f'<styleSheet xmlns="{main}"><fonts count="1"><font/></fonts><fills count="1">'
            '<fill><patternFill patternType="none"/></fill></fills><borders count="1">'
            '<border/></borders><cellStyleXfs count="1">'
            '<xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22" '
            'applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" '
            'xfId="0" builtinId="0"/></cellStyles></styleSheet>'
        ),
        "xl/sharedStrings.xml": (
            f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            f"{shared}</sst>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><dimension ref="A1:{letters[-1]}{len(rows)}"/>'
            f"<sheetData>{body}</sheetData></worksheet>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + text)
    return path


def program(folder: Path) -> Path:
    """health's big program (signed charters, check-ins, log, reviews, closures already in it),
    its launch 105 days before a day after the exports' last response."""
    path = make_program(folder / "program.workshop", PAIRS, today=date(2027, 3, 20))
    # The exports answer for every pair, and a response sent after its pair's closure is
    # refused: the program's closures are taken out, so that all 10,000 responses go in.
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM closures")
    return path


def time_import(template: Path, folder: Path, export: Path) -> tuple[float, float, float, int]:
    """Best of RUNS: (seconds to read and check, seconds to read, check and save, the CPU
    seconds of that, responses saved)."""
    best_plan, best_total, best_cpu, saved = float("inf"), float("inf"), float("inf"), 0
    for run in range(RUNS):
        copy = folder / f"run-{export.suffix[1:]}-{run}.workshop"
        shutil.copy(template, copy)
        with WorkshopFile.open(copy) as wf:
            start, cpu = time.perf_counter(), time.process_time()
            plan = plan_checkins(wf, export, today=date(2027, 3, 20))
            planned = time.perf_counter() - start
            assert plan.ok, plan.problems[:3]
            result = apply_checkins(wf, plan)
            total, cpu = time.perf_counter() - start, time.process_time() - cpu
        best_plan, best_total = min(best_plan, planned), min(best_total, total)
        best_cpu = min(best_cpu, cpu)
        saved = result.added
    return best_plan, best_total, best_cpu, saved


def time_roster_baseline(folder: Path) -> float:
    roster = write_roster(folder / "roster-baseline.csv", ROWS // 2)  # 10,000 rows
    best = float("inf")
    for run in range(RUNS):
        path = folder / f"baseline-{run}.workshop"
        with WorkshopFile.create(path, program="B", organisation="B", date="2026-12-01") as wf:
            start = time.perf_counter()
            apply_import(wf, plan_import(wf, roster))
            best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-checkins-") as tmp:
        folder = Path(tmp)
        template = program(folder)
        exports = [
            ("Google Forms CSV", write_google_csv(folder / "check-in.csv")),
            ("Microsoft Forms xlsx", write_ms_forms_xlsx(folder / "check-in.xlsx")),
        ]
        baseline = time_roster_baseline(folder)
        # The machine may be shared: its load says how far the seconds are to be trusted, and
        # the CPU seconds (this process's own) vary less with it than the clock's.
        load = os.getloadavg()[0]
        print(
            f"Check-in survey import, {ROWS:,} rows into a {PAIRS:,}-pair program (best of "
            f"{RUNS}; load average {load:.1f} on {os.cpu_count()} cores)"
        )
        for label, export in exports:
            planned, total, cpu, saved = time_import(template, folder, export)
            print(
                f"  {label}: {total:.2f} s, {cpu:.2f} s of CPU ({planned:.2f} s to read and "
                f"check, {total - planned:.2f} s to save {saved:,} responses and their log "
                f"entries); target < 2 s; {total / baseline:.1f}x the baseline"
            )
        print(f"  baseline, roster import of a {ROWS:,}-row roster into an empty workshop: "
              f"{baseline:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
