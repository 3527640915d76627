"""The program page: the context every charter and summary is printed with.

The form is built from `WORKSHOP_FIELDS`, so a field added to the model shows up here without
touching this file: its kind picks the widget, `GROUP_OF` picks its box (new fields land in
"More details" until someone places them). Each edit is saved as it is typed (debounced) and
on focus-out; a refused value is shown in red under its field and stays on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _
from workshop_app.core.model import WORKSHOP_FIELDS, Workshop, WorkshopField
from workshop_app.core.readiness import (
    STANDARD_WORDING,
    ProgramWarning,
    program_warnings,
    standard_wording,
)
from workshop_app.core.store.info import workshop_held
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.autosave import FieldSaver
from workshop_app.ui.pages.base import WorkshopPage, fill_with_scrolling, page_column, page_heading
from workshop_app.ui.style import ERROR_STYLE, HELP_STYLE
from workshop_app.ui.widgets.date_edit import DateEdit
from workshop_app.ui.widgets.date_field import DateField, Unfinished
from workshop_app.ui.widgets.fields import FieldWidget
from workshop_app.ui.widgets.program_warnings import ProgramWarnings

GROUPS = (
    N_("The event"),
    N_("Sponsor"),
    N_("Purpose"),
    N_("Support and wording"),
    N_("Signed copies"),
    N_("Printing"),
    N_("More details"),
)
GROUP_OF = {
    "program": "The event",
    "organisation": "The event",
    "cohort": "The event",
    "date": "The event",
    "start_time": "The event",
    "venue": "The event",
    "facilitator": "The event",
    "coordinator": "The event",
    "sponsor_name": "Sponsor",
    "sponsor_title": "Sponsor",
    "endorsement": "Sponsor",
    "program_goals": "Purpose",
    "strategy_link": "Purpose",
    "program_length_months": "Purpose",
    "success_metrics": "Purpose",
    "retention_months": "Purpose",
    "support_contacts": "Support and wording",
    "confidentiality_text": "Support and wording",
    "no_fault_text": "Support and wording",
    "program_commitments_text": "Support and wording",
    "mentor_boundary": "Support and wording",
    "return_copy_to": "Signed copies",
    "return_copy_by": "Signed copies",
    "manager_acknowledgement": "Signed copies",
    "paper_size": "Printing",
    "language": "Printing",
    "accent_colour": "Printing",
}
HELP = {
    "program": N_("Printed on every charter."),
    "cohort": N_("e.g. 2027 spring cohort."),
    "start_time": N_("When the workshop begins, e.g. 09:00."),
    "coordinator": N_("Can countersign charters."),
    "endorsement": N_("A few sentences in the sponsor's own words, shown to the room."),
    "program_goals": N_("Pairs link their own goals to these."),
    "retention_months": (
        N_(
            "After the program's close-out, names, emails and what pairs wrote are removed once "
            "this many months have passed; the figures stay."
        )
    ),
    "support_contacts": N_("Who pairs can turn to, and how to reach them."),
    "confidentiality_text": N_("Printed on every charter; pairs add their own exceptions."),
    "no_fault_text": N_("Printed on every charter."),
    "program_commitments_text": N_("What every participant agrees to do for the program."),
    "mentor_boundary": (
        N_(
            "Printed on every charter, e.g. The mentor does not advocate for the mentee's "
            "promotion or pay."
        )
    ),
    "return_copy_to": N_(
        "Who collects the signed charters, e.g. Priya Nair, People team, 4th floor."
    ),
    "return_copy_by": N_("Printed with where the copy goes; leave it empty for no date."),
    "manager_acknowledgement": (
        N_(
            "A line for each line manager named in the roster to sign: they support the "
            "partnership and will allow time for it. They see no content."
        )
    ),
    "accent_colour": N_("Used for headings on the printed charters."),
}
LOGO_HELP = N_("PNG or SVG, at most 2 MB. Printed at the top of every charter.")
MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_KEY = "logo"


@dataclass(slots=True)
class _Field:
    """One field on the form: its editor, how to show a stored value, its error line."""

    widget: QWidget
    show: Callable[[Any], None]
    error: QLabel


class ProgramPage(WorkshopPage):
    title = "Program"

    def __init__(self) -> None:
        super().__init__()
        self.saver: FieldSaver[str] = FieldSaver(self)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_failed)
        self.saver.cleared.connect(self._on_cleared)
        self.fields: dict[str, _Field] = {}
        self._errors: dict[str, QLabel] = {}

        content, column = page_column(860)
        intro = QLabel(
            _(
                "What the program is and who runs it. It appears on every printed charter and "
                "on the sponsor's summary. Each change is saved as you type; fields marked * are "
                "required."
            )
        )
        intro.setWordWrap(True)
        self.warnings = ProgramWarnings(STANDARD_WORDING)
        self.warnings.use_wording.connect(self.use_standard_wording)
        self.warnings.show_field.connect(self._show_field)
        column.addWidget(page_heading(_("Program")))
        column.addWidget(intro)
        column.addWidget(self.warnings)

        for group in GROUPS:
            specs = [f for f in WORKSHOP_FIELDS if GROUP_OF.get(f.name, GROUPS[-1]) == group]
            if not specs and group != "Printing":
                continue
            form = self._group(column, group)
            for spec in specs:
                self._add_field(form, spec)
            if group == "Printing":
                self._add_logo(form)
        column.addStretch(1)
        self.scroll_area = fill_with_scrolling(self, content, name=_("The program's details"))
        self.setEnabled(False)

    # -- building the form ----------------------------------------------------------------

    def _group(self, column: QVBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(_(title))
        box.setStyleSheet("QGroupBox { font-weight: 600; } QGroupBox * { font-weight: normal; }")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(14)
        column.addWidget(box)
        return form

    def _add_field(self, form: QFormLayout, spec: WorkshopField) -> None:
        widget, show = _EDITORS[spec.kind](self, spec)
        widget.setAccessibleName(_(spec.label))
        help_text = _(HELP[spec.name]) if spec.name in HELP else ""
        if help_text:
            widget.setAccessibleDescription(help_text)
        # A field made of parts (an optional date) takes focus, and loses it, in its input.
        focus = widget.input if isinstance(widget, FieldWidget) else widget
        self.saver.flush_on_focus_out(focus, spec.name)
        label = _(spec.label) + (" *" if spec.required else "")
        note = self.date_words if spec.kind == "date" and spec.required else None
        error = self._row(form, label, widget, help_text, note=note)
        self.fields[spec.name] = _Field(widget, show, error)
        self._errors[spec.name] = error

    def _row(
        self,
        form: QFormLayout,
        label: str,
        widget: QWidget,
        help_text: str,
        *,
        note: QLabel | None = None,
    ) -> QLabel:
        """Add `widget` under `label`, with its helper text (and `note`, a line that follows
        the value) and a hidden error line below."""
        cell = QWidget()
        stack = QVBoxLayout(cell)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        stack.addWidget(widget)
        if note is not None:
            stack.addWidget(note)
        if help_text:
            note = QLabel(help_text)
            note.setWordWrap(True)
            note.setStyleSheet(HELP_STYLE)
            stack.addWidget(note)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setAccessibleName(_("Problem with {field}").format(field=label.rstrip(" *")))
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error.hide()
        stack.addWidget(error)
        title = QLabel(label)
        title.setWordWrap(True)
        title.setFixedWidth(190)
        title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        title.setBuddy(widget)
        title.setContentsMargins(0, 4, 0, 0)
        form.addRow(title, cell)
        return error

    def _line(self, spec: WorkshopField) -> tuple[QWidget, Callable[[Any], None]]:
        edit = QLineEdit()
        edit.textEdited.connect(lambda text: self._change(spec.name, text.strip()))
        return edit, lambda value: edit.setText(value or "")

    def _text(self, spec: WorkshopField) -> tuple[QWidget, Callable[[Any], None]]:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)  # Tab moves on; the text never needs a tab character
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 14)
        edit.textChanged.connect(lambda: self._change(spec.name, edit.toPlainText()))
        return edit, lambda value: edit.setPlainText(value or "")

    def _date(self, spec: WorkshopField) -> tuple[QWidget, Callable[[Any], None]]:
        if not spec.required:
            return self._optional_date(spec)
        # A date picker cannot hold an impossible date, so only real dates reach the file.
        # Typed as YYYY-MM-DD (see DateEdit); the line below says it in words, with the day.
        edit = DateEdit()
        edit.setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 31))
        edit.setMaximumWidth(220)
        self.date_words = QLabel()
        self.date_words.setStyleSheet(HELP_STYLE)

        def say(d: QDate) -> None:
            self.date_words.setText(QLocale().toString(d, QLocale.FormatType.LongFormat))

        edit.dateChanged.connect(say)
        edit.dateChanged.connect(
            lambda d: self._change(spec.name, d.toString(Qt.DateFormat.ISODate))
        )

        def show(value: Any) -> None:
            edit.setDate(QDate.fromString(value or "", Qt.DateFormat.ISODate))
            say(edit.date())

        return edit, show

    def _optional_date(self, spec: WorkshopField) -> tuple[QWidget, Callable[[Any], None]]:
        """A date that may be left empty, typed or picked as the charter's dates are (a
        date picker cannot be empty); a date before the workshop is flagged beside it."""
        field = DateField(_(spec.label))
        field.setMaximumWidth(260)
        field.edited.connect(lambda value: self._change(spec.name, value))
        return field, field.set_value

    def _int(self, spec: WorkshopField) -> tuple[QWidget, Callable[[Any], None]]:
        box = QSpinBox()
        box.setRange(0, 999)
        box.setSpecialValueText(_("Not set"))
        box.setMaximumWidth(120)
        box.valueChanged.connect(lambda n: self._change(spec.name, n or None))
        return box, lambda value: box.setValue(value or 0)

    def _choice(self, spec: WorkshopField) -> tuple[QWidget, Callable[[Any], None]]:
        combo = QComboBox()
        for value, label in spec.choices:
            combo.addItem(_(label), value)
        combo.setMaximumWidth(220)
        combo.activated.connect(lambda i: self._change(spec.name, combo.itemData(i), at_once=True))

        def show(value: Any) -> None:
            index = combo.findData(value)
            if index < 0 and isinstance(value, str):
                # A language tag the list does not name ("it-CH") shows as its language.
                index = combo.findData(value.replace("_", "-").split("-")[0])
            combo.setCurrentIndex(max(index, 0))

        return combo, show

    def _colour(self, spec: WorkshopField) -> tuple[QWidget, Callable[[Any], None]]:
        button = QPushButton()
        button.setMaximumWidth(220)
        button.setToolTip(_("Choose the colour"))

        def show(value: Any) -> None:
            colour = QColor(value or "")
            button.setProperty("colour", value or "")
            if not colour.isValid():
                button.setIcon(QIcon())
                button.setText(_("Default colour…"))
                return
            swatch = QPixmap(28, 16)
            swatch.fill(colour)
            button.setIcon(QIcon(swatch))
            button.setText(colour.name() + "…")

        def pick() -> None:
            start = QColor(button.property("colour") or "#1f5f8b")
            colour = QColorDialog.getColor(start, self, _(spec.label))
            if colour.isValid():
                show(colour.name())
                self._change(spec.name, colour.name(), at_once=True)

        button.clicked.connect(pick)
        return button, show

    def _add_logo(self, form: QFormLayout) -> None:
        self.logo_preview = QLabel(_("No logo"))
        self.logo_preview.setFixedSize(180, 72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setAccessibleName(_("Logo preview"))
        self.logo_choose = QPushButton(_("Choose &logo…"))
        self.logo_choose.setAccessibleName(_("Choose logo"))
        self.logo_choose.clicked.connect(self.choose_logo)
        self.logo_remove = QPushButton(_("Remove logo"))
        self.logo_remove.setAccessibleName(_("Remove logo"))
        self.logo_remove.clicked.connect(self.remove_logo)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.logo_preview)
        buttons = QVBoxLayout()
        buttons.addWidget(self.logo_choose)
        buttons.addWidget(self.logo_remove)
        buttons.addStretch(1)
        line.addLayout(buttons)
        line.addStretch(1)
        self._errors[LOGO_KEY] = self._row(form, _("Logo"), row, _(LOGO_HELP))
        self.logo_error = self._errors[LOGO_KEY]

    # -- saving -----------------------------------------------------------------------------

    def _change(self, name: str, value: Any, *, at_once: bool = False) -> None:
        self.saver.change(name, value, lambda v: self._save(name, v))
        if at_once:
            self.saver.flush(name)

    def _save(self, name: str, value: Any) -> None:
        if isinstance(value, Unfinished):  # a date still being typed when the person left it
            raise UserError(value.message)
        if self.wf is not None:
            self.wf.set_workshop_field(name, value)

    def _on_saved(self, key: object) -> None:
        self.saved.emit()
        self._update_warnings()
        if key == "date" and self.wf is not None:
            self._date_references(self.wf.workshop().date)
        if key in ("program", "organisation", "date", "language", *STANDARD_WORDING):
            # The window title and the overview show these; the language, the exercises.
            self.changed.emit()

    def _update_warnings(self) -> None:
        if self.wf is not None:
            self.warnings.show_warnings(self._warnings(self.wf.workshop()))

    def use_standard_wording(self, name: str) -> None:
        """Fill an empty wording field with the standard text, shown for reading and editing."""
        field = self.fields[name]
        language = self.wf.workshop().language if self.wf is not None else "en-GB"
        field.show(standard_wording(name, language))  # as if typed: textChanged saves it
        self.saver.flush(name)
        self._show_field(name)
        self.status.emit(_("The standard wording is in; edit it to fit your program."))

    def _show_field(self, name: str) -> None:
        widget = self.fields[name].widget
        # Scrolled to about a third of the way down, with its helper text in view below.
        self.scroll_area.ensureWidgetVisible(widget, 0, self.scroll_area.viewport().height() // 3)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_failed(self, key: object, message: str) -> None:
        label = self._errors[str(key)]
        label.setText(message)
        label.show()
        self.status.emit(message)

    def _on_cleared(self, key: object) -> None:
        self._errors[str(key)].hide()

    def choose_logo(self) -> None:
        start = str(self.wf.path.parent) if self.wf else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the program's logo"), start, _("Logos (*.png *.svg);;All files (*)")
        )
        if not name or self.wf is None:
            return
        try:
            data, mime = read_logo(Path(name))
            with self.wf.transaction():
                self.wf.set_workshop_field("logo", data)
                self.wf.set_workshop_field("logo_mime", mime)
        except UserError as exc:
            self._on_failed(LOGO_KEY, exc.message)
            return
        self._on_cleared(LOGO_KEY)
        self._show_logo(data, mime)
        self.saved.emit()
        self.status.emit(_("Logo set from {name}.").format(name=Path(name).name))

    def remove_logo(self) -> None:
        if self.wf is None:
            return
        try:
            with self.wf.transaction():
                self.wf.set_workshop_field("logo", None)
                self.wf.set_workshop_field("logo_mime", "")
        except UserError as exc:
            self._on_failed(LOGO_KEY, exc.message)
            return
        self._on_cleared(LOGO_KEY)
        self._show_logo(None, "")
        self.saved.emit()

    def _show_logo(self, data: bytes | None, mime: str) -> None:
        image = _image(data, mime) if data else None
        if image is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("No logo"))
        else:
            size = self.logo_preview.size() - QSize(8, 8)
            self.logo_preview.setPixmap(
                QPixmap.fromImage(image).scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.logo_remove.setEnabled(image is not None)

    # -- the page -------------------------------------------------------------------------

    def set_workshop(self, wf: WorkshopFile | None) -> None:
        self.saver.discard()  # the window flushed the old workshop before switching
        for label in self._errors.values():
            label.hide()
        self.wf = wf
        self._show(keep_busy=False)

    def refresh(self) -> None:
        self._show(keep_busy=True)

    def _show(self, *, keep_busy: bool) -> None:
        """Show the stored values; `keep_busy` leaves alone a field being typed in or refused."""
        self.setEnabled(self.wf is not None)
        if self.wf is None:
            return
        workshop = self.wf.workshop()
        for name, field in self.fields.items():
            if keep_busy and (not field.error.isHidden() or field.widget.hasFocus()):
                continue
            field.widget.blockSignals(True)
            field.show(getattr(workshop, name))
            field.widget.blockSignals(False)
        self._date_references(workshop.date)
        self._show_logo(workshop.logo, workshop.logo_mime)
        self.warnings.show_warnings(self._warnings(workshop))

    def _warnings(self, workshop: Workshop) -> list[ProgramWarning]:
        assert self.wf is not None
        return program_warnings(workshop, today=date.today(), held=workshop_held(self.wf))

    def _date_references(self, workshop_date: str) -> None:
        """The optional dates are checked against the workshop's date."""
        reference = QDate.fromString(workshop_date, "yyyy-MM-dd")
        for field in self.fields.values():
            if isinstance(field.widget, DateField):
                field.widget.set_reference(reference)

    def flush(self) -> bool:
        return self.saver.flush()


_EDITORS: dict[str, Callable[[ProgramPage, WorkshopField], tuple[QWidget, Any]]] = {
    "line": ProgramPage._line,
    "text": ProgramPage._text,
    "date": ProgramPage._date,
    "int": ProgramPage._int,
    "choice": ProgramPage._choice,
    "colour": ProgramPage._colour,
}


def read_logo(path: Path) -> tuple[bytes, str]:
    """The logo's bytes and MIME type; a `UserError` saying why if it will not do."""
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise UserError(
                _(
                    "{name} is {size} MB; a logo can be at most 2 MB. Save a smaller copy and "
                    "choose that."
                ).format(name=path.name, size=QLocale().toString(size / 1024 / 1024, "f", 1))
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            _("Cannot read {name}: {error}.").format(name=path.name, error=exc.strerror or exc)
        ) from exc
    mime = _mime(data)
    if mime is None or _image(data, mime) is None:
        raise UserError(
            _("{name} is not a PNG or SVG image. Choose a .png or .svg file.").format(
                name=path.name
            )
        )
    return data, mime


def _mime(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if b"<svg" in data[:4096].lower():
        return "image/svg+xml"
    return None


def _image(data: bytes, mime: str) -> QImage | None:
    image = QImage()
    image.loadFromData(data, "SVG" if mime == "image/svg+xml" else "PNG")
    return None if image.isNull() else image
