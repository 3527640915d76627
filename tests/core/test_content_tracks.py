"""Parallel segments: an exercise whose mentors and mentees work apart on one timer, then
together. The format as a content writer writes it, what check-content says about tracks
that are wrong (file and field), and the timer's steps for both tracks."""

from __future__ import annotations

from pathlib import Path

import pytest
from parallel_content import one_two_four_all, parallel_text

from workshop_app.core.content.library import ContentProblem, check_content, load_library
from workshop_app.core.content.model import PARALLEL_STEP, duration_text, track_timelines
from workshop_app.core.model import Workshop
from workshop_app.core.runner.room_text import notes_text, room_text, track_prompts


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "apart.md").write_text(text, encoding="utf-8")
    return folder


def only_problem(problems: list[ContentProblem]) -> ContentProblem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_a_parallel_exercise_has_two_tracks_then_the_together_part(tmp_path: Path) -> None:
    folder = write(tmp_path / "content", parallel_text())
    assert check_content(folder) == []
    exercise = load_library(extra_dirs=[folder]).exercise("apart")
    mentors, mentees = exercise.tracks
    assert (mentors.title, mentees.title) == ("Mentors", "Mentees")
    assert mentors.room_prompt == "What do you expect of your mentee?"
    assert mentees.facilitator_notes == "Stay with the mentees."
    assert mentors.facilitator_notes == ""  # a track's own notes are optional
    assert exercise.room_prompt == "Together: compare."
    assert exercise.steps_minutes == 18  # 12 apart, then 6 together

    timeline = exercise.timeline()
    # One timer: each of its steps is a step of both tracks, then the together part's.
    assert [s.minutes for s in timeline] == [1, 2, 4, 5, 3, 3]
    assert timeline[1].label == f"{PARALLEL_STEP}: In pairs"
    assert [(t.track, t.index, t.count) for t in timeline[3].tracks] == [
        ("mentors", 3, 4),
        ("mentees", 3, 4),
    ]
    assert timeline[3].label == (
        f"{PARALLEL_STEP}: Mentors: All the mentors · Mentees: All the mentees"
    )
    assert timeline[4].tracks == () and timeline[4].label == "With your partner: compare"


def test_a_shortened_parallel_exercise_keeps_both_tracks_on_one_timer(tmp_path: Path) -> None:
    exercise = load_library(extra_dirs=[write(tmp_path / "content", parallel_text())]).exercise(
        "apart"
    )
    for minutes in (15, 12, 9):
        timeline = exercise.timeline(minutes)
        assert sum(s.minutes for s in timeline) == minutes
        lines = dict(track_timelines(timeline))
        apart = sum(s.minutes for s in timeline if s.tracks)
        assert sum(s.minutes for s in lines["mentors"]) == apart
        assert sum(s.minutes for s in lines["mentees"]) == apart
        assert [s.step for s in lines["mentors"]] == [
            "Alone",
            "In pairs",
            "In fours",
            "All the mentors",
        ]


def test_tracks_with_steps_that_change_at_other_moments_share_the_timer(tmp_path: Path) -> None:
    mentees = [{"name": "Alone", "minutes": 3}, {"name": "All the mentees", "minutes": 9}]
    text = parallel_text(
        tracks={"mentors": {"steps": one_two_four_all("mentors")}, "mentees": {"steps": mentees}}
    )
    exercise = load_library(extra_dirs=[write(tmp_path / "c", text)]).exercise("apart")
    timeline = exercise.timeline()
    # The timer's steps change whenever either track's does: 1, 2 (mentees still alone), ...
    assert [s.minutes for s in timeline] == [1, 2, 4, 5, 3, 3]
    assert [[t.step.step for t in s.tracks] for s in timeline[:4]] == [
        ["Alone", "Alone"],
        ["In pairs", "Alone"],
        ["In fours", "All the mentees"],
        ["All the mentors", "All the mentees"],
    ]


BAD_TRACKS: dict[str, tuple[str, str, str]] = {
    # case: (the file's text, the field, what the message says)
    "tracks that do not add up": (
        parallel_text(
            tracks={
                "mentors": {"steps": one_two_four_all("mentors")},
                "mentees": {"steps": one_two_four_all("mentees", last=4)},
            }
        ),
        "tracks",
        "the mentors' steps take 12 minutes (1 + 2 + 4 + 5) but the mentees' steps take 11 "
        "minutes (1 + 2 + 4 + 4); both groups run on one timer",
    ),
    "a missing track": (
        parallel_text(
            tracks={"mentors": {"steps": one_two_four_all("mentors")}},
            body=(
                "## Room prompt\n\nT.\n\n## Room prompt: mentors\n\nM.\n\n"
                "## Room prompt: mentees\n\nE.\n\n## Facilitator notes\n\nN.\n\n"
                "## Debrief questions\n\n- Q?\n"
            ),
        ),
        "tracks.mentees",
        "is missing: a parallel segment has a mentors track and a mentees track",
    ),
    "a track that is not mentors or mentees": (
        parallel_text(
            tracks={
                "mentors": {"steps": one_two_four_all("mentors")},
                "mentees": {"steps": one_two_four_all("mentees")},
                "managers": {"steps": one_two_four_all("managers")},
            }
        ),
        "managers",
        "is not a track; the tracks are: mentors, mentees",
    ),
    "a track without its room prompt": (
        parallel_text(
            body=(
                "## Room prompt\n\nT.\n\n## Room prompt: mentors\n\nM.\n\n"
                "## Facilitator notes\n\nN.\n\n## Debrief questions\n\n- Q?\n"
            )
        ),
        "part 'Room prompt: mentees'",
        "is missing: add a heading '## Room prompt: mentees'",
    ),
    "a track's heading with a misspelt track": (
        parallel_text(
            body=(
                "## Room prompt\n\nT.\n\n## Room prompt: mentors\n\nM.\n\n"
                "## Room prompt: mentees\n\nE.\n\n## Facilitator notes: mentes\n\nN.\n\n"
                "## Facilitator notes\n\nN.\n\n## Debrief questions\n\n- Q?\n"
            )
        ),
        "heading '## Facilitator notes: mentes'",
        "'mentes' is not a track (did you mean 'mentees'?); the tracks are: mentors, mentees",
    ),
    "a track's prompt in an exercise without tracks": (
        parallel_text(
            drop=("tracks",),
            body=(
                "## Room prompt\n\nT.\n\n## Room prompt: mentors\n\nM.\n\n"
                "## Facilitator notes\n\nN.\n\n## Debrief questions\n\n- Q?\n"
            ),
        ),
        "part 'Room prompt: mentors'",
        "is for an exercise with parallel tracks: add 'tracks:'",
    ),
    "a track's step without minutes": (
        parallel_text(
            tracks={
                "mentors": {"steps": [{"name": "Alone"}, *one_two_four_all("mentors")[1:]]},
                "mentees": {"steps": one_two_four_all("mentees")},
            }
        ),
        "tracks.mentors.steps[1].minutes",
        "is missing: give every step its minutes",
    ),
    "a track with no steps": (
        parallel_text(
            tracks={"mentors": {"steps": []}, "mentees": {"steps": one_two_four_all("mentees")}}
        ),
        "tracks.mentors.steps",
        "must be a list of the track's timed steps",
    ),
    "a track field that is not steps": (
        parallel_text(
            tracks={
                "mentors": {"steps": one_two_four_all("mentors"), "minutes": 12},
                "mentees": {"steps": one_two_four_all("mentees")},
            }
        ),
        "tracks.mentors.minutes",
        "is not a track field; a track has: steps",
    ),
    "tracks for one audience only": (
        parallel_text(audience="mentors"),
        "audience",
        "is 'mentors', but an exercise with tracks is for everyone",
    ),
    "tracks without a together part": (
        parallel_text(drop=("steps",)),
        "steps",
        "is missing: after the tracks comes the together part",
    ),
    "tracks and together part longer than the exercise": (
        parallel_text(minutes=15),
        "steps",
        "take 18 minutes (the tracks' 12 + 3 + 3) but the exercise has 15",
    ),
}


@pytest.mark.parametrize("case", list(BAD_TRACKS), ids=list(BAD_TRACKS))
def test_check_content_refuses_bad_tracks_with_file_and_field(tmp_path: Path, case: str) -> None:
    text, field, message = BAD_TRACKS[case]
    problem = only_problem(check_content(write(tmp_path / "content", text)))
    assert (problem.path.name, problem.field) == ("apart.md", field)
    assert message in problem.message
    assert str(problem).startswith(str(problem.path)) and f": {field}: " in str(problem)


def test_a_step_without_minutes_is_a_problem_not_a_step_that_vanishes(tmp_path: Path) -> None:
    """Before, a step with a name and no minutes was dropped without a word: the timer
    never showed it, and check-content said the library was valid."""
    text = parallel_text(drop=("tracks",), steps=[{"name": "Pairs"}, {"name": "All", "minutes": 3}])
    body = "## Room prompt\n\nT.\n\n## Facilitator notes\n\nN.\n\n## Debrief questions\n\n- Q?\n"
    text = text[: text.index("## Room prompt")] + body
    problem = only_problem(check_content(write(tmp_path / "content", text)))
    assert problem.field == "steps[1].minutes" and "is missing" in problem.message


def test_the_shipped_parallel_exercise_fills_each_tracks_own_minutes() -> None:
    """expectations-aligned: 1-2-4-All in each group (its classic 1, 2, 4 and 5 minutes at
    the exercise's own 18), then together; the text says the minutes the timer counts."""
    workshop = Workshop(id="w", program="Accelerate", organisation="Northwind", date="2027-01-19")
    exercise = load_library().exercise("expectations-aligned")
    assert [t.name for t in exercise.tracks] == ["mentors", "mentees"]
    assert [s.minutes for s in exercise.timeline()] == [1, 2, 4, 5, 3, 3]
    (_, mentors), (_, mentees) = track_prompts(exercise, workshop)
    for prompt in (mentors, mentees):
        assert "**Alone** (1 minute)" in prompt and "**In fours** (4 minutes)" in prompt
    assert "(5 minutes): each four says" in mentors
    # Shortened to 15 by an agenda: the text follows the timer.
    timeline = exercise.timeline(15)
    lines = dict(track_timelines(timeline))
    (_, mentors), _ = track_prompts(exercise, workshop, minutes=15)
    for i, step in enumerate(lines["mentors"], start=1):
        assert f"({_minutes(step.minutes)})" in mentors, i
    together = room_text(exercise.room_prompt, workshop, exercise=exercise, minutes=15)
    assert f"({_minutes(timeline[-2].minutes)})" in together
    notes = notes_text(exercise, workshop, minutes=15)
    assert "For the mentees' group" in notes and "{{" not in notes


def _minutes(m: float) -> str:
    return duration_text(m)


def test_a_tracks_text_counts_the_tracks_own_steps(tmp_path: Path) -> None:
    text = parallel_text().replace(
        "What do you expect of your mentee?",
        "Alone for {{ step_1_minutes }}, then {{ step_5_minutes }}.",
    )
    problem = only_problem(check_content(write(tmp_path / "content", text)))
    assert problem.field == "part 'Room prompt: mentors'"
    assert "'{{ step_5_minutes }}' names step 5, but the exercise has 4 steps" in problem.message
