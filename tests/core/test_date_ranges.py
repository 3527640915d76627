"""A range of days (the summary's first meetings) writes each day as the language writes it in
a single date: Babel's Italian interval patterns pad the day ("01–15 feb 2027"), which is not
how Italian writes it ("1–15 feb 2027", as Babel's own "1 feb 2027"). German ("1.–15. Feb.
2027") and French ("1er–15 févr. 2027") were right already."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_skeleton

from workshop_app.core.charters.dates import format_date_range
from workshop_app.core.charters.summary_timeline import milestones

WRITTEN = {
    "it": (
        ((date(2027, 2, 1), date(2027, 2, 15)), "1–15 feb 2027"),
        ((date(2027, 2, 2), date(2027, 2, 9)), "2–9 feb 2027"),
        ((date(2027, 1, 19), date(2027, 2, 1)), "19 gen – 1 feb 2027"),
        ((date(2026, 12, 28), date(2027, 1, 3)), "28 dic 2026 – 3 gen 2027"),
        ((date(2027, 2, 11), date(2027, 2, 21)), "11–21 feb 2027"),
    ),
    "de": (
        ((date(2027, 2, 1), date(2027, 2, 15)), "1.–15. Feb. 2027"),
        ((date(2027, 1, 19), date(2027, 2, 1)), "19. Jan. – 1. Feb. 2027"),
        ((date(2026, 12, 28), date(2027, 1, 3)), "28. Dez. 2026 – 3. Jan. 2027"),
    ),
    "fr": (
        ((date(2027, 2, 1), date(2027, 2, 15)), "1er–15 févr. 2027"),
        ((date(2027, 2, 2), date(2027, 2, 9)), "2–9 févr. 2027"),
        ((date(2026, 12, 28), date(2027, 1, 3)), "28 déc. 2026 – 3 janv. 2027"),
    ),
    "en": (
        ((date(2027, 2, 1), date(2027, 2, 15)), "1 – 15 Feb 2027"),
        ((date(2026, 12, 28), date(2027, 1, 3)), "28 Dec 2026 – 3 Jan 2027"),
    ),
}
CASES = [(lang, ends, written) for lang, cases in WRITTEN.items() for ends, written in cases]


@pytest.mark.parametrize(("lang", "ends", "written"), CASES)
def test_a_range_is_written_as_the_language_writes_it(
    lang: str, ends: tuple[date, date], written: str
) -> None:
    first, last = ends
    assert format_date_range(first, last, lang).replace("\u2009", " ") == written


@pytest.mark.parametrize("lang", ["it", "de", "fr", "en"])
def test_across_years_each_end_is_babel_s_own_single_date(lang: str) -> None:
    """Where nothing is shared between the ends, each is the date Babel writes alone (the
    same day, month shortened and year)."""
    first, last = date(2026, 12, 8), date(2027, 1, 5)
    babel_lang = "en_GB" if lang == "en" else lang
    ends = [format_skeleton("yMMMd", day, locale=babel_lang) for day in (first, last)]
    assert format_date_range(first, last, lang).replace("\u2009", " ") == " – ".join(ends)


def test_the_italian_summary_s_first_meetings_have_no_padded_day() -> None:
    meetings = ["2027-02-01", "2027-02-09"]
    got = milestones("2026-11-20", 9, meetings, (30,), 2, "it")[0]["date"]
    assert got == "1–9 feb 2027"
