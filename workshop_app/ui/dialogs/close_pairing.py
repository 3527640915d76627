"""Close a pairing with no fault, as the charter's conclusion clause promises: when, why, who
asked, re-matched or not. A pair already closed is offered its reopening instead (while the
program is open)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.followup import closing
from workshop_app.core.i18n import N_, _
from workshop_app.ui.dialogs.ask import CANCEL, ask, show_user_error
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.widgets.date_edit import DateEdit
from workshop_app.ui.widgets.fields import WARNING_STYLE, name_inner_parts

if TYPE_CHECKING:
    from workshop_app.core.store.workshop_file import WorkshopFile

REASON_CHARS = 48
_ASKED = (
    ("mentor", N_("&Mentor")),
    ("mentee", N_("M&entee")),
    ("both", N_("&Both")),
    ("program", N_("The &program")),
)
# What a screen reader says of each choice of who asked.
_ASKED_NAMES = {
    "mentor": N_("Asked by mentor"),
    "mentee": N_("Asked by mentee"),
    "both": N_("Asked by both"),
    "program": N_("Asked by the program"),
}


class ClosePairingDialog(QDialog):
    def __init__(
        self,
        wf: WorkshopFile,
        *,
        today: date,
        pair_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Close a pairing"))
        self.wf, self.today = wf, today
        closed = closing.closures(wf.conn)
        self.pair = QComboBox()
        self.pair.setAccessibleName(_("Pair"))
        for p in wf.roster.pairs():
            if p.id in closed:
                continue
            mentor = wf.roster.participant(p.mentor_id).name
            mentee = wf.roster.participant(p.mentee_id).name
            self.pair.addItem(
                _("{code}  {mentor} & {mentee}").format(code=p.code, mentor=mentor, mentee=mentee),
                p.id,
            )
        if pair_id is not None:
            self.pair.setCurrentIndex(max(self.pair.findData(pair_id), 0))
        clause = wf.workshop().no_fault_text.strip()
        words = _(
            "A no-fault closure: the pair, its signed charter, check-ins and log stay as the "
            "program's record; the charter can no longer be edited. It can be undone while "
            "the program is open."
        )
        if clause:
            says = _("The charter says: “{clause}”").format(clause=clause)
            words = f"{words}\n\n{says}"
        intro = QLabel(words)
        intro.setWordWrap(True)
        intro.setMinimumWidth(intro.fontMetrics().averageCharWidth() * 60)
        self.closed_on = DateEdit(QDate(today.year, today.month, today.day))
        self.closed_on.setAccessibleName(_("Closed on"))
        self.closed_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(_("Reason"))
        self.reason.setPlaceholderText(_("e.g. Mentee moved to another site"))
        self.reason.setMaxLength(closing.MAX_REASON)
        self.reason.setMinimumWidth(self.reason.fontMetrics().averageCharWidth() * REASON_CHARS)
        self.asked = QButtonGroup(self)
        asked_row = QHBoxLayout()
        self.asked_buttons: dict[str, QRadioButton] = {}
        for key, label in _ASKED:
            button = QRadioButton(_(label))
            button.setAccessibleName(_(_ASKED_NAMES[key]))
            self.asked.addButton(button)
            self.asked_buttons[key] = button
            asked_row.addWidget(button)
        asked_row.addStretch(1)
        self.asked.buttonToggled.connect(self._check)
        self.rematched = QCheckBox(_("The program &re-matched them (or will)"))
        self.rematched.setAccessibleName(_("Re-matched"))
        self.problem = QLabel("\N{NO-BREAK SPACE}")
        self.problem.setStyleSheet(WARNING_STYLE)
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        form.addRow(intro)
        form.addRow(_("P&air"), self.pair)
        form.addRow(_("Closed &on"), self.closed_on)
        form.addRow(_("Rea&son"), self.reason)
        form.addRow(_("Who asked"), asked_row)
        form.addRow("", self.rematched)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Close this pairing"))
        ok.setAccessibleName(_("Close this pairing"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel.text().replace("&", ""))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        name_inner_parts(self)
        self._check()

    def _check(self) -> None:
        """Enter must not record an answer nobody gave: who asked is chosen by a person."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        chosen = self.asked.checkedButton() is not None and self.pair.count() > 0
        ok.setEnabled(chosen)
        ok.setToolTip("" if chosen else _("Choose who asked to close the pairing"))

    def asked_by(self) -> str:
        return next((k for k, b in self.asked_buttons.items() if b.isChecked()), "")

    def _save(self) -> None:
        when = self.closed_on.date()
        try:
            closing.close_pairing(
                self.wf,
                self.pair.currentData(),
                closed_on=date(when.year(), when.month(), when.day()),
                reason=self.reason.text(),
                asked_by=self.asked_by(),
                rematched=self.rematched.isChecked(),
                today=self.today,
            )
        except UserError as exc:
            # Said in the dialog, which stays open with everything typed.
            self.problem.setText(f"⚠ {exc.message}")
            return
        self.accept()


def open_close_pairing(
    parent: QWidget, wf: WorkshopFile, pair_id: str | None = None, *, today: date | None = None
) -> bool:
    """Close a pairing (or, for a closed one, offer to reopen it). True when saved."""
    today = today or date.today()
    if pair_id is not None and (found := closing.closure(wf.conn, pair_id)) is not None:
        return _offer_reopen(parent, wf, found)
    dialog = ClosePairingDialog(wf, today=today, pair_id=pair_id, parent=parent)
    if dialog.pair.count() == 0:
        show_user_error(
            parent, _("No pairing to close"), UserError(_("Every pair is closed already."))
        )
        return False
    with deleted_after(dialog):
        return dialog.exec() == QDialog.DialogCode.Accepted


def _offer_reopen(parent: QWidget, wf: WorkshopFile, found: closing.Closure) -> bool:
    code = wf.roster.pair(found.pair_id).code
    answer = ask(
        parent,
        _("Reopen a pairing"),
        _("Pair {code} is closed. Reopen it?").format(code=code),
        detail=_(
            "{closure}. Reopening undoes the closure: its charter can be edited again; every "
            "record stays as it is."
        ).format(closure=closing.describe(found)),
        answers=[("reopen", _("Reopen pairing")), (CANCEL, "")],
        default=CANCEL,
    )
    if answer != "reopen":
        return False
    try:
        closing.reopen_pairing(wf, found.pair_id)
    except UserError as exc:
        show_user_error(parent, _("The pairing was not reopened"), exc)
        return False
    return True
