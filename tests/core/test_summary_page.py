"""The sponsor's one-page staff summary: one page at any data (A4 and Letter), the same bytes
for the same data, dated by the data rather than the clock, and what a sponsor asks after a
launch (measures of success, who follows up what, next dates, the agenda's timing)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop_app.core.charters.pdf_render import render_summary_pdf
from workshop_app.core.charters.summary_context import summary_context
from workshop_app.core.demo import GOALS, create_demo
from workshop_app.core.runner.agenda_store import PlannedSegment
from workshop_app.core.store.workshop_file import WorkshopFile

WORD = "W" * 300  # a 300-character word, with the widest Latin letter
LONG = f"{WORD} " + "Extraordinarily long-winded text that goes on " * 12


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def created(pdf: bytes) -> str:
    return str(PdfReader(io.BytesIO(pdf)).metadata["/CreationDate"])


def build(
    path: Path,
    *,
    pairs: int,
    program_goals: list[str],
    name: Callable[[str, int], str] = lambda role, i: f"{role.title()} {i:03d}",
    long_text: bool = False,
    unpaired: int = 0,
    timings: bool = False,
) -> Path:
    """A workshop of `pairs` pairs with empty charters (every section open), half the
    mentees absent, and the program's text as long as asked."""
    with WorkshopFile.create(
        path,
        program=LONG if long_text else "Accelerate",
        organisation=LONG if long_text else "Northwind",
        date="2027-01-19",
    ) as wf:
        for field in ("venue", "facilitator", "cohort", "coordinator", "success_metrics"):
            wf.set_workshop_field(field, LONG if long_text else f"The {field}")
        wf.set_workshop_field("program_goals", "\n".join(program_goals))
        wf.set_workshop_field("program_length_months", 9)
        with wf.transaction():
            for i in range(pairs + unpaired):
                mentor = wf.roster.add_participant(
                    role="mentor",
                    name=name("mentor", i),
                    email=f"mentor{i}@example.com",
                    department=LONG if long_text else f"Site {i % 3}",
                )
                mentee = wf.roster.add_participant(
                    role="mentee",
                    name=name("mentee", i),
                    email=f"mentee{i}@example.com",
                    department=f"Site {i % 2}",
                )
                wf.roster.set_attendance(mentor.id, True)
                wf.roster.set_attendance(mentee.id, i % 2 == 0)
                if i < pairs:
                    pair = wf.roster.make_pair(mentor.id, mentee.id)
                    if long_text:
                        for part in ("goal", "why", "measure"):
                            wf.charters.set_goal_part(pair.id, 1, part, LONG)
                        wf.charters.set_goal_part(pair.id, 1, "target_date", "2027-06-30")
        if timings:
            start = datetime(2027, 1, 19, 9, tzinfo=UTC)
            wf.agenda.choose(
                "hostile",
                [PlannedSegment(f"{LONG[:200]} {n}", 10) for n in range(40)],
            )
            for n, segment in enumerate(wf.agenda.segments()):
                ended = start + timedelta(minutes=25 * (n + 1))
                wf.agenda.record_timing(
                    segment.id,
                    started_at=(ended - timedelta(minutes=25)).isoformat(),
                    ended_at=ended.isoformat(),
                    actual_seconds=25 * 60,
                )
    return path


HOSTILE: dict[str, dict] = {
    "six long program goals": {"pairs": 12, "program_goals": [LONG] * 6},
    "forty program goals": {
        "pairs": 12,
        "program_goals": [f"Program goal about sites and silos number {n}" for n in range(40)],
    },
    "500 pairs": {"pairs": 500, "program_goals": ["Connect sites"], "unpaired": 40},
    "long everything": {
        "pairs": 30,
        "program_goals": [f"{LONG} across sites"] * 7,
        "name": lambda role, i: f"{WORD[:120]}{role}{i}",
        "long_text": True,
        "unpaired": 20,
        "timings": True,
    },
}


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {
        label: build(folder / f"{n}.workshop", **spec)
        for n, (label, spec) in enumerate(HOSTILE.items())
    }


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("label", list(HOSTILE))
def test_one_page_at_any_data(hostile_files: dict[str, Path], label: str, paper: str) -> None:
    with WorkshopFile.open(hostile_files[label], readonly=True) as wf:
        ctx = summary_context(wf)
    pages = pages_text(render_summary_pdf(ctx, paper=paper))
    assert len(pages) == 1, f"{label} on {paper}: {len(pages)} pages"
    text = flat(pages[0])
    assert "To follow up" in text and "Next milestones" in text  # the page's foot is there
    if label == "500 pairs":
        assert re.search(r"… and 4\d\d more", text)  # the open charters, counted
    if label == "forty program goals":
        assert "… and 35 more program goals" in text


def test_the_date_is_the_datas_latest_change_including_signing(tmp_path: Path) -> None:
    path = tmp_path / "demo.workshop"
    create_demo(path).close()
    with WorkshopFile.open(path) as wf:
        first = render_summary_pdf(summary_context(wf))
        again = render_summary_pdf(summary_context(wf))
        pair = wf.roster.pair_by_code("P02")
        assert pair is not None
        wf.charters.sign(
            pair.id,
            mentor="Rajesh Iyer",
            mentee="Chloé Martin",
            signed_at="2031-03-04T10:20:00+00:00",
        )
        signed = render_summary_pdf(summary_context(wf))
    assert first == again  # identical data, identical bytes: no clock
    assert created(signed).startswith("D:20310304102000")
    text = flat(pages_text(signed)[0])
    assert "As of Tuesday 4 March 2031, 10:20 UTC" in text
    assert "5 of 12 pairs have a complete charter; 2 signed" in text


def test_what_the_sponsor_reads_and_no_charter_content(tmp_path: Path) -> None:
    path = tmp_path / "demo.workshop"
    create_demo(path).close()
    with WorkshopFile.open(path, readonly=True) as wf:
        workshop = wf.workshop()
        pdf = render_summary_pdf(summary_context(wf))
    text = flat(pages_text(pdf)[0])
    assert "5 of 12 pairs have a complete charter; 1 signed" in text
    assert workshop.success_metrics[:60] in text
    assert "Owner: Tom Becker (People & Culture), program coordinator" in text
    assert "P06 David Nakamura & Sofia Almeida" in text  # names as well as codes
    assert "Absent Ravi Patel" in text
    assert "Day 30 check-in" in text and "18 February 2027" in text  # from the workshop date
    assert "Program ends" in text and "19 October 2027" in text  # nine months on
    assert "Not run in the app" in text
    assert "Pairs across departments" in text  # the program's goals speak of sites
    assert "a measure with a number or a yes/no outcome" in text
    for goal, _why, measure, *_ in GOALS:
        assert goal not in text and measure not in text
