"""A killed command or app takes every process it started with it: render workers, the export's
child process and multiprocessing's resource tracker.

Each test starts the real thing in a subprocess with a mark in its environment (which every
process it starts inherits, whoever its parent is by then), kills it with SIGKILL while it
renders, and waits until no process bearing the mark is left. Linux: processes are read
from /proc (psutil is not installed).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_app.core.roster.importer import apply_import, plan_import
from workshop_app.core.store.workshop_file import WorkshopFile

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

STARTUP_S = 240  # a cold start of WeasyPrint on a busy machine
EXIT_S = 30  # far more than the watch needs (a quarter of a second), far less than the export
PAIRS = 500  # about a minute of rendering on two cores: an orphan would still be at it
LARGE_ROSTER = Path(__file__).parents[1] / "data" / "rosters" / "large_5000_participants.csv"


def marked(mark: str) -> dict[int, str]:
    """The live processes whose environment holds `mark`: pid -> command line."""
    found = {}
    needle = f"WORKSHOP_TEST_MARK={mark}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as handle:
                if needle not in handle.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/stat", "rb") as handle:
                state = handle.read().rpartition(b")")[2].split()[0]
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended meanwhile
            continue
        if state != b"Z":  # a zombie has ended; only its parent's wait is missing
            found[int(entry)] = command
    return found


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def start(args: list[str], mark: str, data: Path) -> subprocess.Popen[bytes]:
    """Its output goes to files: a process left behind would hold a pipe open for good."""
    env = {
        **os.environ,
        "WORKSHOP_TEST_MARK": mark,
        "WORKSHOP_APP_DATA_DIR": str(data),  # a cold render cache
        "QT_QPA_PLATFORM": "offscreen",
    }
    data.mkdir(parents=True, exist_ok=True)
    with open(data / "out.txt", "wb") as out, open(data / "err.txt", "wb") as err:
        return subprocess.Popen([sys.executable, *args], env=env, stdout=out, stderr=err)


def output(data: Path) -> str:
    return (data / "out.txt").read_text() + (data / "err.txt").read_text()[-2000:]


def kill_and_check(process: subprocess.Popen[bytes], mark: str) -> None:
    before = marked(mark)
    process.kill()
    process.wait()
    try:
        assert wait_for(lambda: not marked(mark), EXIT_S), (
            f"left running after the kill: {marked(mark)} (before it: {before})"
        )
    finally:
        for pid in marked(mark):  # this test's own processes, should it fail
            os.kill(pid, signal.SIGKILL)


def rendering(data: Path, mark: str, workers: int) -> Callable[[], bool]:
    """True once a charter is in the render cache (so the workers are rendering) while
    `workers` render processes or more are alive."""

    def check() -> bool:
        spawned = [c for c in marked(mark).values() if "multiprocessing" in c]
        return any((data / "cache" / "pdf").glob("*/*.pdf")) and len(spawned) >= workers

    return check


@pytest.fixture
def room(tmp_path: Path) -> Path:
    roster = tmp_path / "roster.csv"
    lines = LARGE_ROSTER.read_text(encoding="utf-8").splitlines(keepends=True)
    roster.write_text("".join(lines[: 1 + 2 * PAIRS]), encoding="utf-8")
    path = tmp_path / "large.workshop"
    with WorkshopFile.create(
        path, program="Accelerate", organisation="Globex", date="2027-01-19"
    ) as wf:
        apply_import(wf, plan_import(wf, roster))
        assert len(wf.roster.pairs()) == PAIRS
    return path


def test_killing_a_cold_archive_export_leaves_no_process(room: Path, tmp_path: Path) -> None:
    mark, data = uuid.uuid4().hex, tmp_path / "data"
    out = tmp_path / "archive.zip"
    export = start(
        ["-m", "workshop_app", "export", str(room), "--format", "archive", "--out", str(out)],
        mark,
        data,
    )
    # a render worker, and the resource tracker beside it
    assert wait_for(rendering(data, mark, workers=2), STARTUP_S), output(data)
    kill_and_check(export, mark)
    assert not out.exists()


# The app's way: a child process runs the export (as the Export page and printing do), and
# its render workers are the app's grandchildren.
IN_A_CHILD = """
import sys
from workshop_app.core.jobs import run_in_child
from workshop_app.core.exports.formats import export_file
run_in_child(export_file, sys.argv[1], "archive", sys.argv[2], False, False, True,
             progress=lambda done, total: None, cancelled=lambda: False)
"""


def test_killing_the_app_during_an_export_in_its_child_process_leaves_no_process(
    room: Path, tmp_path: Path
) -> None:
    mark, data = uuid.uuid4().hex, tmp_path / "data"
    app = start(["-c", IN_A_CHILD, str(room), str(tmp_path / "archive")], mark, data)
    # the child, a render worker and the resource tracker
    assert wait_for(rendering(data, mark, workers=3), STARTUP_S), output(data)
    kill_and_check(app, mark)


# The preview's worker process, kept warm between previews.
PREVIEW = """
from workshop_app.ui import jobs
jobs.warm_up_preview_process()
jobs.in_preview_process(len, "ready")(lambda done, total: None, lambda: False)  # it answers
print("ready", flush=True)
import time
time.sleep(600)
"""


def test_killing_the_app_leaves_no_preview_worker(tmp_path: Path) -> None:
    mark, data = uuid.uuid4().hex, tmp_path / "data"
    app = start(["-c", PREVIEW], mark, data)
    assert wait_for(lambda: "ready" in output(data) or app.poll() is not None, STARTUP_S)
    assert "ready" in output(data), output(data)
    assert len(marked(mark)) >= 2  # the app and its preview worker
    kill_and_check(app, mark)
