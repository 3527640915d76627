"""A date, or a date and time, that can be empty: typed, stepped, picked from a calendar.

Qt's QDateEdit cannot be empty: a "special value" (1900-01-01) stood in for empty, so typing
into an empty field went wrong, Up saved 1901 and the calendar opened in 1900. This field is
a line edit that knows what a whole date is, and saves nothing else.

It shows the date as the interface language writes it in numbers (19.01.2027 in German,
19/01/2027 in Italian and French, ISO in English; see widgets/locale.py) and reads that and
ISO, whichever is typed. The file always holds ISO.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QToolButton, QVBoxLayout, QWidget

from workshop_app.core.i18n import _
from workshop_app.ui.widgets.fields import FieldWidget, name_inner_parts, wrap_input
from workshop_app.ui.widgets.locale import (
    date_pattern,
    interface_locale,
    shown_date_format,
    shown_moment_format,
    shown_short_date,
)

STORED_MOMENT = "yyyy-MM-ddTHH:mm"
# A date further than this after the workshop is probably a typing slip (2207 for 2027).
FAR_AFTER_YEARS = 3
# The time a date-and-time field starts from when only its date is known.
START_TIME = QTime(9, 0)
MINUTE_STEP = 15

# Only the last keystroke makes a date whole, so one typed key by key is never saved as
# another on the way ("2027-09-3" is not the 3rd): an ISO day has two digits, and the
# day-first forms end with a four-digit year.
_DATE = (
    r"(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{2})"  # 2027-09-30
    r"|(?P<d2>\d{1,2})[./](?P<m2>\d{1,2})[./](?P<y2>\d{4}))"  # 30/09/2027, 30.9.2027
)
_TIME = r"(?P<h>\d{1,2})[:.](?P<min>\d{2})"
_DATE_ONLY = re.compile(_DATE)
_DATE_AND_TIME = re.compile(_DATE + r"(?:\s+|T)" + _TIME)


def parse_moment(text: str, *, with_time: bool) -> QDateTime | None:
    """The date (and time) that `text` spells out in full, or None. Besides ISO
    (2027-09-30, 2027-09-30 18:00) the day-first forms people type in Italy, Germany and
    France are read too (30/09/2027, 30.9.2027)."""
    match = (_DATE_AND_TIME if with_time else _DATE_ONLY).fullmatch(text.strip())
    if match is None:
        return None
    parts = match.groupdict()
    year, month, day = (int(parts[k] or parts[k + "2"]) for k in ("y", "m", "d"))
    date = QDate(year, month, day)
    time = QTime(int(parts["h"]), int(parts["min"])) if with_time else QTime(0, 0)
    if not date.isValid() or not time.isValid():
        return None
    return QDateTime(date, time)


@dataclass(frozen=True, slots=True)
class Unfinished:
    """What a date field holds when its text is not a whole date: handed over as an edit so
    that the save is refused with `message` (the text stays, nothing else is saved)."""

    text: str
    message: str


class DateField(FieldWidget):
    """A date, or a date and time, that can be empty.

    Typed as text (the placeholder shows the form), with Up/Down stepping the part under the
    cursor (an empty field starts from the workshop date), Alt+Down or F4 for a calendar,
    Delete or Backspace (or ✕) to empty it. A date before the workshop or more than three
    years after it is saved, and flagged next to the field.
    """

    def __init__(self, label: str, *, with_time: bool = False) -> None:
        super().__init__()
        self._label = label
        self._with_time = with_time
        self._shown = shown_moment_format() if with_time else shown_date_format()
        self._reference = QDate.currentDate()
        self._edit = QLineEdit()
        self._edit.setAccessibleName(label)
        self._edit.setPlaceholderText(date_pattern(self._shown))
        example = self._text(QDateTime(QDate(2027, 9, 30), QTime(18, 0)))
        self._edit.setToolTip(
            _(
                "Type it like {example}; Up/Down change the part under the cursor; Alt+Down "
                "or F4 open a calendar"
            ).format(example=example)
        )
        self._edit.textEdited.connect(self._typed)
        self._edit.editingFinished.connect(self.commit)
        self._edit.installEventFilter(self)
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip(_("Pick from a calendar (Alt+Down or F4)"))
        self.calendar_button.setAccessibleName(_("Calendar for {field}").format(field=label))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down/F4 from the field
        self.calendar_button.clicked.connect(self.open_calendar)
        clear = QToolButton()
        clear.setText("✕")
        clear.setToolTip(_("Clear {field} (Delete)").format(field=label))
        clear.setAccessibleName(_("Clear {field}").format(field=label))
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Delete/Backspace from the field
        clear.clicked.connect(self._clear)
        self.popup: CalendarPopup | None = None  # made on first use: most never open it
        wrap_input(self, self._edit, self.calendar_button, clear)

    # -- value -----------------------------------------------------------------------------

    def value(self) -> str:
        """The stored form ("" when empty); a text that is not a whole date as it is."""
        text = self._edit.text()
        if not text.strip():
            return ""
        moment = parse_moment(text, with_time=self._with_time)
        if moment is None:
            return text
        return moment.toString(STORED_MOMENT) if self._with_time else moment.toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        text = str(value or "")
        moment = parse_moment(text, with_time=self._with_time)
        self._edit.setText(text if moment is None else self._text(moment))
        self._check()

    def set_reference(self, date: QDate) -> None:
        """The workshop's date: where an empty field starts, and what a date is checked
        against."""
        self._reference = date
        self._check()

    # -- typing ----------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        self._check()
        if not text.strip() or parse_moment(text, with_time=self._with_time) is not None:
            self.edited.emit(self.value())
        # Anything else is a date being typed: handed over by commit() when the person
        # leaves the field, so "2027-09-3" is never saved as some other date.

    def commit(self) -> None:
        text = self._edit.text()
        if not text.strip():
            return
        moment = parse_moment(text, with_time=self._with_time)
        if moment is None:
            example = self._text(QDateTime(self._reference, START_TIME))
            message = (
                _("“{text}” is not a date and time: write it like {example}. Not saved.")
                if self._with_time
                else _("“{text}” is not a date: write it like {example}. Not saved.")
            )
            self.edited.emit(Unfinished(text, message.format(text=text, example=example)))
        elif self._text(moment) != text:
            self._edit.setText(self._text(moment))  # 30/9/2027 reads 30/09/2027, ISO too

    def _text(self, moment: QDateTime) -> str:
        """`moment` as the field shows it."""
        return interface_locale().toString(moment, self._shown)

    def _set_moment(self, moment: QDateTime, part: str, *, at_start: bool = False) -> None:
        """Show `moment` with the cursor at the end (or start) of its `part`."""
        text = self._text(moment)
        self._edit.setText(text)
        start, end = _span(self._shown, text, part)
        self._edit.setCursorPosition(start if at_start else end)
        self._typed(self._edit.text())

    def _clear(self) -> None:
        self._edit.clear()
        self._edit.setFocus()
        self._typed("")

    def _start(self) -> QDateTime:
        return QDateTime(self._reference, START_TIME)

    def step(self, by: int) -> None:
        """Up/Down: change the part under the cursor by `by` (an empty field starts from the
        workshop date; a date still being typed is left alone)."""
        text = self._edit.text()
        if not text.strip():
            self._set_moment(self._start(), "day")
            return
        moment = parse_moment(text, with_time=self._with_time)
        if moment is None:
            return
        same = self._text(moment) == text
        # A date typed in the other form (ISO in a day-first field) steps its day.
        part = _part_at(self._shown, text, self._edit.cursorPosition()) if same else "day"
        self._set_moment(_stepped(moment, part, by), part)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
                self.open_calendar()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
                self.step(1 if key == Qt.Key.Key_Up else -1)
                return True
        return False

    # -- the calendar ----------------------------------------------------------------------

    def open_calendar(self) -> None:
        """Show the month of the date in the field (or of the workshop, when empty)."""
        if self.popup is None:
            self.popup = CalendarPopup(self, self._label)
            self.popup.chosen.connect(self._chosen)
        moment = parse_moment(self._edit.text(), with_time=self._with_time)
        self.popup.open_below(self._edit, moment.date() if moment else self._reference)

    def _chosen(self, date: QDate) -> None:
        moment = parse_moment(self._edit.text(), with_time=self._with_time)
        time = moment.time() if moment is not None else START_TIME
        self._edit.setFocus()
        # With a time, the cursor goes to the hour: the next thing to set.
        if self._with_time:
            self._set_moment(QDateTime(date, time), "hour", at_start=True)
        else:
            self._set_moment(QDateTime(date, time), "day")

    # -- checking ----------------------------------------------------------------------------

    def _check(self) -> None:
        moment = parse_moment(self._edit.text(), with_time=self._with_time)
        warning = ""
        if moment is not None and self._reference.isValid():
            workshop = shown_short_date(self._reference)
            if moment.date() < self._reference:
                warning = _("⚠ Before the workshop ({date}): is that right? It is saved.").format(
                    date=workshop
                )
            elif moment.date() > self._reference.addYears(FAR_AFTER_YEARS):
                warning = _(
                    "⚠ More than {years} years after the workshop ({date}): is that right? It "
                    "is saved."
                ).format(years=FAR_AFTER_YEARS, date=workshop)
        self._show_warning(warning)


_PARTS = {"y": "year", "M": "month", "d": "day", "H": "hour", "h": "hour", "m": "minute"}


def _spans(shown: str, text: str) -> list[tuple[str, int, int]]:
    """The parts of `text`, shown in the format `shown`, in order: each part's name and where
    its digits start and end ("19.01.2027": day 0-2, month 3-5, year 6-10)."""
    parts = [_PARTS[token[0]] for token in re.findall(r"y+|M+|d+|H+|h+|m+", shown)]
    digits = [(found.start(), found.end()) for found in re.finditer(r"\d+", text)]
    return [(part, start, end) for part, (start, end) in zip(parts, digits, strict=False)]


def _span(shown: str, text: str, part: str) -> tuple[int, int]:
    """Where `part` is in `text` (the end of the text when it is not there)."""
    return next(((s, e) for p, s, e in _spans(shown, text) if p == part), (len(text), len(text)))


def _part_at(shown: str, text: str, cursor: int) -> str:
    """Which part of `text` (shown in the format `shown`) the cursor is in, or just after."""
    spans = _spans(shown, text)
    return next((part for part, _start, end in spans if cursor <= end), spans[-1][0])


def _stepped(moment: QDateTime, part: str, by: int) -> QDateTime:
    if part == "year":
        return moment.addYears(by)
    if part == "month":
        return moment.addMonths(by)
    if part == "day":
        return moment.addDays(by)
    if part == "hour":
        return moment.addSecs(by * 3600)
    # Minutes go in quarters of an hour, from 09:07 to 09:15 or 09:00.
    minute = moment.time().minute()
    off = minute % MINUTE_STEP
    target = minute - off + (MINUTE_STEP if by > 0 else 0) if off else minute + by * MINUTE_STEP
    return moment.addSecs((target - minute) * 60)


class CalendarPopup(QFrame):
    """A month to pick a day from: Enter or a click chooses, Esc closes."""

    chosen = Signal(QDate)

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(_("Calendar for {field}").format(field=label))
        self.calendar.setLocale(interface_locale())  # month and day names
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)
        name_inner_parts(self)

    def open_below(self, anchor: QWidget, date: QDate) -> None:
        self.calendar.setSelectedDate(date)
        self.calendar.setCurrentPage(date.year(), date.month())
        self.adjustSize()
        screen = anchor.screen().availableGeometry()
        at = anchor.mapToGlobal(QPoint(0, anchor.height()))
        if at.y() + self.height() > screen.bottom():  # no room below: open above the field
            at.setY(anchor.mapToGlobal(QPoint(0, 0)).y() - self.height())
        at.setX(max(screen.left(), min(at.x(), screen.right() - self.width())))
        self.move(at)
        self.show()
        self.calendar.setFocus()

    def _choose(self, date: QDate) -> None:
        self.close()
        self.chosen.emit(date)
