"""A killed export, merge or print leaves temporary files; the next run of the same kind (and
the app's start, for its own temporary folder) removes them, and never a live process's.

Each case runs the real command, killed with SIGKILL at the moment it has the most temporary
files (tests/core/kill_at.py), then the same command again to the end, and looks everywhere a
temporary file could be: beside the target, in the app's data and cache folders, and in the
system's temporary folder (where openpyxl put its sheets).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.core import temp_files
from workshop_app.core.demo import create_demo
from workshop_app.core.exports.formats import export_workshop
from workshop_app.core.store.workshop_file import WorkshopFile

KILL_AT = Path(__file__).with_name("kill_at.py")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL by itself is POSIX")


@pytest.fixture
def room(tmp_path: Path) -> Path:
    path = tmp_path / "room" / "demo.workshop"
    path.parent.mkdir()
    create_demo(path).close()
    return path


def run(
    *args: str, data: Path, system_temp: Path, kill_at: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "WORKSHOP_APP_DATA_DIR": str(data),
        "TMPDIR": str(system_temp),
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [sys.executable, "-m", "workshop_app", *args]
    if kill_at is not None:
        command = [sys.executable, str(KILL_AT), kill_at, *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)


def leftovers(*roots: Path) -> list[str]:
    """Every hidden or `openpyxl.` entry under `roots`: what a temporary file is called."""
    found = []
    for root in roots:
        for folder, dirs, files in os.walk(root):
            found += [
                os.path.join(folder, name)
                for name in (*dirs, *files)
                if name.startswith(".") or name.startswith("openpyxl")
            ]
    return sorted(found)


XLSX = ["export", "{room}", "--format", "xlsx", "--out", "{out}/r.xlsx"]
ARCHIVE = ["export", "{room}", "--format", "archive", "--out", "{out}/archive"]
PRINT = ["charters", "{room}", "--pair", "P01", "--pair", "P02", "--out", "{out}/printed"]
CASES = {
    # name: (the command's arguments, the call that kills it: where its temporary files are)
    "merge": (["merge", "{out}/merged.workshop", "{room}", "{copy}"], "os:replace"),
    "xlsx": (XLSX, "zipfile:ZipFile.write"),  # the sheets written, the workbook being zipped
    "archive": (ARCHIVE, "os:replace#2"),  # the first is the summary's, into the cache
    "print": (PRINT, "os:replace"),
}


@posix_only
@pytest.mark.parametrize("kind", list(CASES))
def test_a_killed_run_leaves_temporary_files_the_next_run_removes(
    kind: str, room: Path, tmp_path: Path
) -> None:
    data, system_temp, out = tmp_path / "data", tmp_path / "system-temp", tmp_path / "out"
    system_temp.mkdir()
    out.mkdir()
    copy = tmp_path / "room" / "copy.workshop"
    copy.write_bytes(room.read_bytes())
    template, kill_at = CASES[kind]
    args = [a.format(out=out, room=room, copy=copy) for a in template]

    killed = run(*args, data=data, system_temp=system_temp, kill_at=kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    assert leftovers(out, data, system_temp), "the kill left no temporary file: no test"

    done = run(*args, data=data, system_temp=system_temp)
    assert done.returncode == 0, done.stderr[-2000:]
    assert leftovers(out, data, system_temp, room.parent) == []


def named_for(pid: int, target: str) -> str:
    """A temporary name for `target` as process `pid` of this machine would make it."""
    return re.sub(r"workshop-app-\d+-", f"workshop-app-{pid}-", temp_files.temp_name(target))


def gone_pid() -> int:
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(ended.stdout)


def test_an_export_removes_dead_processes_temporary_files_but_not_a_live_ones(
    room: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    live = out / named_for(os.getpid(), "r.xlsx")  # this process: it is exporting right now
    dead_file = out / named_for(gone_pid(), "r.xlsx")
    dead_folder = out / named_for(gone_pid(), "archive")
    sidecar = out / (named_for(gone_pid(), "merged.workshop") + "-journal")
    other_host = out / named_for(gone_pid(), "r.xlsx").replace(temp_files.host_tag(), "000000")
    not_ours = out / ".r.xlsx.12345.part"  # another program's: left alone
    for path in (live, dead_file, sidecar, other_host, not_ours):
        path.write_bytes(b"half")
    dead_folder.mkdir()
    (dead_folder / "P01.pdf").write_bytes(b"%PDF-")

    with WorkshopFile.open(room, readonly=True) as wf:
        export_workshop(wf, format="json", out=out / "r.json")

    assert sorted(p.name for p in out.iterdir()) == sorted(
        [live.name, other_host.name, not_ours.name, "r.json"]
    )


def test_starting_removes_what_dead_processes_left_in_the_apps_temporary_folder(
    room: Path, tmp_path: Path
) -> None:
    data, system_temp = tmp_path / "data", tmp_path / "system-temp"
    system_temp.mkdir()
    folder = data / "cache" / "tmp"
    folder.mkdir(parents=True)
    dead = folder / named_for(gone_pid(), "archive")
    dead.mkdir()
    (dead / "P01 - Margaret Osei & Daniel Kowalski.pdf").write_bytes(b"%PDF-")
    live = folder / named_for(os.getpid(), "Summary.xml")
    live.write_bytes(b"<sheet/>")

    done = run("info", str(room), data=data, system_temp=system_temp)
    assert done.returncode == 0, done.stderr[-2000:]
    assert [p.name for p in folder.iterdir()] == [live.name]
