"""The contact and meeting log: what a call, an email or a check-in told the coordinator about
a pair, one dated entry at a time.

Entries typed by staff are added, edited and removed here. A check-in import writes entries
of its own (`checkin_id` set: the response's summary, and the meeting it reports); those stand
for the response, so they change only with it: removing the check-in removes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _
from workshop_app.core.roster.store import PAIR_GONE
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.validation import storable_text

if TYPE_CHECKING:
    from workshop_app.core.store.access import OpenWorkshop

# What staff log by hand, in the order offered; "checkin" entries come from survey imports.
KINDS = ("meeting", "cancelled", "concern", "note")
# Each kind as the log's Kind column shows it; marked here, translated where shown.
KIND_WORDS = {
    "meeting": N_("meeting"),
    "cancelled": N_("cancelled"),
    "concern": N_("concern"),
    "note": N_("note"),
    "checkin": N_("check-in"),
}
WHO = ("", "mentor", "mentee", "both", "staff")
# A log line is a sentence or two from a call; a pasted email thread is cut off here.
MAX_TEXT = 2000
# Entries may go back before the launch (a pair matched early met already), not further.
BEFORE_LAUNCH = timedelta(days=365)
_COLUMNS = "id, pair_id, on_date, kind, who, text, checkin_id, updated_at"
# Marked here, translated where it is raised: `UserError(_(FROM_CHECKIN))`.
FROM_CHECKIN = N_(
    "This entry came from a check-in survey response; it changes only with the response "
    "(remove the check-in to remove it). Nothing was changed."
)


@dataclass(frozen=True, slots=True)
class ContactEntry:
    id: str
    pair_id: str
    on_date: date
    kind: str  # one of KINDS, or "checkin"
    who: str  # one of WHO
    text: str
    checkin_id: str | None
    updated_at: str

    @property
    def from_checkin(self) -> bool:
        return self.checkin_id is not None


class ContactLog:
    """The log of every pair in one workshop file. `today` is the caller's (core never reads
    the clock for a date): an entry is never dated after it."""

    def __init__(self, wf: OpenWorkshop) -> None:
        self._wf = wf

    # -- reading ---------------------------------------------------------------------------

    def entries(self, pair_id: str) -> list[ContactEntry]:
        """The pair's log, newest first (on one day: the last written first)."""
        rows = self._wf.conn.execute(
            f"SELECT {_COLUMNS} FROM contacts WHERE pair_id = ?"
            " ORDER BY on_date DESC, updated_at DESC, id",
            (pair_id,),
        ).fetchall()
        return [_entry(r) for r in rows]

    def entry(self, entry_id: str) -> ContactEntry:
        row = self._wf.conn.execute(
            f"SELECT {_COLUMNS} FROM contacts WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            raise UserError(_("That log entry is no longer in the workshop; nothing was changed."))
        return _entry(row)

    # -- writing ---------------------------------------------------------------------------

    def add(
        self,
        pair_id: str,
        *,
        on_date: date | str,
        kind: str,
        who: str = "",
        text: str = "",
        today: date,
    ) -> ContactEntry:
        values = self._checked(on_date=on_date, kind=kind, who=who, text=text, today=today)
        now = utc_now()
        record = {"id": new_id(), "pair_id": pair_id, **values, "updated_at": now}
        with self._wf.transaction():
            if not self._pair_exists(pair_id):
                raise UserError(_(PAIR_GONE))
            self._wf.insert("contacts", record)
            self._wf.audit(
                "contacts", record["id"], "*created*", None, values, pair_id=pair_id, at=now
            )
        return self.entry(record["id"])

    def edit(self, entry_id: str, *, today: date, **changes: Any) -> ContactEntry:
        """Change an entry's date, kind, who or text (those given)."""
        unknown = set(changes) - {"on_date", "kind", "who", "text"}
        if unknown:
            raise ValueError(f"unknown log entry fields: {sorted(unknown)}")
        current = self.entry(entry_id)
        if current.from_checkin:
            raise UserError(_(FROM_CHECKIN))
        merged: dict[str, Any] = {
            "on_date": current.on_date,
            "kind": current.kind,
            "who": current.who,
            "text": current.text,
        } | changes
        values = self._checked(**merged, today=today)
        now = utc_now()
        with self._wf.transaction():
            for name, value in values.items():
                old = current.on_date.isoformat() if name == "on_date" else getattr(current, name)
                if old == value:
                    continue
                self._wf.conn.execute(
                    f"UPDATE contacts SET {name} = ?, updated_at = ? WHERE id = ?",
                    (value, now, entry_id),
                )
                self._wf.audit(
                    "contacts", entry_id, name, old, value, pair_id=current.pair_id, at=now
                )
        return self.entry(entry_id)

    def remove(self, entry_id: str) -> ContactEntry:
        """Remove an entry; what it was is returned (and kept in the audit trail)."""
        current = self.entry(entry_id)
        if current.from_checkin:
            raise UserError(_(FROM_CHECKIN))
        with self._wf.transaction():
            self._wf.conn.execute("DELETE FROM contacts WHERE id = ?", (entry_id,))
            self._wf.audit(
                "contacts",
                entry_id,
                "*removed*",
                _stored(current),
                None,
                pair_id=current.pair_id,
            )
        return current

    # -- checking --------------------------------------------------------------------------

    def _checked(
        self, *, on_date: date | str, kind: str, who: str, text: str, today: date
    ) -> dict[str, str]:
        day = _as_date(on_date)
        if day > today:
            raise UserError(
                _(
                    "The log entry's date {day} is after today ({today}): log what has "
                    "happened. Not saved."
                ).format(day=day.isoformat(), today=today.isoformat())
            )
        launch = self._launch()
        if launch is not None and day < launch - BEFORE_LAUNCH:
            raise UserError(
                _(
                    "The log entry's date {day} is more than a year before the program's "
                    "launch ({launch}): is the year right? Not saved."
                ).format(day=day.isoformat(), launch=launch.isoformat())
            )
        if kind not in KINDS:
            raise UserError(
                _(
                    "A log entry is a meeting, a cancellation, a concern or a note, not {kind}."
                ).format(kind=repr(kind))
            )
        if who not in WHO:
            raise UserError(
                _("A log entry is about the mentor, the mentee, both or staff, not {who}.").format(
                    who=repr(who)
                )
            )
        text = storable_text(text).strip()
        if len(text) > MAX_TEXT:
            raise UserError(
                _(
                    "The log entry's text is {size} characters long; keep it under {limit} "
                    "(the rest belongs in a file of its own). Not saved."
                ).format(size=f"{len(text):,}", limit=f"{MAX_TEXT:,}")
            )
        if kind in ("concern", "note") and not text:
            raise UserError(
                _("Write what the concern is: the entry's text is empty. Not saved.")
                if kind == "concern"
                else _("Write what the note is: the entry's text is empty. Not saved.")
            )
        return {"on_date": day.isoformat(), "kind": kind, "who": who, "text": text}

    def _launch(self) -> date | None:
        row = self._wf.conn.execute("SELECT date FROM workshop").fetchone()
        try:
            return date.fromisoformat(row[0]) if row and row[0] else None
        except ValueError:
            return None

    def _pair_exists(self, pair_id: str) -> bool:
        found = self._wf.conn.execute("SELECT 1 FROM pairs WHERE id = ?", (pair_id,)).fetchone()
        return found is not None


def _as_date(value: date | str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(
            _(
                "The log entry's date {text} is not a date: write it like 2027-03-09. Not saved."
            ).format(text=repr(str(value)[:40]))
        ) from None


def _entry(row: tuple[Any, ...]) -> ContactEntry:
    return ContactEntry(
        id=row[0],
        pair_id=row[1],
        on_date=date.fromisoformat(row[2]),
        kind=row[3],
        who=row[4],
        text=row[5],
        checkin_id=row[6],
        updated_at=row[7],
    )


def _stored(entry: ContactEntry) -> dict[str, str]:
    return {
        "on_date": entry.on_date.isoformat(),
        "kind": entry.kind,
        "who": entry.who,
        "text": entry.text,
    }
