"""One input widget per kind of charter field, all with the same small interface.

Each widget emits `edited(value)` when the user changes it (never when the program sets it),
offers `value()` and `set_value()`, and stores values in the form the core expects: text,
a choice key, minutes as int or None, ISO dates and date-times, or "" for empty. Below the
input each has a line for a message: a save that was refused (red) or a value worth a second
look (amber).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.i18n import N_, _
from workshop_app.ui.style import ERROR_STYLE, WARNING_STYLE

PRIVATE_NOTE = N_("Private to the pair: what you write here is left out of staff exports.")
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
        if above:  # as wide as the form: a long label wraps (German at 1.5x) rather than
            # making the form scroll sideways
            label.setWordWrap(True)
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

    if TYPE_CHECKING:
        # Each kind defines these two; they are declared for the type checker only (a Qt
        # widget class cannot also have the metaclass of a typing.Protocol or an abc.ABC).
        def value(self) -> object:
            """What the field holds, in the form the core stores."""

        def set_value(self, value: Any) -> None:
            """Show `value`, as the core stores it, without emitting `edited`."""

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
        style = ERROR_STYLE if self._error else WARNING_STYLE
        if text and self.message.styleSheet() != style:  # restyling costs; most have none
            self.message.setStyleSheet(style)
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


def wrap_input(widget: FieldWidget, inner: QWidget, *extra: QWidget) -> None:
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
        wrap_input(self, self._edit)

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
        wrap_input(self, self._edit)

    def value(self) -> str:
        return self._edit.text()

    def set_value(self, value: Any) -> None:
        if self._edit.text() != (value or ""):
            self._edit.setText(value or "")
            self._edit.setCursorPosition(0)  # a long answer shows its start, not its end


class ChoiceField(FieldWidget):
    def __init__(
        self, label: str, choices: tuple[tuple[str, str], ...], *, empty: str | None = None
    ) -> None:
        """`empty` is what the field says while nothing is chosen; the choices' texts are
        translated here (the charter's tables mark them)."""
        super().__init__()
        self._combo = QComboBox()
        self._combo.setAccessibleName(label)
        self._combo.addItem(_("— choose —") if empty is None else empty, "")
        for key, text in choices:
            self._combo.addItem(_(text), key)
        self._combo.activated.connect(lambda _i: self.edited.emit(self._combo.currentData()))
        wrap_input(self, self._combo)

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
        wrap_input(self, self._spin)

    def value(self) -> int | None:
        return self._spin.value() or None

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self._spin):
            self._spin.setValue(int(value or 0))
