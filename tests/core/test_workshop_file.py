"""The workshop file: creation, refusal of what it must not touch, locking, backups, audit."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bad_files import BAD_FILES, make_workshop

from workshop_app.core.errors import UserError
from workshop_app.core.store import backups, schema
from workshop_app.core.store.schema import APPLICATION_ID, migration, schema_version
from workshop_app.core.store.workshop_file import WorkshopFile


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_has_the_promised_settings(new_workshop: WorkshopFile) -> None:
    conn = new_workshop.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()


def test_reopened_file_has_the_promised_settings(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")
    with WorkshopFile.open(path) as wf:
        assert wf.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert wf.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert wf.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert wf.workshop().program == "P"
        assert [p.code for p in wf.roster.pairs()] == ["P01"]


def test_records_have_uuid_ids_and_updated_at(tmp_path: Path) -> None:
    import uuid

    path = make_workshop(tmp_path / "a.workshop")
    with WorkshopFile.open(path) as wf:
        for table in ("workshop", "participants", "pairs", "charters"):
            for rid, updated in wf.conn.execute(f"SELECT id, updated_at FROM {table}"):
                uuid.UUID(rid)
                assert updated


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")
    before = digest(path)
    with pytest.raises(UserError, match="already exists"):
        WorkshopFile.create(path, program="X", organisation="Y", date="2027-01-01")
    assert digest(path) == before


def test_create_checks_required_fields(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        WorkshopFile.create(tmp_path / "a.workshop", program="P", organisation="O", date="19/1")
    with pytest.raises(UserError, match="program cannot be empty"):
        WorkshopFile.create(
            tmp_path / "a.workshop", program=" ", organisation="O", date="2027-01-01"
        )
    assert not list(tmp_path.iterdir())


# -- files that must be refused and left byte-for-byte untouched ---------------------------


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
@pytest.mark.parametrize("readonly", [False, True])
def test_bad_files_are_refused_and_untouched(tmp_path: Path, kind: str, readonly: bool) -> None:
    make, message = BAD_FILES[kind]
    path = make(tmp_path / "bad.workshop")
    before = digest(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(UserError, match=message):
        WorkshopFile.open(path, readonly=readonly)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


@pytest.mark.parametrize("readonly", [False, True], ids=["for writing", "read-only"])
def test_file_with_unknown_migration_is_refused(tmp_path: Path, readonly: bool) -> None:
    path = make_workshop(tmp_path / "a.workshop")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('workshop', '0099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(UserError, match="newer version"):
        WorkshopFile.open(path, readonly=readonly)
    assert digest(path) == before


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="There is no file"):
        WorkshopFile.open(tmp_path / "nope.workshop")
    with pytest.raises(UserError, match="is a folder"):
        WorkshopFile.open(tmp_path)


# -- migrations ------------------------------------------------------------------------------


def test_older_file_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")

    @migration(name="0999_test_add_column")
    def _add(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE pairs ADD COLUMN room TEXT NOT NULL DEFAULT ''")
        db.execute(f"PRAGMA user_version = {schema_version()}")

    try:
        with WorkshopFile.open(path) as wf:
            columns = {c.name for c in wf.db.table("pairs").columns}
            assert "room" in columns
            assert wf.conn.execute("PRAGMA user_version").fetchone()[0] == schema_version()
            assert [p.code for p in wf.roster.pairs()] == ["P01"]
        (backup,) = backups.list_backups(path)
        old = sqlite3.connect(backup.path)
        assert "room" not in {r[1] for r in old.execute("PRAGMA table_info(pairs)")}
        assert old.execute("PRAGMA user_version").fetchone()[0] == schema_version() - 1
        old.close()
    finally:
        schema._MIGRATIONS.pop()


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")

    @migration(name="0999_test_broken")
    def _broken(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE pairs ADD COLUMN room TEXT")
        raise RuntimeError("boom")

    try:
        with pytest.raises(RuntimeError):
            WorkshopFile.open(path)
    finally:
        schema._MIGRATIONS.pop()
    with WorkshopFile.open(path) as wf:
        assert "room" not in {c.name for c in wf.db.table("pairs").columns}


# -- one writer at a time --------------------------------------------------------------------


def test_second_writer_in_same_process_is_refused(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")
    with WorkshopFile.open(path):
        with pytest.raises(UserError, match="already open"):
            WorkshopFile.open(path)
        # Reading is still allowed, e.g. `workshop-app info` while the app is open.
        with WorkshopFile.open(path, readonly=True) as reader:
            assert len(reader.roster.pairs()) == 1
    with WorkshopFile.open(path):
        pass  # the lock went with the first writer


def test_second_writer_in_another_process_is_refused(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys
            from workshop_app.core.store.workshop_file import WorkshopFile
            wf = WorkshopFile.open({str(path)!r})
            print("open", flush=True)
            sys.stdin.readline()
            wf.charters.set_field(wf.roster.pairs()[0].id, "purpose", "child wrote this")
            wf.close()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "open"
        with pytest.raises(UserError, match="already open in workshop-app"):
            WorkshopFile.open(path)
    finally:
        child.communicate("go\n", timeout=30)
    assert child.returncode == 0
    with WorkshopFile.open(path) as wf:
        pair = wf.roster.pairs()[0]
        assert wf.charters.charter(pair.id).value("purpose") == "child wrote this"


def test_lock_is_released_when_the_holder_is_killed(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from workshop_app.core.store.workshop_file import WorkshopFile as W;"
            f" w = W.open({str(path)!r});"
            " print('open', flush=True); import time; time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    child.kill()
    child.wait()
    child.stdout.close()
    with WorkshopFile.open(path) as wf:
        assert wf.workshop().program == "P"


# -- backups ---------------------------------------------------------------------------------


def test_backup_taken_on_open_holds_the_state_before_opening(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")
    with WorkshopFile.open(path) as wf:
        pair = wf.roster.pairs()[0]
        wf.charters.set_field(pair.id, "purpose", "Changed after opening")
    (backup,) = backups.list_backups(path)
    assert backup.path.parent != path.parent  # not beside the workshop
    with WorkshopFile.open(backup.path, readonly=True) as old:
        assert old.charters.charter(pair.id).value("purpose") == "Grow as a leader"


def test_backups_skip_unchanged_files_and_keep_ten(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")
    for _ in range(3):
        WorkshopFile.open(path).close()
    assert len(backups.list_backups(path)) == 1
    for i in range(14):
        with WorkshopFile.open(path) as wf:
            wf.set_workshop_field("venue", f"Room {i}")
    kept = backups.list_backups(path)
    assert len(kept) == backups.KEEP
    assert kept[0].taken_at >= kept[-1].taken_at


# -- transactions and audit ------------------------------------------------------------------


def test_a_failed_multi_row_change_leaves_nothing(new_workshop: WorkshopFile) -> None:
    with pytest.raises(RuntimeError), new_workshop.transaction():
        new_workshop.roster.add_participant(role="mentor", name="A", email="a@x.example")
        new_workshop.roster.add_participant(role="mentee", name="B", email="b@x.example")
        raise RuntimeError("power cut")
    assert new_workshop.roster.participants() == []
    assert not any(e.table_name == "participants" for e in new_workshop.history())


def test_audit_records_every_change_with_old_and_new(new_workshop: WorkshopFile) -> None:
    wf = new_workshop
    a = wf.roster.add_participant(role="mentor", name="A", email="a@x.example")
    b = wf.roster.add_participant(role="mentee", name="B", email="b@x.example")
    pair = wf.roster.make_pair(a.id, b.id)
    wf.charters.set_field(pair.id, "purpose", "first")
    wf.charters.set_field(pair.id, "purpose", "second")
    wf.charters.set_goal_part(pair.id, 1, "goal", "Run a meeting")
    wf.set_workshop_field("venue", "Room 4")
    history = wf.history(pair_id=pair.id)
    changes = [(e.field, e.old_value, e.new_value) for e in history]
    assert ("purpose", "first", "second") in changes
    assert ("purpose", "", "first") in changes
    assert ("goal1.goal", "", "Run a meeting") in changes
    assert all(e.at for e in history)
    assert ("venue", "", "Room 4") in [(e.field, e.old_value, e.new_value) for e in wf.history()]


def test_readonly_open_changes_no_byte(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop")
    before = digest(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with WorkshopFile.open(path, readonly=True) as wf:
        assert wf.readonly
        with pytest.raises(UserError, match="read-only"):
            wf.set_workshop_field("venue", "x")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_unwritable_file_gives_a_clear_message_and_releases_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores file modes, so the OS refusal is injected where SQLite would raise it.
    from workshop_app.core.store import workshop_file

    path = make_workshop(tmp_path / "a.workshop")
    before = digest(path)

    def refuse(conn: sqlite3.Connection) -> None:
        # SQLite's own refusal (SQLITE_READONLY), as it gives for a file it cannot write.
        conn.execute("PRAGMA query_only = ON")
        conn.execute("CREATE TABLE refused (x)")

    monkeypatch.setattr(workshop_file, "_configure", refuse)
    with pytest.raises(UserError, match="cannot be written"):
        WorkshopFile.open(path)
    assert digest(path) == before
    monkeypatch.undo()
    WorkshopFile.open(path).close()  # not left locked
