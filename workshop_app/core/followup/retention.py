"""Retention: after the period the program set has passed since its close-out, personal data
is removed from the workshop file in place, and the figures stay.

Removed or replaced: people's names ("Mentor 1", "Mentee 1" by pair code order), emails,
titles and managers; the staff names of the program (facilitator, coordinator, sponsor and
the sponsor's title, which names them as surely, support contacts, who collects the copies);
every word pairs wrote in their charters (the current one and each signed version's copy),
goals' words, troubleshooting plans, check-in comments, log texts, review notes, closure
reasons, the facilitator's private notes; the names on the signatures; the audit trail's old
and new values of all of these (every value but those the figures are made of); the identity
of each check-in (it can hold an email) is replaced by its hash, so a re-import is still
recognised. What the aggregate figures are made of stays: pair codes, roles, departments,
cadences, dates, progress numbers, fit, satisfaction, closures' kinds, who asked and goal
outcomes. Every text column of the schema is either removed here or on the reviewed
keep-list of tests/core/test_retention.py.

One transaction with `secure_delete` on (a kill at any moment leaves the file as it was); then
VACUUM and a WAL checkpoint, so no old page is left in the file or beside it; then the backups
the app keeps of this file are deleted (each holds every value ever typed), and so are the
rendered PDFs of the render cache (those of every workshop: `render_cache.clear` says why) and
what killed processes left in the app's temporary folder (print and export work files).
The close-out does not clear them: until the retention period ends the file holds the same
names, and the cache is as private as the backups.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.core import temp_files
from workshop_app.core.charter_fields import CHARTER_COLUMNS
from workshop_app.core.charters import render_cache
from workshop_app.core.charters.dates import format_date, parse_date
from workshop_app.core.charters.summary_timeline import add_months
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.paths import temp_dir
from workshop_app.core.runner.clock import utc_now
from workshop_app.core.store import backups

if TYPE_CHECKING:
    import sqlite3

    from workshop_app.core.store.workshop_file import WorkshopFile

# Charter columns people write in their own words; choices, numbers, dates and the checkpoint
# days (what cadence and health are computed from) stay.
CHARTER_TEXT = tuple(
    f.name
    for f in CHARTER_COLUMNS
    if f.kind in ("text", "line") and f.name != "meeting_frequency_custom"
)
GOAL_TEXT = ("goal", "why", "measure", "first_steps")
WORKSHOP_PEOPLE = (
    "facilitator",
    "coordinator",
    "sponsor_name",
    "sponsor_title",
    "endorsement",
    "support_contacts",
    "return_copy_to",
)
# Free text per table, emptied.
_EMPTIED: dict[str, tuple[str, ...]] = {
    "charters": CHARTER_TEXT,
    "goals": GOAL_TEXT,
    "plans": ("scenario", "plan"),
    "checkins": ("comment",),
    "contacts": ("text",),
    "reviews": ("plans_used", "changes"),
    "closures": ("reason",),
    "agenda_segments": ("private_notes",),
}
# The audit values that stay: the fields the figures are made of. Every other old and new
# value (names, emails, text, the JSON of a created or removed record) becomes NULL.
_KEPT_AUDIT_FIELDS = frozenset(
    {
        "version", "*reopened*", "code", "present", "role", "department",
        "meeting_frequency", "meeting_frequency_custom", "meeting_minutes", "meeting_format",
        "who_schedules", "who_sets_agenda", "first_meeting", "review_days", "end_date",
        "program_length_months", "program_closed_on", "retention_months", "anonymised_on",
        "kind", "asked_by", "rematched", "closed_on", "goal1_outcome", "goal2_outcome",
        "goal3_outcome", "date", "program", "organisation", "cohort", "language", "paper_size",
    }
)  # fmt: skip
_KEPT_GOAL_PARTS = (".baseline", ".target_date", ".private")


@dataclass(frozen=True, slots=True)
class Plan:
    """What anonymising this file would do, counted."""

    people: int
    pairs: int
    texts: int  # non-empty free-text values removed
    signatures: int
    audit_values: int
    backups: int
    cached_pdfs: int

    def lines(self) -> list[str]:
        # For the person at the keyboard (the CLI, the close-out dialog): interface language.
        return [
            ngettext(
                "{n} person: names, emails, titles and managers replaced",
                "{n} people: names, emails, titles and managers replaced",
                self.people,
            ).format(n=self.people),
            ngettext(
                "{n} piece of text written in charters, goals, plans, check-ins, the log, "
                "reviews and closures removed",
                "{n} pieces of text written in charters, goals, plans, check-ins, the log, "
                "reviews and closures removed",
                self.texts,
            ).format(n=self.texts),
            ngettext(
                "{n} signature: names replaced", "{n} signatures: names replaced", self.signatures
            ).format(n=self.signatures),
            ngettext(
                "{n} value in the change history removed",
                "{n} values in the change history removed",
                self.audit_values,
            ).format(n=self.audit_values),
            ngettext(
                "{n} backup of this file deleted", "{n} backups of this file deleted", self.backups
            ).format(n=self.backups),
            ngettext(
                "{n} rendered PDF in the render cache deleted (of every workshop: they are "
                "rendered again when printed)",
                "{n} rendered PDFs in the render cache deleted (of every workshop: they are "
                "rendered again when printed)",
                self.cached_pdfs,
            ).format(n=self.cached_pdfs),
            ngettext(
                "Kept: {n} pair with its code, cadence, dates, progress, fit, satisfaction, "
                "closure and goal outcomes.",
                "Kept: {n} pairs with their codes, cadences, dates, progress, fit, "
                "satisfaction, closures and goal outcomes.",
                self.pairs,
            ).format(n=self.pairs),
        ]


def possible_on(wf: WorkshopFile) -> date | None:
    """The first day personal data may be removed: the close-out plus the retention months."""
    w = wf.workshop()
    closed = parse_date(w.program_closed_on)
    if closed is None or w.retention_months is None:
        return None
    return add_months(closed, w.retention_months)


def refusal(wf: WorkshopFile, *, today: date) -> str | None:
    """Why personal data cannot be removed today, in one line; None when it can."""
    w = wf.workshop()
    lang = w.language
    if w.anonymised_on:
        return _("Personal data was already removed from {file} on {day}.").format(
            file=wf.path.name, day=format_date(w.anonymised_on, lang)
        )
    if not w.program_closed_on:
        return _(
            "{file}: the program is not closed yet; personal data is removed a set "
            "period after the close-out (Follow-up > Close the program…)."
        ).format(file=wf.path.name)
    if w.retention_months is None:
        return _(
            "{file}: the program set no retention period; set how many months "
            "personal data is kept after the close-out on the Program page."
        ).format(file=wf.path.name)
    when = possible_on(wf)
    assert when is not None
    if today < when:
        months = w.retention_months
        return ngettext(
            "Personal data in {file} is kept until {day} ({n} month after the close-out); "
            "it can be removed from that day.",
            "Personal data in {file} is kept until {day} ({n} months after the close-out); "
            "it can be removed from that day.",
            months,
        ).format(file=wf.path.name, day=format_date(when, lang), n=months)
    return None


def plan(wf: WorkshopFile) -> Plan:
    conn = wf.conn
    texts = 0
    for table, columns in _EMPTIED.items():
        filled = " + ".join(f"({c} != '')" for c in columns)
        texts += conn.execute(f"SELECT coalesce(sum({filled}), 0) FROM {table}").fetchone()[0]
    return Plan(
        people=_one(conn, "SELECT count(*) FROM participants"),
        pairs=_one(conn, "SELECT count(*) FROM pairs"),
        texts=texts,
        signatures=_one(conn, "SELECT count(*) FROM signoffs"),
        audit_values=_one(
            conn,
            "SELECT count(*) FROM audit WHERE old_value IS NOT NULL OR new_value IS NOT NULL",
        )
        - _kept_audit(conn),
        backups=len(_backup_files(wf.path)),
        cached_pdfs=len(render_cache.cached_files()),
    )


def anonymise(wf: WorkshopFile, *, today: date) -> Plan:
    """Remove personal data in place (see the module's docstring). Returns what was done."""
    why = refusal(wf, today=today)
    if why is not None:
        raise UserError(why)
    done = plan(wf)
    conn = wf.conn
    conn.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed, not left readable
    with wf.transaction():
        aliases = _aliases(conn)
        _participants(conn, aliases)
        _emptied(conn)
        _signed_versions(conn)
        _signatures(conn, aliases)
        _checkin_keys(conn)
        _audit(conn)
        now = utc_now()
        conn.execute(
            "UPDATE workshop SET anonymised_on = ?, updated_at = ?, "
            + ", ".join(f"{c} = ''" for c in WORKSHOP_PEOPLE),
            (today.isoformat(), now),
        )
        record_id = conn.execute("SELECT id FROM workshop").fetchone()[0]
        wf.audit("workshop", record_id, "anonymised_on", "", today.isoformat(), at=now)
    wf.charters.invalidate()
    # The backups first, straight after the commit: the rewrite below takes seconds, and a
    # run stopped during it must not leave copies of every name that a second run, refused
    # as done, would never delete.
    for path in _backup_files(wf.path):
        path.unlink(missing_ok=True)
    render_cache.clear()
    temp_files.remove_stale(temp_dir())
    _rewrite(wf)
    return done


def _rewrite(wf: WorkshopFile) -> None:
    """VACUUM rewrites the file from the live rows only; the checkpoint folds the rewrite into
    the file and empties the WAL, where the old pages would otherwise wait."""
    wf.conn.execute("VACUUM")
    wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# -- the steps (each a function, so a test can kill the process between them) ---------------


def _aliases(conn: sqlite3.Connection) -> dict[str, str]:
    """Participant id -> "Mentor 3": the number of the pair in code order; people not in a
    pair are numbered after the pairs."""
    from workshop_app.core.roster.store import code_sort_key

    pairs = sorted(conn.execute("SELECT code, mentor_id, mentee_id FROM pairs"),
                   key=lambda r: code_sort_key(r[0]))  # fmt: skip
    out: dict[str, str] = {}
    for number, (_pair_id, mentor, mentee) in enumerate(pairs, start=1):
        # A person re-matched after a closure keeps the alias of their first pair.
        out.setdefault(mentor, f"Mentor {number}")
        out.setdefault(mentee, f"Mentee {number}")
    numbers = {"mentor": len(pairs), "mentee": len(pairs)}
    for person_id, role in conn.execute("SELECT id, role FROM participants ORDER BY id"):
        if person_id not in out:
            numbers[role] += 1
            out[person_id] = f"{role.capitalize()} {numbers[role]}"
    return out


def _participants(conn: sqlite3.Connection, aliases: dict[str, str]) -> None:
    conn.executemany(
        "UPDATE participants SET name = ?, email = ?, title = '', manager = '' WHERE id = ?",
        [
            (alias, alias.lower().replace(" ", "-") + "@anonymised.invalid", person_id)
            for person_id, alias in aliases.items()
        ],
    )


def _emptied(conn: sqlite3.Connection) -> None:
    for table, columns in _EMPTIED.items():
        conn.execute(f"UPDATE {table} SET " + ", ".join(f"{c} = ''" for c in columns))


def _signed_versions(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT id, snapshot FROM charter_versions").fetchall()
    conn.executemany(
        "UPDATE charter_versions SET snapshot = ? WHERE id = ?",
        [(json.dumps(_snapshot(json.loads(s)), ensure_ascii=False, sort_keys=True), i)
         for i, s in rows],
    )  # fmt: skip


def _snapshot(snapshot: dict[str, Any]) -> dict[str, Any]:
    fields = {k: ("" if k in CHARTER_TEXT else v) for k, v in snapshot.get("fields", {}).items()}
    goals = [{k: ("" if k in GOAL_TEXT else v) for k, v in g.items()}
             for g in snapshot.get("goals", [])]  # fmt: skip
    plans = [{k: "" for k in p} for p in snapshot.get("plans", [])]
    return {**snapshot, "fields": fields, "goals": goals, "plans": plans}


def _signatures(conn: sqlite3.Connection, aliases: dict[str, str]) -> None:
    rows = conn.execute(
        "SELECT s.id, s.role, p.mentor_id, p.mentee_id FROM signoffs s"
        " JOIN pairs p ON p.id = s.pair_id"
    ).fetchall()
    conn.executemany(
        "UPDATE signoffs SET name = ? WHERE id = ?",
        [
            ({"mentor": aliases.get(m), "mentee": aliases.get(e)}.get(role) or "Coordinator", i)
            for i, role, m, e in rows
        ],
    )


def _checkin_keys(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT id, response_key FROM checkins").fetchall()
    conn.executemany(
        "UPDATE checkins SET response_key = ? WHERE id = ?",
        [("sha256:" + hashlib.sha256(key.encode()).hexdigest(), i) for i, key in rows
         if not key.startswith("sha256:")],
    )  # fmt: skip


def _audit(conn: sqlite3.Connection) -> None:
    kept = ", ".join(f"'{f}'" for f in sorted(_KEPT_AUDIT_FIELDS))
    parts = " OR ".join(f"field LIKE '%{p}'" for p in _KEPT_GOAL_PARTS)
    conn.execute(
        "UPDATE audit SET old_value = NULL, new_value = NULL"
        f" WHERE NOT (field IN ({kept}) OR (table_name = 'goals' AND ({parts})))"
        " AND (old_value IS NOT NULL OR new_value IS NOT NULL)"
    )


def _kept_audit(conn: sqlite3.Connection) -> int:
    kept = ", ".join(f"'{f}'" for f in sorted(_KEPT_AUDIT_FIELDS))
    parts = " OR ".join(f"field LIKE '%{p}'" for p in _KEPT_GOAL_PARTS)
    return _one(
        conn,
        f"SELECT count(*) FROM audit WHERE (field IN ({kept}) OR (table_name = 'goals' AND"
        f" ({parts}))) AND (old_value IS NOT NULL OR new_value IS NOT NULL)",
    )


def _one(conn: sqlite3.Connection, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])


def _backup_files(workshop: Path) -> list[Path]:
    folder = backups.folder_for(workshop)
    return sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []
