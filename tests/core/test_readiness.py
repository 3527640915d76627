"""The steps before the event, and the warnings about the program context."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from workshop_app.core.demo import create_demo
from workshop_app.core.readiness import (
    STANDARD_CONFIDENTIALITY,
    STANDARD_NO_FAULT,
    next_steps,
    program_warnings,
    standard_wording,
)
from workshop_app.core.store.workshop_file import WorkshopFile

BEFORE = date(2027, 1, 10)  # the demo's workshop is on 2027-01-19


def steps_of(wf: WorkshopFile, today: date = BEFORE):  # type: ignore[no-untyped-def]
    participants = len(wf.roster.participants())
    return next_steps(
        wf.workshop(),
        pairs=len(wf.roster.pairs()),
        participants=participants,
        segments=wf.agenda.segments(),
        today=today,
    )


def test_a_new_workshop_has_three_steps_to_do(new_workshop: WorkshopFile) -> None:
    steps = steps_of(new_workshop)
    assert [(s.page, s.done) for s in steps] == [
        ("program", False),
        ("roster", False),
        ("agenda", False),
    ]
    program, roster, agenda = steps
    assert "facilitator" in program.detail and "sponsor" in program.detail
    assert "no confidentiality wording" in program.detail
    assert "no no-fault conclusion clause" in program.detail
    assert "confidentiality wording," not in program.detail  # said once, as the warning
    # Each point on its own line: run together they read as one block (a German walk-through).
    lines = program.detail.splitlines()
    assert lines[0].startswith("Still to fill in:") and len(lines) == 3
    assert lines[1].startswith("There is no confidentiality wording")
    assert roster.detail.startswith("No roster yet")
    assert agenda.detail.startswith("No agenda yet")


def test_the_demo_is_ready(tmp_path: Path) -> None:
    with create_demo(tmp_path / "demo.workshop") as wf:
        steps = steps_of(wf)
    assert all(s.done for s in steps), steps
    assert steps[1].detail == "12 pairs from 24 participants."
    assert steps[2].detail.endswith("planned.") and "segments" in steps[2].detail


def test_each_step_is_done_when_its_part_is(tmp_path: Path) -> None:
    with create_demo(tmp_path / "demo.workshop") as wf:
        workshop = wf.workshop()
        steps = next_steps(
            replace(workshop, support_contacts=""),
            pairs=0,
            participants=1,
            segments=[],
            today=BEFORE,
        )
    assert [s.done for s in steps] == [False, False, False]
    assert steps[0].detail == "Still to fill in: support contacts."
    assert steps[1].detail.startswith("1 participant, no pairs yet")


def test_a_past_date_is_a_warning(new_workshop: WorkshopFile) -> None:
    workshop = new_workshop.workshop()  # on 2027-01-19
    assert [w.field for w in program_warnings(workshop, today=date(2027, 1, 19))] == [
        "confidentiality_text",
        "no_fault_text",
    ]
    late = program_warnings(workshop, today=date(2027, 1, 20))
    assert late[0].field == "date"
    assert "19 January 2027, is in the past" in late[0].message


def test_empty_wording_is_offered_the_standard_wording(new_workshop: WorkshopFile) -> None:
    warnings = {w.field for w in program_warnings(new_workshop.workshop(), today=BEFORE)}
    assert {"confidentiality_text", "no_fault_text"} <= warnings
    assert standard_wording("confidentiality_text", "en-GB") == STANDARD_CONFIDENTIALITY
    assert standard_wording("no_fault_text", "en-US") == STANDARD_NO_FAULT
    # Printed on the charters, so in their language.
    assert standard_wording("no_fault_text", "de").startswith("Beide Seiten können")
    assert standard_wording("confidentiality_text", "fr").startswith("Ce que le mentor")
    new_workshop.set_workshop_field("confidentiality_text", "   ")
    assert "confidentiality_text" in {
        w.field for w in program_warnings(new_workshop.workshop(), today=BEFORE)
    }


def test_the_standard_wording_says_what_such_clauses_say() -> None:
    # Confidentiality: what it covers, its exceptions, what staff and managers are told.
    for words in ("stays between them", "harm", "law", "company policy", "program staff"):
        assert words in STANDARD_CONFIDENTIALITY
    # No-fault: either may end it, without blame, a new match, not held against anyone.
    for words in ("Either partner", "without blame", "new match", "never held against"):
        assert words in STANDARD_NO_FAULT
