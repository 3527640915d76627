"""Date fields that take a whole date typed at any speed, however the typing starts, and that
move on with one Tab and open their calendar from the keyboard.

QDateEdit edits one section (year, month, day) at a time, and two of its habits lose what a
person types: a digit typed over a selection wider than one section (after Ctrl+A) or in front
of a full section (after Home or a click) makes text that is not a date, so Qt drops it; and
when a section fills up Qt moves to the next one by itself, so the "-" typed next moves on a
second time and the month lands in the day. Typing 2027-03-09 over today's date gave
2026-03-09. Here the first digit typed into a section replaces that section, and a separator
typed just after Qt moved on is taken as already done.

Qt also stops Tab on every section (three Tabs to leave a date), steps the section on Alt+Down
and ignores F4. Here Tab leaves the field (a separator or Left/Right moves between sections),
and Alt+Down, F4 or the arrow open the same calendar as the charter form's date fields. Qt's
own calendar popup set the date on every arrow key, so Esc after looking around kept (and
saved) the day last looked at; this one changes nothing until a day is chosen.

A digit that would make an impossible date (the 0 of "2026-02-30") Qt drops without a word,
and the field kept 3 February. Here the field remembers what was typed, and `refused()`
says what is wrong with it until the date is typed or chosen again, so that a form refuses
to save it rather than saving another day.

The field shows the interface language's numeric date (19.01.2027 in German, 19/01/2027 in
Italian and French, ISO in English; see widgets/locale.py) and takes it typed in that order.
An ISO date is taken too where the day comes first: four digits and a "-" start one, and
from there the field reads what is typed as year, month and day.
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, Qt, QTime
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from workshop_app.core.i18n import _
from workshop_app.ui.widgets.date_field import CalendarPopup
from workshop_app.ui.widgets.locale import (
    interface_locale,
    shown_date_format,
    shown_moment_format,
    shown_short_date,
    shown_short_moment,
)

SEPARATORS = frozenset("-/.: ")
# An ISO date typed where the day comes first, as far as it has got: "2027-", "2027-03-0".
_ISO_SO_FAR = re.compile(r"(?P<y>\d{4})-(?:(?P<m>\d{1,2})(?:-(?P<d>\d{0,2}))?)?")

# The rules below are a mixin listed before the Qt class; the type checker reads them as the
# QDateTimeEdit they always run in. (At run time the mixin cannot derive from QDateTimeEdit
# itself: a class deriving from it and from QDateEdit crashes PySide6.)
if TYPE_CHECKING:
    _DateTimeEdit = QDateTimeEdit
else:
    _DateTimeEdit = object


class _WholeDateTyping(_DateTimeEdit):
    """The typing, Tab and calendar rules above, for any QDateTimeEdit (list it before the Qt
    class)."""

    # How the field looked after the last digit typed, and whether that digit filled its
    # section so that Qt moved on by itself. A click, an arrow key or leaving the field
    # changes the look, and the next digit starts a section afresh.
    _after_digit: tuple[str, int, int] | None = None
    _moved_on = False
    popup: CalendarPopup | None = None  # made on first use: most never open it
    # The digits typed into the current section so far, and what is wrong with the date
    # last typed when Qt dropped one of its digits ("" while the field shows what was typed).
    _section_digits = ""
    _refused = ""
    # The digits typed since the date was started from its first section, and the date as it
    # was then (None once something else is done); the ISO date being typed in a day-first
    # field, from its "-" on (None when there is none).
    _run: str | None = None
    _run_start: QDateTime | None = None
    _iso: str | None = None
    # The day typed last, while the month and year after it are typed (day-first fields).
    _typed_day: int | None = None
    # How the field looked after the last digit or separator typed: the date typed goes on.
    _run_look: tuple[str, int, int] | None = None

    def refused(self) -> str:
        """One line saying why the date typed last is not the date shown, or ""."""
        return self._refused

    def _look(self) -> tuple[str, int, int]:
        line = self.lineEdit()
        return line.text(), line.cursorPosition(), line.selectionStart()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        still_typing = self._after_digit == self._look()
        moved_on = still_typing and self._moved_on
        self._after_digit, self._moved_on = None, False
        if self._run_look != self._look():  # something else was done since the last key
            self._run, self._iso, self._typed_day = None, None, None
        if event.key() == Qt.Key.Key_F4 or (alt and event.key() == Qt.Key.Key_Down):
            event.accept()  # never a step: Alt+Down stepped the year down and saved it
            self.open_calendar()
        elif plain and self._iso is not None and (text.isdigit() or text == "-"):
            event.accept()
            self._type_iso(self._iso + text)
        elif (
            plain and text == "-" and self._day_first() and re.fullmatch(r"\d{4}", self._run or "")
        ):
            event.accept()  # the four digits were a year: the date typed is ISO
            assert self._run_start is not None
            year, self._run, self._typed_day = self._run, None, None
            self.setDateTime(self._run_start)
            self._type_iso(f"{year}-")
        elif plain and text.isdigit():
            self._type_digit(event, fresh=not still_typing or moved_on)
        elif plain and text in SEPARATORS and text and moved_on:
            event.accept()  # Qt is already in the section this separator asks for
        else:
            super().keyPressEvent(event)
        typing = plain and text != "" and (text.isdigit() or text in SEPARATORS)
        self._run_look = self._look() if typing else None

    def event(self, event: QEvent) -> bool:
        # Qt's QDateTimeEdit takes Tab to its next section; a person typing a form expects
        # the next field, as in every other field. Only Tab is taken here: Qt moves between
        # sections through focusNextPrevChild() for a separator and Left/Right too.
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            backward = event.key() == Qt.Key.Key_Backtab or (
                event.key() == Qt.Key.Key_Tab
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            if (backward or event.key() == Qt.Key.Key_Tab) and not event.modifiers() & ctrl_alt:
                QWidget.focusNextPrevChild(self, not backward)
                return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._on_arrow(event):
            event.accept()  # the same calendar as from the keyboard, not Qt's own
            self.open_calendar()
        else:
            super().mousePressEvent(event)

    def _on_arrow(self, event: QMouseEvent) -> bool:
        """Whether a press is on the drop-down arrow (found as Qt itself finds it)."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        hit = self.style().hitTestComplexControl(
            QStyle.ComplexControl.CC_ComboBox, option, event.position().toPoint(), self
        )
        return hit == QStyle.SubControl.SC_ComboBoxArrow

    def open_calendar(self) -> None:
        """Show the month of the field's date; choosing a day sets it, Esc changes nothing."""
        if self.isReadOnly():
            return
        if self.popup is None:
            self.popup = CalendarPopup(self, self.accessibleName() or "the date")
            self.popup.chosen.connect(self._chosen)
        self.popup.calendar.setDateRange(self.minimumDate(), self.maximumDate())
        self.popup.open_below(self, self.date())

    def _forget_refusal(self) -> None:
        self._refused = ""

    def _chosen(self, date: QDate) -> None:
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.setDate(date)  # a date and time keeps its time
        # With a time, the hour is selected: the next thing to set; else the day just chosen.
        timed = bool(self.displayedSections() & QDateTimeEdit.Section.HourSection)
        self.setSelectedSection(
            QDateTimeEdit.Section.HourSection if timed else QDateTimeEdit.Section.DaySection
        )

    def _type_digit(self, event: QKeyEvent, *, fresh: bool) -> None:
        line = self.lineEdit()
        if line.hasSelectedText() and line.selectedText() == line.text():
            self.setCurrentSectionIndex(0)  # the whole date is typed over, from its start
            fresh = True
        if fresh:
            self.setSelectedSection(self.currentSection())
            self._section_digits = ""
        section = self.currentSectionIndex()
        if fresh and section == 0:
            self._run, self._run_start = "", self.dateTime()
        if self._run is not None:
            self._run += event.text()
        before = self._look()
        super().keyPressEvent(event)
        self._moved_on = self.currentSectionIndex() != section
        self._after_digit = self._look()
        typed = self._section_digits + event.text()
        if self._after_digit == before:  # Qt dropped the digit: the date would be impossible
            self._refused = self._why_refused(typed)
        else:
            self._refused = ""
            self._section_digits = "" if self._moved_on else typed
            self._keep_typed_day(self.sectionAt(section))

    def _keep_typed_day(self, typed_in: QDateTimeEdit.Section) -> None:
        """Where the day comes first, Qt moves a day the month or year typed after it cannot
        have to the month's last (30/02 shows 28/02): refuse the day typed instead, or take
        it once the year makes it possible (29/02 of a leap year)."""
        if typed_in == QDateTimeEdit.Section.DaySection:
            self._typed_day = self.date().day()
            return
        shown = self.date()
        if typed_in not in (QDateTimeEdit.Section.MonthSection, QDateTimeEdit.Section.YearSection):
            return
        if self._typed_day is None or shown.day() == self._typed_day:
            return
        wrong = self._wrong_date(shown.year(), shown.month(), self._typed_day)
        if wrong:
            self._refused = wrong
        else:
            self.setDate(QDate(shown.year(), shown.month(), self._typed_day))
            self._after_digit = self._look()

    def _why_refused(self, typed: str) -> str:
        shown = self.date()
        parts = {
            QDateTimeEdit.Section.YearSection: shown.year(),
            QDateTimeEdit.Section.MonthSection: shown.month(),
            QDateTimeEdit.Section.DaySection: shown.day(),
        }
        section = self.currentSection()
        if section not in parts:  # an hour or a minute
            return _("{typed} is not a time: hours go up to 23 and minutes up to 59.").format(
                typed=typed
            )
        parts[section] = int(typed)
        year, month, day = parts.values()
        return self._wrong_date(year, month, day)

    def _wrong_date(self, year: int, month: int, day: int) -> str:
        """What is wrong with a date ("" when nothing is)."""
        written = _written(year, month, day)
        if not 1 <= month <= 12:
            return _("{written} is not a date: there is no month {month}.").format(
                written=written, month=month
            )
        last = calendar.monthrange(year, month)[1] if year else 31
        if not 1 <= day <= last:
            # The month in the interface language (calendar.month_name follows the process
            # locale, which Qt sets from the desktop).
            name = interface_locale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
            return _("{written} is not a date: {month} {year} has {days} days.").format(
                written=written, month=name, year=year, days=last
            )
        if self.minimumDate() <= QDate(year, month, day) <= self.maximumDate():
            return ""
        return _("{written} is outside the dates this field takes ({first} to {latest}).").format(
            written=written,
            first=shown_short_date(self.minimumDate()),
            latest=shown_short_date(self.maximumDate()),
        )

    def _day_first(self) -> bool:
        return self.sectionAt(0) != QDateTimeEdit.Section.YearSection

    def _type_iso(self, typed: str) -> None:
        """`typed`, an ISO date typed so far in a day-first field, onto the date: each part as
        soon as it is typed (a part still "0" keeps the field's), a key that makes an
        impossible date refused and not taken, the hour next once the day is whole."""
        match = _ISO_SO_FAR.fullmatch(typed)
        if match is None:  # not a date any more: the ISO date ends where it got to
            self._iso = None
            return
        current = self.date()
        year, month_text, day_text = int(match["y"]), match["m"] or "", match["d"] or ""
        month = int(month_text) if month_text.strip("0") or len(month_text) == 2 else 0
        month = month if month or len(month_text) == 2 else current.month()
        day = int(day_text) if day_text.strip("0") or len(day_text) == 2 else current.day()
        if not day_text and 1 <= month <= 12:  # the field's day, or the month's last
            day = min(day, calendar.monthrange(year, month)[1])
        wrong = self._wrong_date(year, month, day)
        if wrong:
            self._refused = wrong
            self._after_digit = self._look()  # the next key goes on from here
            return
        self.setDate(QDate(year, month, day))  # a date and time keeps its time
        self._refused, self._iso = "", typed
        month_done = match["d"] is not None or len(month_text) == 2 or month > 1
        day_done = len(day_text) == 2 or (day_text != "" and int(day_text) > 3)
        if day_done:
            self._iso = None
            # With a time, the hour is next (the separator before it taken as done).
            timed = bool(self.displayedSections() & QDateTimeEdit.Section.HourSection)
            self.setSelectedSection(
                QDateTimeEdit.Section.HourSection if timed else QDateTimeEdit.Section.DaySection
            )
            self._moved_on, self._section_digits = timed, ""
        else:
            self.setSelectedSection(
                QDateTimeEdit.Section.DaySection
                if month_done
                else QDateTimeEdit.Section.MonthSection
            )
        self._after_digit = self._look()


def _written(year: int, month: int, day: int) -> str:
    """A date, possible or not, as the date fields show one: "2027-02-30", "30.02.2027"."""
    values = {"y": year, "M": month, "d": day}

    def part(token: re.Match[str]) -> str:
        width = 4 if token[0][0] == "y" else len(token[0])
        return f"{values[token[0][0]]:0{width}d}"

    return re.sub(r"y+|M+|d+", part, shown_date_format())


class DateEdit(_WholeDateTyping, QDateEdit):
    """A calendar-popup date field shown and typed as the interface language writes a date
    in numbers (and as YYYY-MM-DD)."""

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(date or QDate.currentDate(), parent)
        self.setDisplayFormat(shown_date_format())
        self.setCalendarPopup(True)  # for the drop-down arrow; the calendar is ours
        self.setToolTip(
            _("Type it like {example}; Alt+Down or F4 open a calendar").format(
                example=shown_short_date(QDate(2027, 9, 30))
            )
        )
        self.dateTimeChanged.connect(self._forget_refusal)  # set again: by a digit, the calendar


class DateTimeEdit(_WholeDateTyping, QDateTimeEdit):
    """A calendar-popup date and time field shown and typed as the interface language writes
    them in numbers (and as YYYY-MM-DD HH:MM)."""

    def __init__(self, moment: QDateTime, parent: QWidget | None = None) -> None:
        super().__init__(moment, parent)
        self.setDisplayFormat(shown_moment_format())
        self.setCalendarPopup(True)  # for the drop-down arrow; the calendar is ours
        self.setToolTip(
            _("Type it like {example}; Alt+Down or F4 open a calendar").format(
                example=shown_short_moment(QDateTime(QDate(2027, 9, 30), QTime(18, 0)))
            )
        )
        self.dateTimeChanged.connect(self._forget_refusal)  # set again: by a digit, the calendar
