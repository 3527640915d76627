"""A charter's dates follow the workshop's charter language, never the desktop's: the app's
process (through Qt's start-up, which adopts LANG/LC_ALL) and the CLI print the same bytes,
for a charter and for the staff summary."""

from __future__ import annotations

import locale
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date as babel_format_date
from cli_runner import run
from pypdf import PdfReader

from workshop_app.core.charters.dates import babel_locale, format_date, format_datetime
from workshop_app.core.content.library import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.runner.clock import FakeClock
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.runner import RunnerPage

CHILD = Path(__file__).with_name("charter_locale_child.py")
GERMAN = {"LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"}


ENGLISH_WEEKDAY = r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
GERMAN_WEEKDAY = r"\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.workshop"
    create_demo(path).close()
    return path


def test_the_app_under_a_german_desktop_prints_what_the_cli_prints(
    demo: Path, tmp_path: Path, app_data: Path
) -> None:
    in_app, summary_in_app = tmp_path / "app.pdf", tmp_path / "summary.pdf"
    env = {**os.environ, **GERMAN, "WORKSHOP_APP_CACHE_DIR": "off", "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, str(CHILD), str(demo), "P01", str(in_app), str(summary_in_app)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    # Without the locale the process stays in English and this test would prove nothing:
    # `make test` generates it (scripts/check-system.sh --test).
    assert child.stdout.strip() == "Januar", (
        "the de_DE.UTF-8 locale is missing: run 'bash scripts/check-system.sh --test' as root"
    )
    out = tmp_path / "cli"
    cli = run("charters", str(demo), "--out", str(out), "--pair", "P01", "--summary", data=app_data)
    assert cli.returncode == 0, cli.stderr
    [from_cli] = out.glob("P01 *.pdf")
    text = "".join(page.extract_text() for page in PdfReader(in_app).pages)
    # The first meeting is printed with its weekday: in English, whatever the demo's day.
    assert "19 January 2027" in text and re.search(ENGLISH_WEEKDAY + r" \d+ \w+ 2027", text)
    assert "Januar " not in text and not re.search(GERMAN_WEEKDAY, text)
    assert in_app.read_bytes() == from_cli.read_bytes()
    assert summary_in_app.read_bytes() == (out / "Workshop summary.pdf").read_bytes()


def test_an_italian_charter_prints_the_same_in_the_app_under_a_german_desktop_and_the_cli(
    demo: Path, tmp_path: Path, app_data: Path
) -> None:
    """The charter language, not the desktop's nor the interface's, picks every word."""
    with WorkshopFile.open(demo) as wf:
        wf.set_workshop_field("language", "it")
    in_app, summary_in_app = tmp_path / "app.pdf", tmp_path / "summary.pdf"
    env = {**os.environ, **GERMAN, "WORKSHOP_APP_CACHE_DIR": "off", "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, str(CHILD), str(demo), "P01", str(in_app), str(summary_in_app)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "Januar"
    out = tmp_path / "cli"
    cli = run("charters", str(demo), "--out", str(out), "--pair", "P01", "--summary", data=app_data)
    assert cli.returncode == 0, cli.stderr
    [from_cli] = out.glob("P01 *.pdf")
    text = "".join(page.extract_text() for page in PdfReader(in_app).pages)
    assert "19 gennaio 2027" in text and "Accordo di mentoring" in text
    assert "Januar " not in text and not re.search(GERMAN_WEEKDAY, text)
    assert in_app.read_bytes() == from_cli.read_bytes()
    # An Italian room's summary has an Italian name.
    assert summary_in_app.read_bytes() == (out / "Riepilogo del workshop.pdf").read_bytes()


@pytest.mark.parametrize(
    ("lang", "day", "moment"),
    [
        ("en", "19 January 2027", "Tuesday 19 January 2027, 14:30"),
        ("en-GB", "19 January 2027", "Tuesday 19 January 2027, 14:30"),
        ("en-US", "January 19, 2027", "Tuesday January 19, 2027, 2:30\u202fPM"),
        # Each language's own full date (Babel's), as its documents write it.
        ("de", "19. Januar 2027", "Dienstag, 19. Januar 2027, 14:30"),
        ("it", "19 gennaio 2027", "martedì 19 gennaio 2027, 14:30"),
        ("fr", "19 janvier 2027", "mardi 19 janvier 2027, 14:30"),
        ("xx-unknown", "19 January 2027", "Tuesday 19 January 2027, 14:30"),
    ],
)
def test_dates_in_each_charter_language(lang: str, day: str, moment: str) -> None:
    assert format_date("2027-01-19", lang) == day
    # Babel's own formatting, not a copy of it kept here.
    expected = babel_format_date(date(2027, 1, 19), "long", locale=babel_locale(lang))
    assert day == expected
    assert format_datetime("2027-01-19T14:30", lang) == moment
    assert format_datetime("2027-01-19", lang) == moment.rsplit(",", 1)[0]


def test_text_that_is_not_a_date_is_printed_as_typed() -> None:
    assert format_date("  end of spring ", "en") == "end of spring"
    assert format_datetime("after the offsite", "en-US") == "after the offsite"
    assert format_date(None, "en") == ""


def test_the_rehearsal_banner_names_the_day_in_the_charter_language(qtbot, demo: Path) -> None:
    """The runner's "the workshop itself is on …" under a German desktop: still English."""
    before = locale.setlocale(locale.LC_TIME)
    locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")  # what Qt's start-up does under LANG=de_DE
    try:
        wf = WorkshopFile.open(demo)
        day_before = FakeClock(datetime(2027, 1, 19, 9, tzinfo=UTC) - timedelta(hours=15))
        page = RunnerPage(load_library(), clock=day_before)
        qtbot.addWidget(page)
        page.show()
        page.set_workshop(wf)
        banner = page.view.rehearsal_banner.label.text()
        page.set_workshop(None)
        wf.close()
    finally:
        locale.setlocale(locale.LC_TIME, before)
    assert banner.endswith("The workshop itself is on Tuesday 19 January 2027.")
