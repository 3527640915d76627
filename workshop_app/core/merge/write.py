"""Writing a merge's result: a new workshop file made by the migrations, every record in one
transaction, checked for consistency, moved into place only when complete."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Protocol

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _
from workshop_app.core.merge.sources import RECORD_TABLES
from workshop_app.core.store.atomic import atomic_file
from workshop_app.core.store.schema import apply_migrations


class MergedContent(Protocol):
    workshop: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]]  # table -> records
    audit: list[dict[str, Any]]
    now: str  # when the merge's own changes are made

    def new_versions(self, changed: list[tuple[str, str, int]]) -> None:
        """Record (in `audit`) and report the charters `_restart_changed_signed` moved on."""


def write_merged(out: Path, merger: MergedContent) -> None:
    """Write the merged records to the new file `out`, all or nothing."""
    with atomic_file(out) as temp:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            apply_migrations(conn)
            conn.execute("BEGIN")
            _insert(conn, "workshop", [merger.workshop])
            for table in RECORD_TABLES:
                _insert(conn, table, merger.rows[table])
            merger.new_versions(_restart_changed_signed(conn, temp, at=merger.now))
            _insert(conn, "audit", [{k: v for k, v in r.items() if k != "seq"}
                                    for r in merger.audit])  # fmt: skip
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise UserError(
                    _("The merged file would not be consistent; nothing was written."),
                    details=[str(p) for p in problems[:20]],
                )
            conn.execute("COMMIT")
        except sqlite3.IntegrityError as exc:
            raise UserError(
                _("The files could not be combined ({reason}); nothing was written.").format(
                    reason=exc
                )
            ) from exc
        finally:
            conn.close()


def _restart_changed_signed(
    conn: sqlite3.Connection, path: Path, *, at: str
) -> list[tuple[str, str, int]]:
    """Charters whose signed version now holds changes from another room start a new version,
    as an edit after signing does in the app: the signed version stays as it was signed.
    Returns (charter id, pair id, signed version) of each."""
    from workshop_app.core.store.workshop_file import WorkshopFile

    store = WorkshopFile(path, conn, lock=None).charters
    signed_current = conn.execute(
        "SELECT c.id, c.pair_id, c.version FROM charters c WHERE EXISTS (SELECT 1 FROM"
        " signoffs s WHERE s.pair_id = c.pair_id AND s.version = c.version)"
    ).fetchall()
    changed = []
    for charter_id, pair_id, version in signed_current:
        signed = store.signed_snapshot(pair_id, version)
        if signed is not None and _content_of(signed) != _content_of(store.snapshot(pair_id)):
            conn.execute(
                "UPDATE charters SET version = ?, updated_at = ? WHERE id = ?",
                (version + 1, at, charter_id),
            )
            changed.append((charter_id, pair_id, version))
    return changed


def _content_of(snapshot: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in snapshot.items() if k != "version"}


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "seq"]
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [tuple(row.get(c) for c in columns) for row in rows],
    )
