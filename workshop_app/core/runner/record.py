"""Where a run of the agenda is kept: in the workshop file on the day, in memory for a rehearsal.

The runner asks its record to keep three things: the live clock (which segment is in progress,
the seconds it has run, and since when it runs), each segment's actual timing, and the minutes
added to or taken off a segment. `FileRecord` writes them to the workshop file, each with an
audit row, so that a reopened app resumes where it was. `RehearsalRecord` keeps them in memory
only: a rehearsal the day before leaves nothing in the file for the real day to trip over.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from workshop_app.core.runner.clock import new_id, utc_now

if TYPE_CHECKING:
    from workshop_app.core.model import Segment
    from workshop_app.core.store.workshop_file import WorkshopFile


@dataclass(frozen=True, slots=True)
class LiveClock:
    """The saved state of the run: `segment_id` None once the agenda is finished."""

    segment_id: str | None
    elapsed: float  # seconds run before `running_since`
    running_since: datetime | None  # when the clock last started, if it runs now
    # Seconds added to (or taken off) steps of the live segment, by the step's index.
    step_extras: Mapping[int, float] = field(default_factory=dict)


def run_in_progress(wf: WorkshopFile) -> bool:
    """Whether the file holds a real segment that runs, or was paused part-way. (Here, not in
    `runner`, so that opening a workshop does not read in the exercise library.)"""
    live = FileRecord(wf).live()
    return (
        live is not None
        and live.segment_id is not None
        and (live.running_since is not None or live.elapsed > 0)
    )


def _read_step_extras(text: str) -> dict[int, float]:
    """The saved step adjustments; anything unreadable counts as none (the segment's own
    added minutes still count: they go to its last step)."""
    try:
        raw = json.loads(text) if text else {}
        return {int(k): float(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    except (ValueError, TypeError):
        return {}


def _write_step_extras(extras: Mapping[int, float]) -> str:
    kept = {str(k): v for k, v in sorted(extras.items()) if v}
    return json.dumps(kept) if kept else ""


class FileRecord:
    """The real run, kept in the workshop file."""

    rehearsal = False

    def __init__(self, wf: WorkshopFile) -> None:
        self._wf = wf

    def live(self) -> LiveClock | None:
        row = self._wf.conn.execute(
            "SELECT segment_id, elapsed_seconds, running_since, step_extras FROM runner_state"
        ).fetchone()
        if row is None:
            return None
        since = datetime.fromisoformat(row[2]) if row[2] else None
        return LiveClock(row[0], row[1], since, _read_step_extras(row[3]))

    def save_live(self, state: LiveClock) -> None:
        conn = self._wf.conn
        since = state.running_since.isoformat() if state.running_since else None
        now = utc_now()
        with self._wf.transaction():
            row = conn.execute(
                "SELECT id, segment_id, elapsed_seconds, running_since, step_extras"
                " FROM runner_state"
            ).fetchone()
            steps = _write_step_extras(state.step_extras)
            values = (state.segment_id, state.elapsed, since, steps, now)
            if row is None:
                record_id = new_id()
                conn.execute(
                    "INSERT INTO runner_state (segment_id, elapsed_seconds, running_since,"
                    " step_extras, updated_at, id) VALUES (?, ?, ?, ?, ?, ?)",
                    (*values, record_id),
                )
                old = None
            else:
                record_id = row[0]
                conn.execute(
                    "UPDATE runner_state SET segment_id = ?, elapsed_seconds = ?,"
                    " running_since = ?, step_extras = ?, updated_at = ? WHERE id = ?",
                    (*values, record_id),
                )
                old = list(row[1:])
            self._wf.audit(
                "runner_state",
                record_id,
                "live",
                old,
                [state.segment_id, state.elapsed, since, steps],
            )

    def save_timing(self, segment: Segment) -> None:
        self._wf.agenda.record_timing(
            segment.id,
            started_at=segment.started_at,
            ended_at=segment.ended_at,
            actual_seconds=segment.actual_seconds,
        )

    def save_extra(self, segment: Segment) -> None:
        self._wf.agenda.set_extra_seconds(segment.id, segment.extra_seconds)

    def overlay(self, segments: Sequence[Segment]) -> None:
        """The segments as read from the file are this record already."""


class RehearsalRecord:
    """A rehearsal: the same bookkeeping, in memory, gone when the rehearsal ends."""

    rehearsal = True

    def __init__(self) -> None:
        self._live: LiveClock | None = None
        self._timings: dict[str, tuple[str | None, str | None, float | None]] = {}
        self._extras: dict[str, float] = {}

    def live(self) -> LiveClock | None:
        return self._live

    def save_live(self, state: LiveClock) -> None:
        self._live = state

    def save_timing(self, segment: Segment) -> None:
        self._timings[segment.id] = (segment.started_at, segment.ended_at, segment.actual_seconds)

    def save_extra(self, segment: Segment) -> None:
        self._extras[segment.id] = segment.extra_seconds

    def overlay(self, segments: Sequence[Segment]) -> None:
        """Fresh segments from the file, with the rehearsal's own timings and adjustments put
        on them: what a real run recorded (if anything) plays no part in a rehearsal."""
        for segment in segments:
            started, ended, actual = self._timings.get(segment.id, (None, None, None))
            segment.started_at, segment.ended_at, segment.actual_seconds = started, ended, actual
            segment.extra_seconds = self._extras.get(segment.id, 0.0)


RunRecord = FileRecord | RehearsalRecord
