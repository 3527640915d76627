"""Running a whole agenda in the app with a fake clock: keys, timer, rounds, plans, presenter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser

from workshop_app.core.clock import FakeClock
from workshop_app.core.content import load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.workshop_file import WorkshopFile
from workshop_app.ui.runner_page import RunnerPage


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    create_demo(tmp_path / "live.workshop").close()
    return tmp_path / "live.workshop"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_page(qtbot, path: Path, library, clock: FakeClock) -> tuple[RunnerPage, WorkshopFile]:
    wf = WorkshopFile.open(path)
    page = RunnerPage(library, clock=clock)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_workshop(wf)
    page.setFocus()
    return page, wf


def key(qtbot, page: RunnerPage, k: Qt.Key) -> None:
    qtbot.keyClick(page, k)


def test_keys_drive_the_timer(qtbot, path: Path, library, clock: FakeClock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None and page.segment_title.text() == runner.segments[0].title
    planned = runner.planned_seconds()
    key(qtbot, page, Qt.Key.Key_Space)
    assert runner.running and page.start_button.text() == "Pause"
    clock.advance(65)
    page.update_time()
    assert runner.remaining() == pytest.approx(planned - 65)
    key(qtbot, page, Qt.Key.Key_Space)
    assert not runner.running and page.state_label.text() == "Paused"
    key(qtbot, page, Qt.Key.Key_Plus)
    assert runner.remaining() == pytest.approx(planned - 65 + 300)
    key(qtbot, page, Qt.Key.Key_Minus)
    assert runner.remaining() == pytest.approx(planned - 65 + 240)
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(planned - 65 + 240 - 100)
    page.update_time()
    assert page.state_label.text() == "Less than two minutes left"
    clock.advance(160)
    page.update_time()
    assert page.state_label.text() == "Over time"
    assert page.timer.text() == "+1:00"
    page.set_workshop(None)
    wf.close()


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
        segment = runner.current
        assert segment is not None
        seconds = segment.planned_minutes * 60
        if segment.exercise_id == "active-listening-triads":
            # walk through the rounds a minute at a time, reading the step line as we go
            for _ in range(int(segment.planned_minutes)):
                clock.advance(60)
                page.update_time()
                seen_steps.add(page.step_label.text())
            seconds = int(segment.planned_minutes) * 60
        else:
            clock.advance(seconds)
        ran.append(seconds)
        key(qtbot, page, Qt.Key.Key_Right)
    assert runner.state() == "finished"
    rounds = {s for s in seen_steps if "(2 of 3)" in s}
    assert any("A: observer" in s for s in rounds) or any("A: listener" in s for s in rounds)
    recorded = [s.actual_seconds for s in wf.agenda.segments() if not s.skipped]
    assert recorded == pytest.approx(ran)
    page.set_workshop(None)
    wf.close()


def test_scenario_plan_goes_into_the_charter(qtbot, path: Path, library, clock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None
    index = next(i for i, s in enumerate(runner.segments) if s.kind == "scenario")
    runner.go_to(index)
    page.update_time()
    assert page.plan_box.isVisible()
    page.plan_pair.setCurrentIndex(page.plan_pair.findText("P07", Qt.MatchFlag.MatchStartsWith))
    qtbot.keyClicks(page.plan_text, "we rebook within the same week, no apologies needed")
    qtbot.mouseClick(page.plan_add, Qt.MouseButton.LeftButton)
    pair = wf.roster.pair_by_code("P07")
    assert pair is not None
    plans = wf.charters.plans(pair.id)
    exercise = runner.exercise()
    assert exercise is not None
    assert (plans[-1].scenario, plans[-1].plan) == (
        exercise.title,
        "we rebook within the same week, no apologies needed",
    )
    assert "P07" in page.plan_result.text()
    page.set_workshop(None)
    wf.close()


def test_reopening_resumes_mid_segment(qtbot, path: Path, library, clock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(300)
    key(qtbot, page, Qt.Key.Key_Right)
    clock.advance(130)
    runner = page.runner
    assert runner is not None
    segment_id = runner.current.id  # type: ignore[union-attr]
    planned = runner.planned_seconds()
    page.set_workshop(None)
    wf.close()
    clock.advance(20)  # the app was closed for 20 s, the segment still running in the room
    page2, wf2 = make_page(qtbot, path, library, clock)
    again = page2.runner
    assert again is not None and again.current is not None
    assert again.current.id == segment_id
    assert again.remaining() == pytest.approx(planned - 150)
    assert page2.timer.text() == page2.timer.text()  # shown without error
    page2.set_workshop(None)
    wf2.close()


def test_presenter_shows_the_room_never_the_notes(qtbot, path: Path, library, clock) -> None:
    page, wf = make_page(qtbot, path, library, clock)
    runner = page.runner
    assert runner is not None
    key(qtbot, page, Qt.Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None and presenter.isVisible()
    for _ in range(len(runner.segments)):
        exercise = runner.exercise()
        page.update_time()
        shown = " ".join(w.text() for w in presenter.findChildren(QLabel)) + " ".join(
            w.toPlainText() for w in presenter.findChildren(QTextBrowser)
        )
        if exercise is not None and exercise.facilitator_notes:
            first_note_line = next(
                line.strip() for line in exercise.facilitator_notes.splitlines() if line.strip()
            )
            assert first_note_line not in shown
        for person in wf.roster.participants():
            assert person.email not in shown
        assert presenter.heading.text() == runner.current.title  # type: ignore[union-attr]
        key(qtbot, page, Qt.Key.Key_Right)
    page.set_presenter_scale(+0.5)
    assert presenter.scale == pytest.approx(1.5)
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    assert page.presenter is None
    page.set_workshop(None)
    wf.close()


def test_check_in_a_late_arrival(qtbot, path: Path, library, clock) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workshop_app.ui.checkin_dialog import CheckInDialog

    page, wf = make_page(qtbot, path, library, clock)

    def tick_ravi() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CheckInDialog):
            QTimer.singleShot(20, tick_ravi)
            return
        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            if item.text().startswith("Ravi Patel"):
                item.setCheckState(Qt.CheckState.Checked)
        dialog.accept()

    QTimer.singleShot(20, tick_ravi)
    page.check_in()
    ravi = next(p for p in wf.roster.participants() if p.name == "Ravi Patel")
    assert ravi.present is True and ravi.checked_in_at
    page.set_workshop(None)
    wf.close()


def test_no_agenda_says_where_to_choose_one(qtbot, tmp_path: Path, library, clock) -> None:
    wf = WorkshopFile.create(
        tmp_path / "empty.workshop", program="P", organisation="O", date="2027-01-19"
    )
    page = RunnerPage(library, clock=clock)
    qtbot.addWidget(page)
    page.show()
    page.set_workshop(wf)
    assert page.empty.isVisible() and "Agenda page" in page.empty.text()
    key(qtbot, page, Qt.Key.Key_Space)  # nothing to start, nothing breaks
    page.set_workshop(None)
    wf.close()
