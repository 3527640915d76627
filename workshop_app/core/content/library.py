"""The exercise library: the workshop content under `exercises/`, loaded and checked.

An exercise is one Markdown file with a YAML front matter header (the python-frontmatter
layout: a `---` line, the header fields, another `---` line, then the body). The body is cut
into named parts by `## ` headings (`## Room prompt`, `## Facilitator notes`, ...). Agendas
are YAML files under `agendas/` that list exercise ids in order, with breaks.

The shipped folder comes first; an organisation's own folders come after it and add
exercises and agendas or replace them by `id`. Each folder may hold translations in `<lang>/`
folders (`it/`, `it/agendas/`); the library is loaded for a language, each exercise and agenda
from its translation where there is one, else from English, marked as a fallback. Every
problem found is reported with the file, the field and what was expected, so a trainer who
writes their own material can fix it without reading this code.

The pieces live in their own modules: `content.model` (the dataclasses and the names a file
may use), `content.exercise` and `content.agenda` (reading one file), `content.read` (what
both share), `content.languages` (what a translation keeps), `content.wording` (problem
messages) and `placeholders`. This module loads the
folders and is the entry point: import from here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from workshop_app.core.content.agenda import _parse_agenda, _RawAgenda, _resolve_agenda
from workshop_app.core.content.exercise import _parse_exercise, _Parsed
from workshop_app.core.content.languages import (
    Coverage,
    agenda_mismatches,
    coverage,
    exercise_mismatches,
    is_language_folder,
    language_folders,
)
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
from workshop_app.core.content.read import _Problems
from workshop_app.core.errors import UserError
from workshop_app.core.i18n import LANGUAGES, SOURCE_LANGUAGE, base_language
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
    "Coverage",
    "Exercise",
    "Library",
    "Phase",
    "Step",
    "TimedStep",
    "agenda_files",
    "check_content",
    "check_library",
    "content_coverage",
    "exercise_files",
    "fill_placeholders",
    "load_library",
    "minutes_text",
]


# --------------------------------------------------------------------------------------------
# Loading and checking


def check_content(*dirs: Path) -> list[ContentProblem]:
    """Every problem in the union of `dirs`, later folders replacing earlier ones by id, in
    English and in every language the folders have translations for.

    With no folder, checks the shipped library.
    """
    return _check(dirs or (shipped_dir("exercises"),))[0]


def check_library(*, extra_dirs: Sequence[Path] = ()) -> list[ContentProblem]:
    """Every problem in the library as the app would load it (shipped plus `extra_dirs`), in
    every language."""
    return _check((shipped_dir("exercises"), *extra_dirs))[0]


def content_coverage(*dirs: Path) -> list[Coverage]:
    """For each language other than English (the app's languages and any the folders have),
    which exercises and agendas of the union of `dirs` it has, and which it lacks."""
    return _check(dirs or (shipped_dir("exercises"),))[1]


def load_library(*, extra_dirs: Sequence[Path] = (), language: str = SOURCE_LANGUAGE) -> Library:
    """The shipped library with the organisation's folders added over it, by id, in
    `language` (a language tag: "it", "it-CH" and "it_IT" all read the `it/` folders): each
    exercise and agenda from its translation where there is one, else the English file,
    marked as a fallback.

    Raises UserError (with every problem in `details`) if any file read has a problem.
    """
    lang = base_language(language)
    library, problems = _load((shipped_dir("exercises"), *extra_dirs), lang)
    if problems:
        count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
        raise UserError(
            f"The exercise library has {count}. The first: {problems[0]}",
            details=[str(p) for p in problems],
        )
    return library


def exercise_files(folder: Path) -> list[Path]:
    """The exercise files in `folder` and its subfolders (not agendas, not translations in
    `<lang>/` folders, not READMEs)."""
    found = []
    for path in sorted(folder.rglob("*.md")):
        rel = path.relative_to(folder).parts
        if rel[0] == "agendas" or any(p.startswith(".") for p in rel):
            continue
        if len(rel) > 1 and is_language_folder(folder / rel[0]):
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


@dataclass
class _English:
    """The English files as the folders are read in turn, later ones replacing by id."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    known_ids: set[str] = field(default_factory=set)  # ids of files with problems count too
    agendas: dict[str, _RawAgenda] = field(default_factory=dict)


@dataclass
class _Translated:
    """One language's translations that stand in for the English files read so far."""

    language: str
    exercises: dict[str, Exercise] = field(default_factory=dict)
    agendas: dict[str, _RawAgenda] = field(default_factory=dict)


def _check(dirs: Sequence[Path]) -> tuple[list[ContentProblem], list[Coverage]]:
    """The problems of every language's files, and each language's coverage."""
    found = {lang for folder in dirs for lang in language_folders(folder)}
    languages = sorted((set(LANGUAGES) | found) - {SOURCE_LANGUAGE})
    english, problems = _load(dirs, SOURCE_LANGUAGE)
    report = []
    for lang in languages:
        library, lang_problems = _load(dirs, lang, english_problems=False)
        problems += lang_problems
        report.append(
            coverage(
                lang,
                english.exercises,
                (e.id for e in library.exercises.values() if not e.fallback),
                english.agendas,
                (a.id for a in library.agendas.values() if not a.fallback),
            )
        )
    return problems, report


def _load(
    dirs: Sequence[Path], language: str, *, english_problems: bool = True
) -> tuple[Library, list[ContentProblem]]:
    """The library of `dirs` in `language`, and the problems found reading it (without the
    English files' own with `english_problems` False: another pass reports them)."""
    problems: list[ContentProblem] = []
    english = _English()
    ours = _Translated(language)
    translating = language != SOURCE_LANGUAGE
    for folder in dirs:
        if not folder.is_dir():
            if english_problems:
                problems.append(
                    ContentProblem(folder, "folder", "is not a folder (or cannot be read)")
                )
            continue
        exercise_ids, agenda_ids, found = _read_folder(folder, english)
        if english_problems:
            problems += found
        # An English file replaces any translation read before it: an organisation's own
        # exercise with a shipped id is not the one the shipped translation translates.
        for exercise_id in exercise_ids:
            ours.exercises.pop(exercise_id, None)
        for agenda_id in agenda_ids:
            ours.agendas.pop(agenda_id, None)
        if translating and is_language_folder(folder / language):
            problems += _read_translations(folder / language, english, ours)

    exercises = {
        exercise_id: ours.exercises.get(exercise_id) or replace(exercise, fallback=translating)
        for exercise_id, exercise in english.exercises.items()
    }
    agendas: dict[str, Agenda] = {}
    for agenda_id, raw in english.agendas.items():
        translated = ours.agendas.get(agenda_id)
        agenda, agenda_problems = _resolve_agenda(translated or raw, exercises, english.known_ids)
        if translated is not None or english_problems:
            problems.extend(agenda_problems)
        if agenda is not None:
            agendas[agenda_id] = replace(
                agenda,
                language=language if translated is not None else SOURCE_LANGUAGE,
                fallback=translating and translated is None,
            )
    return Library(exercises, agendas, tuple(dirs), language), problems


def _read_folder(
    folder: Path, english: _English
) -> tuple[set[str], set[str], list[ContentProblem]]:
    """The English exercises and agendas of `folder` added to `english`: the ids read, and
    the problems."""
    problems: list[ContentProblem] = []
    exercise_ids: set[str] = set()
    for item_id, _path, parsed in _exercises_once(folder, problems):
        exercise_ids.add(item_id)
        english.known_ids.add(item_id)
        if parsed.exercise is not None:
            english.exercises[item_id] = parsed.exercise
        else:
            english.exercises.pop(item_id, None)
    agenda_ids: set[str] = set()
    for raw_agenda, _path, _agenda_problems in _agendas_once(folder, problems):
        agenda_ids.add(raw_agenda.id)
        english.agendas[raw_agenda.id] = raw_agenda
    return exercise_ids, agenda_ids, problems


def _exercises_once(
    folder: Path, problems: list[ContentProblem]
) -> Iterator[tuple[str, Path, _Parsed]]:
    """Each exercise file of `folder` with an id, parsed, the first of each id only: a file
    that repeats an id, and every file's own problems, are added to `problems`."""
    seen: dict[str, Path] = {}
    for path in exercise_files(folder):
        parsed = _parse_exercise(path)
        problems.extend(parsed.problems)
        if parsed.id is None:
            continue
        if parsed.id in seen:
            problems.append(_duplicate(path, parsed.id, seen[parsed.id].relative_to(folder)))
            continue
        seen[parsed.id] = path
        yield parsed.id, path, parsed


def _agendas_once(
    folder: Path, problems: list[ContentProblem]
) -> Iterator[tuple[_RawAgenda, Path, list[ContentProblem]]]:
    """Each agenda file of `folder` that parses, the first of each id only, with its own
    problems (also added to `problems`, with any repeated id)."""
    seen: dict[str, Path] = {}
    for path in agenda_files(folder):
        raw, agenda_problems = _parse_agenda(path)
        problems.extend(agenda_problems)
        if raw is None:
            continue
        if raw.id in seen:
            problems.append(_duplicate(path, raw.id, Path(seen[raw.id].name)))
            continue
        seen[raw.id] = path
        yield raw, path, agenda_problems


def _read_translations(folder: Path, english: _English, ours: _Translated) -> list[ContentProblem]:
    """The translations in `folder` (a `<lang>/` folder) added to `ours`, each checked
    against the English file it translates: the problems."""
    problems: list[ContentProblem] = []
    for item_id, path, parsed in _exercises_once(folder, problems):
        original = english.exercises.get(item_id)
        if original is None:
            if item_id not in english.known_ids:
                problems.append(_no_original(path, item_id, "exercise"))
            continue
        if parsed.exercise is None:
            continue
        mismatches = _Problems(path)
        exercise_mismatches(parsed.exercise, original, mismatches)
        problems += mismatches.items
        if not mismatches:
            ours.exercises[item_id] = replace(parsed.exercise, language=ours.language)
    for raw, path, agenda_problems in _agendas_once(folder, problems):
        raw_original = english.agendas.get(raw.id)
        if raw_original is None:
            problems.append(_no_original(path, raw.id, "agenda"))
            continue
        mismatches = _Problems(path)
        agenda_mismatches(
            _items(raw),
            _items(raw_original),
            (raw.total_minutes, raw_original.total_minutes),
            raw_original.path,
            mismatches,
        )
        problems += mismatches.items
        if not mismatches and not agenda_problems:
            ours.agendas[raw.id] = raw
    return problems


def _items(raw: _RawAgenda) -> list[tuple[str | None, float | None]]:
    return [(item.exercise_id, item.minutes) for item in raw.items]


def _duplicate(path: Path, item_id: str, first: Path) -> ContentProblem:
    return ContentProblem(path, "id", f"'{item_id}' is already used by {first}")


def _no_original(path: Path, item_id: str, what: str) -> ContentProblem:
    return ContentProblem(
        path,
        "id",
        f"'{item_id}' is not an {what} of the library in English: a translation needs the "
        f"English file with the same id (in this folder or the shipped one)",
    )
