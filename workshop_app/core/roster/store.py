"""Participants, pairs and attendance in the workshop file."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from workshop_app.core.errors import UserError
from workshop_app.core.followup.closing import PAIR_GONE, and_list, mark_rematched, pair_records
from workshop_app.core.i18n import _
from workshop_app.core.model import PARTICIPANT_FIELDS, Pair, Participant
from workshop_app.core.plain_text import plain
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.validation import (
    MAX_CODE,
    is_pair_code,
    normalise_email,
    storable_text,
    valid_email,
)

if TYPE_CHECKING:
    from workshop_app.core.store.access import OpenWorkshop

_CODE = re.compile(r"^P(\d+)$")


def format_code(number: int) -> str:
    return f"P{number:02d}"


class RosterStore:
    def __init__(self, wf: OpenWorkshop) -> None:
        self._wf = wf

    # -- participants ----------------------------------------------------------------------

    def participants(self) -> list[Participant]:
        rows = self._wf.conn.execute(
            "SELECT id, role, name, email, title, department, manager, present, checked_in_at,"
            " updated_at FROM participants"
        ).fetchall()
        # By role, then by name as people alphabetise it: "Özlem" with the O's and "Élodie"
        # with the E's (SQLite's NOCASE puts every accented letter after Z).
        return sorted(map(_participant, rows), key=lambda p: (p.role, plain(p.name), p.name))

    def participant(self, participant_id: str) -> Participant:
        row = self._wf.conn.execute(
            "SELECT id, role, name, email, title, department, manager, present, checked_in_at,"
            " updated_at FROM participants WHERE id = ?",
            (participant_id,),
        ).fetchone()
        if row is None:
            raise UserError(_("That participant is no longer in the workshop."))
        return _participant(row)

    def participant_by_email(self, email: str) -> Participant | None:
        row = self._wf.conn.execute(
            "SELECT id FROM participants WHERE email = ?", (normalise_email(email),)
        ).fetchone()
        return self.participant(row[0]) if row else None

    def add_participant(
        self,
        *,
        role: str,
        name: str,
        email: str,
        title: str = "",
        department: str = "",
        manager: str = "",
    ) -> Participant:
        values = _checked(
            role=role, name=name, email=email, title=title, department=department, manager=manager
        )
        if self.participant_by_email(values["email"]) is not None:
            raise UserError(
                _("Someone with the email {email} is already in the roster.").format(
                    email=values["email"]
                )
            )
        now = utc_now()
        record = {"id": new_id(), **values, "updated_at": now}
        with self._wf.transaction():
            self._wf.insert("participants", record)
            self._wf.audit("participants", record["id"], "*created*", None, values, at=now)
        return self.participant(record["id"])

    def update_participant(self, participant_id: str, **changes: str) -> Participant:
        unknown = set(changes) - set(PARTICIPANT_FIELDS)
        if unknown:
            raise ValueError(f"unknown participant fields: {sorted(unknown)}")
        current = self.participant(participant_id)
        merged = {f: getattr(current, f) for f in PARTICIPANT_FIELDS} | changes
        values = _checked(**merged)
        if values["email"] != current.email:
            other = self.participant_by_email(values["email"])
            if other is not None:
                raise UserError(
                    _("{name} already has the email {email}.").format(
                        name=other.name, email=values["email"]
                    )
                )
        if values["role"] != current.role and self.pairs_of(participant_id):
            raise UserError(
                _("{name} is in a pair; break the pair before changing role.").format(
                    name=current.name
                )
            )
        now = utc_now()
        with self._wf.transaction():
            for name, value in values.items():
                old = getattr(current, name)
                if old == value:
                    continue
                self._wf.conn.execute(
                    f"UPDATE participants SET {name} = ?, updated_at = ? WHERE id = ?",
                    (value, now, participant_id),
                )
                self._wf.audit("participants", participant_id, name, old, value, at=now)
        return self.participant(participant_id)

    def remove_participant(self, participant_id: str) -> None:
        current = self.participant(participant_id)
        pairs = self.pairs_of(participant_id)
        if pairs:
            pair = pairs[-1]
            raise UserError(
                _("{name} is in pair {code}; break the pair before removing them.").format(
                    name=current.name, code=pair.code
                )
            )
        with self._wf.transaction():
            self._wf.conn.execute("DELETE FROM participants WHERE id = ?", (participant_id,))
            self._wf.audit("participants", participant_id, "*removed*", current.name, None)

    def set_attendance(self, participant_id: str, present: bool | None) -> None:
        current = self.participant(participant_id)
        if current.present == present:
            return
        now = utc_now()
        checked_in = now if present else None
        with self._wf.transaction():
            self._wf.conn.execute(
                "UPDATE participants SET present = ?, checked_in_at = ?, updated_at = ?"
                " WHERE id = ?",
                (None if present is None else int(present), checked_in, now, participant_id),
            )
            self._wf.audit("participants", participant_id, "present", current.present, present)

    # -- pairs -----------------------------------------------------------------------------

    def pairs(self) -> list[Pair]:
        rows = self._wf.conn.execute(
            "SELECT id, code, mentor_id, mentee_id, updated_at, closed_on FROM pairs"
        ).fetchall()
        found = [_pair(r) for r in rows]
        return sorted(found, key=lambda p: code_sort_key(p.code))

    def pair(self, pair_id: str) -> Pair:
        row = self._wf.conn.execute(
            "SELECT id, code, mentor_id, mentee_id, updated_at, closed_on FROM pairs WHERE id = ?",
            (pair_id,),
        ).fetchone()
        if row is None:
            raise UserError(_(PAIR_GONE))
        return _pair(row)

    def pair_by_code(self, code: str) -> Pair | None:
        row = self._wf.conn.execute(
            "SELECT id FROM pairs WHERE code = ? COLLATE NOCASE", (code.strip(),)
        ).fetchone()
        return self.pair(row[0]) if row else None

    def pair_of(self, participant_id: str) -> Pair | None:
        """The person's open pair: a person is in at most one, and once it is closed they may
        be paired again (re-matched)."""
        row = self._wf.conn.execute(
            "SELECT id FROM pairs WHERE (mentor_id = ? OR mentee_id = ?) AND closed_on IS NULL",
            (participant_id, participant_id),
        ).fetchone()
        return self.pair(row[0]) if row else None

    def pairs_of(self, participant_id: str) -> list[Pair]:
        """Every pair the person is or was in, closed ones included, oldest first."""
        rows = self._wf.conn.execute(
            "SELECT id FROM pairs WHERE mentor_id = ? OR mentee_id = ? ORDER BY closed_on IS NULL,"
            " closed_on, rowid",
            (participant_id, participant_id),
        ).fetchall()
        return [self.pair(pair_id) for (pair_id,) in rows]

    def next_code(self) -> str:
        numbers = [
            int(m.group(1))
            for (code,) in self._wf.conn.execute("SELECT code FROM pairs")
            if (m := _CODE.match(code))
        ]
        return format_code(max(numbers, default=0) + 1)

    def make_pair(self, mentor_id: str, mentee_id: str, *, code: str | None = None) -> Pair:
        mentor = self.participant(mentor_id)
        mentee = self.participant(mentee_id)
        if mentor.role != "mentor":
            raise UserError(
                _("{name} is a mentee; a pair needs a mentor and a mentee.").format(
                    name=mentor.name
                )
            )
        if mentee.role != "mentee":
            raise UserError(
                _("{name} is a mentor; a pair needs a mentor and a mentee.").format(
                    name=mentee.name
                )
            )
        for person in (mentor, mentee):
            existing = self.pair_of(person.id)
            if existing is not None:
                raise UserError(
                    _("{name} is already in pair {code}.").format(
                        name=person.name, code=existing.code
                    )
                )
        before = next((p for p in self.pairs_of(mentor_id) if p.mentee_id == mentee_id), None)
        if before is not None:  # one pair per two people: a merge matches pairs by them
            raise UserError(
                _(
                    "{mentor} and {mentee} were pair {code}; reopen that pairing instead "
                    "of making a new one."
                ).format(mentor=mentor.name, mentee=mentee.name, code=before.code)
            )
        code = normalise_code(code) if code else self.next_code()
        if self.pair_by_code(code) is not None:
            raise UserError(
                _("The pair code {code} is already taken in this workshop.").format(code=code)
            )
        now = utc_now()
        pair_id = new_id()
        with self._wf.transaction():
            self._wf.insert(
                "pairs",
                {
                    "id": pair_id,
                    "code": code,
                    "mentor_id": mentor_id,
                    "mentee_id": mentee_id,
                    "updated_at": now,
                },
            )
            self._wf.charters.create_empty(pair_id, at=now)
            self._wf.audit(
                "pairs",
                pair_id,
                "*created*",
                None,
                {"code": code, "mentor": mentor.email, "mentee": mentee.email},
                pair_id=pair_id,
                at=now,
            )
            mark_rematched(self._wf, [mentor_id, mentee_id], at=now)
        return self.pair(pair_id)

    def break_pair(self, pair_id: str) -> None:
        """Remove a pair; its charter goes with it (the audit keeps a copy of the content).

        Refused for a pair with a signed charter or any follow-up record: those are the
        program's record, and the pairing is closed instead (`followup.closing`)."""
        pair = self.pair(pair_id)
        records = pair_records(self._wf.conn, pair_id)
        if records:
            raise UserError(
                _(
                    "Pair {code} has {records}: the program's record, so it is not "
                    "broken. Close this pairing instead."
                ).format(code=pair.code, records=and_list(records))
            )
        snapshot = self._wf.charters.snapshot(pair_id)
        with self._wf.transaction():
            self._wf.audit("pairs", pair_id, "*removed*", snapshot, None, pair_id=pair_id)
            self._wf.conn.execute("DELETE FROM pairs WHERE id = ?", (pair.id,))

    def rename_pair(self, pair_id: str, code: str) -> Pair:
        pair = self.pair(pair_id)
        code = normalise_code(code)
        other = self.pair_by_code(code)
        if other is not None and other.id != pair_id:
            raise UserError(
                _("The pair code {code} is already taken in this workshop.").format(code=code)
            )
        now = utc_now()
        with self._wf.transaction():
            self._wf.conn.execute(
                "UPDATE pairs SET code = ?, updated_at = ? WHERE id = ?", (code, now, pair_id)
            )
            self._wf.audit("pairs", pair_id, "code", pair.code, code, pair_id=pair_id, at=now)
        return self.pair(pair_id)


def normalise_code(code: str) -> str:
    code = code.strip().upper()
    if not is_pair_code(code):
        raise UserError(
            _(
                "A pair code is 1 to {most} letters, digits or dashes (like P07), not {code}."
            ).format(most=MAX_CODE, code=repr(code))
        )
    if m := _CODE.match(code):
        return format_code(int(m.group(1)))
    return code


def code_sort_key(code: str) -> tuple[int, int, str]:
    m = _CODE.match(code)
    return (0, int(m.group(1)), code) if m else (1, 0, code)


def _pair(row: Any) -> Pair:
    return Pair(
        id=row[0],
        code=row[1],
        mentor_id=row[2],
        mentee_id=row[3],
        updated_at=row[4],
        closed_on=row[5] or "",
    )


def _participant(row: Any) -> Participant:
    return Participant(
        id=row[0],
        role=row[1],
        name=row[2],
        email=row[3],
        title=row[4],
        department=row[5],
        manager=row[6],
        present=None if row[7] is None else bool(row[7]),
        checked_in_at=row[8],
        updated_at=row[9],
    )


def _checked(**values: str) -> dict[str, str]:
    out = {k: storable_text(v or "").strip() for k, v in values.items()}
    if out["role"] not in ("mentor", "mentee"):
        raise UserError(
            _("The role must be mentor or mentee, not {text}.").format(text=repr(values["role"]))
        )
    if not out["name"]:
        raise UserError(_("A participant needs a name."))
    out["email"] = normalise_email(out["email"])
    if not valid_email(out["email"]):
        raise UserError(_("{text} is not an email address.").format(text=repr(values["email"])))
    return out
