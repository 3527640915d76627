"""Restoring a backup: refused while the workshop is open, undoable, never half done."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.core.errors import UserError
from workshop_app.core.store import backups
from workshop_app.core.store.backups import list_backups, restore_backup
from workshop_app.core.store.schema import schema_version
from workshop_app.core.store.workshop_file import WorkshopFile


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def purpose(path: Path) -> str:
    with WorkshopFile.open(path, readonly=True) as wf:
        return wf.charters.charter(wf.roster.pairs()[0].id).value("purpose")


def set_purpose(path: Path, value: str) -> None:
    with WorkshopFile.open(path) as wf:
        wf.charters.set_field(wf.roster.pairs()[0].id, "purpose", value)


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    """A workshop with three backups: purposes 'one', 'two', 'three' (newest last)."""
    path = tmp_path / "room.workshop"
    with WorkshopFile.create(path, program="P", organisation="O", date="2027-01-19") as wf:
        a = wf.roster.add_participant(role="mentor", name="Ana Souza", email="ana@x.example")
        b = wf.roster.add_participant(role="mentee", name="Bo Li", email="bo@x.example")
        pair = wf.roster.make_pair(a.id, b.id)
        wf.charters.set_field(pair.id, "purpose", "one")
    for value in ("two", "three", "now"):
        set_purpose(path, value)  # each open backs up the state before it
    return path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_restore_puts_the_backup_back_and_can_be_undone(workshop: Path) -> None:
    found = list_backups(workshop)
    assert [purpose(b.path) for b in found] == ["three", "two", "one"]  # newest first, timed
    assert found[0].taken_at > found[1].taken_at > found[2].taken_at
    beside = listing(workshop.parent)

    undo = restore_backup(workshop=workshop, backup=found[1].path)

    assert purpose(workshop) == "two"
    assert purpose(undo) == "now"  # what was replaced is kept...
    assert list_backups(workshop)[0].path == undo  # ...as the newest backup
    assert listing(workshop.parent) == beside  # no temporary files, no stale -wal/-shm
    with WorkshopFile.open(workshop) as wf:  # the app opens it and can write to it
        assert wf.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert wf.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        wf.charters.set_field(wf.roster.pairs()[0].id, "purpose", "after the restore")

    restore_backup(workshop=workshop, backup=undo)  # undo the restore
    assert purpose(workshop) == "now"


def test_restore_is_refused_while_the_workshop_is_open(workshop: Path) -> None:
    before = digest(workshop)
    backup = list_backups(workshop)[-1].path
    with WorkshopFile.open(workshop), pytest.raises(UserError, match="already open"):
        restore_backup(workshop=workshop, backup=backup)
    assert digest(workshop) == before
    assert purpose(workshop) == "now"


def test_restore_is_refused_while_another_process_has_it_open(workshop: Path) -> None:
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from workshop_app.core.store.workshop_file import WorkshopFile as W;"
            f" w = W.open({str(workshop)!r}); print('open', flush=True); sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "open"
        with pytest.raises(UserError, match="already open in workshop-app"):
            restore_backup(workshop=workshop, backup=list_backups(workshop)[-1].path)
    finally:
        child.communicate("done\n", timeout=30)
    assert purpose(workshop) == "now"


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_truncated, "damaged"),
        (lambda p: p.write_bytes(os.urandom(8192)), "not a workshop file"),
        (_foreign, "not a workshop file"),
        (_newer, "newer version"),
        (lambda p: p.unlink(), "There is no file"),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    workshop: Path, tmp_path: Path, spoil, message: str
) -> None:
    bad = tmp_path / "bad-backup.workshop"
    bad.write_bytes(list_backups(workshop)[0].path.read_bytes())
    spoil(bad)
    before, beside = digest(workshop), listing(workshop.parent)
    count = len(list_backups(workshop))
    with pytest.raises(UserError, match=message) as caught:
        restore_backup(workshop=workshop, backup=bad)
    assert "cannot be restored" in caught.value.message
    assert "room.workshop has not been changed" in caught.value.message
    assert digest(workshop) == before
    assert listing(workshop.parent) == beside
    assert len(list_backups(workshop)) == count
    WorkshopFile.open(workshop).close()  # not left locked


def test_restore_refuses_the_workshop_itself_and_a_missing_workshop(
    workshop: Path, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="the workshop itself"):
        restore_backup(workshop=workshop, backup=workshop)
    with pytest.raises(UserError, match="no workshop file"):
        restore_backup(workshop=tmp_path / "gone.workshop", backup=list_backups(workshop)[0].path)


def test_edits_left_in_the_wal_by_a_crash_are_kept_before_restoring(workshop: Path) -> None:
    """A crashed app leaves its last edits in -wal: they go into the undo backup, and the
    stale -wal/-shm never get replayed onto the restored file."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from workshop_app.core.store.workshop_file import WorkshopFile as W;"
            f" w = W.open({str(workshop)!r});"
            " w.charters.set_field(w.roster.pairs()[0].id, 'purpose', 'typed before the crash');"
            " print('saved', flush=True); import time; time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "saved"
    child.kill()
    child.wait()
    child.stdout.close()
    wal = workshop.with_name(workshop.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0

    undo = restore_backup(workshop=workshop, backup=list_backups(workshop)[-1].path)

    assert not wal.exists()
    assert not workshop.with_name(workshop.name + "-shm").exists()
    assert purpose(workshop) == "one"
    assert purpose(undo) == "typed before the crash"


def test_a_damaged_workshop_is_kept_byte_for_byte(workshop: Path) -> None:
    _truncated(workshop)
    damaged = workshop.read_bytes()
    undo = restore_backup(workshop=workshop, backup=list_backups(workshop)[0].path)
    assert undo.name.endswith("_before-restore.kept")
    assert undo.read_bytes() == damaged
    assert undo not in [b.path for b in list_backups(workshop)]  # not offered as a backup
    assert purpose(workshop) == "three"


def test_the_oldest_backup_can_be_restored_when_the_folder_is_full(workshop: Path) -> None:
    for i in range(backups.KEEP):
        set_purpose(workshop, f"edit {i}")
    kept = list_backups(workshop)
    assert len(kept) == backups.KEEP
    oldest = kept[-1]
    expected = purpose(oldest.path)
    restore_backup(workshop=workshop, backup=oldest.path)  # the undo copy prunes the oldest
    assert purpose(workshop) == expected
    assert len(list_backups(workshop)) == backups.KEEP


def test_a_failure_while_replacing_changes_nothing(
    workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, beside = digest(workshop), listing(workshop.parent)

    real_replace = os.replace

    def full(source: object, target: object) -> None:
        if Path(str(target)) == workshop:
            raise OSError(28, "No space left on device")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(backups.os, "replace", full)
    with pytest.raises(UserError, match="has not been changed"):
        restore_backup(workshop=workshop, backup=list_backups(workshop)[-1].path)
    monkeypatch.undo()
    assert digest(workshop) == before
    assert listing(workshop.parent) == beside
    assert purpose(workshop) == "now"


def test_a_full_disk_while_copying_changes_nothing(
    workshop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, beside = digest(workshop), listing(workshop.parent)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups.tempfile, "mkstemp", refuse)
    with pytest.raises(UserError, match="No space left"):
        restore_backup(workshop=workshop, backup=list_backups(workshop)[-1].path)
    monkeypatch.undo()
    assert digest(workshop) == before
    assert listing(workshop.parent) == beside


def test_a_backup_interrupted_by_a_crash_is_cleaned_up(workshop: Path) -> None:
    folder = backups.folder_for(workshop)
    (folder / "room_20270101T000000000000Z_v2s9.partial").write_bytes(b"half a copy")
    (folder / "room_20270101T000000000000Z_v2s9.partial-journal").write_bytes(b"x")
    set_purpose(workshop, "reopened")  # the next open for writing takes a backup
    assert not list(folder.glob("*.partial*"))


def test_restore_waits_for_a_reader_to_finish(workshop: Path) -> None:
    """A program in the middle of reading the WAL (say `workshop-app export`) keeps it: the
    restore is refused until it is done rather than pulling the -wal from under it."""
    reader = sqlite3.connect(workshop, isolation_level=None)
    try:
        writer = sqlite3.connect(workshop, isolation_level=None)
        writer.execute("UPDATE charters SET purpose = 'in the wal'")
        reader.execute("BEGIN")
        reader.execute("SELECT purpose FROM charters").fetchone()  # a snapshot in the WAL
        writer.close()
        with pytest.raises(UserError, match="being read by another program"):
            restore_backup(workshop=workshop, backup=list_backups(workshop)[-1].path)
        reader.execute("COMMIT")
    finally:
        reader.close()
    assert purpose(workshop) == "in the wal"
    restore_backup(workshop=workshop, backup=list_backups(workshop)[-1].path)
    assert purpose(workshop) == "one"
