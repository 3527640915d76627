"""One input widget per kind of charter field, all with the same small interface.

Each widget emits `edited(value)` when the user changes it (never when the program sets it),
offers `value()` and `set_value()`, and stores values in the form the core expects: text,
a choice key, minutes as int or None, ISO dates and date-times, or "" for empty. Below the
input each has a line for a message: a save that was refused (red) or a value worth a second
look (amber).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QObject,
    QPoint,
    QSignalBlocker,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.charter_fields import CharterField

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a4b00;"
PRIVATE_NOTE = "Private to the pair: what you write here is left out of staff exports."
PRIVATE_STYLE = "background: #eef1f8; border-left: 3px solid #5b6b9a; padding: 4px 6px;"
# Form labels wrap at this many average characters, so that every section's fields line up.
LABEL_CHARS = 24


def charter_form(parent: QWidget) -> QFormLayout:
    """The layout of a part of the charter form: labels in one column beside the fields
    (see `place_labels` for a narrow form)."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def add_form_row(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """A row of a charter form: its label (one width in every section, so the fields line
    up down the whole form) and the field."""
    label = QLabel(text)
    label.setBuddy(widget.focusProxy() or widget)
    _beside(label)
    form.addRow(label, widget)
    return label


def place_labels(form: QFormLayout, *, above: bool) -> None:
    """Labels beside their fields, or above them where the form is too narrow for both (a
    small screen, a large scale): the fields then get the whole width."""
    form.setRowWrapPolicy(
        QFormLayout.RowWrapPolicy.WrapAllRows if above else QFormLayout.RowWrapPolicy.WrapLongRows
    )
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if not isinstance(label, QLabel):
            continue
        if above:  # on one line, as wide as it needs (a wrapped label keeps a narrow width)
            label.setWordWrap(False)
            label.setMinimumWidth(0)
            label.setMaximumWidth(16_777_215)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 0, 0, 0)
        else:
            _beside(label)


def _beside(label: QLabel) -> None:
    label.setWordWrap(True)
    label.setFixedWidth(label.fontMetrics().averageCharWidth() * LABEL_CHARS)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 4, 0, 0)  # level with the first line of the field


def name_inner_parts(root: QWidget) -> None:
    """Give the parts Qt builds inside a widget that can take focus (a spin box's or an
    editable combo box's line edit, a combo box's list, a calendar's month view) the name of
    the widget they belong to, so that every focusable widget has an accessible name."""
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.accessibleName():
            continue
        owner = widget.parentWidget()
        while owner is not None and owner is not root and not owner.accessibleName():
            owner = owner.parentWidget()
        if owner is not None and owner.accessibleName():
            widget.setAccessibleName(owner.accessibleName())


class FieldWidget(QWidget):
    """Each kind below offers `value()` and `set_value(value)`, and emits `edited`."""

    edited = Signal(object)
    _input: QWidget

    def __init__(self) -> None:
        super().__init__()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self._error = ""
        self._warning = ""

    @property
    def input(self) -> QWidget:
        """The widget that takes focus and keystrokes."""
        return self._input

    def show_error(self, text: str) -> None:
        """Say why the last change was not saved ("" once it is)."""
        self._error = text
        self._show_message()

    def _show_warning(self, text: str) -> None:
        self._warning = text
        self._show_message()

    def _show_message(self) -> None:
        text = self._error or self._warning
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if self._error else WARNING_STYLE)
        self.message.setVisible(bool(text))
        self._input.setAccessibleDescription(text)  # read out with the field

    def commit(self) -> None:
        """Hand over, as an edit, what is typed but not handed over yet (only a date field
        holds any: a date being typed is not saved until it is whole)."""


def grow_with_text(edit: QPlainTextEdit, lines: tuple[int, int] = (3, 8)) -> None:
    """Make `edit` as tall as its text: three lines when empty, up to eight (then it
    scrolls), so that a long form stays short where little is written."""
    edit.installEventFilter(_GrowWithText(edit, lines))


class _GrowWithText(QObject):
    def __init__(self, edit: QPlainTextEdit, lines: tuple[int, int]) -> None:
        super().__init__(edit)
        self._edit = edit
        self._lines = lines
        edit.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            # A new width wraps the text anew, once the edit has laid it out again.
            QTimer.singleShot(0, self, self._fit)
        return False

    def _fit(self) -> None:
        edit = self._edit
        # A plain-text document's height is its number of laid-out lines.
        lines = int(edit.document().documentLayout().documentSize().height())
        shown = max(self._lines[0], min(self._lines[1], lines))
        frame = edit.frameWidth() * 2 + int(edit.document().documentMargin() * 2) + 2
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * shown + frame)


def _wrap(widget: FieldWidget, inner: QWidget, *extra: QWidget) -> None:
    widget._input = inner
    column = QVBoxLayout(widget)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    row = QHBoxLayout()
    row.addWidget(inner, 1)
    for w in extra:
        row.addWidget(w)
    column.addLayout(row)
    column.addWidget(widget.message)
    widget.setFocusProxy(inner)


class TextField(FieldWidget):
    """Several lines, growing with the text (see `grow_with_text`)."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self._edit = QPlainTextEdit()
        self._edit.setTabChangesFocus(True)
        self._edit.setAccessibleName(label)
        self._edit.textChanged.connect(lambda: self.edited.emit(self._edit.toPlainText()))
        grow_with_text(self._edit)
        _wrap(self, self._edit)

    def value(self) -> str:
        return self._edit.toPlainText()

    def set_value(self, value: Any) -> None:
        if self._edit.toPlainText() == (value or ""):
            return
        with QSignalBlocker(self._edit):
            self._edit.setPlainText(value or "")


class LineField(FieldWidget):
    def __init__(self, label: str, placeholder: str = "") -> None:
        super().__init__()
        self._edit = QLineEdit()
        self._edit.setAccessibleName(label)
        self._edit.setPlaceholderText(placeholder)
        self._edit.textEdited.connect(self.edited.emit)
        _wrap(self, self._edit)

    def value(self) -> str:
        return self._edit.text()

    def set_value(self, value: Any) -> None:
        if self._edit.text() != (value or ""):
            self._edit.setText(value or "")
            self._edit.setCursorPosition(0)  # a long answer shows its start, not its end


class ChoiceField(FieldWidget):
    def __init__(self, label: str, choices: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self._combo = QComboBox()
        self._combo.setAccessibleName(label)
        self._combo.addItem("— choose —", "")
        for key, text in choices:
            self._combo.addItem(text, key)
        self._combo.activated.connect(lambda _i: self.edited.emit(self._combo.currentData()))
        _wrap(self, self._combo)

    def value(self) -> str:
        return str(self._combo.currentData() or "")

    def set_value(self, value: Any) -> None:
        index = self._combo.findData(value or "")
        with QSignalBlocker(self._combo):
            self._combo.setCurrentIndex(max(index, 0))


class MinutesField(FieldWidget):
    def __init__(self, label: str) -> None:
        super().__init__()
        self._spin = QSpinBox()
        self._spin.setAccessibleName(label)
        self._spin.setRange(0, 480)
        self._spin.setSingleStep(15)
        self._spin.setSuffix(" min")
        self._spin.setSpecialValueText("—")
        self._spin.valueChanged.connect(lambda v: self.edited.emit(v or None))
        _wrap(self, self._spin)

    def value(self) -> int | None:
        return self._spin.value() or None

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self._spin):
            self._spin.setValue(int(value or 0))


# -- dates -------------------------------------------------------------------------------

SHOWN_DATE = "yyyy-MM-dd"
SHOWN_MOMENT = "yyyy-MM-dd HH:mm"
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
        self._shown = SHOWN_MOMENT if with_time else SHOWN_DATE
        self._reference = QDate.currentDate()
        self._edit = QLineEdit()
        self._edit.setAccessibleName(label)
        self._edit.setPlaceholderText("YYYY-MM-DD HH:MM" if with_time else "YYYY-MM-DD")
        self._edit.setToolTip(
            f"Type it like {QDateTime(QDate(2027, 9, 30), QTime(18, 0)).toString(self._shown)}; "
            "Up/Down change the part under the cursor; Alt+Down or F4 open a calendar"
        )
        self._edit.textEdited.connect(self._typed)
        self._edit.editingFinished.connect(self.commit)
        self._edit.installEventFilter(self)
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip("Pick from a calendar (Alt+Down or F4)")
        self.calendar_button.setAccessibleName(f"Calendar for {label}")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down/F4 from the field
        self.calendar_button.clicked.connect(self.open_calendar)
        clear = QToolButton()
        clear.setText("✕")
        clear.setToolTip(f"Clear {label.lower()} (Delete)")
        clear.setAccessibleName(f"Clear {label}")
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Delete/Backspace from the field
        clear.clicked.connect(self._clear)
        self.popup: _CalendarPopup | None = None  # made on first use: most never open it
        _wrap(self, self._edit, self.calendar_button, clear)

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
        self._edit.setText(text if moment is None else moment.toString(self._shown))
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
            example = QDateTime(self._reference, START_TIME).toString(self._shown)
            kind = "a date and time" if self._with_time else "a date"
            self.edited.emit(
                Unfinished(text, f"“{text}” is not {kind}: write it like {example}. Not saved.")
            )
        elif moment.toString(self._shown) != text:
            self._edit.setText(moment.toString(self._shown))  # 30/9/2027 reads 2027-09-30

    def _set_moment(self, moment: QDateTime, cursor: int) -> None:
        self._edit.setText(moment.toString(self._shown))
        self._edit.setCursorPosition(cursor)
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
            self._set_moment(self._start(), len(SHOWN_DATE))
            return
        moment = parse_moment(text, with_time=self._with_time)
        if moment is None:
            return
        same = moment.toString(self._shown) == text
        cursor = self._edit.cursorPosition() if same else len(SHOWN_DATE)
        self._set_moment(_stepped(moment, _part_at(cursor), by), cursor)

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
            self.popup = _CalendarPopup(self, self._label)
            self.popup.chosen.connect(self._chosen)
        moment = parse_moment(self._edit.text(), with_time=self._with_time)
        self.popup.open_below(self._edit, moment.date() if moment else self._reference)

    def _chosen(self, date: QDate) -> None:
        moment = parse_moment(self._edit.text(), with_time=self._with_time)
        time = moment.time() if moment is not None else START_TIME
        self._edit.setFocus()
        # With a time, the cursor goes to the hour: the next thing to set.
        self._set_moment(QDateTime(date, time), 11 if self._with_time else len(SHOWN_DATE))

    # -- checking ----------------------------------------------------------------------------

    def _check(self) -> None:
        moment = parse_moment(self._edit.text(), with_time=self._with_time)
        warning = ""
        if moment is not None and self._reference.isValid():
            workshop = self._reference.toString(SHOWN_DATE)
            if moment.date() < self._reference:
                warning = f"⚠ Before the workshop ({workshop}): is that right? It is saved."
            elif moment.date() > self._reference.addYears(FAR_AFTER_YEARS):
                warning = (
                    f"⚠ More than {FAR_AFTER_YEARS} years after the workshop ({workshop}): "
                    "is that right? It is saved."
                )
        self._show_warning(warning)


def _part_at(cursor: int) -> str:
    """Which part of "yyyy-MM-dd HH:mm" the cursor is in (or just after)."""
    for end, part in ((4, "year"), (7, "month"), (10, "day"), (13, "hour")):
        if cursor <= end:
            return part
    return "minute"


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


class _CalendarPopup(QFrame):
    """A month to pick a day from: Enter or a click chooses, Esc closes."""

    chosen = Signal(QDate)

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(f"Calendar for {label}")
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


def widget_for(field: CharterField) -> FieldWidget:
    if field.kind == "text":
        return TextField(field.label)
    if field.kind == "choice":
        return ChoiceField(field.label, field.choices)
    if field.kind == "int":
        return MinutesField(field.label)
    if field.kind in ("date", "datetime"):
        return DateField(field.label, with_time=field.kind == "datetime")
    if field.kind == "days":
        return LineField(field.label, "e.g. 30, 90, 180")
    return LineField(field.label)
