"""The exercise library's data model: exercises, their steps and phases, agendas, the
library itself, and the names a content file may use (kinds, formats, parts, fields)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from workshop_app.core.content.placeholders import fill_placeholders
from workshop_app.core.content.wording import _did_you_mean
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, SOURCE_LANGUAGE, _, translations

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")

# The named parts of an exercise's body, as written in its `## ` headings.
ROOM_PROMPT = "Room prompt"
FACILITATOR_NOTES = "Facilitator notes"
DEBRIEF_QUESTIONS = "Debrief questions"
SITUATION = "Situation"
WHAT_GOES_WRONG = "What tends to go wrong"
PLAN_PROMPTS = "Plan prompts"
GOOD_PLANS = "What good plans look like"

PARTS = (
    ROOM_PROMPT,
    FACILITATOR_NOTES,
    DEBRIEF_QUESTIONS,
    SITUATION,
    WHAT_GOES_WRONG,
    PLAN_PROMPTS,
    GOOD_PLANS,
)
LIST_PARTS = frozenset({DEBRIEF_QUESTIONS, PLAN_PROMPTS, GOOD_PLANS})
"""Parts written as a bullet list, one question or plan per bullet."""

_COMMON_PARTS = (ROOM_PROMPT, FACILITATOR_NOTES, DEBRIEF_QUESTIONS)
SCENARIO_PARTS = (SITUATION, WHAT_GOES_WRONG, PLAN_PROMPTS, GOOD_PLANS)

# Other ways trainers write the same heading.
_PART_ALIASES = {
    "facilitator's notes": FACILITATOR_NOTES,
    "notes for the facilitator": FACILITATOR_NOTES,
    "debrief": DEBRIEF_QUESTIONS,
    "what goes wrong": WHAT_GOES_WRONG,
    "discussion prompts": PLAN_PROMPTS,
    "good plans": GOOD_PLANS,
}
_PART_BY_KEY = {p.lower(): p for p in PARTS} | _PART_ALIASES

# Each kind of exercise once, in the order the app lists them: its name in a file's `kind:`,
# how it reads for a person (the app's lists and the Add dialog), and the parts its body needs.
# The kinds' titles are marked N_: the app shows them in the interface language.
_KIND_TABLE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("expectations", N_("Expectations"), _COMMON_PARTS),
    ("skills", N_("Skills practice"), _COMMON_PARTS),
    ("scenario", N_("Troubleshooting"), _COMMON_PARTS + SCENARIO_PARTS),
    ("charter", N_("Charter"), _COMMON_PARTS),
    # Logistics (housekeeping, evaluation) has nothing to debrief.
    ("logistics", N_("Logistics"), (ROOM_PROMPT, FACILITATOR_NOTES)),
)
KINDS = tuple(kind for kind, _, _ in _KIND_TABLE)
KIND_TITLES = {kind: title for kind, title, _ in _KIND_TABLE}
REQUIRED_PARTS: Mapping[str, tuple[str, ...]] = {kind: parts for kind, _, parts in _KIND_TABLE}

# Formats and audiences, each once: the name in a file, and how it reads for a person.
FORMAT_TITLES = {
    "plenary": N_("whole room"),
    "pairs": N_("in pairs"),
    "triads": N_("in triads"),
    "individual": N_("on your own"),
}
FORMATS = tuple(FORMAT_TITLES)
AUDIENCE_TITLES = {
    "everyone": N_("everyone"),
    "mentors": N_("mentors only"),
    "mentees": N_("mentees only"),
}
AUDIENCES = tuple(AUDIENCE_TITLES)
# The tracks of a parallel segment, in the order their columns are shown, with the columns'
# headings: the audiences that are not everyone.
TRACK_TITLES = {"mentors": N_("Mentors"), "mentees": N_("Mentees")}
TRACKS = tuple(TRACK_TITLES)


def minutes_text(minutes: float) -> str:
    """Minutes as "10 min", or "7.5 min" when there is a half (agendas plan in halves)."""
    return f"{round(minutes, 1):g} min"


def hours_minutes_text(minutes: int) -> str:
    """Whole minutes as the interface language writes a length: "45 min", "8 h 36 min"."""
    hours, rest = divmod(minutes, 60)
    if hours:
        return _("{hours} h {minutes} min").format(hours=hours, minutes=f"{rest:02d}")
    return _("{minutes} min").format(minutes=rest)


def duration_text(minutes: float, language: str = SOURCE_LANGUAGE) -> str:
    """Minutes as a sentence says them, for the minutes placeholders: "8 minutes", "1 minute",
    "2½ minutes", "half a minute" (the timer counts in half minutes; a length written in a
    file with another fraction keeps minutes_text's one decimal: "1.2 minutes"), in
    `language`, the language of the text they go into."""
    t = translations(language)
    halves = minutes * 2
    if abs(halves - round(halves)) > 1e-9:
        number = f"{round(minutes, 1):g}"
        return t.ngettext("{n} minute", "{n} minutes", 2).format(n=number)
    whole, half = divmod(round(halves), 2)
    if whole == 0:
        return (
            t.gettext("half a minute")
            if half
            else t.ngettext("{n} minute", "{n} minutes", 0).format(n=0)
        )
    number = f"{whole}½" if half else str(whole)
    # A half makes it plural in every language the app has ("1½ minutes").
    return t.ngettext("{n} minute", "{n} minutes", 2 if half else whole).format(n=number)


REQUIRED_FIELDS = ("id", "title", "kind", "minutes", "format", "audience")
OPTIONAL_FIELDS = ("summary", "captures", "steps", "materials", "tracks")
_STEP_FIELDS = ("name", "minutes", "repeat", "roles", "phases")
_AGENDA_FIELDS = ("id", "title", "total_minutes", "items", "description")
_ITEM_FIELDS = ("exercise", "break", "minutes")


# --------------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class Phase:
    """One timed part of a step, e.g. "Speaker talks" then "Observer gives feedback"."""

    name: str
    minutes: float


@dataclass(frozen=True)
class Step:
    """A timed step of an exercise, run `repeat` times (rounds).

    With `roles`, the people in the group take the roles in turn: in round 1 person A has the
    first role, B the second, and so on; each round everyone moves one role along, so that in
    `len(roles)` rounds everyone has had every role once.
    """

    name: str
    minutes: float
    repeat: int = 1
    roles: tuple[str, ...] = ()
    phases: tuple[Phase, ...] = ()

    @property
    def total_minutes(self) -> float:
        return self.minutes * self.repeat

    def people(self) -> tuple[str, ...]:
        """The labels of the people in a group: A, B, C, ... one per role."""
        return tuple(chr(ord("A") + i) for i in range(len(self.roles)))

    def roles_for_round(
        self, round_number: int, people: Sequence[str] | None = None
    ) -> tuple[tuple[str, str], ...]:
        """Who has which role in round `round_number` (from 1), as (person, role) pairs."""
        if not self.roles:
            return ()
        if round_number < 1:
            raise ValueError(f"rounds count from 1, not {round_number}")
        names = tuple(people) if people is not None else self.people()
        if len(names) != len(self.roles):
            raise ValueError(
                f"{len(self.roles)} roles need {len(self.roles)} people, not {len(names)}"
            )
        n = len(self.roles)
        shift = round_number - 1
        return tuple((person, self.roles[(i - shift) % n]) for i, person in enumerate(names))


@dataclass(frozen=True)
class TimedStep:
    """One stretch of the countdown while an exercise runs: a step, or a phase of a round."""

    step: str
    phase: str
    minutes: float
    round: int
    rounds: int
    roles: tuple[tuple[str, str], ...] = ()
    tracks: tuple[TrackStep, ...] = ()
    """In a parallel part: where each track is meanwhile (one timer counts for all)."""

    @property
    def label(self) -> str:
        if self.tracks:
            labels = {t.step.label for t in self.tracks}
            if len(labels) == 1:
                return f"{self.step}: {labels.pop()}"
            return f"{self.step}: " + " · ".join(
                f"{TRACK_TITLES[t.track]}: {t.step.label}" for t in self.tracks
            )
        text = self.step
        if self.rounds > 1:
            text += f" ({self.round} of {self.rounds})"
        if self.phase:
            text += f": {self.phase}"
        return text

    @property
    def roles_text(self) -> str:
        """E.g. "A: speaker · B: listener · C: observer"."""
        return " · ".join(f"{person}: {role}" for person, role in self.roles)


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    kind: str
    minutes: float
    format: str
    audience: str
    captures: tuple[str, ...]
    steps: tuple[Step, ...]
    materials: tuple[str, ...]
    room_prompt: str
    facilitator_notes: str
    debrief_questions: tuple[str, ...]
    source: Path
    summary: str = ""
    tracks: tuple[Track, ...] = ()
    """Mentors and mentees apart, at the same time, before `steps` (the together part)."""
    # Scenarios only.
    situation: str = ""
    what_goes_wrong: str = ""
    plan_prompts: tuple[str, ...] = ()
    good_plans: tuple[str, ...] = ()
    language: str = SOURCE_LANGUAGE
    """The language its text is written in (the `<lang>/` folder it came from)."""
    fallback: bool = False
    """True when the library was loaded for another language that has no translation of it:
    the English file stands in, and the app marks it "English"."""

    @property
    def is_scenario(self) -> bool:
        return self.kind == "scenario"

    @property
    def parallel_minutes(self) -> float:
        """The minutes of the parallel part (every track takes the same), 0 without one."""
        return self.tracks[0].minutes if self.tracks else 0.0

    @property
    def steps_minutes(self) -> float:
        """The minutes the timed steps take, all rounds and the parallel part included."""
        return self.parallel_minutes + sum(s.total_minutes for s in self.steps)

    def timeline(self, minutes: float | None = None) -> tuple[TimedStep, ...]:
        """The countdown segments for running this exercise for `minutes` (an agenda's
        allocation; the exercise's own minutes without one), round by round.

        Given fewer minutes than the steps need (an agenda that shortens the exercise),
        every step and phase shrinks in proportion, in half minutes, never below half a
        minute, using up the minutes given as far as half minutes allow. A parallel part
        shrinks as one step first, then each track's steps within it. The last segment
        ends with the exercise, as the runner counts it down: it takes whatever the others
        leave (an agenda that lengthens the exercise, or what half minutes cannot share out).
        Step and phase names have their minutes placeholders filled in (a track's step
        names, the track's own).
        """
        target = self.minutes if minutes is None else minutes
        segments = self._segments(target)
        values = self._minutes_values(target, segments)
        own = {t.name: self._track_values(t, target, segments) for t in self.tracks}
        return tuple(
            replace(
                s,
                step=fill_placeholders(s.step, values),
                phase=fill_placeholders(s.phase, values),
                tracks=tuple(replace(t, step=_filled(t.step, own[t.track])) for t in s.tracks),
            )
            for s in segments
        )

    def minutes_values(self, minutes: float | None = None) -> dict[str, str]:
        """The minutes placeholders for running this exercise for `minutes` (an agenda's
        allocation; the exercise's own minutes without one), as text ("8 minutes"):
        `minutes` for the whole exercise, `step_N_minutes` for one round of step N and
        `step_N_phase_M_minutes` for its phase M. They are the timeline's numbers, the ones
        the runner's timer counts down; of a step that repeats, round 1's. (With tracks,
        the steps are the together part's; a track's own are `track_minutes_values`.)"""
        target = self.minutes if minutes is None else minutes
        return self._minutes_values(target, self._segments(target))

    def track_minutes_values(self, track: str, minutes: float | None = None) -> dict[str, str]:
        """The minutes placeholders in a track's own text (`## Room prompt: mentors`):
        `minutes` for the whole exercise, `step_N_minutes` for that track's step N."""
        target = self.minutes if minutes is None else minutes
        found = next(t for t in self.tracks if t.name == track)
        return self._track_values(found, target, self._segments(target))

    def _segments(self, target: float) -> tuple[TimedStep, ...]:
        units = _units(self.steps)
        if self.tracks:
            units.append((_PARALLEL_KEY, self.parallel_minutes, 1))
        if target < self.steps_minutes:
            length = _apportion(units, target)
        else:
            length = {key: m for key, m, _ in units}
        parallel = _parallel_timeline(self.tracks, length[_PARALLEL_KEY]) if self.tracks else ()
        segments = list(parallel + _step_timeline(self.steps, length))
        spare = target - sum(s.minutes for s in segments)
        if segments and spare > 1e-9:
            segments[-1] = replace(segments[-1], minutes=segments[-1].minutes + spare)
        return tuple(segments)

    def _minutes_values(self, target: float, segments: Sequence[TimedStep]) -> dict[str, str]:
        # The steps' segments are the last ones, round after round (the parallel part's
        # come before them).
        at = len(segments) - sum(s.repeat * len(s.phases or (s,)) for s in self.steps)
        return {MINUTES: duration_text(target, self.language)} | _step_values(
            self.steps, segments[at:], self.language
        )

    def _track_values(
        self, track: Track, target: float, segments: Sequence[TimedStep]
    ) -> dict[str, str]:
        line = dict(track_timelines(segments))[track.name]
        return {MINUTES: duration_text(target, self.language)} | _step_values(
            track.steps, line, self.language
        )


def _step_values(
    steps: Sequence[Step], segments: Sequence[TimedStep], language: str
) -> dict[str, str]:
    """The `step_N_minutes` (and phase) placeholders of `steps`, from their `segments`, as
    `language` says them."""
    values = {}
    at = 0
    for i, step in enumerate(steps, start=1):
        count = len(step.phases or (step,))
        first_round = segments[at : at + count]
        at += count * step.repeat
        values[step_placeholder(i)] = duration_text(sum(s.minutes for s in first_round), language)
        for j, segment in enumerate(first_round if step.phases else (), start=1):
            values[step_placeholder(i, j)] = duration_text(segment.minutes, language)
    return values


def _filled(step: TimedStep, values: Mapping[str, str]) -> TimedStep:
    return replace(
        step, step=fill_placeholders(step.step, values), phase=fill_placeholders(step.phase, values)
    )


MINUTES = "minutes"
"""The placeholder for the whole exercise's allocated minutes."""


def step_placeholder(step: int, phase: int | None = None) -> str:
    """The name of the minutes placeholder of step `step` (from 1), or of its phase `phase`."""
    return f"step_{step}_minutes" if phase is None else f"step_{step}_phase_{phase}_minutes"


_PARALLEL_KEY = (-1, 0)
PARALLEL_STEP = "In separate groups"
"""How the timer names the parallel part of an exercise with tracks."""


def _units(steps: Sequence[Step]) -> list[tuple[tuple[int, int], float, int]]:
    """Each step's phases (or the step itself) as (key, minutes, repeat), to apportion."""
    return [
        ((i, j), phase.minutes, step.repeat)
        for i, step in enumerate(steps)
        for j, phase in enumerate(step.phases or (Phase(step.name, step.minutes),))
    ]


def _step_timeline(
    steps: Sequence[Step], length: Mapping[tuple[int, int], float]
) -> tuple[TimedStep, ...]:
    segments: list[TimedStep] = []
    for i, step in enumerate(steps):
        for r in range(1, step.repeat + 1):
            roles = step.roles_for_round(r)
            for j, phase in enumerate(step.phases):
                segments.append(
                    TimedStep(step.name, phase.name, length[i, j], r, step.repeat, roles)
                )
            if not step.phases:
                segments.append(TimedStep(step.name, "", length[i, 0], r, step.repeat, roles))
    return tuple(segments)


def _parallel_timeline(tracks: Sequence[Track], minutes: float) -> tuple[TimedStep, ...]:
    """The parallel part in `minutes` as one timer sees it: a stretch from each moment a
    step starts in some track to the next, each saying where every track is meanwhile. When
    the tracks' steps change at the same moments, a stretch is a step of every track."""
    lines = []
    for track in tracks:
        units = _units(track.steps)
        if minutes < track.minutes:
            length = _apportion(units, minutes)
        else:
            length = {key: m for key, m, _ in units}
        lines.append(_step_timeline(track.steps, length))
    ends: list[list[float]] = []
    for line in lines:
        at, line_ends = 0.0, []
        for step in line:
            at += step.minutes
            line_ends.append(at)
        line_ends[-1] = max(line_ends[-1], minutes)  # a track's last step lasts to the end
        ends.append(line_ends)
    bounds = sorted({round(end, 6) for line_ends in ends for end in line_ends})
    stretches: list[TimedStep] = []
    start = 0.0
    for bound in bounds:
        now = tuple(
            TrackStep(track.name, line[k], k, len(line))
            for track, line, line_ends in zip(tracks, lines, ends, strict=True)
            for k in (min(i for i, end in enumerate(line_ends) if end > start + 1e-9),)
        )
        stretches.append(TimedStep(PARALLEL_STEP, "", bound - start, 1, 1, tracks=now))
        start = bound
    return tuple(stretches)


def _apportion(
    units: Sequence[tuple[tuple[int, int], float, int]], target: float
) -> dict[tuple[int, int], float]:
    """Shrink each (key, minutes, repeat) in proportion so all fit in `target` minutes.

    Each is rounded down to the half minute (at least half a minute); the half minutes left
    over go to those that lost most in rounding (largest remainder first).
    """
    total = sum(m * r for _, m, r in units)
    factor = target / total
    result = {key: max(0.5, math.floor(m * factor * 2) / 2) for key, m, _ in units}
    spare = target - sum(result[key] * r for key, _, r in units)
    for key, m, r in sorted(units, key=lambda u: u[1] * factor - result[u[0]], reverse=True):
        if m * factor - result[key] > 0 and spare >= 0.5 * r - 1e-9:
            result[key] += 0.5
            spare -= 0.5 * r
    return result


def track_timelines(timeline: Sequence[TimedStep]) -> tuple[tuple[str, tuple[TimedStep, ...]], ...]:
    """From an exercise's `timeline()`, each track's own steps with the minutes they get:
    (track, its steps), in column order; empty without a parallel part."""
    if not timeline or not timeline[0].tracks:
        return ()
    steps: dict[str, dict[int, float]] = {t.track: {} for t in timeline[0].tracks}
    own: dict[str, dict[int, TimedStep]] = {t.track: {} for t in timeline[0].tracks}
    for stretch in timeline:
        for t in stretch.tracks:
            steps[t.track][t.index] = steps[t.track].get(t.index, 0.0) + stretch.minutes
            own[t.track][t.index] = t.step
    return tuple(
        (track, tuple(replace(own[track][i], minutes=m) for i, m in sorted(lengths.items())))
        for track, lengths in steps.items()
    )


@dataclass(frozen=True)
class Track:
    """One group's part of a parallel segment: `name` is `mentors` or `mentees`."""

    name: str
    steps: tuple[Step, ...]
    room_prompt: str
    facilitator_notes: str = ""

    @property
    def title(self) -> str:
        return TRACK_TITLES[self.name]

    @property
    def minutes(self) -> float:
        return sum(s.total_minutes for s in self.steps)


@dataclass(frozen=True)
class TrackStep:
    """Where one track is during a stretch of the parallel part: its own step `index`
    (from 0) of `count`."""

    track: str
    step: TimedStep
    index: int
    count: int


@dataclass(frozen=True)
class AgendaItem:
    exercise_id: str | None
    """None for a break."""
    title: str
    minutes: float
    is_break: bool = False


@dataclass(frozen=True)
class Agenda:
    id: str
    title: str
    total_minutes: float
    items: tuple[AgendaItem, ...]
    source: Path
    description: str = ""
    language: str = SOURCE_LANGUAGE
    """The language of its own text (title, description, breaks)."""
    fallback: bool = False
    """True when the library was loaded for a language that has no translation of it."""

    @property
    def planned_minutes(self) -> float:
        return sum(item.minutes for item in self.items)


@dataclass
class Library:
    exercises: dict[str, Exercise]
    agendas: dict[str, Agenda]
    folders: tuple[Path, ...] = ()
    language: str = SOURCE_LANGUAGE
    """The language it was loaded for: each exercise and agenda is in it, or is a fallback."""

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise UserError(
                f"There is no exercise '{exercise_id}' in the library"
                + _did_you_mean(exercise_id, self.exercises)
            ) from None

    def agenda(self, agenda_id: str) -> Agenda:
        try:
            return self.agendas[agenda_id]
        except KeyError:
            raise UserError(
                f"There is no agenda '{agenda_id}' in the library"
                + _did_you_mean(agenda_id, self.agendas)
            ) from None

    def of_kind(self, kind: str) -> tuple[Exercise, ...]:
        return tuple(e for e in self.exercises.values() if e.kind == kind)

    def scenarios(self) -> tuple[Exercise, ...]:
        """The troubleshooting scenarios, by title: the "if this happens" a pair can plan for."""
        return tuple(sorted(self.of_kind("scenario"), key=lambda e: e.title.casefold()))


@dataclass(frozen=True)
class ContentProblem:
    path: Path
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.field}: {self.message}"
