"""Stored text that is not UTF-8 (put there by another program, or a flipped bit), through the
real `workshop-app` command.

SQLite stores any bytes and its consistency check does not look at them; Python's sqlite3
refuses them at the first read. Every command reads them as U+FFFD instead (see
`file_check.stored_text`): no traceback, the rest of the workshop exported, printed and merged
whole, and the damaged bytes left as they are on disk until someone retypes the value.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from bad_files import make_workshop
from cli_runner import run

BROKEN = b"Grow \xff as a \xc3 leader \xe2\x82"  # a stray byte, and two sequences cut short
READ_AS = "Grow \ufffd as a \ufffd leader \ufffd"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path) -> Path:
    """Invalid UTF-8 in a charter field, a participant's name, the workshop's venue and the
    audit trail, written as raw bytes cast to text (what another program could do)."""
    conn = sqlite3.connect(path)
    with conn:
        for sql in (
            "UPDATE charters SET purpose = CAST(? AS TEXT)",
            "UPDATE participants SET name = CAST(? AS TEXT) WHERE email = 'ana@x.example'",
            "UPDATE workshop SET venue = CAST(? AS TEXT)",
            "UPDATE audit SET new_value = CAST(? AS TEXT) WHERE seq = (SELECT max(seq) FROM audit)",
        ):
            conn.execute(sql, (BROKEN,))
    conn.close()
    return path


def stored_bytes(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.text_factory = bytes
    (value,) = conn.execute("SELECT purpose FROM charters").fetchone()
    conn.close()
    return value  # type: ignore[no-any-return]


@pytest.fixture
def room(tmp_path: Path) -> Path:
    folder = tmp_path / "room"
    folder.mkdir()
    return damage(make_workshop(folder / "room.workshop"))


def assert_done(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, (done.returncode, done.stderr)
    assert done.stderr == ""


def test_info_shows_the_damaged_text_as_replacement_characters(room: Path, app_data: Path) -> None:
    before = digest(room)
    done = run("info", str(room), "--json", data=app_data)
    assert_done(done)
    assert READ_AS in done.stdout  # Ana's name
    assert digest(room) == before


@pytest.mark.parametrize("format", ["json", "csv", "xlsx"])
def test_export_writes_everything_with_the_damage_marked(
    room: Path, app_data: Path, tmp_path: Path, format: str
) -> None:
    before = digest(room)
    out = tmp_path / f"records.{'zip' if format == 'csv' else format}"
    done = run(
        "export", str(room), "--format", format, "--out", str(out),
        "--include-confidential", data=app_data,
    )  # fmt: skip
    assert_done(done)
    assert out.stat().st_size > 0
    if format == "json":
        records = json.loads(out.read_text(encoding="utf-8"))
        assert READ_AS in json.dumps(records, ensure_ascii=False)
    assert digest(room) == before


def test_charters_print_with_the_damage_marked(room: Path, app_data: Path, tmp_path: Path) -> None:
    before = digest(room)
    done = run("charters", str(room), "--out", str(tmp_path / "printed"), data=app_data)
    assert_done(done)
    printed = list((tmp_path / "printed").glob("*.pdf"))
    assert len(printed) == 1 and printed[0].read_bytes().startswith(b"%PDF")
    assert digest(room) == before


def test_merge_carries_everything_with_the_damage_marked(
    room: Path, app_data: Path, tmp_path: Path
) -> None:
    before = digest(room)
    merged = tmp_path / "launch.workshop"
    assert_done(run("merge", str(merged), str(room), data=app_data))
    conn = sqlite3.connect(merged)
    (purpose,) = conn.execute("SELECT purpose FROM charters").fetchone()
    names = {name for (name,) in conn.execute("SELECT name FROM participants")}
    conn.close()
    assert purpose == READ_AS
    assert names == {"Grow \ufffd as a \ufffd leader \ufffd", "Bo Li"}
    assert digest(room) == before


def test_opening_for_writing_leaves_the_damaged_bytes_as_they_are(
    room: Path, app_data: Path, tmp_path: Path
) -> None:
    """Reading never rewrites the value: the bytes stay for whoever can still recover them."""
    roster = tmp_path / "roster.csv"
    roster.write_text("Role,Name,Email\nMentor,Cy Dee,cy@x.example\n", encoding="utf-8")
    assert_done(run("import", str(room), str(roster), data=app_data))
    assert stored_bytes(room) == BROKEN
