"""What the room sees: exercise text with the program's own facts and the agenda's minutes
filled in, and the parts of a scenario the facilitator may reveal on the projector."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from workshop_app.core.content.library import Exercise, fill_placeholders
from workshop_app.core.content.placeholders import Value
from workshop_app.core.i18n import base_language
from workshop_app.core.model import Workshop


@dataclass(frozen=True, slots=True)
class RevealablePart:
    """A part of a scenario the room does not see until the facilitator reveals it."""

    key: str  # stable within the exercise: "situation-3", "plan-prompts", "good-plan-1"
    label: str  # what the facilitator's button names: "Situation, paragraph 3"
    text: str  # Markdown, as the facilitator reads it
    room_text: str  # Markdown, as the projector shows it once revealed


def placeholder_values(
    workshop: Workshop, exercise: Exercise | None = None, minutes: float | None = None
) -> dict[str, Value]:
    """The placeholders' values: the program's facts, and with `exercise` its minutes when
    it runs for `minutes` (the agenda's allocation; its own minutes without one)."""
    sponsor = ", ".join(x for x in (workshop.sponsor_name, workshop.sponsor_title) if x)
    goals = workshop.program_goal_list
    length = f"{workshop.program_length_months} months" if workshop.program_length_months else ""
    return {
        "program": workshop.program,
        "organisation": workshop.organisation,
        "sponsor": sponsor,
        "sponsor_endorsement": workshop.endorsement,
        "program_goals": goals,
        "strategy_link": workshop.strategy_link,
        "program_length": length,
        "metrics": workshop.success_metrics,
        "support_contacts": workshop.support_contacts,
        "confidentiality_wording": workshop.confidentiality_text,
        "no_fault_wording": workshop.no_fault_text,
        "facilitator": workshop.facilitator,
        "program_commitments": workshop.program_commitments_text,
        "return_copy_to": workshop.return_copy_to,
    } | (exercise.minutes_values(minutes) if exercise is not None else {})


def room_text(
    text: str,
    workshop: Workshop,
    *,
    exercise: Exercise | None = None,
    minutes: float | None = None,
) -> str:
    """`text` of `exercise` as it is shown, when it runs for `minutes` (the agenda's
    allocation; the exercise's own minutes without one)."""
    return fill_placeholders(
        text, placeholder_values(workshop, exercise, minutes), _language(workshop, exercise)
    )


def track_prompts(
    exercise: Exercise, workshop: Workshop, *, minutes: float | None = None
) -> tuple[tuple[str, str], ...]:
    """A parallel exercise's tracks as the room sees them when it runs for `minutes`: each
    one's heading ("Mentors") and room prompt, in column order."""
    return tuple(
        (t.title, _track_text(t.room_prompt, t.name, exercise, workshop, minutes))
        for t in exercise.tracks
    )


def notes_text(exercise: Exercise, workshop: Workshop, *, minutes: float | None = None) -> str:
    """The library's notes for the facilitator when the exercise runs for `minutes`, each
    track's own notes after them under the track's name."""
    notes = [room_text(exercise.facilitator_notes, workshop, exercise=exercise, minutes=minutes)]
    for t in exercise.tracks:
        if t.facilitator_notes:
            text = _track_text(t.facilitator_notes, t.name, exercise, workshop, minutes)
            notes.append(f"### For the {t.title.lower()}' group\n\n{text}")
    return "\n\n".join(notes)


def _track_text(
    text: str, track: str, exercise: Exercise, workshop: Workshop, minutes: float | None
) -> str:
    """A track's own text: its step placeholders are the track's steps."""
    values = placeholder_values(workshop) | exercise.track_minutes_values(track, minutes)
    return fill_placeholders(text, values, exercise.language)


def _language(workshop: Workshop, exercise: Exercise | None) -> str:
    """The language of the text: the exercise's (English for a fallback), else the
    workshop's."""
    return exercise.language if exercise is not None else base_language(workshop.language)


def revealable_parts(
    exercise: Exercise, workshop: Workshop, *, minutes: float | None = None
) -> list[RevealablePart]:
    """A scenario's parts the facilitator may show the room, in the order of the file: each
    paragraph of the situation (the notes may say to reveal the last one after the pairs have
    talked), the plan prompts, and each example of a good plan (to read out, or show, when the
    room is quiet). What tends to go wrong and the notes stay the facilitator's."""
    if not exercise.is_scenario:
        return []
    values = placeholder_values(workshop, exercise, minutes)
    filled = fill_placeholders(exercise.situation, values, exercise.language)
    situation = [p.strip() for p in re.split(r"\n\s*\n", filled) if p.strip()]
    parts = [
        RevealablePart(f"situation-{i}", f"Situation, paragraph {i} of {len(situation)}", p, p)
        for i, p in enumerate(situation, start=1)
    ]
    if exercise.plan_prompts:
        prompts = "\n".join(
            f"- {fill_placeholders(q, values, exercise.language)}" for q in exercise.plan_prompts
        )
        parts.append(
            RevealablePart(
                "plan-prompts",
                "Plan prompts",
                prompts,
                f"**Questions for your plan:**\n\n{prompts}",
            )
        )
    for i, plan in enumerate(exercise.good_plans, start=1):
        text = fill_placeholders(plan, values, exercise.language)
        parts.append(
            RevealablePart(
                f"good-plan-{i}",
                f"Good plan {i} of {len(exercise.good_plans)}",
                text,
                f"**A plan that works:**\n\n> {text}",
            )
        )
    return parts


REVEALED_RULE = "* * *"  # a thematic break in Markdown: a line across, before what was revealed


def projected_text(prompt: str, parts: list[RevealablePart], revealed: Collection[str]) -> str:
    """The room prompt followed by the parts revealed so far, in the order of the file, set
    apart from it by a rule: the room sees what is new."""
    shown = [p.room_text for p in parts if p.key in revealed]
    return "\n\n".join([prompt, REVEALED_RULE, *shown]) if shown else prompt


def clock_text(seconds: float) -> str:
    """A countdown as people read it: 12:05, 1:02:05, or +3:10 once over time."""
    over = seconds < 0
    whole = int(abs(seconds) + (0 if over else 0.999))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"+{text}" if over else text
