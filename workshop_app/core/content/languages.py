"""The exercise library in other languages: a translation is a complete content file in a
`<lang>/` folder (`exercises/it/smart-goals.md`, `exercises/it/agendas/relaunch.yaml`) that
keeps the English file's structure and translates its text.

What a translation must keep is what the timer, the agendas and the charter rely on: the
header's keywords (`id`, `kind`, `minutes`, `format`, `audience`, `captures`), the steps, their
rounds, phases and roles (their minutes and count; the names are translated), the parts of
the body, and the set of placeholders; an agenda keeps its total and every item. A mismatch
is a problem of the translated file, with the field, so the translator can put it right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from workshop_app.core.content.model import (
    DEBRIEF_QUESTIONS,
    GOOD_PLANS,
    PLAN_PROMPTS,
    SITUATION,
    WHAT_GOES_WRONG,
    Exercise,
    Step,
)
from workshop_app.core.content.placeholders import _PLACEHOLDER, AS_WRITTEN
from workshop_app.core.content.read import _Problems
from workshop_app.core.content.wording import _num

LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}")
"""A folder of translations is named with its ISO 639 language code: `it`, `de`, `fr`."""


def is_language_folder(path: Path) -> bool:
    return path.is_dir() and LANGUAGE_FOLDER.fullmatch(path.name) is not None


def language_folders(folder: Path) -> list[str]:
    """The languages `folder` has translations for (its `<lang>/` subfolders)."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if is_language_folder(p))


@dataclass(frozen=True)
class Coverage:
    """How much of the library one language has: the ids translated and those missing."""

    language: str
    exercises: tuple[str, ...]
    missing_exercises: tuple[str, ...]
    agendas: tuple[str, ...]
    missing_agendas: tuple[str, ...]


def exercise_mismatches(translation: Exercise, english: Exercise, problems: _Problems) -> None:
    """Each field of `translation` that must equal the English file's and does not."""
    for name in ("kind", "minutes", "format", "audience", "captures"):
        ours, theirs = getattr(translation, name), getattr(english, name)
        if ours != theirs:
            problems.add(name, _differs(_shown(ours), _shown(theirs), english))
    _steps_mismatches(translation.steps, english.steps, "steps", english, problems)
    ours_tracks = [t.name for t in translation.tracks]
    theirs_tracks = [t.name for t in english.tracks]
    if ours_tracks != theirs_tracks:
        problems.add("tracks", _differs(_shown(ours_tracks), _shown(theirs_tracks), english))
    else:
        for mine, original in zip(translation.tracks, english.tracks, strict=True):
            where = f"tracks.{mine.name}.steps"
            _steps_mismatches(mine.steps, original.steps, where, english, problems)
    ours_parts, theirs_parts = _parts(translation), _parts(english)
    for part in theirs_parts - ours_parts:
        problems.add(f"part '{part}'", f"is missing; the English {english.source.name} has it")
    for part in ours_parts - theirs_parts:
        problems.add(f"part '{part}'", f"is not in the English {english.source.name}")
    ours_names, theirs_names = placeholders_of(translation), placeholders_of(english)
    if ours_names != theirs_names:
        lost = ", ".join(f"{{{{ {n} }}}}" for n in sorted(theirs_names - ours_names))
        added = ", ".join(f"{{{{ {n} }}}}" for n in sorted(ours_names - theirs_names))
        said = "; ".join(x for x in (lost and f"lacks {lost}", added and f"adds {added}") if x)
        problems.add(
            "placeholders",
            f"{said}: a translation keeps the placeholders of the English "
            f"{english.source.name} as written",
        )


def agenda_mismatches(
    ours: Sequence[tuple[str | None, float | None]],
    theirs: Sequence[tuple[str | None, float | None]],
    total: tuple[float | None, float | None],
    english: Path,
    problems: _Problems,
) -> None:
    """An agenda's items, as (exercise id or None for a break, minutes), and its total,
    against the English agenda's."""
    if total[0] != total[1]:
        problems.add(
            "total_minutes",
            f"is {_shown(total[0])} but the English {english.name} has {_shown(total[1])}; "
            "a translation "
            "keeps the total",
        )
    if len(ours) != len(theirs):
        problems.add(
            "items",
            f"has {len(ours)} items but the English {english.name} has {len(theirs)}; "
            "a translation keeps "
            "every item, in order",
        )
        return
    for i, (mine, original) in enumerate(zip(ours, theirs, strict=True), start=1):
        if mine != original:
            problems.add(
                f"items[{i}]",
                f"is {_item(mine)} but in the English {english.name} it is {_item(original)}; a "
                "translation keeps each item's exercise and minutes",
            )


def placeholders_of(exercise: Exercise) -> set[str]:
    """The names of the placeholders anywhere in an exercise's text (not the quoted
    lengths, which are translated)."""
    texts = [
        exercise.room_prompt,
        exercise.facilitator_notes,
        exercise.situation,
        exercise.what_goes_wrong,
        *exercise.debrief_questions,
        *exercise.plan_prompts,
        *exercise.good_plans,
        *_step_names(exercise.steps),
    ]
    for track in exercise.tracks:
        texts += [track.room_prompt, track.facilitator_notes, *_step_names(track.steps)]
    return {m.group(1) for text in texts for m in _PLACEHOLDER.finditer(AS_WRITTEN.sub("", text))}


def coverage(
    language: str,
    english_exercises: Iterable[str],
    translated_exercises: Iterable[str],
    english_agendas: Iterable[str],
    translated_agendas: Iterable[str],
) -> Coverage:
    exercises, agendas = set(translated_exercises), set(translated_agendas)
    all_exercises, all_agendas = sorted(english_exercises), sorted(english_agendas)
    return Coverage(
        language,
        tuple(e for e in all_exercises if e in exercises),
        tuple(e for e in all_exercises if e not in exercises),
        tuple(a for a in all_agendas if a in agendas),
        tuple(a for a in all_agendas if a not in agendas),
    )


def _steps_mismatches(
    ours: Sequence[Step], theirs: Sequence[Step], where: str, english: Exercise, problems: _Problems
) -> None:
    if len(ours) != len(theirs):
        problems.add(
            where,
            f"has {len(ours)} steps but the English {english.source.name} has {len(theirs)}; "
            "a translation "
            "keeps every step, in order",
        )
        return
    for i, (mine, original) in enumerate(zip(ours, theirs, strict=True), start=1):
        at = f"{where}[{i}]"
        if mine.minutes != original.minutes:
            problems.add(
                f"{at}.minutes", _differs(_num(mine.minutes), _num(original.minutes), english)
            )
        if mine.repeat != original.repeat:
            problems.add(f"{at}.repeat", _differs(str(mine.repeat), str(original.repeat), english))
        if len(mine.roles) != len(original.roles):
            problems.add(
                f"{at}.roles",
                f"has {len(mine.roles)} roles but the English {english.source.name} has "
                f"{len(original.roles)}; translate each role, in the same order",
            )
        mine_phases = [p.minutes for p in mine.phases]
        original_phases = [p.minutes for p in original.phases]
        if mine_phases != original_phases:
            problems.add(
                f"{at}.phases",
                _differs(_minutes_list(mine_phases), _minutes_list(original_phases), english),
            )


def _step_names(steps: Sequence[Step]) -> list[str]:
    return [name for s in steps for name in (s.name, *(p.name for p in s.phases))]


def _parts(exercise: Exercise) -> set[str]:
    """The optional parts an exercise has (the required ones are checked on their own)."""
    present = {
        DEBRIEF_QUESTIONS: exercise.debrief_questions,
        SITUATION: exercise.situation,
        WHAT_GOES_WRONG: exercise.what_goes_wrong,
        PLAN_PROMPTS: exercise.plan_prompts,
        GOOD_PLANS: exercise.good_plans,
    }
    parts = {part for part, text in present.items() if text}
    parts |= {f"Facilitator notes: {t.name}" for t in exercise.tracks if t.facilitator_notes}
    return parts


def _differs(ours: str, theirs: str, english: Exercise) -> str:
    return (
        f"is {ours} but the English {english.source.name} has {theirs}; a translation keeps "
        "it as in "
        "English"
    )


def _shown(value: object) -> str:
    if isinstance(value, float):
        return _num(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def _minutes_list(minutes: Sequence[float]) -> str:
    return "[" + ", ".join(_num(m) for m in minutes) + "]" if minutes else "no phases"


def _item(item: tuple[str | None, float | None]) -> str:
    exercise_id, minutes = item
    length = f"{_num(minutes)} minutes" if minutes is not None else "its own minutes"
    return f"'{exercise_id}' ({length})" if exercise_id else f"a break ({length})"
