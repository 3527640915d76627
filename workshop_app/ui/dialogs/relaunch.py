"""Start a re-launch: the date of the re-launch workshop, before a new file is made from the
program's own (`core.store.relaunch`). The same pairs and charters, every signed version
kept, a fresh agenda and attendance; the launch's file stays as it is."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.i18n import _
from workshop_app.ui.screen_fit import fit_to_screen
from workshop_app.ui.widgets.date_edit import DateEdit
from workshop_app.ui.widgets.locale import date_pattern, shown_date_format, shown_long_date

DIALOG_WIDTH_CHARS = 60


class RelaunchDialog(QDialog):
    """Asks for the re-launch's date (after the launch's)."""

    def __init__(self, launch_date: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Start a re-launch"))
        launch = QDate.fromString(launch_date, "yyyy-MM-dd")
        intro = QLabel(
            _(
                "A re-launch workshop gets a file of its own, made from this one: the same "
                "people, pairs and charters (every signed version and its signatures), a new "
                "date, and a fresh agenda and attendance. Choose the re-launch agenda on its "
                "Agenda page; each pair revises its charter as version 2 there. This file, the "
                "launch of {date}, stays as it is."
            ).format(date=shown_long_date(launch))
        )
        intro.setWordWrap(True)
        first = launch.addDays(1)
        self.date = DateEdit(max(QDate.currentDate(), first))
        self.date.setDateRange(first, QDate(2099, 12, 31))
        self.date.setAccessibleName(_("Re-launch date"))
        self.date.setAccessibleDescription(
            _("Type it as {pattern} or pick it from the calendar").format(
                pattern=date_pattern(shown_date_format())
            )
        )
        form = QFormLayout()
        form.addRow(_("Re-launch &date"), self.date)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Create…"))
        ok.setAccessibleName(_("Create the re-launch workshop"))
        ok.setToolTip(_("Then choose where to keep the re-launch's file"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * DIALOG_WIDTH_CHARS)
        fit_to_screen(self)

    def date_text(self) -> str:
        return self.date.date().toString("yyyy-MM-dd")
