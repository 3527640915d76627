"""Running a workshop in the app with a fake clock, as the facilitator does: keys on the
runner page and the presenter window, clicks on buttons found by their accessible names,
then a look at the workshop file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTextBrowser,
    QWidget,
)

from workshop_app.core.content.library import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.exports.tables import build_tables, read_export_data
from workshop_app.core.runner.agenda_store import PlannedSegment
from workshop_app.core.runner.clock import FakeClock
from workshop_app.core.runner.room_text import clock_text
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.runner import RunnerPage

WORKSHOP_DAY = datetime(2027, 1, 19, 9, 0, tzinfo=UTC)  # the demo's date


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    create_demo(tmp_path / "live.workshop").close()
    return tmp_path / "live.workshop"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(WORKSHOP_DAY)


def make_page(qtbot, path: Path, library, clock: FakeClock) -> tuple[RunnerPage, WorkshopFile]:
    wf = WorkshopFile.open(path)
    page = RunnerPage(library, clock=clock)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_workshop(wf)
    page.setFocus()
    return page, wf


def close(page: RunnerPage, wf: WorkshopFile) -> None:
    page.set_workshop(None)
    wf.close()


def key(qtbot, page: RunnerPage, k: Qt.Key, text: str = "") -> None:
    qtbot.keyClick(page, k)
    page.update_time()  # what the 200 ms tick does


def named(widget: QWidget, name: str) -> QAbstractButton:
    return next(b for b in widget.findChildren(QAbstractButton) if b.accessibleName() == name)


def click(qtbot, widget: QWidget, name: str) -> None:
    button = named(widget, name)
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def timings(wf: WorkshopFile) -> list[tuple[str | None, str | None, float | None]]:
    return [(s.started_at, s.ended_at, s.actual_seconds) for s in wf.agenda.segments()]


def move_on(qtbot, page: RunnerPage) -> None:
    """What the facilitator does when a segment is over: look at the next one, start it."""
    key(qtbot, page, Qt.Key.Key_Right)
    key(qtbot, page, Qt.Key.Key_Return)


# -- the clock ----------------------------------------------------------------------------------


def test_keys_drive_the_timer(qtbot, path: Path, library, clock: FakeClock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    view, runner = page.view, page.runner
    assert runner is not None and view.segment_title.text() == runner.segments[0].title
    assert not view.rehearsal_banner.isVisible()  # the workshop's own day: the real run
    planned = runner.planned_seconds()
    key(qtbot, page, Qt.Key.Key_Space)
    assert runner.running and view.start_button.text() == "Pause"
    clock.advance(65)
    page.update_time()
    assert runner.remaining() == pytest.approx(planned - 65)
    key(qtbot, page, Qt.Key.Key_Space)
    assert not runner.running and view.state_label.text().startswith("Paused")
    assert view.start_button.text() == "Resume"  # after a pause, not "Start"
    key(qtbot, page, Qt.Key.Key_Plus)
    assert runner.remaining() == pytest.approx(planned - 65 + 300)
    key(qtbot, page, Qt.Key.Key_Minus)
    assert runner.remaining() == pytest.approx(planned - 65 + 240)
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(planned - 65 + 240 - 100)
    page.update_time()
    assert view.state_label.text() == "Less than two minutes left"
    clock.advance(160)
    page.update_time()
    assert view.state_label.text() == "Over time"
    assert view.timer.text() == "+1:00"
    close(page, wf)


def test_added_minutes_stay_with_their_segment(qtbot, path: Path, library, clock) -> None:
    """The issue: press + (14:26 left), Right, Left: 9:25. Now it stays 14:26, in the file
    too, and after reopening."""
    page, wf = make_page(qtbot, path, library, clock)
    view, runner = page.view, page.runner
    assert runner is not None
    first = runner.segments[0]
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(34)
    key(qtbot, page, Qt.Key.Key_Plus)
    assert view.timer.text() == "14:26"
    key(qtbot, page, Qt.Key.Key_Right)
    key(qtbot, page, Qt.Key.Key_Left)
    assert view.timer.text() == "14:26" and "+5 min" in view.position.text()
    move_on(qtbot, page)  # on to the second segment, and back to the first
    key(qtbot, page, Qt.Key.Key_Left)
    key(qtbot, page, Qt.Key.Key_Return)
    assert runner.live is not None and runner.live.id == first.id
    assert view.timer.text() == "14:26"
    assert next(s for s in wf.agenda.segments() if s.id == first.id).extra_seconds == 300
    close(page, wf)
    page2, wf2 = make_page(qtbot, path, library, clock)
    assert page2.view.timer.text() == "14:26"
    close(page2, wf2)


def test_whole_agenda_with_triads_and_recorded_timings(
    qtbot, path: Path, library, clock: FakeClock
) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None
    key(qtbot, page, Qt.Key.Key_Space)
    seen_steps: set[str] = set()
    ran: list[float] = []
    for _ in range(len(runner.segments)):
        segment = runner.live
        assert segment is not None
        seconds = segment.planned_minutes * 60
        if segment.exercise_id == "active-listening-triads":
            # walk through the rounds a minute at a time, reading the step line as we go
            for _ in range(int(segment.planned_minutes)):
                clock.advance(60)
                page.update_time()
                seen_steps.add(page.view.step_label.text())
            seconds = int(segment.planned_minutes) * 60
        else:
            clock.advance(seconds)
        ran.append(seconds)
        move_on(qtbot, page)  # after the last one: "End the workshop"
    assert runner.state() == "finished"
    assert page.view.segment_title.text() == "The workshop is finished"
    rounds = {s for s in seen_steps if "(2 of 3)" in s}
    assert any("A: observer" in s for s in rounds) or any("A: listener" in s for s in rounds)
    recorded = [s.actual_seconds for s in wf.agenda.segments() if not s.skipped]
    assert recorded == pytest.approx(ran)
    close(page, wf)


def test_looking_ahead_records_nothing(qtbot, path: Path, library, clock) -> None:
    """The issue: Right through the segments recorded ~0.4 s of "actual" time for each, and
    the export showed it. Looking now records nothing; the projector stays on what runs."""
    page, wf = make_page(qtbot, path, library, clock)
    view, runner = page.view, page.runner
    assert runner is not None
    key(qtbot, page, Qt.Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(300)
    first = runner.segments[0]
    before = timings(wf)
    controls = view.controls.geometry()
    for i in range(1, len(runner.segments)):
        key(qtbot, page, Qt.Key.Key_Right)
        clock.advance(0.4)
        page.update_time()
        assert view.segment_title.text() == runner.segments[i].title  # its prompt and notes
        assert presenter.heading.text() == first.title  # the room still sees the first
        assert view.browse_banner.isVisible() and first.title in view.browse_banner.label.text()
        # Another title, no steps, a banner: the buttons stay under the pointer.
        assert view.controls.geometry() == controls, runner.segments[i].title
    assert timings(wf) == before and runner.running
    click(qtbot, page, "Back to the running segment (Esc)")
    assert view.segment_title.text() == first.title and not view.browse_banner.isVisible()
    key(qtbot, page, Qt.Key.Key_Right)
    key(qtbot, page, Qt.Key.Key_Right)
    click(qtbot, page, "Start this one (Enter)")  # the third starts; the first ends
    assert presenter.heading.text() == runner.segments[2].title
    agenda = next(
        t
        for t in build_tables(read_export_data(wf, include_confidential=False))
        if t.name == "agenda"
    )
    names = [c.name for c in agenda.columns]
    actual = [row[names.index("actual_minutes")] for row in agenda.rows]
    assert actual[0] == pytest.approx(5.0, abs=0.1) and set(actual[1:]) == {None}
    started = [row[names.index("started_at_utc")] for row in agenda.rows]
    assert started[1] is None and started[3] is None and started[2] is not None
    qtbot.keyClick(presenter, Qt.Key.Key_F5)  # F5 closes it; Esc does not
    close(page, wf)


def test_reopening_returns_to_the_segment_that_runs(qtbot, path: Path, library, clock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(300)
    move_on(qtbot, page)
    clock.advance(130)
    key(qtbot, page, Qt.Key.Key_Space)  # paused mid-way
    key(qtbot, page, Qt.Key.Key_Right)  # and looking ahead when the laptop closed
    runner = page.runner
    assert runner is not None and runner.live is not None
    live, planned = runner.live, runner.planned_seconds()
    close(page, wf)
    clock.advance(20)
    page2, wf2 = make_page(qtbot, path, library, clock)
    again = page2.runner
    assert again is not None and again.live is not None and again.live.id == live.id
    assert page2.view.segment_title.text() == live.title  # it opens on the one that runs
    assert again.remaining() == pytest.approx(planned - 130)
    assert page2.view.start_button.text() == "Resume"
    close(page2, wf2)


def test_the_window_opens_on_the_runner_while_a_segment_runs(
    qtbot, path: Path, library, clock, app_data: Path
) -> None:
    from workshop_app.ui.main_window import MainWindow
    from workshop_app.ui.settings import AppSettings

    window = MainWindow(AppSettings())
    qtbot.addWidget(window)
    assert window.open_path(path)
    assert window.current_page().title != "Run workshop"  # nothing runs yet
    window.close_workshop()
    with WorkshopFile.open(path) as wf:
        from workshop_app.core.runner.live import Runner

        Runner(wf, library, clock=clock).start()
    assert window.open_path(path)
    assert window.current_page().title == "Run workshop"
    window.close_workshop()


# -- rehearsal ----------------------------------------------------------------------------------


def test_a_rehearsal_the_day_before_records_nothing(qtbot, path: Path, library) -> None:
    evening = FakeClock(WORKSHOP_DAY - timedelta(hours=15))  # 18:00 the day before
    page, wf = make_page(qtbot, path, library, evening)
    view, runner = page.view, page.runner
    assert runner is not None and runner.rehearsal
    assert view.rehearsal_banner.isVisible()
    assert view.rehearsal_banner.label.text().startswith("Rehearsal: nothing is recorded")
    mark = wf.change_mark()
    key(qtbot, page, Qt.Key.Key_Space)
    evening.advance(runner.planned_seconds() - 60)  # a minute quicker than planned
    key(qtbot, page, Qt.Key.Key_Plus)
    move_on(qtbot, page)
    evening.advance(30)
    page.update_time()
    assert "1 min ahead" in view.finish.text() and "rehearsal" in view.finish.text()
    assert wf.change_mark() == mark  # nothing written: no timings, no state, no minutes
    click(qtbot, page, "Record this run for real")
    assert not view.rehearsal_banner.isVisible() and not page.runner.rehearsal  # type: ignore[union-attr]
    assert page.runner.live is None and view.timer.text() == "10:00"  # type: ignore[union-attr]
    named(page, "Rehearsal: try the timings, nothing is recorded").click()  # and back
    assert view.rehearsal_banner.isVisible()
    close(page, wf)


def test_nonsense_drift_is_gone(qtbot, path: Path, library) -> None:
    """The issue: a segment run before the workshop date said "141201 min ahead"."""
    months_before = FakeClock(WORKSHOP_DAY - timedelta(days=98))
    page, wf = make_page(qtbot, path, library, months_before)
    key(qtbot, page, Qt.Key.Key_Space)
    months_before.advance(60)
    page.update_time()
    assert page.view.finish.text().endswith("· on time")
    click(qtbot, page, "Record this run for real")  # even when run for real that day
    key(qtbot, page, Qt.Key.Key_Space)
    months_before.advance(60)
    page.update_time()
    assert "min ahead" not in page.view.finish.text()
    close(page, wf)


# -- the scenario and the projector ---------------------------------------------------------------


def silent_partner_agenda(path: Path) -> None:
    with WorkshopFile.open(path) as wf:
        wf.agenda.insert(
            PlannedSegment("A partner who goes silent", 10, "scenario-partner-goes-silent"),
            position=1,
        )


def test_the_facilitator_reveals_a_scenario_part_to_the_room(qtbot, path, library, clock):
    silent_partner_agenda(path)
    page, wf = make_page(qtbot, path, library, clock)
    view, runner = page.view, page.runner
    assert runner is not None
    exercise = runner.exercise()
    assert exercise is not None and exercise.id == "scenario-partner-goes-silent"
    view.tabs.setCurrentWidget(view.scenario)
    facilitator = " ".join(label.text() for label in view.scenario.findChildren(QLabel))
    assert "restructuring" in facilitator and exercise.good_plans[0][:30] in facilitator
    key(qtbot, page, Qt.Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None
    key(qtbot, page, Qt.Key.Key_Space)
    assert "restructuring" not in presenter.shown_text()
    assert exercise.good_plans[0][:30] not in presenter.shown_text()
    click(qtbot, page, "Show situation, paragraph 3 of 3 on the projector")
    page.update_time()
    assert "restructuring" in presenter.shown_text()
    assert "restructuring" in view.room_view.toPlainText()  # the room tab shows it too
    click(qtbot, page, "Show good plan 2 of 3 on the projector")
    page.update_time()
    assert exercise.good_plans[1][:30] in presenter.shown_text()
    assert exercise.good_plans[0][:30] not in presenter.shown_text()
    click(qtbot, page, "Show situation, paragraph 3 of 3 on the projector")  # hide it again
    page.update_time()
    assert "restructuring" not in presenter.shown_text()
    notes_line = exercise.facilitator_notes.splitlines()[2].strip()
    assert notes_line and notes_line not in presenter.shown_text()
    # Looking at another scenario's parts while this one runs: nothing to reveal there.
    qtbot.keyClick(presenter, Qt.Key.Key_F5)  # F5 closes it; Esc does not
    close(page, wf)


def test_scenario_plan_goes_into_the_charter(qtbot, path: Path, library, clock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    view, runner = page.view, page.runner
    assert runner is not None
    index = next(i for i, s in enumerate(runner.segments) if s.kind == "scenario")
    for _ in range(index):
        key(qtbot, page, Qt.Key.Key_Right)
    view.tabs.setCurrentWidget(view.scenario)
    assert view.plan_box.isVisible()
    box = view.plan_box
    box.pair.setCurrentIndex(box.pair.findText("P07", Qt.MatchFlag.MatchStartsWith))
    qtbot.keyClicks(box.text, "we rebook within the same week, no apologies needed")
    qtbot.mouseClick(box.add, Qt.MouseButton.LeftButton)
    pair = wf.roster.pair_by_code("P07")
    assert pair is not None
    plans = wf.charters.plans(pair.id)
    exercise = runner.exercise()
    assert exercise is not None
    assert (plans[-1].scenario, plans[-1].plan) == (
        exercise.title,
        "we rebook within the same week, no apologies needed",
    )
    assert "P07" in box.result.text()
    assert all(s.started_at is None for s in wf.agenda.segments())  # only looked at it
    close(page, wf)


def test_presenter_shows_the_room_never_the_notes(qtbot, path: Path, library, clock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None
    key(qtbot, page, Qt.Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None and presenter.isVisible()
    key(qtbot, page, Qt.Key.Key_Space)
    for _ in range(len(runner.segments)):
        exercise = runner.exercise(runner.live)
        page.update_time()
        shown = presenter.shown_text() + " ".join(
            w.toPlainText() for w in presenter.findChildren(QTextBrowser)
        )
        if exercise is not None and exercise.facilitator_notes:
            first_note_line = next(
                line.strip() for line in exercise.facilitator_notes.splitlines() if line.strip()
            )
            assert first_note_line not in shown
        for person in wf.roster.participants():
            assert person.email not in shown
        assert presenter.heading.text() == runner.live.title  # type: ignore[union-attr]
        assert presenter.time_of_day.text() == f"{clock.now().astimezone():%H:%M}"
        move_on(qtbot, page)
    page.set_presenter_scale(+0.5)
    assert presenter.scale == pytest.approx(1.5)
    qtbot.keyClick(presenter, Qt.Key.Key_F5)  # F5 closes it; Esc does not
    assert page.presenter is None
    close(page, wf)


def test_blank_and_freeze_the_projector(qtbot, path: Path, library, clock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    view, runner = page.view, page.runner
    assert runner is not None
    key(qtbot, page, Qt.Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None
    first, second = runner.segments[0], runner.segments[1]
    key(qtbot, page, Qt.Key.Key_B)
    assert presenter.blank and presenter.shown_text() == ""
    assert view.projector_banner.isVisible() and "blank" in view.projector_banner.label.text()
    assert view.blank_button.isChecked()
    key(qtbot, page, Qt.Key.Key_B)  # B again: back
    assert not presenter.blank and first.title in presenter.shown_text()
    key(qtbot, page, Qt.Key.Key_B)
    key(qtbot, page, Qt.Key.Key_Space)  # any runner key brings it back (and does its job)
    assert not presenter.blank and runner.running
    assert not view.projector_banner.isVisible()
    qtbot.keyClick(presenter, Qt.Key.Key_F)  # a key on the projector's own window
    assert presenter.frozen and "frozen" in view.projector_banner.label.text()
    shown = presenter.shown_text()
    clock.advance(61)
    move_on(qtbot, page)  # the second segment starts; the room keeps seeing the first
    assert presenter.shown_text() == shown and presenter.heading.text() == first.title
    key(qtbot, page, Qt.Key.Key_F)
    assert not presenter.frozen and presenter.heading.text() == second.title
    qtbot.keyClick(presenter, Qt.Key.Key_B)
    click(qtbot, page, "Show the projector live again")
    assert not presenter.blank and not view.projector_banner.isVisible()
    qtbot.keyClick(presenter, Qt.Key.Key_F5)  # F5 closes it; Esc does not
    assert not view.blank_button.isEnabled()  # nothing to blank without a projector
    close(page, wf)


def test_on_a_single_screen_the_presenter_is_a_window_beside_the_controls(
    qtbot, path: Path, library, clock
) -> None:
    """The issue: on a single laptop the presenter view opened over the controls."""
    page, wf = make_page(qtbot, path, library, clock)
    assert len(QGuiApplication.screens()) == 1
    area = page.screen().availableGeometry()
    page.setGeometry(area)  # the facilitator's window fills the laptop's screen
    view = page.view
    click(qtbot, page, "Presenter view (F5)")
    presenter = page.presenter
    assert presenter is not None and not presenter.isFullScreen()
    assert area.contains(presenter.geometry())
    controls = QRect(
        view.mapToGlobal(QPoint(0, 0)),
        view.finish.mapToGlobal(QPoint(view.finish.width(), view.finish.height())),
    )
    assert not presenter.geometry().intersects(controls)  # the countdown and the buttons
    key(qtbot, page, Qt.Key.Key_Right)  # a banner appears: its buttons stay clear too
    for name in ("Back to the running segment (Esc)", "Start this one (Enter)"):
        b = named(page, name)
        assert not presenter.geometry().intersects(QRect(b.mapToGlobal(QPoint(0, 0)), b.size()))
    assert view.timer.mapToGlobal(QPoint(0, 0)) == controls.topLeft() + (
        view.timer.mapTo(view, QPoint(0, 0))
    )  # and the countdown did not move
    presenter.move(area.topLeft() + QPoint(30, 40))  # the facilitator puts it elsewhere
    placed = presenter.geometry()
    qtbot.keyClick(presenter, Qt.Key.Key_F5)
    click(qtbot, page, "Presenter view (F5)")  # and finds it there next time
    assert page.presenter is not None and page.presenter.geometry() == placed
    page.presenter.close()
    close(page, wf)


# -- notes, text, sizes, names ------------------------------------------------------------------


def test_the_facilitators_own_notes_are_kept_and_never_projected(
    qtbot, path: Path, library, clock
) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    view, runner = page.view, page.runner
    assert runner is not None
    key(qtbot, page, Qt.Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None
    view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(view.own_notes.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.own_notes, "Ask Helena for two sentences only")
    assert not runner.running  # Space went into the notes, not to the timer
    first = runner.segments[0].id
    qtbot.waitUntil(lambda: _notes(wf, first) == "Ask Helena for two sentences only")
    qtbot.keyClick(view.own_notes, Qt.Key.Key_Escape)  # the keys go back to the runner
    key(qtbot, page, Qt.Key.Key_Right)
    assert view.own_notes.toPlainText() == ""
    assert "Helena for two" not in presenter.shown_text()
    key(qtbot, page, Qt.Key.Key_Left)
    assert view.own_notes.toPlainText() == "Ask Helena for two sentences only"
    qtbot.keyClick(presenter, Qt.Key.Key_F5)  # F5 closes it; Esc does not
    close(page, wf)
    page2, wf2 = make_page(qtbot, path, library, clock)
    assert page2.view.own_notes.toPlainText() == "Ask Helena for two sentences only"
    assert [e.field for e in wf2.history(limit=5)].count("private_notes") == 1
    close(page2, wf2)


def _notes(wf: WorkshopFile, segment_id: str) -> str:
    return next(s.private_notes for s in wf.agenda.segments() if s.id == segment_id)


def test_program_goals_show_as_a_list(qtbot, path: Path, library, clock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    assert page.runner is not None
    purpose = next(
        i for i, s in enumerate(page.runner.segments) if s.exercise_id == "program-purpose"
    )
    for _ in range(purpose):
        key(qtbot, page, Qt.Key.Key_Right)  # on to "Why Accelerate?": the program's goals
    doc: QTextDocument = page.view.room_view.document()
    blocks = []
    block = doc.begin()
    while block.isValid():
        blocks.append((block.text(), block.textList() is not None))
        block = block.next()
    for goal in wf.workshop().program_goal_list:
        assert (goal, True) in blocks
    assert ("What the program is for:", False) in blocks
    close(page, wf)


@pytest.mark.parametrize(("width", "height"), [(720, 430), (1110, 640)])
def test_the_countdown_and_controls_fit_a_small_laptop(
    qtbot, path: Path, library, clock, width: int, height: int
) -> None:
    """What the runner page gets inside a maximised window: 1366x768 at 1.5x scaling leaves
    about 720x430 (logical pixels); 1280x720 at 1x about 1110x640."""
    page, wf = make_page(qtbot, path, library, clock)
    assert page.minimumSizeHint().width() <= width
    for _ in range(3):
        key(qtbot, page, Qt.Key.Key_Right)  # the browsing banner takes room as well
    page.resize(width, height)
    qtbot.waitUntil(lambda: page.view.controls.geometry().width() <= width)
    view = page.view
    inside = page.rect()
    for widget in (
        view.timer, view.start_button, view.presenter_button, view.next_button,
        view.prev_button, view.checkin_button, view.larger, view.back_button,
        view.start_this_button,
    ):  # fmt: skip
        where = QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())
        assert widget.isVisible() and inside.contains(where), (widget.accessibleName(), where)
    close(page, wf)


def test_every_control_has_an_accessible_name(qtbot, path: Path, library, clock) -> None:
    from PySide6.QtCore import QTimer

    from workshop_app.ui.dialogs.checkin import CheckInDialog

    silent_partner_agenda(path)
    page, wf = make_page(qtbot, path, library, clock)
    key(qtbot, page, Qt.Key.Key_F5)
    assert unnamed(page) == []
    assert page.presenter is not None and unnamed(page.presenter) == []
    seen: list[list[str]] = []

    def look_at_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CheckInDialog):
            QTimer.singleShot(20, look_at_dialog)
            return
        seen.append(unnamed(dialog))
        qtbot.keyClick(dialog.name_field, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look_at_dialog)
    click(qtbot, page, "Check in arrivals, print the sign-in sheet")
    assert seen == [[]]
    page.presenter.close()
    close(page, wf)


def test_no_agenda_says_where_to_choose_one(qtbot, tmp_path: Path, library, clock) -> None:
    wf = WorkshopFile.create(
        tmp_path / "empty.workshop", program="P", organisation="O", date="2027-01-19"
    )
    page = RunnerPage(library, clock=clock)
    qtbot.addWidget(page)
    page.show()
    page.set_workshop(wf)
    assert page.view.empty.isVisible() and "Agenda page" in page.view.empty.text()
    key(qtbot, page, Qt.Key.Key_Space)  # nothing to start, nothing breaks
    key(qtbot, page, Qt.Key.Key_Right)
    key(qtbot, page, Qt.Key.Key_Return)
    close(page, wf)


def test_a_clicker_moves_the_room_on_and_back(qtbot, path: Path, library, clock) -> None:
    """A presentation clicker sends PageDown / PageUp: the room moves to the next segment and
    it starts, as a slide show advances; the arrows only look."""
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None
    key(qtbot, page, Qt.Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None
    first, second = runner.segments[0], runner.segments[1]
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)  # the clicker, aimed at the projector
    page.update_time()
    assert runner.running and presenter.heading.text() == first.title
    clock.advance(240)
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
    page.update_time()
    assert runner.running and presenter.heading.text() == second.title
    assert timings(wf)[0][2] == pytest.approx(240, abs=1)
    clock.advance(60)
    qtbot.keyClick(presenter, Qt.Key.Key_PageUp)  # back: the first runs on from 4 minutes
    page.update_time()
    assert presenter.heading.text() == first.title and runner.elapsed() == pytest.approx(240)
    qtbot.keyClick(presenter, Qt.Key.Key_Period)  # the clicker's blank key
    assert page.projector.blank
    qtbot.keyClick(presenter, Qt.Key.Key_F5)  # F5 closes it; Esc does not
    close(page, wf)


def _answer_when_asked(qtbot, answer: str, seen: list[str]) -> None:
    """Press the button named `answer` in the question box that comes up next."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.append(box.text())
        qtbot.mouseClick(named(box, answer), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, look)


def test_restart_asks_before_it_drops_the_time_run(qtbot, path: Path, library, clock) -> None:
    """The issue: Restart threw away three minutes of a running segment without a word, and
    the export then had the first start with 5 s of actual time."""
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(180)
    seen: list[str] = []
    _answer_when_asked(qtbot, "Cancel", seen)
    click(qtbot, page, "Back to the full time, stopped")
    assert seen and runner.segments[0].title in seen[0]
    assert runner.running and runner.elapsed() == pytest.approx(180)  # nothing changed
    _answer_when_asked(qtbot, "Restart", seen)
    click(qtbot, page, "Back to the full time, stopped")
    assert len(seen) == 2 and not runner.running and runner.elapsed() == 0
    assert timings(wf)[0] == (None, None, None)
    assert page.window().focusWidget() is page  # Space starts it again
    key(qtbot, page, Qt.Key.Key_Space)
    assert runner.running
    close(page, wf)


def test_the_step_line_follows_added_minutes(qtbot, path: Path, library, clock) -> None:
    """The issue: after +, the countdown had five more minutes and the step line none."""
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None
    index = next(
        i for i, s in enumerate(runner.segments) if s.exercise_id == "active-listening-triads"
    )
    for _ in range(index):
        key(qtbot, page, Qt.Key.Key_Right)
    key(qtbot, page, Qt.Key.Key_Return)
    clock.advance(30)
    page.update_time()
    step = runner.step_now()
    assert step is not None and page.view.step_label.text().startswith(
        f"{clock_text(step.remaining_seconds)} left in step 1 of"
    )
    key(qtbot, page, Qt.Key.Key_Plus)
    assert page.view.step_label.text().startswith(
        f"{clock_text(step.remaining_seconds + 300)} left in step 1 of"
    )
    close(page, wf)


def test_a_new_segment_opens_on_its_room_prompt(qtbot, path: Path, library, clock) -> None:
    """The issue: the Debrief tab of the last segment stayed open for the next one."""
    page, wf = make_page(qtbot, path, library, clock)
    tabs = page.view.tabs
    key(qtbot, page, Qt.Key.Key_Space)
    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(3).center()
    )
    assert tabs.tabText(tabs.currentIndex()) == "Debrief"
    key(qtbot, page, Qt.Key.Key_Right)  # looking ahead keeps the tab: the notes to come
    assert tabs.tabText(tabs.currentIndex()) == "Debrief"
    key(qtbot, page, Qt.Key.Key_Return)  # the segment starts: the room's prompt first
    assert tabs.tabText(tabs.currentIndex()) == "Room prompt"
    close(page, wf)


def test_looking_ahead_says_whose_the_clock_is(qtbot, path: Path, library, clock) -> None:
    """The walk: while looking ahead, the countdown sat unlabelled beside the other
    segment's title; the step line now says whose clock it is."""
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None
    key(qtbot, page, Qt.Key.Key_Space)
    first = runner.segments[0]
    key(qtbot, page, Qt.Key.Key_Right)
    line = page.view.step_label
    assert line.isVisible() and line.text().startswith(f"The clock: “{first.title}”, running")
    key(qtbot, page, Qt.Key.Key_Escape)
    assert not line.text().startswith("The clock")
    close(page, wf)


def test_a_rehearsal_asks_before_leaving_a_real_run(qtbot, path: Path, library, clock) -> None:
    """The second walk: Rehearsal in the middle of the real run switched at once, and the
    presenter view showed the rehearsal's first segment to the room."""
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None and not runner.rehearsal
    key(qtbot, page, Qt.Key.Key_Space)
    seen: list[str] = []
    _answer_when_asked(qtbot, "Cancel", seen)
    click(qtbot, page, "Rehearsal: try the timings, nothing is recorded")
    assert seen and runner.segments[0].title in seen[0]
    assert page.runner is runner and not page.rehearsing and runner.running
    assert not page.view.rehearsal_button.isChecked()
    _answer_when_asked(qtbot, "Rehearse", seen)
    click(qtbot, page, "Rehearsal: try the timings, nothing is recorded")
    assert page.rehearsing and page.view.rehearsal_button.isChecked()
    click(qtbot, page, "Record this run for real")  # back: the real segment still runs
    assert page.runner is not None and page.runner.running and not page.rehearsing
    close(page, wf)
