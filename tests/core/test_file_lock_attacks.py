"""The writer lock under attack: a planted lock file (a symbolic link, a hard link, a FIFO, a
folder), a lock file deleted while the workshop is open, a lock file nobody can write.

Each is refused with one line that names the lock file and says what is wrong; no file the
lock file points at is ever written; a second writer never gets in.
"""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from bad_files import make_workshop
from cli_runner import run, unprivileged

from workshop_app.core.errors import UserError
from workshop_app.core.store import file_lock
from workshop_app.core.store.file_lock import LockedError, lock_holder, lock_path
from workshop_app.core.store.workshop_file import WorkshopFile

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links, FIFOs and modes")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def room(tmp_path: Path) -> Path:
    folder = tmp_path / "room"
    folder.mkdir()
    return make_workshop(folder / "room.workshop")


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text("Role,Name,Email,Pair\nMentor,Ada Byron,ada@x.example,Q1\n", encoding="utf-8")
    return path


def assert_one_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]


# -- a planted lock file ---------------------------------------------------------------------


@posix_only
def test_a_lock_file_that_is_a_symlink_never_gets_its_target_written(
    room: Path, roster: Path, app_data: Path
) -> None:
    victim = room.parent.parent / "victim.txt"
    victim.write_text("the victim's own text\n", encoding="utf-8")
    lock_path(room).symlink_to(victim)
    before = digest(room)
    assert_one_line(
        run("import", str(room), str(roster), data=app_data),
        "room.workshop.lock",
        "symbolic link",
    )
    assert victim.read_text(encoding="utf-8") == "the victim's own text\n"
    assert digest(room) == before
    assert lock_path(room).is_symlink()  # refused, not "repaired" behind the person's back
    with pytest.raises(UserError, match="symbolic link"):
        WorkshopFile.open(room)
    assert victim.read_text(encoding="utf-8") == "the victim's own text\n"


@posix_only
def test_a_lock_file_that_is_a_dangling_symlink_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "made-by-the-app.txt"
    target.parent.mkdir()
    path = tmp_path / "new.workshop"
    lock_path(path).symlink_to(target)
    with pytest.raises(UserError, match="symbolic link"):
        WorkshopFile.create(path, program="P", organisation="O", date="2027-01-19")
    assert not target.exists()
    assert not path.exists()


@posix_only
def test_a_lock_file_hard_linked_to_another_file_is_not_overwritten(room: Path) -> None:
    victim = room.parent.parent / "victim.txt"
    victim.write_text("the victim's own text\n", encoding="utf-8")
    os.link(victim, lock_path(room))
    with pytest.raises(UserError) as caught:
        WorkshopFile.open(room)
    assert "room.workshop.lock is not a lock file this app made" in caught.value.message
    assert victim.read_text(encoding="utf-8") == "the victim's own text\n"


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_lock_file_that_is_not_a_file_is_refused(room: Path, kind: str) -> None:
    planted = lock_path(room)
    if kind == "fifo":
        os.mkfifo(planted)
    else:
        planted.mkdir()
    with pytest.raises(UserError) as caught:
        WorkshopFile.open(room)
    assert "room.workshop.lock" in caught.value.message
    assert "\n" not in caught.value.message
    assert planted.exists()


# -- a lock file deleted under its holder --------------------------------------------------


@pytest.fixture
def writer_elsewhere(room: Path) -> Iterator[subprocess.Popen[str]]:
    """`room`, open for writing in another process, as the app has it; it saves one change
    when told to, and closes."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys
            from workshop_app.core.store.workshop_file import WorkshopFile
            wf = WorkshopFile.open({str(room)!r})
            print("open", flush=True)
            sys.stdin.readline()
            wf.set_workshop_field("venue", "Saved by the first window")
            wf.close()
            print("closed", flush=True)
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    yield child
    if child.poll() is None:
        child.kill()
        child.communicate(timeout=30)


@posix_only
def test_deleting_the_lock_file_of_an_open_workshop_lets_no_second_writer_in(
    room: Path, writer_elsewhere: subprocess.Popen[str]
) -> None:
    lock_path(room).unlink()
    with pytest.raises(LockedError) as caught:
        WorkshopFile.open(room)
    assert caught.value.message == (
        "room.workshop is already open in another program (its lock file room.workshop.lock "
        "was deleted). Close it there first; two windows writing to one workshop would mix up "
        "their changes."
    )
    assert not lock_path(room).exists()  # the refused writer left nothing behind
    # Reading is still allowed, and the first window goes on saving.
    with WorkshopFile.open(room, readonly=True) as reader:
        assert reader.workshop().program == "P"
    out, _ = writer_elsewhere.communicate("save\n", timeout=30)
    assert out.strip() == "closed" and writer_elsewhere.returncode == 0
    with WorkshopFile.open(room) as wf:  # the first window closed: free again
        assert wf.workshop().venue == "Saved by the first window"


@posix_only
def test_deleting_the_lock_file_is_refused_through_the_real_cli(
    room: Path, roster: Path, app_data: Path, writer_elsewhere: subprocess.Popen[str]
) -> None:
    lock_path(room).unlink()
    before = digest(room)
    assert_one_line(
        run("import", str(room), str(roster), data=app_data),
        "room.workshop is already open in another program",
        "room.workshop.lock was deleted",
    )
    assert digest(room) == before


def test_deleting_the_lock_file_in_the_same_process_lets_no_second_writer_in(
    room: Path,
) -> None:
    with WorkshopFile.open(room) as first:
        lock_path(room).unlink()
        with pytest.raises(LockedError, match="was deleted"):
            WorkshopFile.open(room)
        # The refusal did not disturb the first writer's own connection.
        first.set_workshop_field("venue", "Still saving")
    with WorkshopFile.open(room) as wf:
        assert wf.workshop().venue == "Still saving"


def test_the_holder_is_named_while_its_lock_file_is_there(room: Path) -> None:
    with WorkshopFile.open(room):
        holder = lock_holder(room)
        assert holder is not None and holder.startswith(f"workshop-app (process {os.getpid()}")
    assert lock_holder(room) is None
    assert not lock_path(room).exists()


# -- a lock file that cannot be written ------------------------------------------------------


def refuse_writing_the_lock_file(monkeypatch: pytest.MonkeyPatch, room: Path) -> None:
    """As if the lock file had mode 444 (root, who runs the tests, ignores modes): opening
    it for writing is refused by the OS, opening it for reading is not."""
    real_open = os.open

    def open_(file: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if Path(file) == lock_path(room) and flags & (os.O_RDWR | os.O_WRONLY):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(file_lock.os, "open", open_)


def test_an_unwritable_lock_file_is_named_not_the_folder(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_path(room).write_text("left behind\n", encoding="utf-8")
    lock_path(room).chmod(0o444)
    refuse_writing_the_lock_file(monkeypatch, room)
    before = digest(room)
    with pytest.raises(UserError) as caught:
        WorkshopFile.open(room)
    assert caught.value.message == (
        "Cannot open room.workshop for writing: its lock file room.workshop.lock is read-only "
        "for you. If the workshop is not open anywhere, delete the lock file, then try again."
    )
    assert digest(room) == before


def test_an_unwritable_lock_file_held_by_another_account_names_the_holder(
    room: Path, monkeypatch: pytest.MonkeyPatch, writer_elsewhere: subprocess.Popen[str]
) -> None:
    refuse_writing_the_lock_file(monkeypatch, room)
    with pytest.raises(LockedError, match=r"already open in workshop-app \(process"):
        WorkshopFile.open(room)


def test_an_unwritable_lock_file_for_real(room: Path, roster: Path, app_data: Path) -> None:
    lock_path(room).write_text("left behind\n", encoding="utf-8")
    lock_path(room).chmod(0o444)
    before = digest(room)
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(app_data), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [*unprivileged(), sys.executable, "-m", "workshop_app", "import", str(room), str(roster)],
        capture_output=True,
        text=True,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert_one_line(done, "its lock file room.workshop.lock is read-only for you")
    assert "folder" not in done.stderr
    assert digest(room) == before
    assert lock_path(room).read_text(encoding="utf-8") == "left behind\n"
