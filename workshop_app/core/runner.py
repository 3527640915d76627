"""The live agenda: one segment at a time, a countdown that is right to the second over hours,
and the projected finish of the whole workshop.

Time is measured with a monotonic clock while the app runs. Every change of state (start,
pause, adjust, move on) is written to the workshop file with wall-clock times, so an app that
is closed and reopened mid-segment resumes with the right time left. Each segment's actual
start, end and running time is recorded for the staff export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from workshop_app.core.clock import Clock, new_id
from workshop_app.core.content import Exercise, Library
from workshop_app.core.content import Segment as Step
from workshop_app.core.errors import UserError
from workshop_app.core.model import Segment

if TYPE_CHECKING:
    from workshop_app.core.workshop_file import WorkshopFile

WARNING_SECONDS = 120
State = Literal["ready", "running", "paused", "warning", "overrun", "finished"]


@dataclass(frozen=True, slots=True)
class StepNow:
    """Where the countdown is inside the current exercise's timed steps."""

    step: Step
    index: int
    count: int
    remaining_seconds: float
    next_step: Step | None


class Runner:
    def __init__(self, wf: WorkshopFile, library: Library | None, *, clock: Clock | None = None):
        self.wf = wf
        self.library = library
        self.clock = clock or Clock()
        self.segments: list[Segment] = []
        self.index = 0
        self._accumulated = 0.0  # running seconds before the current run
        self._run_started: float | None = None  # monotonic time of the current run's start
        self._extra = 0.0
        self._finished = False
        self.reload()

    # -- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the agenda and the saved runner state (after opening, or an agenda change)."""
        self.segments = [s for s in self.wf.agenda.segments() if not s.skipped]
        row = self.wf.conn.execute(
            "SELECT segment_id, elapsed_seconds, running_since, extra_seconds FROM runner_state"
        ).fetchone()
        self._run_started = None
        self._accumulated = 0.0
        self._extra = 0.0
        self.index = 0
        self._finished = False
        if row is None or row[0] is None:
            self._finished = bool(self.segments) and all(s.ended_at for s in self.segments)
            return
        ids = [s.id for s in self.segments]
        if row[0] not in ids:
            return
        self.index = ids.index(row[0])
        self._accumulated = row[1]
        self._extra = row[3]
        if row[2]:
            away = (self.clock.now() - datetime.fromisoformat(row[2])).total_seconds()
            self._accumulated += max(0.0, away)
            self._run_started = self.clock.monotonic()

    @property
    def current(self) -> Segment | None:
        if not self.segments or self._finished:
            return None
        return self.segments[self.index]

    @property
    def next_segment(self) -> Segment | None:
        if self._finished or self.index + 1 >= len(self.segments):
            return None
        return self.segments[self.index + 1]

    def exercise(self, segment: Segment | None = None) -> Exercise | None:
        segment = segment or self.current
        if segment is None or not segment.exercise_id or self.library is None:
            return None
        return self.library.exercises.get(segment.exercise_id)

    @property
    def running(self) -> bool:
        return self._run_started is not None

    def elapsed(self) -> float:
        if self._run_started is None:
            return self._accumulated
        return self._accumulated + (self.clock.monotonic() - self._run_started)

    def planned_seconds(self) -> float:
        segment = self.current
        return 0.0 if segment is None else segment.planned_minutes * 60 + self._extra

    def remaining(self) -> float:
        """Seconds left in the current segment; negative once it overruns."""
        return self.planned_seconds() - self.elapsed()

    def state(self) -> State:
        if self._finished:
            return "finished"
        if self.current is None:
            return "ready"
        left = self.remaining()
        if left < 0 and (self.running or self.elapsed() > 0):
            return "overrun"
        if not self.running:
            return "paused" if self.elapsed() > 0 else "ready"
        return "warning" if left <= WARNING_SECONDS else "running"

    def step_now(self) -> StepNow | None:
        """The timed step (e.g. triad round 2: speaker B) the countdown is in, if any."""
        exercise, segment = self.exercise(), self.current
        if exercise is None or segment is None or not exercise.steps:
            return None
        steps = exercise.timeline(segment.planned_minutes)
        elapsed = self.elapsed()
        start = 0.0
        for i, step in enumerate(steps):
            end = start + step.minutes * 60
            if elapsed < end or i == len(steps) - 1:
                return StepNow(
                    step=step,
                    index=i,
                    count=len(steps),
                    remaining_seconds=end - elapsed,
                    next_step=steps[i + 1] if i + 1 < len(steps) else None,
                )
            start = end
        return None

    # -- the whole day ---------------------------------------------------------------------

    def planned_start(self) -> datetime:
        w = self.wf.workshop()
        local = datetime.fromisoformat(f"{w.date}T{w.start_time or '09:00'}")
        return local.astimezone()

    def planned_finish(self) -> datetime:
        total = sum(s.planned_minutes for s in self.segments)
        return self.planned_start() + timedelta(minutes=total)

    def projected_finish(self) -> datetime:
        """When the workshop will end if every segment from here takes its planned time."""
        now = self.clock.now().astimezone()
        if self._finished:
            ended = [s.ended_at for s in self.segments if s.ended_at]
            return datetime.fromisoformat(max(ended)).astimezone() if ended else now
        if self.current is None:
            return self.planned_finish()
        if not self.segments[0].started_at and not self.running and self.elapsed() == 0:
            return max(now, self.planned_start()) + timedelta(
                minutes=sum(s.planned_minutes for s in self.segments)
            )
        later = sum(s.planned_minutes for s in self.segments[self.index + 1 :])
        return now + timedelta(seconds=max(0.0, self.remaining()), minutes=later)

    def minutes_late(self) -> float:
        """Positive when running late, negative when ahead of the plan."""
        return (self.projected_finish() - self.planned_finish()).total_seconds() / 60

    # -- controls --------------------------------------------------------------------------

    def start(self) -> None:
        segment = self.current
        if segment is None or self.running:
            return
        self._run_started = self.clock.monotonic()
        if not segment.started_at:
            self._record(segment, started=True)
        self._save()

    def pause(self) -> None:
        if not self.running:
            return
        self._accumulated = self.elapsed()
        self._run_started = None
        self._save()

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def adjust(self, minutes: float) -> None:
        """+5 / -1 minute on the current segment (never below what has already run)."""
        if self.current is None:
            return
        base = self.current.planned_minutes * 60
        self._extra = max(self._extra + minutes * 60, -base)
        self._save()

    def restart(self) -> None:
        """Back to the full time for this segment, stopped."""
        if self.current is None:
            return
        self._accumulated = 0.0
        self._run_started = None
        self._extra = 0.0
        self._save()

    def next(self) -> None:
        if self.current is None:
            return
        running = self._leave()
        if self.index + 1 >= len(self.segments):
            self._finished = True
            self._clear()
            return
        self._enter(self.index + 1, run=running)

    def previous(self) -> None:
        if self._finished and self.segments:
            self._finished = False
            self._enter(len(self.segments) - 1, run=False)
            return
        if self.current is None or self.index == 0:
            return
        running = self._leave()
        self._enter(self.index - 1, run=running)

    def go_to(self, index: int) -> None:
        if not 0 <= index < len(self.segments):
            raise UserError("There is no such segment in the agenda.")
        running = self._leave() if self.current is not None else False
        self._finished = False
        self._enter(index, run=running)

    # -- recording -------------------------------------------------------------------------

    def _leave(self) -> bool:
        """Record the current segment's timing; True if its clock was running."""
        segment = self.current
        assert segment is not None
        was_running = self.running
        elapsed = self.elapsed()
        self._run_started = None
        if segment.started_at or elapsed > 0:
            self._record(segment, ended=True, seconds=elapsed)
        return was_running

    def _enter(self, index: int, *, run: bool) -> None:
        """Make segment `index` current; its clock runs on if the last one was running."""
        self.index = index
        segment = self.segments[index]
        # Coming back to a segment continues its clock from what it had run.
        self._accumulated = segment.actual_seconds or 0.0
        self._extra = 0.0
        self._run_started = None
        if run:
            self.start()
        else:
            self._save()

    def _record(
        self, segment: Segment, *, started: bool = False, ended: bool = False, seconds: float = 0
    ) -> None:
        now = self.clock.now().isoformat(timespec="seconds")
        if started:
            segment.started_at = now
            segment.ended_at = None
        if ended:
            segment.ended_at = now
            segment.actual_seconds = round(seconds, 1)
        self.wf.agenda.record_timing(
            segment.id,
            started_at=segment.started_at or now,
            ended_at=segment.ended_at,
            actual_seconds=segment.actual_seconds or 0.0,
        )

    def _save(self) -> None:
        segment = self.current
        running_since = None
        if self._run_started is not None:
            # The wall-clock moment the current run would have started had it run unpaused:
            # reopening adds the time away to the saved seconds.
            running_since = (
                self.clock.now() - timedelta(seconds=self.clock.monotonic() - self._run_started)
            ).isoformat()
        accumulated = self._accumulated
        self._write(segment.id if segment else None, accumulated, running_since)

    def _clear(self) -> None:
        self._accumulated = 0.0
        self._run_started = None
        self._extra = 0.0
        self._write(None, 0.0, None)

    def _write(self, segment_id: str | None, elapsed: float, running_since: str | None) -> None:
        from workshop_app.core.clock import utc_now

        conn = self.wf.conn
        with self.wf.transaction():
            row = conn.execute("SELECT id FROM runner_state").fetchone()
            values = (segment_id, elapsed, running_since, self._extra, utc_now())
            if row is None:
                conn.execute(
                    "INSERT INTO runner_state (segment_id, elapsed_seconds, running_since,"
                    " extra_seconds, updated_at, id) VALUES (?, ?, ?, ?, ?, ?)",
                    (*values, new_id()),
                )
            else:
                conn.execute(
                    "UPDATE runner_state SET segment_id = ?, elapsed_seconds = ?,"
                    " running_since = ?, extra_seconds = ?, updated_at = ? WHERE id = ?",
                    (*values, row[0]),
                )
