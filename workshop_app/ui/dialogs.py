"""Small dialogs: a new workshop, and the message for something the user can fix."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from workshop_app.core.errors import UserError


def show_user_error(parent: QWidget | None, title: str, error: UserError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, error.message, parent=parent)
    if error.details:
        box.setDetailedText("\n".join(error.details))
    box.exec()


class NewWorkshopDialog(QDialog):
    """Asks for what every workshop must have: program, organisation and date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New workshop")
        self.program = QLineEdit()
        self.program.setAccessibleName("Program name")
        self.program.setPlaceholderText("e.g. Accelerate Mentoring Program")
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName("Organisation")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName("Workshop date")
        form = QFormLayout(self)
        form.addRow("&Program", self.program)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Date", self.date)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.program.textChanged.connect(self._update_ok)
        self.organisation.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = bool(self.program.text().strip() and self.organisation.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> dict[str, str]:
        return {
            "program": self.program.text().strip(),
            "organisation": self.organisation.text().strip(),
            "date": self.date.date().toString("yyyy-MM-dd"),
        }
