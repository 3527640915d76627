"""How the versions of one record from several files become one record: field by field, from
what each file's audit trail says about that field.

For each field of a record (or fields that only make sense together: a check-in and its time,
a logo and its type, a segment's timing):

1. The same in every file: nothing to decide.
2. One file's copy is further along: its audit trail for the field holds every change the
   other files made to it (a room edited its copy of the prepared file), or the changes it
   lacks put back the value they started from (a room typed in the field and put back what
   the prepared file had: it did not change the field). It is taken: a field changed in one
   room only comes from that room, whatever else the other room changed in the record.
3. Otherwise a value nobody set never beats a value someone set, whatever `updated_at` says.
   A value is set when its change is in the file's audit trail or it differs from the column's
   default: the 09:00 start time, A4, an empty charter field or title, and "not checked in" of
   a fresh import are defaults nobody set. For attendance, "not checked in" is no answer at
   all: it never beats present or absent unless its file is further along (rule 2).
4. Set values that still differ are a conflict: the value set last wins (its time from the
   audit trail, else the record's creation; on a tie the file listed first) and the report
   lists it. Two rooms with the same answer and different times (checked in in both) are not
   a conflict; the first time is kept.

Positions and the links between records (which pair a goal belongs to) are not answers: the
most recently written copy gives them and `merge` renumbers places. Pair codes are decided by
`merge.codes`; a signature (and the signed version it goes with) is one fact, merged whole.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from workshop_app.core.charter_fields import FIELD_BY_NAME, GOAL_PARTS
from workshop_app.core.i18n import N_, _
from workshop_app.core.merge.report import shown
from workshop_app.core.merge.sources import Version
from workshop_app.core.model import WORKSHOP_FIELDS

SIGNATURE_TABLES = frozenset({"charter_versions", "signoffs"})
_NOT_MERGED = frozenset({"id", "updated_at"})
_DECIDED_ELSEWHERE = {"pairs": frozenset({"code"})}
_DERIVED = frozenset(
    {"position", "pair_id", "mentor_id", "mentee_id", "form_id", "checkin_id", "closed_on"}
)


@dataclass(frozen=True, slots=True)
class Unit:
    """Fields merged as one: compared on `columns`; `carried` go with the kept answer."""

    columns: tuple[str, ...]
    audit_fields: tuple[str, ...]
    label: str  # marked for the catalogue: translated where the report shows it (`field_name`)
    carried: tuple[str, ...] = ()
    needs_answer: bool = False  # its default (NULL) means "no answer", never a choice
    derived: bool = False  # bookkeeping, not an answer: the newest copy's, never a conflict

    @property
    def all_columns(self) -> tuple[str, ...]:
        return self.columns + self.carried


_CLOSURE = ("closed_on", "kind", "reason", "asked_by", "rematched", "goal1_outcome",
            "goal2_outcome", "goal3_outcome")  # fmt: skip
_GROUPED: dict[str, tuple[Unit, ...]] = {
    "workshop": (Unit(("logo", "logo_mime"), ("logo", "logo_mime"), N_("logo")),),
    "participants": (
        Unit(
            ("present",),
            ("present",),
            N_("attendance"),
            carried=("checked_in_at",),
            needs_answer=True,
        ),
    ),
    "agenda_segments": (
        Unit(("started_at", "ended_at", "actual_seconds"), ("timing",), N_("timing")),
    ),
    # A closure is one decision (when, why, who asked, the outcomes): never half one room's.
    "closures": (Unit(_CLOSURE, (*_CLOSURE, "*created*"), N_("closure")),),
}


_LABELS: dict[str, dict[str, str]] = {
    "workshop": {f.name: f.label for f in WORKSHOP_FIELDS},
    "charters": {name: f.label for name, f in FIELD_BY_NAME.items()},
    "goals": {**dict(GOAL_PARTS), "private": N_("private")},
    "participants": {
        "role": N_("role"),
        "name": N_("name"),
        "email": N_("email"),
        "title": N_("title"),
        "department": N_("department"),
        "manager": N_("manager"),
    },
    "plans": {"scenario": N_("scenario"), "plan": N_("plan")},
    "agenda_segments": {
        "exercise_id": N_("exercise"),
        "title": N_("segment title"),
        "kind": N_("kind of segment"),
        "planned_minutes": N_("planned minutes"),
        "skipped": N_("skipped"),
        "extra_seconds": N_("extra time"),
        "private_notes": N_("private notes"),
    },
    "checkin_forms": {
        "name": N_("form name"),
        "source": N_("source"),
        "signature": N_("header signature"),
        "mapping": N_("column mapping"),
    },
    "checkins": {
        "role": N_("role"),
        "response_key": N_("response key"),
        "submitted_at": N_("submitted at"),
        "checkpoint_day": N_("checkpoint day"),
        "meetings_held": N_("meetings held"),
        "last_meeting": N_("last meeting"),
        "goal1_progress": N_("progress on goal 1"),
        "goal2_progress": N_("progress on goal 2"),
        "goal3_progress": N_("progress on goal 3"),
        "fit": N_("fit"),
        "satisfaction": N_("satisfaction"),
        "wants_help": N_("wants help"),
        "comment": N_("comment"),
    },
    "contacts": {
        "on_date": N_("date"),
        "kind": N_("kind of entry"),
        "who": N_("who"),
        "text": N_("text"),
    },
    "reviews": {
        "checkpoint_day": N_("checkpoint day"),
        "held_on": N_("held on"),
        "cadence_kept": N_("cadence kept"),
        "goal1_progress": N_("progress on goal 1"),
        "goal2_progress": N_("progress on goal 2"),
        "goal3_progress": N_("progress on goal 3"),
        "plans_used": N_("plans used"),
        "changes": N_("changes"),
        "charter_version": N_("charter version"),
    },
}


@dataclass(slots=True)
class FieldConflict:
    """Set values of one field that differ, from files none of which is further along."""

    table: str
    row: dict[str, Any]  # the merged record (named in words when the report is made)
    unit: Unit
    kept: Version
    others: list[Version]  # one per other value


@dataclass(slots=True)
class Merged:
    row: dict[str, Any]
    conflicts: list[FieldConflict] = field(default_factory=list)
    taken: list[tuple[Unit, Version]] = field(default_factory=list)  # settled without conflict


def merge_record(table: str, group: Sequence[Version]) -> Merged:
    """One record from its copies (`group`, in the order the files are listed)."""
    row = dict(group[0].row)
    if all(v.row == row for v in group[1:]):  # one copy, or copies that agree: most records
        return Merged(row)
    row["updated_at"] = max(v.row["updated_at"] for v in group)
    merged = Merged(row)
    for unit in units(table, tuple(row)):
        kept, others = _decide(table, unit, group)
        carried_from = _carrier(table, unit, group, kept)
        for column in unit.columns:
            row[column] = kept.row[column]
        for column in unit.carried:
            row[column] = carried_from.row[column]
        if others:
            merged.conflicts.append(FieldConflict(table, row, unit, kept, others))
        elif not unit.derived and any(_value(v, unit) != _value(kept, unit) for v in group):
            merged.taken.append((unit, kept))
    return merged


@functools.cache
def units(table: str, columns: tuple[str, ...]) -> tuple[Unit, ...]:
    """How a table's columns are merged: one unit each, but for those that go together."""
    skip = _NOT_MERGED | _DECIDED_ELSEWHERE.get(table, frozenset())
    if table in SIGNATURE_TABLES:
        whole = tuple(c for c in columns if c not in skip | _DERIVED)
        return (Unit(whole, ("signed",), N_("signature")),)
    grouped = _GROUPED.get(table, ())
    taken = {c for u in grouped for c in u.all_columns}
    return (
        *grouped,
        *(Unit((c,), (c,), label(table, c), derived=c in _DERIVED)
          for c in columns if c not in skip and c not in taken),
    )  # fmt: skip


def label(table: str, column: str) -> str:
    """A field's name as marked for the catalogue (a column without one: its own name)."""
    return _LABELS.get(table, {}).get(column, column.replace("_", " "))


def field_name(unit: Unit) -> str:
    """A field's name as people see it in the app (the interface language), without the hint
    in brackets."""
    return _(unit.label).split(" (")[0]


def describe(conflict: FieldConflict) -> tuple[str, list[tuple[Version, str, str]]]:
    """The field's name, and each value in the conflict as the report shows it (kept first),
    with the file it came from and when it was set."""
    table, unit = conflict.table, conflict.unit
    versions = [conflict.kept, *conflict.others]
    differ = [c for c in unit.columns if len({_hashable(v.row[c]) for v in versions}) > 1]
    private = any(v.row.get("private") for v in versions)
    return field_name(unit), [
        (v, " / ".join(shown(c, v.row[c], table=table, private=private) for c in differ),
         set_at(table, unit, v))
        for v in versions
    ]  # fmt: skip


def set_at(table: str, unit: Unit, v: Version) -> str:
    """When this file's value of the field was set: its last change in the file's audit trail,
    else when the record was made there."""
    audit_table, record = _audited_as(table, v)
    times = [at for f in unit.audit_fields
             for at, _ in v.source.changes.get((audit_table, record, f), ())]  # fmt: skip
    if times:
        return max(times)
    return v.source.created.get((audit_table, record)) or v.row.get("updated_at") or ""


# -- deciding -----------------------------------------------------------------------------------


def _decide(table: str, unit: Unit, group: Sequence[Version]) -> tuple[Version, list[Version]]:
    """The copy whose value is kept, and the copies holding the other values in a conflict."""
    if len({_value(v, unit) for v in group}) == 1:
        return group[0], []
    if unit.derived:
        return max(group, key=lambda v: (v.row["updated_at"], -v.source.index)), []
    history = {id(v): _history(table, unit, v) for v in group}

    def includes(a: Version, b: Version) -> bool:
        """a's trail for the field holds every change b's does, but for changes that put back
        where they started (or they agree)."""
        if _value(a, unit) == _value(b, unit):
            return True
        ha, hb = history[id(a)], history[id(b)]
        return bool(ha or hb) and _undone(table, unit, b, hb - ha)

    def latest(v: Version) -> tuple[str, int]:
        return (set_at(table, unit, v), -v.source.index)

    ahead = [v for v in group if all(includes(v, o) for o in group)]
    if ahead:
        return max(ahead, key=latest), []
    # Values nobody set are out of the running (every copy differs from the default, or the
    # first step would have settled it), and so is "no answer" where an answer is needed.
    running = [v for v in group if history[id(v)] or _value(v, unit) != _default(table, unit, v)]
    if unit.needs_answer:
        answers = [v for v in running if _value(v, unit)[0] is not None]
        running = answers or running
    # So is a copy that another one has already moved on from.
    current = [
        v
        for v in running
        if not any(_value(o, unit) != _value(v, unit) and includes(o, v) for o in running)
    ]
    running = current or running
    kept = max(running, key=latest)
    others: dict[tuple[Any, ...], Version] = {}
    for v in sorted(running, key=latest, reverse=True):
        if _value(v, unit) != _value(kept, unit):
            others.setdefault(_value(v, unit), v)
    return kept, list(others.values())


def _carrier(table: str, unit: Unit, group: Sequence[Version], kept: Version) -> Version:
    """The copy whose carried fields go with the kept answer: the first to give that answer
    (the first check-in time of someone checked in in two rooms)."""
    if not unit.carried:
        return kept
    same = [v for v in group if _value(v, unit) == _value(kept, unit)]
    return min(same, key=lambda v: (set_at(table, unit, v), v.source.index))


def _undone(table: str, unit: Unit, v: Version, changes: set[str]) -> bool:
    """Whether `changes` (audit ids of v's file) leave each of the unit's fields as they found
    it: one chain of changes (each starts from the value the one before left; changes merged
    in from two other rooms side by side are not one) whose last new value is the first one's
    old value. The trail shows an image only by its size, so a change to one is never taken
    as undone."""
    if not changes:
        return True
    if any(isinstance(v.row[c], (bytes, bytearray, memoryview)) for c in unit.all_columns):
        return False
    audit_table, record = _audited_as(table, v)
    for f in unit.audit_fields:
        own = [v.source.values[i] for _, i in v.source.changes.get((audit_table, record, f), ())
               if i in changes]  # fmt: skip
        if not own:
            continue
        chained = all(old == new for (_, new), (old, _) in itertools.pairwise(own))
        if not chained or own[0][0] != own[-1][1]:
            return False
    return True


def _history(table: str, unit: Unit, v: Version) -> set[str]:
    audit_table, record = _audited_as(table, v)
    return {audit_id for f in unit.audit_fields
            for _, audit_id in v.source.changes.get((audit_table, record, f), ())}  # fmt: skip


def _audited_as(table: str, v: Version) -> tuple[str, str]:
    """Where the audit trail records changes of this record: signing is recorded per pair."""
    if table in SIGNATURE_TABLES:
        return "signoffs", v.original_pair or ""
    return table, v.original_id


def _value(v: Version, unit: Unit) -> tuple[Any, ...]:
    return tuple(_hashable(v.row[c]) for c in unit.columns)


def _default(table: str, unit: Unit, v: Version) -> tuple[Any, ...]:
    defaults = v.source.defaults[table]
    return tuple(defaults.get(c) for c in unit.columns)


def _hashable(value: Any) -> Any:
    return bytes(value) if isinstance(value, (bytearray, memoryview)) else value
