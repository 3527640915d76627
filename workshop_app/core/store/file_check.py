"""Decide whether a file is a workshop this app may open, without changing a byte of it.

Everything here reads: the 100-byte SQLite header first, then, only if that looks right, a
read-only connection for SQLite's own consistency check and a comparison of the tables and
columns with those of the file's format. A file that fails is refused with a message saying
what it is and what to do.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from workshop_app.core.errors import UserError, one_line
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.paths import resolved
from workshop_app.core.store.schema import APPLICATION_ID, TABLES, unknown_migrations

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class Header:
    page_size: int
    page_count: int
    user_version: int
    application_id: int
    wal: bool


def read_header(path: Path) -> Header:
    """The SQLite header of `path`, or a UserError saying why it is not a workshop."""
    name = path.name
    resolved(path)  # a loop of links is named as one, not as a missing file
    if not path.exists():
        raise UserError(_("There is no file {path}.").format(path=path))
    if path.is_dir():
        raise UserError(_("{path} is a folder, not a workshop file.").format(path=path))
    try:
        with open(path, "rb") as handle:
            raw = handle.read(100)
    except PermissionError as exc:
        raise UserError(_("You do not have permission to read {path}.").format(path=path)) from exc
    except OSError as exc:
        raise UserError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc
    if not raw:
        raise UserError(
            _("{name} is empty: it is not a workshop file (or it was never saved).").format(
                name=name
            )
        )
    if not raw.startswith(SQLITE_MAGIC):
        raise UserError(
            _(
                "{name} is not a workshop file (it is not a SQLite database). "
                "Check that you picked the right file."
            ).format(name=name)
        )
    if len(raw) < 100:
        raise UserError(
            ngettext(
                "{name} is damaged: it is cut short ({n} byte).",
                "{name} is damaged: it is cut short ({n} bytes).",
                len(raw),
            ).format(name=name, n=len(raw))
        )
    (page_size,) = struct.unpack(">H", raw[16:18])
    page_size = 65536 if page_size == 1 else page_size
    write_version, read_version = raw[18], raw[19]
    (page_count,) = struct.unpack(">I", raw[28:32])
    (user_version,) = struct.unpack(">I", raw[60:64])
    (application_id,) = struct.unpack(">I", raw[68:72])
    return Header(
        page_size=page_size,
        page_count=page_count,
        user_version=user_version,
        application_id=application_id,
        wal=write_version == 2 or read_version == 2,
    )


def check_workshop_file(path: Path, *, schema_version: int) -> Header:
    """Refuse anything that is not an intact workshop of a version this app can read."""
    header = read_header(path)
    name = path.name
    size = path.stat().st_size
    wal_file = path.with_name(path.name + "-wal")
    if not wal_file.exists() and size < header.page_size * header.page_count:
        raise UserError(
            _(
                "{name} is damaged: it is shorter than it should be (truncated). "
                "Restore it from a backup; the file has not been changed."
            ).format(name=name)
        )
    # While another process has the file open, the newest header may still be in the WAL:
    # ask SQLite (read-only) rather than trusting the bytes on disk.
    application_id, user_version = _read_pragmas(path)
    header = Header(
        page_size=header.page_size,
        page_count=header.page_count,
        user_version=user_version,
        application_id=application_id,
        wal=header.wal,
    )
    if header.application_id != APPLICATION_ID:
        raise UserError(
            _(
                "{name} is a SQLite database but not a workshop file. "
                "Open a .workshop file made by this app."
            ).format(name=name)
        )
    if header.user_version > schema_version:
        raise UserError(
            _(
                "{name} was saved by a newer version of the workshop app (file format "
                "{format}, this app reads up to {newest}). "
                "Update the app to open it; the file has not been changed."
            ).format(name=name, format=header.user_version, newest=schema_version)
        )
    _integrity(path, header.user_version)
    return header


def check_writable(path: Path) -> None:
    """Refuse to open for writing a file that cannot be written. SQLite would open it anyway,
    silently read-only, and every edit typed into the app would then fail to save."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        raise UserError(
            _(
                "{name} is read-only (the file or its folder {folder} cannot be "
                "written). Copy it to a folder you can write to and open the copy; "
                "the file has not been changed."
            ).format(name=path.name, folder=path.parent)
        )


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, and leaves no -wal/-shm files behind when none exist.

    With no WAL file beside it, nothing is pending and the file can be read as immutable;
    a WAL-mode file opened merely read-only would otherwise get new -wal/-shm companions.
    """
    uri = f"file:{quote(str(resolved(path)))}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    # Like a writer's connection: the app may open a big file on a worker thread and hand it
    # to the GUI thread (one thread uses it at a time).
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.text_factory = stored_text
    return conn


def stored_text(data: bytes) -> str:
    """How every connection to a workshop reads a stored text: as UTF-8, with any bytes that
    are not UTF-8 read as U+FFFD (the replacement character, shown as a question mark).

    The app only ever writes UTF-8, but SQLite stores whatever it is given, so another
    program or a flipped bit can leave invalid bytes, which quick_check does not look at and
    Python's default refuses at the first read ("Could not decode to UTF-8"), in the middle
    of an export, a print or a merge. Read this way, the damage shows where it is and
    everything else stays usable, the live workshop included; the bytes on disk are not
    changed by reading, and are only replaced when someone retypes that value. (Refusing such
    a file instead would lock a trainer out of a whole workshop over one character, and
    finding the bytes means decoding every text in the file at each open: about half a second
    for 2,500 pairs, three times the whole open.)
    """
    return data.decode("utf-8", "replace")


@contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to `path`, closed after use. SQLite failing to read the file
    (a damaged page, a schema it cannot parse) is the file's damage, said in one line."""
    try:
        conn = read_only_connection(path)
        try:
            yield conn
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(
            _(
                "{name} is damaged and cannot be read ({reason}). "
                "Restore it from a backup; the file has not been changed."
            ).format(name=path.name, reason=one_line(str(exc)))
        ) from exc


def _read_pragmas(path: Path) -> tuple[int, int]:
    with _reading(path) as conn:
        (application_id,) = conn.execute("PRAGMA application_id").fetchone()
        (user_version,) = conn.execute("PRAGMA user_version").fetchone()
    return application_id, user_version


def _integrity(path: Path, user_version: int) -> None:
    with _reading(path) as conn:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            # SQLite reports one problem per line, after a "*** in database main ***" heading.
            found = [
                line.strip()
                for (text,) in rows
                for line in str(text).splitlines()
                if line.strip() and not line.startswith("***")
            ]
            raise UserError(
                _(
                    "{name} is damaged ({problem}). "
                    "Restore it from a backup; the file has not been changed."
                ).format(
                    name=path.name, problem=_first_of(found or [_("consistency check failed")])
                )
            )
        # Before the tables: a newer app's migration may have added some.
        refuse_newer_migrations(path, conn)
        # Format 0 is a file whose creation stopped before its first migration: no tables yet.
        if user_version and (problems := schema_problems(conn, user_version)):
            raise UserError(
                _(
                    "{name} is damaged: {problem}. "
                    "Restore it from a backup; the file has not been changed."
                ).format(name=path.name, problem=_first_of(problems))
            )
        if not _has_workshop_record(conn):
            raise UserError(
                _(
                    "{name} is incomplete: the app stopped while creating it, before "
                    "anything was saved in it. Create the workshop again; the file has not been "
                    "changed."
                ).format(name=path.name)
            )


def _first_of(problems: list[str]) -> str:
    """The first problem and how many more: the message stays one line (the CLI prints it as
    one)."""
    first = one_line(problems[0])
    if len(problems) == 1:
        return first
    more = len(problems) - 1
    return ngettext(
        "{problem}, and {n} more problem", "{problem}, and {n} more problems", more
    ).format(problem=first, n=more)


def refuse_newer_migrations(path: Path, conn: sqlite3.Connection) -> None:
    """A newer app may add a migration without changing `user_version`; its file is refused
    for reading too, since this app would misread what the migration changed."""
    if unknown_migrations(conn):
        raise UserError(
            _(
                "{name} was saved by a newer version of the workshop app. "
                "Update the app to open it; the file has not been changed."
            ).format(name=path.name)
        )


def schema_problems(conn: sqlite3.Connection, user_version: int) -> list[str]:
    """What differs between the file's tables and columns and those of its format, in the
    order of its tables. SQLite checks that the schema parses (quick_check) but not that it is
    the app's, and a column renamed or dropped in `sqlite_master` (PRAGMA writable_schema)
    would otherwise surface as "no such column" in the middle of an export or a merge.

    A column the format does not have is refused too, at the file's own version: nothing this
    app writes adds one, so it was made outside the app, and a merge copies whole rows. Tables
    the format does not have are left alone: nothing reads them. (A newer app's tables and
    columns come with a newer version or migration, refused before this is asked.)"""
    expected = TABLES[user_version]
    found: dict[str, list[str]] = {}
    # One query for every table (pragma_table_info as a table-valued function): about a
    # millisecond whatever the number of pairs, since it reads only the schema.
    for table, column in conn.execute(
        "SELECT m.name, c.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c"
        " WHERE m.type = 'table' ORDER BY m.name, c.cid"
    ):
        found.setdefault(table, []).append(column)
    problems = []
    for table, columns in expected.items():
        actual = found.get(table)
        if actual is None:
            problems.append(_("its table {table} is missing").format(table=table))
            continue
        # A column renamed is one problem, said as one: what is missing and what is there.
        renamed = {
            want: got
            for want, got in zip(columns, actual, strict=False)
            if len(actual) == len(columns) and want not in actual and got not in columns
        }
        problems += [
            _("its table {table} lacks the column {column} ({other} in its place)").format(
                table=table, column=c, other=one_line(renamed[c], limit=60)
            )
            if c in renamed
            else _("its table {table} lacks the column {column}").format(table=table, column=c)
            for c in columns
            if c not in actual
        ]
        problems += [
            _("its table {table} has a column {column} that format {format} does not have").format(
                table=table, column=one_line(c, limit=60), format=user_version
            )
            for c in actual
            if c not in columns and c not in renamed.values()
        ]
        if set(actual) == set(columns) and tuple(actual) != columns:
            # Rows are stored by position: swapped names would read one field as another.
            problems.append(
                _("its table {table} has its columns in another order").format(table=table)
            )
    return problems


def _has_workshop_record(conn: sqlite3.Connection) -> bool:
    """Whether the file holds its workshop record (written last when a file is created)."""
    try:
        (count,) = conn.execute("SELECT count(*) FROM workshop").fetchone()
    except sqlite3.OperationalError:  # no workshop table: creation stopped even earlier
        return False
    return bool(count)
