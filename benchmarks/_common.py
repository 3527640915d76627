"""Helpers shared by the benchmark scripts: timing, percentiles, workshop fixtures."""

from __future__ import annotations

import csv
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Backups and settings of benchmark runs go to a scratch folder, never the user's.
os.environ.setdefault("WORKSHOP_APP_DATA_DIR", tempfile.mkdtemp(prefix="bench-appdata-"))

from workshop_app.core.demo import FULL, GOALS, PLANS
from workshop_app.core.store.workshop_file import WorkshopFile


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The fastest of `runs` timings of `fn`, in seconds (least disturbed by noise)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def median(values: list[float]) -> float:
    return statistics.median(values)


def write_roster(path: Path, pairs: int) -> Path:
    """A one-row-per-participant roster with pair codes: 2 rows a pair."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Role", "Name", "Email", "Title", "Department", "Pair Code"])
        for i in range(1, pairs + 1):
            writer.writerow(
                [
                    "Mentor",
                    f"Mentor Number{i}",
                    f"mentor{i}@bench.example",
                    "Director",
                    "Operations",
                    f"P{i:02d}",
                ]
            )
            writer.writerow(
                [
                    "Mentee",
                    f"Mentee Number{i}",
                    f"mentee{i}@bench.example",
                    "Analyst",
                    "Finance",
                    f"P{i:02d}",
                ]
            )
    return path


def make_workshop(folder: Path, pairs: int, *, filled_every: int = 2) -> Path:
    """A workshop of `pairs` pairs, every `filled_every`-th charter filled in."""
    from workshop_app.core.roster.importer import apply_import, plan_import

    path = folder / f"bench-{pairs}.workshop"
    roster = write_roster(folder / f"roster-{pairs}.csv", pairs)
    with WorkshopFile.create(
        path, program="Bench", organisation="Bench Co", date="2027-01-19"
    ) as wf:
        apply_import(wf, plan_import(wf, roster))
        with wf.transaction():
            for n, pair in enumerate(wf.roster.pairs()):
                if n % filled_every:
                    continue
                for name, value in FULL.items():
                    wf.charters.set_field(pair.id, name, value)
                for part, value in zip(
                    ("goal", "why", "measure", "target_date", "first_steps"), GOALS[0], strict=True
                ):
                    wf.charters.set_goal_part(pair.id, 1, part, value)
                for scenario, plan in PLANS:
                    wf.charters.add_plan(pair.id, scenario=scenario, plan=plan)
    return path
