"""The workshop file: one SQLite database per workshop, owned by one `WorkshopFile`.

Opening for writing goes: check the file without writing (foreign, damaged, newer: refused),
take the writer lock, take a backup, then upgrade the schema. Every connection runs in WAL mode
with `synchronous=FULL` (a committed edit survives a power cut) and foreign keys on. Every
change goes through `transaction()` and leaves a row in the `audit` table.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.core import backups
from workshop_app.core.clock import new_id, utc_now
from workshop_app.core.errors import UserError
from workshop_app.core.file_check import (
    check_workshop_file,
    check_writable,
    read_only_connection,
    stored_text,
)
from workshop_app.core.file_lock import WriterLock
from workshop_app.core.model import WORKSHOP_FIELD_NAMES, AuditEntry, Workshop
from workshop_app.core.schema import (
    applied_migrations,
    apply_migrations,
    known_migrations,
    pending_migrations,
    schema_version,
)
from workshop_app.core.validation import storable_text

if TYPE_CHECKING:
    from sqlite_utils import Database

SUFFIX = ".workshop"


class WorkshopFile:
    """An open workshop. Use `create()` or `open()`, and `close()` (or `with`) when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, lock: WriterLock | None) -> None:
        from workshop_app.core.agenda_store import AgendaStore
        from workshop_app.core.charter_store import CharterStore
        from workshop_app.core.roster_store import RosterStore

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
            raise UserError(f"{path} already exists; pick another name or open it instead.")
        if not path.parent.is_dir():
            raise UserError(f"The folder {path.parent} does not exist.")
        _check_required(program=program, organisation=organisation, date=date)
        lock = WriterLock(path)
        try:
            conn = _connect(path)
        except sqlite3.Error as exc:
            lock.release()
            raise UserError(f"Cannot create {path}: {exc}.") from exc
        try:
            _configure(conn)
            wf = cls(path, conn, lock=lock)
            apply_migrations(conn)
            now = utc_now()
            record = {
                "id": new_id(),
                "program": program.strip(),
                "organisation": organisation.strip(),
                "date": date,
                "updated_at": now,
            }
            unknown = set(fields) - WORKSHOP_FIELD_NAMES - {"logo"}
            if unknown:
                raise ValueError(f"unknown workshop fields: {sorted(unknown)}")
            record.update(fields)
            with wf.transaction():
                wf.insert("workshop", record)
                wf.audit("workshop", record["id"], "*created*", None, record["program"])
        except BaseException:
            conn.close()
            lock.release()
            for leftover in (path, *_sidecars(path)):
                leftover.unlink(missing_ok=True)
            raise
        return wf

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> WorkshopFile:
        path = Path(path)
        header = check_workshop_file(path, schema_version=schema_version())
        if readonly:
            if header.user_version != schema_version():
                raise UserError(
                    f"{path.name} is in an older format; open it in the app once to upgrade it."
                )
            conn = read_only_connection(path)
            conn.isolation_level = None
            conn.execute("PRAGMA query_only = ON")
            return cls(path, conn, lock=None)
        check_writable(path)
        lock = WriterLock(path)
        try:
            conn = _connect(path)
        except sqlite3.Error as exc:
            lock.release()
            raise UserError(f"Cannot open {path}: {exc}.") from exc
        try:
            wf = cls(path, conn, lock=lock)
            unknown = set(applied_migrations(conn)) - set(known_migrations())
            if unknown:
                raise UserError(
                    f"{path.name} was saved by a newer version of the workshop app. "
                    "Update the app to open it; the file has not been changed."
                )
            backups.take_backup(conn, path, fingerprint=wf.change_mark())
            _configure(conn)
            if pending_migrations(conn):
                apply_migrations(conn)
        except sqlite3.OperationalError as exc:
            conn.close()
            lock.release()
            raise UserError(_operational_message(path, exc)) from exc
        except BaseException:
            conn.close()
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
                f"{self.path.name} is open read-only, so this change was not saved. To edit it, "
                "close it in the window that has it open, then open it again here."
            )
        try:
            with self._atomic():
                yield
        except sqlite3.OperationalError as exc:
            raise UserError(_operational_message(self.path, exc)) from exc

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
        self.conn.executemany(sql, [tuple(row[c] for c in columns) for row in rows])

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
        self.conn.execute(
            "INSERT INTO audit (id, at, table_name, record_id, pair_id, field, old_value,"
            " new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (new_id(), at or utc_now(), table, record_id, pair_id, field, _text(old), _text(new)),
        )
        self.charters.forget(table=table, record_id=record_id, pair_id=pair_id)

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
            raise UserError(f"Paper size must be A4 or Letter, not {value!r}.")
        if name == "start_time" and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", str(value)):
            raise UserError(f"The start time must be written HH:MM (24-hour), not {value!r}.")
        if name == "program_length_months" and not _valid_months(value):
            raise UserError("Program length must be a whole number of months, 1 to 60.")
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


def _check_required(**values: Any) -> None:
    from datetime import date

    for name, value in values.items():
        if not isinstance(value, str) or not value.strip():
            raise UserError(f"The workshop's {name} cannot be empty.")
        if name == "date":
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                raise UserError(
                    f"The workshop date must be written YYYY-MM-DD, not {value!r}."
                ) from exc


def _valid_months(value: Any) -> bool:
    return value is None or (isinstance(value, int) and 1 <= value <= 60)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _operational_message(path: Path, exc: sqlite3.OperationalError) -> str:
    text = str(exc)
    if "disk" in text and "full" in text:
        return f"The disk holding {path.name} is full: the last change was not saved."
    if "readonly" in text or "read-only" in text:
        return f"{path.name} cannot be written (read-only file or folder)."
    if "locked" in text:
        return f"{path.name} is busy in another program; the last change was not saved."
    if "disk I/O error" in text:
        return (
            f"{path.name} could not be written (the disk reported an error: it may be full, "
            "removed or failing): the last change was not saved."
        )
    return f"Could not save to {path.name}: {text}."
