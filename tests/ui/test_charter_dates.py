"""Date fields as a person uses them: typed, stepped with Up/Down from the workshop date,
picked from a calendar opened by keyboard, emptied by keyboard, and flagged when odd."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from workshop_app.core.demo import create_demo
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.pages.charters import ChartersPage
from workshop_app.ui.widgets.date_field import DateField

WORKSHOP_DAY = "2027-01-19"  # the demo workshop's date


@pytest.fixture
def demo(tmp_path: Path):
    wf = create_demo(tmp_path / "demo.workshop")
    assert wf.workshop().date == WORKSHOP_DAY
    yield wf
    wf.close()


@pytest.fixture
def page(qtbot, demo: WorkshopFile) -> ChartersPage:
    p = ChartersPage(["A partner who goes silent"])
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    p.set_workshop(demo)
    p.select_pair(pid(demo))
    return p


def pid(wf: WorkshopFile) -> str:
    pair = wf.roster.pair_by_code("P11")  # an empty charter
    assert pair is not None
    return pair.id


def stored(wf: WorkshopFile, name: str) -> str | None:
    return wf.charters.charter(pid(wf)).value(name)


def tab_into(qtbot, page: ChartersPage, before: str, field: str) -> DateField:
    """Focus the field before `field` and press Tab, as a person moving through the form."""
    page.editor.field(before).input.setFocus()
    qtbot.keyClick(page.editor.field(before).input, Qt.Key.Key_Tab)
    widget = page.editor.field(field)
    assert isinstance(widget, DateField)
    assert widget.input.hasFocus()
    return widget


def leave(qtbot, widget: DateField) -> None:
    qtbot.keyClick(widget.input, Qt.Key.Key_Tab)


def test_typing_a_date_into_an_empty_field_saves_it(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    end = tab_into(qtbot, page, "feedback_method", "end_date")
    qtbot.keyClicks(end.input, "2027-09-30")
    assert end.input.text() == "2027-09-30"
    leave(qtbot, end)
    assert stored(demo, "end_date") == "2027-09-30"
    assert "complete" not in page.editor._boxes["duration"].title()  # renewal still empty
    assert not end.message.isVisibleTo(page)


def test_a_date_typed_at_speed_is_saved_once_whole(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    """Key by key with the save's debounce running out after every key: no part of it
    (2027-09-3 is a date too, the 3rd) is ever in the file."""
    page.editor.saver._delay = 0
    end = tab_into(qtbot, page, "feedback_method", "end_date")
    seen = set()
    for key in "2027-09-30":
        qtbot.keyClicks(end.input, key)
        qtbot.wait(5)  # the timer fires
        seen.add(stored(demo, "end_date"))
    assert seen == {"", "2027-09-30"}


def test_first_meeting_takes_a_date_and_a_time(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    first = tab_into(qtbot, page, "who_sets_agenda", "first_meeting")
    qtbot.keyClicks(first.input, "2027-02-03 18:30")
    leave(qtbot, first)
    assert stored(demo, "first_meeting") == "2027-02-03T18:30"
    first.input.setFocus()
    first.input.selectAll()
    qtbot.keyClicks(first.input, "2027-02-04")  # no time: not a first meeting yet
    leave(qtbot, first)
    assert stored(demo, "first_meeting") == "2027-02-03T18:30"
    assert first.message.isVisibleTo(page)
    assert "date and time" in first.message.text()
    assert first.input.text() == "2027-02-04"


def test_up_and_down_start_from_the_workshop_date(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    end = tab_into(qtbot, page, "feedback_method", "end_date")
    qtbot.keyClick(end.input, Qt.Key.Key_Up)
    assert end.input.text() == WORKSHOP_DAY
    qtbot.keyClick(end.input, Qt.Key.Key_Up)
    assert end.input.text() == "2027-01-20"  # the cursor is on the day
    end.input.setCursorPosition(6)  # in the month
    qtbot.keyClick(end.input, Qt.Key.Key_Up)
    assert end.input.text() == "2027-02-20"
    leave(qtbot, end)
    assert stored(demo, "end_date") == "2027-02-20"
    first = tab_into(qtbot, page, "who_sets_agenda", "first_meeting")
    qtbot.keyClick(first.input, Qt.Key.Key_Down)
    assert first.input.text() == f"{WORKSHOP_DAY} 09:00"
    first.input.setCursorPosition(len(first.input.text()))  # in the minutes
    qtbot.keyClick(first.input, Qt.Key.Key_Up)
    assert first.input.text() == f"{WORKSHOP_DAY} 09:15"
    leave(qtbot, first)
    assert stored(demo, "first_meeting") == f"{WORKSHOP_DAY}T09:15"


@pytest.mark.parametrize("keys", ["alt+down", "f4"])
def test_the_calendar_opens_by_keyboard_at_the_workshop_date(
    qtbot, page: ChartersPage, demo: WorkshopFile, keys: str
) -> None:
    end = tab_into(qtbot, page, "feedback_method", "end_date")
    if keys == "f4":
        qtbot.keyClick(end.input, Qt.Key.Key_F4)
    else:
        qtbot.keyClick(end.input, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = end.popup
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    calendar = popup.calendar
    assert calendar.selectedDate() == QDate(2027, 1, 19)
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 1)
    view = QApplication.focusWidget()
    assert view is not None and calendar.isAncestorOf(view)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert end.input.text() == "2027-01-20"
    assert end.input.hasFocus()
    leave(qtbot, end)
    assert stored(demo, "end_date") == "2027-01-20"


def test_the_calendar_opens_at_the_date_in_the_field_and_esc_leaves_it(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    end = tab_into(qtbot, page, "feedback_method", "end_date")
    qtbot.keyClicks(end.input, "2027-09-30")
    button = next(
        b for b in end.findChildren(QToolButton) if b.accessibleName() == "Calendar for End date"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    popup = end.popup
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.calendar.selectedDate() == QDate(2027, 9, 30)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert end.input.text() == "2027-09-30"


def test_a_date_is_emptied_by_keyboard_and_by_the_clear_button(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    demo.charters.set_field(pid(demo), "end_date", "2027-09-30")
    page.editor.show_charter()
    end = tab_into(qtbot, page, "feedback_method", "end_date")
    assert end.input.selectedText() == "2027-09-30"  # Tab selects it all, as in any field
    qtbot.keyClick(end.input, Qt.Key.Key_Delete)
    leave(qtbot, end)
    assert stored(demo, "end_date") == ""
    demo.charters.set_field(pid(demo), "end_date", "2027-09-30")
    page.editor.show_charter()
    clear = next(b for b in end.findChildren(QToolButton) if b.accessibleName() == "Clear End date")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert end.input.text() == ""
    page.editor.flush()
    assert stored(demo, "end_date") == ""


def test_a_partly_typed_date_is_not_saved_and_keeps_its_text(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    demo.charters.set_field(pid(demo), "end_date", "2027-06-30")
    page.editor.show_charter()
    end = tab_into(qtbot, page, "feedback_method", "end_date")
    qtbot.keyClicks(end.input, "2027-09-3")
    leave(qtbot, end)
    qtbot.waitUntil(lambda: end.message.isVisibleTo(page))
    assert "not a date" in end.message.text()
    assert end.input.text() == "2027-09-3"
    assert stored(demo, "end_date") == "2027-06-30"
    assert not page.editor.flush()  # still not saved, and said so
    end.input.setFocus()
    end.input.end(False)
    qtbot.keyClicks(end.input, "0")
    leave(qtbot, end)
    assert stored(demo, "end_date") == "2027-09-30"
    assert not end.message.isVisibleTo(page)
    assert page.editor.flush()


def test_an_impossible_date_gets_a_message(qtbot, page: ChartersPage, demo: WorkshopFile) -> None:
    target = page.editor.goals.boxes[0].parts["target_date"]
    target.input.setFocus()
    qtbot.keyClicks(target.input, "2027-02-30")
    qtbot.keyClick(target.input, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: target.message.isVisibleTo(page))
    assert "2027-02-30" in target.message.text()
    assert demo.charters.goals(pid(demo)) == []


def test_day_first_dates_are_read_and_shown_the_one_way(
    qtbot, page: ChartersPage, demo: WorkshopFile
) -> None:
    end = tab_into(qtbot, page, "feedback_method", "end_date")
    qtbot.keyClicks(end.input, "30/9/2027")
    leave(qtbot, end)
    assert stored(demo, "end_date") == "2027-09-30"
    assert end.input.text() == "2027-09-30"


@pytest.mark.parametrize(
    ("typed", "warning"),
    [
        ("2026-12-01", "Before the workshop (2027-01-19)"),
        ("2030-01-20", "More than 3 years after the workshop"),
        ("2027-09-30", ""),
        ("2030-01-19", ""),
    ],
)
def test_an_odd_date_is_saved_and_flagged(
    qtbot, page: ChartersPage, demo: WorkshopFile, typed: str, warning: str
) -> None:
    end = tab_into(qtbot, page, "feedback_method", "end_date")
    qtbot.keyClicks(end.input, typed)
    leave(qtbot, end)
    assert stored(demo, "end_date") == typed
    assert end.message.isVisibleTo(page) == bool(warning)
    assert warning in end.message.text()
    page.editor.show_charter()  # and when the charter is shown again
    assert end.message.isVisibleTo(page) == bool(warning)
