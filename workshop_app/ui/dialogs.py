"""Small dialogs: a question with its answers, the message for something the user can fix,
and a new workshop."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.ui.date_edit import DateEdit
from workshop_app.ui.screen_fit import fit_to_screen

# The dialog's width in average characters of its font: room for the intro in three lines
# and for a long program name, whatever the font size and scaling.
DIALOG_WIDTH_CHARS = 56


CANCEL = "cancel"


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    detail: str = "",
    answers: Sequence[tuple[str, str]],
    default: str,
    safe: str = CANCEL,
    destructive: str | None = None,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str:
    """Ask `text` with a button per answer, (key, button text), and return the key of the one
    pressed. `safe` is what Esc and closing the box answer (the key `CANCEL` is the standard
    Cancel button, its text ""); `destructive` marks the answer that loses something: it is
    never what Enter does unless it is the `default`. `detail` may be rich text (a list)."""
    box = QMessageBox(icon, title, text, parent=parent)
    if detail:
        box.setInformativeText(detail)  # plain or rich text: Qt tells them apart
    buttons: dict[str, QAbstractButton] = {}
    for key, label in answers:
        if key == CANCEL:
            buttons[key] = box.addButton(QMessageBox.StandardButton.Cancel)
            continue
        role = (
            QMessageBox.ButtonRole.DestructiveRole
            if key == destructive
            else QMessageBox.ButtonRole.RejectRole
            if key == safe
            else QMessageBox.ButtonRole.AcceptRole
            if not buttons
            else QMessageBox.ButtonRole.ActionRole
        )
        buttons[key] = box.addButton(label, role)
    box.setDefaultButton(buttons[default])  # type: ignore[arg-type]
    box.setEscapeButton(buttons[safe])
    name_buttons(box)
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), safe)


def name_buttons(widget: QWidget) -> None:
    """Give the buttons under `widget` their text, without the Alt-key mark or the dots, as
    their accessible name (what tests and screen readers find them by)."""
    for button in widget.findChildren(QAbstractButton):
        if not button.accessibleName():
            button.setAccessibleName(button.text().replace("&", "").rstrip("…").strip())


def show_user_error(parent: QWidget | None, title: str, error: UserError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, error.message, parent=parent)
    if error.details:
        box.setDetailedText("\n".join(error.details))
    name_buttons(box)
    box.exec()


class NewWorkshopDialog(QDialog):
    """Asks for what every workshop must have: program, organisation and date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New workshop")
        intro = QLabel(
            "The program, organisation and date are printed on every charter. Everything "
            "else (sponsor, goals, wording, the roster) comes next, on the workshop's pages."
        )
        intro.setWordWrap(True)
        self.program = QLineEdit()
        self.program.setAccessibleName("Program name")
        self.program.setPlaceholderText("e.g. Accelerate Mentoring Program")
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Organisation")
        self.organisation.setPlaceholderText("e.g. Northwind Logistics")
        self.date = DateEdit(QDate.currentDate())
        self.date.setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 31))
        self.date.setAccessibleName("Workshop date")
        self.date.setAccessibleDescription("Type it as YYYY-MM-DD or pick it from the calendar")
        self.date.setToolTip("Type it as YYYY-MM-DD, or pick it from the calendar")
        form = QFormLayout()
        form.addRow("&Program", self.program)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Date", self.date)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Create…")
        ok.setAccessibleName("Create the workshop")
        ok.setToolTip("Then choose where to keep the workshop file")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
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
        }
