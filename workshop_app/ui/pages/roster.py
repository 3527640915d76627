"""The roster and pairs page: who is coming, who is paired with whom, and who is here.

Every action is a `QAction` with a shortcut, shown as a button beside the table it acts on.
Each change is written at once (a participant's details when their dialog is accepted, an
attendance tick when it is ticked) and several changes made together go in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.followup import closing
from workshop_app.core.followup.closing import and_list, pair_records
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.model import Participant
from workshop_app.ui.dialogs.ask import CANCEL, ask, show_user_error
from workshop_app.ui.dialogs.close_pairing import open_close_pairing
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.dialogs.participant import MakePairDialog, ParticipantDialog
from workshop_app.ui.dialogs.roster_import import ImportDialog
from workshop_app.ui.pages.base import WorkshopPage, page_heading
from workshop_app.ui.widgets.flow_layout import wrapping_row
from workshop_app.ui.widgets.roster_models import (
    ID_ROLE,
    NAME,
    ROLE_FILTERS,
    PairsTableModel,
    ParticipantsModel,
    RosterFilter,
)

_Shortcut = QKeySequence | QKeySequence.StandardKey | str


class RosterPage(WorkshopPage):
    title = "Roster & pairs"

    def __init__(self) -> None:
        super().__init__()
        self.participants = ParticipantsModel()
        self.participants.attendance_requested.connect(
            lambda pid, present: self.set_attendance([pid], present)
        )
        self.participants_proxy = RosterFilter(self)
        self.participants_proxy.setSourceModel(self.participants)
        self.pairs = PairsTableModel()
        self.pairs_proxy = RosterFilter(self)
        self.pairs_proxy.setSourceModel(self.pairs)

        heading = page_heading(_("Roster & pairs"))
        intro = QLabel(
            _(
                "Import the roster from HR or your matching tool, or add people one by one. "
                "Tick “Here” as people arrive. Every change is saved at once."
            )
        )
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter by name, email, department or pair code"))
        self.filter.setAccessibleName(_("Filter participants and pairs"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.participants_proxy.setFilterFixedString)
        self.filter.textChanged.connect(self.pairs_proxy.setFilterFixedString)
        self.filter.textChanged.connect(self._update_counts)
        self.role_filter = QComboBox()
        self.role_filter.setAccessibleName(_("Show"))
        self.role_filter.view().setAccessibleName(_("Who to show"))
        for label, value in ROLE_FILTERS:
            self.role_filter.addItem(_(label), value)
        self.role_filter.currentIndexChanged.connect(self._role_filter_changed)
        show_label = QLabel(_("Sho&w"))
        show_label.setBuddy(self.role_filter)

        self.people_table = self._table(self.participants_proxy, _("Participants"))
        self.people_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.people_table.doubleClicked.connect(lambda _: self.edit_participant())
        self.pairs_table = self._table(self.pairs_proxy, _("Pairs"))
        self.pairs_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.import_action = self._action(_("&Import roster…"), self.import_roster, "Ctrl+I")
        self.add_action = self._action(_("&Add participant…"), self.add_participant, "Ctrl+Shift+N")
        people = self.people_table
        self.edit_action = self._action(
            _("E&dit…"), self.edit_participant, "Return", "Enter", scope=people
        )
        self.remove_action = self._action(
            _("&Remove"), self.remove_participants, QKeySequence.StandardKey.Delete, scope=people
        )
        self.here_action = self._action(_("Tick “&Here”"), self.toggle_here, "Space", scope=people)
        self.make_pair_action = self._action(_("&Make pair…"), self.make_pair, "Ctrl+Shift+P")
        self.break_pair_action = self._action(
            _("&Break pair"),
            self.break_pair,
            QKeySequence.StandardKey.Delete,
            scope=self.pairs_table,
        )
        self.find_action = self._action(
            _("Filter"), self.focus_filter, QKeySequence.StandardKey.Find
        )
        for table in (self.people_table, self.pairs_table):
            table.selectionModel().selectionChanged.connect(self._update_actions)
            # Right-click or the Menu key lists what can be done to the selected rows.
            table.addAction(self.make_pair_action)
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.people_count = QLabel()
        self.pairs_count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(show_label)
        top.addWidget(self.role_filter)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Participants or pairs"))
        self.tabs.tabBar().setAccessibleName(_("Participants or pairs"))
        self.tabs.addTab(
            self._panel(
                self.people_count,
                self.people_table,
                (
                    self.import_action,
                    self.add_action,
                    self.edit_action,
                    self.remove_action,
                    self.make_pair_action,
                ),
            ),
            _("&Participants"),
        )
        self.tabs.addTab(
            self._panel(
                self.pairs_count, self.pairs_table, (self.make_pair_action, self.break_pair_action)
            ),
            _("Pair&s"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._update_actions()

    # -- building -------------------------------------------------------------------------

    def _table(self, model: RosterFilter, name: str) -> QTableView:
        table = QTableView()
        table.setAccessibleName(name)
        table.setModel(model)
        table.setSortingEnabled(True)
        table.sortByColumn(NAME if name == _("Participants") else 0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setAccessibleName(_("{table} columns (click to sort)").format(table=name))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        return table

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        *keys: _Shortcut,
        scope: QWidget | None = None,
    ) -> QAction:
        """An action with shortcuts: window-wide (while the page shows), or on one table."""
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda: slot())
        if scope is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            scope.addAction(action)
        else:
            self.addAction(action)
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = text.replace("&", "").rstrip("…")
        action.setToolTip(
            _("{action} ({shortcut})").format(action=plain, shortcut=shown) if shown else plain
        )
        return action

    def _panel(self, count: QLabel, table: QTableView, actions: tuple[QAction, ...]) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        count.setStyleSheet("font-weight: 600;")
        row.addWidget(count, 0, Qt.AlignmentFlag.AlignTop)
        # The buttons wrap onto a second row where they do not fit (long German labels).
        row.addWidget(wrapping_row(*(_button(action) for action in actions)), 1)
        column.addLayout(row)
        column.addWidget(table, 1)
        return panel

    # -- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen_people = self.selected_participant_ids()
        chosen_pair = self.selected_pair_id()
        if self.wf is None:
            self.participants.clear()
            self.pairs.clear()
        else:
            self.participants.load(self.wf)
            self.pairs.load(self.wf)
        for table in (self.people_table, self.pairs_table):
            table.resizeColumnsToContents()
            for column in range(table.model().columnCount()):
                table.setColumnWidth(column, min(table.columnWidth(column), 260))
        self._select(self.people_table, chosen_people)
        self._select(self.pairs_table, [chosen_pair] if chosen_pair else [])
        self._update_counts()
        self._update_actions()

    def _select(self, table: QTableView, ids: list[str]) -> None:
        model = table.model()
        selection = table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        first: QModelIndex | None = None
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ID_ROLE) in ids:
                selection.select(index, flags)
                if first is None:
                    first = index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            table.scrollTo(first)

    def _update_counts(self) -> None:
        total = self.participants.rowCount()
        here = sum(1 for r in range(total) if self.participants.row(r).person.present)
        shown = self.participants_proxy.rowCount()
        people = ngettext(
            "{n:,} participant, {here:,} here", "{n:,} participants, {here:,} here", total
        ).format(n=total, here=here)
        if shown != total:
            people = _("{counts} (showing {shown:,})").format(counts=people, shown=shown)
        self.people_count.setText(people)
        pairs, pairs_shown = self.pairs.rowCount(), self.pairs_proxy.rowCount()
        text = ngettext("{n:,} pair", "{n:,} pairs", pairs).format(n=pairs)
        if pairs_shown != pairs:
            text = _("{counts} (showing {shown:,})").format(counts=text, shown=pairs_shown)
        self.pairs_count.setText(text)
        self.tabs.setTabText(0, _("&Participants ({n:,})").format(n=total))
        self.tabs.setTabText(1, _("Pair&s ({n:,})").format(n=pairs))

    def _update_actions(self) -> None:
        open_ = self.wf is not None
        chosen = len(self.selected_participant_ids())
        for action in (self.import_action, self.add_action):
            action.setEnabled(open_)
        # Only when there is someone to pair: a mentor and a mentee without a pair.
        self.make_pair_action.setEnabled(open_ and self.participants.can_pair())
        self.edit_action.setEnabled(open_ and chosen == 1)
        self.remove_action.setEnabled(open_ and chosen > 0)
        self.here_action.setEnabled(open_ and chosen > 0)
        self.break_pair_action.setEnabled(open_ and self.selected_pair_id() is not None)

    def _role_filter_changed(self) -> None:
        self.participants_proxy.set_role(self.role_filter.currentData())
        self._update_counts()

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def selected_participant_ids(self) -> list[str]:
        rows = self.people_table.selectionModel().selectedRows(0)
        return [index.data(ID_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def selected_pair_id(self) -> str | None:
        rows = self.pairs_table.selectionModel().selectedRows(0)
        return rows[0].data(ID_ROLE) if rows else None

    def _people(self, ids: list[str]) -> list[Participant]:
        rows = map(self.participants.row, range(self.participants.rowCount()))
        by_id = {r.person.id: r.person for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    # -- changing ---------------------------------------------------------------------------

    def _wrote(self, message: str, select: list[str] | None = None) -> None:
        """After a write: show it, tell the window, and keep the changed rows in view."""
        self.refresh()
        if select:
            self._select(self.people_table, select)
            self.people_table.setFocus()  # so Enter edits, Space ticks, Delete removes it
        self.saved.emit()
        self.changed.emit()
        self.status.emit(message)

    def import_roster(self) -> None:
        if self.wf is None:
            return
        with deleted_after(ImportDialog(self.wf, self)) as dialog:
            if dialog.exec() != ImportDialog.DialogCode.Accepted or dialog.imported is None:
                return
            imported = dialog.imported
        self._wrote(_("Roster imported: {summary}.").format(summary=imported.summary()))

    def add_participant(self) -> None:
        if self.wf is None:
            return
        roster = self.wf.roster
        added: list[Participant] = []
        dialog = ParticipantDialog(self, lambda v: added.append(roster.add_participant(**v)))
        with deleted_after(dialog):
            accepted = dialog.exec() == ParticipantDialog.DialogCode.Accepted
        if accepted and added:
            self._wrote(_("Added {name}.").format(name=added[0].name), [added[0].id])

    def edit_participant(self) -> None:
        ids = self.selected_participant_ids()
        if self.wf is None or len(ids) != 1:
            return
        roster = self.wf.roster
        person = roster.participant(ids[0])
        dialog = ParticipantDialog(
            self, lambda v: roster.update_participant(person.id, **v), person
        )
        with deleted_after(dialog):
            if dialog.exec() != ParticipantDialog.DialogCode.Accepted:
                return
            name = dialog.values()["name"].strip()
        self._wrote(_("Saved {name}.").format(name=name), ids)

    def remove_participants(self) -> None:
        people = self._people(self.selected_participant_ids())
        if self.wf is None or not people:
            return
        n = len(people)
        if not self._confirm(
            _("Remove from the workshop"),
            _("Remove {name} from the workshop?").format(name=people[0].name)
            if n == 1
            else ngettext(
                "Remove these {n:,} participant from the workshop?",
                "Remove these {n:,} participants from the workshop?",
                n,
            ).format(n=n),
            _("Their attendance goes with them. Anyone in a pair must have the pair broken first."),
            _("Remove"),
        ):
            return
        try:
            with self.wf.transaction():
                for person in people:
                    self.wf.roster.remove_participant(person.id)
        except UserError as exc:
            show_user_error(self, _("Nobody was removed"), exc)
            return
        self._wrote(
            _("Removed {name}.").format(name=people[0].name)
            if n == 1
            else ngettext("Removed {n:,} participant.", "Removed {n:,} participants.", n).format(
                n=n
            )
        )

    def toggle_here(self) -> None:
        people = self._people(self.selected_participant_ids())
        if people:
            self.set_attendance([p.id for p in people], not all(p.present for p in people))

    def set_attendance(self, ids: list[str], present: bool) -> None:
        """Tick (or untick, back to "not checked in") the given participants at once."""
        if self.wf is None:
            return
        value = True if present else None
        try:
            with self.wf.transaction():
                for pid in ids:
                    self.wf.roster.set_attendance(pid, value)
        except UserError as exc:
            show_user_error(self, _("Attendance was not saved"), exc)
            return
        for pid in ids:
            self.participants.replace(self.wf.roster.participant(pid))
        self._update_counts()
        names = ", ".join(p.name for p in self._people(ids))
        self.saved.emit()
        self.changed.emit()
        said = _("{names}: here.") if present else _("{names}: not checked in.")
        self.status.emit(said.format(names=names))

    def make_pair(self) -> None:
        if self.wf is None:
            return
        roster = self.wf.roster
        # Free: in no open pair (a partner of a closed pair can be re-matched).
        paired = {
            pid for p in roster.pairs() if not p.closed_on for pid in (p.mentor_id, p.mentee_id)
        }
        free = [p for p in roster.participants() if p.id not in paired]
        chosen = {p.role: p.id for p in reversed(self._people(self.selected_participant_ids()))}
        made = []
        dialog = MakePairDialog(
            self,
            lambda mentor, mentee, code: made.append(
                roster.make_pair(mentor, mentee, code=code.strip() or None)
            ),
            mentors=[p for p in free if p.role == "mentor"],
            mentees=[p for p in free if p.role == "mentee"],
            next_code=roster.next_code(),
            chosen=(chosen.get("mentor"), chosen.get("mentee")),
        )
        with deleted_after(dialog):
            accepted = dialog.exec() == MakePairDialog.DialogCode.Accepted
        if accepted and made:
            self._wrote(_("Made pair {code}.").format(code=made[0].code))
            self._select(self.pairs_table, [made[0].id])

    def break_pair(self) -> None:
        pair_id = self.selected_pair_id()
        if self.wf is None or pair_id is None:
            return
        pair = self.wf.roster.pair(pair_id)
        mentor = self.wf.roster.participant(pair.mentor_id).name
        mentee = self.wf.roster.participant(pair.mentee_id).name
        records = pair_records(self.wf.conn, pair_id)
        if records:
            self._offer_closing(pair.code, pair_id, records)
            return
        if not self._confirm(
            _("Break a pair"),
            _("Break pair {code} ({mentor} and {mentee})?").format(
                code=pair.code, mentor=mentor, mentee=mentee
            ),
            _(
                "Their charter goes with it: everything written in it is removed from the "
                "workshop (the change history keeps a copy). Both stay in the roster and can be "
                "paired again."
            ),
            _("Break pair"),
        ):
            return
        try:
            self.wf.roster.break_pair(pair_id)
        except UserError as exc:
            show_user_error(self, _("The pair was not broken"), exc)
            return
        self._wrote(
            _("Broke pair {code}; {mentor} and {mentee} can be paired again.").format(
                code=pair.code, mentor=mentor, mentee=mentee
            )
        )

    def _offer_closing(self, code: str, pair_id: str, records: list[str]) -> None:
        """A pair with a signed charter or follow-up records is the program's record: it is
        closed, not broken (breaking it would delete them)."""
        assert self.wf is not None
        closed = closing.closure(self.wf.conn, pair_id) is not None
        answer = ask(
            self,
            _("Break a pair"),
            _("Pair {code} has {records}: it cannot be broken.").format(
                code=code, records=and_list(records)
            ),
            detail=_(
                "Breaking a pair deletes its charter and records, and they are the program's "
                "record. The pairing is closed already; its records stay as they are."
            )
            if closed
            else _(
                "Breaking a pair deletes its charter and records, and they are the program's "
                "record. Close this pairing instead: the pair and every record of it stay, its "
                "charter can no longer be edited, and the closure can be undone."
            ),
            answers=[(CANCEL, "")]
            if closed
            else [("close", _("Close this pairing…")), (CANCEL, "")],
            default=CANCEL if closed else "close",
            icon=QMessageBox.Icon.Information,
        )
        if answer == "close" and open_close_pairing(self, self.wf, pair_id):
            self._wrote(
                _("Closed pair {code}; its charter and records are kept.").format(code=code)
            )

    def _confirm(self, title: str, question: str, detail: str, verb: str) -> bool:
        answer = ask(
            self,
            title,
            question,
            detail=detail,
            answers=[("yes", verb), (CANCEL, "")],
            default=CANCEL,
            destructive="yes",
        )
        return answer == "yes"


def _button(action: QAction) -> QPushButton:
    """A push button for `action`: same text (with its Alt key), state and tooltip."""
    button = QPushButton(action.text())
    button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
    button.setToolTip(action.toolTip())
    button.clicked.connect(action.trigger)

    def follow() -> None:
        button.setEnabled(action.isEnabled())

    action.changed.connect(follow)
    follow()
    return button
