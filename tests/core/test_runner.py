"""The live agenda with a fake clock: no real waiting, every second accounted for."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from workshop_app.core.agenda_store import PlannedSegment, planned_from
from workshop_app.core.clock import FakeClock
from workshop_app.core.content import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.runner import Runner
from workshop_app.core.workshop_file import WorkshopFile


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def wf(tmp_path: Path, library):
    w = create_demo(tmp_path / "live.workshop")
    w.agenda.choose("half-day-launch", planned_from(library.agenda("half-day-launch"), library))
    yield w
    w.close()


def test_countdown_pause_resume_and_adjust(wf: WorkshopFile, library) -> None:
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    first = runner.current
    assert first is not None and runner.state() == "ready"
    planned = first.planned_minutes * 60
    runner.start()
    clock.advance(60)
    assert runner.remaining() == pytest.approx(planned - 60)
    runner.pause()
    clock.advance(600)  # paused time does not count
    assert runner.state() == "paused"
    assert runner.remaining() == pytest.approx(planned - 60)
    runner.start()
    runner.adjust(+5)
    clock.advance(30)
    assert runner.remaining() == pytest.approx(planned - 90 + 300)
    runner.adjust(-1)
    assert runner.remaining() == pytest.approx(planned - 90 + 240)
    runner.restart()
    assert runner.remaining() == pytest.approx(planned) and not runner.running


def test_warning_then_overrun(wf: WorkshopFile, library) -> None:
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    planned = runner.planned_seconds()
    runner.start()
    clock.advance(planned - 121)
    assert runner.state() == "running"
    clock.advance(2)
    assert runner.state() == "warning"
    clock.advance(180)
    assert runner.state() == "overrun"
    assert runner.remaining() == pytest.approx(-61)


def test_correct_to_the_second_over_hours(wf: WorkshopFile, library) -> None:
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    runner.start()
    for _ in range(3 * 3600):  # three hours of one-second ticks
        clock.advance(1)
    assert runner.elapsed() == pytest.approx(3 * 3600, abs=1e-6)


def test_recorded_timings_match_what_happened(wf: WorkshopFile, library) -> None:
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    ran = []
    for seconds in (300, 420, 95):
        runner.start()
        clock.advance(seconds)
        ran.append(seconds)
        runner.next()
    segments = [s for s in wf.agenda.segments() if not s.skipped]
    assert [s.actual_seconds for s in segments[:3]] == [300, 420, 95]
    for segment in segments[:3]:
        assert segment.started_at and segment.ended_at
    # The clock carried on into the fourth segment, which has started but not ended.
    assert segments[3].started_at and not segments[3].ended_at


def test_projected_finish_says_how_late(wf: WorkshopFile, library) -> None:
    wf.set_workshop_field("start_time", "09:00")
    start = Runner(wf, library, clock=FakeClock()).planned_start()
    clock = FakeClock(start.astimezone(tz=None).astimezone(start.tzinfo))
    from datetime import UTC

    clock = FakeClock(start.astimezone(UTC))
    runner = Runner(wf, library, clock=clock)
    assert runner.minutes_late() == pytest.approx(0, abs=0.01)
    planned = runner.planned_seconds()
    runner.start()
    clock.advance(planned + 7 * 60)  # the first segment runs 7 minutes over
    assert runner.minutes_late() == pytest.approx(7, abs=0.01)
    runner.next()
    assert runner.minutes_late() == pytest.approx(7, abs=0.01)
    assert runner.planned_finish() - runner.planned_start() == timedelta(minutes=210)


def test_resumes_after_closing_mid_segment(tmp_path: Path, library) -> None:
    path = tmp_path / "live.workshop"
    wf = create_demo(path)
    wf.agenda.choose("express-launch", planned_from(library.agenda("express-launch"), library))
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    runner.start()
    clock.advance(120)
    runner.next()
    clock.advance(200)  # second segment has run 200 s when the laptop is closed
    second = runner.current
    wf.close()
    clock.advance(45)  # away for 45 s; the segment was running, so that counts
    wf = WorkshopFile.open(path)
    again = Runner(wf, library, clock=clock)
    assert again.current is not None and second is not None
    assert again.current.id == second.id
    assert again.running
    assert again.elapsed() == pytest.approx(245)
    again.pause()
    wf.close()
    clock.advance(1000)  # paused: time away does not count
    wf = WorkshopFile.open(path)
    third = Runner(wf, library, clock=clock)
    assert not third.running and third.elapsed() == pytest.approx(245)
    wf.close()


def test_triad_rounds_say_who_speaks(wf: WorkshopFile, library) -> None:
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    index = next(
        i for i, s in enumerate(runner.segments) if s.exercise_id == "active-listening-triads"
    )
    runner.go_to(index)
    runner.start()
    steps = []
    exercise = runner.exercise()
    assert exercise is not None
    timeline = exercise.timeline(runner.current.planned_minutes)  # type: ignore[union-attr]
    for step in timeline:
        now = runner.step_now()
        assert now is not None
        steps.append((now.step.label, now.step.roles_text))
        clock.advance(step.minutes * 60)
    rounds = [s for s in steps if "of 3" in s[0]]
    assert rounds, steps
    speakers = {text.split(" · ")[0] for _, text in rounds if text}
    assert len({r for _, r in rounds}) == 3  # roles rotate: three different line-ups
    assert speakers


def test_agenda_changes_follow_into_the_plan(wf: WorkshopFile, library) -> None:
    runner = Runner(wf, library, clock=FakeClock())
    before = runner.planned_finish()
    segments = wf.agenda.segments()
    wf.agenda.set_minutes(segments[0].id, segments[0].planned_minutes + 10)
    wf.agenda.set_skipped(segments[1].id, True)
    wf.agenda.move(segments[5].id, 1)
    new_id = wf.agenda.insert(PlannedSegment("Stretch break", 5, None, "break"), position=2)
    runner.reload()
    expected = before + timedelta(minutes=10 - segments[1].planned_minutes + 5)
    assert runner.planned_finish() == expected
    assert runner.segments[0].id == segments[5].id
    assert runner.segments[1].id == new_id
    assert segments[1].id not in [s.id for s in runner.segments]


def test_finishing_the_agenda(wf: WorkshopFile, library) -> None:
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    runner.start()
    for _ in range(len(runner.segments)):
        clock.advance(60)
        runner.next()
    assert runner.state() == "finished"
    assert all(s.ended_at for s in wf.agenda.segments())
    runner.previous()
    assert runner.current is not None and runner.current.id == runner.segments[-1].id
