"""Checkpoint reviews in the workshop file: what a pair reported and decided at a review.

A review is one row per pair and checkpoint (`reviews`, UNIQUE pair_id, checkpoint_day):
entering the same checkpoint again edits it. What the pair decided to change in their
charter (a new cadence, a goal reworded or replaced, a plan changed) becomes the charter's
next version, as the charter says it will: the signed version is reopened
(`CharterStore.reopen`) and the edits go through `CharterStore`, so the signed version, its
snapshot and its signatures stay in the file as they were, and the Charters page shows the
new version to sign. The review records that version (`charter_version`). A review with no
charter change leaves the charter alone. All of it is one transaction, audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workshop_app.core.charter_fields import FREQUENCIES, MAX_GOALS
from workshop_app.core.charters.dates import parse_date
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _
from workshop_app.core.roster.store import PAIR_GONE
from workshop_app.core.runner.clock import new_id, utc_now
from workshop_app.core.validation import storable_text

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

CADENCE_KEPT = ("", "yes", "partly", "no")
_FREQUENCY_VALUES = tuple(v for v, _label in FREQUENCIES)
# The review's own columns, in the order the audit lists them.
_COLUMNS = (
    "held_on",
    "cadence_kept",
    "goal1_progress",
    "goal2_progress",
    "goal3_progress",
    "plans_used",
    "changes",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CharterChanges:
    """What a review changes in the charter. Empty parts change nothing.

    `cadence`: a meeting frequency value (weekly, biweekly, monthly, custom), with
    `cadence_custom` the pair's words for a custom one. `goals`: goal position (1-3) -> the
    goal's new words (a goal position past the last adds one). `plans`: plan position (from 1)
    -> (the situation, what we will do); a position past the last adds a plan."""

    cadence: str = ""
    cadence_custom: str = ""
    goals: Mapping[int, str] = field(default_factory=dict)
    plans: Mapping[int, tuple[str, str]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.cadence or self.goals or self.plans)


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    id: str
    pair_id: str
    checkpoint_day: int
    held_on: str = ""
    cadence_kept: str = ""
    progress: tuple[int | None, int | None, int | None] = (None, None, None)
    plans_used: str = ""
    changes: str = ""
    charter_version: int | None = None
    updated_at: str = ""


class ReviewStore:
    def __init__(self, wf: WorkshopFile) -> None:
        self._wf = wf

    # -- reading ---------------------------------------------------------------------------

    def review(self, pair_id: str, checkpoint_day: int) -> Review | None:
        row = self._wf.conn.execute(
            f"SELECT {_SELECT} FROM reviews WHERE pair_id = ? AND checkpoint_day = ?",
            (pair_id, checkpoint_day),
        ).fetchone()
        return _review(row) if row else None

    def reviews(self, pair_id: str) -> list[Review]:
        rows = self._wf.conn.execute(
            f"SELECT {_SELECT} FROM reviews WHERE pair_id = ? ORDER BY checkpoint_day",
            (pair_id,),
        ).fetchall()
        return [_review(r) for r in rows]

    # -- writing ---------------------------------------------------------------------------

    def save(
        self,
        pair_id: str,
        checkpoint_day: int,
        *,
        held_on: str = "",
        cadence_kept: str = "",
        progress: Mapping[int, int | None] | None = None,
        plans_used: str = "",
        changes: str = "",
        charter: CharterChanges | None = None,
    ) -> Review:
        """Save the review of `pair_id` at `checkpoint_day` (a new one, or the one entered
        before), and make `charter`'s changes the charter's next version. Nothing is saved
        if any of it is refused."""
        values = _clean(held_on, cadence_kept, progress or {}, plans_used, changes)
        charter = charter or CharterChanges()
        _check_changes(charter)
        if not isinstance(checkpoint_day, int) or not 0 < checkpoint_day <= 3650:
            raise UserError(
                f"A checkpoint is 1 to 3650 days after the first meeting, not {checkpoint_day!r}."
            )
        wf = self._wf
        with wf.transaction():
            if wf.conn.execute("SELECT 1 FROM pairs WHERE id = ?", (pair_id,)).fetchone() is None:
                raise UserError(_(PAIR_GONE))
            before = self.review(pair_id, checkpoint_day)
            version = before.charter_version if before else None
            if _differs(wf, pair_id, charter):
                if wf.conn.execute(
                    "SELECT 1 FROM closures WHERE pair_id = ?", (pair_id,)
                ).fetchone():
                    raise UserError(
                        "This pairing is closed, so its charter is not changed; the review "
                        "was not saved. Leave the charter changes empty to record the review."
                    )
                version = self._apply(pair_id, charter)
            now = utc_now()
            values["charter_version"] = version
            if before is None:
                review_id = new_id()
                wf.insert(
                    "reviews",
                    {
                        "id": review_id,
                        "pair_id": pair_id,
                        "checkpoint_day": checkpoint_day,
                        **values,
                        "updated_at": now,
                    },
                )
                wf.audit("reviews", review_id, "*created*", None, values, pair_id=pair_id, at=now)
            else:
                review_id = before.id
                old = _values(before)
                changed = {k: v for k, v in values.items() if old[k] != v}
                if changed:
                    sets = ", ".join(f"{k} = ?" for k in changed)
                    wf.conn.execute(
                        f"UPDATE reviews SET {sets}, updated_at = ? WHERE id = ?",
                        (*changed.values(), now, review_id),
                    )
                    for name, value in changed.items():
                        wf.audit(
                            "reviews", review_id, name, old[name], value, pair_id=pair_id, at=now
                        )
        found = self.review(pair_id, checkpoint_day)
        assert found is not None
        return found

    def _apply(self, pair_id: str, changes: CharterChanges) -> int:
        """The charter's edits, in its next version: reopened first when the signed version
        is the current one. Returns the version the edits are in."""
        charters = self._wf.charters
        current = charters.charter(pair_id)
        if current.signed_version is not None and not current.edited_since_signing:
            charters.reopen(pair_id)
        if changes.cadence:
            charters.set_field(pair_id, "meeting_frequency", changes.cadence)
            custom = changes.cadence_custom if changes.cadence == "custom" else ""
            charters.set_field(pair_id, "meeting_frequency_custom", custom)
        goals = {g.position for g in charters.goals(pair_id)}
        for position, words in sorted(changes.goals.items()):
            # A goal past the last is added after it: goals have no gaps.
            at = position if position in goals else len(goals) + 1
            charters.set_goal_part(pair_id, at, "goal", words)
            goals.add(at)
        plans = charters.plans(pair_id)
        for position, (scenario, plan) in sorted(changes.plans.items()):
            if 1 <= position <= len(plans):
                plan_id = plans[position - 1].id
                charters.set_plan_part(plan_id, "scenario", scenario)
                charters.set_plan_part(plan_id, "plan", plan)
            else:
                charters.add_plan(pair_id, scenario=scenario, plan=plan)
        return charters.charter(pair_id).version


_SELECT = "id, pair_id, checkpoint_day, " + ", ".join(_COLUMNS) + ", charter_version, updated_at"


def _review(r: Any) -> Review:
    return Review(
        id=r[0],
        pair_id=r[1],
        checkpoint_day=r[2],
        held_on=r[3],
        cadence_kept=r[4],
        progress=(r[5], r[6], r[7]),
        plans_used=r[8],
        changes=r[9],
        charter_version=r[10],
        updated_at=r[11],
    )


def _values(review: Review) -> dict[str, Any]:
    return {
        "held_on": review.held_on,
        "cadence_kept": review.cadence_kept,
        **{f"goal{n}_progress": p for n, p in enumerate(review.progress, 1)},
        "plans_used": review.plans_used,
        "changes": review.changes,
        "charter_version": review.charter_version,
    }


def _clean(
    held_on: str,
    cadence_kept: str,
    progress: Mapping[int, int | None],
    plans_used: str,
    changes: str,
) -> dict[str, Any]:
    """The review's columns as stored, or a UserError saying what is expected."""
    held = (held_on or "").strip()
    if held and (parse_date(held) is None or len(held) != 10):
        raise UserError(f"The review's date must be a date like 2027-04-30, not {held!r}.")
    if cadence_kept not in CADENCE_KEPT:
        raise UserError(f"Did we keep our cadence is yes, partly or no, not {cadence_kept!r}.")
    out: dict[str, Any] = {"held_on": held, "cadence_kept": cadence_kept}
    for position in progress:
        if position not in range(1, MAX_GOALS + 1):
            raise UserError(f"A charter has at most {MAX_GOALS} goals, not goal {position}.")
    for n in range(1, MAX_GOALS + 1):
        value = progress.get(n)
        if value is not None and (isinstance(value, bool) or value not in range(1, 6)):
            raise UserError(f"Progress on goal {n} is a rating from 1 to 5, not {value!r}.")
        out[f"goal{n}_progress"] = value
    out["plans_used"] = storable_text(plans_used or "")
    out["changes"] = storable_text(changes or "")
    return out


def _check_changes(changes: CharterChanges) -> None:
    if changes.cadence and changes.cadence not in _FREQUENCY_VALUES:
        allowed = ", ".join(_FREQUENCY_VALUES)
        raise UserError(f"A cadence is one of {allowed}, not {changes.cadence!r}.")
    if changes.cadence == "custom" and not changes.cadence_custom.strip():
        raise UserError("A custom cadence needs its words, like 'every third Friday'.")
    for position, words in changes.goals.items():
        if position not in range(1, MAX_GOALS + 1):
            raise UserError(f"A charter has at most {MAX_GOALS} goals, not goal {position}.")
        if not words.strip():
            raise UserError(
                f"Goal {position}'s new words are empty: write the goal, or leave it as it is."
            )
    for position, (scenario, plan) in changes.plans.items():
        if position < 1:
            raise UserError(f"Plans are numbered from 1, not {position}.")
        if not scenario.strip() or not plan.strip():
            raise UserError(f"Plan {position} needs both its situation and what you will do.")


def _differs(wf: WorkshopFile, pair_id: str, changes: CharterChanges) -> bool:
    """Whether `changes` would change the charter as it is (a cadence "changed" to the one
    agreed, or a goal retyped as it was, opens no new version)."""
    if changes.empty:
        return False
    current = wf.charters.charter(pair_id)
    if changes.cadence and (
        changes.cadence != current.fields.get("meeting_frequency")
        or (
            changes.cadence == "custom"
            and storable_text(changes.cadence_custom)
            != current.fields.get("meeting_frequency_custom")
        )
    ):
        return True
    goals = {g.position: g.goal for g in current.goals}
    if any(goals.get(n) != storable_text(words) for n, words in changes.goals.items()):
        return True
    plans = {n: (p.scenario, p.plan) for n, p in enumerate(current.plans, 1)}
    return any(
        plans.get(n) != (storable_text(s), storable_text(p)) for n, (s, p) in changes.plans.items()
    )
