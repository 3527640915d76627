"""Review packets: what they print (read back from the PDFs), from which version, and the
same bytes for the same data."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from review_data import charter_pair, close

from workshop_app.core.errors import UserError
from workshop_app.core.followup.review_render import COMBINED_NAME, write_review_packets
from workshop_app.core.store.workshop_file import WorkshopFile


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every packet rendered afresh: a second run must make the bytes, not copy them."""
    monkeypatch.setenv("WORKSHOP_APP_CACHE_DIR", "off")


def words(pdf: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages))


def pdftotext(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return re.sub(r"\s+", " ", done.stdout)


def write(wf: WorkshopFile, out: Path, day: int = 90, **kwargs: object):
    return write_review_packets(str(wf.path), day, str(out), False, workers=0, **kwargs)


def test_a_packet_is_prefilled_from_the_signed_version(
    new_workshop: WorkshopFile, tmp_path: Path
) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf, sign=False)
    wf.charters.set_goal_part(pair_id, 1, "private", True)
    wf.charters.sign(pair_id, mentor="Ana Souza", mentee="Bo Li", signed_at="2027-01-19T16:05")
    # Edited after signing: the packet still prints what was signed.
    wf.charters.set_goal_part(pair_id, 2, "goal", "An edit nobody signed")
    wf.charters.set_field(pair_id, "meeting_frequency", "monthly")
    written = write(wf, tmp_path / "out")
    (packet,) = written.files
    assert packet.name == "P01 - Ana Souza & Bo Li - Day 90 review.pdf"
    text = pdftotext(packet)
    assert "Day 90 review" in text and "P01: Ana Souza & Bo Li" in text
    assert "Accelerate" in text
    assert "Due 2 May 2027" in text  # first meeting 1 February + 90 days
    assert "From version 1 of our charter, signed 19 January 2027" in text
    assert "(version 2 is not signed yet)" in text
    assert "Did we keep our cadence? (agreed: every two weeks)" in text
    assert "Yes Partly No" in text
    assert "Present to the board" in text and "An edit nobody signed" not in text
    assert "Lead the weekly planning" in text and "private to us" in text  # the pair's paper
    assert "Measure of goal 1" in text
    assert "at signing: 2 of 5" in text and "at signing: 1 of 5" in text
    assert "IF THIS HAPPENS one of us goes quiet WE WILL we call within a week" in text
    assert text.count("Did we use it?") == 2
    assert "Our next checkpoint: Day 180, 31 July 2027" in text
    assert "Mentor: Ana Souza".upper() in text.upper() and "MENTEE: BO LI" in text.upper()
    assert len(PdfReader(packet).pages) <= 2
    assert words(packet)  # pypdf reads the same text layer


def test_an_unsigned_charter_is_marked_not_signed(
    new_workshop: WorkshopFile, tmp_path: Path
) -> None:
    wf = new_workshop
    charter_pair(wf, sign=False)
    (packet,) = write(wf, tmp_path / "out", day=30).files
    text = pdftotext(packet)
    assert "Not signed: from our charter as it is now" in text
    assert "at the start: 2 of 5" in text
    assert "Our next checkpoint: Day 90, 2 May 2027" in text


def test_the_same_data_gives_the_same_bytes(new_workshop: WorkshopFile, tmp_path: Path) -> None:
    wf = new_workshop
    charter_pair(wf)
    charter_pair(wf, "Carmen Ortiz", "Dev Patel", goals=("One", "Two", "Three"))
    first = write_review_packets(str(wf.path), 90, str(tmp_path / "a"), True, workers=0)
    second = write_review_packets(str(wf.path), 90, str(tmp_path / "b"), True, workers=0)
    names = [p.name for p in first.files] + [COMBINED_NAME]
    assert [p.name for p in second.files] + [COMBINED_NAME] == names
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_the_combined_file_is_tagged_bookmarked_and_duplex_safe(
    new_workshop: WorkshopFile, tmp_path: Path
) -> None:
    wf = new_workshop
    charter_pair(wf)
    charter_pair(wf, "Carmen Ortiz", "Dev Patel")
    written = write_review_packets(str(wf.path), 90, str(tmp_path / "out"), True, workers=0)
    assert written.combined == tmp_path / "out" / COMBINED_NAME
    pages = [len(PdfReader(p).pages) for p in written.files]
    expected = sum(n + n % 2 for n in pages)  # a blank back after an odd packet
    with pikepdf.open(written.combined) as pdf:
        assert len(pdf.pages) == expected
        assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
        assert str(pdf.docinfo.Title) == "Day 90 review packets: Accelerate (2 pairs)"
        with pdf.open_outline() as outline:
            assert [i.title for i in outline.root] == [
                "P01: Ana Souza & Bo Li",
                "P02: Carmen Ortiz & Dev Patel",
            ]
    one_sided = write_review_packets(
        str(wf.path), 90, str(tmp_path / "flat"), True, duplex=False, workers=0
    )
    assert one_sided.combined is not None
    assert len(PdfReader(one_sided.combined).pages) == sum(pages)


def test_each_packet_is_tagged_in_the_workshop_language(
    new_workshop: WorkshopFile, tmp_path: Path
) -> None:
    wf = new_workshop
    charter_pair(wf)
    (packet,) = write(wf, tmp_path / "out").files
    with pikepdf.open(packet) as pdf:
        assert (
            "/StructTreeRoot" in pdf.Root and str(pdf.Root.Lang) == "en-GB"
        )  # the region of the language's country
        assert str(pdf.docinfo.Title) == "Day 90 review P01: Ana Souza & Bo Li"


def test_letter_paper(new_workshop: WorkshopFile, tmp_path: Path) -> None:
    wf = new_workshop
    charter_pair(wf)
    (packet,) = write(wf, tmp_path / "out", paper="letter").files
    box = PdfReader(packet).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_closed_pairs_and_pairs_without_the_checkpoint_are_left_out(
    new_workshop: WorkshopFile, tmp_path: Path
) -> None:
    wf = new_workshop
    charter_pair(wf)
    gone = charter_pair(wf, "Carmen Ortiz", "Dev Patel")
    charter_pair(wf, "Eli Moss", "Fay Wong", review_days="45, 120")
    close(wf, gone)
    written = write(wf, tmp_path / "out")
    assert [p.name[:3] for p in written.files] == ["P01"]
    assert written.summary() == (
        "1 review packet for day 90 (1 closed pair and 1 pair without a day-90 checkpoint "
        "left out)."
    )
    own = write(wf, tmp_path / "own", day=45)
    assert [p.name[:3] for p in own.files] == ["P03"]


def test_a_checkpoint_no_pair_has_is_one_line(new_workshop: WorkshopFile, tmp_path: Path) -> None:
    wf = new_workshop
    charter_pair(wf)
    with pytest.raises(UserError) as error:
        write(wf, tmp_path / "out", day=60)
    assert error.value.message == (
        "No open pair has a day-60 checkpoint; the pairs' checkpoints are days 30, 90, 180."
    )
    assert not (tmp_path / "out").exists()


def test_hostile_text_is_printed_as_text(new_workshop: WorkshopFile, tmp_path: Path) -> None:
    wf = new_workshop
    pair_id = charter_pair(wf, "<b>Ana</b> &amp; \u202eevil", "مريم الحسيني")
    long_word = "x" * 300
    wf.charters.set_goal_part(pair_id, 1, "goal", f"<script>alert(1)</script> {long_word}")
    wf.charters.set_goal_part(pair_id, 2, "goal", "تحسين مهارات العرض")
    wf.charters.set_field(pair_id, "meeting_frequency", "custom")
    wf.charters.set_field(pair_id, "meeting_frequency_custom", '<img src="http://x/y.png">')
    wf.charters.sign(pair_id, mentor="a", mentee="b")
    (packet,) = write(wf, tmp_path / "out").files
    text = pdftotext(packet)
    assert "<script>alert(1)</script>" in text
    assert '<img src="http://x/y.png">' in text
    assert "<b>Ana</b>" in text
    assert "".join(text.split()).count("x" * 60) >= 4  # the long word wrapped, all there
    assert len(PdfReader(packet).pages) <= 2


def test_the_checkpoints_on_offer_follow_the_signed_version(new_workshop: WorkshopFile) -> None:
    from workshop_app.core.followup.review_context import checkpoint_counts

    wf = new_workshop
    first = charter_pair(wf)
    charter_pair(wf, "Carmen Ortiz", "Dev Patel", review_days="45, 90", sign=False)
    close(wf, charter_pair(wf, "Eli Moss", "Fay Wong", review_days="60"))
    wf.charters.set_field(first, "review_days", "14")  # an edit nobody signed
    assert checkpoint_counts(wf) == {30: 1, 45: 1, 90: 2, 180: 1}
    assert checkpoint_counts(wf, pair_ids=[first]) == {30: 1, 90: 1, 180: 1}
