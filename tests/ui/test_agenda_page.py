"""The agenda page, driven as a facilitator would: clicks, keys, the Add dialog, then the file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from a11y import unnamed
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from workshop_app.core.content.library import Library, load_library
from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.add_exercise import AddExerciseDialog
from workshop_app.ui.pages.agenda import MINUTES, TITLE, AgendaPage
from workshop_app.ui.widgets.minutes_spin import MinutesSpinBox


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[WorkshopFile]:
    wf = create_demo(tmp_path / "demo.workshop")
    yield wf
    wf.close()


def make_page(qtbot, wf: WorkshopFile, library: Library) -> AgendaPage:  # type: ignore[no-untyped-def]
    page = AgendaPage(library)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.set_workshop(wf)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def page(qtbot, demo: WorkshopFile, library: Library) -> AgendaPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, demo, library)


@pytest.fixture
def when_shown(qtbot):  # type: ignore[no-untyped-def]
    """`when_shown(kind, act)`: run `act` on the next modal `kind` to open (it blocks the test)."""
    stopped = [False]

    def when_shown(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
        def poll() -> None:
            if stopped[0]:
                return
            widget = QApplication.activeModalWidget()
            if isinstance(widget, kind) and widget.isVisible():
                try:
                    widget.activateWindow()  # as the window manager would
                    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
                    act(widget)
                finally:
                    widget.close()  # whatever `act` did, the test must not hang on it
            else:
                QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)

    yield when_shown
    stopped[0] = True


def button(page: QWidget, name: str) -> QPushButton:
    return next(b for b in page.findChildren(QPushButton) if b.accessibleName() == name)


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot, page: AgendaPage, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = page.table.visualRect(page.table.model().index(row, TITLE))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def spin(page: AgendaPage, row: int) -> MinutesSpinBox:
    widget = page.table.cellWidget(row, MINUTES)
    assert isinstance(widget, MinutesSpinBox)
    return widget


def after_nine(minutes: float) -> str:
    """The time of day `minutes` after the demo workshop's 09:00 start, as the page shows it."""
    return f"{9 + int(minutes) // 60:02d}:{int(minutes) % 60:02d}"


def stored(wf: WorkshopFile) -> list[tuple[str, float, bool]]:
    """The agenda as another reader of the file sees it."""
    with WorkshopFile.open(wf.path, readonly=True) as other:
        return [(s.title, s.planned_minutes, s.skipped) for s in other.agenda.segments()]


def test_minutes_read_as_people_write_them(  # type: ignore[no-untyped-def]
    page: AgendaPage, qtbot, demo: WorkshopFile, library: Library
) -> None:
    assert spin(page, 0).text() == "10 min"
    click_row(qtbot, page, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter goes to the row's minutes
    box = spin(page, 0)
    assert box.hasFocus()
    qtbot.keyClicks(box.lineEdit(), "7.5")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Tab)  # Tab leaves it for the next row's
    assert stored(demo)[0][1] == 7.5
    assert box.text() == "7.5 min" and spin(page, 1).hasFocus()
    labels = [page.choice.itemText(i) for i in range(page.choice.count())]
    for agenda in library.agendas.values():  # every agenda says its length alike
        assert f"{agenda.title} ({agenda.total_minutes:g} min)" in labels


def test_typing_minutes_keeps_focus_and_moves_the_finish(  # type: ignore[no-untyped-def]
    page: AgendaPage, qtbot, demo: WorkshopFile
) -> None:
    minutes = [m for _, m, _ in stored(demo)]
    assert f"planned finish {after_nine(sum(minutes))}" in page.summary.text()
    box = spin(page, 1)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box.lineEdit(), "20")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert stored(demo)[1][1] == 20
    later = sum(minutes) - minutes[1] + 20
    assert f"planned finish {after_nine(later)}" in page.summary.text()
    assert page.table.item(2, 3).text() == after_nine(minutes[0] + 20)
    assert QApplication.focusWidget() in (box, box.lineEdit())  # typing can go on


def test_the_wheel_scrolls_past_minutes_without_changing_them(  # type: ignore[no-untyped-def]
    page: AgendaPage, qtbot, demo: WorkshopFile
) -> None:
    page.table.setFocus()
    box = spin(page, 3)
    centre = QPointF(box.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(box.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    before = stored(demo)[3][1]
    QApplication.sendEvent(box, wheel)
    assert box.value() == before and stored(demo)[3][1] == before


def test_buttons_only_when_they_can_act(  # type: ignore[no-untyped-def]
    qtbot, new_workshop: WorkshopFile, library: Library, when_shown
) -> None:
    page = make_page(qtbot, new_workshop, library)
    names = ("Move up", "Move down", "Skip", "Remove")
    assert [button(page, n).isEnabled() for n in names] == [False] * 4  # nothing to act on
    assert button(page, "Add an exercise or a break").isEnabled()
    page.choice.setCurrentIndex(page.choice.findData("express-launch"))
    click(qtbot, button(page, "Use this agenda"))  # nothing to replace: no question
    assert len(stored(new_workshop)) == page.table.rowCount() > 3
    assert [button(page, n).isEnabled() for n in names] == [False] * 4  # none selected

    click_row(qtbot, page, 0)
    assert [button(page, n).isEnabled() for n in names] == [False, True, True, True]
    last = page.table.rowCount() - 1
    click_row(qtbot, page, last)
    assert [button(page, n).isEnabled() for n in names] == [True, False, True, True]
    first = stored(new_workshop)[last][0]
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert stored(new_workshop)[last - 1][0] == first
    assert button(page, "Move down").isEnabled()  # it follows the moved segment

    click(qtbot, button(page, "Skip"))
    assert stored(new_workshop)[last - 1][2] is True
    assert button(page, "Include again").isEnabled()
    click(qtbot, button(page, "Include again"))
    assert stored(new_workshop)[last - 1][2] is False
    click(qtbot, button(page, "Remove"))
    assert first not in [t for t, _, _ in stored(new_workshop)]
    assert not button(page, "Remove").isEnabled()  # nothing is selected after a removal


def test_declining_to_replace_shows_the_agenda_in_use_again(  # type: ignore[no-untyped-def]
    page: AgendaPage, qtbot, demo: WorkshopFile, when_shown
) -> None:
    before = stored(demo)
    assert page.choice.currentData() == "half-day-launch"
    page.choice.setFocus()
    qtbot.keyClick(
        page.choice, Qt.Key.Key_Down if page.choice.currentIndex() == 0 else Qt.Key.Key_Up
    )
    assert page.choice.currentData() == "express-launch"
    asked: list[str] = []

    def decline(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        click(qtbot, button(box, "Keep the current agenda"))

    when_shown(QMessageBox, decline)
    click(qtbot, button(page, "Use this agenda"))
    assert asked and "Express launch" in asked[0]
    assert page.choice.currentData() == "half-day-launch"
    assert stored(demo) == before


def test_the_page_has_a_heading(page: AgendaPage) -> None:
    headings = [label for label in page.findChildren(QLabel) if label.text() == "Agenda"]
    assert headings and headings[0].font().pointSizeF() > page.font().pointSizeF()


# -- the Add dialog ---------------------------------------------------------------------------


def shown_choices(dialog: AddExerciseDialog) -> list[str]:
    return [item.text(0) for item in dialog._choices(visible=True)]


def test_search_narrows_by_title_kind_and_summary_and_enter_adds(  # type: ignore[no-untyped-def]
    page: AgendaPage, qtbot, demo: WorkshopFile, when_shown
) -> None:
    click_row(qtbot, page, 1)
    seen: dict[str, object] = {}

    def search_then_enter(dialog: QWidget) -> None:
        assert isinstance(dialog, AddExerciseDialog)
        groups = [
            dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())
        ]
        seen["groups"] = groups
        assert dialog.search.hasFocus()
        qtbot.keyClicks(dialog.search, "triads")  # a format, and a word in titles
        seen["triads"] = shown_choices(dialog)
        dialog.search.clear()
        qtbot.keyClicks(dialog.search, "troubleshooting silent")  # a kind and a title word
        seen["kind"] = shown_choices(dialog)
        dialog.search.clear()
        qtbot.keyClicks(dialog.search, "rewrite a weak goal")  # words of a summary
        seen["summary"] = shown_choices(dialog)
        seen["details"] = " | ".join(
            (dialog.title.text(), dialog.facts.text(), dialog.summary.text())
        )
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    when_shown(AddExerciseDialog, search_then_enter)
    with qtbot.waitSignal(page.saved):
        click(qtbot, button(page, "Add an exercise or a break"))
    assert seen["groups"] == [
        "Expectations",
        "Skills practice",
        "Troubleshooting",
        "Charter",
        "Logistics",
        "Breaks",
    ]
    assert "Active listening in triads" in seen["triads"]
    assert seen["kind"] == ["A partner who goes silent"]
    assert seen["summary"] == ["SMART goals"]
    assert seen["details"] == (
        "SMART goals | Skills practice · 25 min · in pairs · for everyone | Rewrite a weak "
        "goal into a SMART one together, then each pair drafts its first goal and has another "
        "pair check it."
    )
    titles = [t for t, _, _ in stored(demo)]
    assert titles[2] == "SMART goals"  # after the selected segment
    assert page.table.selectionModel().selectedRows()[0].row() == 2


def test_up_down_in_the_search_and_a_break_of_any_length(  # type: ignore[no-untyped-def]
    page: AgendaPage, qtbot, demo: WorkshopFile, when_shown
) -> None:
    count = len(stored(demo))

    def break_of_25(dialog: QWidget) -> None:
        assert isinstance(dialog, AddExerciseDialog)
        qtbot.keyClicks(dialog.search, "coffee")
        assert shown_choices(dialog) == ["Break"]
        assert dialog.break_minutes.isVisible() and dialog.break_minutes.text() == "15 min"
        dialog.break_minutes.setFocus()
        dialog.break_minutes.selectAll()
        qtbot.keyClicks(dialog.break_minutes.lineEdit(), "25")
        qtbot.keyClick(dialog.break_minutes.lineEdit(), Qt.Key.Key_Return)

    when_shown(AddExerciseDialog, break_of_25)
    with qtbot.waitSignal(page.saved):
        click(qtbot, button(page, "Add an exercise or a break"))
    assert stored(demo)[-1] == ("Break", 25, False) and len(stored(demo)) == count + 1

    def down_twice(dialog: QWidget) -> None:
        assert isinstance(dialog, AddExerciseDialog)
        qtbot.keyClicks(dialog.search, "scenario")
        first, second = shown_choices(dialog)[:2]
        seen.extend([first, second])
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
        assert dialog.tree.currentItem().text(0) == second
        qtbot.keyClick(dialog.search, Qt.Key.Key_Up)
        qtbot.keyClick(dialog.search, Qt.Key.Key_Up)  # stays on the first
        assert dialog.tree.currentItem().text(0) == first
        qtbot.keyClicks(dialog.search, " zzzz")
        assert shown_choices(dialog) == [] and not dialog.add_button.isEnabled()
        assert "No exercise matches" in dialog.facts.text()
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # nothing to add: stays open
        assert dialog.isVisible()
        dialog.reject()

    seen: list[str] = []
    when_shown(AddExerciseDialog, down_twice)
    click(qtbot, button(page, "Add an exercise or a break"))
    assert len(seen) == 2 and len(stored(demo)) == count + 1


def test_a_double_click_adds(page: AgendaPage, qtbot, demo: WorkshopFile, when_shown) -> None:  # type: ignore[no-untyped-def]
    def double_click(dialog: QWidget) -> None:
        assert isinstance(dialog, AddExerciseDialog)
        qtbot.keyClicks(dialog.search, "chronic lateness")
        item = dialog._choices(visible=True)[0]
        rect = dialog.tree.visualItemRect(item)
        # A person's double click: press and release, then the second press.
        qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    when_shown(AddExerciseDialog, double_click)
    with qtbot.waitSignal(page.saved):
        click(qtbot, button(page, "Add an exercise or a break"))
    assert stored(demo)[-1][0] == "Chronic lateness"


def test_everything_focusable_has_a_name(  # type: ignore[no-untyped-def]
    page: AgendaPage, qtbot, when_shown
) -> None:
    click_row(qtbot, page, 0)
    assert unnamed(page) == []
    found: list[list[str]] = []

    def look(dialog: QWidget) -> None:
        found.append(unnamed(dialog))
        qtbot.keyClicks(dialog.search, "break")  # type: ignore[attr-defined]
        found.append(unnamed(dialog))
        dialog.reject()  # type: ignore[attr-defined]

    when_shown(AddExerciseDialog, look)
    click(qtbot, button(page, "Add an exercise or a break"))
    assert found == [[], []]
