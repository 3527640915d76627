"""Migration 0007 rebuilds `pairs` (UNIQUE mentor and mentee become unique among open pairs):
a file of every older format keeps every row of every table, the children that reference pairs
with ON DELETE CASCADE included; and a kill in the middle of the rebuild leaves the old file as
it was, readable and upgraded by the next open."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_schema_tables import file_of_format
from workshop_app.core.store import schema
from workshop_app.core.store.file_check import check_workshop_file
from workshop_app.core.store.workshop_file import WorkshopFile

KILL_AT = Path(__file__).with_name("kill_at.py")
ROSTER = (
    Path(__file__).resolve().parents[1] / "data" / "rosters" / "pairs_mentor_mentee_headers.csv"
)
OLDER = range(1, 7)
CHILDREN_1 = """
INSERT INTO participants (id, role, name, email, updated_at) VALUES
    ('m1', 'mentor', 'Margaret Osei', 'm1@x.example', 'x'),
    ('e1', 'mentee', 'Tom Reyes', 'e1@x.example', 'x'),
    ('m2', 'mentor', 'Ana Souza', 'm2@x.example', 'x'),
    ('e2', 'mentee', 'Bo Li', 'e2@x.example', 'x');
INSERT INTO pairs (id, code, mentor_id, mentee_id, updated_at) VALUES
    ('p1', 'P01', 'm1', 'e1', 'x'), ('p2', 'P02', 'm2', 'e2', 'x');
INSERT INTO charters (id, pair_id, updated_at) VALUES ('c1', 'p1', 'x'), ('c2', 'p2', 'x');
INSERT INTO goals (id, pair_id, position, goal, updated_at) VALUES
    ('g1', 'p1', 1, 'Lead the Q3 review', 'x'), ('g2', 'p2', 1, 'Present', 'x');
INSERT INTO plans (id, pair_id, position, scenario, plan, updated_at)
    VALUES ('l1', 'p1', 1, 'quiet', 'call', 'x');
INSERT INTO charter_versions (id, pair_id, version, snapshot, updated_at)
    VALUES ('v1', 'p1', 1, '{}', 'x');
INSERT INTO signoffs (id, pair_id, version, role, name, signed_at, updated_at)
    VALUES ('s1', 'p1', 1, 'mentor', 'Margaret Osei', '2027-01-19T16:05:00+00:00', 'x');
INSERT INTO audit (id, at, table_name, record_id, pair_id, field)
    VALUES ('a1', 'x', 'pairs', 'p1', 'p1', '*created*');
"""
CHILDREN_6 = """
INSERT INTO checkins (id, pair_id, role, response_key, submitted_at, updated_at)
    VALUES ('k1', 'p1', 'mentee', 'ms_forms:f:1', '2027-02-01', 'x');
INSERT INTO contacts (id, pair_id, on_date, kind, checkin_id, updated_at)
    VALUES ('t1', 'p1', '2027-02-01', 'checkin', 'k1', 'x');
INSERT INTO reviews (id, pair_id, checkpoint_day, updated_at) VALUES ('r1', 'p1', 30, 'x');
INSERT INTO closures (id, pair_id, closed_on, kind, updated_at)
    VALUES ('z1', 'p1', '2027-03-03', 'no_fault', 'x');
"""


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSHOP_APP_DATA_DIR", str(tmp_path / "appdata"))


def older_file(path: Path, version: int) -> Path:
    file_of_format(path, version)
    conn = sqlite3.connect(path)
    conn.executescript(CHILDREN_1 + (CHILDREN_6 if version >= 6 else ""))
    conn.close()
    return path


def rows(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every row of every table (but the workshop's own), as column -> value."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        tables = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT IN ('_sqlite_migrations', 'workshop')"
        )]  # fmt: skip
        return {
            t: sorted((dict(r) for r in conn.execute(f"SELECT * FROM {t}")), key=repr)
            for t in tables
        }
    finally:
        conn.close()


@pytest.mark.parametrize("version", OLDER)
def test_every_row_of_every_table_survives_the_rebuild(tmp_path: Path, version: int) -> None:
    path = older_file(tmp_path / "old.workshop", version)
    before = rows(path)
    with WorkshopFile.open(path) as wf:
        assert wf.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)  # back on after
        assert wf.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        closed = {p.code: p.closed_on for p in wf.roster.pairs()}
    after = rows(path)
    assert closed == {"P01": "2027-03-03" if version >= 6 else "", "P02": ""}
    assert [row.pop("closed_on") for row in after["pairs"]] == [
        "2027-03-03" if version >= 6 else None,
        None,
    ]
    # the charters, goals, check-ins, closures... all still there, as they were (in the
    # columns they had: later formats add some)
    assert {
        table: [{k: row[k] for k in before[table][0]} for row in after[table]]
        if before[table]
        else []
        for table in before
    } == before


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL by itself is POSIX")
@pytest.mark.parametrize(
    "statement", [20, 26], ids=["after the old table is dropped", "before the triggers"]
)
def test_a_kill_in_the_middle_of_the_rebuild_leaves_the_old_file(
    tmp_path: Path, statement: int
) -> None:
    """Statement 20 of the open is `ALTER TABLE pairs_new RENAME TO pairs` (19 dropped the old
    table), 26 the first trigger (the format number is set already): the kill lands inside the
    migration's transaction."""
    path = older_file(tmp_path / "old.workshop", 6)
    before = rows(path)
    env = {**os.environ, "WORKSHOP_APP_DATA_DIR": str(tmp_path / "appdata"),
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    killed = subprocess.run(
        [sys.executable, str(KILL_AT), f"sqlite_utils.db:Database.execute#{statement}",
         "import", str(path), str(ROSTER)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert killed.returncode == -9 and "KILLED" in killed.stdout, killed.stderr
    assert check_workshop_file(path, schema_version=schema.schema_version()).user_version == 6
    assert rows(path) == before
    with WorkshopFile.open(path) as wf:  # and the next open upgrades it
        assert wf.conn.execute("PRAGMA user_version").fetchone() == (schema.schema_version(),)
        assert [p.closed_on for p in wf.roster.pairs()] == ["2027-03-03", ""]
