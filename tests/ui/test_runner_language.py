"""The runner, the agenda and the presenter view in the workshop's language: an Italian
workshop shows the Italian exercises, an exercise with no Italian shows in English with a
mark for the facilitator (never on the projector), and changing the charter language on the
Program page reloads the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.resources import shipped_dir
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.agenda import TITLE
from workshop_app.ui.settings import AppSettings

TRIADS_IT = "Ascolto attivo in gruppi di tre"
TRIADS_EN = "Active listening in triads"


@pytest.fixture
def italian(tmp_path: Path) -> Path:
    """The demo workshop, its charter language set to Italian (Switzerland)."""
    path = tmp_path / "italiano.workshop"
    create_demo(path).close()
    wf = WorkshopFile.open(path)
    wf.set_workshop_field("language", "it-CH")
    wf.close()
    return path


@pytest.fixture
def window(qtbot, italian: Path, tmp_path: Path):
    # Every shipped exercise has its Italian: the organisation's own English welcome (same id,
    # no Italian) stands in for an exercise a language lacks.
    ours = tmp_path / "ours"
    ours.mkdir()
    welcome = shipped_dir("exercises") / "welcome-and-endorsement.md"
    (ours / welcome.name).write_text(welcome.read_text(encoding="utf-8"), encoding="utf-8")
    settings = AppSettings()
    settings.set_content_dir(ours)
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    assert w.open_path(italian)
    yield w
    w.close_workshop()


def named(widget: QWidget, name: str) -> QAbstractButton:
    return next(b for b in widget.findChildren(QAbstractButton) if b.accessibleName() == name)


def view_segment(qtbot, window: MainWindow, title: str) -> None:
    """On the runner page, press Right until the segment titled `title` is shown."""
    runner = window.runner
    for _ in range(len(runner.runner.segments)):
        if runner.view.segment_title.text() == title:
            return
        qtbot.keyClick(runner, Qt.Key.Key_Right)
    raise AssertionError(f"no segment {title!r}: at {runner.view.segment_title.text()!r}")


def test_the_runner_shows_the_italian_exercise_and_marks_a_fallback(
    qtbot, window: MainWindow
) -> None:
    window.go_to(window._index("runner"))
    runner = window.runner
    assert window.library is not None and window.library.language == "it"
    # The first segment has no Italian: its English title, marked for the facilitator.
    first = runner.runner.segments[0]
    fallback = window.library.exercise(first.exercise_id or "")
    assert fallback.fallback
    assert runner.view.segment_title.text() == f"{fallback.title} · English"
    # The projector shows the room its title, without the mark.
    qtbot.mouseClick(named(runner, "Presenter view (F5)"), Qt.MouseButton.LeftButton)
    presenter = runner.presenter
    assert presenter is not None
    qtbot.waitUntil(lambda: presenter.heading.text() == fallback.title)
    # The listening triads in Italian: title, room prompt and the minutes in Italian.
    view_segment(qtbot, window, TRIADS_IT)
    room = runner.view.room_view.toPlainText()
    assert "Ascoltare per capire, non per rispondere" in room
    assert "per parlare" in room and "minuti" in room
    assert "minutes" not in room
    qtbot.mouseClick(named(runner, "Start this one (Enter)"), Qt.MouseButton.LeftButton)
    runner.update_time()
    qtbot.waitUntil(lambda: presenter.heading.text() == TRIADS_IT)
    head, body = presenter.prompt.documents()
    assert "Ascoltare per capire" in head.toPlainText() + body.toPlainText()
    qtbot.mouseClick(named(runner, "Presenter view (F5)"), Qt.MouseButton.LeftButton)
    # The agenda lists it in Italian, and the fallback with its mark.
    window.go_to(window._index("agenda"))
    table = window.agenda.table
    titles = [table.item(row, TITLE).text() for row in range(table.rowCount())]
    assert TRIADS_IT in titles
    assert f"{fallback.title} · English" in titles
    assert TRIADS_EN not in titles


def test_changing_the_charter_language_reloads_the_exercises(
    qtbot, window: MainWindow, italian: Path
) -> None:
    window.go_to(window._index("runner"))
    view_segment(qtbot, window, TRIADS_IT)
    window.go_to(window._index("program"))
    combo = window.program.fields["language"].widget
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Italiano"  # "it-CH" is Italian, as the charters print it
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != "en-GB":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.library is not None and window.library.language == "en")
    window.go_to(window._index("runner"))
    qtbot.waitUntil(lambda: window.runner.view.segment_title.text() == TRIADS_EN)
    assert "Listening to understand" in window.runner.view.room_view.toPlainText()
    assert not window.runner.view.segment_title.text().endswith("English")
    wf = window.wf
    assert wf is not None and wf.workshop().language == "en-GB"  # what the file holds
