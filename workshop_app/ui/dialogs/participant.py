"""Dialogs that ask about people: one participant's details, and a mentor and mentee to pair.

Both save through a callback when OK is pressed. If the workshop refuses (a taken email, a
taken pair code), the reason is shown inside the dialog, which stays open with everything the
user typed, so they can put it right.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import N_, _
from workshop_app.core.model import PARTICIPANT_FIELDS, Participant
from workshop_app.ui.dialogs.ask import name_buttons
from workshop_app.ui.style import ERROR_STYLE
from workshop_app.ui.widgets.roster_models import role_title

# Each field's label (a star: needed) and its name for screen readers, translated at use.
LABELS = {
    "role": N_("&Role"),
    "name": N_("&Name *"),
    "email": N_("&Email *"),
    "title": N_("&Title"),
    "department": N_("&Department"),
    "manager": N_("&Manager"),
}
NAMES = {
    "role": N_("Role"),
    "name": N_("Name"),
    "email": N_("Email"),
    "title": N_("Title"),
    "department": N_("Department"),
    "manager": N_("Manager"),
}


def _needed() -> dict[tuple[str, ...], str]:
    """What the line under the form says is still to fill in, by what is missing."""
    return {
        ("name", "email"): _("* Still needed: name and email."),
        ("name",): _("* Still needed: name."),
        ("email",): _("* Still needed: email."),
    }


class _SavingDialog(QDialog):
    """OK runs `save`; a `UserError` is shown in the dialog and keeps it open."""

    def __init__(self, parent: QWidget | None, title: str, save: Callable[[], object]) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout(self)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(_("Problem"))
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name_buttons(self.buttons)

    def finish_form(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    @property
    def ok_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def accept(self) -> None:
        try:
            self._save()
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        super().accept()


class ParticipantDialog(_SavingDialog):
    """Add a participant (`participant` None) or edit one; `save` gets the fields typed."""

    def __init__(
        self,
        parent: QWidget | None,
        save: Callable[[dict[str, str]], object],
        participant: Participant | None = None,
    ) -> None:
        title = _("Edit participant") if participant else _("Add a participant")
        super().__init__(parent, title, lambda: save(self.values()))
        self.role = QComboBox()
        for role in ("mentor", "mentee"):
            self.role.addItem(role_title(role), role)
        self.edits: dict[str, QLineEdit] = {}
        for name in PARTICIPANT_FIELDS:
            widget: QWidget
            if name == "role":
                widget = self.role
            else:
                widget = self.edits[name] = QLineEdit()
            widget.setAccessibleName(_(NAMES[name]))
            self.form.addRow(_(LABELS[name]), widget)
        self.role.view().setAccessibleName(_("Roles"))
        # Translators: an example address in the language's own words; keep ".example".
        self.edits["email"].setPlaceholderText(_("name@company.example"))
        if participant is not None:
            self.role.setCurrentIndex(self.role.findData(participant.role))
            for name, edit in self.edits.items():
                edit.setText(getattr(participant, name))
        # Why OK waits: what is still to fill in (OK alone, greyed, says nothing).
        self.needed = QLabel()
        self.needed.setAccessibleName(_("Still needed"))
        self.needed.setStyleSheet("color: palette(placeholder-text);")
        self.form.addRow(self.needed)
        self.finish_form()
        self.edits["name"].textChanged.connect(self._update_ok)
        self.edits["email"].textChanged.connect(self._update_ok)
        self._update_ok()
        self.edits["name"].setFocus()

    def _update_ok(self) -> None:
        missing = [n for n in ("name", "email") if not self.edits[n].text().strip()]
        self.ok_button.setEnabled(not missing)
        self.needed.setText(_needed().get(tuple(missing), ""))
        self.needed.setVisible(bool(missing))

    def values(self) -> dict[str, str]:
        return {"role": self.role.currentData()} | {n: e.text() for n, e in self.edits.items()}


class MakePairDialog(_SavingDialog):
    """Choose an unpaired mentor and an unpaired mentee; the code is optional."""

    def __init__(
        self,
        parent: QWidget | None,
        save: Callable[[str, str, str], object],
        *,
        mentors: list[Participant],
        mentees: list[Participant],
        next_code: str,
        chosen: tuple[str | None, str | None] = (None, None),
    ) -> None:
        super().__init__(
            parent,
            _("Make a pair"),
            lambda: save(self.mentor.currentData(), self.mentee.currentData(), self.code.text()),
        )
        self.mentor = self._people(mentors, chosen[0])
        self.mentor.setAccessibleName(_("Mentor"))
        self.mentor.view().setAccessibleName(_("Mentors not in a pair"))
        self.mentee = self._people(mentees, chosen[1])
        self.mentee.setAccessibleName(_("Mentee"))
        self.mentee.view().setAccessibleName(_("Mentees not in a pair"))
        self.code = QLineEdit()
        self.code.setAccessibleName(_("Pair code"))
        self.code.setPlaceholderText(
            _("{code} (leave empty for the next free code)").format(code=next_code)
        )
        if not mentors or not mentees:
            note = QLabel(
                _("Every mentor is already in a pair. Add a mentor first.")
                if not mentors
                else _("Every mentee is already in a pair. Add a mentee first.")
            )
            note.setWordWrap(True)
            self.form.addRow(note)
        self.form.addRow(_("M&entor"), self.mentor)
        self.form.addRow(_("Me&ntee"), self.mentee)
        self.form.addRow(_("Pair &code"), self.code)
        self.finish_form()
        self.ok_button.setEnabled(bool(mentors and mentees))

    @staticmethod
    def _people(people: list[Participant], chosen: str | None) -> QComboBox:
        combo = QComboBox()
        for person in people:
            detail = ", ".join(x for x in (person.title, person.department) if x)
            shown = _("{name} ({detail})").format(name=person.name, detail=detail)
            combo.addItem(shown if detail else person.name, person.id)
        if chosen is not None and combo.findData(chosen) >= 0:
            combo.setCurrentIndex(combo.findData(chosen))
        return combo
