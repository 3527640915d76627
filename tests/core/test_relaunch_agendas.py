"""The re-launch and the online half-day: they load, add up, the online one is two parts of
75 minutes around a break, and every minute their own exercises show is the timer's."""

from __future__ import annotations

import re

import pytest

from workshop_app.core.content.library import load_library
from workshop_app.core.content.model import duration_text
from workshop_app.core.model import Workshop
from workshop_app.core.runner.room_text import room_text

# The exercises written for these two agendas (the others are the launch's, shared).
OWN = {
    "relaunch-opening", "relaunch-diagnosis", "relaunch-recommitment", "charter-revision",
    "relaunch-resign", "remote-room-setup", "remote-listening-triads", "troika-consulting",
    "remote-charter-signing",
}  # fmt: skip
# "10 minutes", "2½ minutes", "1 minute", "half a minute": what a sentence says of a length.
SAID = re.compile(r"(?:\d+½?|½|half an?) minutes?|half a minute")


@pytest.fixture(scope="module")
def library():
    return load_library()  # raises, naming every problem, if a file has one


def test_the_relaunch_adds_up_and_ends_with_version_2_signed(library) -> None:
    agenda = library.agenda("relaunch")
    assert agenda.total_minutes == sum(i.minutes for i in agenda.items) == 110
    ids = [i.exercise_id for i in agenda.items if not i.is_break]
    assert ids[:3] == ["relaunch-opening", "relaunch-diagnosis", "relaunch-recommitment"]
    assert ids[-2:] == ["charter-revision", "relaunch-resign"]
    assert "troubleshooting-round" in ids  # reused from the launch


def test_the_online_half_day_is_two_parts_of_75_minutes(library) -> None:
    agenda = library.agenda("half-day-remote")
    assert agenda.total_minutes == sum(i.minutes for i in agenda.items) == 180
    (gap,) = [n for n, i in enumerate(agenda.items) if i.is_break]
    parts = agenda.items[:gap], agenda.items[gap + 1 :]
    assert [sum(i.minutes for i in part) for part in parts] == [75, 75]
    ids = {i.exercise_id for i in agenda.items}
    assert {"remote-room-setup", "remote-listening-triads", "troika-consulting"} <= ids
    assert "remote-charter-signing" in ids and "charter-review-and-sign" not in ids
    # Every group exercise of its own says how the breakout rooms work.
    for exercise_id in ("remote-listening-triads", "troika-consulting", "remote-charter-signing"):
        assert "breakout room" in library.exercise(exercise_id).facilitator_notes


@pytest.mark.parametrize("agenda_id", ["relaunch", "half-day-remote"])
def test_every_length_its_own_exercises_show_is_on_the_timer(library, agenda_id: str) -> None:
    """In the prompt and the notes, a length is the exercise's, or one its timer counts down
    (a step or phase, at the agenda's minutes); never one left from another length."""
    workshop = Workshop(id="w", program="Accelerate", organisation="Northwind", date="2027-01-19")
    for item in library.agenda(agenda_id).items:
        if item.is_break or item.exercise_id not in OWN:
            continue
        exercise = library.exercise(item.exercise_id)
        timer = {duration_text(s.minutes) for s in exercise.timeline(item.minutes)}
        allowed = timer | {duration_text(item.minutes)}
        for part in (exercise.room_prompt, exercise.facilitator_notes):
            text = room_text(part, workshop, exercise=exercise, minutes=item.minutes)
            assert "{{" not in text
            shown = set(SAID.findall(text))
            assert shown <= allowed, (exercise.id, shown - allowed)
