"""Record that a pair signed the printed charter: who signed, and when."""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class SignDialog(QDialog):
    def __init__(
        self,
        *,
        code: str,
        version: int,
        mentor: str,
        mentee: str,
        coordinator: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Mark {code} as signed")
        intro = QLabel(
            f"Record that the printed charter, version {version}, was signed. "
            "Any edit after this starts a new version; this one is kept as signed."
        )
        intro.setWordWrap(True)
        self.mentor = QLineEdit(mentor)
        self.mentor.setAccessibleName("Signed by the mentor")
        self.mentee = QLineEdit(mentee)
        self.mentee.setAccessibleName("Signed by the mentee")
        self.coordinator = QLineEdit(coordinator)
        self.coordinator.setAccessibleName("Signed by the program coordinator (optional)")
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName("Signed on")
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow("&Mentor", self.mentor)
        form.addRow("M&entee", self.mentee)
        form.addRow("&Coordinator (optional)", self.coordinator)
        form.addRow("Signed &on", self.when)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Mark as signed")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def values(self) -> dict[str, str]:
        return {
            "mentor": self.mentor.text().strip(),
            "mentee": self.mentee.text().strip(),
            "coordinator": self.coordinator.text().strip(),
            "signed_at": self.when.dateTime().toUTC().toString("yyyy-MM-ddTHH:mm:00+00:00"),
        }
