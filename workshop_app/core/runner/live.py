"""The live agenda: one segment at a time, a countdown that is right to the second over hours,
and the projected finish of the whole workshop.

Two segments matter at any moment, and they are kept apart:
- the *timed* segment: the one in progress (the *live* one), or before the run begins the
  first one still to run. The countdown, start/pause, +5/-1 and the projector are about it;
- the *viewed* segment: the one the facilitator is looking at. Next/Previous move only the
  view, so looking ahead at a prompt, the notes or a scenario never starts, stops or records
  anything; `start_viewed()` ("Start this one") ends the live segment and starts the viewed.
A segment's actual time is recorded only when its clock has run.

Time is measured with a monotonic clock while the app runs. Every change of state is written
to the run's record with wall-clock times, so an app closed and reopened mid-segment resumes
with the right time left. A rehearsal keeps the same record in memory (`runner.record`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from workshop_app.core.content.library import Exercise, Library
from workshop_app.core.content.model import TimedStep, hours_minutes_text
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _
from workshop_app.core.model import Segment
from workshop_app.core.runner.agenda_store import in_library_language
from workshop_app.core.runner.clock import Clock
from workshop_app.core.runner.record import FileRecord, LiveClock, RehearsalRecord, RunRecord

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

WARNING_SECONDS = 120
State = Literal["ready", "running", "paused", "warning", "overrun", "finished"]


@dataclass(frozen=True, slots=True)
class StepNow:
    """Where the countdown is inside the timed exercise's steps."""

    step: TimedStep
    index: int
    count: int
    remaining_seconds: float
    next_step: TimedStep | None
    tracks: tuple[TrackNow, ...] = ()
    """In a parallel part, each track's own step: they share this timer."""


@dataclass(frozen=True, slots=True)
class TrackNow:
    """Where one track of a parallel part is: its own step `index` (from 0) of `count`,
    and the seconds left in it (a track's step may last over several of the timer's)."""

    track: str
    step: TimedStep
    index: int
    count: int
    remaining_seconds: float


def rehearsal_suggested(wf: WorkshopFile, clock: Clock) -> bool:
    """A run on another day than the workshop's, before any real run: most likely a rehearsal."""
    today = clock.now().astimezone().date()
    if date.fromisoformat(wf.workshop().date) == today:
        return False
    return FileRecord(wf).live() is None and not any(s.started_at for s in wf.agenda.segments())


class Runner:
    def __init__(
        self,
        wf: WorkshopFile,
        library: Library | None,
        *,
        clock: Clock | None = None,
        rehearsal: bool = False,
    ) -> None:
        self.wf = wf
        self.library = library
        self.clock = clock or Clock()
        self._record: RunRecord = RehearsalRecord() if rehearsal else FileRecord(wf)
        self.segments: list[Segment] = []
        self._live: Segment | None = None
        self._view_id: str | None = None  # None: the end of the agenda
        self._loaded = False
        self._finished = False
        self._accumulated = 0.0  # seconds the live segment ran before the current run
        self._run_started: float | None = None  # monotonic time the current run started
        self._step_extras: dict[int, float] = {}  # the live segment's adjusted steps
        self.reload()

    @property
    def rehearsal(self) -> bool:
        return self._record.rehearsal

    # -- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the agenda and the run's saved state (after opening, or an agenda change).
        The view stays where it was if its segment is still there; on first reading it opens
        on the timed segment, so a reopened app shows the segment that runs."""
        had_agenda = bool(self.segments)
        segments = in_library_language(self.wf.agenda.segments(), self.library)
        self.segments = [s for s in segments if not s.skipped]
        self._record.overlay(self.segments)
        by_id = {s.id: s for s in self.segments}
        saved = self._record.live()
        self._live = None
        self._accumulated = 0.0
        self._run_started = None
        self._step_extras = {}
        self._finished = False
        if saved is not None and saved.segment_id in by_id:
            self._live = by_id[saved.segment_id]
            self._accumulated = saved.elapsed
            self._step_extras = dict(saved.step_extras)
            if saved.running_since is not None:
                away = (self.clock.now() - saved.running_since).total_seconds()
                self._accumulated += max(0.0, away)
                self._run_started = self.clock.monotonic()
        elif saved is not None and saved.segment_id is None:
            self._finished = any(s.started_at for s in self.segments)
        gone = self._view_id is not None and self._view_id not in by_id
        if not self._loaded or gone or not had_agenda:  # (an agenda just chosen: its start)
            self.show_timed()
        self._loaded = True

    @property
    def live(self) -> Segment | None:
        """The segment in progress (running, or paused part-way), if any."""
        return self._live

    @property
    def timed(self) -> Segment | None:
        """The segment the countdown is about: the live one, or the next one to run."""
        if self._live is not None:
            return self._live
        if self._finished:
            return None
        return next((s for s in self.segments if s.ended_at is None), None)

    @property
    def view_index(self) -> int:
        """The viewed segment's index; `len(segments)` is the end of the agenda."""
        ids = [s.id for s in self.segments]
        return ids.index(self._view_id) if self._view_id in ids else len(ids)

    @property
    def viewed(self) -> Segment | None:
        """The segment the facilitator is looking at; None at the end of the agenda."""
        index = self.view_index
        return self.segments[index] if index < len(self.segments) else None

    @property
    def browsing(self) -> bool:
        """The facilitator is looking at another segment than the timed one."""
        timed = self.timed
        return bool(self.segments) and self._view_id != (timed.id if timed else None)

    @property
    def next_segment(self) -> Segment | None:
        """What comes after the viewed segment."""
        index = self.view_index + 1
        return self.segments[index] if index < len(self.segments) else None

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def begun(self) -> bool:
        """Whether any segment of this run has started (only then can the workshop end)."""
        return self._live is not None or any(s.started_at for s in self.segments)

    def exercise(self, segment: Segment | None = None) -> Exercise | None:
        """The library exercise behind `segment` (by default the viewed one)."""
        segment = segment or self.viewed
        if segment is None or not segment.exercise_id or self.library is None:
            return None
        return self.library.exercises.get(segment.exercise_id)

    @property
    def running(self) -> bool:
        return self._run_started is not None

    def elapsed(self) -> float:
        """Seconds the timed segment has run."""
        if self._run_started is None:
            return self._accumulated
        return self._accumulated + (self.clock.monotonic() - self._run_started)

    def planned_seconds(self, segment: Segment | None = None) -> float:
        """A segment's planned time with what was added or taken off (by default the timed)."""
        segment = segment or self.timed
        return 0.0 if segment is None else segment.planned_minutes * 60 + segment.extra_seconds

    def remaining(self) -> float:
        """Seconds left in the timed segment; negative once it overruns."""
        return self.planned_seconds() - self.elapsed()

    def state(self) -> State:
        if self._finished:
            return "finished"
        if self.timed is None:
            return "ready"
        left = self.remaining()
        if left < 0 and (self.running or self.elapsed() > 0):
            return "overrun"
        if not self.running:
            return "paused" if self.elapsed() > 0 else "ready"
        return "warning" if left <= WARNING_SECONDS else "running"

    def step_now(self) -> StepNow | None:
        """The timed step (e.g. triad round 2: speaker B) the countdown is in, if any.

        Minutes added or taken off while a step runs belong to that step: it ends that much
        later (or sooner), and the steps after it keep their length. The last step ends with
        the segment, so it takes what the steps do not account for (minutes added before the
        segment started, or while it was looked at from elsewhere)."""
        segment = self.timed
        exercise = self.exercise(segment) if segment else None
        if exercise is None or segment is None or not exercise.steps:
            return None
        steps = exercise.timeline(segment.planned_minutes)
        extras = self._step_extras if segment is self._live else {}
        elapsed = self.elapsed()
        ends: list[float] = []
        end = 0.0
        for i, step in enumerate(steps):
            end += max(0.0, step.minutes * 60 + extras.get(i, 0.0))
            ends.append(self.planned_seconds(segment) if i == len(steps) - 1 else end)
        i = next(i for i, end in enumerate(ends) if elapsed < end or i == len(steps) - 1)
        return StepNow(
            step=steps[i],
            index=i,
            count=len(steps),
            remaining_seconds=ends[i] - elapsed,
            next_step=None if i == len(steps) - 1 else steps[i + 1],
            tracks=tuple(
                _track_now(steps, ends, i, k, elapsed) for k in range(len(steps[i].tracks))
            ),
        )

    # -- the whole day ---------------------------------------------------------------------

    def _first_start(self) -> datetime | None:
        starts = [datetime.fromisoformat(s.started_at) for s in self.segments if s.started_at]
        return min(starts).astimezone() if starts else None

    def planned_start(self) -> datetime:
        """When this run's plan starts. A rehearsal's plan starts when the rehearsal did (or
        now, before it has); the real run's at the workshop's start time on the day it runs,
        so a run on another day than the file's date still compares with a sensible plan."""
        first = self._first_start()
        if self.rehearsal:
            return first or self.clock.now().astimezone()
        day = first.date() if first else self.clock.now().astimezone().date()
        start = self.wf.workshop().start_time or "09:00"
        return datetime.fromisoformat(f"{day.isoformat()}T{start}").astimezone()

    def planned_finish(self) -> datetime:
        total = sum(s.planned_minutes for s in self.segments)
        return self.planned_start() + timedelta(minutes=total)

    def projected_finish(self) -> datetime:
        """When the workshop will end if every segment still to run takes its planned time
        (with what was added to it or taken off)."""
        now = self.clock.now().astimezone()
        if self._finished:
            ended = [s.ended_at for s in self.segments if s.ended_at]
            return datetime.fromisoformat(max(ended)).astimezone() if ended else now
        live = self._live
        if live is None:
            to_run = sum(self.planned_seconds(s) for s in self.segments if s.ended_at is None)
            return max(now, self.planned_start()) + timedelta(seconds=to_run)
        # Every other segment not yet run still counts, ahead of the live one or behind it (a
        # segment passed over may yet be run; skipping it for good is the agenda's business).
        later = sum(
            self.planned_seconds(s) for s in self.segments if s is not live and s.ended_at is None
        )
        return now + timedelta(seconds=max(0.0, self.remaining()) + later)

    def minutes_late(self) -> float:
        """Positive when running late, negative when ahead of the plan."""
        return (self.projected_finish() - self.planned_finish()).total_seconds() / 60

    # -- looking around (records nothing) --------------------------------------------------

    def next(self) -> None:
        """Look at the next segment (or past the last one, the end of the agenda)."""
        self._view(min(self.view_index + 1, len(self.segments)))

    def previous(self) -> None:
        self._view(max(self.view_index - 1, 0))

    def go_to(self, index: int) -> None:
        if not 0 <= index < len(self.segments):
            raise UserError(_("There is no such segment in the agenda."))
        self._view(index)

    def show_timed(self) -> None:
        """Back to the segment that runs (or that runs next)."""
        timed = self.timed
        self._view_id = timed.id if timed else None

    def _view(self, index: int) -> None:
        if self.segments:
            self._view_id = self.segments[index].id if index < len(self.segments) else None

    # -- the clock -------------------------------------------------------------------------

    def start(self) -> None:
        """Start (or resume) the timed segment's clock."""
        segment = self.timed
        if segment is None or self.running:
            return
        if self._live is None:
            self._make_live(segment)
        self._run_started = self.clock.monotonic()
        if segment.started_at is None or segment.ended_at is not None:
            segment.started_at = segment.started_at or self._now()
            segment.ended_at = None
            self._record.save_timing(segment)
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

    def start_viewed(self) -> None:
        """ "Start this one": end the live segment (recording its time) and run the viewed one,
        its clock continuing from what it ran before. At the end of the agenda: finish."""
        segment = self.viewed
        if segment is None:
            self.finish()
            return
        if segment is not self._live:
            self._leave_live()
            self._finished = False
            self._make_live(segment)
        self.start()

    def advance(self, step: int) -> None:
        """What a presentation clicker's Next and Back do: the room moves one segment on
        (`step` 1) or back (-1) from the one that runs, and that one starts, as a slide show
        advances. Before anything has started, Next starts the first segment to run; Next on
        the last segment ends the workshop."""
        timed = self.timed
        if timed is None:  # the workshop has ended: Back reopens its last segment
            if step < 0 and self.segments:
                self._view(len(self.segments) - 1)
                self.start_viewed()
            return
        if step > 0 and self._live is None:
            self.show_timed()
            self.start()
            return
        index = [s.id for s in self.segments].index(timed.id) + step
        if index < 0:
            return
        self._view(index)
        self.start_viewed()

    def finish(self) -> None:
        """End the live segment and the workshop (once something has run)."""
        if not self.begun:
            return
        self._leave_live()
        self._finished = True
        self._view_id = None
        self._save()

    def adjust(self, minutes: float) -> None:
        """+5 / -1 minute on the timed segment (never below nothing at all), and on the step
        of it that runs now. The adjustment belongs to the segment and stays with it."""
        segment = self.timed
        if segment is None:
            return
        base = segment.planned_minutes * 60
        before = segment.extra_seconds
        segment.extra_seconds = max(before + minutes * 60, -base)
        self._record.save_extra(segment)
        now = self.step_now() if segment is self._live else None
        if now is not None and now.next_step is not None:
            change = segment.extra_seconds - before
            self._step_extras[now.index] = self._step_extras.get(now.index, 0.0) + change
            self._save()

    def restart(self) -> None:
        """Back to the full planned time for the timed segment, stopped, as if it had not
        run: its next start is its start (what it ran before is not recorded)."""
        segment = self.timed
        if segment is None:
            return
        if segment is self._live:
            self._accumulated = 0.0
            self._run_started = None
            self._step_extras = {}
            self._save()
            if segment.started_at is not None or segment.ended_at is not None:
                segment.started_at = segment.ended_at = segment.actual_seconds = None
                self._record.save_timing(segment)
        if segment.extra_seconds:
            segment.extra_seconds = 0.0
            self._record.save_extra(segment)

    # -- recording -------------------------------------------------------------------------

    def _now(self) -> str:
        return self.clock.now().isoformat(timespec="seconds")

    def _make_live(self, segment: Segment) -> None:
        """`segment` becomes the one in progress; coming back to a segment continues its
        clock from what it ran before."""
        self._live = segment
        self._accumulated = segment.actual_seconds or 0.0
        self._run_started = None
        self._step_extras = {}  # coming back: its added minutes go to its last step

    def _leave_live(self) -> None:
        """Record the live segment's actual time, if its clock ran (a clock reset to zero and
        left unstarted has not run: its record is cleared)."""
        segment = self._live
        if segment is None:
            return
        elapsed = self.elapsed()
        self._run_started = None
        self._live = None
        self._accumulated = 0.0
        self._step_extras = {}
        if elapsed > 0:
            segment.ended_at = self._now()
            segment.actual_seconds = round(elapsed, 1)
        else:
            segment.started_at = segment.ended_at = segment.actual_seconds = None
        self._record.save_timing(segment)

    def _save(self) -> None:
        running_since = None
        if self._run_started is not None:
            # The wall-clock moment the current run started: reopening adds the time away.
            running_since = self.clock.now() - timedelta(
                seconds=self.clock.monotonic() - self._run_started
            )
        live = self._live
        self._record.save_live(
            LiveClock(
                live.id if live else None,
                self._accumulated,
                running_since,
                dict(self._step_extras),
            )
        )


def _track_now(
    steps: tuple[TimedStep, ...], ends: list[float], i: int, k: int, elapsed: float
) -> TrackNow:
    """Track `k` at the timer's step `i`: its own step lasts as long as the timer's steps
    that follow say it is still in it."""
    now = steps[i].tracks[k]
    last = i
    while (
        last + 1 < len(steps)
        and steps[last + 1].tracks[k : k + 1]
        and (steps[last + 1].tracks[k].index == now.index)
    ):
        last += 1
    return TrackNow(now.track, now.step, now.index, now.count, ends[last] - elapsed)


def drift_text(minutes_late: float) -> str:
    """How the day compares with its plan, in words (the interface language): on time, 7 min
    late, 3 min ahead, 8 h 36 min late."""
    if abs(minutes_late) < 1:
        return _("on time")
    length = hours_minutes_text(round(abs(minutes_late)))
    if minutes_late > 0:
        # Translators: {length} is "7 min" or "8 h 36 min".
        return _("running {length} late").format(length=length)
    return _("{length} ahead").format(length=length)
