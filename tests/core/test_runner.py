"""The live agenda with a fake clock: no real waiting, every second accounted for."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workshop_app.core.content.library import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.exports.tables import build_tables, read_export_data
from workshop_app.core.i18n import SOURCE_LANGUAGE, set_interface_language
from workshop_app.core.runner.agenda_store import PlannedSegment, planned_from
from workshop_app.core.runner.clock import FakeClock
from workshop_app.core.runner.live import Runner, drift_text, rehearsal_suggested
from workshop_app.core.runner.record import run_in_progress
from workshop_app.core.store.workshop_file import WorkshopFile

# The demo workshop is on 19 January 2027; FakeClock starts that morning.
WORKSHOP_DAY = datetime(2027, 1, 19, 9, 0, tzinfo=UTC)
DAY_BEFORE = WORKSHOP_DAY - timedelta(days=1)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def wf(tmp_path: Path, library):
    w = create_demo(tmp_path / "live.workshop")
    w.agenda.choose("half-day-launch", planned_from(library.agenda("half-day-launch"), library))
    yield w
    w.close()


def start_triads(runner: Runner) -> None:
    """Go to the active-listening triads (timed rounds) and start them."""
    index = next(
        i for i, s in enumerate(runner.segments) if s.exercise_id == "active-listening-triads"
    )
    runner.go_to(index)
    runner.start_viewed()


def recorded(wf: WorkshopFile) -> list[tuple[str | None, str | None, float | None]]:
    return [(s.started_at, s.ended_at, s.actual_seconds) for s in wf.agenda.segments()]


def test_countdown_pause_resume_and_adjust(wf: WorkshopFile, library) -> None:
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    first = runner.timed
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
    runner.start()
    for seconds in (300, 420, 95):
        clock.advance(seconds)
        runner.next()
        runner.start_viewed()  # "Start this one": the last one ends, this one runs
    segments = [s for s in wf.agenda.segments() if not s.skipped]
    assert [s.actual_seconds for s in segments[:3]] == [300, 420, 95]
    assert all(s.ran for s in segments[:3])
    # The fourth is running: started, not ended, no actual time yet.
    assert segments[3].started_at and not segments[3].ended_at and not segments[3].ran
    assert runner.live is not None and runner.live.id == segments[3].id and runner.running


def test_looking_ahead_records_nothing(wf: WorkshopFile, library) -> None:
    """Right through the agenda while a segment runs: the clock keeps running on the live
    segment, the others stay unstarted, and the export shows only what ran."""
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    runner.start()
    clock.advance(200)
    live = runner.live
    before = recorded(wf)
    for _ in range(6):
        runner.next()
        clock.advance(0.4)
        assert runner.browsing and runner.timed is live and runner.running
    runner.previous()
    assert recorded(wf) == before
    assert runner.elapsed() == pytest.approx(202.4)
    runner.show_timed()
    assert not runner.browsing and runner.viewed is live
    runner.next()
    runner.next()
    clock.advance(100)
    runner.start_viewed()  # the third segment starts; the first ends after 302.4 s
    agenda = next(t for t in build_tables(read_export_data(wf, include_confidential=False))
                  if t.name == "agenda")  # fmt: skip
    names = [c.name for c in agenda.columns]
    actual = [row[names.index("actual_minutes")] for row in agenda.rows]
    assert actual[0] == pytest.approx(5.0) and actual[1:] == [None] * (len(actual) - 1)
    started = [row[names.index("started_at_utc")] for row in agenda.rows]
    assert started[1] is None and started[2] is not None


def test_adjustments_stay_with_their_segment(tmp_path: Path, library) -> None:
    path = tmp_path / "live.workshop"
    wf = create_demo(path)
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    first = runner.timed
    assert first is not None
    runner.start()
    runner.adjust(+5)
    runner.next()
    runner.previous()  # looking at the next segment and back changes nothing
    assert runner.planned_seconds() == first.planned_minutes * 60 + 300
    runner.next()
    runner.start_viewed()
    runner.adjust(-1)
    second = runner.timed
    assert second is not None and runner.planned_seconds() == second.planned_minutes * 60 - 60
    runner.previous()
    runner.start_viewed()  # back to the first: its five minutes are still there
    assert runner.planned_seconds() == first.planned_minutes * 60 + 300
    wf.close()
    wf = WorkshopFile.open(path)
    again = Runner(wf, library, clock=clock)
    extras = {s.id: s.extra_seconds for s in again.segments}
    assert extras[first.id] == 300 and extras[second.id] == -60
    assert again.planned_seconds() == first.planned_minutes * 60 + 300
    assert [e.field for e in wf.history(limit=50)].count("extra_seconds") == 2
    wf.close()


def test_projected_finish_says_how_late(wf: WorkshopFile, library) -> None:
    wf.set_workshop_field("start_time", "09:00")
    start = datetime.fromisoformat("2027-01-19T09:00").astimezone()
    clock = FakeClock(start.astimezone(UTC))
    runner = Runner(wf, library, clock=clock)
    assert runner.planned_start() == start
    assert runner.minutes_late() == pytest.approx(0, abs=0.01)
    planned = runner.planned_seconds()
    runner.start()
    clock.advance(planned + 7 * 60)  # the first segment runs 7 minutes over
    assert runner.minutes_late() == pytest.approx(7, abs=0.01)
    runner.next()
    runner.start_viewed()
    assert runner.minutes_late() == pytest.approx(7, abs=0.01)
    runner.adjust(+5)  # five more minutes for this one: twelve late in all
    assert runner.minutes_late() == pytest.approx(12, abs=0.01)
    planned_day = library.agenda("half-day-launch").total_minutes
    assert runner.planned_finish() - runner.planned_start() == timedelta(minutes=planned_day)


def test_a_run_on_another_day_compares_with_that_days_plan(wf: WorkshopFile, library) -> None:
    """The file says 19 January; the workshop runs on the 26th (the date was never changed)
    and is recorded for real: its plan starts at 09:00 on the 26th, not a week earlier."""
    day = datetime.fromisoformat("2027-01-26T09:10").astimezone()
    clock = FakeClock(day.astimezone(UTC))
    runner = Runner(wf, library, clock=clock)
    assert runner.minutes_late() == pytest.approx(10, abs=0.01)
    runner.start()
    assert runner.planned_start() == datetime.fromisoformat("2027-01-26T09:00").astimezone()
    assert runner.minutes_late() == pytest.approx(10, abs=0.01)


def test_rehearsal_records_nothing_and_compares_with_its_own_start(
    wf: WorkshopFile, library
) -> None:
    clock = FakeClock(DAY_BEFORE + timedelta(hours=7))  # the evening before
    assert rehearsal_suggested(wf, clock)
    mark = wf.change_mark()
    before = recorded(wf)
    runner = Runner(wf, library, clock=clock, rehearsal=True)
    assert runner.rehearsal and runner.minutes_late() == pytest.approx(0, abs=0.01)
    runner.start()
    first_planned = runner.planned_seconds()
    clock.advance(first_planned - 120)  # two minutes quicker than planned
    runner.adjust(+5)
    runner.next()
    runner.start_viewed()
    assert runner.minutes_late() == pytest.approx(-2, abs=0.01)
    assert runner.planned_start() == (DAY_BEFORE + timedelta(hours=7)).astimezone()
    clock.advance(30)
    runner.reload()  # an agenda change mid-rehearsal keeps the rehearsal's own state
    assert runner.elapsed() == pytest.approx(30) and runner.segments[0].ended_at
    assert wf.change_mark() == mark and recorded(wf) == before
    assert wf.conn.execute("SELECT count(*) FROM runner_state").fetchone() == (0,)
    # The real day starts clean.
    real = Runner(wf, library, clock=FakeClock(WORKSHOP_DAY))
    assert real.live is None and real.state() == "ready" and real.timed is real.segments[0]
    assert real.planned_seconds() == real.segments[0].planned_minutes * 60


def test_rehearsal_is_suggested_only_before_the_real_run(wf: WorkshopFile, library) -> None:
    assert not rehearsal_suggested(wf, FakeClock(WORKSHOP_DAY))
    day_before = FakeClock(DAY_BEFORE)
    assert rehearsal_suggested(wf, day_before)
    Runner(wf, library, clock=day_before).start()  # run for real, on purpose
    assert not rehearsal_suggested(wf, day_before)


def test_resumes_after_closing_mid_segment(tmp_path: Path, library) -> None:
    path = tmp_path / "live.workshop"
    wf = create_demo(path)
    wf.agenda.choose("express-launch", planned_from(library.agenda("express-launch"), library))
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    assert not run_in_progress(wf)
    runner.start()
    clock.advance(120)
    runner.next()
    runner.start_viewed()
    clock.advance(200)  # second segment has run 200 s when the laptop is closed
    second = runner.live
    runner.next()  # the facilitator was looking ahead when the lid closed
    wf.close()
    clock.advance(45)  # away for 45 s; the segment was running, so that counts
    wf = WorkshopFile.open(path)
    assert run_in_progress(wf)
    again = Runner(wf, library, clock=clock)
    assert again.live is not None and second is not None
    assert again.live.id == second.id and again.viewed is again.live
    assert again.running
    assert again.elapsed() == pytest.approx(245)
    again.pause()
    wf.close()
    clock.advance(1000)  # paused: time away does not count
    wf = WorkshopFile.open(path)
    assert run_in_progress(wf)
    third = Runner(wf, library, clock=clock)
    assert not third.running and third.elapsed() == pytest.approx(245)
    assert third.state() == "paused"
    wf.close()


def test_a_clock_reset_and_left_records_no_run(wf: WorkshopFile, library) -> None:
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    runner.start()
    clock.advance(30)
    runner.restart()
    runner.next()
    runner.start_viewed()
    first = wf.agenda.segments()[0]
    assert (first.started_at, first.ended_at, first.actual_seconds) == (None, None, None)


def test_triad_rounds_say_who_speaks(wf: WorkshopFile, library) -> None:
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    start_triads(runner)
    steps = []
    exercise = runner.exercise()
    assert exercise is not None
    timeline = exercise.timeline(runner.timed.planned_minutes)  # type: ignore[union-attr]
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
    runner.go_to(len(runner.segments) - 1)
    runner.next()
    runner.start_viewed()  # "End the workshop" before it began: nothing to end
    assert not runner.finished and not runner.begun
    runner.show_timed()
    runner.start()
    for _ in range(len(runner.segments)):
        clock.advance(60)
        runner.next()
        runner.start_viewed()  # past the last segment: "End the workshop"
    assert runner.state() == "finished" and runner.viewed is None
    assert all(s.ran for s in wf.agenda.segments())
    assert not run_in_progress(wf)
    assert Runner(wf, library, clock=clock).finished  # and so it stays when reopened
    runner.previous()
    assert runner.viewed is not None and runner.viewed.id == runner.segments[-1].id
    runner.start_viewed()  # back to the last one: its clock goes on from its minute
    assert not runner.finished and runner.elapsed() == pytest.approx(60)


def test_upgrading_a_file_keeps_the_live_segments_added_minutes(tmp_path: Path) -> None:
    """Migration 0003: a file saved mid-segment by the previous version (extra minutes in the
    runner state) keeps them, now on the segment itself."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from workshop_app.core.store import schema

    path = tmp_path / "old.workshop"
    conn = sqlite3.connect(path, isolation_level=None)
    format_2 = Migrations(schema.MIGRATION_SET)
    for name, fn in schema._MIGRATIONS[:2]:
        format_2(name=name)(fn)
    format_2.apply(Database(conn))
    conn.execute(
        "INSERT INTO workshop (id, program, organisation, date, updated_at)"
        " VALUES ('w', 'P', 'O', '2027-01-19', 'x')"
    )
    conn.execute(
        "INSERT INTO agenda_segments (id, position, title, planned_minutes, started_at,"
        " updated_at) VALUES ('s1', 1, 'Welcome', 10, '2027-01-19T09:00:00+00:00', 'x'),"
        " ('s2', 2, 'Skills', 20, NULL, 'x')"
    )
    conn.execute(
        "INSERT INTO runner_state (id, segment_id, elapsed_seconds, running_since,"
        " extra_seconds, updated_at) VALUES ('r', 's1', 100, NULL, 300, 'x')"
    )
    assert conn.execute("PRAGMA user_version").fetchone() == (2,)
    conn.close()
    wf = WorkshopFile.open(path)
    try:
        assert wf.conn.execute("PRAGMA user_version").fetchone() == (schema.schema_version(),)
        extras = {s.id: s.extra_seconds for s in wf.agenda.segments()}
        assert extras == {"s1": 300, "s2": 0}
        columns = [r[1] for r in wf.conn.execute("PRAGMA table_info(runner_state)")]
        assert "extra_seconds" not in columns
        runner = Runner(wf, None, clock=FakeClock())
        assert runner.live is not None and runner.live.id == "s1"
        assert runner.remaining() == pytest.approx(600 + 300 - 100)
    finally:
        wf.close()


def test_a_segment_passed_over_still_counts_in_the_projected_finish(
    wf: WorkshopFile, library
) -> None:
    start = datetime.fromisoformat("2027-01-19T09:00").astimezone()
    clock = FakeClock(start.astimezone(UTC))
    runner = Runner(wf, library, clock=clock)
    runner.start()
    clock.advance(runner.planned_seconds())  # the first one on time
    runner.go_to(5)
    runner.start_viewed()  # then straight to the sixth: the four between are still to run
    assert runner.minutes_late() == pytest.approx(0, abs=0.01)


def test_minutes_added_go_to_the_step_that_runs(tmp_path: Path, library) -> None:
    """The issue: +5 changed the segment's countdown but not its step's. Minutes added or
    taken off during a step make that step longer or shorter; the steps before keep what they
    ran, the steps after keep their length; a reopened app counts the same steps down."""
    path = tmp_path / "steps.workshop"
    wf = create_demo(path)
    wf.agenda.choose("half-day-launch", planned_from(library.agenda("half-day-launch"), library))
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    start_triads(runner)
    exercise = runner.exercise()
    assert exercise is not None and runner.timed is not None
    steps = exercise.timeline(runner.timed.planned_minutes)
    first, second = steps[0].minutes * 60, steps[1].minutes * 60
    clock.advance(first + 30)  # 30 s into the second step
    now = runner.step_now()
    assert now is not None and now.index == 1
    assert now.remaining_seconds == pytest.approx(second - 30)
    runner.adjust(+5)
    now = runner.step_now()
    assert now is not None and now.index == 1
    assert now.remaining_seconds == pytest.approx(second - 30 + 300)
    runner.adjust(-1)
    assert runner.step_now().remaining_seconds == pytest.approx(second - 30 + 240)  # type: ignore[union-attr]
    clock.advance(second - 30 + 240)  # the second step, lengthened, is over
    now = runner.step_now()
    assert now is not None and now.index == 2
    assert now.remaining_seconds == pytest.approx(steps[2].minutes * 60)
    wf.close()

    reopened = WorkshopFile.open(path)
    try:
        again = Runner(reopened, library, clock=clock)
        now = again.step_now()
        assert now is not None and now.index == 2
        assert now.remaining_seconds == pytest.approx(steps[2].minutes * 60)
        assert again.remaining() == pytest.approx(runner.remaining())
    finally:
        reopened.close()


def test_restart_starts_the_segment_afresh(wf: WorkshopFile, library) -> None:
    """The issue: after Restart, the export said the segment started at its first start but
    ran 5 s. A restarted segment's start is when it is started again."""
    clock = FakeClock()
    runner = Runner(wf, library, clock=clock)
    runner.start()
    clock.advance(200)
    runner.restart()
    assert recorded(wf)[0] == (None, None, None) and runner.elapsed() == 0
    restarted = clock.now().isoformat(timespec="seconds")
    runner.start()
    clock.advance(5)
    runner.next()
    runner.start_viewed()
    started, ended, actual = recorded(wf)[0]
    assert started == restarted and actual == pytest.approx(5)
    assert ended is not None
    span = datetime.fromisoformat(ended) - datetime.fromisoformat(started)
    assert span.total_seconds() == pytest.approx(5)


@pytest.mark.parametrize(
    ("lang", "late", "ahead"),
    [
        ("en", "running 8 h 36 min late", "1 h 05 min ahead"),
        ("it", "in ritardo di 8 h 36 min", "in anticipo di 1 h 05 min"),
        ("de", "8 Std. 36 Min. im Verzug", "1 Std. 05 Min. voraus"),
    ],
)
def test_a_long_drift_reads_in_hours_and_minutes(lang: str, late: str, ahead: str) -> None:
    """A trainer read "in ritardo di 516 min": past an hour, hours and minutes."""
    set_interface_language(lang)
    try:
        assert drift_text(516) == late
        assert drift_text(-65) == ahead
        assert drift_text(7.2).endswith("7 min late") or lang != "en"
    finally:
        set_interface_language(SOURCE_LANGUAGE)
