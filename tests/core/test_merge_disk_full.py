"""`workshop-app merge` onto a full or failing disk: one line that says so, exit 1, and
nothing left in the target folder (no merged file, no temporary file); the inputs unchanged.
A full disk is faked as in `test_disk_full`: `RLIMIT_FSIZE` in the child for a real write
error, `PRAGMA max_page_count` for SQLite's own "database or disk is full"."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.core.demo import create_demo
from workshop_app.core.errors import UserError
from workshop_app.core.merge import write as merge_write
from workshop_app.core.merge.rooms import merge_workshops

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")


@pytest.fixture
def rooms(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "rooms" / "room-a.workshop"
    a.parent.mkdir()
    create_demo(a).close()
    b = a.with_name("room-b.workshop")
    shutil.copy(a, b)
    return a, b


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def merge_cli(*args: str, data: Path, limit: int | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(data), "PYTHONDONTWRITEBYTECODE": "1"}
    code = (
        "import resource, runpy, sys;"
        f" resource.setrlimit(resource.RLIMIT_FSIZE, ({limit or -1}, resource.RLIM_INFINITY));"
        " sys.argv = ['workshop-app', *sys.argv[1:]];"
        " runpy.run_module('workshop_app', run_name='__main__')"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "merge", *args],
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip


@posix_only
@pytest.mark.parametrize("limit", [8_192, 120_000, 290_000])
def test_a_real_write_failure_during_merge_is_one_line_and_leaves_nothing(
    rooms: tuple[Path, Path], tmp_path: Path, limit: int
) -> None:
    a, b = rooms
    out = tmp_path / "out"
    out.mkdir()
    before = digest(a), digest(b)
    done = merge_cli(str(out / "all.workshop"), str(a), str(b), data=tmp_path / "data",
                     limit=limit)  # fmt: skip
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("workshop-app: ") and "all.workshop" in line, line
    assert "nothing was merged" in line
    assert list(out.iterdir()) == []  # no merged file, no temporary one
    assert (digest(a), digest(b)) == before
    again = merge_cli(str(out / "all.workshop"), str(a), str(b), data=tmp_path / "data",
                      limit=None)  # fmt: skip
    assert again.returncode == 0, again.stderr


def test_sqlite_saying_the_disk_is_full_is_one_line(
    rooms: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = merge_write.apply_migrations

    def then_full(conn: sqlite3.Connection) -> None:
        real(conn)
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow any more

    monkeypatch.setattr(merge_write, "apply_migrations", then_full)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError) as raised:
        merge_workshops(out=out / "all.workshop", inputs=list(rooms))
    assert raised.value.message == (
        "The disk holding all.workshop is full: it was not written; nothing was merged."
    )
    assert list(out.iterdir()) == []
