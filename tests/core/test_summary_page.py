"""The sponsor's one-page staff summary: one page at any data (A4 and Letter), the same bytes
for the same data, dated by the data rather than the clock, and what a sponsor asks after a
launch (measures of success, who follows up what, next dates, the agenda's timing)."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop_app.core.charters.pdf_render import render_summary_pdf
from workshop_app.core.charters.summary_context import (
    follow_up_owner,
    strictly_smart,
    summary_context,
)
from workshop_app.core.charters.summary_timeline import (
    DEFAULT_CHECK_IN_DAYS,
    agenda_timing,
    milestones,
)
from workshop_app.core.demo import GOALS, create_demo
from workshop_app.core.model import Goal, Segment, Workshop
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
        if long_text:  # a tall logo: the masthead at its highest
            tall = (
                b'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="400">'
                b'<rect width="60" height="400"/></svg>'
            )
            wf.set_workshop_field("logo", tall)
            wf.set_workshop_field("logo_mime", "image/svg+xml")
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
                    department="" if long_text and i % 5 == 0 else f"Site {i % 2}",
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
                if n < 5:  # three skipped, two not run
                    if n < 3:
                        wf.agenda.set_skipped(segment.id, True)
                    continue
                ended = start + timedelta(minutes=25 * (n + 1))
                wf.agenda.record_timing(
                    segment.id,
                    started_at=(ended - timedelta(minutes=25)).isoformat(),
                    ended_at=ended.isoformat(),
                    actual_seconds=25 * 60,
                )
    return path


HOSTILE: dict[str, dict] = {
    "nothing yet": {"pairs": 0, "program_goals": []},
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
    if label == "nothing yet":
        assert "No pairs yet" in text and "Not booked yet" in text
    if label == "long everything":
        assert "875 of 350 planned minutes: 525 minutes over" in text
    if label == "forty program goals":
        assert "… and 35 more program goals" in text


@pytest.fixture
def in_berlin(monkeypatch: pytest.MonkeyPatch):
    """The machine's clock set to Berlin's time zone (UTC+1 in March)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_date_is_the_datas_latest_change_including_signing(
    tmp_path: Path, in_berlin: None
) -> None:
    """Dated by the data, in the reader's local time: a sponsor in Berlin read "17:41 UTC"."""
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
    assert "As of Tuesday 4 March 2031, 11:20" in text and "UTC" not in text
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


def _goal(**parts: str) -> Goal:
    base = {"goal": "Lead the weekly planning meeting", "why": "Prepares me to lead a team"}
    return Goal(id="g", position=1, **(base | parts))


@pytest.mark.parametrize(
    ("parts", "smart"),
    [
        ({"measure": "I run four planning meetings", "target_date": "2027-05-31"}, True),
        ({"measure": "Rated 4 of 5 by my manager", "target_date": "2027-05-31"}, True),
        ({"measure": "The certification exam is passed", "target_date": "2027-05-31"}, True),
        ({"measure": "I feel better about it", "target_date": "2027-05-31"}, False),
        ({"measure": "I run four planning meetings", "target_date": ""}, False),
        (
            {"measure": "I run four planning meetings", "target_date": "2027-05-31", "why": ""},
            False,
        ),
    ],
)
def test_a_goal_counts_as_smart_only_with_a_checkable_measure_and_a_date(
    parts: dict[str, str], smart: bool
) -> None:
    assert strictly_smart(_goal(**parts)) is smart


def test_the_agenda_says_what_ran_over() -> None:
    def segment(n: int, planned: float, actual: float | None, skipped: bool = False) -> Segment:
        at = "2027-01-19T09:00:00+00:00" if actual else None
        return Segment(
            id=str(n), position=n, exercise_id=None, title=f"Segment {n}", kind="",
            planned_minutes=planned, skipped=skipped, started_at=at, ended_at=at,
            actual_seconds=actual,
        )  # fmt: skip

    timing = agenda_timing(
        [
            segment(1, 10, 600),
            segment(2, 20, 26 * 60),
            segment(3, 5, None, True),
            segment(4, 15, None),
        ]
    )
    assert timing["ran"] and timing["planned"] == 30 and timing["actual"] == 36
    assert timing["verdict"] == "6 minutes over" and not timing["on_time"]
    assert timing["sentence"] == "2 segments ran, 1 skipped, 1 not run"
    assert timing["over"] == "Segment 2 (+6 min)"
    assert agenda_timing([segment(1, 10, None)])["ran"] is False


def test_milestones_count_from_the_workshop_date_and_the_programs_length() -> None:
    got = milestones("2027-01-31", 9, ["2027-02-09T17:00", "", "2027-02-02"], (30, 90), 3, "en")
    assert [(m["label"], m["date"]) for m in got] == [
        ("First meetings", "2\u2009–\u20099 Feb 2027"),
        ("Day 30 check-in", "2 March 2027"),
        ("Day 90 check-in", "1 May 2027"),
        ("Mid-point review", "16 June 2027"),
        ("Program ends", "31 October 2027"),
    ]
    assert got[0]["note"] == "2 of 3 pairs booked"
    us = milestones("2027-01-31", None, [], DEFAULT_CHECK_IN_DAYS, 1, "en-US")
    assert us[0] == {"label": "First meetings", "date": "Not booked yet", "note": "0 of 1 pair"}
    assert [m["label"] for m in us][-1] == "Day 180 check-in"  # no length, no end date
    assert us[1]["date"] == "March 2, 2027"


def test_follow_ups_are_owned_by_the_coordinator_else_the_facilitator() -> None:
    workshop = Workshop(id="w", program="P", organisation="O", date="2027-01-19")
    assert follow_up_owner(workshop).startswith("Nobody yet")
    workshop.facilitator = "Priya Raman"
    assert follow_up_owner(workshop) == "Priya Raman, facilitator (no program coordinator is set)"
    workshop.coordinator = "Tom Becker"
    assert follow_up_owner(workshop) == "Tom Becker, program coordinator"


def test_the_pair_mix_shows_only_when_the_programs_goals_speak_of_it(tmp_path: Path) -> None:
    path = build(tmp_path / "mix.workshop", pairs=6, program_goals=["Grow first-time leaders"])
    with WorkshopFile.open(path) as wf:
        assert summary_context(wf)["mix"] is None
        wf.set_workshop_field("program_goals", "Break down silos between teams")
        mix = summary_context(wf)["mix"]
    # Mentors sit at sites 0,1,2,0,1,2 and mentees at 0,1,0,1,0,1: pairs 0 and 1 share one.
    assert (mix["across"], mix["same"], mix["unknown"], mix["pairs"]) == (4, 2, 0, 6)
