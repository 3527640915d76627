"""`demo --after-launch`: the demo program 100 days after its launch, every state a
coordinator acts on among its pairs, and the plain demo as it always was; in each of the
demo's languages, the same states with their own words."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from workshop_app.core.content.library import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.demo_data import LANGUAGES, demo_texts
from workshop_app.core.demo_follow_up import create_after_launch
from workshop_app.core.followup.board import board
from workshop_app.core.followup.health import follow_up

TODAY = date(2027, 9, 14)


@pytest.fixture(scope="module", params=list(LANGUAGES))
def program(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("demo") / "after.workshop"
    wf = create_after_launch(path, today=TODAY, language=request.param)
    yield wf
    wf.close()


def test_the_program_is_100_days_after_its_launch(program) -> None:
    launch = TODAY - timedelta(days=100)
    assert program.workshop().date == launch.isoformat()
    p01 = program.roster.pair_by_code("P01")
    first = program.charters.charter(p01.id).fields["first_meeting"]
    assert first == f"{(launch + timedelta(days=13)).isoformat()}T07:30"  # as 1 Feb after 19 Jan
    signed = [o.code for o in program.charters.overview() if o.signed_version]
    assert signed == ["P01", "P02", "P03", "P04", "P05"]


def test_every_state_a_coordinator_acts_on(program) -> None:
    words = demo_texts(program.workshop().language).follow_up
    fu = follow_up(program, today=TODAY, library=load_library())
    by_code = {p.code: p for p in fu.pairs}
    at_risk = {p.code: [r.kind for r in p.reasons] for p in fu.pairs if p.at_risk}
    assert at_risk == {
        "P03": ["cadence"],  # gone quiet
        "P04": ["help"],
        "P05": ["cadence", "fit", "concern"],
        "P07": ["cadence", "cancellations"],
        "P08": ["satisfaction"],
    }
    assert by_code["P06"].closed
    assert by_code["P06"].words[0].endswith(f"({words.p06_reason})")
    assert by_code["P01"].checkpoints[0].known.startswith("review held")
    assert by_code["P01"].on_cadence and by_code["P02"].on_cadence
    assert "goal 2 at 2 of 5, baseline 1" in by_code["P02"].words
    assert "mentee asked for help" in by_code["P04"].words
    assert "not a fit (mentor, day 30)" in by_code["P05"].words
    (cancelled,) = [r for r in by_code["P07"].reasons if r.kind == "cancellations"]
    assert cancelled.scenario == "Repeated cancellations"  # the library card's title
    assert cancelled.plan == f"{words.p07_scenario}: {words.p07_plan}"
    assert any(c.state == "due" for c in by_code["P03"].checkpoints)  # due this week
    figures = {f.key: f.text for f in board(fu).figures}
    assert figures["at_risk"] == "5 of 11" and figures["closed"] == "1 of 12"


def test_the_follow_up_records_are_in_the_demos_language(program) -> None:
    words = demo_texts(program.workshop().language).follow_up
    logged = {r[0] for r in program.conn.execute("SELECT text FROM contacts WHERE text != ''")}
    assert {words.p05_concern, words.p07_mentor_cancels, words.p07_mentee_cancels} <= logged
    (comment,) = program.conn.execute("SELECT comment FROM checkins WHERE comment != ''")
    assert comment == (words.p04_comment,)
    (review,) = program.conn.execute("SELECT plans_used, changes FROM reviews")
    assert review == (words.p01_plans_used, words.p01_changes)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_plain_demo_keeps_its_dates(tmp_path: Path, language: str) -> None:
    with create_demo(tmp_path / "demo.workshop", language=language) as wf:
        assert wf.workshop().date == "2027-01-19"
        assert wf.workshop().return_copy_by == "2027-01-29"
        p01 = wf.roster.pair_by_code("P01")
        charter = wf.charters.charter(p01.id)
        assert charter.fields["first_meeting"] == "2027-02-01T07:30"
        assert charter.goals[0].target_date == "2027-05-31"
        assert {s.signed_at for s in charter.signoffs} == {"2027-01-19T16:05:00+00:00"}
        assert wf.conn.execute("SELECT count(*) FROM checkins").fetchone() == (0,)
