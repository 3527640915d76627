"""Nothing reported as saved is lost when the app is killed, however often and wherever.

A child process (`crash_child.py`) opens a workshop and edits it through the core calls the
app makes as the user types, printing a line after each edit returns. The parent kills it with
SIGKILL (`Popen.kill()`; TerminateProcess on Windows) at a random moment: right after a saved
edit, in the middle of one, or at any time at all (while opening, taking the backup, ...).
After each kill the file must open, pass SQLite's full `integrity_check`, and hold every edit
the child reported as saved, with the last value reported for each field. The one edit that
was in flight may or may not be there, but nothing else.
"""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from workshop_app.core.demo import create_demo
from workshop_app.core.store import backups
from workshop_app.core.store.file_check import check_workshop_file
from workshop_app.core.store.schema import schema_version
from workshop_app.core.store.workshop_file import WorkshopFile

CHILD = Path(__file__).with_name("crash_child.py")
ROUNDS = 50
SEED = 20270119

_spec = importlib.util.spec_from_file_location("crash_child", CHILD)
assert _spec is not None and _spec.loader is not None
crash_child = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("crash_child", crash_child)
_spec.loader.exec_module(crash_child)

ABSENT = object()


def actual_values(wf: WorkshopFile, keys: list[tuple[Any, ...]]) -> dict[tuple[Any, ...], Any]:
    """What the file holds for each key, read through the same API the app reads with."""
    charters: dict[str, Any] = {}
    present = {p.id: p.present for p in wf.roster.participants()}
    out: dict[tuple[Any, ...], Any] = {}
    for key in keys:
        kind = key[0]
        if kind in ("field", "goal"):
            pair = key[1]
            charter = charters.get(pair) or charters.setdefault(pair, wf.charters.charter(pair))
            if kind == "field":
                out[key] = charter.value(key[2])
            else:
                goal = next((g for g in charter.goals if g.position == key[2]), None)
                out[key] = ABSENT if goal is None else getattr(goal, key[3])
        elif kind == "plan":
            row = wf.conn.execute(
                "SELECT pair_id, scenario, plan FROM plans WHERE id = ?", (key[1],)
            ).fetchone()
            out[key] = ABSENT if row is None else tuple(row)
        else:
            out[key] = present[key[1]]
    return out


def run_child_and_kill(path: Path, seed: int, rng: random.Random) -> tuple[list[str], str]:
    """Start the child, kill it at a moment chosen by `rng`; every complete line it wrote."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    mode = rng.choices(("after a saved edit", "mid-edit", "any time"), (4, 4, 2))[0]
    lines: list[bytes] = []
    try:
        if mode == "any time":
            # Often while it is still starting, opening the file or taking the backup.
            time.sleep(rng.uniform(0.0, 0.6))
        else:
            wanted = b"D" if mode == "after a saved edit" else b"B"
            count = rng.randint(1, 60)
            while count:
                line = child.stdout.readline()
                if not line:
                    break  # the child died on its own: the stderr check below says why
                lines.append(line)
                count -= line.startswith(wanted)
            if mode == "mid-edit":
                time.sleep(rng.uniform(0.0, 0.004))
    finally:
        child.kill()
        child.wait(timeout=30)
    lines.extend(child.stdout.read().splitlines(keepends=True))
    child.stdout.close()
    assert child.stderr is not None
    errors = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    assert "Traceback" not in errors, errors
    return [ln.decode().strip() for ln in lines if ln.endswith(b"\n")], mode


def test_no_reported_edit_is_lost_when_killed(tmp_path: Path) -> None:
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    with WorkshopFile.open(path, readonly=True) as wf:
        pairs, people = crash_child.ids(wf)
    rng = random.Random(SEED)
    expected: dict[tuple[Any, ...], Any] = {}
    survived = saved_edits = in_flight_kept = 0
    modes: dict[str, int] = {}
    started = time.monotonic()
    for round_ in range(ROUNDS):
        seed = SEED + round_
        lines, mode = run_child_and_kill(path, seed, rng)
        modes[mode] = modes.get(mode, 0) + 1
        begun = {int(ln[2:]) for ln in lines if ln.startswith("B ")}
        done = {int(ln[2:]) for ln in lines if ln.startswith("D ")}
        assert done <= begun
        in_flight = sorted(begun - done)
        assert len(in_flight) <= 1, in_flight  # edits are made one after another
        sequence = crash_child.edits(seed, pairs, people)
        flying = None
        for edit in sequence:
            if edit.index in done:
                expected[edit.key] = edit.value
                saved_edits += 1
            elif in_flight and edit.index == in_flight[0]:
                flying = edit
            if edit.index >= max(begun, default=-1):
                break

        # Reopen as the app would after a crash; now and then only read, so the next child
        # also starts from a file whose last edits are still in the WAL.
        readonly = rng.random() < 0.3
        with WorkshopFile.open(path, readonly=readonly) as wf:
            assert wf.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert wf.conn.execute("PRAGMA foreign_key_check").fetchall() == []
            keys = [*expected, *([flying.key] if flying and flying.key not in expected else [])]
            found = actual_values(wf, keys)
            # The pairs list shows the reopened file as it is: its one-row refresh (after
            # each save) agrees with the full list.
            rows = {row.pair_id: row for row in wf.charters.overview()}
            for pair in rng.sample(pairs, 3):
                assert wf.charters.overview(pair_id=pair) == [rows[pair]]
        for key, value in expected.items():
            if flying is not None and key == flying.key:
                continue
            assert found[key] == value, (round_, mode, key)
        if flying is not None:
            before = expected.get(flying.key, ABSENT)
            now = found[flying.key]
            # The edit in flight is all there or not there at all.
            if flying.key[0] == "plan":
                assert now in (ABSENT, flying.value), (round_, mode, flying.key)
            elif before is ABSENT:
                pass  # a key not written before: its old value is whatever the demo had
            else:
                assert now in (before, flying.value), (round_, mode, flying.key)
            in_flight_kept += now == flying.value
            if now is not ABSENT:
                expected[flying.key] = now
        survived += 1
    elapsed = time.monotonic() - started
    how = ", ".join(f"{count} {mode}" for mode, count in modes.items())
    print(
        f"\ncrash safety: {survived} kills survived ({how}); "
        f"{saved_edits} edits reported as saved, all found; {len(expected)} fields checked; "
        f"{in_flight_kept} in-flight edits had landed; {elapsed:.1f} s"
    )
    assert survived == ROUNDS
    assert saved_edits >= 300  # "hundreds of edits"

    # A kill while the backup on open was being copied leaves no half copy for good: the next
    # open for writing clears it, and every backup listed can be restored.
    WorkshopFile.open(path).close()
    assert not list(backups.folder_for(path).glob("*.partial*"))
    for backup in backups.list_backups(path):
        check_workshop_file(backup.path, schema_version=schema_version())
