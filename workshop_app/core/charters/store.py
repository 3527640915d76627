"""Charters in the workshop file: fields, SMART goals, troubleshooting plans, signing, versions.

A signed charter is a record. The first edit after signing raises the charter's version, so
the list can say "signed v1, edited since", and `charter_versions` keeps what was signed. An
edit that brings back exactly what was signed makes it the signed version again, unless the
charter was reopened on purpose (`reopen`, at a re-launch): then the new version stands even
with nothing changed, so a pair can sign the same agreement again as version 2.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from workshop_app.core.charter_fields import (
    BASELINE_VALUES,
    CHARTER_COLUMN_NAMES,
    CHARTER_COLUMNS,
    FIELD_BY_NAME,
    GOAL_PARTS,
    MAX_GOALS,
    PLAN_PARTS,
    SECTION_BY_KEY,
    CharterField,
)
from workshop_app.core.completeness import missing_sections
from workshop_app.core.errors import UserError
from workshop_app.core.followup.closing import closed_refusal
from workshop_app.core.i18n import _
from workshop_app.core.model import Charter, Goal, Plan, Signoff
from workshop_app.core.roster.store import PAIR_GONE, code_sort_key
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.validation import storable_text

if TYPE_CHECKING:
    from workshop_app.core.store.access import OpenWorkshop

# The audit trail's field for a charter reopened on purpose as its next version.
REOPENED = "*reopened*"
_COLUMNS_SQL = ", ".join(f.name for f in CHARTER_COLUMNS)
_GOAL_PART_NAMES = tuple(name for name, _ in GOAL_PARTS)
_PLAN_PART_NAMES = tuple(name for name, _ in PLAN_PARTS)


@dataclass(frozen=True, slots=True, kw_only=True)
class PairOverview:
    """One line of the pairs list: who, how complete, signed or not."""

    pair_id: str
    code: str
    mentor_name: str
    mentor_email: str
    mentee_name: str
    mentee_email: str
    mentor_present: bool | None
    mentee_present: bool | None
    missing: tuple[str, ...]
    version: int
    signed_version: int | None
    # The current version was opened on purpose as the next one to sign (a re-launch, or
    # what a pair decided at a checkpoint review), not by an edit of the signed text.
    reopened: bool = False
    closed_on: str = ""  # ISO date the pairing was closed (followup.closing), or ""

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def signature_state(self) -> str:
        if self.signed_version is None:
            return "not signed"
        if self.version > self.signed_version and self.reopened:
            return f"version {self.version}, to sign"
        if self.version > self.signed_version:
            return f"signed v{self.signed_version}, edited since"
        return f"signed v{self.signed_version}"

    @property
    def signature_text(self) -> str:
        """`signature_state` in the interface language, for the screen (the state itself
        stays English: the exports and the JSON carry it for machines)."""
        return signature_words(self.version, self.signed_version, self.reopened)


def signature_words(version: int, signed_version: int | None, reopened: bool) -> str:
    """Where a charter stands with its signatures, in the interface language."""
    if signed_version is None:
        return _("not signed")
    if version > signed_version and reopened:
        return _("version {version}, to sign").format(version=version)
    if version > signed_version:
        return _("signed v{version}, edited since").format(version=signed_version)
    return _("signed v{version}").format(version=signed_version)


class CharterStore:
    def __init__(self, wf: OpenWorkshop) -> None:
        self._wf = wf
        # The pairs list, kept between calls: every write marks the pairs it touched (see
        # `forget`), and only those are read again. Listing a 5,000-pair workshop costs about
        # 120 ms the first time and a few milliseconds after an edit.
        self._cache: dict[str, PairOverview] | None = None
        self._stale: set[str] = set()

    def forget(self, *, table: str, record_id: str, pair_id: str | None) -> None:
        """A write to `table` happened: drop what it may have changed from the cached list."""
        if self._cache is None:
            return
        if pair_id is not None:
            self._stale.add(pair_id)
        elif table == "participants":
            self._stale.update(  # every pair of theirs: a re-matched person is in two
                pair_id
                for (pair_id,) in self._wf.conn.execute(
                    "SELECT id FROM pairs WHERE mentor_id = ? OR mentee_id = ?",
                    (record_id, record_id),
                )
            )
        elif table in ("pairs", "charters", "goals", "plans", "signoffs"):
            self._cache = None

    def invalidate(self) -> None:
        """Forget the cached list (after a bulk write that did not go through `audit`)."""
        self._cache = None
        self._stale.clear()

    # -- reading ---------------------------------------------------------------------------

    def charter(self, pair_id: str) -> Charter:
        conn = self._wf.conn
        row = conn.execute(
            f"SELECT id, version, updated_at, {_COLUMNS_SQL} FROM charters WHERE pair_id = ?",
            (pair_id,),
        ).fetchone()
        if row is None:
            raise UserError(PAIR_GONE)
        fields = dict(zip((f.name for f in CHARTER_COLUMNS), row[3:], strict=True))
        return Charter(
            id=row[0],
            pair_id=pair_id,
            version=row[1],
            updated_at=row[2],
            fields=fields,
            goals=self.goals(pair_id),
            plans=self.plans(pair_id),
            signoffs=self.signoffs(pair_id),
        )

    def goals(self, pair_id: str) -> list[Goal]:
        rows = self._wf.conn.execute(
            f"SELECT id, position, {', '.join(_GOAL_PART_NAMES)}, private, updated_at"
            " FROM goals WHERE pair_id = ? ORDER BY position",
            (pair_id,),
        ).fetchall()
        return [_goal(r) for r in rows]

    def plans(self, pair_id: str) -> list[Plan]:
        rows = self._wf.conn.execute(
            "SELECT id, position, scenario, plan, exercise_id, updated_at FROM plans"
            " WHERE pair_id = ? ORDER BY position",
            (pair_id,),
        ).fetchall()
        return [_plan(r) for r in rows]

    def signoffs(self, pair_id: str) -> list[Signoff]:
        rows = self._wf.conn.execute(
            "SELECT id, version, role, name, signed_at, paper_completed, open_sections"
            " FROM signoffs WHERE pair_id = ? ORDER BY version, role",
            (pair_id,),
        ).fetchall()
        return [signoff(r) for r in rows]

    def overview(self, *, pair_id: str | None = None) -> list[PairOverview]:
        """Every pair with its completeness and signature state, in pair-code order; or only
        `pair_id` (what the pairs list refreshes after an edit)."""
        if pair_id is not None:
            return self._read_overview(pair_id)
        if self._cache is None or self._wf.readonly:
            rows = self._read_overview(None)
            self._cache = None if self._wf.readonly else {o.pair_id: o for o in rows}
            self._stale.clear()
            return rows
        for stale in self._stale:
            fresh = self._read_overview(stale)
            if fresh:
                self._cache[stale] = fresh[0]
            else:
                self._cache.pop(stale, None)
        self._stale.clear()
        return sorted(self._cache.values(), key=lambda o: code_sort_key(o.code))

    def _read_overview(self, pair_id: str | None) -> list[PairOverview]:
        conn = self._wf.conn
        where, params = ("", ()) if pair_id is None else (" WHERE pair_id = ?", (pair_id,))
        # Completeness needs to know only whether each text is filled: SQLite says so
        # (_FILLED) instead of handing every charter's whole text to Python.
        goals: dict[str, list[Goal]] = {}
        for r in conn.execute(
            f"SELECT pair_id, position, {_filled('goal')}, {_filled('measure')},"
            f" {_filled('target_date')} FROM goals" + where,
            params,
        ):
            goals.setdefault(r[0], []).append(
                Goal(id="", position=r[1], goal=r[2], measure=r[3], target_date=r[4])
            )
        plans: dict[str, list[Plan]] = {}
        for r in conn.execute(
            f"SELECT pair_id, position, {_filled('scenario')}, {_filled('plan')} FROM plans"
            + where,
            params,
        ):
            plans.setdefault(r[0], []).append(Plan(id="", position=r[1], scenario=r[2], plan=r[3]))
        signed: dict[str, dict[int, set[str]]] = {}
        for signed_pair, version, role in conn.execute(
            "SELECT pair_id, version, role FROM signoffs" + where, params
        ):
            signed.setdefault(signed_pair, {}).setdefault(version, set()).add(role)
        names = [f.name for f in CHARTER_COLUMNS]
        rows = conn.execute(
            "SELECT p.id, p.code, m.name, m.email, e.name, e.email, m.present, e.present,"
            " c.version, EXISTS (SELECT 1 FROM audit a WHERE a.record_id = c.id"
            " AND a.field = ? AND a.new_value = CAST(c.version AS TEXT)),"
            f" {', '.join(_overview_column(f) for f in CHARTER_COLUMNS)},"
            " (SELECT closed_on FROM closures WHERE pair_id = p.id)"
            " FROM pairs p JOIN participants m ON m.id = p.mentor_id"
            " JOIN participants e ON e.id = p.mentee_id JOIN charters c ON c.pair_id = p.id"
            + ("" if pair_id is None else " WHERE p.id = ?"),
            (REOPENED, *params),
        ).fetchall()
        out = []
        for r in rows:
            values = dict(zip(names, r[10:-1], strict=True))
            versions = signed.get(r[0], {})
            both = [v for v, roles in versions.items() if {"mentor", "mentee"} <= roles]
            out.append(
                PairOverview(
                    pair_id=r[0],
                    code=r[1],
                    mentor_name=r[2],
                    mentor_email=r[3],
                    mentee_name=r[4],
                    mentee_email=r[5],
                    mentor_present=None if r[6] is None else bool(r[6]),
                    mentee_present=None if r[7] is None else bool(r[7]),
                    missing=tuple(
                        missing_sections(values, goals.get(r[0], ()), plans.get(r[0], ()))
                    ),
                    version=r[8],
                    signed_version=max(both) if both else None,
                    reopened=bool(r[9]),
                    closed_on=r[-1] or "",
                )
            )
        return sorted(out, key=lambda o: code_sort_key(o.code))

    def snapshot(self, pair_id: str) -> dict[str, Any]:
        """The charter's content as plain data (kept when signing and when a pair is broken)."""
        charter = self.charter(pair_id)
        return {
            "version": charter.version,
            "fields": charter.fields,
            "goals": [
                {n: getattr(g, n) for n in (*_GOAL_PART_NAMES, "private")} for g in charter.goals
            ],
            "plans": [{n: getattr(p, n) for n in _PLAN_PART_NAMES} for p in charter.plans],
        }

    # -- writing ---------------------------------------------------------------------------

    def create_empty(self, pair_id: str, *, at: str) -> None:
        self._pair_must_exist(pair_id)
        self._wf.insert("charters", {"id": new_id(), "pair_id": pair_id, "updated_at": at})

    def set_field(self, pair_id: str, name: str, value: Any) -> None:
        """Save one charter field (the app calls this as the user types)."""
        if name not in CHARTER_COLUMN_NAMES:
            raise ValueError(f"unknown charter field {name!r}")
        value = clean_value(name, value)
        conn = self._wf.conn
        with self._wf.transaction():
            self._pair_must_exist(pair_id)
            row = conn.execute(
                f"SELECT id, {name} FROM charters WHERE pair_id = ?", (pair_id,)
            ).fetchone()
            if row[1] == value:
                return
            now = utc_now()
            self._touch(pair_id, now)
            conn.execute(f"UPDATE charters SET {name} = ? WHERE id = ?", (value, row[0]))
            self._wf.audit("charters", row[0], name, row[1], value, pair_id=pair_id, at=now)
            self._back_to_signed(pair_id, now)

    def set_goal_part(self, pair_id: str, position: int, part: str, value: Any) -> Goal:
        """Set one part of SMART goal number `position` (1 to 3), creating the goal if needed."""
        if part not in (*_GOAL_PART_NAMES, "private"):
            raise ValueError(f"unknown goal part {part!r}")
        if not 1 <= position <= MAX_GOALS:
            raise UserError(f"A charter has at most {MAX_GOALS} goals.")
        if part == "target_date":
            value = _clean_date(value, "The goal's target date")
        elif part == "baseline":
            value = _clean_baseline(value)
        elif part == "private":
            value = bool(value)
        else:
            value = storable_text("" if value is None else str(value))
        conn = self._wf.conn
        with self._wf.transaction():
            self._pair_must_exist(pair_id)
            row = conn.execute(
                f"SELECT id, {part} FROM goals WHERE pair_id = ? AND position = ?",
                (pair_id, position),
            ).fetchone()
            now = utc_now()
            if row is None:
                goal_id = new_id()
                self._wf.insert(
                    "goals",
                    {"id": goal_id, "pair_id": pair_id, "position": position, "updated_at": now},
                )
                old = False if part == "private" else ""
            else:
                goal_id, old = row[0], row[1]
                if part == "private":
                    old = bool(old)
            if old != value:
                self._touch(pair_id, now)
                conn.execute(
                    f"UPDATE goals SET {part} = ?, updated_at = ? WHERE id = ?",
                    (int(value) if part == "private" else value, now, goal_id),
                )
                self._wf.audit(
                    "goals", goal_id, f"goal{position}.{part}", old, value, pair_id=pair_id, at=now
                )
                self._back_to_signed(pair_id, now)
        return next(g for g in self.goals(pair_id) if g.position == position)

    def remove_goal(self, pair_id: str, position: int) -> None:
        """Remove goal `position`; the goals after it move up."""
        conn = self._wf.conn
        with self._wf.transaction():
            self._pair_must_exist(pair_id)
            row = conn.execute(
                "SELECT id FROM goals WHERE pair_id = ? AND position = ?", (pair_id, position)
            ).fetchone()
            if row is None:
                return
            now = utc_now()
            old = {
                n: getattr(g, n)
                for g in self.goals(pair_id)
                if g.position == position
                for n in _GOAL_PART_NAMES
            }
            self._touch(pair_id, now)
            conn.execute("DELETE FROM goals WHERE id = ?", (row[0],))
            later = conn.execute(
                "SELECT id, position FROM goals WHERE pair_id = ? AND position > ?"
                " ORDER BY position",
                (pair_id, position),
            ).fetchall()
            for goal_id, pos in later:
                conn.execute(
                    "UPDATE goals SET position = ?, updated_at = ? WHERE id = ?",
                    (pos - 1, now, goal_id),
                )
            self._wf.audit("goals", row[0], f"goal{position}", old, None, pair_id=pair_id, at=now)
            self._back_to_signed(pair_id, now)

    def add_plan(
        self,
        pair_id: str,
        *,
        scenario: str = "",
        plan: str = "",
        exercise_id: str = "",
        plan_id: str | None = None,
        position: int | None = None,
    ) -> Plan:
        """Add a plan at the end, or put one back where it was (`plan_id`, `position`: undo)."""
        scenario, plan = storable_text(scenario), storable_text(plan)
        conn = self._wf.conn
        with self._wf.transaction():
            self._pair_must_exist(pair_id)
            if position is None:
                (last,) = conn.execute(
                    "SELECT coalesce(max(position), 0) FROM plans WHERE pair_id = ?", (pair_id,)
                ).fetchone()
                position = last + 1
            now = utc_now()
            plan_id = plan_id or new_id()
            self._touch(pair_id, now)
            self._wf.insert(
                "plans",
                {
                    "id": plan_id,
                    "pair_id": pair_id,
                    "position": position,
                    "scenario": scenario,
                    "plan": plan,
                    "exercise_id": exercise_id,
                    "updated_at": now,
                },
            )
            self._wf.audit(
                "plans",
                plan_id,
                "*created*",
                None,
                {"scenario": scenario, "plan": plan},
                pair_id=pair_id,
                at=now,
            )
            self._back_to_signed(pair_id, now)
        return next(p for p in self.plans(pair_id) if p.id == plan_id)

    def set_plan_part(self, plan_id: str, part: str, value: str) -> None:
        if part not in _PLAN_PART_NAMES:
            raise ValueError(f"unknown plan part {part!r}")
        value = storable_text(value)
        conn = self._wf.conn
        with self._wf.transaction():
            row = conn.execute(
                f"SELECT pair_id, {part} FROM plans WHERE id = ?", (plan_id,)
            ).fetchone()
            if row is None:
                raise UserError("That troubleshooting plan is no longer in the charter.")
            if row[1] == value:
                return
            now = utc_now()
            self._touch(row[0], now)
            conn.execute(
                f"UPDATE plans SET {part} = ?, updated_at = ? WHERE id = ?", (value, now, plan_id)
            )
            self._wf.audit("plans", plan_id, part, row[1], value, pair_id=row[0], at=now)
            self._back_to_signed(row[0], now)

    def remove_plan(self, plan_id: str) -> None:
        conn = self._wf.conn
        with self._wf.transaction():
            row = conn.execute(
                "SELECT pair_id, scenario, plan FROM plans WHERE id = ?", (plan_id,)
            ).fetchone()
            if row is None:
                return
            now = utc_now()
            self._touch(row[0], now)
            conn.execute("DELETE FROM plans WHERE id = ?", (plan_id,))
            self._wf.audit(
                "plans",
                plan_id,
                "*removed*",
                {"scenario": row[1], "plan": row[2]},
                None,
                pair_id=row[0],
                at=now,
            )
            self._back_to_signed(row[0], now)

    def sign(
        self,
        pair_id: str,
        *,
        mentor: str,
        mentee: str,
        coordinator: str = "",
        signed_at: str | None = None,
        paper_completed: bool = False,
    ) -> int:
        """Record that the current version was signed on paper. Returns the version signed.

        A charter with sections still open may be completed by hand on the paper copy before
        it is signed: `paper_completed` says whether it was. The signature rows keep the open
        sections' numbers and that answer (NULL when nothing was open), so the printed
        record can say which it is."""
        mentor, mentee = storable_text(mentor), storable_text(mentee)
        coordinator = storable_text(coordinator)
        if not mentor.strip() or not mentee.strip():
            raise UserError("Both the mentor and the mentee sign a charter: enter both names.")
        signed_at = signed_at or utc_now()
        conn = self._wf.conn
        with self._wf.transaction():
            self._pair_must_exist(pair_id)
            charter = self.charter(pair_id)
            version = charter.version
            if any(s.version == version for s in charter.signoffs):
                raise UserError(f"Version {version} of this charter is already signed.")
            snapshot = self.snapshot(pair_id)
            open_sections = ",".join(
                str(SECTION_BY_KEY[key].number)
                for key in missing_sections(charter.fields, charter.goals, charter.plans)
            )
            on_paper = int(paper_completed) if open_sections else None
            now = utc_now()
            self._wf.insert(
                "charter_versions",
                {
                    "id": new_id(),
                    "pair_id": pair_id,
                    "version": version,
                    "snapshot": json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
                    "updated_at": now,
                },
            )
            for role, name in (
                ("mentor", mentor),
                ("mentee", mentee),
                ("coordinator", coordinator),
            ):
                if not name.strip():
                    continue
                conn.execute(
                    "INSERT INTO signoffs (id, pair_id, version, role, name, signed_at,"
                    " paper_completed, open_sections, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        new_id(),
                        pair_id,
                        version,
                        role,
                        name.strip(),
                        signed_at,
                        on_paper,
                        open_sections,
                        now,
                    ),
                )
            self._wf.audit(
                "signoffs",
                pair_id,
                "signed",
                None,
                {
                    "version": version,
                    "mentor": mentor,
                    "mentee": mentee,
                    "coordinator": coordinator,
                    "signed_at": signed_at,
                    "open_sections": open_sections,
                    "paper_completed": on_paper,
                },
                pair_id=pair_id,
                at=now,
            )
        return version

    def reopen(self, pair_id: str) -> int:
        """Open the signed charter for revision as its next version (a re-launch: the pair
        revises and signs it again). The signed version, its snapshot and its signatures stay
        in the file as they were. Returns the new version."""
        conn = self._wf.conn
        with self._wf.transaction():
            self._pair_must_exist(pair_id)
            charter = self.charter(pair_id)
            if charter.signed_version is None or charter.edited_since_signing:
                raise UserError(
                    f"Version {charter.version} of this charter is not signed yet: it is "
                    "already open for editing."
                )
            version, now = charter.version, utc_now()
            conn.execute(
                "UPDATE charters SET version = ?, updated_at = ? WHERE id = ?",
                (version + 1, now, charter.id),
            )
            self._wf.audit(
                "charters", charter.id, "version", version, version + 1, pair_id=pair_id, at=now
            )
            # What makes the new version stand without an edit (see _back_to_signed).
            self._wf.audit(
                "charters", charter.id, REOPENED, version, version + 1, pair_id=pair_id, at=now
            )
        return version + 1

    def signed_snapshot(self, pair_id: str, version: int) -> dict[str, Any] | None:
        row = self._wf.conn.execute(
            "SELECT snapshot FROM charter_versions WHERE pair_id = ? AND version = ?",
            (pair_id, version),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def _pair_must_exist(self, pair_id: str) -> None:
        """The one check of every write: the pair may have been broken (in this window, or by
        an undo) while a page still showed it."""
        if self._wf.conn.execute("SELECT 1 FROM pairs WHERE id = ?", (pair_id,)).fetchone() is None:
            raise UserError(PAIR_GONE)
        self._must_be_open(pair_id)

    def _must_be_open(self, pair_id: str) -> None:
        """A closed pair's charter is the program's record: kept as it was."""
        refusal = closed_refusal(self._wf.conn, pair_id)
        if refusal is not None:
            raise UserError(refusal)

    def _touch(self, pair_id: str, now: str) -> None:
        """Mark the charter changed; the first change after signing starts a new version."""
        self._must_be_open(pair_id)  # plans are written by their id, without _pair_must_exist
        conn = self._wf.conn
        version, charter_id = conn.execute(
            "SELECT version, id FROM charters WHERE pair_id = ?", (pair_id,)
        ).fetchone()
        signed = conn.execute(
            "SELECT 1 FROM signoffs WHERE pair_id = ? AND version = ?", (pair_id, version)
        ).fetchone()
        if signed:
            conn.execute(
                "UPDATE charters SET version = ?, updated_at = ? WHERE id = ?",
                (version + 1, now, charter_id),
            )
            self._wf.audit(
                "charters", charter_id, "version", version, version + 1, pair_id=pair_id, at=now
            )
        else:
            conn.execute("UPDATE charters SET updated_at = ? WHERE id = ?", (now, charter_id))

    def _back_to_signed(self, pair_id: str, now: str) -> None:
        """After a change: if the charter now says exactly what was last signed (the edits
        since were undone, or typed back), it is the signed version again, not a new one. The
        record is what was signed, and this content is that record; the next real change
        starts the new version afresh. Only the newest signed version counts: going back to
        an older one changes the agreement in force."""
        conn = self._wf.conn
        signed = conn.execute(
            "SELECT version, snapshot FROM charter_versions WHERE pair_id = ?"
            " ORDER BY version DESC LIMIT 1",
            (pair_id,),
        ).fetchone()
        if signed is None:
            return
        charter_id, version = conn.execute(
            "SELECT id, version FROM charters WHERE pair_id = ?", (pair_id,)
        ).fetchone()
        if version != signed[0] + 1 or _content(self.snapshot(pair_id)) != _content(
            json.loads(signed[1])
        ):
            return
        reopened = conn.execute(
            "SELECT 1 FROM audit WHERE record_id = ? AND field = ? AND new_value = ?",
            (charter_id, REOPENED, str(version)),
        ).fetchone()
        if reopened:
            return
        conn.execute(
            "UPDATE charters SET version = ?, updated_at = ? WHERE id = ?",
            (signed[0], now, charter_id),
        )
        self._wf.audit(
            "charters", charter_id, "version", version, signed[0], pair_id=pair_id, at=now
        )


# Whitespace that does not count as an answer: Python's str.strip() set for the characters
# people actually type or paste (space, tabs, line breaks, no-break and zero-width spaces).
_BLANKS = "' ' || char(9, 10, 11, 12, 13, 160, 8203, 12288)"


def _filled(column: str) -> str:
    """SQL: 'x' if the text column holds more than whitespace, else ''."""
    return f"CASE WHEN trim({column}, {_BLANKS}) <> '' THEN 'x' ELSE '' END"


def _overview_column(field: CharterField) -> str:
    """SQL for one charter column in the overview: choices and numbers as stored (the rule
    looks at them), text only as filled or not."""
    if field.kind in ("choice", "int"):
        return f"c.{field.name}"
    return _filled(f"c.{field.name}")


def clean_value(name: str, value: Any) -> Any:
    """The stored form of a charter field's value, or a UserError saying what is expected."""
    field = FIELD_BY_NAME[name]
    label = field.label
    if field.kind == "int":
        if value in (None, ""):
            return None
        try:
            number = int(value)
        except (TypeError, ValueError) as exc:
            raise UserError(f"{label} must be a whole number, not {value!r}.") from exc
        if not 1 <= number <= 1440:
            raise UserError(f"{label} must be between 1 and 1440 minutes.")
        return number
    text = storable_text("" if value is None else str(value))
    if field.kind == "choice":
        if text and text not in dict(field.choices):
            allowed = ", ".join(v for v, _ in field.choices)
            raise UserError(f"{label} must be one of {allowed}, not {text!r}.")
        return text
    if field.kind == "date":
        return _clean_date(text, label)
    if field.kind == "datetime":
        if not text.strip():
            return ""
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError as exc:
            raise UserError(f"{label} must be a date and time like 2026-12-01T10:00.") from exc
        return moment.replace(second=0, microsecond=0).isoformat(timespec="minutes")
    if field.kind == "days":
        if not text.strip():
            return ""
        parts = [p for p in re.split(r"[,\s;]+", text.strip()) if p]
        try:
            days = sorted({int(p) for p in parts})
        except ValueError as exc:
            raise UserError(f"{label}: write days as numbers, like 30, 90, 180.") from exc
        if any(d <= 0 or d > 3650 for d in days):
            raise UserError(f"{label}: each checkpoint is 1 to 3650 days after the start.")
        return ", ".join(str(d) for d in days)
    return text


def _clean_date(value: Any, label: str) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise UserError(f"{label} must be a date like 2027-03-31, not {text!r}.") from exc


def _content(snapshot: dict[str, Any]) -> Any:
    """What a snapshot says, in the form JSON gives it back: without its version number, or
    a goal left with nothing in it (typing into a new goal and undoing leaves one behind)."""
    said = json.loads(json.dumps(snapshot))
    said.pop("version", None)
    # A version signed before a goal part existed (baseline, format 5) said nothing of it.
    goals = [{**dict.fromkeys(_GOAL_PART_NAMES, ""), **g} for g in said["goals"]]
    said["goals"] = [
        g for g in goals if g["private"] or any(g[n].strip() for n in _GOAL_PART_NAMES)
    ]
    return said


def _clean_baseline(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if text not in BASELINE_VALUES:
        raise UserError(f"Where I am today is a rating from 1 to 5, not {text!r}.")
    return text


def _goal(r: Any) -> Goal:
    """A goal from a row of: id, position, the GOAL_PARTS in order, private, updated_at."""
    parts = len(_GOAL_PART_NAMES)
    return Goal(
        id=r[0],
        position=r[1],
        **dict(zip(_GOAL_PART_NAMES, r[2 : 2 + parts], strict=True)),
        private=bool(r[2 + parts]),
        updated_at=r[3 + parts],
    )


def signoff(r: Any) -> Signoff:
    """A signature from a row of: id, version, role, name, signed_at, paper_completed,
    open_sections."""
    return Signoff(
        id=r[0],
        version=r[1],
        role=r[2],
        name=r[3],
        signed_at=r[4],
        paper_completed=None if r[5] is None else bool(r[5]),
        open_sections=r[6],
    )


def _plan(r: Any) -> Plan:
    return Plan(id=r[0], position=r[1], scenario=r[2], plan=r[3], exercise_id=r[4], updated_at=r[5])
