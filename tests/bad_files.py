"""Workshop files an app must refuse, each with the words its message must contain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workshop_app.core.store.schema import schema_version
from workshop_app.core.store.workshop_file import WorkshopFile


def make_workshop(path: Path) -> Path:
    with WorkshopFile.create(path, program="P", organisation="O", date="2027-01-19") as wf:
        a = wf.roster.add_participant(role="mentor", name="Ana Souza", email="ana@x.example")
        b = wf.roster.add_participant(role="mentee", name="Bo Li", email="bo@x.example")
        pair = wf.roster.make_pair(a.id, b.id)
        wf.charters.set_field(pair.id, "purpose", "Grow as a leader")
    return path


def _other_sqlite(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('x')")
    conn.commit()
    conn.close()
    return path


def _newer(path: Path) -> Path:
    make_workshop(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema_version() + 5}")
    conn.commit()
    conn.close()
    return path


def _truncated(fraction: float):
    def make(path: Path) -> Path:
        make_workshop(path)
        data = path.read_bytes()
        path.write_bytes(data[: max(100, int(len(data) * fraction))])
        return path

    return make


def _column_renamed(path: Path) -> Path:
    """`code` renamed to `kode` in sqlite_master: SQLite's own check passes, reads fail."""
    make_workshop(path)
    conn = sqlite3.connect(path)
    conn.executescript(
        "PRAGMA writable_schema = ON;"
        " UPDATE sqlite_master SET sql = replace(sql, 'code TEXT', 'kode TEXT')"
        " WHERE name = 'pairs'; PRAGMA writable_schema = OFF;"
    )
    conn.close()
    return path


BAD_FILES = {
    "empty": (lambda p: (p.write_bytes(b""), p)[1], "empty"),
    "text": (lambda p: (p.write_text("program,pairs\nx,1\n"), p)[1], "not a SQLite database"),
    "random bytes": (lambda p: (p.write_bytes(bytes(range(256)) * 40), p)[1], "not a SQLite"),
    "header only": (
        lambda p: (p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20), p)[1],
        "cut short",
    ),
    "other sqlite": (_other_sqlite, "SQLite database but not a workshop"),
    "newer version": (_newer, "newer version"),
    "truncated at 30%": (_truncated(0.3), "damaged"),
    "truncated at 70%": (_truncated(0.7), "damaged"),
    "a column renamed": (_column_renamed, "damaged: its table pairs lacks the column code"),
}
