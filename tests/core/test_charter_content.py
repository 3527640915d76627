"""What the printed charter says, from the workshop file to the PDF's text: blank sections to
fill by hand, the signed record, and what published mentoring agreements carry."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop_app.core.charters.context import (
    brand_context,
    charter_context,
    return_copy_line,
    status_line,
    time_commitment,
)
from workshop_app.core.charters.pdf_render import render_charter_pdf
from workshop_app.core.demo import create_demo
from workshop_app.core.model import Workshop
from workshop_app.core.store.workshop_file import WorkshopFile


@pytest.fixture
def demo(tmp_path: Path) -> WorkshopFile:
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


def pair_id(wf: WorkshopFile, code: str) -> str:
    pair = wf.roster.pair_by_code(code)
    assert pair is not None
    return pair.id


def text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


def printed(wf: WorkshopFile, code: str, **kwargs: object) -> str:
    return text(render_charter_pdf(charter_context(wf, pair_id(wf, code), **kwargs)))


# -- defect 10: bookmarks and words ---------------------------------------------------------------


def test_bookmarks_and_text_read_number_space_title(demo: WorkshopFile) -> None:
    data = render_charter_pdf(charter_context(demo, pair_id(demo, "P01")))
    outline = PdfReader(io.BytesIO(data)).outline
    titles = [item.title for item in outline[1] if not isinstance(item, list)]
    assert titles[0] == "1 The parties" and titles[-1] == "12 Signatures"
    assert all(re.fullmatch(r"\d+ [A-Z][a-z].*", t) for t in titles), titles
    words = text(data)
    for heading in ("MENTOR MENTEE", "PAIR P01", "GOAL 1", "WHAT STAYS BETWEEN US"):
        assert heading in words


# -- defect 12, and the time commitment ---------------------------------------------------------


def test_meeting_length_says_minutes_once_and_the_time_commitment_in_words(
    demo: WorkshopFile,
) -> None:
    words = printed(demo, "P01")
    assert "Length 60 minutes" in words and "(minutes)" not in words
    assert "Time together about 2 hours a month for 9 months" in words


@pytest.mark.parametrize(
    ("frequency", "minutes", "months", "expected"),
    [
        ("weekly", 60, 9, "about 4½ hours a month for 9 months"),
        ("weekly", 30, None, "about 2 hours a month"),
        ("biweekly", 60, 9, "about 2 hours a month for 9 months"),
        ("biweekly", 45, 1, "about 1½ hours a month for 1 month"),
        ("monthly", 60, 12, "about 1 hour a month for 12 months"),
        ("monthly", 45, 6, "about 45 minutes a month for 6 months"),
        ("monthly", "", 6, ""),  # the length is not agreed yet
        ("custom", 60, 9, ""),  # a custom cadence is free text: nothing to compute from
        ("", 60, 9, ""),
    ],
)
def test_time_commitment(
    frequency: str, minutes: object, months: int | None, expected: str
) -> None:
    assert time_commitment(frequency, minutes, months) == expected


# -- defect 11: blank sections to fill by hand --------------------------------------------------


def test_an_empty_charter_offers_three_goal_cards_and_the_default_checkpoints(
    demo: WorkshopFile,
) -> None:
    words = printed(demo, "P12")  # nothing filled in
    assert words.count("Why it matters How we will know Target date First steps") == 3
    assert "GOAL 1" in words and "GOAL 2" in words and "GOAL 3" in words
    assert "Day 30 Held on Day 90 Held on Day 180 Held on" in words
    assert "circle one" in words


def test_agreed_checkpoints_without_a_first_meeting_count_days(demo: WorkshopFile) -> None:
    pid = pair_id(demo, "P12")
    demo.charters.set_field(pid, "review_days", "14, 60")
    words = printed(demo, "P12")
    assert "Day 14 14 days after our first meeting" in words and "Day 30" not in words
    demo.charters.set_field(pid, "first_meeting", "2027-02-01T09:00")
    assert "Day 60 2 April 2027" in printed(demo, "P12")


def test_line_manager_cells(demo: WorkshopFile) -> None:
    """A named manager prints; the mentee's empty cell offers a line; the mentor's empty
    cell stays empty unless managers sign the acknowledgement."""
    demo.set_workshop_field("manager_acknowledgement", "")
    pid = pair_id(demo, "P01")
    ctx = charter_context(demo, pid)
    assert ctx["pair"]["manager_row"]
    assert not ctx["pair"]["mentor"]["manager_line"] and ctx["pair"]["mentee"]["manager_line"]
    mentee = demo.roster.pair(pid).mentee_id
    demo.roster.update_participant(mentee, manager="")
    ctx = charter_context(demo, pid)
    assert not ctx["pair"]["manager_row"]
    assert "Line manager" not in text(render_charter_pdf(ctx))
    demo.set_workshop_field("manager_acknowledgement", "yes")
    ctx = charter_context(demo, pid)
    assert ctx["pair"]["manager_row"] and ctx["pair"]["mentor"]["manager_line"]


# -- defect 13: the signed record ---------------------------------------------------------------


def test_status_line() -> None:
    assert status_line([], version=1, signed=True, signed_version=1, paper_completed=None) == {
        "draft": "",
        "version": "Version 1, signed",
    }
    by_hand = status_line(
        [4, 5, 6, 7, 8, 9, 10, 11], version=1, signed=True, signed_version=1, paper_completed=True
    )
    assert by_hand == {
        "draft": "",
        "version": "Version 1, signed · sections 4–11 completed by hand",
    }
    left = status_line([7], version=2, signed=True, signed_version=2, paper_completed=False)
    assert left == {"draft": "", "version": "Version 2, signed with section 7 left open"}
    draft = status_line([4, 7], version=3, signed=False, signed_version=2, paper_completed=None)
    assert draft == {
        "draft": "Draft: sections 4 and 7 still open",
        "version": "Version 3 (version 2 was signed)",
    }


@pytest.mark.parametrize(
    ("on_paper", "expected"),
    [
        (True, "Version 1, signed · sections 4–11 completed by hand"),
        (False, "Version 1, signed with sections 4–11 left open"),
    ],
)
def test_a_charter_signed_with_open_sections_is_not_a_draft(
    demo: WorkshopFile, on_paper: bool, expected: str
) -> None:
    pid = pair_id(demo, "P06")  # sections 4-11 open
    demo.charters.sign(pid, mentor="Ana", mentee="Bo", paper_completed=on_paper)
    pages = PdfReader(io.BytesIO(render_charter_pdf(charter_context(demo, pid)))).pages
    for page in pages:
        words = re.sub(r"\s+", " ", page.extract_text())
        assert expected in words and "Draft" not in words


# -- defect 7: a light accent in black and white ------------------------------------------------


def test_a_light_accent_prints_rules_and_text_darkened(demo: WorkshopFile) -> None:
    brand = brand_context(
        Workshop(id="w", program="p", organisation="o", date="", accent_colour="#ffd500")
    )
    assert brand["accent"] == brand["accent_text"] != "#ffd500"
    r, g, b = (int(brand["accent"][i : i + 2], 16) for i in (1, 3, 5))
    assert 0.299 * r + 0.587 * g + 0.114 * b <= 110  # prints dark in greyscale
    demo.set_workshop_field("accent_colour", "#ffd500")
    data = render_charter_pdf(charter_context(demo, pair_id(demo, "P03")))
    colours = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        colours |= {
            tuple(round(float(v), 2) for v in m)
            for m in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:RG|rg)", content)
        }
    assert (1.0, 0.84, 0.0) not in colours  # the raw yellow is never drawn
    assert tuple(round(c / 255, 2) for c in (r, g, b)) in colours


# -- section 2: what published agreements carry ------------------------------------------------


def test_what_published_agreements_carry(demo: WorkshopFile) -> None:
    demo.set_workshop_field("manager_acknowledgement", "")
    demo.set_workshop_field("return_copy_to", "Priya Nair, People team, 4th floor")
    demo.set_workshop_field("return_copy_by", "2027-01-29")
    demo.set_workshop_field(
        "mentor_boundary", "The mentor does not advocate for the mentee's promotion or pay."
    )
    words = printed(demo, "P01")
    assert "We enter into this agreement voluntarily. Either of us may end it at any time" in words
    assert words.index("voluntarily") < words.index("Either partner may end")  # beside no-fault
    assert "Return a signed copy to Priya Nair, People team, 4th floor by 29 January 2027." in words
    assert words.index("12 Signatures") < words.index("Return a signed copy")
    assert "The mentor does not advocate for the mentee's promotion or pay." in words
    assert words.index("7 Boundaries") < words.index("does not advocate") < words.index("8 Troub")
    assert (
        "1 Each other: we raise it at our next meeting, or sooner. "
        "2 The program coordinator, Tom Becker (People & Culture). "
        "3 The program's support contacts: Tom Becker, program coordinator" in words
    )
    assert "CHANGING THIS CHARTER Only by mutual agreement, at a checkpoint" in words
    assert "Date What changed Mentor Mentee" in words
    assert "Line manager's acknowledgement" not in words


def test_return_copy_line_says_only_what_is_set() -> None:
    assert return_copy_line("Priya", "29 January 2027") == (
        "Return a signed copy to Priya by 29 January 2027."
    )
    assert return_copy_line("Priya", "") == "Return a signed copy to Priya."
    assert return_copy_line("", "29 January 2027") == "Return a signed copy by 29 January 2027."
    assert return_copy_line("", "") == ""


def test_baseline_marks_the_chosen_rating(demo: WorkshopFile) -> None:
    pid = pair_id(demo, "P01")
    demo.charters.set_goal_part(pid, 1, "baseline", "2")
    words = printed(demo, "P01")
    assert "Where I am today 1 2 3 4 5 2 of 5 at signing" in words


def test_the_line_manager_acknowledgement_is_optional_and_sees_no_content(
    demo: WorkshopFile,
) -> None:
    demo.set_workshop_field("manager_acknowledgement", "yes")
    words = printed(demo, "P01")  # the mentee's manager is in the roster, the mentor's is not
    block = words[words.index("Line manager's acknowledgement") :]
    assert "I support this mentoring partnership and will allow time for it" in block
    manager = demo.roster.participant(demo.roster.pair(pair_id(demo, "P01")).mentee_id).manager
    assert f"Line manager {manager} Date" in block and block.count("Line manager ") == 1
    mentee = demo.roster.pair(pair_id(demo, "P01")).mentee_id
    demo.roster.update_participant(mentee, manager="")
    block = printed(demo, "P01").split("Line manager's acknowledgement")[1]
    assert "Line manager Name Date" in block  # a line to write the name on
