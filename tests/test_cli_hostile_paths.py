"""Hostile paths and pipes through the real `workshop-app` command: symbolic links that loop,
given as an input or as `--out`, and a reader that goes away before the output is written.

A loop is refused with exit status 1 and one line on stderr naming it (never pathlib's
`RuntimeError: Symlink loop`); the links stay links, the workshop is unchanged and nothing is
written beside them. A command whose reader has gone (`| head -1`) ends quietly.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bad_files import make_workshop
from cli_runner import run


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def loop(folder: Path, name: str) -> Path:
    """`name -> name.again -> name`: a pair of links that never reach a file."""
    link, other = folder / name, folder / f"{name}.again"
    link.symlink_to(other.name)
    other.symlink_to(link.name)
    return link


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry of `folder`: a link's target, a file's digest."""
    return {
        p.name: f"-> {os.readlink(p)}" if p.is_symlink() else digest(p)
        for p in sorted(folder.iterdir())
    }


def assert_refused_once(done: subprocess.CompletedProcess[str], name: str) -> None:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("workshop-app: ")
    assert name in lines[0] and "symbolic links lead round in a loop" in lines[0], lines[0]


@pytest.fixture
def room(tmp_path: Path) -> Path:
    folder = tmp_path / "room"
    folder.mkdir()
    return make_workshop(folder / "room.workshop")


OUT_LOOPS = {
    "export json": ("export", "--format", "json", "--out", "{loop}"),
    "export xlsx": ("export", "--format", "xlsx", "--out", "{loop}"),
    "export csv folder": ("export", "--format", "csv", "--out", "{loop}"),
    "export csv zip": ("export", "--format", "csv", "--out", "{loop}"),
    "export archive": ("export", "--format", "archive", "--out", "{loop}"),
    "export ics": ("export", "--format", "ics", "--out", "{loop}"),
    "export ics per pair": ("export", "--format", "ics", "--per-pair", "--out", "{loop}"),
    "charters": ("charters", "--out", "{loop}"),
    "sign-in sheet": ("sign-in-sheet", "--out", "{loop}"),
}
LOOP_NAMES = {
    "export json": "records.json",
    "export xlsx": "records.xlsx",
    "export csv folder": "records",
    "export csv zip": "records.zip",
    "export archive": "archive.zip",
    "export ics": "calendar.ics",
    "export ics per pair": "calendars.zip",
    "charters": "printed",
    "sign-in sheet": "sign-in.pdf",
}


@pytest.mark.parametrize("kind", OUT_LOOPS)
def test_a_symlink_loop_as_out_is_refused_in_one_line(
    room: Path, app_data: Path, kind: str
) -> None:
    command, *options = OUT_LOOPS[kind]
    target = loop(room.parent, LOOP_NAMES[kind])
    before = snapshot(room.parent)
    args = [command, str(room), *(o.format(loop=target) for o in options)]
    assert_refused_once(run(*args, data=app_data), target.name)
    assert snapshot(room.parent) == before


def test_a_symlink_loop_as_the_merged_file_is_refused_in_one_line(
    room: Path, app_data: Path, tmp_path: Path
) -> None:
    other = make_workshop(tmp_path / "other.workshop")
    target = loop(room.parent, "launch.workshop")
    before = snapshot(room.parent)
    done = run("merge", str(target), str(room), str(other), data=app_data)
    assert_refused_once(done, target.name)
    assert snapshot(room.parent) == before


def test_a_symlink_loop_as_a_merge_input_is_refused_in_one_line(
    room: Path, app_data: Path, tmp_path: Path
) -> None:
    target = loop(room.parent, "room-b.workshop")
    before = snapshot(room.parent)
    done = run("merge", str(tmp_path / "launch.workshop"), str(room), str(target), data=app_data)
    assert_refused_once(done, target.name)
    assert snapshot(room.parent) == before
    assert not (tmp_path / "launch.workshop").exists()


@pytest.mark.parametrize("command", ["info", "import", "export", "charters"])
def test_a_symlink_loop_as_the_workshop_is_named_as_a_loop(
    tmp_path: Path, app_data: Path, command: str
) -> None:
    """Not "there is no file": the file's name is there, and the person can see why."""
    target = loop(tmp_path, "room.workshop")
    roster = tmp_path / "roster.csv"
    roster.write_text("Role,Name,Email\nMentor,Ada Byron,ada@x.example\n", encoding="utf-8")
    extra = {
        "info": [],
        "import": [str(roster)],
        "export": ["--format", "json", "--out", str(tmp_path / "x.json")],
        "charters": ["--out", str(tmp_path / "printed")],
    }[command]
    before = snapshot(tmp_path)
    assert_refused_once(run(command, str(target), *extra, data=app_data), target.name)
    assert snapshot(tmp_path) == before


def test_a_symlink_loop_as_the_roster_is_named_as_a_loop(room: Path, app_data: Path) -> None:
    target = loop(room.parent, "roster.csv")
    before = snapshot(room.parent)
    assert_refused_once(run("import", str(room), str(target), data=app_data), target.name)
    assert snapshot(room.parent) == before


# -- a reader that goes away: `workshop-app info big.workshop | head -1` ------------------------


def run_into_closed_pipe(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    """`workshop-app ARGS` with its standard output a pipe whose reader has already gone, as
    `| head -1` leaves it once head has its line: every write to it fails with EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "workshop_app", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=300,
        )
    finally:
        os.close(write_end)


PRINTING = {
    "info": ["info", "{room}"],
    "info --json": ["info", "{room}", "--json"],
    "import --dry-run": ["import", "{room}", "{roster}", "--dry-run"],
    "export": ["export", "{room}", "--format", "json", "--out", "{folder}/records.json"],
    "check-content": ["check-content"],
    "merge": ["merge", "{folder}/launch.workshop", "{room}"],
}


@pytest.mark.parametrize("kind", PRINTING)
def test_a_reader_that_goes_away_ends_the_command_quietly(
    room: Path, app_data: Path, kind: str
) -> None:
    roster = room.parent / "roster.csv"
    roster.write_text("Role,Name,Email\nMentor,Ada Byron,ada@x.example\n", encoding="utf-8")
    values = {"room": str(room), "roster": str(roster), "folder": str(room.parent)}
    before = digest(room)
    done = run_into_closed_pipe(*(a.format(**values) for a in PRINTING[kind]), data=app_data)
    assert done.stderr == ""
    assert done.returncode == 141  # 128 + SIGPIPE, what a shell reports for `cat` in its place
    assert digest(room) == before
