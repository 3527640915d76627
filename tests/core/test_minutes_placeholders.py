"""The minutes placeholders: `{{ minutes }}`, `{{ step_N_minutes }}` and
`{{ step_N_phase_M_minutes }}` are filled from the agenda's allocation, the numbers the
runner's timer counts down; check-content knows them and names the line of a wrong one."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_app.core.content.library import (
    ContentProblem,
    check_content,
    fill_placeholders,
    load_library,
)
from workshop_app.core.content.model import duration_text
from workshop_app.core.demo import create_demo
from workshop_app.core.runner.clock import FakeClock
from workshop_app.core.runner.live import Runner
from workshop_app.core.runner.room_text import revealable_parts, room_text

HEADER = """---
id: timed-talk
title: Timed talk
kind: skills
minutes: 20
format: pairs
audience: everyone
steps:
  - name: Brief
    minutes: 2
  - name: "Talk ({{ step_2_minutes }} a round)"
    repeat: 2
    phases:
      - name: Speaker talks
        minutes: 5
      - name: "Feedback, {{ step_2_phase_2_minutes }}"
        minutes: 2
  - name: Debrief
    minutes: 4
---
"""
BODY = """
## Room prompt

Talk for {{ step_2_phase_1_minutes }}, then {{ step_2_phase_2_minutes }} of feedback:
{{ step_2_minutes }} a round, {{ minutes }} in all. Pairs meet for {{ "60 minutes" }}.

## Facilitator notes

Brief in {{ step_1_minutes }}; debrief in {{ step_3_minutes }}.

## Debrief questions

- What did {{ step_2_phase_1_minutes }} of listening feel like?
"""


def write(folder: Path, text: str, name: str = "timed-talk.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def exercise(tmp_path: Path):
    folder = write(tmp_path / "content", HEADER + BODY)
    return load_library(extra_dirs=[folder]).exercise("timed-talk")


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(8, "8 minutes"), (1, "1 minute"), (2.5, "2½ minutes"), (0.5, "half a minute"),
     (1.5, "1½ minutes"), (1.25, "1.2 minutes")],
)  # fmt: skip
def test_minutes_read_as_a_sentence_says_them(minutes: float, text: str) -> None:
    assert duration_text(minutes) == text


def test_at_its_own_length_the_text_says_the_exercises_own_minutes(exercise) -> None:
    assert exercise.minutes_values() == {
        "minutes": "20 minutes",
        "step_1_minutes": "2 minutes",
        "step_2_minutes": "7 minutes",
        "step_2_phase_1_minutes": "5 minutes",
        "step_2_phase_2_minutes": "2 minutes",
        "step_3_minutes": "4 minutes",
    }
    text = fill_placeholders(exercise.room_prompt, exercise.minutes_values())
    assert text.startswith("Talk for 5 minutes, then 2 minutes of feedback:")
    assert "7 minutes a round, 20 minutes in all. Pairs meet for 60 minutes." in text


def test_a_shortened_exercise_says_the_timers_minutes(exercise) -> None:
    """At 10 minutes every step shrinks by half: the text says what the timer counts."""
    values = exercise.minutes_values(10)
    assert values["minutes"] == "10 minutes"
    assert values["step_2_phase_1_minutes"] == "2½ minutes"
    assert values["step_2_phase_2_minutes"] == "1 minute"
    timeline = exercise.timeline(10)
    assert sum(s.minutes for s in timeline) == 10
    assert duration_text(timeline[1].minutes) == values["step_2_phase_1_minutes"]
    # The last step takes what half minutes cannot share out: the steps fill the minutes.
    assert duration_text(timeline[-1].minutes) == values["step_3_minutes"]
    # Step and phase names, as the runner shows them, carry the same minutes.
    assert timeline[1].label == "Talk (3½ minutes a round) (1 of 2): Speaker talks"
    assert timeline[2].phase == "Feedback, 1 minute"


def test_a_lengthened_exercise_gives_the_extra_to_its_last_step(exercise) -> None:
    values = exercise.minutes_values(25)
    assert (values["minutes"], values["step_3_minutes"]) == ("25 minutes", "9 minutes")
    assert values["step_2_phase_1_minutes"] == "5 minutes"


def test_the_troubleshooting_rounds_steps_fill_its_fifteen_minutes() -> None:
    """The issue: at the half-day's 15 minutes the steps added up to 14.5."""
    round_ = load_library().exercise("troubleshooting-round")
    assert sum(s.minutes for s in round_.timeline(15)) == 15
    assert sum(s.minutes for s in round_.timeline(10)) == 10


def test_the_runners_timer_counts_down_what_the_placeholders_say(tmp_path: Path, exercise) -> None:
    """Every step of every exercise of the half-day, at the agenda's minutes: the time the
    timer gives a step, from its start to the next, is the step's placeholder."""
    library = load_library(extra_dirs=[exercise.source.parent])
    wf = create_demo(tmp_path / "d.workshop")
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    runner.start_viewed()
    checked = 0
    while runner.timed is not None:
        segment, timed_exercise = runner.timed, runner.exercise(runner.timed)
        if timed_exercise is not None and timed_exercise.steps:
            values = timed_exercise.minutes_values(segment.planned_minutes)
            counted = []
            now = runner.step_now()
            while now is not None:
                counted.append((now.step, now.remaining_seconds / 60))
                clock.advance(now.remaining_seconds)
                if now.next_step is None:
                    break
                now = runner.step_now()
            steps = timed_exercise.steps
            # A parallel segment times the groups' own steps first; these placeholders name
            # the together steps, which come last.
            together = sum((len(st.phases) or 1) * st.repeat for st in steps)
            at = len(counted) - together if timed_exercise.tracks else 0
            for i, step in enumerate(steps, start=1):
                phases = len(step.phases) or 1
                first_round = counted[at : at + phases]
                at += phases * step.repeat
                total = sum(m for _, m in first_round)
                assert duration_text(total) == values[f"step_{i}_minutes"], (segment.title, i)
                for j, (_, m) in enumerate(first_round if step.phases else (), start=1):
                    assert duration_text(m) == values[f"step_{i}_phase_{j}_minutes"]
            assert sum(m for _, m in counted) == pytest.approx(segment.planned_minutes)
            checked += 1
        runner.next()
        if runner.viewed is None:
            break
        runner.start_viewed()
    assert checked >= 10
    wf.close()


def test_the_room_text_and_revealed_parts_carry_the_agendas_minutes(
    tmp_path: Path, exercise
) -> None:
    wf = create_demo(tmp_path / "d.workshop")
    workshop = wf.workshop()
    prompt = room_text(exercise.room_prompt, workshop, exercise=exercise, minutes=10)
    assert "Talk for 2½ minutes, then 1 minute of feedback" in prompt
    # Without an exercise (text that is not one's), minutes placeholders stay as written.
    assert room_text("{{ minutes }}", workshop) == "{{ minutes }}"
    scenario = load_library().exercise("scenario-repeated-cancellations")
    assert revealable_parts(scenario, workshop, minutes=8)  # the scenario's parts still come
    wf.close()


def only(problems: list[ContentProblem]) -> ContentProblem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


@pytest.mark.parametrize(
    ("body_line", "message"),
    [
        ("Talk for {{ step_4_minutes }}.", "names step 4, but the exercise has 3 steps"),
        (
            "Brief in {{ step_1_phase_1_minutes }}.",
            "names phase 1 of step 1, which has no phases",
        ),
        ("Feedback: {{ step_2_phase_3_minutes }}.", "of step 2, which has 2 phases"),
        ("Talk for {{ step_two_minutes }}.", "is not a placeholder the app knows"),
        ("In {{ minute }}.", "(did you mean 'minutes'?)"),
    ],
)
def test_check_content_names_the_line_of_a_wrong_minutes_placeholder(
    tmp_path: Path, body_line: str, message: str
) -> None:
    text = HEADER + BODY.replace("Brief in {{ step_1_minutes }}", body_line)
    folder = write(tmp_path / "content", text)
    problem = only(check_content(folder))
    assert message in problem.message, problem
    lines = text.splitlines()
    assert problem.line is not None and body_line in lines[problem.line - 1]
    assert problem.field == "part 'Facilitator notes'"
    assert str(problem).startswith(f"{folder / 'timed-talk.md'}:{problem.line}: ")


def test_a_step_name_may_hold_only_minutes_placeholders(tmp_path: Path) -> None:
    """The timer fills in the minutes of a step name; a program fact would show as braces."""
    text = HEADER.replace("name: Debrief", 'name: "Debrief with {{ sponsor }}"') + BODY
    problem = only(check_content(write(tmp_path / "content", text)))
    assert problem.field == "steps[3].name"
    assert "filling in only the minutes placeholders" in problem.message
    assert problem.line is not None and "{{ sponsor }}" in text.splitlines()[problem.line - 1]
    text = HEADER.replace("name: Debrief", 'name: "Debrief ({{ step_5_minutes }})"') + BODY
    problem = only(check_content(write(tmp_path / "other", text)))
    assert (problem.field, problem.line) == ("steps[3].name", 18)
    assert "names step 5, but the exercise has 3 steps" in problem.message


def test_a_length_in_quotes_is_shown_as_written() -> None:
    assert fill_placeholders('Meet for {{ "60 minutes" }} a fortnight.') == (
        "Meet for 60 minutes a fortnight."
    )
    assert fill_placeholders("A call of {{ \u201c45 minutes\u201d }}.") == "A call of 45 minutes."


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("Talk for 5 minutes.", "{{ step_2_phase_1_minutes }} (step 2, phase 1, 'Speaker talks')"),
        ("A 2-minute brief.", "{{ step_1_minutes }} (step 1, 'Brief')"),
        ("Give it twenty mins.", "{{ minutes }} (the whole exercise)"),
        ("Debrief (4 min).", "{{ step_3_minutes }} (step 3, 'Debrief')"),
        ("Then half a minute each.", "{{ minutes }} (the whole exercise) or {{ step_N_minutes }}"),
    ],
)
def test_check_content_refuses_a_fixed_length_and_says_what_to_write(
    tmp_path: Path, written: str, suggested: str
) -> None:
    text = HEADER + BODY.replace("Brief in {{ step_1_minutes }}", written)
    problem = only(check_content(write(tmp_path / "content", text)))
    assert problem.field == "part 'Facilitator notes'"
    assert problem.line is not None and written in text.splitlines()[problem.line - 1]
    assert "is a fixed length, but an agenda can give this exercise other minutes" in (
        problem.message
    )
    assert f"write {suggested}" in problem.message
    assert 'goes in quotes: {{ "' in problem.message


def test_a_fixed_length_in_a_step_name_or_debrief_is_refused_too(tmp_path: Path) -> None:
    text = HEADER.replace("name: Brief", 'name: "Brief (2 minutes)"') + BODY.replace(
        "- What did", "- After 5 minutes, what did"
    )
    problems = check_content(write(tmp_path / "content", text))
    lines = text.splitlines()

    def line_of(needle: str) -> int:
        return next(i for i, line in enumerate(lines, start=1) if needle in line)

    assert sorted((p.field, p.line) for p in problems) == [
        ("part 'Debrief questions'", line_of("After 5 minutes")),
        ("steps[1].name", line_of("Brief (2 minutes)")),
    ]


def test_lengths_that_are_not_the_exercises_are_written_in_quotes(tmp_path: Path) -> None:
    """What is allowed: a length in quotes, "a minute" and "a few minutes" (not numbers),
    minutes in a scenario's story, and no minutes at all."""
    body = BODY.replace(
        "Brief in {{ step_1_minutes }}",
        'Meet for {{ "45 to 60 minutes" }}; give it a minute, or a few minutes',
    )
    assert check_content(write(tmp_path / "content", HEADER + body)) == []


@pytest.mark.parametrize(
    "body_line",
    ["Brief in {{\n  step_1_minutes }}", "Brief in {{ step 1 minutes }}", "Brief in {{ 4 }}"],
    ids=["split over two lines", "spaces in the name", "not a name"],
)
def test_braces_that_are_not_a_whole_placeholder_are_a_problem(
    tmp_path: Path, body_line: str
) -> None:
    """They would show on the screen as typed, braces and all."""
    text = HEADER + BODY.replace("Brief in {{ step_1_minutes }}", body_line)
    problems = check_content(write(tmp_path / "content", text))
    assert problems  # a split placeholder is reported on both its lines
    for problem in problems:
        assert problem.field == "part 'Facilitator notes'"
        assert "that is not a whole placeholder" in problem.message
    first = problems[0].line
    assert first is not None and "Brief in {{" in text.splitlines()[first - 1]
