"""Attendance check-in from the runner, as people arrive at the door.

Type part of a name and press Enter: the one person it finds is checked in, the line under
the field says so ("Fatima Al-Sayed checked in at 09:42", with Undo), and the field is empty
for the next arrival. When the text finds several people, Enter does nothing but say how many
("3 people match: keep typing, or press Down to choose"); Down and Up choose one, Enter checks them
in. Ticks in the list work too, and unticking undoes a check-in. Marking everyone not ticked
as absent is never the default button and asks first. In a rehearsal nothing is saved.

The sign-in sheet (a PDF to print) is rendered in a worker process: the dialog, and the
timer behind it, never wait for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.file_names import safe_filename
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.model import Participant, pair_by_person
from workshop_app.core.roster.attendance import matches, name_order, sign_in_context
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.dialogs.ask import CANCEL, ask
from workshop_app.ui.widgets.roster_models import role_word

ID = Qt.ItemDataRole.UserRole


def open_file(path: Path) -> bool:
    """Open `path` in the program the system uses for it (the PDF viewer, to print); False
    when the system has none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp)
    return f"{(moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone():%H:%M}"


class CheckInDialog(QDialog):
    def __init__(
        self, wf: WorkshopFile, parent: QWidget | None = None, *, rehearsal: bool = False
    ) -> None:
        super().__init__(parent)
        self.wf = wf
        self.rehearsal = rehearsal
        self.setWindowTitle(
            _("Check in (rehearsal: nothing is saved)") if rehearsal else _("Check in")
        )
        self.people = {p.id: p for p in sorted(wf.roster.participants(), key=self._order)}
        self.codes = {
            person: pair.code for person, pair in pair_by_person(wf.roster.pairs()).items()
        }
        self._last: tuple[str, bool | None, str | None] | None = None  # for Undo

        self.summary = QLabel()
        self.summary.setAccessibleName(_("How many are here"))
        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText(_("Type part of a name, then Enter to check them in"))
        self.name_field.setAccessibleName(_("Find a participant"))
        self.name_field.textChanged.connect(self._filter)
        self.name_field.returnPressed.connect(self.check_in_typed)
        self.name_field.installEventFilter(_ChooseWithArrows(self))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("What happened"))
        self.undo_button = self._button(_("&Undo"), _("Undo this check-in"), self.undo)
        self.undo_button.hide()  # until someone is checked in
        said = QHBoxLayout()
        said.addWidget(self.message, 1)
        said.addWidget(self.undo_button)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Participants: ticked means here"))
        for person in self.people.values():
            item = QListWidgetItem()
            item.setData(ID, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.list.addItem(item)
            self._show(item)
        self.list.itemChanged.connect(self._ticked)
        self.list.itemActivated.connect(lambda item: self.check_in(item.data(ID)))
        self.sheet_button = self._button(
            _("Print the &sign-in sheet…"), _("Print the sign-in sheet (PDF)"), self.print_sheet
        )
        self.absent_button = self._button(
            _("Mark everyone not ticked as &absent…"),
            _("Mark everyone not ticked as absent"),
            self.mark_rest_absent,
        )
        self.close_button = self._button(_("Close"), _("Close"), self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sheet_button)
        buttons.addWidget(self.absent_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.name_field)
        layout.addLayout(said)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        screen = (parent or self).screen().availableGeometry().size()
        self.resize(QSize(560, 560).boundedTo(screen * 0.9))  # at 1.5x, 560 may not fit
        self._update_summary()
        self.name_field.setFocus()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        # No button is the default: Enter belongs to the name field, never to an action.
        button.setAutoDefault(False)
        button.setDefault(False)
        button.clicked.connect(lambda: slot())
        return button

    @staticmethod
    def _order(person: Participant) -> tuple[str, str]:
        return name_order(person.name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter never reaches a button (the name field and the list handle it); Esc clears
        the name field first, and closes the dialog only when it is empty."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.name_field.text():
            self.name_field.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the list --------------------------------------------------------------------------

    def _show(self, item: QListWidgetItem) -> None:
        person = self.people[item.data(ID)]
        code = self.codes.get(person.id)
        role = role_word(person.role)
        who = (
            _("{name} ({role}, {code})").format(name=person.name, role=role, code=code)
            if code
            else _("{name} ({role})").format(name=person.name, role=role)
        )
        if person.present:
            since = local_time(person.checked_in_at)
            text = _("{person} · here since {time}").format(person=who, time=since)
        elif person.present is False:
            text = _("{person} · absent").format(person=who)
        else:
            text = who
        self.list.blockSignals(True)  # showing a tick is not ticking
        item.setText(text)
        item.setCheckState(Qt.CheckState.Checked if person.present else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def _item(self, person_id: str) -> QListWidgetItem:
        return next(
            self.list.item(i)
            for i in range(self.list.count())
            if self.list.item(i).data(ID) == person_id
        )

    def visible_matches(self) -> list[QListWidgetItem]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [item for item in items if not item.isHidden()]

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(
                bool(text.strip()) and not matches(self.people[item.data(ID)].name, text)
            )
        # A new search: nobody chosen yet. (PySide6 6.11's stub, setCurrentItem(self, item:
        # QListWidgetItem, /), leaves out the None that Qt takes and PySide6 passes on.)
        self.list.setCurrentItem(None)  # type: ignore[call-overload]
        found = self.visible_matches()
        if text.strip() and len(found) > 1:
            self._say_matches(len(found))
        elif text.strip() and not found:
            self.say(_("Nobody matches “{text}”.").format(text=text.strip()))
        else:
            self.say("")

    def _say_matches(self, n: int) -> None:
        self.say(
            ngettext(
                "{n} person matches: keep typing, or press Down to choose.",
                "{n} people match: keep typing, or press Down to choose.",
                n,
            ).format(n=n)
        )

    def choose(self, step: int) -> None:
        """Down/Up in the name field: choose among the people it finds."""
        found = self.visible_matches()
        if not found:
            return
        current = self.list.currentItem()
        index = found.index(current) + step if current in found else (0 if step > 0 else -1)
        chosen = found[max(0, min(index, len(found) - 1))]
        self.list.setCurrentItem(chosen)
        self.list.scrollToItem(chosen)
        self.say(_("{name}: Enter checks them in.").format(name=self.people[chosen.data(ID)].name))

    # -- checking in -----------------------------------------------------------------------

    def check_in_typed(self) -> None:
        """Enter in the name field: check in the one person found, or the one chosen."""
        typed = self.name_field.text().strip()
        found = self.visible_matches()
        current = self.list.currentItem()
        if not typed:
            self.say(_("Type part of a name first."))
        elif current is not None and current in found:
            self.check_in(current.data(ID))
        elif len(found) == 1:
            self.check_in(found[0].data(ID))
        elif found:
            self._say_matches(len(found))
        else:
            self.say(_("Nobody matches “{text}”.").format(text=typed))

    def check_in(self, person_id: str) -> None:
        person = self.people[person_id]
        if person.present:
            self.name_field.clear()  # here already: on to the next arrival
            since = local_time(person.checked_in_at)
            self.say(
                _("{name} is already checked in (since {time}).").format(
                    name=person.name, time=since
                )
            )
            return
        before = (person_id, person.present, person.checked_in_at)
        if not self._set(person_id, True):
            return
        self._last = before
        self.name_field.clear()  # ready for the next arrival
        at = local_time(self.people[person_id].checked_in_at)
        self.say(_("{name} checked in at {time}.").format(name=person.name, time=at), undo=True)
        self.name_field.setFocus()

    def undo(self) -> None:
        if self._last is None:
            return
        person_id, present, _at = self._last
        self._last = None
        if self._set(person_id, present):
            self.say(_("{name}'s check-in is undone.").format(name=self.people[person_id].name))

    def _ticked(self, item: QListWidgetItem) -> None:
        """A tick (or an untick) in the list is saved at once."""
        here = item.checkState() == Qt.CheckState.Checked
        self._set(item.data(ID), True if here else None)

    def _set(self, person_id: str, present: bool | None) -> bool:
        """Save one person's attendance (in memory only in a rehearsal); False if refused."""
        try:
            if self.rehearsal:
                person = self.people[person_id]
                person.present = present
                person.checked_in_at = datetime.now(UTC).isoformat() if present else None
            else:
                self.wf.roster.set_attendance(person_id, present)
                self.people[person_id] = self.wf.roster.participant(person_id)
        except UserError as exc:
            self.say(exc.message)
            self._show(self._item(person_id))
            return False
        self._show(self._item(person_id))
        self._update_summary()
        return True

    def mark_rest_absent(self) -> None:
        rest = [p for p in self.people.values() if p.present is None]
        if not rest:
            everyone = all(p.present for p in self.people.values())
            self.say(
                _("Everyone is here: nobody to mark absent.")
                if everyone
                else _("Everyone not ticked is already marked absent.")
            )
            return
        answer = ask(
            self,
            _("Mark as absent"),
            ngettext(
                "Mark {n} person not ticked as absent?",
                "Mark {n} people not ticked as absent?",
                len(rest),
            ).format(n=len(rest)),
            answers=[("absent", _("Mark as absent")), (CANCEL, "")],
            default=CANCEL,
            destructive="absent",
        )
        if answer != "absent":
            self.say(_("Nobody was marked absent."))
            return
        try:
            with self.wf.transaction():
                for person in rest:
                    self._set(person.id, False)
        except UserError as exc:
            self.say(exc.message)
        else:
            self.say(
                ngettext(
                    "{n} person marked absent.", "{n} people marked absent.", len(rest)
                ).format(n=len(rest))
            )

    def say(self, text: str, *, undo: bool = False) -> None:
        """The line under the name field; `undo`: it reports the check-in Undo takes back."""
        self.message.setText(text)
        self.undo_button.setVisible(undo and self._last is not None)

    def _update_summary(self) -> None:
        people = list(self.people.values())
        here = sum(1 for p in people if p.present)
        absent = sum(1 for p in people if p.present is False)
        counts = {"here": here, "total": len(people), "absent": absent}
        text = (
            _("{here} of {total} here · {absent} marked absent · rehearsal: nothing is saved")
            if self.rehearsal
            else _("{here} of {total} here · {absent} marked absent")
        )
        self.summary.setText(text.format(**counts))

    # -- the sign-in sheet -----------------------------------------------------------------

    def print_sheet(self) -> None:
        """Ask where to save the sheet, render it in the background, then open it to print."""
        from workshop_app.core.roster.attendance import write_sign_in_sheet
        from workshop_app.ui.jobs import Job, in_preview_process

        suggested = self.wf.path.parent / safe_filename(
            _("Sign-in sheet - {program}").format(program=self.wf.workshop().program)
        )
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the sign-in sheet as"), str(suggested), _("PDF files (*.pdf)")
        )
        if not name:
            return
        out = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        self.sheet_button.setEnabled(False)
        self.say(_("Preparing the sign-in sheet…"))
        Job(
            in_preview_process(write_sign_in_sheet, sign_in_context(self.wf), out),
            done=self._sheet_ready,
            failed=self._sheet_failed,
            what=_("Making the sign-in sheet"),
        ).start()

    def _sheet_ready(self, path: Path) -> None:
        self.sheet_button.setEnabled(True)
        opened = open_file(path)
        self.say(
            (
                _("The sign-in sheet is saved as {path}; it opens for printing.")
                if opened
                else _("The sign-in sheet is saved as {path}; open it from there to print it.")
            ).format(path=path)
        )

    def _sheet_failed(self, message: str) -> None:
        self.sheet_button.setEnabled(True)
        self.say(message)


class _ChooseWithArrows(QObject):
    """Down and Up in the name field choose among the people it finds, the field keeping the
    focus (so typing goes on)."""

    def __init__(self, dialog: CheckInDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None:
                self._dialog.choose(step)
                return True
        return False
