"""The exercise library: the workshop content under `exercises/`, loaded and checked.

An exercise is one Markdown file with a YAML front matter header (the python-frontmatter
layout: a `---` line, the header fields, another `---` line, then the body). The body is cut
into named parts by `## ` headings (`## Room prompt`, `## Facilitator notes`, ...). Agendas
are YAML files under `agendas/` that list exercise ids in order, with breaks.

The shipped folder comes first; an organisation's own folders come after it and add
exercises and agendas or replace them by `id`. Every problem found is reported with the file,
the field and what was expected, so a trainer who writes their own material can fix it
without reading this code.

The pieces live in their own modules: `content.model` (the dataclasses and the names a file
may use), `content.exercise` and `content.agenda` (reading one file), `content.read` (what
both share), `content.wording` (problem messages) and `placeholders`. This module loads the
folders and is the entry point: import from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workshop_app.core.content.agenda import _parse_agenda, _RawAgenda, _resolve_agenda
from workshop_app.core.content.exercise import _parse_exercise
from workshop_app.core.content.model import (
    AUDIENCE_TITLES,
    AUDIENCES,
    DEBRIEF_QUESTIONS,
    FACILITATOR_NOTES,
    FORMAT_TITLES,
    FORMATS,
    GOOD_PLANS,
    ID_PATTERN,
    KIND_TITLES,
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
    Agenda,
    AgendaItem,
    ContentProblem,
    Exercise,
    Library,
    Phase,
    Step,
    TimedStep,
    minutes_text,
)
from workshop_app.core.content.placeholders import PLACEHOLDERS, fill_placeholders
from workshop_app.core.errors import UserError
from workshop_app.resources import shipped_dir

__all__ = [
    "AUDIENCES",
    "AUDIENCE_TITLES",
    "DEBRIEF_QUESTIONS",
    "FACILITATOR_NOTES",
    "FORMATS",
    "FORMAT_TITLES",
    "GOOD_PLANS",
    "ID_PATTERN",
    "KINDS",
    "KIND_TITLES",
    "LIST_PARTS",
    "OPTIONAL_FIELDS",
    "PARTS",
    "PLACEHOLDERS",
    "PLAN_PROMPTS",
    "REQUIRED_FIELDS",
    "REQUIRED_PARTS",
    "ROOM_PROMPT",
    "SCENARIO_PARTS",
    "SITUATION",
    "WHAT_GOES_WRONG",
    "Agenda",
    "AgendaItem",
    "ContentProblem",
    "Exercise",
    "Library",
    "Phase",
    "Step",
    "TimedStep",
    "agenda_files",
    "check_content",
    "check_library",
    "exercise_files",
    "fill_placeholders",
    "load_library",
    "minutes_text",
]


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
