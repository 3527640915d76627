"""One input widget per kind of charter field, all with the same small interface.

Each widget emits `edited(value)` when the user changes it (never when the program sets it),
offers `value()` and `set_value()`, and stores values in the form the core expects: text,
a choice key, minutes as int or None, ISO dates and date-times, or "" for empty.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, QSignalBlocker, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from workshop_app.core.charter_fields import CharterField

EMPTY_DATE = QDate(1900, 1, 1)


class FieldWidget(QWidget):
    """Each kind below offers `value()` and `set_value(value)`, and emits `edited`."""

    edited = Signal(object)
    _input: QWidget

    @property
    def input(self) -> QWidget:
        """The widget that takes focus and keystrokes."""
        return self._input


def _wrap(widget: FieldWidget, inner: QWidget, *extra: QWidget) -> None:
    widget._input = inner
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(inner, 1)
    for w in extra:
        layout.addWidget(w)
    widget.setFocusProxy(inner)


class TextField(FieldWidget):
    """Several lines; grows a little with its content."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self._edit = QPlainTextEdit()
        self._edit.setTabChangesFocus(True)
        self._edit.setAccessibleName(label)
        self._edit.setMinimumHeight(64)
        self._edit.setMaximumHeight(120)
        self._edit.textChanged.connect(lambda: self.edited.emit(self._edit.toPlainText()))
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


class DateField(FieldWidget):
    """A date picker that can also be empty (shown as a dash; the clear button empties it)."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self._edit = QDateEdit()
        self._edit.setAccessibleName(label)
        self._edit.setCalendarPopup(True)
        self._edit.setDisplayFormat("yyyy-MM-dd")
        self._edit.setMinimumDate(EMPTY_DATE)
        self._edit.setSpecialValueText("—")
        self._edit.setDate(EMPTY_DATE)
        self._edit.dateChanged.connect(lambda _d: self.edited.emit(self.value()))
        clear = QToolButton()
        clear.setText("✕")
        clear.setToolTip(f"Clear {label.lower()}")
        clear.setAccessibleName(f"Clear {label}")
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(lambda: self._edit.setDate(EMPTY_DATE))
        _wrap(self, self._edit, clear)

    def value(self) -> str:
        date = self._edit.date()
        return "" if date == EMPTY_DATE else date.toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        date = QDate.fromString(value, "yyyy-MM-dd") if value else EMPTY_DATE
        with QSignalBlocker(self._edit):
            self._edit.setDate(date if date.isValid() else EMPTY_DATE)

    def pick(self, date: QDate) -> None:
        """Choose a date as the user would in the calendar (used by tests and shortcuts)."""
        self._edit.setDate(date)


class DateTimeField(FieldWidget):
    def __init__(self, label: str) -> None:
        super().__init__()
        self._edit = QDateTimeEdit()
        self._edit.setAccessibleName(label)
        self._edit.setCalendarPopup(True)
        self._edit.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self._edit.setMinimumDateTime(QDateTime(EMPTY_DATE, QTime(0, 0)))
        self._edit.setSpecialValueText("—")
        self._edit.setDateTime(self._edit.minimumDateTime())
        self._edit.dateTimeChanged.connect(lambda _d: self.edited.emit(self.value()))
        clear = QToolButton()
        clear.setText("✕")
        clear.setToolTip(f"Clear {label.lower()}")
        clear.setAccessibleName(f"Clear {label}")
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(lambda: self._edit.setDateTime(self._edit.minimumDateTime()))
        _wrap(self, self._edit, clear)

    def value(self) -> str:
        moment = self._edit.dateTime()
        if moment == self._edit.minimumDateTime():
            return ""
        return moment.toString("yyyy-MM-ddTHH:mm")

    def set_value(self, value: Any) -> None:
        moment = QDateTime.fromString(value, "yyyy-MM-ddTHH:mm") if value else None
        with QSignalBlocker(self._edit):
            if moment is not None and moment.isValid():
                self._edit.setDateTime(moment)
            else:
                self._edit.setDateTime(self._edit.minimumDateTime())

    def pick(self, moment: QDateTime) -> None:
        self._edit.setDateTime(moment)


def widget_for(field: CharterField) -> FieldWidget:
    if field.kind == "text":
        return TextField(field.label)
    if field.kind == "choice":
        return ChoiceField(field.label, field.choices)
    if field.kind == "int":
        return MinutesField(field.label)
    if field.kind == "date":
        return DateField(field.label)
    if field.kind == "datetime":
        return DateTimeField(field.label)
    if field.kind == "days":
        return LineField(field.label, "e.g. 30, 90, 180")
    return LineField(field.label)
