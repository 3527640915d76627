from __future__ import annotations

from workshop_app.core.content import load_library
from workshop_app.core.demo import PROGRAM
from workshop_app.core.model import Workshop
from workshop_app.core.room_text import clock_text, room_text


def test_clock_text() -> None:
    assert clock_text(725) == "12:05"
    assert clock_text(724.2) == "12:05"  # a countdown shows the second it is in
    assert clock_text(3725) == "1:02:05"
    assert clock_text(0) == "0:00"
    assert clock_text(-190) == "+3:10"


def test_room_prompts_name_the_program_not_placeholders() -> None:
    workshop = Workshop(id="w", **PROGRAM)
    library = load_library()
    for exercise in library.exercises.values():
        text = room_text(exercise.room_prompt, workshop)
        assert "{{" not in text, exercise.id
    welcome = room_text(library.exercise("welcome-and-endorsement").room_prompt, workshop)
    assert "Helena Ortiz" in welcome or PROGRAM["program"] in welcome
