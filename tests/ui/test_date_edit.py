"""The date fields by keyboard (issue 12): Alt+Down or F4 open the calendar at the field's
date and change nothing by themselves, Esc in it changes nothing, choosing a day sets (and
saves) it; one Tab leaves the field, and separators or Left/Right still move between its
sections. On the Program page (the Workshop date) and in the sign dialog (date and time)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDateTimeEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.sign import SignDialog
from workshop_app.ui.pages.program import ProgramPage
from workshop_app.ui.widgets.date_edit import DateEdit, DateTimeEdit

ALT = Qt.KeyboardModifier.AltModifier
NO_KEYS = Qt.KeyboardModifier.NoModifier
# The two ways a date field's calendar is opened from the keyboard, as in the charter form.
OPENERS = {"Alt+Down": (Qt.Key.Key_Down, ALT), "F4": (Qt.Key.Key_F4, NO_KEYS)}


def active(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def page(qtbot, new_workshop: WorkshopFile) -> ProgramPage:  # type: ignore[no-untyped-def]
    p = ProgramPage()
    qtbot.addWidget(p)
    p.set_workshop(new_workshop)
    active(qtbot, p)
    return p


@pytest.fixture
def sign(qtbot) -> SignDialog:  # type: ignore[no-untyped-def]
    d = SignDialog(
        code="P11",
        version=1,
        mentor="Yuki Tanaka",
        mentee="Ben Carter",
        coordinator="Anita Kaur",
        workshop_date="2027-01-19",
    )
    qtbot.addWidget(d)
    active(qtbot, d)
    d.when.setDateTime(QDateTime(QDate(2027, 1, 20), QTime(14, 30)))
    return d


def workshop_date(page: ProgramPage) -> DateEdit:
    edit = page.fields["date"].widget
    assert isinstance(edit, DateEdit)
    return edit


def saved_date(wf: WorkshopFile) -> str:
    """The workshop date as another program reads it from the file right now."""
    other = WorkshopFile.open(wf.path, readonly=True)
    try:
        return other.workshop().date
    finally:
        other.close()


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def open_by_key(qtbot, edit: QDateTimeEdit, opener: str) -> QCalendarWidget:  # type: ignore[no-untyped-def]
    edit.setFocus()
    key, modifiers = OPENERS[opener]
    qtbot.keyClick(edit, key, modifiers)
    calendars = [c for c in edit.findChildren(QCalendarWidget) if c.isVisible()]
    assert len(calendars) == 1, f"{opener} opened no calendar"
    calendar = calendars[0]
    qtbot.waitUntil(lambda: calendar.isAncestorOf(focused()))
    return calendar


@pytest.mark.parametrize("opener", sorted(OPENERS))
def test_the_key_opens_the_calendar_at_the_date_and_esc_changes_nothing(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop: WorkshopFile, opener: str
) -> None:
    edit = workshop_date(page)
    calendar = open_by_key(qtbot, edit, opener)
    assert calendar.selectedDate() == QDate(2027, 1, 19)
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 1)
    assert edit.date() == QDate(2027, 1, 19)  # Alt+Down stepped the year down to 2026
    qtbot.keyClick(focused(), Qt.Key.Key_Right)  # looking at the next days...
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # ...and leaving it
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert focused() is edit
    assert edit.date() == QDate(2027, 1, 19)
    page.saver.flush("date")
    assert saved_date(new_workshop) == "2027-01-19"


@pytest.mark.parametrize("opener", sorted(OPENERS))
def test_choosing_a_day_sets_the_date_and_saves_it(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop: WorkshopFile, opener: str
) -> None:
    edit = workshop_date(page)
    calendar = open_by_key(qtbot, edit, opener)
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    with qtbot.waitSignal(page.saved, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert not calendar.isVisible()
        assert focused() is edit
    assert edit.date() == QDate(2027, 1, 21)
    assert saved_date(new_workshop) == "2027-01-21"


def test_a_click_on_the_arrow_opens_the_same_calendar(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop: WorkshopFile
) -> None:
    """Qt's own popup set the date on every arrow key, so Esc kept the day last looked at."""
    edit = workshop_date(page)
    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    arrow = edit.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, edit
    )
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, NO_KEYS, arrow.center())
    calendar = next(c for c in edit.findChildren(QCalendarWidget) if c.isVisible())
    assert calendar.accessibleName() == "Calendar for Workshop date"
    qtbot.waitUntil(lambda: calendar.isAncestorOf(focused()))
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert edit.date() == QDate(2027, 1, 19)
    page.saver.flush("date")
    assert saved_date(new_workshop) == "2027-01-19"


@pytest.mark.parametrize("opener", sorted(OPENERS))
def test_the_signing_time_s_calendar_keeps_the_time(  # type: ignore[no-untyped-def]
    sign: SignDialog, qtbot, opener: str
) -> None:
    calendar = open_by_key(qtbot, sign.when, opener)
    assert calendar.selectedDate() == QDate(2027, 1, 20)
    assert sign.when.dateTime() == QDateTime(QDate(2027, 1, 20), QTime(14, 30))
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert focused() is sign.when
    assert sign.when.dateTime() == QDateTime(QDate(2027, 1, 20), QTime(14, 30))
    calendar = open_by_key(qtbot, sign.when, opener)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # a week later
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert not calendar.isVisible() and focused() is sign.when
    assert sign.when.dateTime() == QDateTime(QDate(2027, 1, 27), QTime(14, 30))
    assert sign.when.currentSection() == QDateTimeEdit.Section.HourSection  # next to set


def test_one_tab_leaves_the_workshop_date_and_shift_tab_goes_back(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop: WorkshopFile
) -> None:
    edit = workshop_date(page)
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert focused() is page.fields["start_time"].widget
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is edit
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.fields["cohort"].widget
    assert saved_date(new_workshop) == "2027-01-19"


def test_a_date_typed_then_tab_lands_in_the_start_time(  # type: ignore[no-untyped-def]
    page: ProgramPage, qtbot, new_workshop: WorkshopFile
) -> None:
    """How a trainer types at speed: the date, Tab, the start time."""
    cohort = page.fields["cohort"].widget
    cohort.setFocus()
    qtbot.keyClick(cohort, Qt.Key.Key_Tab)
    edit = workshop_date(page)
    assert focused() is edit
    qtbot.keyClicks(edit, "2027-03-09")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    start = page.fields["start_time"].widget
    assert focused() is start
    qtbot.keyClicks(start, "09:30")
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert focused() is page.fields["venue"].widget
    assert saved_date(new_workshop) == "2027-03-09"
    assert new_workshop.workshop().start_time == "09:30"


def test_the_program_page_tabs_through_every_field_once_in_order(page: ProgramPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = page.fields["program"].widget
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    while (widget := focused()) is not None and widget not in seen:
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    # A field that can be left empty (the return date) takes the focus in its own line edit.
    order = [
        name
        for w in seen
        for name, f in page.fields.items()
        if w is f.widget or f.widget.isAncestorOf(w)
    ]
    assert order == list(page.fields)  # the form's order, each field once
    assert order.index("start_time") == order.index("date") + 1


def test_one_tab_leaves_the_signing_time(sign: SignDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    sign.when.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(sign.when, Qt.Key.Key_Tab)
    widget = focused()
    assert isinstance(widget, QPushButton) and widget.accessibleName() == "Mark as signed"
    sign.when.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(sign.when, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is sign.coordinator


def test_separators_and_arrows_still_move_between_sections(sign: SignDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    when = sign.when
    when.setFocus(Qt.FocusReason.TabFocusReason)
    assert when.currentSection() == QDateTimeEdit.Section.YearSection
    qtbot.keyClick(when, Qt.Key.Key_Minus)
    assert when.currentSection() == QDateTimeEdit.Section.MonthSection
    qtbot.keyClick(when, Qt.Key.Key_Right)
    qtbot.keyClick(when, Qt.Key.Key_Right)
    qtbot.keyClick(when, Qt.Key.Key_Right)
    assert when.currentSection() == QDateTimeEdit.Section.DaySection
    qtbot.keyClick(when, Qt.Key.Key_Space)
    assert when.currentSection() == QDateTimeEdit.Section.HourSection
    qtbot.keyClicks(when, "16:45")
    assert when.dateTime() == QDateTime(QDate(2027, 1, 20), QTime(16, 45))
    assert focused() is when


def test_a_read_only_date_opens_no_calendar(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = DateTimeEdit(QDateTime(QDate(2027, 1, 20), QTime(14, 30)))
    qtbot.addWidget(edit)
    edit.setReadOnly(True)
    active(qtbot, edit)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_F4)
    qtbot.keyClick(edit, Qt.Key.Key_Down, ALT)
    assert not [c for c in edit.findChildren(QCalendarWidget) if c.isVisible()]
    assert edit.dateTime() == QDateTime(QDate(2027, 1, 20), QTime(14, 30))
    assert focused() is edit
