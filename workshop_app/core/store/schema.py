"""The workshop file's schema, created and upgraded by migrations.

Each migration runs in one transaction with the record of it (sqlite-utils `Migrations`), and
sets `PRAGMA user_version` to its number, which is how a file says which format it is in and
how an older app knows to refuse a newer file. Never edit a migration that has shipped: add one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from workshop_app.core.charter_fields import BASELINE_VALUES, CHARTER_COLUMNS

if TYPE_CHECKING:
    from sqlite_utils import Database

# PRAGMA application_id of every workshop file: "MWKS" (Mentoring WorKShop).
APPLICATION_ID = 0x4D574B53

MigrationFn = Callable[["Database"], None]
MIGRATION_SET = "workshop"
# (name, function), oldest first. sqlite-utils is imported only when one must run: opening a
# file that is up to date (every start-up) does not pay for importing it.
_MIGRATIONS: list[tuple[str, MigrationFn]] = []


def migration(*, name: str) -> Callable[[MigrationFn], MigrationFn]:
    def register(fn: MigrationFn) -> MigrationFn:
        if any(n == name for n, _ in _MIGRATIONS):
            raise ValueError(f"migration {name!r} is already registered")
        _MIGRATIONS.append((name, fn))
        return fn

    return register


def _text_columns(names: list[str]) -> str:
    return ", ".join(f"{name} TEXT NOT NULL DEFAULT ''" for name in names)


WORKSHOP_TEXT_COLUMNS = [
    "program",
    "organisation",
    "date",
    "cohort",
    "venue",
    "facilitator",
    "coordinator",
    "sponsor_name",
    "sponsor_title",
    "endorsement",
    "program_goals",
    "strategy_link",
    "success_metrics",
    "support_contacts",
    "confidentiality_text",
    "no_fault_text",
    "program_commitments_text",
    "language",
    "accent_colour",
    "logo_mime",
    "agenda_id",
]


@migration(name="0001_initial")
def _m0001(db: Database) -> None:
    charter_columns = ", ".join(
        f"{f.name} INTEGER" if f.kind == "int" else f"{f.name} TEXT NOT NULL DEFAULT ''"
        for f in CHARTER_COLUMNS
    )
    _run_script(
        db,
        f"""
        CREATE TABLE workshop (
            id TEXT PRIMARY KEY,
            {_text_columns(WORKSHOP_TEXT_COLUMNS)},
            program_length_months INTEGER,
            paper_size TEXT NOT NULL DEFAULT 'a4' CHECK (paper_size IN ('a4', 'letter')),
            logo BLOB,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE participants (
            id TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
            name TEXT NOT NULL,
            email TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            manager TEXT NOT NULL DEFAULT '',
            present INTEGER CHECK (present IN (0, 1)),
            checked_in_at TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE pairs (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            mentor_id TEXT NOT NULL UNIQUE REFERENCES participants(id),
            mentee_id TEXT NOT NULL UNIQUE REFERENCES participants(id),
            updated_at TEXT NOT NULL
        );
        CREATE TABLE charters (
            id TEXT PRIMARY KEY,
            pair_id TEXT NOT NULL UNIQUE REFERENCES pairs(id) ON DELETE CASCADE,
            version INTEGER NOT NULL DEFAULT 1,
            {charter_columns},
            updated_at TEXT NOT NULL
        );
        CREATE TABLE goals (
            id TEXT PRIMARY KEY,
            pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
            {_text_columns(["goal", "why", "measure", "target_date", "first_steps"])},
            private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
            updated_at TEXT NOT NULL,
            UNIQUE (pair_id, position)
        );
        CREATE TABLE plans (
            id TEXT PRIMARY KEY,
            pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            {_text_columns(["scenario", "plan", "exercise_id"])},
            updated_at TEXT NOT NULL
        );
        CREATE INDEX plans_pair ON plans (pair_id, position);
        CREATE TABLE charter_versions (
            id TEXT PRIMARY KEY,
            pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            snapshot TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (pair_id, version)
        );
        CREATE TABLE signoffs (
            id TEXT PRIMARY KEY,
            pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee', 'coordinator')),
            name TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (pair_id, version, role)
        );
        CREATE TABLE agenda_segments (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            exercise_id TEXT,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '',
            planned_minutes REAL NOT NULL,
            skipped INTEGER NOT NULL DEFAULT 0,
            started_at TEXT,
            ended_at TEXT,
            actual_seconds REAL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            pair_id TEXT,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT
        );
        CREATE INDEX audit_pair ON audit (pair_id, seq);
        CREATE INDEX audit_record ON audit (record_id, seq);
        PRAGMA application_id = {APPLICATION_ID};
        PRAGMA user_version = 1;
        """,
    )


@migration(name="0002_runner")
def _m0002(db: Database) -> None:
    """The workshop's start time (for the planned finish) and the live runner's state, so a
    reopened app resumes the segment in progress with the right time left."""
    _run_script(
        db,
        """
        ALTER TABLE workshop ADD COLUMN start_time TEXT NOT NULL DEFAULT '09:00';
        CREATE TABLE runner_state (
            id TEXT PRIMARY KEY,
            segment_id TEXT REFERENCES agenda_segments(id) ON DELETE SET NULL,
            elapsed_seconds REAL NOT NULL DEFAULT 0,
            running_since TEXT,
            extra_seconds REAL NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        PRAGMA user_version = 2;
        """,
    )


@migration(name="0003_segment_adjustments_and_notes")
def _m0003(db: Database) -> None:
    """What the runner keeps per segment: the minutes added or taken off live (so an
    adjustment stays with its segment when the facilitator moves on and comes back, and across
    restarts), and the facilitator's own private notes. The live segment's adjustment moves
    from the runner state onto its segment; the runner state keeps only the live clock."""
    _run_script(
        db,
        """
        ALTER TABLE agenda_segments ADD COLUMN extra_seconds REAL NOT NULL DEFAULT 0;
        ALTER TABLE agenda_segments ADD COLUMN private_notes TEXT NOT NULL DEFAULT '';
        UPDATE agenda_segments SET extra_seconds = coalesce(
            (SELECT r.extra_seconds FROM runner_state r WHERE r.segment_id = agenda_segments.id),
            0);
        CREATE TABLE runner_state_new (
            id TEXT PRIMARY KEY,
            segment_id TEXT REFERENCES agenda_segments(id) ON DELETE SET NULL,
            elapsed_seconds REAL NOT NULL DEFAULT 0,
            running_since TEXT,
            updated_at TEXT NOT NULL
        );
        INSERT INTO runner_state_new (id, segment_id, elapsed_seconds, running_since, updated_at)
            SELECT id, segment_id, elapsed_seconds, running_since, updated_at FROM runner_state;
        DROP TABLE runner_state;
        ALTER TABLE runner_state_new RENAME TO runner_state;
        PRAGMA user_version = 3;
        """,
    )


@migration(name="0004_step_adjustments")
def _m0004(db: Database) -> None:
    """Which steps of the live segment the minutes added or taken off belong to (a JSON
    object: the step's index in the segment's timeline, to seconds), so +5 during the second
    step makes that step longer, the steps before keep the time they ran, and a reopened app
    counts the same steps down."""
    _run_script(
        db,
        """
        ALTER TABLE runner_state ADD COLUMN step_extras TEXT NOT NULL DEFAULT '';
        PRAGMA user_version = 4;
        """,
    )


@migration(name="0005_charter_second_edition")
def _m0005(db: Database) -> None:
    """What the charter's second edition records. The program's: where the signed copy goes
    and by when, the default mentor boundary, and whether each charter carries the line
    manager's acknowledgement. Per goal: the mentee's baseline self-rating at signing (1-5),
    to compare at each checkpoint. Per signature: whether the sections still open at signing
    were completed by hand on the paper copy (NULL: the charter was complete), and which."""
    _run_script(
        db,
        f"""
        ALTER TABLE workshop ADD COLUMN return_copy_to TEXT NOT NULL DEFAULT '';
        ALTER TABLE workshop ADD COLUMN return_copy_by TEXT NOT NULL DEFAULT '';
        ALTER TABLE workshop ADD COLUMN mentor_boundary TEXT NOT NULL DEFAULT '';
        ALTER TABLE workshop ADD COLUMN manager_acknowledgement TEXT NOT NULL DEFAULT ''
            CHECK (manager_acknowledgement IN ('', 'yes'));
        ALTER TABLE goals ADD COLUMN baseline TEXT NOT NULL DEFAULT ''
            CHECK (baseline IN ({", ".join(repr(v) for v in BASELINE_VALUES)}));
        ALTER TABLE signoffs ADD COLUMN paper_completed INTEGER
            CHECK (paper_completed IN (0, 1));
        ALTER TABLE signoffs ADD COLUMN open_sections TEXT NOT NULL DEFAULT '';
        PRAGMA user_version = 5;
        """,
    )


@migration(name="0006_follow_up")
def _m0006(db: Database) -> None:
    """The program's record after the launch (issue 16).

    - `checkin_forms`: a check-in survey's saved column mapping (`mapping`, JSON: column
      header -> meaning), found again for the next export of the same form by `signature`
      (the form's question headers, normalised).
    - `checkins`: one survey response, matched to a pair and a role. `response_key` is its
      identity (the tool, the form, and the response's id, or its timestamp and email when the
      tool gives no id): importing the same export twice adds nothing.
    - `contacts`: the contact and meeting log, what a call, an email or a check-in told the
      coordinator, per pair and date. A check-in's entries point at it (`checkin_id`).
    - `reviews`: what a pair reported and decided at a checkpoint review; `charter_version` is
      the charter version the review's decisions opened (NULL: the charter stayed as it was).
    - `closures`: a pairing closed, no-fault before the end or completed at the program's
      close-out, with the outcome per goal.
    - The program's close-out on the workshop: when it closed, how many months personal data
      is kept after that, and when it was anonymised (personal data removed in place; the
      records that the aggregate figures are made of stay)."""
    progress = "".join(
        f"goal{n}_progress INTEGER CHECK (goal{n}_progress BETWEEN 1 AND 5), " for n in (1, 2, 3)
    )
    outcomes = "".join(
        f"goal{n}_outcome TEXT NOT NULL DEFAULT ''"
        f" CHECK (goal{n}_outcome IN ('', 'met', 'partly', 'not_met')), "
        for n in (1, 2, 3)
    )
    _run_script(
        db,
        f"""
        CREATE TABLE checkin_forms (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL
                CHECK (source IN ('ms_forms', 'google_forms', 'qualtrics', 'table')),
            signature TEXT NOT NULL,
            mapping TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX checkin_forms_signature ON checkin_forms (signature);
        CREATE TABLE checkins (
            id TEXT PRIMARY KEY,
            pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
            response_key TEXT NOT NULL UNIQUE,
            form_id TEXT REFERENCES checkin_forms(id) ON DELETE SET NULL,
            submitted_at TEXT NOT NULL,
            checkpoint_day INTEGER,
            meetings_held INTEGER CHECK (meetings_held >= 0),
            last_meeting TEXT NOT NULL DEFAULT '',
            {progress}
            fit TEXT NOT NULL DEFAULT '' CHECK (fit IN ('', 'good', 'deciding', 'not_a_fit')),
            satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
            wants_help INTEGER CHECK (wants_help IN (0, 1)),
            comment TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE INDEX checkins_pair ON checkins (pair_id, submitted_at);
        CREATE TABLE contacts (
            id TEXT PRIMARY KEY,
            pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
            on_date TEXT NOT NULL,
            kind TEXT NOT NULL
                CHECK (kind IN ('meeting', 'cancelled', 'concern', 'note', 'checkin')),
            who TEXT NOT NULL DEFAULT ''
                CHECK (who IN ('', 'mentor', 'mentee', 'both', 'staff')),
            text TEXT NOT NULL DEFAULT '',
            checkin_id TEXT REFERENCES checkins(id) ON DELETE CASCADE,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX contacts_pair ON contacts (pair_id, on_date);
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
            checkpoint_day INTEGER NOT NULL CHECK (checkpoint_day > 0),
            held_on TEXT NOT NULL DEFAULT '',
            cadence_kept TEXT NOT NULL DEFAULT ''
                CHECK (cadence_kept IN ('', 'yes', 'partly', 'no')),
            {progress}
            plans_used TEXT NOT NULL DEFAULT '',
            changes TEXT NOT NULL DEFAULT '',
            charter_version INTEGER,
            updated_at TEXT NOT NULL,
            UNIQUE (pair_id, checkpoint_day)
        );
        CREATE TABLE closures (
            id TEXT PRIMARY KEY,
            pair_id TEXT NOT NULL UNIQUE REFERENCES pairs(id) ON DELETE CASCADE,
            closed_on TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('no_fault', 'completed')),
            reason TEXT NOT NULL DEFAULT '',
            asked_by TEXT NOT NULL DEFAULT ''
                CHECK (asked_by IN ('', 'mentor', 'mentee', 'both', 'program')),
            rematched INTEGER NOT NULL DEFAULT 0 CHECK (rematched IN (0, 1)),
            {outcomes}
            updated_at TEXT NOT NULL
        );
        ALTER TABLE workshop ADD COLUMN program_closed_on TEXT NOT NULL DEFAULT '';
        ALTER TABLE workshop ADD COLUMN retention_months INTEGER
            CHECK (retention_months BETWEEN 0 AND 120);
        ALTER TABLE workshop ADD COLUMN anonymised_on TEXT NOT NULL DEFAULT '';
        PRAGMA user_version = 6;
        """,
    )


@migration(name="0007_rematching")
def _m0007(db: Database) -> None:
    """Re-matching after a no-fault closure (issue 16 §7): a person is in at most one OPEN
    pair, and may be paired again once their pair is closed. `pairs.closed_on` is the day of
    the pair's closure (NULL: open), filled here from the closures already made and kept in
    step with `closures` by the triggers below (whoever writes a closure: closing, reopening,
    the close-out, a merge). The UNIQUE mentor_id and mentee_id columns become partial unique
    indexes over open pairs.

    SQLite cannot drop a UNIQUE constraint, so the table is rebuilt the documented way
    (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): new table,
    copy, drop, rename, foreign_key_check, all in this migration's transaction. Foreign keys
    must be off while it runs, or dropping the old table would delete every pair's charter,
    goals, check-ins and closures through their ON DELETE CASCADE: `apply_migrations` turns
    them off around the migrations, and the check below refuses a rebuild that broke one."""
    _run_script(
        db,
        """
        CREATE TABLE pairs_new (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            mentor_id TEXT NOT NULL REFERENCES participants(id),
            mentee_id TEXT NOT NULL REFERENCES participants(id),
            updated_at TEXT NOT NULL,
            closed_on TEXT
        );
        INSERT INTO pairs_new (id, code, mentor_id, mentee_id, updated_at, closed_on)
            SELECT p.id, p.code, p.mentor_id, p.mentee_id, p.updated_at,
                (SELECT c.closed_on FROM closures c WHERE c.pair_id = p.id)
            FROM pairs p;
        DROP TABLE pairs;
        ALTER TABLE pairs_new RENAME TO pairs;
        CREATE UNIQUE INDEX pairs_open_mentor ON pairs (mentor_id) WHERE closed_on IS NULL;
        CREATE UNIQUE INDEX pairs_open_mentee ON pairs (mentee_id) WHERE closed_on IS NULL;
        CREATE INDEX pairs_mentor ON pairs (mentor_id);
        CREATE INDEX pairs_mentee ON pairs (mentee_id);
        PRAGMA user_version = 7;
        """,
    )
    for event, value, row in (
        ("INSERT", "NEW.closed_on", "NEW"),
        ("UPDATE OF closed_on", "NEW.closed_on", "NEW"),
        ("DELETE", "NULL", "OLD"),
    ):
        name = "closures_" + event.split()[0].lower()
        # Not _run_script: a trigger's body has a ";" of its own.
        db.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON closures BEGIN"
            f" UPDATE pairs SET closed_on = {value} WHERE id = {row}.pair_id; END"
        )
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise sqlite3.IntegrityError(f"the rebuild of pairs broke foreign keys: {broken[:3]}")


# The tables and columns, in order, that each file format has: what the file check compares
# with what SQLite reports, so a file whose schema was edited outside the app (a column renamed
# or dropped, a table renamed) is refused in one line instead of failing in the middle of a
# read. Written out rather than derived from the migrations, so that a change to a shipped
# migration (or to CHARTER_COLUMNS, which 0001 uses) shows as a failing test
# (tests/core/test_schema_tables.py builds every format through the real migrations).
# Tables that SQLite keeps for itself (sqlite_sequence) are not listed.
_FORMAT_1: dict[str, tuple[str, ...]] = {
    "_sqlite_migrations": ("id", "migration_set", "name", "applied_at"),
    "workshop": (
        "id", "program", "organisation", "date", "cohort", "venue", "facilitator",
        "coordinator", "sponsor_name", "sponsor_title", "endorsement", "program_goals",
        "strategy_link", "success_metrics", "support_contacts", "confidentiality_text",
        "no_fault_text", "program_commitments_text", "language", "accent_colour", "logo_mime",
        "agenda_id", "program_length_months", "paper_size", "logo", "updated_at",
    ),
    "participants": (
        "id", "role", "name", "email", "title", "department", "manager", "present",
        "checked_in_at", "updated_at",
    ),
    "pairs": ("id", "code", "mentor_id", "mentee_id", "updated_at"),
    "charters": (
        "id", "pair_id", "version", "purpose", "mentor_commitments", "mentee_commitments",
        "meeting_frequency", "meeting_frequency_custom", "meeting_minutes", "meeting_format",
        "meeting_place", "who_schedules", "who_sets_agenda", "first_meeting",
        "contact_channels", "response_time", "cancellation_notice", "confidentiality_scope",
        "confidentiality_exceptions", "shared_with_others", "boundaries", "review_days",
        "feedback_method", "end_date", "renewal", "program_commitments", "updated_at",
    ),
    "goals": (
        "id", "pair_id", "position", "goal", "why", "measure", "target_date", "first_steps",
        "private", "updated_at",
    ),
    "plans": ("id", "pair_id", "position", "scenario", "plan", "exercise_id", "updated_at"),
    "charter_versions": ("id", "pair_id", "version", "snapshot", "updated_at"),
    "signoffs": ("id", "pair_id", "version", "role", "name", "signed_at", "updated_at"),
    "agenda_segments": (
        "id", "position", "exercise_id", "title", "kind", "planned_minutes", "skipped",
        "started_at", "ended_at", "actual_seconds", "updated_at",
    ),
    "audit": (
        "seq", "id", "at", "table_name", "record_id", "pair_id", "field", "old_value",
        "new_value",
    ),
}  # fmt: skip
_FORMAT_2 = {
    **_FORMAT_1,
    "workshop": (*_FORMAT_1["workshop"], "start_time"),
    "runner_state": (
        "id", "segment_id", "elapsed_seconds", "running_since", "extra_seconds", "updated_at",
    ),
}  # fmt: skip
_RUNNER_STATE_3 = ("id", "segment_id", "elapsed_seconds", "running_since", "updated_at")
_FORMAT_3 = {
    **_FORMAT_2,
    "agenda_segments": (*_FORMAT_2["agenda_segments"], "extra_seconds", "private_notes"),
    "runner_state": _RUNNER_STATE_3,
}
_FORMAT_4 = {**_FORMAT_3, "runner_state": (*_RUNNER_STATE_3, "step_extras")}
_FORMAT_5 = {
    **_FORMAT_4,
    "workshop": (
        *_FORMAT_4["workshop"],
        "return_copy_to", "return_copy_by", "mentor_boundary", "manager_acknowledgement",
    ),
    "goals": (*_FORMAT_4["goals"], "baseline"),
    "signoffs": (*_FORMAT_4["signoffs"], "paper_completed", "open_sections"),
}  # fmt: skip
_PROGRESS = ("goal1_progress", "goal2_progress", "goal3_progress")
_FORMAT_6 = {
    **_FORMAT_5,
    "workshop": (
        *_FORMAT_5["workshop"],
        "program_closed_on", "retention_months", "anonymised_on",
    ),
    "checkin_forms": ("id", "name", "source", "signature", "mapping", "updated_at"),
    "checkins": (
        "id", "pair_id", "role", "response_key", "form_id", "submitted_at", "checkpoint_day",
        "meetings_held", "last_meeting", *_PROGRESS, "fit", "satisfaction", "wants_help",
        "comment", "updated_at",
    ),
    "contacts": (
        "id", "pair_id", "on_date", "kind", "who", "text", "checkin_id", "updated_at",
    ),
    "reviews": (
        "id", "pair_id", "checkpoint_day", "held_on", "cadence_kept", *_PROGRESS,
        "plans_used", "changes", "charter_version", "updated_at",
    ),
    "closures": (
        "id", "pair_id", "closed_on", "kind", "reason", "asked_by", "rematched",
        "goal1_outcome", "goal2_outcome", "goal3_outcome", "updated_at",
    ),
}  # fmt: skip
_FORMAT_7 = {
    **_FORMAT_6,
    "pairs": (*_FORMAT_6["pairs"], "closed_on"),
}
TABLES: dict[int, dict[str, tuple[str, ...]]] = {
    1: _FORMAT_1,
    2: _FORMAT_2,
    3: _FORMAT_3,
    4: _FORMAT_4,
    5: _FORMAT_5,
    6: _FORMAT_6,
    7: _FORMAT_7,
}


def _run_script(db: Database, script: str) -> None:
    # Not executescript(): it commits first, which would break the migration's transaction.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def known_migrations() -> list[str]:
    """Names of the migrations this app knows, oldest first."""
    return [name for name, _ in _MIGRATIONS]


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied to the open file (read-only)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return []
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
        (MIGRATION_SET,),
    )
    return [name for (name,) in rows]


def unknown_migrations(conn: sqlite3.Connection) -> list[str]:
    """Migrations applied to the open file that this app does not know: a newer app's. Such a
    migration may leave `user_version` as it was, so the version alone does not tell."""
    known = set(known_migrations())
    return [name for name in applied_migrations(conn) if name not in known]


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    applied = set(applied_migrations(conn))
    return [name for name in known_migrations() if name not in applied]


def apply_migrations(conn: sqlite3.Connection) -> None:
    """Apply the pending migrations, each in one transaction with its record."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    runner = Migrations(MIGRATION_SET)
    for name, fn in _MIGRATIONS:
        runner(name=name)(fn)
    # Off while the migrations run (0007 rebuilds a table that others reference: see there).
    # The pragma does nothing inside a transaction, so it is set here, between them.
    (enforced,) = conn.execute("PRAGMA foreign_keys").fetchone()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        runner.apply(Database(conn))
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if enforced else 'OFF'}")


def schema_version() -> int:
    """The file format this app writes: the number of migrations it knows."""
    return len(known_migrations())
