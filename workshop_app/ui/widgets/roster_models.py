"""Thin table models over the roster: participants (with an attendance tick) and pairs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from workshop_app.core.charters.dates import format_date
from workshop_app.core.i18n import N_, _, interface_language
from workshop_app.core.model import Pair, Participant
from workshop_app.core.plain_text import plain
from workshop_app.core.roster.store import code_sort_key
from workshop_app.core.store.workshop_file import WorkshopFile
from workshop_app.ui.style import ERROR_COLOUR

_Index = QModelIndex | QPersistentModelIndex
_Role = Qt.ItemDataRole
SORT_ROLE = _Role.UserRole
ID_ROLE = _Role.UserRole + 1

# The columns' headings, translated where they are shown.
PARTICIPANT_COLUMNS = (
    N_("Here"),
    N_("Name"),
    N_("Role"),
    N_("Pair"),
    N_("Email"),
    N_("Title"),
    N_("Department"),
    N_("Manager"),
)
HERE, NAME, ROLE, PAIR = 0, 1, 2, 3
PAIR_COLUMNS = (N_("Pair"), N_("Mentor"), N_("Mentee"), N_("Closed"))
ROLE_TITLES = {"mentor": N_("Mentor"), "mentee": N_("Mentee")}
# Inside a sentence; the coordinator signs a charter too ("v1: coordinator Marco Esposito").
ROLE_WORDS = {
    "mentor": N_("mentor"),
    "mentee": N_("mentee"),
    "coordinator": N_("program coordinator"),
}


def role_title(role: str) -> str:
    """A participant's role as a heading or a cell writes it ("Mentor"); an unknown one as
    stored."""
    return _(ROLE_TITLES[role]) if role in ROLE_TITLES else role


def role_word(role: str) -> str:
    """A participant's role inside a sentence ("mentor")."""
    return _(ROLE_WORDS[role]) if role in ROLE_WORDS else role


def _code_key(code: str) -> str:
    """Sorts P2 before P10, other codes after numbered ones, and no pair last."""
    if not code:
        return "9"
    group, number, text = code_sort_key(code)
    return f"{group}{number:09d}{text}"


@dataclass(frozen=True, slots=True)
class RosterRow:
    person: Participant
    pair_code: str


class _TableModel(QAbstractTableModel):
    columns: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _Role.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _Role.DisplayRole:
            return _(self.columns[section])
        return None

    def _set(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


class ParticipantsModel(_TableModel):
    """One row per participant. Ticking "Here" asks for the change; it is not stored here."""

    columns = PARTICIPANT_COLUMNS
    attendance_requested = Signal(str, bool)  # participant id, present

    def load(self, wf: WorkshopFile) -> None:
        # A person's open pair: one whose pairs are all closed shows as not in a pair, free to be
        # re-matched (the Pairs table lists the closed pairs).
        codes = {
            person: pair.code
            for pair in wf.roster.pairs()
            if not pair.closed_on
            for person in (pair.mentor_id, pair.mentee_id)
        }
        self._set([RosterRow(p, codes.get(p.id, "")) for p in wf.roster.participants()])

    def clear(self) -> None:
        self._set([])

    def row(self, index: int) -> RosterRow:
        return self._rows[index]

    def can_pair(self) -> bool:
        """Whether a mentor and a mentee are both still without a pair."""
        free = {row.person.role for row in self._rows if not row.pair_code}
        return {"mentor", "mentee"} <= free

    def row_of(self, participant_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.person.id == participant_id:
                return number
        return None

    def replace(self, person: Participant) -> None:
        """Show `person`'s new state without reloading everyone (after an attendance tick)."""
        number = self.row_of(person.id)
        if number is None:
            return
        self._rows[number] = RosterRow(person, self._rows[number].pair_code)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.columns) - 1))

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == HERE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = _Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: RosterRow = self._rows[index.row()]
        p, col = row.person, index.column()
        if col == HERE:
            return self._here(p, role)
        if role in (_Role.DisplayRole, _Role.AccessibleTextRole):
            role_shown = role_title(p.role)
            values = (p.name, role_shown, row.pair_code, p.email, p.title, p.department, p.manager)
            return values[col - 1]
        if role == SORT_ROLE:
            if col == PAIR:
                return _code_key(row.pair_code)
            return plain(str(self.data(index, _Role.DisplayRole)))  # "Özlem" among the O's
        if role == ID_ROLE:
            return p.id
        if role == _Role.ForegroundRole and col == PAIR and not row.pair_code:
            return QBrush(QColor("#8a8a8a"))
        return None

    def _here(self, p: Participant, role: int) -> Any:
        if role == _Role.CheckStateRole:
            return Qt.CheckState.Checked if p.present else Qt.CheckState.Unchecked
        if role == _Role.DisplayRole and p.present is False:
            return _("absent")
        if role == _Role.AccessibleTextRole:
            return {True: _("here"), False: _("absent"), None: _("not checked in")}[p.present]
        if role == _Role.ToolTipRole:
            return _("Tick when the person arrives (Space ticks the selected people)")
        if role == _Role.ForegroundRole:
            return QBrush(QColor(ERROR_COLOUR))
        if role == SORT_ROLE:
            return {True: 0, None: 1, False: 2}[p.present]
        if role == ID_ROLE:
            return p.id
        return None

    def setData(self, index: _Index, value: Any, role: int = _Role.EditRole) -> bool:
        if not index.isValid() or index.column() != HERE or role != _Role.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.attendance_requested.emit(self._rows[index.row()].person.id, checked)
        return True


@dataclass(frozen=True, slots=True)
class PairRow:
    pair: Pair
    mentor: str
    mentee: str


class PairsTableModel(_TableModel):
    columns = PAIR_COLUMNS

    def load(self, wf: WorkshopFile) -> None:
        names = {p.id: p.name for p in wf.roster.participants()}
        self._set(
            [
                PairRow(p, names.get(p.mentor_id, ""), names.get(p.mentee_id, ""))
                for p in wf.roster.pairs()
            ]
        )

    def clear(self) -> None:
        self._set([])

    def row(self, index: int) -> PairRow:
        return self._rows[index]

    def data(self, index: _Index, role: int = _Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: PairRow = self._rows[index.row()]
        if role in (_Role.DisplayRole, _Role.AccessibleTextRole):
            closed = format_date(row.pair.closed_on, interface_language())
            return (row.pair.code, row.mentor, row.mentee, closed)[index.column()]
        if role == SORT_ROLE:
            if index.column() == 0:
                return _code_key(row.pair.code)
            if index.column() == 3:  # the open pairs first, then by the day they closed
                return row.pair.closed_on or ""
            return plain(str(self.data(index, _Role.DisplayRole)))  # "Özlem" among the O's
        if role == ID_ROLE:
            return row.pair.id
        return None


# The filter's choices: the label (translated where it is shown) and the role it keeps.
ROLE_FILTERS = (
    (N_("Everyone"), None),
    (N_("Mentors"), "mentor"),
    (N_("Mentees"), "mentee"),
    (N_("Not in a pair"), "unpaired"),
)


class RosterFilter(QSortFilterProxyModel):
    """Sorts by each column's sort key; keeps rows matching the text and the role filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self._role: str | None = None

    def set_role(self, role: str | None) -> None:
        self.beginFilterChange()
        self._role = role
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if self._role is not None and isinstance(model, ParticipantsModel):
            row = model.row(source_row)
            if self._role == "unpaired" and row.pair_code:
                return False
            if self._role in ("mentor", "mentee") and row.person.role != self._role:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
