"""Reading one agenda file, then resolving it against the exercises of the whole library:
every exercise it names must exist and fit the minutes it is given, and the items must add
up to the agenda's total."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop_app.core.content.model import (
    _AGENDA_FIELDS,
    _ITEM_FIELDS,
    ID_PATTERN,
    Agenda,
    AgendaItem,
    ContentProblem,
    Exercise,
)
from workshop_app.core.content.read import (
    _INVALID,
    _known_keys,
    _minutes,
    _Problems,
    _read,
    _yaml_load,
)
from workshop_app.core.content.wording import _describe, _did_you_mean, _num

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
    _known_keys(data, _AGENDA_FIELDS, problems, kind="an agenda field")
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
    ok = _known_keys(
        raw,
        _ITEM_FIELDS,
        problems,
        kind="an item field",
        where=where,
        fields_are="an item has 'exercise' or 'break', and 'minutes'",
    )
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
