"""The tables and columns the file check expects of each format are those the migrations make.

Every format is built here through the real migrations, as an older app made it, so the data
in `schema.TABLES` cannot drift from them; and each such older file passes the check and is
upgraded by opening it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workshop_app.core.charter_fields import CHARTER_COLUMNS
from workshop_app.core.errors import UserError
from workshop_app.core.store import schema
from workshop_app.core.store.file_check import check_workshop_file
from workshop_app.core.store.workshop_file import WorkshopFile

FORMATS = range(1, schema.schema_version() + 1)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_of_format(path: Path, version: int) -> Path:
    """A workshop as the app of format `version` left it: its migrations, then the record."""
    conn = sqlite3.connect(path, isolation_level=None)
    runner = Migrations(schema.MIGRATION_SET)
    for name, fn in schema._MIGRATIONS[:version]:
        runner(name=name)(fn)
    runner.apply(Database(conn))
    conn.execute(
        "INSERT INTO workshop (id, program, organisation, date, updated_at)"
        " VALUES ('w', 'P', 'O', '2027-01-19', '2027-01-01T00:00:00+00:00')"
    )
    assert conn.execute("PRAGMA user_version").fetchone() == (version,)
    conn.close()
    return path


def reported(path: Path) -> dict[str, tuple[str, ...]]:
    """The app's tables and their columns, in order, as SQLite reports them."""
    conn = sqlite3.connect(path)
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            name: tuple(c for _, c, *_ in conn.execute(f"PRAGMA table_info({name})"))
            for name in names
            if not name.startswith("sqlite_")
        }
    finally:
        conn.close()


def test_every_format_has_its_tables_written_out() -> None:
    assert sorted(schema.TABLES) == list(FORMATS)


@pytest.mark.parametrize("version", FORMATS)
def test_the_expected_tables_are_what_the_migrations_make(tmp_path: Path, version: int) -> None:
    path = file_of_format(tmp_path / "old.workshop", version)
    assert reported(path) == schema.TABLES[version]


@pytest.mark.parametrize("version", FORMATS)
def test_a_file_of_every_format_passes_the_check_and_is_upgraded(
    tmp_path: Path, version: int
) -> None:
    path = file_of_format(tmp_path / "old.workshop", version)
    before = digest(path)
    assert check_workshop_file(path, schema_version=schema.schema_version()).user_version == (
        version
    )
    assert digest(path) == before  # the check only reads
    with WorkshopFile.open(path) as wf:
        assert wf.conn.execute("PRAGMA user_version").fetchone() == (schema.schema_version(),)
        assert wf.workshop().program == "P"
    assert reported(path) == schema.TABLES[schema.schema_version()]
    with WorkshopFile.open(path, readonly=True) as wf:  # and then read as any current file
        assert wf.workshop().program == "P"


def _edited(tmp_path: Path, script: str) -> Path:
    path = file_of_format(tmp_path / "room.workshop", schema.schema_version())
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.close()
    return path


def test_a_table_of_its_own_is_left_alone(tmp_path: Path) -> None:
    """Someone's own table (a note kept with sqlite3) harms nothing: nothing reads it."""
    path = _edited(tmp_path, "CREATE TABLE my_notes (note TEXT);")
    with WorkshopFile.open(path, readonly=True) as wf:
        assert wf.workshop().program == "P"


def test_a_column_added_outside_the_app_is_refused(tmp_path: Path) -> None:
    """At the file's own format, a column the app never made was made outside it; a merge
    copies whole rows, so it is refused before anything reads it."""
    path = _edited(tmp_path, "ALTER TABLE goals ADD COLUMN mood TEXT;")
    before = digest(path)
    with pytest.raises(UserError) as caught:
        WorkshopFile.open(path, readonly=True)
    assert caught.value.message == (
        f"room.workshop is damaged: its table goals has a column mood that format "
        f"{schema.schema_version()} does not have. "
        "Restore it from a backup; the file has not been changed."
    )
    assert digest(path) == before


def test_every_problem_is_counted_and_the_first_named(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        "ALTER TABLE plans DROP COLUMN exercise_id; ALTER TABLE goals RENAME COLUMN why TO how;"
        " DROP TABLE charter_versions;",
    )
    with pytest.raises(UserError) as caught:
        check_workshop_file(path, schema_version=schema.schema_version())
    assert caught.value.message == (
        "room.workshop is damaged: its table goals lacks the column why (how in its place), "
        "and 2 more problems. "
        "Restore it from a backup; the file has not been changed."
    )


def test_a_newer_apps_migration_that_added_a_column_is_named_as_newer(tmp_path: Path) -> None:
    """A newer app may add a column without changing `user_version`: the file is not damaged,
    it is newer, and the message says so."""
    path = _edited(
        tmp_path,
        "ALTER TABLE pairs ADD COLUMN room TEXT;"
        " INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('workshop', '0999_rooms', '2031-01-01');",
    )
    for readonly in (True, False):
        with pytest.raises(UserError) as caught:
            WorkshopFile.open(path, readonly=readonly)
        assert caught.value.message == (
            "room.workshop was saved by a newer version of the workshop app. "
            "Update the app to open it; the file has not been changed."
        )


def test_a_format_4_file_with_a_signed_charter_opens_with_the_second_editions_defaults(
    tmp_path: Path,
) -> None:
    """A charter signed by the app of format 4: its goal has no baseline yet, its signatures
    say nothing of sections completed on paper, and it is still the signed version; an edit
    typed back to what was signed makes it the signed version again (the snapshot kept then
    has no baseline in it)."""
    path = file_of_format(tmp_path / "old.workshop", 4)
    old_goal = dict.fromkeys(("goal", "why", "measure", "target_date", "first_steps"), "")
    snapshot = json.dumps(
        {
            "fields": {f.name: None if f.kind == "int" else "" for f in CHARTER_COLUMNS},
            "goals": [{**old_goal, "goal": "Lead the Q3 review", "private": False}],
            "plans": [],
            "version": 1,
        }
    )
    conn = sqlite3.connect(path)
    conn.executescript(
        f"""
        INSERT INTO participants (id, role, name, email, updated_at) VALUES
            ('m', 'mentor', 'Margaret Osei', 'm@example.org', 'x'),
            ('e', 'mentee', 'Tom Reyes', 'e@example.org', 'x');
        INSERT INTO pairs (id, code, mentor_id, mentee_id, updated_at)
            VALUES ('p', 'P01', 'm', 'e', 'x');
        INSERT INTO charters (id, pair_id, updated_at) VALUES ('c', 'p', 'x');
        INSERT INTO goals (id, pair_id, position, goal, updated_at)
            VALUES ('g', 'p', 1, 'Lead the Q3 review', 'x');
        INSERT INTO charter_versions (id, pair_id, version, snapshot, updated_at)
            VALUES ('v', 'p', 1, '{snapshot}', 'x');
        INSERT INTO signoffs (id, pair_id, version, role, name, signed_at, updated_at) VALUES
            ('s1', 'p', 1, 'mentor', 'Margaret Osei', '2027-01-19T16:05:00+00:00', 'x'),
            ('s2', 'p', 1, 'mentee', 'Tom Reyes', '2027-01-19T16:05:00+00:00', 'x');
        """
    )
    conn.close()
    with WorkshopFile.open(path) as wf:
        workshop = wf.workshop()
        assert (workshop.return_copy_to, workshop.return_copy_by) == ("", "")
        assert (workshop.mentor_boundary, workshop.manager_acknowledgement) == ("", "")
        charter = wf.charters.charter("p")
        assert [g.baseline for g in charter.goals] == [""]
        assert {(s.paper_completed, s.open_sections) for s in charter.signoffs} == {(None, "")}
        assert charter.signed_version == 1 and not charter.edited_since_signing
        wf.charters.set_goal_part("p", 1, "baseline", "3")
        assert wf.charters.charter("p").version == 2
        wf.charters.set_goal_part("p", 1, "baseline", "")
        assert wf.charters.charter("p").version == 1
