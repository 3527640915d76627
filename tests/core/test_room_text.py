from __future__ import annotations

from workshop_app.core.content.library import fill_placeholders, load_library
from workshop_app.core.demo import PROGRAM
from workshop_app.core.model import Workshop
from workshop_app.core.runner.room_text import (
    REVEALED_RULE,
    clock_text,
    projected_text,
    revealable_parts,
    room_text,
)


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
        text = room_text(exercise.room_prompt, workshop, exercise=exercise)
        assert "{{" not in text, exercise.id
    welcome = room_text(library.exercise("welcome-and-endorsement").room_prompt, workshop)
    assert "Helena Ortiz" in welcome or PROGRAM["program"] in welcome


def rendered(markdown: str) -> list[tuple[str, bool]]:
    """Each block of `markdown` as Qt shows it (the runner and the projector render with Qt's
    Markdown reader): its text, and whether it is an item of a list."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setMarkdown(markdown)
    blocks = []
    block = doc.begin()
    while block.isValid():
        if block.text().strip():
            blocks.append((block.text(), block.textList() is not None))
        block = block.next()
    return blocks


def test_program_goals_after_a_label_are_a_list_of_their_own() -> None:
    workshop = Workshop(id="w", **PROGRAM)
    prompt = load_library().exercise("program-purpose").room_prompt
    blocks = rendered(room_text(prompt, workshop))
    goals = workshop.program_goal_list
    assert len(goals) == 3
    assert ("What the program is for:", False) in blocks
    for goal in goals:
        assert (goal, True) in blocks  # every goal a list item, the first one too
    assert not any("- " in text for text, _ in blocks)


def test_a_value_of_several_lines_stays_inside_its_quote_or_list_item() -> None:
    values = {
        "sponsor_endorsement": "First paragraph.\n\nSecond paragraph\nwith a line break.",
        "program_goals": ["Grow 40 engineers", "Keep know-how"],
        "support_contacts": "Tom: ext. 4417\nHelpline: 0800 555 0199",
    }
    text = fill_placeholders(
        "> {{sponsor_endorsement}}\n\n"
        "- Goals: {{program_goals}} (this year)\n\n"
        "{{support_contacts}}",
        values,
    )
    assert text.splitlines()[:4] == [
        "> First paragraph.",
        "> ",
        "> Second paragraph\\",
        "> with a line break.",
    ]
    assert "- Goals:\n\n  - Grow 40 engineers\n  - Keep know-how\n\n  (this year)" in text
    blocks = rendered(text)
    assert ("Goals:", True) in blocks and ("Keep know-how", True) in blocks
    # One contact a line, as typed, not run together into one.
    assert ("Tom: ext. 4417", False) in blocks and ("Helpline: 0800 555 0199", False) in blocks


def test_typed_values_read_as_typed() -> None:
    text = fill_placeholders(
        "{{program}} and **{{organisation}}**",
        {"program": "1. Lead *now* <b>", "organisation": "Smith & Co_"},
    )
    blocks = rendered(text)
    assert blocks == [("1. Lead *now* <b> and Smith & Co_", False)]
    # A single goal reads as a sentence, not a one-item list.
    assert fill_placeholders("Goal: {{program_goals}}", {"program_goals": ["Grow"]}) == (
        "Goal: Grow"
    )


def test_a_scenario_offers_its_parts_for_revealing() -> None:
    workshop = Workshop(id="w", **PROGRAM)
    library = load_library()
    silent = library.exercise("scenario-partner-goes-silent")
    parts = revealable_parts(silent, workshop)
    keys = [p.key for p in parts]
    assert keys[:3] == ["situation-1", "situation-2", "situation-3"]
    assert "restructuring" in parts[2].text  # the paragraph the notes say to reveal
    assert "plan-prompts" in keys and keys.count("good-plan-1") == 1
    prompt = room_text(silent.room_prompt, workshop)
    assert projected_text(prompt, parts, set()) == prompt
    shown = projected_text(prompt, parts, {"situation-3", "good-plan-2"})
    assert shown.startswith(prompt) and "restructuring" in shown
    # what was revealed comes after a rule, so the room sees what is new
    assert shown.index(REVEALED_RULE) < shown.index("restructuring")
    assert shown.count(REVEALED_RULE) == 1
    assert silent.good_plans[1][:40] in shown
    assert silent.good_plans[0][:40] not in shown and silent.situation[:40] not in shown
    assert revealable_parts(library.exercise("smart-goals"), workshop) == []
