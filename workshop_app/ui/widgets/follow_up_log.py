"""The selected pair's contact and meeting log on the Follow-up page, newest first, with a
row to log the next call from the keyboard: date (today to start with), kind (a letter: M, C,
O or N in English, a letter of the word in each language), who, what was said; Enter saves
and the row is ready for the next entry. Delete removes the selected entry once confirmed.
Entries a check-in import wrote are shown, in grey: they change only with the check-in."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.followup.contact_log import (
    BEFORE_LAUNCH,
    FROM_CHECKIN,
    KIND_WORDS,
    KINDS,
    MAX_TEXT,
    ContactEntry,
    ContactLog,
)
from workshop_app.core.i18n import N_, _
from workshop_app.ui.dialogs.ask import CANCEL, ask
from workshop_app.ui.widgets.locale import shown_long_date

_Index = QModelIndex | QPersistentModelIndex
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole
LOG_COLUMNS = (N_("Date"), N_("Kind"), N_("Who"), N_("What was said"))
# The kinds as the combo offers them; the letter in brackets, a letter of the word in the
# interface language, is the key that picks each (C and O: "cancelled" and "concern" share their
# first letter).
KIND_CHOICES = (
    # Translators: the letter in brackets is the key that picks this kind: a letter of the
    # word, different for each of the four kinds, as in "M: meeting held, C: cancelled, ...".
    ("meeting", N_("Meeting (M)")),
    ("cancelled", N_("Cancelled (C)")),
    ("concern", N_("Concern (O)")),
    ("note", N_("Note (N)")),
)
WHO_CHOICES = (
    ("", N_("Who: not said")),
    ("mentor", N_("Mentor")),
    ("mentee", N_("Mentee")),
    ("both", N_("Both")),
    ("staff", N_("Staff")),
)
_WHO_WORDS = {key: text for key, text in WHO_CHOICES if key}
_GREY = "#5f6368"
# What the status bar says was logged ("P03: a cancellation on 2 December 2026 logged."), and
# removed, and the question before removing: one sentence per kind (the kind's word changes
# the sentence's grammar in other languages).
_LOGGED = {
    "meeting": N_("{code}: a meeting on {date} logged."),
    "cancelled": N_("{code}: a cancellation on {date} logged."),
    "concern": N_("{code}: a concern on {date} logged."),
    "note": N_("{code}: a note on {date} logged."),
}
_REMOVE = {
    "meeting": N_("Remove the meeting of {date} from {code}'s log?"),
    "cancelled": N_("Remove the cancellation of {date} from {code}'s log?"),
    "concern": N_("Remove the concern of {date} from {code}'s log?"),
    "note": N_("Remove the note of {date} from {code}'s log?"),
}
_REMOVED = {
    "meeting": N_("{code}: the meeting of {date} removed from the log."),
    "cancelled": N_("{code}: the cancellation of {date} removed from the log."),
    "concern": N_("{code}: the concern of {date} removed from the log."),
    "note": N_("{code}: the note of {date} removed from the log."),
}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
assert tuple(k for k, _text in KIND_CHOICES) == KINDS


def kind_letter(text: str) -> str:
    """The key that picks a kind: the letter in brackets that ends its text ("Treffen (T)")."""
    return text.rstrip()[-2:-1].upper()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _shown(day: date) -> str:
    return shown_long_date(_qdate(day))


class LogModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ContactEntry] = []

    def set_rows(self, rows: list[ContactEntry]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def entry(self, row: int) -> ContactEntry:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LOG_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(LOG_COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == 0:
                return _shown(entry.on_date)
            if col == 1:
                return _(KIND_WORDS.get(entry.kind, entry.kind))
            if col == 2:
                who = _WHO_WORDS.get(entry.who)
                return _(who) if who else ""
            return " ".join(entry.text.split())  # one line in the table; the tooltip has all
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.from_checkin:
                return _("From a check-in survey response: it changes only with the response.")
            return entry.text if col == 3 and entry.text else None
        if role == ENTRY_ID_ROLE:
            return entry.id
        if entry.from_checkin and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(_GREY))
        if entry.from_checkin and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class FollowUpLog(QWidget):
    """`logged(text)` after an entry was added or removed (the page recomputes the pair's
    health, and the text is for the status bar); `failed(error)` when the file refused it."""

    logged = Signal(str)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._log: ContactLog | None = None
        self._readonly = False
        self._pair_id: str | None = None
        self._pair_code = ""
        self.today = date.today()
        self.model = LogModel()
        self._build()
        self.set_pair(None, "")

    def _build(self) -> None:
        self.heading = QLabel(_("Contact log"))
        self.heading.setStyleSheet("font-weight: 600;")
        self.table = QTableView()
        self.table.setAccessibleName(_("Contact log, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # It scrolls: on a short screen it gives up height down to its header and one entry,
        # before the row that logs the next call loses any.
        self.table.setMinimumHeight(
            header.sizeHint().height()
            + self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self.table.installEventFilter(self)

        from workshop_app.ui.widgets.date_edit import DateEdit

        self.date = DateEdit()
        self.date.setAccessibleName(_("Date of the contact"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of contact"))
        # Translators: the letters in brackets of "Meeting (M)", "Cancelled (C)"...
        self.kind.setToolTip(_("M: meeting held, C: cancelled, O: concern, N: note"))
        for key, text in KIND_CHOICES:
            self.kind.addItem(_(text), key)
        self.who = QComboBox()
        self.who.setAccessibleName(_("Who it was about"))
        for key, text in WHO_CHOICES:
            self.who.addItem(_(text), key)
        self.text = QLineEdit()
        self.text.setAccessibleName(_("What was said"))
        self.text.setPlaceholderText(_("What was said (Enter saves)"))
        self.text.setMaxLength(MAX_TEXT)
        self.text.returnPressed.connect(self.add)
        self.add_button = QPushButton(_("A&dd to log"))
        self.add_button.setAccessibleName(_("Add to the contact log"))
        self.add_button.clicked.connect(self.add)
        for widget in (self.date, self.kind, self.who):
            widget.installEventFilter(self)
        # Two lines, so that the words get the row's whole width even on a narrow pane: the
        # date, kind and who above, what was said and Add below (Tab goes through them so).
        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        for widget in (self.date, self.kind, self.who):
            first.addWidget(widget)
        first.addStretch(1)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.text, 1)
        second.addWidget(self.add_button)
        self.entry_row = QWidget()
        rows = QVBoxLayout(self.entry_row)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        rows.addLayout(first)
        rows.addLayout(second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.entry_row)
        layout.addWidget(self.table, 1)

    # -- what it shows -----------------------------------------------------------------------

    def set_log(self, log: ContactLog | None, *, readonly: bool, launch: date | None) -> None:
        self._log = log
        self._readonly = readonly
        first = _qdate(launch - BEFORE_LAUNCH) if launch is not None else QDate(2000, 1, 1)
        self.date.setDateRange(first, _qdate(self.today))
        self.date.setDate(_qdate(self.today))

    def set_today(self, today: date) -> None:
        moved = self.date.date() == self.date.maximumDate()
        self.today = today
        self.date.setMaximumDate(_qdate(today))
        if moved:  # it still showed the last "today": it follows
            self.date.setDate(_qdate(today))

    def set_pair(self, pair_id: str | None, code: str) -> None:
        changed = pair_id != self._pair_id
        self._pair_id, self._pair_code = pair_id, code
        self.heading.setText(
            _("Contact log of {code}").format(code=code) if code else _("Contact log")
        )
        self.entry_row.setEnabled(pair_id is not None)
        self.reload(keep_selection=not changed)

    def reload(self, *, keep_selection: bool = True) -> None:
        selected = self.selected_entry() if keep_selection else None
        rows = self._log.entries(self._pair_id) if self._log and self._pair_id else []
        self.model.set_rows(rows)
        if selected is not None:
            ids = [e.id for e in rows]
            if selected.id in ids:
                self.table.selectRow(ids.index(selected.id))  # the cursor goes with it

    def selected_entry(self) -> ContactEntry | None:
        """The entry the table's cursor is on (a table given the focus puts it on the first
        row before any is selected)."""
        current = self.table.currentIndex()
        return self.model.entry(current.row()) if current.isValid() else None

    # -- adding and removing -----------------------------------------------------------------

    def add(self) -> None:
        if self._log is None or self._pair_id is None or self._readonly:
            return
        if self.date.refused():  # Qt shows another day than the one typed: never save that
            self.failed.emit(UserError(self.date.refused()))
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        kind = self.kind.currentData()
        on_date = self.date.date().toPython()
        assert isinstance(on_date, date)  # a QDate's Python form
        try:
            entry = self._log.add(
                self._pair_id,
                on_date=on_date,
                kind=kind,
                who=self.who.currentData(),
                text=self.text.text(),
                today=self.today,
            )
        except UserError as exc:
            self.failed.emit(exc)
            return
        self.text.clear()
        self.reload(keep_selection=False)
        # Ready for the next entry: the date, as most calls report another day's meeting.
        self.date.setFocus(Qt.FocusReason.OtherFocusReason)
        self.date.selectAll()
        self.logged.emit(
            _(_LOGGED[entry.kind]).format(code=self._pair_code, date=_shown(entry.on_date))
        )

    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or self._log is None or self._readonly:
            return
        if entry.from_checkin:
            self.failed.emit(UserError(FROM_CHECKIN))
            return
        when = _shown(entry.on_date)
        answer = ask(
            self,
            _("Remove the log entry"),
            _(_REMOVE[entry.kind]).format(date=when, code=self._pair_code),
            detail=_("“{text}”").format(text=entry.text) if entry.text else "",
            answers=[("remove", _("Remove")), (CANCEL, "")],
            default=CANCEL,
            destructive="remove",
        )
        if answer != "remove":
            return
        try:
            self._log.remove(entry.id)
        except UserError as exc:
            self.failed.emit(exc)
            return
        self.reload(keep_selection=False)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.logged.emit(_(_REMOVED[entry.kind]).format(code=self._pair_code, date=when))

    # -- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.table:
            if key == Qt.Key.Key_Delete and plain:
                self.remove_selected()
                return True
            return False
        if key in _ENTER and plain:
            self.add()
            return True
        if watched is self.kind and plain and event.text():
            for index in range(self.kind.count()):
                if kind_letter(self.kind.itemText(index)) == event.text().upper():
                    self.kind.setCurrentIndex(index)
                    return True
        return False
