"""Reading one exercise file: its YAML front matter header, checked field by field, and
its Markdown body, cut into named parts at its `## ` headings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop_app.core import charter_fields
from workshop_app.core.content.durations import fixed_minutes
from workshop_app.core.content.model import (
    _COMMON_PARTS,
    _PART_BY_KEY,
    _STEP_FIELDS,
    AUDIENCES,
    DEBRIEF_QUESTIONS,
    FACILITATOR_NOTES,
    FORMATS,
    GOOD_PLANS,
    ID_PATTERN,
    KINDS,
    LIST_PARTS,
    OPTIONAL_FIELDS,
    PARTS,
    PLAN_PROMPTS,
    REQUIRED_FIELDS,
    REQUIRED_PARTS,
    ROOM_PROMPT,
    SCENARIO_PARTS,
    SITUATION,
    WHAT_GOES_WRONG,
    ContentProblem,
    Exercise,
    Phase,
    Step,
)
from workshop_app.core.content.placeholders import (
    _PLACEHOLDER,
    AS_WRITTEN,
    MINUTES_PLACEHOLDER,
    MINUTES_PLACEHOLDERS,
    PLACEHOLDERS,
)
from workshop_app.core.content.read import (
    _INVALID,
    _known_keys,
    _minutes,
    _Problems,
    _read,
    _text_list,
    _yaml_load,
)
from workshop_app.core.content.tracks import (
    is_track_part,
    read_tracks,
    steps_by_part,
    track_heading,
)
from workshop_app.core.content.wording import _clip, _describe, _did_you_mean, _num

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
    tracks = read_tracks(
        header.get("tracks"),
        parts,
        audience=meta.audience,
        together=meta.steps,
        problems=problems,
        read_step=_step,
    )

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
        parallel = tracks[0].minutes if tracks else 0.0
        total = parallel + sum(s.total_minutes for s in meta.steps)
        if total > meta.minutes + 1e-9:
            apart = f"the tracks' {_num(parallel)} + " if tracks else ""
            problems.add(
                "steps",
                f"take {_num(total)} minutes ({apart}{_steps_sum(meta.steps)}) but the "
                f"exercise has {_num(meta.minutes)}; shorten the steps or raise 'minutes'",
            )
    own_steps = steps_by_part(tracks)  # a track's own text counts the track's steps
    for part, numbered in parts.lines.items():
        if is_track_part(part) and part not in own_steps:
            continue  # its track has problems of its own, already said
        for number, line in numbered:
            for found in _PLACEHOLDER.finditer(line):
                wrong = _placeholder_problem(found, own_steps.get(part, meta.steps))
                if wrong:
                    problems.add(f"part '{part}'", wrong, number)
            if _stray_braces(line):
                problems.add(f"part '{part}'", _STRAY_BRACES, number)
            if part in TIMED_PARTS or is_track_part(part):
                for written, value in fixed_minutes(line):
                    problems.add(
                        f"part '{part}'", _fixed_minutes_problem(written, value, meta), number
                    )
    header_lines = lines[start + 1 : end]
    for where, name, steps in [(w, n, meta.steps) for w, n in meta.step_names()] + [
        (f"tracks.{t.name}.steps[{i}].name", s.name, t.steps)
        for t in tracks
        for i, s in enumerate(t.steps, start=1)
    ]:
        at = _line_of(name, header_lines, start + 2)
        for found in _PLACEHOLDER.finditer(name):
            wrong = _placeholder_problem(found, steps, in_step_name=True)
            if wrong:
                problems.add(where, wrong, at)
        if _stray_braces(name):
            problems.add(where, _STRAY_BRACES, at)
        for written, value in fixed_minutes(name):
            problems.add(where, _fixed_minutes_problem(written, value, meta), at)

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
        tracks=tracks,
    )
    return _Parsed(meta.id, exercise, problems.items)


class _ExerciseHeader:
    """The header fields of an exercise, checked one by one."""

    def __init__(self, header: dict[Any, Any], problems: _Problems) -> None:
        self.problems = problems
        _known_keys(header, REQUIRED_FIELDS + OPTIONAL_FIELDS, problems, kind="a header field")
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

    def step_names(self) -> list[tuple[str, str]]:
        """Each step's and phase's name, with where it is ("steps[2].phases[1].name")."""
        names = []
        for i, step in enumerate(self.steps, start=1):
            names.append((f"steps[{i}].name", step.name))
            names += [
                (f"steps[{i}].phases[{j}].name", phase.name)
                for j, phase in enumerate(step.phases, start=1)
            ]
        return names

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
    ok = _known_keys(
        raw,
        _STEP_FIELDS,
        problems,
        kind="a step field",
        where=where,
        fields_are="a step has: " + ", ".join(_STEP_FIELDS),
    )
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
    elif raw.get("minutes") is None:
        # Not left out quietly: a step without minutes would vanish from the timer.
        problems.add(
            f"{where}.minutes", "is missing: give every step its minutes, e.g. 'minutes: 5'"
        )
        minutes = None
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


class _Parts(dict[str, str]):
    """The text of each part, by part name; `lines` holds each part's lines with their
    numbers in the file, for problems that name the line."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, list[tuple[int, str]]] = {}


def _parse_parts(lines: list[str], first_line: int, problems: _Problems) -> _Parts:
    """The body cut at its `## ` headings, by part name."""
    parts: dict[str, list[str]] = {}
    numbered: dict[str, list[tuple[int, str]]] = {}
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
            part, not_a_track = _PART_BY_KEY.get(key.lower()), ""
            if part is None:
                part, not_a_track = track_heading(key)
            if part is None:
                problems.add(
                    f"heading '## {heading.group(1)}'",
                    f"is not a part name: {not_a_track}"
                    if not_a_track
                    else "is not a part name"
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
            numbered[current] = []
            continue
        if current is not None:
            parts[current].append(line)
            numbered.setdefault(current, []).append((number, line))
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
    numbered.pop(_UNKNOWN_PART, None)
    result = _Parts()
    for part, body in parts.items():
        text = "".join(body).strip()
        if not text:
            problems.add(f"part '{part}'", "is empty")
        result[part] = text
        result.lines[part] = numbered[part]
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
# Wording helpers


def _expected(name: str) -> str:
    allowed = {"kind": KINDS, "format": FORMATS, "audience": AUDIENCES}.get(name)
    if allowed:
        return f"; expected one of: {', '.join(allowed)}"
    if name == "minutes":
        return "; expected the exercise's length in minutes, e.g. 'minutes: 20'"
    return ""


def _steps_sum(steps: Sequence[Step]) -> str:
    return " + ".join(
        f"{s.repeat} × {_num(s.minutes)}" if s.repeat > 1 else _num(s.minutes) for s in steps
    )


# --------------------------------------------------------------------------------------------
# Placeholders and fixed minutes

TIMED_PARTS = frozenset({ROOM_PROMPT, FACILITATOR_NOTES, DEBRIEF_QUESTIONS})
"""The parts that say how long the exercise's steps take, where the agenda's minutes belong.
A scenario's story (situation, what goes wrong, plans) is about the pair, not the workshop."""

_ALL_PLACEHOLDERS = ", ".join([*PLACEHOLDERS, *MINUTES_PLACEHOLDERS])


def _placeholder_problem(
    found: re.Match[str], steps: Sequence[Step], *, in_step_name: bool = False
) -> str | None:
    """What is wrong with the placeholder `found` in an exercise with `steps`, or None."""
    name, written = found.group(1), f"'{found.group(0)}'"
    minutes = MINUTES_PLACEHOLDER.fullmatch(name)
    if minutes is None:
        if in_step_name and name in PLACEHOLDERS:
            return (
                f"{written}: the timer shows step names as written, filling in only the "
                "minutes placeholders (" + ", ".join(MINUTES_PLACEHOLDERS) + ")"
            )
        if name in PLACEHOLDERS:
            return None
        return (
            f"{written} is not a placeholder the app knows"
            + _did_you_mean(name, [*PLACEHOLDERS, "minutes"])
            + f"; use one of: {_ALL_PLACEHOLDERS}"
        )
    if minutes.group(1) is None:
        return None
    step_number = int(minutes.group(1))
    if step_number > len(steps):
        has = f"{len(steps)} step{'s' if len(steps) != 1 else ''}" if steps else "no steps"
        return f"{written} names step {step_number}, but the exercise has {has}"
    if minutes.group(2) is None:
        return None
    phase_number = int(minutes.group(2))
    phases = len(steps[step_number - 1].phases)
    if phase_number > phases:
        has = f"{phases} phase{'s' if phases != 1 else ''}" if phases else "no phases"
        return f"{written} names phase {phase_number} of step {step_number}, which has {has}"
    return None


def _fixed_minutes_problem(written: str, value: float | None, meta: _ExerciseHeader) -> str:
    """The problem with a fixed length of time, and what to write instead: the placeholder
    whose own minutes it matches, where one does."""
    suggestions = []
    if value is not None:
        if meta.minutes is not None and abs(meta.minutes - value) < 1e-9:
            suggestions.append("{{ minutes }} (the whole exercise)")
        for i, step in enumerate(meta.steps, start=1):
            if abs(step.minutes - value) < 1e-9:
                suggestions.append(
                    f"{{{{ step_{i}_minutes }}}} (step {i}, '{_clip(step.name, 40)}')"
                )
            for j, phase in enumerate(step.phases, start=1):
                if abs(phase.minutes - value) < 1e-9:
                    suggestions.append(
                        f"{{{{ step_{i}_phase_{j}_minutes }}}} (step {i}, phase {j}, "
                        f"'{_clip(phase.name, 40)}')"
                    )
    instead = (
        " or ".join(suggestions[:3])
        if suggestions
        else "{{ minutes }} (the whole exercise) or {{ step_N_minutes }} (the step it times)"
    )
    return (
        f"'{written}' is a fixed length, but an agenda can give this exercise other minutes: "
        f"write {instead}; a length that is not the exercise's (how long pairs meet, a call "
        f'in a story) goes in quotes: {{{{ "{written}" }}}}'
    )


_STRAY_BRACES = (
    "has '{{' or '}}' that is not a whole placeholder: write one on a single line, a name "
    "between double braces, e.g. {{ step_2_minutes }}, or a length in quotes, "
    '{{ "60 minutes" }}'
)


def _stray_braces(line: str) -> bool:
    """Double braces left on `line` once its placeholders and quoted lengths are taken out:
    a placeholder split over two lines, or misspelt, would show on the screen as typed."""
    rest = AS_WRITTEN.sub("", _PLACEHOLDER.sub("", line))
    return "{{" in rest or "}}" in rest


def _line_of(text: str, lines: Sequence[str], first_line: int) -> int | None:
    """The number of the first of `lines` (numbered from `first_line`) that holds `text`."""
    for offset, line in enumerate(lines):
        if text in line:
            return first_line + offset
    return None
