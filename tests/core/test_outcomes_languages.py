"""The sponsor's outcomes report speaks the workshop's language: no English phrase left on
the page or in the workbook (bar the workbook's sheet names and column headings, which are
keys), dates and numbers as Babel writes them, the same bytes (the page) and cells (the
workbook) for the same data, and one page in German, the longest."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from babel.dates import format_date as babel_date
from babel.numbers import get_decimal_symbol

from workshop_app.core.demo_follow_up import create_after_launch
from workshop_app.core.followup.outcomes import outcomes
from workshop_app.core.followup.outcomes_render import outcomes_context, render_outcomes_pdf
from workshop_app.core.followup.outcomes_xlsx import write_outcomes_xlsx
from workshop_app.core.store.workshop_file import WorkshopFile

TODAY = date(2027, 5, 1)
LANGS = ("it", "de", "fr")
# Phrases of the English report that the demo's own data never uses.
ENGLISH = (
    "Outcomes report",
    "How the program is doing",
    "As of",
    "Launched",
    "fewer than",
    "not shown",
    "Attended the launch",
    "Charters signed",
    "Meeting at their agreed cadence",
    "Goal progress against baseline",
    "Fit, as the partners see it",
    "Pairings closed",
    "Who asked",
    "Re-matched",
    "Goal outcomes",
    "No count of",
    "of 24 people",
    "of 12 pairs",
    "open pairs",
    "of 5",
    "not broken out",
    "measures of success",
    "not measured by the app",
    "Moved up",
    "No answer",
    "average change",
    "check-ins received",
    "Page 1 of",
    "By department",
    "after the launch",
    "What each figure means",
    "Suppression",
    "Personal data",
    "Every cell is stored",
)


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("outcomes-languages")
    made = {}
    for lang in LANGS:
        path = folder / f"{lang}.workshop"
        create_after_launch(path, today=TODAY, language=lang).close()
        made[lang] = path
    return made


def _pdf(path: Path) -> bytes:
    with WorkshopFile.open(path, readonly=True) as wf:
        return render_outcomes_pdf(outcomes_context(outcomes(wf, today=TODAY), wf.workshop()))


def _xlsx(path: Path, out: Path) -> None:
    with WorkshopFile.open(path, readonly=True) as wf:
        write_outcomes_xlsx(outcomes(wf, today=TODAY, include_comments=True), out=out)


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(source), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", text)


def _pages(pdf: bytes, tmp_path: Path) -> int:
    source = tmp_path / "pages.pdf"
    source.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(source)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))


def _values(out: Path) -> list[str]:
    """Every value of the workbook but its column headings (each sheet's first row, bar the
    README sheet's, which has none) and the program's own data."""
    wb = openpyxl.load_workbook(out)
    found = []
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        for row in rows if ws.title == "README" else rows[1:]:
            found += [str(v) for v in row if isinstance(v, str)]
    return found


def _today(lang: str) -> str:
    """The report's date as Babel writes it, but French's first of the month: "1er mai"."""
    babel = babel_date(TODAY, format="long", locale=lang)
    return babel.replace("1 ", "1er ", 1) if lang == "fr" and TODAY.day == 1 else babel


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_keeps_no_english_and_dates_follow_babel(
    lang: str, demos: dict[str, Path], tmp_path: Path
) -> None:
    pdf = _pdf(demos[lang])
    text = _pdftotext(pdf, tmp_path)
    left = [phrase for phrase in ENGLISH if phrase.lower() in text.lower()]
    assert not left, left
    assert _today(lang) in text  # "1 maggio 2027"...
    # The average change of the goals, with the language's decimal sign: "+0,8".
    assert re.search(rf"\+\d{re.escape(get_decimal_symbol(lang))}\d", text)
    assert _pages(pdf, tmp_path) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_workbook_keeps_no_english_but_its_keys(
    lang: str, demos: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "outcomes.xlsx"
    _xlsx(demos[lang], out)
    values = " ".join(_values(out)).lower()
    left = [phrase for phrase in ENGLISH if phrase.lower() in values]
    assert not left, left
    assert _today(lang).lower() in values
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["README", "Figures", "Measures of success"]
    assert [c.value for c in wb["Figures"][1]][:4] == ["Section", "Figure", "Part", "Count"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_same_data_gives_the_same_bytes(
    lang: str, demos: dict[str, Path], tmp_path: Path
) -> None:
    assert _pdf(demos[lang]) == _pdf(demos[lang])
    # The workbook's zip stamps the time it was written: its cells are the same.
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    _xlsx(demos[lang], a)
    _xlsx(demos[lang], b)
    cells = [
        [list(ws.iter_rows(values_only=True)) for ws in openpyxl.load_workbook(p).worksheets]
        for p in (a, b)
    ]
    assert cells[0] == cells[1]
