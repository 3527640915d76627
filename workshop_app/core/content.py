"""The exercise library: the workshop content under `exercises/`, loaded and checked.

An exercise is one Markdown file with a YAML front matter header (the python-frontmatter
layout: a `---` line, the header fields, another `---` line, then the body). The body is cut
into named parts by `## ` headings (`## Room prompt`, `## Facilitator notes`, ...). Agendas
are YAML files under `agendas/` that list exercise ids in order, with breaks.

The shipped folder comes first; an organisation's own folders come after it and add
exercises and agendas or replace them by `id`. Every problem found is reported with the file,
the field and what was expected, so a trainer who writes their own material can fix it
without reading this code.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from workshop_app.core import charter_fields
from workshop_app.core.errors import UserError
from workshop_app.resources import shipped_dir

KINDS = ("expectations", "skills", "scenario", "charter", "logistics")
FORMATS = ("plenary", "pairs", "triads", "individual")
AUDIENCES = ("everyone", "mentors", "mentees")

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
REQUIRED_PARTS: Mapping[str, tuple[str, ...]] = {
    "expectations": _COMMON_PARTS,
    "skills": _COMMON_PARTS,
    "charter": _COMMON_PARTS,
    # Logistics (housekeeping, evaluation) has nothing to debrief.
    "logistics": (ROOM_PROMPT, FACILITATOR_NOTES),
    "scenario": _COMMON_PARTS + SCENARIO_PARTS,
}

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

REQUIRED_FIELDS = ("id", "title", "kind", "minutes", "format", "audience")
OPTIONAL_FIELDS = ("summary", "captures", "steps", "materials")
_STEP_FIELDS = ("name", "minutes", "repeat", "roles", "phases")
_AGENDA_FIELDS = ("id", "title", "total_minutes", "items", "description")
_ITEM_FIELDS = ("exercise", "break", "minutes")

# Program facts that text may name as {{ placeholder }}; the app fills them in from the
# workshop's program context. Each has what it is and the words used when it is not set.
PLACEHOLDERS: Mapping[str, tuple[str, str]] = {
    "program": ("the program's name", "the mentoring program"),
    "organisation": ("the organisation's name", "our organisation"),
    "sponsor": ("the sponsor's name and role", "our executive sponsor"),
    "sponsor_endorsement": (
        "the sponsor's endorsement, in their words",
        "[The sponsor's endorsement: add it in the program context.]",
    ),
    "program_goals": (
        "the program's goals",
        "[The program's goals: add them in the program context.]",
    ),
    "strategy_link": (
        "how the program serves the company's goals and strategy",
        "[How the program serves our strategy: add it in the program context.]",
    ),
    "program_length": ("how long the program runs", "the length of the program"),
    "metrics": (
        "how the program measures success",
        "[The program's measures of success: add them in the program context.]",
    ),
    "support_contacts": (
        "who to contact for help, and how",
        "[Program support contacts: add them in the program context.]",
    ),
    "confidentiality_wording": (
        "the program's standard confidentiality wording",
        "[The program's confidentiality wording: add it in the program context.]",
    ),
    "no_fault_wording": (
        "the program's no-fault conclusion wording",
        "[The program's no-fault conclusion wording: add it in the program context.]",
    ),
    "facilitator": ("the facilitator's name", "your facilitator"),
}
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def fill_placeholders(text: str, values: Mapping[str, str] | None = None) -> str:
    """`text` with each `{{ name }}` replaced by its value, or by its stand-in words."""
    values = values or {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if values.get(name):
            return values[name]
        if name in PLACEHOLDERS:
            return PLACEHOLDERS[name][1]
        return match.group(0)

    return _PLACEHOLDER.sub(replace, text)


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
class Segment:
    """One stretch of the countdown while an exercise runs: a step, or a phase of a round."""

    step: str
    phase: str
    minutes: float
    round: int
    rounds: int
    roles: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
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
    # Scenarios only.
    situation: str = ""
    what_goes_wrong: str = ""
    plan_prompts: tuple[str, ...] = ()
    good_plans: tuple[str, ...] = ()

    @property
    def is_scenario(self) -> bool:
        return self.kind == "scenario"

    @property
    def steps_minutes(self) -> float:
        """The minutes the timed steps take, all rounds included."""
        return sum(s.total_minutes for s in self.steps)

    def timeline(self, minutes: float | None = None) -> tuple[Segment, ...]:
        """The countdown segments for running this exercise, round by round.

        Given fewer `minutes` than the steps need (an agenda that shortens the exercise),
        every step and phase shrinks in proportion, in half minutes, never below half a
        minute, using up the minutes given as far as half minutes allow.
        """
        units = [
            ((i, j), phase.minutes, step.repeat)
            for i, step in enumerate(self.steps)
            for j, phase in enumerate(step.phases or (Phase(step.name, step.minutes),))
        ]
        if minutes is not None and minutes < self.steps_minutes:
            length = _apportion(units, minutes)
        else:
            length = {key: m for key, m, _ in units}
        segments: list[Segment] = []
        for i, step in enumerate(self.steps):
            for r in range(1, step.repeat + 1):
                roles = step.roles_for_round(r)
                for j, phase in enumerate(step.phases):
                    segments.append(
                        Segment(step.name, phase.name, length[i, j], r, step.repeat, roles)
                    )
                if not step.phases:
                    segments.append(Segment(step.name, "", length[i, 0], r, step.repeat, roles))
        return tuple(segments)


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

    @property
    def planned_minutes(self) -> float:
        return sum(item.minutes for item in self.items)


@dataclass
class Library:
    exercises: dict[str, Exercise]
    agendas: dict[str, Agenda]
    folders: tuple[Path, ...] = ()

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


# --------------------------------------------------------------------------------------------
# Loading and checking


def check_content(*dirs: Path) -> list[ContentProblem]:
    """Every problem in the union of `dirs`, later folders replacing earlier ones by id.

    With no folder, checks the shipped library.
    """
    return _load(dirs or (shipped_dir("exercises"),))[1]


def check_library(*, extra_dirs: Sequence[Path] = ()) -> list[ContentProblem]:
    """Every problem in the library as the app would load it (shipped plus `extra_dirs`)."""
    return _load((shipped_dir("exercises"), *extra_dirs))[1]


def load_library(*, extra_dirs: Sequence[Path] = ()) -> Library:
    """The shipped library with the organisation's folders added over it, by id.

    Raises UserError (with every problem in `details`) if any file has a problem.
    """
    library, problems = _load((shipped_dir("exercises"), *extra_dirs))
    if problems:
        count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
        raise UserError(
            f"The exercise library has {count}. The first: {problems[0]}",
            details=[str(p) for p in problems],
        )
    return library


def exercise_files(folder: Path) -> list[Path]:
    """The exercise files in `folder` and its subfolders (not agendas, not READMEs)."""
    found = []
    for path in sorted(folder.rglob("*.md")):
        rel = path.relative_to(folder).parts
        if rel[0] == "agendas" or any(p.startswith(".") for p in rel):
            continue
        if path.name.lower() == "readme.md" or not path.is_file():
            continue
        found.append(path)
    return found


def agenda_files(folder: Path) -> list[Path]:
    agendas = folder / "agendas"
    if not agendas.is_dir():
        return []
    return sorted(
        p
        for p in agendas.iterdir()
        if p.suffix.lower() in (".yaml", ".yml") and p.is_file() and not p.name.startswith(".")
    )


def _load(dirs: Sequence[Path]) -> tuple[Library, list[ContentProblem]]:
    problems: list[ContentProblem] = []
    exercises: dict[str, Exercise] = {}
    known_ids: set[str] = set()  # ids of files that have problems count as present too
    raw_agendas: dict[str, _RawAgenda] = {}
    for folder in dirs:
        if not folder.is_dir():
            problems.append(ContentProblem(folder, "folder", "is not a folder (or cannot be read)"))
            continue
        seen: dict[str, Path] = {}
        for path in exercise_files(folder):
            parsed = _parse_exercise(path)
            problems.extend(parsed.problems)
            if parsed.id is None:
                continue
            if parsed.id in seen:
                problems.append(
                    ContentProblem(
                        path,
                        "id",
                        f"'{parsed.id}' is already used by {seen[parsed.id].relative_to(folder)}",
                    )
                )
                continue
            seen[parsed.id] = path
            known_ids.add(parsed.id)
            if parsed.exercise is not None:
                exercises[parsed.id] = parsed.exercise
            else:
                exercises.pop(parsed.id, None)
        seen_agendas: dict[str, Path] = {}
        for path in agenda_files(folder):
            raw_agenda, agenda_problems = _parse_agenda(path)
            problems.extend(agenda_problems)
            if raw_agenda is None:
                continue
            if raw_agenda.id in seen_agendas:
                problems.append(
                    ContentProblem(
                        path,
                        "id",
                        f"'{raw_agenda.id}' is already used by {seen_agendas[raw_agenda.id].name}",
                    )
                )
                continue
            seen_agendas[raw_agenda.id] = path
            raw_agendas[raw_agenda.id] = raw_agenda

    agendas: dict[str, Agenda] = {}
    for raw in raw_agendas.values():
        agenda, agenda_problems = _resolve_agenda(raw, exercises, known_ids)
        problems.extend(agenda_problems)
        if agenda is not None:
            agendas[agenda.id] = agenda
    return Library(exercises, agendas, tuple(dirs)), problems


class _Problems:
    """Collects the problems of one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[ContentProblem] = []

    def add(self, field_name: str, message: str, line: int | None = None) -> None:
        self.items.append(ContentProblem(self.path, field_name, message, line))

    def __bool__(self) -> bool:
        return bool(self.items)


def _read(path: Path, problems: _Problems) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add("file", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")
    except OSError as exc:
        problems.add("file", f"cannot be read ({exc.strerror or exc})")
    return None


def _yaml_load(text: str, first_line: int, problems: _Problems, what: str) -> Any:
    """`text` parsed as YAML; on error, a problem naming the line in the file."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        at = f" at line {line}" if line else ""
        problems.add(
            what,
            f"is not valid YAML{at}: {reason}; check indentation, colons and quotes",
            line,
        )
        return _INVALID


_INVALID = object()
_FENCE = re.compile(r"^\s*(```|~~~)")
_BOUNDARY = re.compile(r"^-{3,}\s*$")


@dataclass
class _Parsed:
    id: str | None
    exercise: Exercise | None
    problems: list[ContentProblem] = field(default_factory=list)


def _parse_exercise(path: Path) -> _Parsed:
    problems = _Problems(path)
    text = _read(path, problems)
    if text is None:
        return _Parsed(None, None, problems.items)
    lines = text.splitlines(keepends=True)

    # The front matter: a `---` line (after any blank lines), the header, another `---`.
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines) or not _BOUNDARY.match(lines[start]):
        problems.add(
            "front matter",
            "is missing: the file must begin with a line '---', the header fields "
            "(id, title, kind, ...), and another line '---'",
            start + 1 if start < len(lines) else None,
        )
        return _Parsed(None, None, problems.items)
    end = next((i for i in range(start + 1, len(lines)) if _BOUNDARY.match(lines[i])), None)
    if end is None:
        problems.add(
            "front matter",
            "is not closed: add a line '---' after the header fields",
            start + 1,
        )
        return _Parsed(None, None, problems.items)
    header = _yaml_load("".join(lines[start + 1 : end]), start + 2, problems, "front matter")
    if header is _INVALID:
        return _Parsed(None, None, problems.items)
    if not isinstance(header, dict):
        problems.add(
            "front matter",
            f"must be header fields written as 'name: value' lines (found {_describe(header)})",
            start + 2,
        )
        return _Parsed(None, None, problems.items)

    meta = _ExerciseHeader(header, problems)
    parts = _parse_parts(lines[end + 1 :], end + 2, problems)

    kind = meta.kind
    for part in REQUIRED_PARTS.get(kind or "", _COMMON_PARTS):
        if part not in parts:
            why = " (every scenario needs one)" if part in SCENARIO_PARTS else ""
            problems.add(
                f"part '{part}'",
                f"is missing{why}: add a heading '## {part}' followed by its text",
            )
    lists: dict[str, tuple[str, ...]] = {}
    for part in (p for p in PARTS if p in LIST_PARTS and p in parts):
        items, stray = _bullets(parts[part])
        if stray:
            problems.add(
                f"part '{part}'",
                "must be a bullet list, one item per '- ' line; this text is not in a "
                f"bullet: '{_clip(stray)}'",
            )
        elif not items:
            problems.add(f"part '{part}'", "has no items: write one per line, starting '- '")
        lists[part] = tuple(items)

    if kind == "scenario" and "troubleshooting" not in meta.captures:
        problems.add(
            "captures",
            "must include 'troubleshooting': a scenario is where a pair writes an "
            "'if this happens, we will ...' plan",
        )
    if meta.minutes is not None and meta.steps:
        total = sum(s.total_minutes for s in meta.steps)
        if total > meta.minutes + 1e-9:
            problems.add(
                "steps",
                f"take {_num(total)} minutes ({_steps_sum(meta.steps)}) but the exercise "
                f"has {_num(meta.minutes)}; shorten the steps or raise 'minutes'",
            )
    for part, body in parts.items():
        for name in _PLACEHOLDER.findall(body):
            if name not in PLACEHOLDERS:
                problems.add(
                    f"part '{part}'",
                    f"'{{{{{name}}}}}' is not a placeholder the app knows; use one of: "
                    + ", ".join(PLACEHOLDERS),
                )

    if problems or meta.id is None:
        return _Parsed(meta.id, None, problems.items)
    assert meta.title and meta.kind and meta.minutes and meta.format and meta.audience
    exercise = Exercise(
        id=meta.id,
        title=meta.title,
        kind=meta.kind,
        minutes=meta.minutes,
        format=meta.format,
        audience=meta.audience,
        captures=meta.captures,
        steps=meta.steps,
        materials=meta.materials,
        room_prompt=parts[ROOM_PROMPT],
        facilitator_notes=parts[FACILITATOR_NOTES],
        debrief_questions=lists.get(DEBRIEF_QUESTIONS, ()),
        source=path,
        summary=meta.summary,
        situation=parts.get(SITUATION, ""),
        what_goes_wrong=parts.get(WHAT_GOES_WRONG, ""),
        plan_prompts=lists.get(PLAN_PROMPTS, ()),
        good_plans=lists.get(GOOD_PLANS, ()),
    )
    return _Parsed(meta.id, exercise, problems.items)


class _ExerciseHeader:
    """The header fields of an exercise, checked one by one."""

    def __init__(self, header: dict[Any, Any], problems: _Problems) -> None:
        self.problems = problems
        for key in header:
            if key not in REQUIRED_FIELDS and key not in OPTIONAL_FIELDS:
                problems.add(
                    str(key),
                    "is not a header field"
                    + _did_you_mean(str(key), REQUIRED_FIELDS + OPTIONAL_FIELDS)
                    + "; the fields are: "
                    + ", ".join(REQUIRED_FIELDS + OPTIONAL_FIELDS),
                )
        for name in REQUIRED_FIELDS:
            if header.get(name) is None:
                problems.add(name, "is missing from the front matter" + _expected(name))

        self.id = self._id(header.get("id"))
        self.title = self._text(header, "title")
        self.summary = self._text(header, "summary") or ""
        self.kind = self._choice(header, "kind", KINDS)
        self.format = self._choice(header, "format", FORMATS)
        self.audience = self._choice(header, "audience", AUDIENCES)
        self.minutes = _minutes(header.get("minutes"), "minutes", problems)
        self.captures = self._captures(header.get("captures"))
        self.materials = _text_list(header.get("materials"), "materials", problems)
        self.steps = self._steps(header.get("steps"))

    def _id(self, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            self.problems.add(
                "id",
                f"'{value}' is not a valid id: use lower-case letters, digits and hyphens, "
                "starting with a letter or digit (e.g. smart-goals)",
            )
            return None
        return value

    def _text(self, header: dict[Any, Any], name: str) -> str | None:
        value = header.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problems.add(name, f"must be text, not {_describe(value)}")
            return None
        return value.strip()

    def _choice(self, header: dict[Any, Any], name: str, allowed: tuple[str, ...]) -> str | None:
        value = header.get(name)
        if value is None:
            return None
        if value not in allowed:
            self.problems.add(
                name,
                f"'{value}' is not a known {name}{_did_you_mean(str(value), allowed)}; "
                f"expected one of: {', '.join(allowed)}",
            )
            return None
        return str(value)

    def _captures(self, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problems.add(
                "captures", f"must be a list of charter fields, not {_describe(value)}"
            )
            return ()
        good: list[str] = []
        for entry in value:
            if not isinstance(entry, str) or entry not in charter_fields.CAPTURE_NAMES:
                self.problems.add(
                    "captures",
                    f"'{entry}' is not a charter section or field"
                    + _did_you_mean(str(entry), charter_fields.CAPTURE_NAMES)
                    + "; valid names include: "
                    + ", ".join(_CAPTURE_EXAMPLES)
                    + " (see charter_fields.py for all)",
                )
            elif entry not in good:
                good.append(entry)
        return tuple(good)

    def _steps(self, value: Any) -> tuple[Step, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problems.add("steps", f"must be a list of steps, not {_describe(value)}")
            return ()
        steps = []
        for i, raw in enumerate(value, start=1):
            step = _step(raw, f"steps[{i}]", self.problems)
            if step is not None:
                steps.append(step)
        return tuple(steps)


_CAPTURE_EXAMPLES = (
    "purpose",
    "goals",
    "roles",
    "meetings",
    "between",
    "confidentiality",
    "boundaries",
    "troubleshooting",
    "reviews",
    "first_meeting",
    "meeting_frequency",
    "feedback_method",
)


def _step(raw: Any, where: str, problems: _Problems) -> Step | None:
    if not isinstance(raw, dict):
        problems.add(where, f"must be a step with 'name' and 'minutes', not {_describe(raw)}")
        return None
    ok = True
    for key in raw:
        if key not in _STEP_FIELDS:
            problems.add(
                f"{where}.{key}",
                "is not a step field"
                + _did_you_mean(str(key), _STEP_FIELDS)
                + "; a step has: "
                + ", ".join(_STEP_FIELDS),
            )
            ok = False
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.add(f"{where}.name", "is missing: every step needs a name for the timer")
        ok = False
    phases: list[Phase] = []
    raw_phases = raw.get("phases")
    if raw_phases is not None:
        if not isinstance(raw_phases, list) or not raw_phases:
            problems.add(f"{where}.phases", "must be a list of {name, minutes}")
            ok = False
        else:
            for j, p in enumerate(raw_phases, start=1):
                pwhere = f"{where}.phases[{j}]"
                if not isinstance(p, dict) or set(p) - {"name", "minutes"}:
                    problems.add(pwhere, "must have just 'name' and 'minutes'")
                    ok = False
                    continue
                pname = p.get("name")
                pmin = _minutes(p.get("minutes"), f"{pwhere}.minutes", problems)
                if not isinstance(pname, str) or not pname.strip():
                    problems.add(f"{pwhere}.name", "is missing")
                    ok = False
                if pmin is None or not isinstance(pname, str):
                    ok = False
                    continue
                phases.append(Phase(pname.strip(), pmin))
    minutes: float | None
    if raw.get("minutes") is None and phases:
        minutes = sum(p.minutes for p in phases)
    else:
        minutes = _minutes(raw.get("minutes"), f"{where}.minutes", problems)
        if minutes is not None and phases and abs(minutes - sum(p.minutes for p in phases)) > 1e-9:
            problems.add(
                f"{where}.minutes",
                f"is {_num(minutes)} but its phases add up to "
                f"{_num(sum(p.minutes for p in phases))}; leave 'minutes' out or make them agree",
            )
            ok = False
    repeat = raw.get("repeat", 1)
    if isinstance(repeat, bool) or not isinstance(repeat, int) or repeat < 1:
        problems.add(
            f"{where}.repeat", f"must be a whole number of rounds, 1 or more, not {repeat!r}"
        )
        ok = False
    roles_raw = raw.get("roles")
    roles = _text_list(roles_raw, f"{where}.roles", problems)
    if roles_raw is not None and len(roles) < 2:
        problems.add(f"{where}.roles", "must name at least two roles for people to rotate through")
        ok = False
    if not ok or minutes is None or not isinstance(name, str):
        return None
    return Step(name.strip(), minutes, repeat, roles, tuple(phases))


def _minutes(value: Any, where: str, problems: _Problems) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        problems.add(where, f"must be a number of minutes above 0, not {value!r}")
        return None
    return float(value)


def _text_list(value: Any, where: str, problems: _Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(where, f"must be a list of text items, not {_describe(value)}")
        return ()
    return tuple(v.strip() for v in value)


def _parse_parts(lines: list[str], first_line: int, problems: _Problems) -> dict[str, str]:
    """The body cut at its `## ` headings, by part name."""
    parts: dict[str, list[str]] = {}
    current: str | None = None
    in_fence = False
    stray_line: int | None = None
    for offset, line in enumerate(lines):
        number = first_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else re.match(r"^##(?!#)\s*(.*?)\s*#*\s*$", line)
        if heading:
            key = re.sub(r"\s+", " ", heading.group(1).replace("\u2019", "'")).strip(" :.")
            part = _PART_BY_KEY.get(key.lower())
            if part is None:
                problems.add(
                    f"heading '## {heading.group(1)}'",
                    "is not a part name"
                    + _did_you_mean(key, PARTS)
                    + "; the parts are: "
                    + ", ".join(PARTS)
                    + " (use '###' for a sub-heading inside a part)",
                    number,
                )
                current = _UNKNOWN_PART
                parts.setdefault(current, [])
                continue
            if part in parts:
                problems.add(f"part '{part}'", "appears twice; merge the two", number)
            current = part
            parts[current] = []
            continue
        if current is not None:
            parts[current].append(line)
        elif line.strip() and not line.startswith("# ") and stray_line is None:
            stray_line = number
    if stray_line is not None:
        problems.add(
            "body",
            "has text before the first part heading, which the app never shows; put it under "
            "a heading such as '## Facilitator notes'",
            stray_line,
        )
    parts.pop(_UNKNOWN_PART, None)
    result = {}
    for part, body in parts.items():
        text = "".join(body).strip()
        if not text:
            problems.add(f"part '{part}'", "is empty")
        result[part] = text
    return result


_UNKNOWN_PART = ""  # collects the text under a misspelt heading, already reported


_BULLET = re.compile(r"^(?:[-*+]|\d+[.)])\s+(.*)$")


def _bullets(text: str) -> tuple[list[str], str]:
    """The items of a bullet list, and the first text that is not in any bullet."""
    items: list[str] = []
    blank_before = False
    for line in text.splitlines():
        if not line.strip():
            blank_before = True
            continue
        bullet = _BULLET.match(line)
        if bullet:
            items.append(bullet.group(1).strip())
        elif items and (line[:1].isspace() or not blank_before):
            # A wrapped line, or a line indented under its bullet.
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            return items, line.strip()
        blank_before = False
    return items, ""


# --------------------------------------------------------------------------------------------
# Agendas


@dataclass
class _RawItem:
    where: str
    exercise_id: str | None
    break_title: str | None
    minutes: float | None


@dataclass
class _RawAgenda:
    id: str
    title: str
    total_minutes: float | None
    items: list[_RawItem]
    description: str
    path: Path
    complete: bool = True
    """False when some item was unreadable, so the items' sum cannot be checked."""


def _parse_agenda(path: Path) -> tuple[_RawAgenda | None, list[ContentProblem]]:
    problems = _Problems(path)
    text = _read(path, problems)
    if text is None:
        return None, problems.items
    data = _yaml_load(text, 1, problems, "agenda")
    if data is _INVALID:
        return None, problems.items
    if not isinstance(data, dict):
        problems.add(
            "agenda",
            f"must be fields written as 'name: value' lines (id, title, total_minutes, items), "
            f"not {_describe(data)}",
        )
        return None, problems.items
    for key in data:
        if key not in _AGENDA_FIELDS:
            problems.add(
                str(key),
                "is not an agenda field"
                + _did_you_mean(str(key), _AGENDA_FIELDS)
                + "; the fields are: "
                + ", ".join(_AGENDA_FIELDS),
            )
    agenda_id = data.get("id")
    if agenda_id is None:
        problems.add("id", "is missing: give the agenda an id such as half-day-launch")
    elif not isinstance(agenda_id, str) or not ID_PATTERN.fullmatch(agenda_id):
        problems.add(
            "id",
            f"'{agenda_id}' is not a valid id: use lower-case letters, digits and hyphens",
        )
        agenda_id = None
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.add("title", "is missing: the agenda needs a title for the agenda picker")
        title = ""
    description = data.get("description") or ""
    if not isinstance(description, str):
        problems.add("description", f"must be text, not {_describe(description)}")
        description = ""
    total = data.get("total_minutes")
    if total is None:
        problems.add("total_minutes", "is missing: state the agenda's length in minutes")
    else:
        total = _minutes(total, "total_minutes", problems)
    items: list[_RawItem] = []
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        problems.add(
            "items",
            "must be a list of '- exercise: ID' (optional 'minutes: N') "
            "and '- break: Coffee break' with 'minutes: N'",
        )
        raw_items = []
    complete = True
    for i, raw in enumerate(raw_items, start=1):
        item = _agenda_item(raw, f"items[{i}]", problems)
        if item is None:
            complete = False
        else:
            items.append(item)
    if agenda_id is None:
        return None, problems.items
    return (
        _RawAgenda(agenda_id, title.strip(), total, items, description.strip(), path, complete),
        problems.items,
    )


def _agenda_item(raw: Any, where: str, problems: _Problems) -> _RawItem | None:
    if not isinstance(raw, dict):
        problems.add(where, f"must be '- exercise: ID' or '- break: TITLE', not {_describe(raw)}")
        return None
    ok = True
    for key in raw:
        if key not in _ITEM_FIELDS:
            problems.add(
                f"{where}.{key}",
                "is not an item field"
                + _did_you_mean(str(key), _ITEM_FIELDS)
                + "; an item has 'exercise' or 'break', and 'minutes'",
            )
            ok = False
    has_exercise, has_break = "exercise" in raw, "break" in raw
    if has_exercise == has_break:
        problems.add(where, "must have exactly one of 'exercise: ID' or 'break: TITLE'")
        return None
    minutes = _minutes(raw.get("minutes"), f"{where}.minutes", problems)
    if raw.get("minutes") is not None and minutes is None:
        ok = False
    if has_break:
        title = raw["break"]
        if not isinstance(title, str) or not title.strip():
            problems.add(f"{where}.break", "must be the break's title, e.g. 'Coffee break'")
            ok = False
        if raw.get("minutes") is None:
            problems.add(f"{where}.minutes", "is missing: say how long the break is")
            ok = False
        return _RawItem(where, None, str(title).strip(), minutes) if ok else None
    exercise_id = raw["exercise"]
    if not isinstance(exercise_id, str) or not exercise_id.strip():
        problems.add(f"{where}.exercise", "must be an exercise id")
        return None
    return _RawItem(where, exercise_id.strip(), None, minutes) if ok else None


def _resolve_agenda(
    raw: _RawAgenda, exercises: Mapping[str, Exercise], known_ids: set[str]
) -> tuple[Agenda | None, list[ContentProblem]]:
    problems = _Problems(raw.path)
    items: list[AgendaItem] = []
    lengths: list[float | None] = []  # None where an item's length cannot be known
    for item in raw.items:
        if item.exercise_id is None:
            assert item.break_title is not None and item.minutes is not None
            items.append(AgendaItem(None, item.break_title, item.minutes, is_break=True))
            lengths.append(item.minutes)
            continue
        exercise = exercises.get(item.exercise_id)
        if exercise is None:
            if item.exercise_id not in known_ids:
                problems.add(
                    f"{item.where}.exercise",
                    f"names '{item.exercise_id}', which is not in the exercise library"
                    + _did_you_mean(item.exercise_id, exercises),
                )
            lengths.append(item.minutes)
            continue
        minutes = item.minutes if item.minutes is not None else exercise.minutes
        _check_fits(exercise, minutes, item.where, problems)
        items.append(AgendaItem(exercise.id, exercise.title, minutes))
        lengths.append(minutes)
    if raw.total_minutes is not None and raw.complete and None not in lengths:
        planned = sum(m for m in lengths if m is not None)
        if abs(planned - raw.total_minutes) > 1e-9:
            problems.add(
                "total_minutes",
                f"says {_num(raw.total_minutes)} minutes but the items add up to "
                f"{_num(planned)}; fix an item's minutes or the total",
            )
    if problems or raw.total_minutes is None:
        return None, problems.items
    return (
        Agenda(raw.id, raw.title, raw.total_minutes, tuple(items), raw.path, raw.description),
        problems.items,
    )


def _check_fits(exercise: Exercise, minutes: float, where: str, problems: _Problems) -> None:
    """An agenda may shorten an exercise, but not below what its timed rounds can shrink to."""
    if minutes >= exercise.steps_minutes:
        return
    shortest = sum(s.minutes for s in exercise.timeline(minutes))
    if shortest > minutes + 1e-9:
        problems.add(
            f"{where}.minutes",
            f"gives '{exercise.id}' {_num(minutes)} minutes, too few for its timed steps "
            f"(they take {_num(exercise.steps_minutes)}, and at least {_num(shortest)} "
            "when shortened)",
        )


# --------------------------------------------------------------------------------------------
# Wording helpers


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _expected(name: str) -> str:
    allowed = {"kind": KINDS, "format": FORMATS, "audience": AUDIENCES}.get(name)
    if allowed:
        return f"; expected one of: {', '.join(allowed)}"
    if name == "minutes":
        return "; expected the exercise's length in minutes, e.g. 'minutes: 20'"
    return ""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no ({value})"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _steps_sum(steps: Sequence[Step]) -> str:
    return " + ".join(
        f"{s.repeat} × {_num(s.minutes)}" if s.repeat > 1 else _num(s.minutes) for s in steps
    )


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
