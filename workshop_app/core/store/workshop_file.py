"""The workshop file: one SQLite database per workshop, owned by one `WorkshopFile`.

Opening for writing goes: check the file without writing (foreign, damaged, newer: refused),
take the writer lock, take a backup, then upgrade the schema. Every connection runs in WAL mode
with `synchronous=FULL` (a committed edit survives a power cut) and foreign keys on. Every
change goes through `transaction()` and leaves a row in the `audit` table.

What SQLite refuses because of the disk or the file (full, failing, read-only, busy, damaged)
becomes a `UserError` of one line, by SQLite's error code; any other SQLite error is a bug in
the app and propagates, to be logged with its traceback.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.core.charters.store import CharterStore
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _
from workshop_app.core.model import WORKSHOP_FIELD_NAMES, AuditEntry, Workshop
from workshop_app.core.roster.store import RosterStore
from workshop_app.core.runner.agenda_store import AgendaStore
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.store import backups
from workshop_app.core.store.file_check import (
    check_workshop_file,
    check_writable,
    read_only_connection,
    refuse_newer_migrations,
    stored_text,
)
from workshop_app.core.store.file_lock import WriterLock
from workshop_app.core.store.schema import (
    apply_migrations,
    pending_migrations,
    schema_version,
)
from workshop_app.core.validation import storable_text

if TYPE_CHECKING:
    from sqlite_utils import Database

SUFFIX = ".workshop"
# One audit row: table, record id, field, old value, new value, pair id (or None).
AuditRow = tuple[str, str, str, Any, Any, str | None]


class WorkshopFile:
    """An open workshop. Use `create()` or `open()`, and `close()` (or `with`) when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, lock: WriterLock | None) -> None:
        self.path = path
        self.conn = conn
        self._lock = lock
        self.roster = RosterStore(self)
        self.charters = CharterStore(self)
        self.agenda = AgendaStore(self)

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path | str, *, program: str, organisation: str, date: str, **fields: Any
    ) -> WorkshopFile:
        path = Path(path)
        if path.exists():
            raise UserError(
                _("{path} already exists; pick another name or open it instead.").format(path=path)
            )
        if not path.parent.is_dir():
            raise UserError(_("The folder {path} does not exist.").format(path=path.parent))
        _check_required(program=program, organisation=organisation, date=date)
        unknown = set(fields) - WORKSHOP_FIELD_NAMES - {"logo"}
        if unknown:
            raise ValueError(f"unknown workshop fields: {sorted(unknown)}")

        def first_record(wf: WorkshopFile) -> None:
            _configure(wf.conn)
            apply_migrations(wf.conn)
            record = {
                "id": new_id(),
                "program": program.strip(),
                "organisation": organisation.strip(),
                "date": date,
                "updated_at": utc_now(),
                **fields,
            }
            # Not transaction(): a refusal here says the workshop was not created, not that
            # a change was not saved.
            with wf._atomic():
                wf.insert("workshop", record)
                wf.audit("workshop", record["id"], "*created*", None, record["program"])

        return cls._open_for_writing(path, new=True, prepare=first_record)

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> WorkshopFile:
        path = Path(path)
        header = check_workshop_file(path, schema_version=schema_version())
        if readonly:
            if header.user_version != schema_version():
                raise UserError(
                    _(
                        "{name} is in an older format; open it in the app once to upgrade it."
                    ).format(name=path.name)
                )
            conn = read_only_connection(path)
            try:
                with sqlite_errors(path, outcome=_("it was not opened.")):
                    conn.isolation_level = None
                    conn.execute("PRAGMA query_only = ON")
            except BaseException:
                conn.close()
                raise
            return cls(path, conn, lock=None)
        check_writable(path)

        def upgrade(wf: WorkshopFile) -> None:
            refuse_newer_migrations(path, wf.conn)
            backups.take_backup(wf.conn, path, fingerprint=wf.change_mark())
            _configure(wf.conn)
            if pending_migrations(wf.conn):
                apply_migrations(wf.conn)

        return cls._open_for_writing(path, new=False, prepare=upgrade)

    @classmethod
    def _open_for_writing(
        cls, path: Path, *, new: bool, prepare: Callable[[WorkshopFile], None]
    ) -> WorkshopFile:
        """Take the writer lock, connect and `prepare` the file. On any failure the connection
        is closed and the lock released again, and a file being created is removed (while
        still locked, so nobody opens it half made)."""
        lock = WriterLock(path, create=new)
        conn: sqlite3.Connection | None = None
        outcome = _("the workshop was not created.") if new else _("it was not opened.")
        try:
            with sqlite_errors(path, outcome=outcome):
                conn = _connect(path)
                wf = cls(path, conn, lock=lock)
                prepare(wf)
        except BaseException:
            if conn is not None:
                conn.close()
            if new:
                for leftover in (path, *_sidecars(path)):
                    leftover.unlink(missing_ok=True)
            lock.release()
            raise
        return wf

    def close(self) -> None:
        if self.conn is None:
            return
        try:
            if self._lock is not None:
                # Fold the WAL back into the file so a copied .workshop is complete on its own.
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
        finally:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> WorkshopFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self.conn is not None

    @property
    def readonly(self) -> bool:
        return self._lock is None

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; nested calls join the outer one (as savepoints)."""
        if self.readonly:
            # Every write goes through here, so a change the UI failed to block is refused
            # with this message rather than as SQLite's "attempt to write a readonly database".
            raise UserError(
                _(
                    "{name} is open read-only, so this change was not saved. To edit it, "
                    "close it in the window that has it open, then open it again here."
                ).format(name=self.path.name)
            )
        with (
            sqlite_errors(self.path, outcome=_("the last change was not saved.")),
            self._atomic(),
        ):
            yield

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        conn = self.conn
        if conn.in_transaction:
            name = f"sp_{new_id().replace('-', '')}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def insert(self, table: str, record: dict[str, Any]) -> None:
        self.insert_all(table, [record])

    def insert_all(self, table: str, records: Iterable[dict[str, Any]]) -> None:
        """Insert rows that all have the same keys (one statement, many rows)."""
        rows = list(records)
        if not rows:
            return
        columns = list(rows[0])
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        )
        if len(columns) == 1:  # itemgetter of one key gives the value, not a tuple
            (only,) = columns
            values = [(row[only],) for row in rows]
        else:  # each row's tuple made in C: a bulk import has tens of thousands
            getter = itemgetter(*columns)
            values = [getter(row) for row in rows]
        self.conn.executemany(sql, values)

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the file, for migrations and tests."""
        from sqlite_utils import Database

        return Database(self.conn)

    def audit(
        self,
        table: str,
        record_id: str,
        field: str,
        old: Any,
        new: Any,
        *,
        pair_id: str | None = None,
        at: str | None = None,
    ) -> None:
        _insert_audit(self.conn, [(table, record_id, field, old, new, pair_id)], at=at or utc_now())
        self.charters.forget(table=table, record_id=record_id, pair_id=pair_id)

    def audit_many(self, entries: Iterable[AuditRow], *, at: str) -> None:
        """The audit rows of a bulk write (a roster import) in one statement. The cached pairs
        list is dropped whole: finding what each row touched would cost more than listing
        again."""
        _insert_audit(self.conn, entries, at=at)
        self.charters.invalidate()

    # -- the workshop record -------------------------------------------------------------

    def workshop(self) -> Workshop:
        row = self.conn.execute("SELECT * FROM workshop").fetchone()
        columns = [c[0] for c in self.conn.execute("SELECT * FROM workshop LIMIT 0").description]
        return Workshop(**dict(zip(columns, row, strict=True)))

    def set_workshop_field(self, name: str, value: Any) -> None:
        if name not in WORKSHOP_FIELD_NAMES and name not in {"logo", "logo_mime", "agenda_id"}:
            raise ValueError(f"unknown workshop field {name!r}")
        if isinstance(value, str):
            value = storable_text(value)
        if name in {"program", "organisation", "date"}:
            _check_required(**{name: value})
        if name == "paper_size" and value not in ("a4", "letter"):
            raise UserError(
                _("Paper size must be A4 or Letter, not {value}.").format(value=repr(value))
            )
        if name == "start_time" and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", str(value)):
            raise UserError(
                _("The start time must be written HH:MM (24-hour), not {value}.").format(
                    value=repr(value)
                )
            )
        if name == "program_length_months" and not _valid_months(value):
            raise UserError(_("Program length must be a whole number of months, 1 to 60."))
        if name == "retention_months" and not (
            value is None or (isinstance(value, int) and 0 <= value <= 120)
        ):
            raise UserError(_("Personal data is kept 0 to 120 whole months after the close-out."))
        if name == "return_copy_by" and value and not _valid_date(value):
            raise UserError(
                _(
                    "The date to return the signed copy by must be written YYYY-MM-DD, not {value}."
                ).format(value=repr(value))
            )
        if name == "manager_acknowledgement" and value not in ("", "yes"):
            raise UserError(
                _(
                    "The line manager's acknowledgement is either printed or not, not {value}."
                ).format(value=repr(value))
            )
        with self.transaction():
            record_id, old = self.conn.execute(f"SELECT id, {name} FROM workshop").fetchone()
            if old == value:
                return
            now = utc_now()
            self.conn.execute(f"UPDATE workshop SET {name} = ?, updated_at = ?", (value, now))
            shown_old = f"<{len(old)} bytes>" if isinstance(old, bytes) else old
            shown_new = f"<{len(value)} bytes>" if isinstance(value, bytes) else value
            self.audit("workshop", record_id, name, shown_old, shown_new, at=now)

    def history(self, *, pair_id: str | None = None, limit: int = 1000) -> list[AuditEntry]:
        """The audit trail, newest first: of one pair's charter, or of everything."""
        sql = "SELECT at, table_name, record_id, pair_id, field, old_value, new_value FROM audit"
        params: tuple[Any, ...] = ()
        if pair_id is not None:
            sql += " WHERE pair_id = ?"
            params = (pair_id,)
        sql += " ORDER BY seq DESC LIMIT ?"
        rows = self.conn.execute(sql, (*params, limit)).fetchall()
        return [
            AuditEntry(
                at=r[0],
                table_name=r[1],
                record_id=r[2],
                pair_id=r[3],
                field=r[4],
                old_value=r[5],
                new_value=r[6],
            )
            for r in rows
        ]

    def change_mark(self) -> str:
        """A text that changes with every saved change (the last audit entry) or migration."""
        (seq,) = self.conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()
        (version,) = self.conn.execute("PRAGMA user_version").fetchone()
        return f"v{version}s{seq}"


def _connect(path: Path) -> sqlite3.Connection:
    # Used by one thread at a time; the app may open a big file on a worker thread and then
    # hand it to the GUI thread, hence check_same_thread=False.
    conn = sqlite3.connect(path, isolation_level=None, timeout=2.0, check_same_thread=False)
    conn.text_factory = stored_text  # text that is not UTF-8 is damage to show, not a crash
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


# What is said when a field every workshop needs is left empty.
REQUIRED_EMPTY = {
    "program": N_("The workshop's program cannot be empty."),
    "organisation": N_("The workshop's organisation cannot be empty."),
    "date": N_("The workshop's date cannot be empty."),
}


def _check_required(**values: Any) -> None:
    from datetime import date

    for name, value in values.items():
        if not isinstance(value, str) or not value.strip():
            raise UserError(_(REQUIRED_EMPTY[name]))
        if name == "date":
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                raise UserError(
                    _("The workshop date must be written YYYY-MM-DD, not {value}.").format(
                        value=repr(value)
                    )
                ) from exc


def _valid_date(value: Any) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _valid_months(value: Any) -> bool:
    return value is None or (isinstance(value, int) and 1 <= value <= 60)


def _insert_audit(conn: sqlite3.Connection, entries: Iterable[AuditRow], *, at: str) -> None:
    conn.executemany(
        "INSERT INTO audit (id, at, table_name, record_id, pair_id, field, old_value,"
        " new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (new_id(), at, table, record_id, pair_id, field, _text(old), _text(new))
            for table, record_id, field, old, new, pair_id in entries
        ],
    )


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


# SQLite's primary result codes that mean something about the disk or the file, which a person
# can put right; what they say happened. Every other code ("no such column", a syntax error, a
# constraint) is a bug in the app and propagates, to be logged with its traceback.
_USER_CAUSES = {
    sqlite3.SQLITE_FULL: N_("The disk holding {name} is full"),
    sqlite3.SQLITE_IOERR: N_(
        "{name} could not be written (the disk reported an error: it may be full, removed "
        "or failing)"
    ),
    sqlite3.SQLITE_READONLY: N_("{name} cannot be written (read-only file or folder)"),
    sqlite3.SQLITE_PERM: N_("{name} cannot be written (read-only file or folder)"),
    sqlite3.SQLITE_BUSY: N_("{name} is busy in another program"),
    sqlite3.SQLITE_LOCKED: N_("{name} is busy in another program"),
    sqlite3.SQLITE_CANTOPEN: N_(
        "{name} cannot be opened (its folder {folder} may have been moved, or be out of reach)"
    ),
    sqlite3.SQLITE_CORRUPT: N_("{name} is damaged (restore it from a backup)"),
    sqlite3.SQLITE_NOTADB: N_("{name} is damaged (restore it from a backup)"),
}


@contextmanager
def sqlite_errors(path: Path, *, outcome: str) -> Iterator[None]:
    """Turn SQLite's refusals that are the disk's or the file's into one line for a person,
    ending with `outcome` (what did not happen, in the interface language)."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        # Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, ...) carry their
        # primary code in the low byte.
        code = getattr(exc, "sqlite_errorcode", None)
        cause = None if code is None else _USER_CAUSES.get(code & 0xFF)
        if cause is None:
            raise
        where = _(cause).format(name=path.name, folder=path.parent)
        raise UserError(_("{cause}: {outcome}").format(cause=where, outcome=outcome)) from exc
