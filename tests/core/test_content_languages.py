"""The exercise library in more than one language: `<lang>/` folders of translations, each
checked against its English file, loaded for a workshop's language with English standing in
(and marked) for what a language lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_content import exercise_text, only_problem, write
from workshop_app.core.content.library import (
    check_content,
    content_coverage,
    fill_placeholders,
    load_library,
)
from workshop_app.core.errors import UserError
from workshop_app.core.model import Workshop
from workshop_app.core.runner.room_text import room_text
from workshop_app.resources import shipped_dir

SHIPPED = shipped_dir("exercises")
ITALIAN_BODY = (
    "## Room prompt\n\nAscoltare senza risolvere per {{ step_1_minutes }}.\n\n"
    "## Facilitator notes\n\nOsservare i consigli.\n\n"
    "## Debrief questions\n\n- Che cosa ha aiutato?\n- Che cosa ha ostacolato?\n"
)
ENGLISH_BODY = (
    "## Room prompt\n\nListen without fixing for {{ step_1_minutes }}.\n\n"
    "## Facilitator notes\n\nWatch for advice.\n\n"
    "## Debrief questions\n\n- What helped?\n- What got in the way?\n"
)


def folder_with_translation(tmp_path: Path, **italian: object) -> Path:
    header = {"title": "Esercizio di ascolto", "steps": [{"name": "Esercitarsi", "minutes": 8}]}
    header.update(italian)
    return write(
        tmp_path / "ours",
        {
            "drill.md": exercise_text(body=ENGLISH_BODY),
            "it/drill.md": exercise_text(header, body=ITALIAN_BODY),
        },
    )


@pytest.mark.parametrize("tag", ["it", "it-IT", "it-CH", "it_IT"])
def test_the_library_in_italian_has_the_italian_files(tag: str) -> None:
    library = load_library(language=tag)
    assert library.language == "it"
    sbi = library.exercise("feedback-sbi")
    assert sbi.title.startswith("Dare e ricevere feedback")
    assert (sbi.language, sbi.fallback) == ("it", False)
    assert sbi.source == SHIPPED / "it" / "feedback-sbi.md"
    assert sbi.steps[2].roles == ("chi dà il feedback", "chi lo riceve")
    # An agenda in Italian: its own words, and the titles of the exercises in Italian.
    agenda = library.agenda("half-day-launch")
    assert agenda.title == "Workshop di avvio di mezza giornata" and not agenda.fallback
    titles = {item.exercise_id: item.title for item in agenda.items}
    assert titles["active-listening-triads"] == "Ascolto attivo in gruppi di tre"
    assert "Pausa caffè" in [item.title for item in agenda.items if item.is_break]


def test_an_exercise_without_italian_falls_back_to_english_marked(tmp_path: Path) -> None:
    # Every shipped exercise has its Italian now: an organisation's own exercise has none.
    ours = write(tmp_path / "ours", {"drill.md": exercise_text(body=ENGLISH_BODY)})
    drill = load_library(extra_dirs=[ours], language="it").exercise("listening-drill")
    english = load_library(extra_dirs=[ours]).exercise("listening-drill")
    assert drill.title == english.title
    assert (drill.language, drill.fallback) == ("en", True)
    # A fallback exercise reads in English throughout, in an Italian workshop too.
    workshop = Workshop(id="w", program="P", organisation="A", date="2027-01-19", language="it")
    text = room_text(drill.room_prompt, workshop, exercise=drill)
    assert "minutes" in text and "minuti" not in text
    # In English no exercise is a fallback; German has no files, so every one is.
    assert not any(e.fallback for e in load_library(language="en-GB").exercises.values())
    german = load_library(language="de")
    assert all(e.fallback and e.language == "en" for e in german.exercises.values())
    assert all(a.fallback for a in german.agendas.values())


def test_minutes_and_neutral_words_come_in_the_language_of_the_text() -> None:
    library = load_library(language="it")
    triads = library.exercise("active-listening-triads")
    assert triads.minutes_values(15)["step_2_phase_1_minutes"] == "2½ minuti"
    assert triads.timeline()[0].minutes == 4
    workshop = Workshop(
        id="w", program="Crescere insieme", organisation="Acme", date="2027-01-19", language="it-IT"
    )
    review = library.exercise("charter-review-and-sign")
    prompt = room_text(review.room_prompt, workshop, exercise=review, minutes=10)
    assert "con il nostro sponsor (o un" in prompt  # the sponsor is not set
    assert "la conserva lo staff del programma" in prompt  # nor who keeps the Program's copy
    assert "3 minuti" in prompt
    assert fill_placeholders("{{ sponsor }}", language="it") == "il nostro sponsor"
    assert fill_placeholders("{{ sponsor }}") == "our executive sponsor"


def test_an_organisation_folder_translates_and_replaces_by_id(tmp_path: Path) -> None:
    ours = folder_with_translation(tmp_path)
    assert check_content(SHIPPED, ours) == []
    library = load_library(extra_dirs=[ours], language="it")
    assert library.exercise("listening-drill").title == "Esercizio di ascolto"
    assert load_library(extra_dirs=[ours]).exercise("listening-drill").title == "Listening drill"
    # An organisation's own English file with a shipped id replaces the shipped translation
    # too: that translation is of another exercise.
    write(ours, {"feedback-sbi.md": exercise_text({"id": "feedback-sbi", "title": "Our SBI"})})
    sbi = load_library(extra_dirs=[ours], language="it").exercise("feedback-sbi")
    assert (sbi.title, sbi.fallback) == ("Our SBI", True)


@pytest.mark.parametrize(
    ("italian", "field", "says"),
    [
        ({"minutes": 12}, "minutes", "is 12 but the English drill.md has 10"),
        ({"kind": "expectations"}, "kind", "'expectations'"),
        ({"captures": ["goals"]}, "captures", "[goals]"),
        (
            {"steps": [{"name": "A", "minutes": 4}, {"name": "B", "minutes": 4}]},
            "steps",
            "has 2 steps but the English drill.md has 1",
        ),
        (
            {"steps": [{"name": "Esercitarsi", "minutes": 4, "repeat": 2}]},
            "steps[1].repeat",
            "is 2 but the English drill.md has 1",
        ),
        ({"id": "ascolto"}, "id", "'ascolto' is not an exercise of the library in English"),
    ],
)
def test_a_translation_that_changes_the_structure_is_a_problem_with_file_and_field(
    tmp_path: Path, italian: dict[str, object], field: str, says: str
) -> None:
    ours = folder_with_translation(tmp_path, **italian)
    problems = check_content(ours)
    assert all(p.path == ours / "it" / "drill.md" for p in problems)
    problem = next(p for p in problems if p.field == field)
    assert says in problem.message
    # The English library is not held up by it; the Italian one is refused.
    assert load_library(extra_dirs=[ours]).exercise("listening-drill")
    with pytest.raises(UserError, match=r"drill\.md"):
        load_library(extra_dirs=[ours], language="it")


def test_a_translation_keeps_the_placeholders_and_refuses_italian_fixed_minutes(
    tmp_path: Path,
) -> None:
    lost = ITALIAN_BODY.replace("per {{ step_1_minutes }}", "per {{ minutes }}")
    ours = write(
        tmp_path / "ours",
        {"drill.md": exercise_text(body=ENGLISH_BODY), "it/drill.md": exercise_text(body=lost)},
    )
    problem = only_problem(check_content(ours))
    assert problem.field == "placeholders"
    assert (
        "lacks {{ step_1_minutes }}" in problem.message and "adds {{ minutes }}" in problem.message
    )
    fixed = ITALIAN_BODY.replace("{{ step_1_minutes }}", "{{ step_1_minutes }}, circa 8 minuti")
    write(ours, {"it/drill.md": exercise_text(body=fixed)})
    problem = only_problem(check_content(ours))
    assert (
        problem.field == "part 'Room prompt'" and "'8 minuti' is a fixed length" in problem.message
    )


def test_an_agenda_translation_keeps_its_items_and_total(tmp_path: Path) -> None:
    english = (SHIPPED / "agendas" / "relaunch.yaml").read_text(encoding="utf-8")
    italian = (SHIPPED / "it" / "agendas" / "relaunch.yaml").read_text(encoding="utf-8")
    ours = write(
        tmp_path / "ours",
        {
            "agendas/relaunch.yaml": english,
            "it/agendas/relaunch.yaml": italian.replace(
                "minutes: 25\n", "minutes: 20\n", 1
            ).replace("total_minutes: 110", "total_minutes: 105"),
        },
    )
    problems = check_content(SHIPPED, ours)
    fields = sorted(p.field for p in problems)
    assert fields == ["items[2]", "total_minutes"], "\n".join(map(str, problems))
    assert all(p.path == ours / "it" / "agendas" / "relaunch.yaml" for p in problems)


def test_coverage_says_which_exercises_each_language_lacks(tmp_path: Path) -> None:
    report = {c.language: c for c in content_coverage()}
    assert set(report) == {"it", "de", "fr"}
    assert "feedback-sbi" in report["it"].exercises
    assert report["it"].missing_exercises == ()  # every shipped exercise has its Italian
    assert len(report["it"].agendas) == 4 and report["it"].missing_agendas == ()
    assert report["de"].exercises == () and len(report["de"].missing_exercises) >= 43
    # A language the app is not translated into counts once a folder has it.
    ours = write(tmp_path / "ours", {"es/README.txt": "pronto"})
    assert "es" in {c.language for c in content_coverage(SHIPPED, ours)}
