"""The New workshop dialog: what every workshop must have, program, organisation and date,
and the language its charters print in (the interface's, unless changed here).
(Its own module: the window reads it in only when a new workshop is made.)"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.i18n import _, interface_language
from workshop_app.core.model import WORKSHOP_FIELDS
from workshop_app.ui.screen_fit import fit_to_screen
from workshop_app.ui.widgets.date_edit import DateEdit
from workshop_app.ui.widgets.locale import date_pattern, shown_date_format

# The dialog's width in average characters of its font: room for the intro in three lines
# and for a long program name, whatever the font size and scaling.
DIALOG_WIDTH_CHARS = 56

# The charter language a new workshop starts with, by the interface's: whoever works in
# Italian most likely prints Italian charters. English is British unless the desktop is American.
_CHARTER_LANGUAGE = {"it": "it", "de": "de", "fr": "fr"}


def default_charter_language() -> str:
    from PySide6.QtCore import QLocale

    own = _CHARTER_LANGUAGE.get(interface_language())
    if own:
        return own
    return "en-US" if QLocale().territory() == QLocale.Country.UnitedStates else "en-GB"


class NewWorkshopDialog(QDialog):
    """Asks for what every workshop must have: program, organisation and date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New workshop"))
        intro = QLabel(
            _(
                "The program, organisation and date are printed on every charter, in the charter "
                "language. Everything else (sponsor, goals, wording, the roster) comes next, on "
                "the workshop's pages."
            )
        )
        intro.setWordWrap(True)
        self.program = QLineEdit()
        self.program.setAccessibleName(_("Program name"))
        self.program.setPlaceholderText(_("e.g. Accelerate Mentoring Program"))
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(_("Organisation"))
        self.organisation.setPlaceholderText(_("e.g. Northwind Logistics"))
        self.date = DateEdit(QDate.currentDate())
        self.date.setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 31))
        self.date.setAccessibleName(_("Workshop date"))
        self.date.setAccessibleDescription(
            _("Type it as {pattern} or pick it from the calendar").format(
                pattern=date_pattern(shown_date_format())
            )
        )
        self.date.setToolTip(
            _("Type it as {pattern}, or pick it from the calendar").format(
                pattern=date_pattern(shown_date_format())
            )
        )
        self.language = QComboBox()
        self.language.setAccessibleName(_("Charter language"))
        for key, label in next(f for f in WORKSHOP_FIELDS if f.name == "language").choices:
            self.language.addItem(label, key)  # each language by its own name
        self.language.setCurrentIndex(self.language.findData(default_charter_language()))
        self.language.setToolTip(_("The charters print in it; the Program page can change it"))
        form = QFormLayout()
        form.addRow(_("&Program"), self.program)
        form.addRow(_("&Organisation"), self.organisation)
        form.addRow(_("&Date"), self.date)
        form.addRow(_("Charter &language"), self.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Create…"))
        ok.setAccessibleName(_("Create the workshop"))
        ok.setToolTip(_("Then choose where to keep the workshop file"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * DIALOG_WIDTH_CHARS)
        self.program.textChanged.connect(self._update_ok)
        self.organisation.textChanged.connect(self._update_ok)
        self._update_ok()
        fit_to_screen(self)

    def _update_ok(self) -> None:
        ok = bool(self.program.text().strip() and self.organisation.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> dict[str, str]:
        return {
            "program": self.program.text().strip(),
            "organisation": self.organisation.text().strip(),
            "date": self.date.date().toString("yyyy-MM-dd"),
            "language": str(self.language.currentData()),
        }
