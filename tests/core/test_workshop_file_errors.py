"""SQLite's errors, sorted by SQLite's own error code: what the disk or the file refused is the
person's (one line naming the file), anything else is a bug in the app and propagates as it
is, to be logged with its traceback (never dressed up as "Could not save").

Every error here is a real one raised by SQLite on the workshop's own connection, never one
constructed by the test: the mapping reads the code SQLite attached to it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from bad_files import make_workshop

from workshop_app.core.errors import UserError
from workshop_app.core.store import schema, workshop_file
from workshop_app.core.store.schema import migration
from workshop_app.core.store.workshop_file import WorkshopFile


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _full(wf: WorkshopFile, tmp: Path) -> None:
    (pages,) = wf.conn.execute("PRAGMA page_count").fetchone()
    wf.conn.execute(f"PRAGMA max_page_count = {pages}")
    wf.set_workshop_field("venue", "A long venue. " * 5000)


def _read_only(wf: WorkshopFile, tmp: Path) -> None:
    wf.conn.execute("PRAGMA query_only = ON")
    wf.set_workshop_field("venue", "Room 4")


def _busy(wf: WorkshopFile, tmp: Path) -> None:
    other = sqlite3.connect(wf.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing right now
    wf.conn.execute("PRAGMA busy_timeout = 0")
    try:
        wf.set_workshop_field("venue", "Room 4")
    finally:
        other.close()


def _attached(make: Callable[[Path], None]) -> Callable[[WorkshopFile, Path], None]:
    """Read a second database through the workshop's connection, inside a change."""

    def edit(wf: WorkshopFile, tmp: Path) -> None:
        other = tmp / "sub" / "other.db"
        make(other)
        with wf.transaction():
            wf.conn.execute("ATTACH DATABASE ? AS other", (str(other),))
            wf.conn.execute("SELECT count(*) FROM other.sqlite_master").fetchone()

    return edit


def _text_file(path: Path) -> None:
    path.parent.mkdir()
    path.write_text("This is a text file, not a database. " * 200)


def _damaged(path: Path) -> None:
    path.parent.mkdir()
    make_workshop(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema page's cells
    path.write_bytes(bytes(data))


USER_ERRORS = {
    "disk full (SQLITE_FULL)": (_full, "The disk holding room.workshop is full"),
    "read-only (SQLITE_READONLY)": (_read_only, "room.workshop cannot be written (read-only"),
    "busy (SQLITE_BUSY)": (_busy, "room.workshop is busy in another program"),
    "cannot open (SQLITE_CANTOPEN)": (_attached(lambda p: None), "cannot be opened"),
    "not a database (SQLITE_NOTADB)": (_attached(_text_file), "room.workshop is damaged"),
    "corrupt (SQLITE_CORRUPT)": (_attached(_damaged), "room.workshop is damaged"),
}


@pytest.mark.parametrize("kind", list(USER_ERRORS))
def test_what_the_disk_or_file_refused_is_one_line_for_a_person(tmp_path: Path, kind: str) -> None:
    make, words = USER_ERRORS[kind]
    path = make_workshop(tmp_path / "room.workshop")
    with WorkshopFile.open(path) as wf:
        with pytest.raises(UserError) as caught:
            make(wf, tmp_path)
        message = caught.value.message
        assert words in message
        assert message.endswith(": the last change was not saved.")
        assert "\n" not in message
        assert isinstance(caught.value.__cause__, sqlite3.DatabaseError)
        assert not wf.conn.in_transaction
    with WorkshopFile.open(path, readonly=True) as wf:
        assert wf.workshop().venue == ""  # nothing of the refused change went in


BUGS: dict[str, tuple[Callable[[WorkshopFile], object], type[Exception], str]] = {
    "no such column": (
        lambda wf: wf.conn.execute("UPDATE workshop SET no_such_column = 1"),
        sqlite3.OperationalError,
        "no such column",
    ),
    "syntax error": (
        lambda wf: wf.conn.execute("UPDTE workshop SET venue = 'x'"),
        sqlite3.OperationalError,
        "syntax error",
    ),
    "no such table": (
        lambda wf: wf.conn.execute("SELECT * FROM no_such_table"),
        sqlite3.OperationalError,
        "no such table",
    ),
    "a broken constraint": (
        lambda wf: wf.conn.execute(
            "INSERT INTO workshop (id, updated_at) SELECT id, 'x' FROM workshop"
        ),
        sqlite3.IntegrityError,
        "UNIQUE",
    ),
}


@pytest.mark.parametrize("kind", list(BUGS))
def test_a_programming_error_is_a_bug_not_a_message(tmp_path: Path, kind: str) -> None:
    run, error, words = BUGS[kind]
    path = make_workshop(tmp_path / "room.workshop")
    with WorkshopFile.open(path) as wf:
        with pytest.raises(error, match=words) as caught, wf.transaction():
            wf.set_workshop_field("venue", "Room 4")
            run(wf)
        assert not isinstance(caught.value, UserError)
        assert not wf.conn.in_transaction
        assert wf.workshop().venue == ""  # the change it was part of was rolled back


def test_a_bug_while_opening_propagates_and_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_workshop(tmp_path / "room.workshop")
    before = digest(path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("SELECT no_such_column FROM workshop")

    monkeypatch.setattr(workshop_file, "_configure", broken)
    with pytest.raises(sqlite3.OperationalError, match="no such column"):
        WorkshopFile.open(path)
    monkeypatch.undo()
    assert digest(path) == before
    WorkshopFile.open(path).close()  # not left locked


def test_a_bug_in_a_migration_of_a_new_file_propagates_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    @migration(name="0999_test_typo")
    def _typo(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE pairs ADD COLUMN room TEXT")
        db.execute("UPDATE pairs SET rooom = ''")

    path = tmp_path / "room.workshop"
    try:
        with pytest.raises(sqlite3.OperationalError, match="no such column"):
            WorkshopFile.create(path, program="P", organisation="O", date="2027-01-19")
    finally:
        schema._MIGRATIONS.pop()
    assert list(tmp_path.iterdir()) == []  # no half-made file, no lock file
    WorkshopFile.create(path, program="P", organisation="O", date="2027-01-19").close()


def test_a_full_disk_while_opening_is_a_message(tmp_path: Path) -> None:
    """An upgrade that meets a full disk: the file is not opened, and it is as it was."""
    path = make_workshop(tmp_path / "room.workshop")

    @migration(name="0999_test_grow")
    def _grow(db) -> None:  # type: ignore[no-untyped-def]
        (pages,) = db.execute("PRAGMA page_count").fetchone()
        db.execute(f"PRAGMA max_page_count = {pages}")
        db.execute("CREATE TABLE big (x TEXT)")
        db.execute("INSERT INTO big VALUES (?)", ["x" * 100_000])

    try:
        with pytest.raises(UserError) as caught:
            WorkshopFile.open(path)
    finally:
        schema._MIGRATIONS.pop()
    assert caught.value.message == "The disk holding room.workshop is full: it was not opened."
    with WorkshopFile.open(path, readonly=True) as wf:
        assert "big" not in wf.db.table_names()
    WorkshopFile.open(path).close()  # not left locked


def test_a_full_disk_while_creating_is_a_message_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_configure = workshop_file._configure

    def small_disk(conn: sqlite3.Connection) -> None:
        real_configure(conn)
        conn.execute("PRAGMA max_page_count = 2")  # full long before the schema fits

    monkeypatch.setattr(workshop_file, "_configure", small_disk)
    path = tmp_path / "room.workshop"
    with pytest.raises(UserError) as caught:
        WorkshopFile.create(path, program="P", organisation="O", date="2027-01-19")
    assert caught.value.message == (
        "The disk holding room.workshop is full: the workshop was not created."
    )
    assert list(tmp_path.iterdir()) == []
