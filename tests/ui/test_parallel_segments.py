"""A parallel segment (mentors and mentees apart on one timer, then together) as the
facilitator runs it: on the Agenda page, in the runner with Space and the clock, on the
presenter view; then the workshop file. A segment without tracks looks as it always has."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from parallel_content import parallel_folder
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from workshop_app.core.content.library import Library, load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.runner.agenda_store import PlannedSegment
from workshop_app.core.runner.clock import FakeClock
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.agenda import KIND, MINUTES, AgendaPage
from workshop_app.ui.pages.runner import RunnerPage
from workshop_app.ui.widgets.minutes_spin import MinutesSpinBox

WORKSHOP_DAY = datetime(2027, 1, 19, 9, 0, tzinfo=UTC)  # the demo's date: a real run


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(extra_dirs=[parallel_folder(tmp_path_factory.mktemp("content"))])


@pytest.fixture
def wf(tmp_path: Path, library: Library) -> Iterator[WorkshopFile]:
    """The demo workshop with the parallel exercise as its first segment (18 minutes)."""
    w = create_demo(tmp_path / "demo.workshop")
    exercise = library.exercise("apart")
    w.agenda.insert(PlannedSegment(exercise.title, 18, exercise.id, exercise.kind), position=1)
    yield w
    w.close()


def named(widget: QWidget, name: str) -> QAbstractButton:
    return next(b for b in widget.findChildren(QAbstractButton) if b.accessibleName() == name)


def runner_page(qtbot, wf: WorkshopFile, library: Library, clock: FakeClock) -> RunnerPage:  # type: ignore[no-untyped-def]
    page = RunnerPage(library, clock=clock)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_workshop(wf)
    page.setFocus()
    return page


def key(qtbot, page: RunnerPage, k: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page, k)
    page.update_time()  # what the 200 ms tick does


def tick(page: RunnerPage, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    page.update_time()


def column_steps(page: RunnerPage) -> list[str]:
    return [label.text() for label in page.view.tracks_view.steps]


def test_the_runner_shows_both_tracks_and_next_moves_both(qtbot, wf, library) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(WORKSHOP_DAY)
    page = runner_page(qtbot, wf, library, clock)
    view = page.view
    tracks = view.tracks_view
    assert tracks.isVisible() and view.together_heading.isVisible()
    assert [h.text() for h in tracks.headings] == ["Mentors", "Mentees"]
    assert "expect of your mentee" in tracks.prompts[0].toPlainText()
    assert "expect of your mentor" in tracks.prompts[1].toPlainText()
    assert view.together_heading.text() == (  # and in a line, the together part to come
        "Then together: With your partner: compare 3 min · The whole room 3 min"
    )
    # Before the start: each track's steps at the minutes they get.
    assert (
        column_steps(page)[0]
        == "Alone 1 min · In pairs 2 min · In fours 4 min · All the mentors 5 min"
    )

    key(qtbot, page, Qt.Key.Key_Space)
    tick(page, clock, 30)
    assert view.timer.text() == "17:30"  # ONE timer, the segment's
    assert view.step_label.text() == "0:30 left in step 1 of 6: In separate groups: Alone"
    assert column_steps(page) == ["0:30 left in step 1 of 4: Alone"] * 2
    tick(page, clock, 31)  # the timer moves on to the next step: both tracks do
    assert column_steps(page) == ["1:59 left in step 2 of 4: In pairs"] * 2
    key(qtbot, page, Qt.Key.Key_Space)  # paused: both tracks wait
    tick(page, clock, 600)
    assert column_steps(page) == ["1:59 left in step 2 of 4: In pairs"] * 2
    key(qtbot, page, Qt.Key.Key_Space)
    tick(page, clock, 2 * 60 + 4 * 60 + 4 * 60)
    assert column_steps(page) == [
        "0:59 left in step 4 of 4: All the mentors",
        "0:59 left in step 4 of 4: All the mentees",
    ]
    tick(page, clock, 60)  # the groups come together: the tab shows what the room sees
    assert not tracks.isVisible() and view.room_view.isVisible()
    assert "Together: compare" in view.room_view.toPlainText()
    assert view.step_label.text().endswith("step 5 of 6: With your partner: compare")
    page.set_workshop(None)
    # The file: the segment runs, for real, since the first press of Space.
    first = wf.agenda.segments()[0]
    assert first.exercise_id == "apart" and first.started_at == WORKSHOP_DAY.isoformat()


def test_the_presenter_view_shows_both_columns_on_one_timer(qtbot, wf, library) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(WORKSHOP_DAY)
    page = runner_page(qtbot, wf, library, clock)
    qtbot.mouseClick(named(page, "Presenter view (F5)"), Qt.MouseButton.LeftButton)
    window = page.presenter
    assert window is not None
    window.resize(QSize(1366, 768))
    qtbot.waitUntil(lambda: window.size() == QSize(1366, 768))
    key(qtbot, page, Qt.Key.Key_Space)
    tick(page, clock, 20)
    assert window.tracks.isVisible() and not window.prompt.isVisible()
    shown = window.shown_text()
    for text in ("Mentors", "Mentees", "expect of your mentee", "expect of your mentor"):
        assert text in shown
    assert [s.text() for s in window.tracks.steps] == ["Step 1 of 4: Alone · 0:40 left"] * 2
    assert window.timer.text() == "17:40" and window.timer.isVisible()
    # Both prompts whole, in one type size, readable from the back of the room.
    fits = [p.fit for p in window.tracks.prompts]
    assert window.tracks.fits() and fits[0].px == fits[1].px >= 20
    tick(page, clock, 45)  # next step, in both columns
    assert [s.text() for s in window.tracks.steps] == ["Step 2 of 4: In pairs · 1:55 left"] * 2
    tick(page, clock, 11 * 60)  # together: the room sees the together part's prompt
    assert window.prompt.isVisible() and not window.tracks.isVisible()
    assert "Together: compare" in window.shown_text()
    assert "Mentees" not in window.shown_text()
    page.set_workshop(None)


def test_the_agenda_page_shows_the_tracks_at_the_agendas_minutes(qtbot, wf, library) -> None:  # type: ignore[no-untyped-def]
    page = AgendaPage(library)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.set_workshop(wf)
    page.show()
    kind = page.table.item(0, KIND)
    assert kind is not None and kind.text() == "Expectations · in parallel"
    second = page.table.item(1, KIND)
    assert second is not None and second.text() == "Expectations"  # as it always was
    assert not page.parallel.isVisible()
    rect = page.table.visualItemRect(page.table.item(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    preview = page.parallel
    assert preview.isVisible()
    assert [h.text() for h in preview.tracks.headings] == ["Mentors", "Mentees"]
    assert preview.summary.text() == (
        "In parallel: mentors and mentees apart for 12 min, then together for 6 min"
    )
    spin = page.table.cellWidget(0, MINUTES)
    assert isinstance(spin, MinutesSpinBox)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "15")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert wf.agenda.segments()[0].planned_minutes == 15  # the file
    steps = [s.text() for s in preview.tracks.steps]
    assert steps[1] == "Alone 1 min · In pairs 1.5 min · In fours 3.5 min · All the mentees 4 min"
    assert preview.together.text() == (
        "Then together: With your partner: compare 2.5 min · The whole room 2.5 min"
    )
    rect = page.table.visualItemRect(page.table.item(1, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not page.parallel.isVisible()  # a segment without tracks: the table alone


def test_a_segment_without_tracks_looks_as_before(qtbot, wf, library) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(WORKSHOP_DAY)
    page = runner_page(qtbot, wf, library, clock)
    key(qtbot, page, Qt.Key.Key_Right)  # the welcome: no tracks
    key(qtbot, page, Qt.Key.Key_Return)
    view = page.view
    assert not view.tracks_view.isVisible() and not view.together_heading.isVisible()
    room_tab = view.tabs.widget(0)
    assert view.room_view.geometry() == room_tab.rect()  # the prompt fills the tab alone
    assert "Mentors" not in view.notes_view.toPlainText()
    qtbot.mouseClick(named(page, "Presenter view (F5)"), Qt.MouseButton.LeftButton)
    window = page.presenter
    assert window is not None
    page.update_time()
    assert window.prompt.isVisible() and not window.tracks.isVisible()
    assert window.shown_text().split("\n")[0] != "Mentors"
    assert "Mentees" not in window.shown_text()
    page.set_workshop(None)
