"""What each handout shows, as plain data: the library's own text for the workshop at hand.

Every word of an exercise's text comes from its file in the content library (an
organisation's folder replaces a shipped exercise by id, and its handout follows), with the
program's facts and the exercise's minutes filled in: the minutes the workshop's agenda gives
it (what the runner's timer counts down), or its own minutes when the agenda does not hold it.
The paper charter takes its sections and fields from `charter_fields`, the same vocabulary the
printed charter uses. The results are nested dicts, lists and strings, for `handouts.html.j2`.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_app.core.charter_fields import (
    GOAL_PARTS,
    GOALS_LIST,
    MAX_GOALS,
    PLAN_PARTS,
    SECTIONS,
    TROUBLESHOOTING_LIST,
)
from workshop_app.core.charters.context import brand_context, clean, program_context, w3c_datetime
from workshop_app.core.content.library import Exercise, Library
from workshop_app.core.handouts.blocks import Block, blocks, runs, subsection
from workshop_app.core.handouts.names import HANDOUT_BY_NAME
from workshop_app.core.i18n import translations
from workshop_app.core.runner.room_text import room_text

# The document's translations (`translations(workshop.language)`).
Words = gettext.NullTranslations

if TYPE_CHECKING:
    from workshop_app.core.model import Workshop
    from workshop_app.core.store.workshop_file import WorkshopFile

HANDOUT_TEMPLATE = "handouts.html.j2"
# How many plans a pair writes on a scenario card and on the paper charter.
PLAN_LINES = 3


# The exercise each handout prints from.
SOURCE_EXERCISE = {
    "observer": "active-listening-triads",
    "grow": "powerful-questions-grow",
    "sbi": "feedback-sbi",
    "smart": "smart-goals",
}


@dataclass(frozen=True, slots=True)
class Texts:
    """Exercise text as the room reads it on this workshop's day."""

    workshop: Workshop
    allocated: dict[str, float]  # exercise id -> the minutes the agenda gives it

    def of(self, exercise: Exercise, text: str) -> str:
        minutes = self.allocated.get(exercise.id, exercise.minutes)
        return room_text(text, self.workshop, exercise=exercise, minutes=minutes)

    def blocks(self, exercise: Exercise, text: str) -> list[Block]:
        return blocks(self.of(exercise, text))


def handout_context(wf: WorkshopFile, library: Library, name: str) -> dict:
    """Everything `handouts.html.j2` needs for the handout `name` (a key of HANDOUT_BY_NAME,
    but not the sign-in sheet, which is `roster.attendance`'s)."""
    workshop = wf.workshop()
    allocated: dict[str, float] = {}
    for segment in wf.agenda.segments():
        if segment.exercise_id and not segment.skipped:
            allocated.setdefault(segment.exercise_id, segment.planned_minutes)
    texts = Texts(workshop, allocated)
    handout = HANDOUT_BY_NAME[name]
    lang = workshop.language or "en"
    t = translations(lang)
    heading = t.gettext(handout.title)
    context: dict = {
        "kind": name,
        "lang": lang,
        "paper": workshop.paper_size,
        "heading": heading,
        "title": clean(f"{heading}: {workshop.program}"),
        "author": clean(f"{workshop.organisation}, {workshop.program}"),
        "created": w3c_datetime(workshop.updated_at or workshop.date),
        "brand": brand_context(workshop),
        "program": program_context(workshop),
    }
    exercise_id = SOURCE_EXERCISE.get(name)
    exercise = library.exercise(exercise_id) if exercise_id else None
    context["exercise"] = exercise.title if exercise else ""
    builder = _BUILDERS[name]
    context.update(builder(library, texts, exercise, t))
    return context


def _scenarios(library: Library, texts: Texts, _exercise: Exercise | None, _t: Words) -> dict:
    return {
        "cards": [
            {
                "title": clean(s.title),
                "situation": texts.blocks(s, s.situation),
                "prompts": [runs(texts.of(s, q)) for q in s.plan_prompts],
            }
            for s in library.scenarios()
        ],
        "plan_lines": PLAN_LINES,
    }


def _observer(_library: Library, texts: Texts, exercise: Exercise | None, _t: Words) -> dict:
    assert exercise is not None
    rounds = []
    for step in exercise.steps:
        if not step.roles:
            continue
        for r in range(1, step.repeat + 1):
            rounds.append({"number": r, "of": step.repeat, "roles": step.roles_for_round(r)})
    return {
        "prompt": texts.blocks(exercise, exercise.room_prompt),
        "watch": texts.blocks(
            exercise, subsection(exercise.facilitator_notes, "The roles, in one sentence each")
        ),
        "rounds": rounds,
    }


def _grow(_library: Library, texts: Texts, exercise: Exercise | None, _t: Words) -> dict:
    assert exercise is not None
    return {
        "prompt": texts.blocks(exercise, exercise.room_prompt),
        "more": texts.blocks(
            exercise, subsection(exercise.facilitator_notes, "More questions for the card")
        ),
    }


def _sbi(_library: Library, texts: Texts, exercise: Exercise | None, _t: Words) -> dict:
    assert exercise is not None
    return {
        "prompt": texts.blocks(exercise, exercise.room_prompt),
        # The examples and the traps, without the notes' words to the facilitator.
        "more": [
            b
            for b in texts.blocks(exercise, subsection(exercise.facilitator_notes, "Input"))
            if b["type"] == "list"
        ],
    }


def _smart(_library: Library, texts: Texts, exercise: Exercise | None, t: Words) -> dict:
    assert exercise is not None
    return {
        "prompt": texts.blocks(exercise, exercise.room_prompt),
        "more": texts.blocks(exercise, subsection(exercise.facilitator_notes, "Input")),
        "goal_parts": [t.gettext(label) for _, label in GOAL_PARTS],
    }


def _charter(_library: Library, _texts: Texts, _exercise: Exercise | None, t: Words) -> dict:
    sections = []
    for section in SECTIONS:
        fields = []
        for field in section.fields:
            if field.name == GOALS_LIST:
                fields.append(
                    {"kind": "goals", "label": t.gettext(field.label), "count": MAX_GOALS}
                )
            elif field.name == TROUBLESHOOTING_LIST:
                fields.append(
                    {"kind": "plans", "label": t.gettext(field.label), "count": PLAN_LINES}
                )
            elif field.name == "meeting_frequency_custom":
                continue  # the "Custom" box has its own line
            else:
                fields.append(
                    {
                        "kind": field.kind,
                        "label": t.gettext(field.label),
                        "choices": [t.gettext(label) for _, label in field.choices],
                        "custom": any(value == "custom" for value, _ in field.choices),
                    }
                )
        sections.append(
            {
                "number": section.number,
                "key": section.key,
                "title": t.gettext(section.title),
                "fields": fields,
            }
        )
    return {
        "sections": sections,
        "goal_parts": [t.gettext(label) for name, label in GOAL_PARTS if name != "baseline"],
        "plan_parts": [t.gettext(label) for _, label in PLAN_PARTS],
    }


_BUILDERS: dict[str, Callable[[Library, Texts, Exercise | None, Words], dict]] = {
    "scenarios": _scenarios,
    "observer": _observer,
    "grow": _grow,
    "sbi": _sbi,
    "smart": _smart,
    "charter": _charter,
}
