"""The room's handouts: one PDF each, named for what it is, printed from the content library's
own text with the program's facts and the agenda's minutes filled in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop_app.core.charter_fields import SECTIONS
from workshop_app.core.content.library import load_library
from workshop_app.core.errors import UserError
from workshop_app.core.handouts.blocks import blocks, runs, subsection
from workshop_app.core.handouts.render import chosen_handouts, write_handouts
from workshop_app.resources import shipped_dir

NAMES = [
    "Scenario cards.pdf",
    "Observer sheet.pdf",
    "GROW card.pdf",
    "SBI card.pdf",
    "SMART goal worksheet.pdf",
    "Paper charter.pdf",
    "Sign-in sheet.pdf",
]


def text_of(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from workshop_app.core.demo import create_demo

    path = tmp_path_factory.mktemp("handouts") / "demo.workshop"
    create_demo(path).close()
    return path


@pytest.fixture(scope="module")
def every_handout(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_handouts(str(demo), [], str(tmp_path_factory.mktemp("all")), [])


def test_every_handout_is_a_file_named_for_what_it_is(every_handout: list[Path]) -> None:
    assert [f.name for f in every_handout] == NAMES
    assert all(
        PdfReader(f).pages[0].mediabox.width == pytest.approx(595.28, abs=1) for f in every_handout
    )


def test_a_scenario_card_for_every_scenario_of_the_library(every_handout: list[Path]) -> None:
    library = load_library()
    scenarios = library.scenarios()
    cards = PdfReader(every_handout[0])
    assert len(cards.pages) == len(scenarios)  # one to a page
    for page, scenario in zip(cards.pages, scenarios, strict=True):
        text = " ".join((page.extract_text() or "").split())
        assert " ".join(scenario.title.split()) in text
        first_prompt = "".join(str(r["text"]) for r in runs(scenario.plan_prompts[0]))
        assert " ".join(first_prompt.split())[:40] in text
        assert "If this happens, we will" in text


def test_the_paper_charter_has_the_charters_sections(every_handout: list[Path]) -> None:
    text = text_of(every_handout[5])
    for section in SECTIONS:
        assert f"{section.number} {section.title}" in text


def test_the_observer_sheet_has_a_row_for_every_round(every_handout: list[Path]) -> None:
    text = text_of(every_handout[1])
    assert "Round 1 of 3" in text and "Round 3 of 3" in text
    assert "A: listener" in text  # who listens in round 3 (the roles rotate)


def test_only_the_handouts_asked_for(demo: Path, tmp_path: Path) -> None:
    files = write_handouts(str(demo), [], str(tmp_path), ["sign-in", "grow"])
    assert [f.name for f in files] == ["GROW card.pdf", "Sign-in sheet.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["GROW card.pdf", "Sign-in sheet.pdf"]


def test_an_unknown_name_lists_the_valid_ones() -> None:
    with pytest.raises(UserError) as error:
        chosen_handouts(["grow", "triads"])
    assert error.value.message == (
        "There is no handout 'triads': the handouts are scenarios, observer, grow, sbi, "
        "smart, charter, sign-in."
    )


def test_the_text_comes_from_the_library_with_program_facts_and_minutes(
    demo: Path, tmp_path: Path
) -> None:
    """An organisation's SBI exercise replaces the shipped one, and its card follows; its
    placeholders are filled with the program's name and the minutes the agenda gives it."""
    ours = tmp_path / "ours"
    ours.mkdir()
    source = (shipped_dir("exercises") / "feedback-sbi.md").read_text(encoding="utf-8")
    changed = source.replace(
        "# Feedback people can use: S-B-I",
        "# Feedback at {{ organisation }}: S-B-I\n\nYou have {{ minutes }} in all, "
        "{{ step_3_minutes }} for each to give.",
    )
    assert changed != source
    (ours / "feedback-sbi.md").write_text(changed, encoding="utf-8")
    (card,) = write_handouts(str(demo), [str(ours)], str(tmp_path / "out"), ["sbi"])
    sbi = load_library(extra_dirs=[ours]).exercise("feedback-sbi")
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(demo, readonly=True) as wf:
        organisation = wf.workshop().organisation
        in_agenda = [
            s.planned_minutes for s in wf.agenda.segments() if s.exercise_id == "feedback-sbi"
        ]
    # The numbers the runner's timer counts down for the agenda's minutes (the exercise's own
    # when the agenda does not run it).
    allocated = in_agenda[0] if in_agenda else sbi.minutes
    timer = sbi.timeline(allocated)
    each = next(s.minutes for s in timer if s.step == "Give and receive")
    text = text_of(card)
    assert f"Feedback at {organisation}: S-B-I" in text
    assert f"You have {allocated:g} minutes in all" in text
    assert f"{each:g} minutes for each to give" in text.replace("½", ".5")
    assert "{{" not in text


def test_the_workshops_paper_size(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "letter.workshop"
    shutil.copy(demo, copy)
    from workshop_app.core.store.workshop_file import WorkshopFile

    with WorkshopFile.open(copy) as wf:
        wf.set_workshop_field("paper_size", "letter")
    files = write_handouts(str(copy), [], str(tmp_path / "out"), ["charter", "sign-in"])
    for f in files:
        box = PdfReader(f).pages[0].mediabox
        assert (float(box.width), float(box.height)) == pytest.approx((612, 792), abs=1)


def test_markup_in_the_text_is_blocks_of_plain_runs() -> None:
    parsed = blocks(
        "# Title\n\n**Bold** and *it*, <b>not html</b> \\*star\\*\n\n- one\n  - nested\n- two\n\n"
        "| a | b |\n|---|---|\n| **x** | y |"
    )
    assert [b["type"] for b in parsed] == ["heading", "paragraph", "list", "table"]
    assert parsed[1]["runs"] == [
        {"text": "Bold", "bold": True, "italic": False},
        {"text": " and ", "bold": False, "italic": False},
        {"text": "it", "bold": False, "italic": True},
        {"text": ", <b>not html</b> *star*", "bold": False, "italic": False},
    ]
    items = parsed[2]["items"]
    assert [i["runs"][0]["text"] for i in items] == ["one", "two"]
    assert items[0]["children"][0]["items"][0]["runs"][0]["text"] == "nested"
    assert parsed[3]["rows"] == [
        [
            [{"text": "x", "bold": True, "italic": False}],
            [{"text": "y", "bold": False, "italic": False}],
        ]
    ]


def test_a_subsection_by_its_heading() -> None:
    notes = "### Input (5 min)\n\nA\n\n### Practice\n\nB"
    assert subsection(notes, "Input") == "A"
    assert subsection(notes, "practice") == "B"
    assert subsection(notes, "Missing") == ""


def test_html_in_a_content_file_or_the_program_prints_as_text(demo: Path, tmp_path: Path) -> None:
    from web_trap import recording_server

    from workshop_app.core.store.workshop_file import WorkshopFile

    copy = tmp_path / "hostile.workshop"
    shutil.copy(demo, copy)
    ours = tmp_path / "ours"
    ours.mkdir()
    with recording_server() as (address, hits):
        tag = f'<img src="http://{address}/logo.png"><b>loud</b>'
        with WorkshopFile.open(copy) as wf:
            wf.set_workshop_field("organisation", f"{tag} {'W' * 300}")
        source = (shipped_dir("exercises") / "powerful-questions-grow.md").read_text("utf-8")
        (ours / "powerful-questions-grow.md").write_text(
            source.replace("# GROW: a shape", f"# {tag} GROW: a shape"), encoding="utf-8"
        )
        (card,) = write_handouts(str(copy), [str(ours)], str(tmp_path / "out"), ["grow"])
    assert hits == []
    text = "".join(text_of(card).split())
    assert "".join(tag.split()) in text
    assert "W" * 300 in text  # wrapped, never cut
