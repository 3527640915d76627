"""The printed documents speak the workshop's charter language: every word the templates and
their contexts print is translated, the same data gives the same bytes in every language, and
the PDF declares its language."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop_app.core.charters.context import charter_context
from workshop_app.core.charters.pdf_render import (
    document_language,
    page_number_css,
    render_charter_pdf,
    render_summary_pdf,
)
from workshop_app.core.charters.summary_context import summary_context
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile

# Words of the English templates and contexts that the demo's own data never uses: none of
# them may be left on an Italian charter or summary.
ENGLISH = (
    "Mentoring charter",
    "An agreement between",
    "The parties",
    "Department",
    "Line manager",
    "Program coordinator",
    "Purpose and goals",
    "Roles and commitments",
    "Between meetings",
    "Troubleshooting plans",
    "Reviews and feedback",
    "Duration and conclusion",
    "Signatures",
    "Why it matters",
    "How we will know",
    "Target date",
    "First steps",
    "Where I am today",
    "of 5 at signing",
    "Review checkpoints",
    "days after our first meeting",
    "Held on",
    "Changing this charter",
    "What changed",
    "If we are stuck",
    "Each other",
    "Time together",
    "Program length",
    "We have read",
    "Recorded as signed",
    "Version 1",
    "Page 1 of",
    "How often",
    "Who schedules",
    "Every two weeks",
    "minutes",
    "months",
    "optional",
)
SUMMARY_ENGLISH = (
    "Staff summary",
    "Launch workshop summary",
    "participants present",
    "charters complete",
    "Goal themes",
    "Meeting cadence",
    "Next milestones",
    "To follow up",
    "Not agreed yet",
    "Charters still open",
    "Owner:",
    "Page 1 of",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("languages") / "demo.workshop"
    create_demo(path).close()
    return path


def _in(demo: Path, lang: str, tmp_path: Path) -> WorkshopFile:
    copy = tmp_path / f"{lang}.workshop"
    copy.write_bytes(demo.read_bytes())
    wf = WorkshopFile.open(copy)
    wf.set_workshop_field("language", lang)
    return wf


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def test_an_italian_charter_and_summary_keep_no_english(demo: Path, tmp_path: Path) -> None:
    with _in(demo, "it", tmp_path) as wf:
        p01 = wf.roster.pair_by_code("P01")
        assert p01 is not None
        charter = _text(render_charter_pdf(charter_context(wf, p01.id)))
        summary = _text(render_summary_pdf(summary_context(wf)))
    left = [w for w in ENGLISH if w in charter]
    assert not left, left
    assert not [w for w in SUMMARY_ENGLISH if w in summary]
    for italian in ("Accordo di mentoring", "Le parti", "Firme", "Luogo e data", "Pagina 1 di"):
        assert italian in charter, italian
    assert "19 gennaio 2027" in charter
    assert "Riepilogo del workshop di avvio" in summary


@pytest.mark.parametrize(
    ("lang", "words", "tag"),
    [
        ("it", ("Accordo di mentoring", "19 gennaio 2027", "Luogo e data"), "it-IT"),
        ("de", ("Mentoring-Vereinbarung", "19. Januar 2027", "Ort, Datum"), "de-DE"),
        ("fr", ("Charte de mentorat", "19 janvier 2027", "Fait à …, le …"), "fr-FR"),
        ("en-US", ("Mentoring charter", "January 19, 2027", "Date"), "en-US"),
    ],
)
def test_charters_in_each_language_give_the_same_bytes_for_the_same_data(
    demo: Path, tmp_path: Path, lang: str, words: tuple[str, ...], tag: str
) -> None:
    with _in(demo, lang, tmp_path) as wf:
        p02 = wf.roster.pair_by_code("P02")
        assert p02 is not None
        first = render_charter_pdf(charter_context(wf, p02.id))
        again = render_charter_pdf(charter_context(wf, p02.id))
    assert first == again
    text = _text(first)
    for word in words:
        assert word in text, word
    reader = PdfReader(io.BytesIO(first))
    assert str(reader.trailer["/Root"]["/Lang"]) == tag


def test_the_page_number_reads_in_the_document_language() -> None:
    assert page_number_css("de") == (
        '@page { @bottom-right { content: "Seite " counter(page) " von " counter(pages); } }'
    )
    assert 'content: "Page " counter(page) " of " counter(pages);' in page_number_css("en-GB")


@pytest.mark.parametrize(
    ("lang", "tag"), [("it", "it-IT"), ("de", "de-DE"), ("en", "en-GB"), ("en-US", "en-US")]
)
def test_a_document_declares_its_language_with_a_region(lang: str, tag: str) -> None:
    assert document_language(lang) == tag


def test_the_review_packet_sign_in_sheet_and_letter_speak_german(
    demo: Path, tmp_path: Path
) -> None:
    from workshop_app.core.certificates.context import CERTIFICATE_TEMPLATE, letter_contexts
    from workshop_app.core.charters.pdf_render import render_document, write_pdf
    from workshop_app.core.followup.review_context import REVIEW_TEMPLATE, packet_context
    from workshop_app.core.followup.review_render import packet_filename
    from workshop_app.core.roster.attendance import render_sign_in_sheet, sign_in_context

    with _in(demo, "de", tmp_path) as wf:
        p01 = wf.roster.pair_by_code("P01")
        assert p01 is not None
        review = packet_context(wf, p01.id, 90)
        sign_in = _text(render_sign_in_sheet(sign_in_context(wf)))
        letter_context = letter_contexts(wf)[0]
    packet = _text(write_pdf([render_document(REVIEW_TEMPLATE, review)]))
    letter = _text(write_pdf([render_document(CERTIFICATE_TEMPLATE, letter_context)]))
    for word in (
        "Zwischenbilanz an Tag 90",
        "Haben wir unseren Treffrhythmus eingehalten?",
        "Ort, Datum",
    ):
        assert word.casefold() in packet.casefold(), word  # labels print in capitals
    assert not [
        w for w in ("Our meetings", "Did we use it?", "Day 90 review", "Not signed") if w in packet
    ]
    assert packet_filename(review).endswith("Day 90 review.pdf")  # file names stay English
    assert "Anwesenheitsliste" in sign_in and "unterschrift" in sign_in.casefold()
    assert "Sign-in" not in sign_in
    assert "Ernennungsschreiben" in letter and "Letter of appointment" not in letter
    assert "Guten Tag" in letter and "Dear" not in letter
