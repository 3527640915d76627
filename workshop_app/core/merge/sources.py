"""The rooms' files as a merge reads them: every record, the audit trail indexed for the field
rules, the schema's defaults, and the refusals (another launch, another file format)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _
from workshop_app.core.store.schema import schema_version

RECORD_TABLES = (
    "participants",
    "pairs",
    "charters",
    "goals",
    "plans",
    "charter_versions",
    "signoffs",
    "agenda_segments",
    # After the launch (issue 16), in the order their links need: a check-in names its form,
    # a log entry its check-in.
    "checkin_forms",
    "checkins",
    "contacts",
    "reviews",
    "closures",
)
FOLLOW_UP_TABLES = ("checkins", "contacts", "reviews", "closures")
LAUNCH_FIELDS = ("program", "organisation", "date")
# How a refused merge names a launch field the files disagree on.
LAUNCH_FIELD_DIFFERS = {
    "program": N_("program {first} and {other}"),
    "organisation": N_("organisation {first} and {other}"),
    "date": N_("date {first} and {other}"),
}
# A goal's parts are audited as "goal2.why": the number is its place at the time, the part is
# the column.
_GOAL_PART = re.compile(r"goal\d+\.(\w+)")


@dataclass(slots=True)
class Source:
    """One input file, read whole."""

    index: int
    path: Path
    label: str
    workshop: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    audit: list[dict[str, Any]]
    defaults: dict[str, dict[str, Any]]  # table -> column -> the schema's default
    history: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    changes: dict[tuple[str, str, str], list[tuple[str, str]]] = field(default_factory=dict)
    values: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # id -> old, new
    created: dict[tuple[str, str], str] = field(default_factory=dict)
    signed_pairs: set[str] = field(default_factory=set)
    removed: set[tuple[str, str]] = field(default_factory=set)  # (table, id) removed here

    def __post_init__(self) -> None:
        for row in self.audit:
            record = (row["table_name"], row["record_id"])
            self.history.setdefault(record, set()).add(row["id"])
            self.created[record] = min(row["at"], self.created.get(record, row["at"]))
            name = row["field"]
            if row["table_name"] == "goals" and (m := _GOAL_PART.fullmatch(name)):
                name = m.group(1)
            self.changes.setdefault((*record, name), []).append((row["at"], row["id"]))
            self.values[row["id"]] = (row["old_value"], row["new_value"])
            if name == "*removed*":
                self.removed.add(record)
        self.signed_pairs = {r["pair_id"] for r in self.tables["signoffs"]}

    def chosen(self) -> set[str]:
        """Audit ids of this file's agenda choices."""
        return {r["id"] for r in self.audit if r["field"] == "*chosen*"}


@dataclass(slots=True)
class Version:
    """One file's copy of a record."""

    source: Source
    row: dict[str, Any]  # foreign keys mapped to the merged ids
    original_id: str
    original_pair: str | None


def labels(paths: list[Path]) -> list[str]:
    """How the report names each input: its file name, made unique when two share one."""
    names = [p.name for p in paths]
    return [
        p.name if names.count(p.name) == 1 else f"{p.parent.name}/{p.name} (input {i + 1})"
        for i, p in enumerate(paths)
    ]


def read_source(index: int, path: Path, label: str) -> Source:
    from workshop_app.core.store.workshop_file import WorkshopFile

    try:
        wf = WorkshopFile.open(path, readonly=True)
    except UserError as exc:
        raise UserError(
            _("Cannot merge {path}: {reason} Nothing was merged.").format(
                path=path, reason=exc.message
            )
        ) from exc
    with wf:
        conn = wf.conn
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        if version != schema_version():
            raise UserError(
                _(
                    "Cannot merge {name}: it is in file format {format} and this app writes "
                    "format {newest}. Open it in this version of the app first; "
                    "nothing was merged."
                ).format(name=path.name, format=version, newest=schema_version())
            )
        tables = {name: _rows(conn, f"SELECT * FROM {name}") for name in RECORD_TABLES}
        workshop = _rows(conn, "SELECT * FROM workshop")[0]
        audit = _rows(conn, "SELECT * FROM audit ORDER BY seq")
        defaults = {name: _defaults(conn, name) for name in ("workshop", *RECORD_TABLES)}
    return Source(index, path, label, workshop, tables, audit, defaults)


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _defaults(conn: sqlite3.Connection, table: str) -> dict[str, Any]:
    """Each column's default as a value ('09:00', '', 0, 1; None where there is none)."""
    return {name: _literal(default) for _, name, _, _, default, _ in
            conn.execute(f"PRAGMA table_info({table})")}  # fmt: skip


def _literal(sql: str | None) -> Any:
    if sql is None or sql.upper() == "NULL":
        return None
    if sql.startswith("'") and sql.endswith("'"):
        return sql[1:-1].replace("''", "'")
    try:
        return int(sql)
    except ValueError:
        return float(sql)


def launch_key(value: Any) -> str:
    return " ".join(str(value or "").split()).casefold()


def check_same_launch(sources: list[Source]) -> None:
    first = sources[0]
    for other in sources[1:]:
        differ = [
            _(LAUNCH_FIELD_DIFFERS[name]).format(
                first=repr(first.workshop[name]), other=repr(other.workshop[name])
            )
            for name in LAUNCH_FIELDS
            if launch_key(first.workshop[name]) != launch_key(other.workshop[name])
        ]
        if differ:
            raise UserError(
                _(
                    "{first} and {other} are not from the same launch: {differences}. Only "
                    "rooms of one launch (same program, organisation and date) can be merged; "
                    "nothing was merged."
                ).format(first=first.label, other=other.label, differences="; ".join(differ))
            )
