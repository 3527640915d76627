"""The exercise library: the shipped content is valid and substantial, the validator explains
every mistake a trainer is likely to make, and an organisation's folder adds and replaces."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from workshop_app.core import charter_fields
from workshop_app.core.content.library import (
    KINDS,
    PLACEHOLDERS,
    ContentProblem,
    Step,
    check_content,
    check_library,
    exercise_files,
    fill_placeholders,
    load_library,
)
from workshop_app.core.errors import UserError
from workshop_app.resources import shipped_dir

SHIPPED = shipped_dir("exercises")

# ---------------------------------------------------------------------------------------------
# Helpers that write small content folders


def exercise_text(
    header: dict[str, Any] | None = None, body: str | None = None, **fields: Any
) -> str:
    """A valid skills exercise, with header fields replaced or removed (value None)."""
    meta: dict[str, Any] = {
        "id": "listening-drill",
        "title": "Listening drill",
        "kind": "skills",
        "minutes": 10,
        "format": "pairs",
        "audience": "everyone",
        "captures": ["feedback_method"],
        "steps": [{"name": "Practise", "minutes": 8}],
    }
    meta.update(header or {})
    meta.update(fields)
    meta = {k: v for k, v in meta.items() if v is not None}
    if body is None:
        body = (
            "## Room prompt\n\nListen without fixing.\n\n"
            "## Facilitator notes\n\nWatch for advice.\n\n"
            "## Debrief questions\n\n- What helped?\n- What got in the way?\n"
        )
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n\n" + body


SCENARIO_BODY = (
    "## Room prompt\n\nA partner goes quiet.\n\n"
    "## Situation\n\nAmira stops replying to Ben.\n\n"
    "## What tends to go wrong\n\nBen gives up.\n\n"
    "## Plan prompts\n\n- What counts as quiet?\n\n"
    "## What good plans look like\n\n- If one of us goes quiet, we will phone.\n\n"
    "## Facilitator notes\n\nKeep it light.\n\n"
    "## Debrief questions\n\n- Why might Amira go quiet?\n"
)


def scenario_text(**fields: Any) -> str:
    base = {"id": "scenario-quiet", "title": "Quiet", "kind": "scenario", "steps": None}
    base["captures"] = ["troubleshooting"]
    base.update(fields)
    return exercise_text(base, SCENARIO_BODY)


def agenda_text(**fields: Any) -> str:
    data: dict[str, Any] = {
        "id": "short-launch",
        "title": "Short launch",
        "total_minutes": 25,
        "items": [
            {"exercise": "listening-drill"},
            {"break": "Coffee break", "minutes": 5},
            {"exercise": "listening-drill", "minutes": 10},
        ],
    }
    data.update(fields)
    return yaml.safe_dump({k: v for k, v in data.items() if v is not None}, sort_keys=False)


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def only_problem(problems: list[ContentProblem]) -> ContentProblem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


# ---------------------------------------------------------------------------------------------
# The shipped library


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_every_shipped_file_passes_the_validator() -> None:
    problems = check_content(SHIPPED)
    assert problems == [], "\n".join(map(str, problems))
    assert check_content() == []


def test_the_shipped_library_has_the_content_the_workshop_needs(library) -> None:
    expected = {
        "welcome-and-endorsement",
        "program-purpose",
        "roles-and-responsibilities",
        "success-and-measurement",
        "support-who-to-call",
        "active-listening-triads",
        "powerful-questions-grow",
        "feedback-sbi",
        "smart-goals",
        "first-meeting-planning",
        "troubleshooting-round",
        "charter-drafting",
        "charter-review-and-sign",
        "evaluation-and-close",
    }
    assert expected <= set(library.exercises)
    assert {e.kind for e in library.exercises.values()} == set(KINDS)
    assert set(library.agendas) == {
        "half-day-launch",
        "express-launch",
        "relaunch",
        "half-day-remote",
    }


def test_at_least_twelve_scenarios_cover_every_situation_in_the_brief(library) -> None:
    scenarios = library.scenarios()
    assert len(scenarios) >= 12
    assert all(s.kind == "scenario" for s in scenarios)
    assert [s.title.casefold() for s in scenarios] == sorted(s.title.casefold() for s in scenarios)
    titles = " | ".join(s.title.lower() for s in scenarios)
    for topic in (
        "cancellation",
        "too busy",
        "silent",
        "different worlds",
        "stalled goals",
        "lectures",
        "confidentiality",
        "find me a job",
        "boundary",
        "lateness",
        "re-match",
        "more help",
    ):
        assert topic in titles, topic


def test_every_scenario_is_complete_and_feeds_the_troubleshooting_plans(library) -> None:
    for s in library.scenarios():
        assert "troubleshooting" in s.captures, s.id
        assert len(s.situation) > 400, s.id
        assert s.what_goes_wrong and s.room_prompt and s.facilitator_notes, s.id
        assert len(s.plan_prompts) >= 3, s.id
        assert len(s.good_plans) >= 2, s.id
        # Each example fills the charter's two columns: "If this happens" / "we will ...".
        assert all(p.startswith("If ") and " will " in p for p in s.good_plans), s.id
        assert len(s.debrief_questions) >= 2, s.id


def test_every_capture_names_a_real_charter_field(library) -> None:
    for exercise in library.exercises.values():
        assert set(exercise.captures) <= charter_fields.CAPTURE_NAMES, exercise.id
    assert "goals" in library.exercise("smart-goals").captures
    assert "meetings" in library.exercise("first-meeting-planning").captures
    assert "first_meeting" in library.exercise("charter-review-and-sign").captures
    assert "feedback_method" in library.exercise("feedback-sbi").captures


def test_shipped_exercises_are_substantial_and_room_prompts_fit_a_projector(library) -> None:
    for e in library.exercises.values():
        assert len(e.facilitator_notes) > (500 if e.is_scenario else 800), e.id
        prompt_lines = [line for line in e.room_prompt.splitlines() if line.strip()]
        assert 2 <= len(prompt_lines) <= 18, e.id
        assert e.steps, e.id
        assert e.steps_minutes <= e.minutes, e.id
        assert e.summary, e.id


def test_the_active_listening_triads_rotate_three_timed_rounds(library) -> None:
    exercise = library.exercise("active-listening-triads")
    assert exercise.format == "triads"
    rounds = [s for s in exercise.steps if s.repeat > 1]
    assert len(rounds) == 1
    step = rounds[0]
    assert step.repeat == 3
    assert step.roles == ("speaker", "listener", "observer")
    assert [p.minutes for p in step.phases] == [5, 2]

    segments = exercise.timeline()
    assert sum(s.minutes for s in segments) == 30
    speaking = [s for s in segments if s.rounds == 3 and s.phase.startswith("The speaker")]
    assert [s.round for s in speaking] == [1, 2, 3]
    assert speaking[0].label == "Listening round (1 of 3): The speaker talks, the listener listens"
    assert speaking[0].roles_text == "A: speaker · B: listener · C: observer"
    # Over the three rounds, each person has each role exactly once.
    for person in "ABC":
        roles = {dict(s.roles)[person] for s in speaking}
        assert roles == {"speaker", "listener", "observer"}


def test_agendas_add_up(library) -> None:
    half_day = library.agenda("half-day-launch")
    express = library.agenda("express-launch")
    for agenda in (half_day, express):
        assert agenda.planned_minutes == agenda.total_minutes
        for item in agenda.items:
            if item.is_break:
                assert item.exercise_id is None
                continue
            exercise = library.exercise(item.exercise_id or "")
            assert item.title == exercise.title
            # Shortened exercises still run: the timed steps fit the agenda's minutes.
            assert sum(s.minutes for s in exercise.timeline(item.minutes)) <= item.minutes
    assert half_day.total_minutes == 210
    assert sum(1 for i in half_day.items if i.is_break) >= 2
    assert express.total_minutes == 90
    express_ids = {i.exercise_id for i in express.items} - {None}
    half_day_ids = {i.exercise_id for i in half_day.items} - {None}
    assert express_ids <= half_day_ids
    assert any(i.minutes < library.exercise(i.exercise_id or "").minutes for i in express.items)


def test_a_shortened_exercise_shrinks_its_steps_in_proportion(library) -> None:
    smart = library.exercise("smart-goals")
    assert smart.minutes == 25
    full = smart.timeline()
    short = smart.timeline(12)
    assert [s.step for s in short] == [s.step for s in full]
    assert sum(s.minutes for s in short) == 12
    assert all(s.minutes >= 0.5 and (s.minutes * 2).is_integer() for s in short)
    # The longest step stays the longest.
    assert max(short, key=lambda s: s.minutes).step == max(full, key=lambda s: s.minutes).step
    # More minutes than the steps need leaves the steps as they are, but the last, which
    # ends with the exercise as the runner counts it down.
    longer = smart.timeline(40)
    assert longer[:-1] == full[:-1]
    assert longer[-1].minutes == full[-1].minutes + 15


def test_the_readme_is_documentation_not_an_exercise() -> None:
    assert (SHIPPED / "README.md").is_file()
    assert all(p.name != "README.md" for p in exercise_files(SHIPPED))


def test_shipped_files_are_readable_by_python_frontmatter(library) -> None:
    for exercise in library.exercises.values():
        post = frontmatter.load(str(exercise.source))
        assert post.metadata["id"] == exercise.id
        assert exercise.source.stem == exercise.id


def test_placeholders_are_filled_from_the_program_context(library) -> None:
    welcome = library.exercise("welcome-and-endorsement")
    assert "{{sponsor}}" in welcome.room_prompt
    filled = fill_placeholders(welcome.room_prompt, {"sponsor": "Dana Smith, COO"})
    assert "Dana Smith, COO" in filled
    assert "{{" not in filled
    # Unset values fall back to neutral words or a visible reminder.
    assert PLACEHOLDERS["program"][1] in fill_placeholders("{{ program }}")
    assert fill_placeholders("{{ unknown }}") == "{{ unknown }}"


def test_roles_rotate_one_place_each_round() -> None:
    step = Step("Practise", 3, repeat=2, roles=("giver", "receiver"))
    assert step.roles_for_round(1) == (("A", "giver"), ("B", "receiver"))
    assert step.roles_for_round(2) == (("A", "receiver"), ("B", "giver"))
    assert step.roles_for_round(3, ["Ann", "Bo"]) == (("Ann", "giver"), ("Bo", "receiver"))
    assert Step("Talk", 5).roles_for_round(1) == ()
    with pytest.raises(ValueError):
        step.roles_for_round(0)


def test_library_lookups_explain_a_wrong_id(library) -> None:
    with pytest.raises(UserError, match="did you mean 'smart-goals'"):
        library.exercise("smart-goal")
    with pytest.raises(UserError, match="no agenda 'full-day'"):
        library.agenda("full-day")


# ---------------------------------------------------------------------------------------------
# Malformed files: each gives a message naming the file, the field and what is expected

MALFORMED = {
    "unknown kind": (
        {"x.md": exercise_text(kind="workshop")},
        "x.md",
        "kind",
        "'workshop' is not a known kind; expected one of: expectations, skills, scenario",
    ),
    "missing part": (
        {"x.md": exercise_text(body="## Room prompt\n\nHi.\n\n## Debrief questions\n\n- Q?\n")},
        "x.md",
        "part 'Facilitator notes'",
        "is missing: add a heading '## Facilitator notes'",
    ),
    "scenario without its situation": (
        {
            "x.md": exercise_text(
                {"kind": "scenario", "captures": ["troubleshooting"]},
                SCENARIO_BODY.replace("## Situation\n\nAmira stops replying to Ben.\n\n", ""),
            )
        },
        "x.md",
        "part 'Situation'",
        "is missing (every scenario needs one)",
    ),
    "capture that is not a charter field": (
        {"x.md": exercise_text(captures=["goals", "goal_setting"])},
        "x.md",
        "captures",
        "'goal_setting' is not a charter section or field; valid names include: purpose, goals",
    ),
    "YAML that does not parse": (
        {"x.md": "---\nid: x\ntitle: Drafting: the charter\nkind: skills\n---\n\n## Room prompt\n"},
        "x.md",
        "front matter",
        "is not valid YAML at line 3",
    ),
    "no front matter": (
        {"x.md": "# Listening\n\n## Room prompt\n\nHello\n"},
        "x.md",
        "front matter",
        "is missing: the file must begin with a line '---'",
    ),
    "front matter never closed": (
        {"x.md": "---\nid: x\ntitle: X\n\n## Room prompt\n"},
        "x.md",
        "front matter",
        "is not closed",
    ),
    "front matter that is not fields": (
        {"x.md": "---\n- id\n- title\n---\n\n## Room prompt\n\nHi\n"},
        "x.md",
        "front matter",
        "must be header fields written as 'name: value' lines",
    ),
    "bad id": (
        {"x.md": exercise_text(id="Smart Goals")},
        "x.md",
        "id",
        "'Smart Goals' is not a valid id: use lower-case letters, digits and hyphens",
    ),
    "minutes not a positive number": (
        {"x.md": exercise_text(minutes=0, steps=None)},
        "x.md",
        "minutes",
        "must be a number of minutes above 0, not 0",
    ),
    "minutes written as text": (
        {"x.md": exercise_text(minutes="ten", steps=None)},
        "x.md",
        "minutes",
        "must be a number of minutes above 0, not 'ten'",
    ),
    "steps longer than the exercise": (
        {
            "x.md": exercise_text(
                steps=[
                    {"name": "Intro", "minutes": 2},
                    {"name": "Round", "minutes": 4, "repeat": 3},
                ]
            )
        },
        "x.md",
        "steps",
        "take 14 minutes (2 + 3 × 4) but the exercise has 10",
    ),
    "unknown format": (
        {"x.md": exercise_text(format="groups")},
        "x.md",
        "format",
        "'groups' is not a known format; expected one of: plenary, pairs, triads, individual",
    ),
    "unknown audience": (
        {"x.md": exercise_text(audience="managers")},
        "x.md",
        "audience",
        "expected one of: everyone, mentors, mentees",
    ),
    "missing required field": (
        {"x.md": exercise_text(title=None)},
        "x.md",
        "title",
        "is missing from the front matter",
    ),
    "misspelt header field": (
        {"x.md": exercise_text(captrues=["goals"])},
        "x.md",
        "captrues",
        "is not a header field (did you mean 'captures'?); the fields are: id, title, kind, "
        "minutes, format, audience, summary, captures, steps, materials",
    ),
    "endless minutes (YAML's .inf)": (
        {"x.md": exercise_text(minutes=float("inf"))},
        "x.md",
        "minutes",
        "must be a number of minutes above 0, not inf",
    ),
    "an agenda of endless minutes": (
        {
            "x.md": exercise_text(),
            "agendas/a.yaml": agenda_text(total_minutes=float("inf")),
        },
        "a.yaml",
        "total_minutes",
        "must be a number of minutes above 0, not inf",
    ),
    "an agenda item of endless minutes": (
        {
            "x.md": exercise_text(),
            "agendas/a.yaml": agenda_text(
                total_minutes=10, items=[{"exercise": "listening-drill", "minutes": float("inf")}]
            ),
        },
        "a.yaml",
        "items[1].minutes",
        "must be a number of minutes above 0, not inf",
    ),
    "misspelt step field": (
        {"x.md": exercise_text(steps=[{"name": "Practise", "minutes": 8, "repeats": 2}])},
        "x.md",
        "steps[1].repeats",
        "is not a step field (did you mean 'repeat'?); a step has: name, minutes, repeat, "
        "roles, phases",
    ),
    "misspelt agenda field": (
        {"x.md": exercise_text(), "agendas/a.yaml": agenda_text(descripion="Short")},
        "a.yaml",
        "descripion",
        "is not an agenda field (did you mean 'description'?); the fields are: id, title, "
        "total_minutes, items, description",
    ),
    "misspelt agenda item field": (
        {
            "x.md": exercise_text(),
            "agendas/a.yaml": agenda_text(
                total_minutes=10, items=[{"exercise": "listening-drill", "minute": 10}]
            ),
        },
        "a.yaml",
        "items[1].minute",
        "is not an item field (did you mean 'minutes'?); an item has 'exercise' or 'break', "
        "and 'minutes'",
    ),
    "debrief that is not a bullet list": (
        {
            "x.md": exercise_text(
                body=(
                    "## Room prompt\n\nHi\n\n## Facilitator notes\n\nNotes\n\n"
                    "## Debrief questions\n\nWhat helped? What did not?\n"
                )
            )
        },
        "x.md",
        "part 'Debrief questions'",
        "must be a bullet list, one item per '- ' line",
    ),
    "misspelt part heading": (
        {
            "x.md": exercise_text(
                body=(
                    "## Room promt\n\nHi\n\n## Room prompt\n\nHi\n\n## Facilitator notes\n\nN\n\n"
                    "## Debrief questions\n\n- Q?\n"
                )
            )
        },
        "x.md",
        "heading '## Room promt'",
        "is not a part name (did you mean 'Room prompt'?)",
    ),
    "empty part": (
        {
            "x.md": exercise_text(
                body=(
                    "## Room prompt\n\n## Facilitator notes\n\nN\n\n## Debrief questions\n\n- Q?\n"
                )
            )
        },
        "x.md",
        "part 'Room prompt'",
        "is empty",
    ),
    "scenario that does not capture troubleshooting": (
        {"x.md": scenario_text(captures=["boundaries"])},
        "x.md",
        "captures",
        "must include 'troubleshooting'",
    ),
    "unknown placeholder": (
        {
            "x.md": exercise_text(
                body=(
                    "## Room prompt\n\nWelcome to {{programme}}\n\n## Facilitator notes\n\nN\n\n"
                    "## Debrief questions\n\n- Q?\n"
                )
            )
        },
        "x.md",
        "part 'Room prompt'",
        "'{{programme}}' is not a placeholder the app knows",
    ),
    "a single role cannot rotate": (
        {
            "x.md": exercise_text(
                steps=[{"name": "Round", "minutes": 3, "repeat": 2, "roles": ["speaker"]}]
            )
        },
        "x.md",
        "steps[1].roles",
        "must name at least two roles",
    ),
    "phases that disagree with the step's minutes": (
        {
            "x.md": exercise_text(
                steps=[
                    {
                        "name": "Round",
                        "minutes": 5,
                        "phases": [
                            {"name": "Talk", "minutes": 3},
                            {"name": "Feedback", "minutes": 1},
                        ],
                    }
                ]
            )
        },
        "x.md",
        "steps[1].minutes",
        "is 5 but its phases add up to 4",
    ),
    "duplicate id in one folder": (
        {"a.md": exercise_text(), "b.md": exercise_text()},
        "b.md",
        "id",
        "'listening-drill' is already used by a.md",
    ),
    "agenda naming a missing exercise": (
        {
            "x.md": exercise_text(),
            "agendas/a.yaml": agenda_text(
                total_minutes=20,
                items=[
                    {"exercise": "listening-drill"},
                    {"exercise": "listening-dril", "minutes": 10},
                ],
            ),
        },
        "a.yaml",
        "items[2].exercise",
        "names 'listening-dril', which is not in the exercise library "
        "(did you mean 'listening-drill'?)",
    ),
    "agenda whose minutes do not add up": (
        {"x.md": exercise_text(), "agendas/a.yaml": agenda_text(total_minutes=30)},
        "a.yaml",
        "total_minutes",
        "says 30 minutes but the items add up to 25",
    ),
    "agenda YAML that does not parse": (
        {"x.md": exercise_text(), "agendas/a.yaml": "id: a\ntitle: A\nitems:\n  - exercise: [x\n"},
        "a.yaml",
        "agenda",
        "is not valid YAML at line 5",
    ),
    "agenda item that is both an exercise and a break": (
        {
            "x.md": exercise_text(),
            "agendas/a.yaml": agenda_text(
                total_minutes=5,
                items=[{"exercise": "listening-drill", "break": "Lunch", "minutes": 5}],
            ),
        },
        "a.yaml",
        "items[1]",
        "must have exactly one of 'exercise: ID' or 'break: TITLE'",
    ),
    "break without minutes": (
        {
            "x.md": exercise_text(),
            "agendas/a.yaml": agenda_text(
                total_minutes=10, items=[{"exercise": "listening-drill"}, {"break": "Coffee break"}]
            ),
        },
        "a.yaml",
        "items[2].minutes",
        "is missing: say how long the break is",
    ),
    "agenda without a total": (
        {"x.md": exercise_text(), "agendas/a.yaml": agenda_text(total_minutes=None)},
        "a.yaml",
        "total_minutes",
        "is missing",
    ),
    "agenda shortening an exercise below its timed rounds": (
        {
            "x.md": exercise_text(
                minutes=30,
                steps=[
                    {
                        "name": "Round",
                        "repeat": 6,
                        "phases": [
                            {"name": "Talk", "minutes": 4},
                            {"name": "Feedback", "minutes": 1},
                        ],
                    }
                ],
            ),
            "agendas/a.yaml": agenda_text(
                total_minutes=4, items=[{"exercise": "listening-drill", "minutes": 4}]
            ),
        },
        "a.yaml",
        "items[1].minutes",
        "gives 'listening-drill' 4 minutes, too few for its timed steps",
    ),
}


@pytest.mark.parametrize("case", list(MALFORMED), ids=list(MALFORMED))
def test_malformed_content_gives_a_clear_message(tmp_path: Path, case: str) -> None:
    files, file_name, field, message = MALFORMED[case]
    folder = write(tmp_path / "content", files)
    # Each example has one mistake, reported once, without knock-on complaints.
    problem = only_problem(check_content(folder))
    assert (problem.path.name, problem.field) == (file_name, field)
    assert message in problem.message
    assert str(problem).startswith(str(problem.path))


def test_the_valid_examples_used_above_are_valid(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        {
            "drill.md": exercise_text(),
            "quiet.md": scenario_text(),
            "agendas/short.yaml": agenda_text(),
        },
    )
    assert check_content(folder) == []


def test_yaml_errors_name_the_line_in_the_file(tmp_path: Path) -> None:
    text = "\n\n---\nid: x\ntitle: X\nkind: [skills\n---\n"
    problem = only_problem(check_content(write(tmp_path, {"x.md": text})))
    assert problem.line == 7
    assert str(problem).startswith(f"{tmp_path / 'x.md'}:7: front matter: is not valid YAML")


def test_a_problem_reads_file_field_message() -> None:
    problem = ContentProblem(Path("exercises/x.md"), "kind", "'workshop' is not a kind")
    assert str(problem) == "exercises/x.md: kind: 'workshop' is not a kind"


def test_headings_are_matched_loosely(tmp_path: Path) -> None:
    body = (
        "# Listening drill\n\n"
        "##   ROOM PROMPT  \n\nHi\n\n"
        "## Facilitator’s notes:\n\n### Timing\n\n{{ minutes }}.\n\n"
        "```\n## not a heading inside code\n```\n\n"
        "## debrief questions\n\n- What helped, and\n  what did not?\n* Why?\n1. And then?\n"
    )
    folder = write(tmp_path, {"x.md": exercise_text(body=body)})
    assert check_content(folder) == []
    library = load_library(extra_dirs=[folder])
    exercise = library.exercise("listening-drill")
    assert exercise.room_prompt == "Hi"
    assert "### Timing" in exercise.facilitator_notes
    assert "## not a heading inside code" in exercise.facilitator_notes
    assert exercise.debrief_questions == ("What helped, and what did not?", "Why?", "And then?")


def test_a_missing_folder_is_a_problem(tmp_path: Path) -> None:
    problem = only_problem(check_content(tmp_path / "nowhere"))
    assert problem.field == "folder"


def test_non_utf8_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_bytes(exercise_text().encode("utf-8") + "é".encode("latin-1"))
    problem = only_problem(check_content(tmp_path))
    assert problem.field == "file" and "UTF-8" in problem.message


# ---------------------------------------------------------------------------------------------
# An organisation's own folder


def test_an_organisation_folder_replaces_and_adds_by_id(tmp_path: Path) -> None:
    org = write(
        tmp_path / "acme",
        {
            # Replaces the shipped SMART goals exercise (same id, different file name).
            "our-goals.md": exercise_text(
                id="smart-goals",
                title="Goals the Acme way",
                minutes=30,
                captures=["goals"],
                steps=[{"name": "Draft", "minutes": 25}],
            ),
            # A new exercise of its own.
            "acme-values.md": exercise_text(
                id="acme-values", title="Our values in mentoring", kind="expectations"
            ),
            # A new agenda that mixes shipped and own exercises.
            "agendas/acme-launch.yaml": agenda_text(
                id="acme-launch",
                title="Acme launch",
                total_minutes=55,
                items=[
                    {"exercise": "welcome-and-endorsement"},
                    {"exercise": "acme-values"},
                    {"exercise": "smart-goals"},
                    {"break": "Tea", "minutes": 5},
                ],
            ),
        },
    )
    assert check_library(extra_dirs=[org]) == []
    assert check_content(SHIPPED, org) == []
    shipped = load_library()
    library = load_library(extra_dirs=[org])

    replaced = library.exercise("smart-goals")
    assert replaced.title == "Goals the Acme way"
    assert replaced.source == org / "our-goals.md"
    assert shipped.exercise("smart-goals").title == "SMART goals"

    assert library.exercise("acme-values").kind == "expectations"
    assert set(library.exercises) == set(shipped.exercises) | {"acme-values"}

    acme = library.agenda("acme-launch")
    assert [i.title for i in acme.items] == [
        "Welcome and the sponsor's endorsement",
        "Our values in mentoring",
        "Goals the Acme way",
        "Tea",
    ]
    assert acme.planned_minutes == 55
    # The shipped agendas still add up: they state every item's minutes.
    assert (
        library.agenda("half-day-launch").planned_minutes
        == shipped.agenda("half-day-launch").total_minutes
    )
    smart = next(
        i for i in library.agenda("half-day-launch").items if i.exercise_id == "smart-goals"
    )
    assert smart.title == "Goals the Acme way"


def test_an_organisation_agenda_replaces_the_shipped_one(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        {
            "agendas/express.yaml": agenda_text(
                id="express-launch",
                title="Express, Acme style",
                total_minutes=20,
                items=[{"exercise": "welcome-and-endorsement"}, {"exercise": "program-purpose"}],
            )
        },
    )
    library = load_library(extra_dirs=[org])
    assert library.agenda("express-launch").title == "Express, Acme style"
    assert library.agenda("half-day-launch") == load_library().agenda("half-day-launch")


def test_later_folders_win_over_earlier_ones(tmp_path: Path) -> None:
    first = write(tmp_path / "first", {"x.md": exercise_text(title="First")})
    second = write(tmp_path / "second", {"x.md": exercise_text(title="Second")})
    assert check_content(first, second) == []
    library = load_library(extra_dirs=[first, second])
    assert library.exercise("listening-drill").title == "Second"


def test_an_agenda_in_an_organisation_folder_may_use_shipped_exercises(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        {
            "agendas/a.yaml": agenda_text(
                total_minutes=10, items=[{"exercise": "feedback-sbi", "minutes": 10}]
            )
        },
    )
    # On its own the folder lacks the exercise; over the shipped library it is fine.
    assert [p.field for p in check_content(org)] == ["items[1].exercise"]
    assert check_library(extra_dirs=[org]) == []


def test_load_library_refuses_broken_content_and_lists_every_problem(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        {
            "a.md": exercise_text(id="a-drill", kind="workshop"),
            "b.md": exercise_text(id="b-drill", captures=["nonsense"]),
        },
    )
    with pytest.raises(UserError) as caught:
        load_library(extra_dirs=[org])
    assert "The exercise library has 2 problems" in caught.value.message
    assert len(caught.value.details) == 2
    assert any("a.md: kind:" in d for d in caught.value.details)
    assert any("b.md: captures:" in d for d in caught.value.details)
