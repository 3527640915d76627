"""Record that a pair signed the printed charter: who signed, and when; and, for a charter
with sections still open, whether the pair completed them by hand on the paper copy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from workshop_app.core.i18n import _, ngettext
from workshop_app.ui.widgets.date_edit import DateTimeEdit
from workshop_app.ui.widgets.fields import WARNING_STYLE, name_inner_parts
from workshop_app.ui.widgets.locale import shown_short_date

# Wide enough for a long name, or a coordinator with their team ("Anita Kaur (People & Culture)").
FIELD_CHARS = 36


def default_signing_time(workshop: QDate, now: QDateTime) -> QDateTime:
    """Pairs sign at the workshop: now, unless that is before the workshop's date (the file
    being prepared ahead), then the workshop's date at this time of day."""
    if not workshop.isValid() or now.date() >= workshop:
        return now
    return QDateTime(workshop, now.time())


class SignDialog(QDialog):
    def __init__(
        self,
        *,
        code: str,
        version: int,
        mentor: str,
        mentee: str,
        coordinator: str,
        workshop_date: str,
        open_sections: Sequence[tuple[int, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        """`open_sections`: the number and title of each section still open."""
        super().__init__(parent)
        self.setWindowTitle(_("Mark {code} as signed").format(code=code))
        self._workshop = QDate.fromString(workshop_date, "yyyy-MM-dd")
        intro = QLabel(
            _(
                "Record that the printed charter, version {version}, was signed. Any edit "
                "after this starts a new version; this one is kept as signed."
            ).format(version=version)
        )
        intro.setWordWrap(True)
        self.mentor = self._line(mentor, _("Signed by the mentor"))
        self.mentee = self._line(mentee, _("Signed by the mentee"))
        self.coordinator = self._line(
            coordinator, _("Signed by the program coordinator (optional)")
        )
        # Typed whole at any speed (a QDateTimeEdit drops digits typed over its text).
        self.when = DateTimeEdit(default_signing_time(self._workshop, QDateTime.currentDateTime()))
        self.when.setAccessibleName(_("Signed on"))
        self.when.dateTimeChanged.connect(self._check_date)
        self.warning = QLabel()
        self.warning.setStyleSheet(WARNING_STYLE)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # The dialog is as big as what it shows, wrapped lines included: with only a minimum
        # size (which Qt works out without wrapping), a 1.5x screen shrank it and cut off the
        # list of open sections and the introduction.
        form.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        form.addRow(intro)
        form.addRow(_("&Mentor"), self.mentor)
        form.addRow(_("M&entee"), self.mentee)
        form.addRow(_("&Coordinator (optional)"), self.coordinator)
        form.addRow(_("Signed &on"), self.when)
        form.addRow(self.warning)
        self.on_paper: QButtonGroup | None = None
        if open_sections:
            self._paper_question(form, open_sections)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Mark as signed"))
        ok.setAccessibleName(_("Mark as signed"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        name_inner_parts(self)
        self._check_date()
        self._check_answer()

    def _paper_question(self, form: QFormLayout, open_sections: Sequence[tuple[int, str]]) -> None:
        """Which sections are open, and whether the pair filled them in on paper. Neither
        answer is chosen to start with, and the charter cannot be marked as signed until one
        is: Enter must not record an answer nobody gave. (Rows of the form itself: a wrapped
        label nested in a widget of its own was cut off at 1.5x scaling.)"""
        listed = ", ".join(f"{number} {title}" for number, title in open_sections)
        still_open = ngettext(
            "⚠ {n} section is still open: {sections}.",
            "⚠ {n} sections are still open: {sections}.",
            len(open_sections),
        )
        self.open_list = QLabel(still_open.format(n=len(open_sections), sections=listed))
        self.open_list.setWordWrap(True)
        self.open_list.setStyleSheet(WARNING_STYLE)
        question = QLabel(_("Did you complete them by hand on the paper copy before signing?"))
        question.setWordWrap(True)
        self.paper_yes = QRadioButton(_("&Yes, they are filled in on the signed paper copy"))
        self.paper_yes.setAccessibleName(_("Yes, completed on paper"))
        self.paper_no = QRadioButton(_("&No, we signed with them left open"))
        self.paper_no.setAccessibleName(_("No, left open"))
        self.on_paper = QButtonGroup(self)
        for button in (self.paper_yes, self.paper_no):
            self.on_paper.addButton(button)
            button.setAccessibleDescription(self.open_list.text())
        self.on_paper.buttonToggled.connect(self._check_answer)
        for widget in (self.open_list, question, self.paper_yes, self.paper_no):
            form.addRow(widget)

    def _check_answer(self) -> None:
        answered = self.on_paper is None or self.on_paper.checkedButton() is not None
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(answered)
        ok.setToolTip(
            "" if answered else _("Answer whether the open sections were completed first")
        )

    def _line(self, text: str, name: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * FIELD_CHARS)
        edit.setCursorPosition(0)  # the start of a long name, not its end, is in view
        return edit

    def _check_date(self) -> None:
        """A charter signed before the workshop is odd (a slip in the date, usually): say so,
        but it is the person's call."""
        early = self._workshop.isValid() and self.when.date() < self._workshop
        # The line is kept when empty, so that the dialog does not jump as it comes and goes.
        self.warning.setText(
            _("⚠ That is before the workshop ({date}): is the date right?").format(
                date=shown_short_date(self._workshop)
            )
            if early
            else "\N{NO-BREAK SPACE}"
        )

    def values(self) -> dict[str, Any]:
        """What `CharterStore.sign` takes."""
        return {
            "paper_completed": self.on_paper is not None
            and self.on_paper.checkedButton() is self.paper_yes,
            "mentor": self.mentor.text().strip(),
            "mentee": self.mentee.text().strip(),
            "coordinator": self.coordinator.text().strip(),
            "signed_at": self.when.dateTime().toUTC().toString("yyyy-MM-ddTHH:mm:00+00:00"),
        }
