"""Date fields that take a whole date typed at any speed, however the typing starts.

QDateEdit edits one section (year, month, day) at a time, and two of its habits lose what a
person types: a digit typed over a selection wider than one section (after Ctrl+A) or in front
of a full section (after Home or a click) makes text that is not a date, so Qt drops it; and
when a section fills up Qt moves to the next one by itself, so the "-" typed next moves on a
second time and the month lands in the day. Typing 2027-03-09 over today's date gave
2026-03-09. Here the first digit typed into a section replaces that section, and a separator
typed just after Qt moved on is taken as already done.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from workshop_app.ui.date_field import SHOWN_DATE, SHOWN_MOMENT

SEPARATORS = frozenset("-/.: ")


class _WholeDateTyping:
    """The typing rules above, for any QDateTimeEdit (list it before the Qt class)."""

    # How the field looked after the last digit typed, and whether that digit filled its
    # section so that Qt moved on by itself. A click, an arrow key or leaving the field
    # changes the look, and the next digit starts a section afresh.
    _after_digit: tuple[str, int, int] | None = None
    _moved_on = False

    def _look(self) -> tuple[str, int, int]:
        line = self.lineEdit()  # type: ignore[attr-defined]
        return line.text(), line.cursorPosition(), line.selectionStart()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        still_typing = self._after_digit == self._look()
        moved_on = still_typing and self._moved_on
        self._after_digit, self._moved_on = None, False
        if plain and text.isdigit():
            self._type_digit(event, fresh=not still_typing or moved_on)
        elif plain and text in SEPARATORS and text and moved_on:
            event.accept()  # Qt is already in the section this separator asks for
        else:
            super().keyPressEvent(event)  # type: ignore[misc]

    def _type_digit(self, event: QKeyEvent, *, fresh: bool) -> None:
        edit: QDateTimeEdit = self  # type: ignore[assignment]
        line = edit.lineEdit()
        if line.hasSelectedText() and line.selectedText() == line.text():
            edit.setCurrentSectionIndex(0)  # the whole date is typed over, from its start
            fresh = True
        if fresh:
            edit.setSelectedSection(edit.currentSection())
        section = edit.currentSectionIndex()
        super().keyPressEvent(event)  # type: ignore[misc]
        self._moved_on = edit.currentSectionIndex() != section
        self._after_digit = self._look()


class DateEdit(_WholeDateTyping, QDateEdit):
    """A calendar-popup date field shown and typed as YYYY-MM-DD."""

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(date or QDate.currentDate(), parent)
        self.setDisplayFormat(SHOWN_DATE)
        self.setCalendarPopup(True)


class DateTimeEdit(_WholeDateTyping, QDateTimeEdit):
    """A calendar-popup date and time field shown and typed as YYYY-MM-DD HH:MM."""

    def __init__(self, moment: QDateTime, parent: QWidget | None = None) -> None:
        super().__init__(moment, parent)
        self.setDisplayFormat(SHOWN_MOMENT)
        self.setCalendarPopup(True)
