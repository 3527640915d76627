"""Letters of appointment: one per participant, signed by the sponsor, hostile text printed as
text, nothing fetched, the same bytes for the same roster."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from web_trap import recording_server

from workshop_app.core.certificates.render import COMBINED_NAME, write_letters
from workshop_app.core.errors import UserError

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 7  # 300+ characters, no space
ARABIC = "فاطمة الزهراء"


def text_of(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


def squashed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def room(new_workshop, tmp_path: Path) -> Path:
    wf = new_workshop
    wf.set_workshop_field("program_length_months", 9)
    mentor = wf.roster.add_participant(role="mentor", name="Margaret Osei", email="m@x.org")
    mentee = wf.roster.add_participant(role="mentee", name="Daniel Kowalski", email="d@x.org")
    wf.roster.make_pair(mentor.id, mentee.id)
    wf.roster.add_participant(role="mentee", name="Ana Souza", email="a@x.org")
    return wf.path


def test_one_letter_per_participant_and_one_of_all(room: Path, tmp_path: Path) -> None:
    out = tmp_path / "letters"
    files = write_letters(str(room), str(out), True)
    assert [f.name for f in files] == [
        "Letter of appointment - Ana Souza.pdf",
        "Letter of appointment - Daniel Kowalski.pdf",
        "Letter of appointment - Margaret Osei.pdf",
        COMBINED_NAME,
    ]
    assert all(len(PdfReader(f).pages) == 1 for f in files[:3])
    assert len(PdfReader(files[3]).pages) == 3
    mentor = text_of(files[2])
    assert "appointment as a mentor in Accelerate" in " ".join(mentor.split())
    assert "Your mentee is Daniel Kowalski" in " ".join(mentor.split())
    assert "19 October 2027" in mentor  # nine months after the workshop of 19 January 2027
    mentee = " ".join(text_of(files[1]).split())
    assert "place as a mentee" in mentee and "Your mentor is Margaret Osei" in mentee
    # Not yet paired: no partner is named.
    assert "Your mentor is" not in " ".join(text_of(files[0]).split())
    assert PdfReader(files[3]).metadata.title == "Letters of appointment (3 participants)"


def test_a_missing_sponsor_leaves_lines_to_write_on(room: Path, tmp_path: Path) -> None:
    (letter, *_) = write_letters(str(room), str(tmp_path / "out"), False)
    text = text_of(letter)
    assert "None" not in text
    assert "NAME" in text and "ROLE" in text  # the hints under the blank lines (in capitals)


def test_the_sponsor_signs(new_workshop, room: Path, tmp_path: Path) -> None:
    new_workshop.set_workshop_field("sponsor_name", "Helena Ortiz")
    new_workshop.set_workshop_field("sponsor_title", "Chief Operating Officer")
    (letter, *_) = write_letters(str(room), str(tmp_path / "out"), False)
    text = text_of(letter)
    assert "Helena Ortiz" in text and "Chief Operating Officer" in text


def test_hostile_names_print_as_text_and_fetch_nothing(new_workshop, tmp_path: Path) -> None:
    wf = new_workshop
    with recording_server() as (address, hits):
        html = f'<img src="http://{address}/x.png"><b>Bold</b>'
        wf.set_workshop_field("sponsor_name", html)
        wf.roster.add_participant(role="mentor", name=LONG_WORD, email="l@x.org")
        wf.roster.add_participant(role="mentee", name=ARABIC, email="f@x.org")
        wf.roster.add_participant(role="mentee", name=html, email="h@x.org", title="<script>")
        files = write_letters(str(wf.path), str(tmp_path / "out"), True)
    assert hits == []
    assert len(files) == 4
    assert all(f.parent == tmp_path / "out" for f in files)  # names made safe ("<>/" gone)
    combined = text_of(files[-1])
    assert squashed(LONG_WORD) in squashed(combined)  # wrapped, never cut
    assert squashed(ARABIC) in squashed(combined) or "فاطمة" in combined
    assert squashed(html) in squashed(combined)  # the markup printed, not obeyed
    assert "<script>" in combined
    # However long the names, the signature block is whole, on the letter's last page.
    for letter in files[:-1]:
        last = " ".join((PdfReader(letter).pages[-1].extract_text() or "").split())
        assert "With my thanks and best wishes" in last and "Bold" in last


def test_one_page_on_letter_paper_with_a_role_to_write_in(
    new_workshop, room: Path, tmp_path: Path
) -> None:
    new_workshop.set_workshop_field("sponsor_name", "Helena Ortiz")
    new_workshop.set_workshop_field("paper_size", "letter")
    files = write_letters(str(room), str(tmp_path / "out"), False)
    for letter in files:
        pages = PdfReader(letter).pages
        assert len(pages) == 1
        assert float(pages[0].mediabox.height) == pytest.approx(792, abs=1)


def test_the_same_roster_gives_the_same_bytes(room: Path, tmp_path: Path) -> None:
    first = write_letters(str(room), str(tmp_path / "a"), True)
    second = write_letters(str(room), str(tmp_path / "b"), True)
    assert [f.read_bytes() for f in first] == [f.read_bytes() for f in second]


def test_an_empty_roster_is_a_message(new_workshop, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no participants yet"):
        write_letters(str(new_workshop.path), str(tmp_path / "out"), False)
    assert not (tmp_path / "out").exists()
