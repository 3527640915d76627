"""The Follow-up page's pair list: a thin table model over the program's `PairHealth` rows
and the filter in front of it ("All", "Due this week", "Overdue", "At risk", and a search).

What each row is filtered on is worked out once per computation (a flag per filter), and its
lower-cased text for the search when a search is first typed, so that a click on a filter over
2,000 pairs reads flags rather than calling data() for every cell, and opening the page makes
no search texts nobody asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from workshop_app.core.i18n import N_, _
from workshop_app.ui.style import DONE_COLOUR, ERROR_COLOUR, PENDING_COLOUR
from workshop_app.ui.widgets.locale import shown_brief_date

if TYPE_CHECKING:
    from workshop_app.core.followup.health import Checkpoint, PairHealth

_Index = QModelIndex | QPersistentModelIndex
PAIR_ID_ROLE = Qt.ItemDataRole.UserRole
# The names share a column, and the health comes right after the code: on a laptop at 1.5x
# the list's pane shows two columns and a little, and the health in words is what must stay in
# view (the names are in the pane beside it).
COLUMNS = (N_("Pair"), N_("Health"), N_("Mentor & mentee"), N_("Next checkpoint"))
HEALTH, NAMES, NEXT = 1, 2, 3
# The filters, in the order of their buttons: (key, button text).
FILTERS = (
    ("all", N_("&All")),
    ("due", N_("Due this &week")),
    ("overdue", N_("O&verdue")),
    ("at_risk", N_("At &risk")),
)
_GREY = "#5f6368"


def checkpoint_words(checkpoint: Checkpoint | None) -> str:
    """ "Day 90, 19 Apr 2027, overdue": a checkpoint as one short line (the list is narrow: the
    month is shortened)."""
    if checkpoint is None:
        return _("none left")
    when = _("date not known") if checkpoint.due is None else shown_brief_date(checkpoint.due)
    if checkpoint.state == "due":
        return _("Day {day}, {date}, due now").format(day=checkpoint.day, date=when)
    if checkpoint.state == "overdue":
        return _("Day {day}, {date}, overdue").format(day=checkpoint.day, date=when)
    return _("Day {day}, {date}").format(day=checkpoint.day, date=when)


# Each reason a pair is at risk for, in a few words: the list is narrow (the tooltip and the
# detail have the reasons in full).
REASON_WORDS = {
    "cadence": N_("behind their cadence"),
    "no_contact": N_("no contact"),
    "goal_stalled": N_("a goal stalled"),
    "help": N_("asked for help"),
    "fit": N_("not a fit"),
    "satisfaction": N_("not satisfied"),
    "cancellations": N_("cancellations"),
    "concern": N_("a concern logged"),
    "checkpoint_overdue": N_("checkpoint overdue"),
}


def health_words(pair: PairHealth) -> str:
    """The pair's health in one line for the list (the detail has every line)."""
    if pair.closed:
        return _("Closed")
    if pair.at_risk:
        kinds = dict.fromkeys(_(REASON_WORDS.get(r.kind, r.kind)) for r in pair.reasons)
        # Translators: the reasons are short phrases such as "no contact, a goal stalled".
        return _("At risk: {reasons}").format(reasons=", ".join(kinds))
    if pair.words:
        return pair.words[0]
    return _("Nothing known yet")


@dataclass(frozen=True, slots=True)
class _Flags:
    due: bool
    overdue: bool
    at_risk: bool


def _flags(pair: PairHealth) -> _Flags:
    return _Flags(due=pair.due_this_week, overdue=pair.overdue, at_risk=pair.at_risk)


def _search_text(pair: PairHealth) -> str:
    return f"{pair.code} {pair.mentor} {pair.mentee}".casefold()


class FollowUpPairsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PairHealth] = []
        self._flags: list[_Flags] = []
        self._search: list[str] | None = None  # each row's search text, once a search is typed
        self._row_of: dict[str, int] = {}

    def set_rows(self, rows: tuple[PairHealth, ...] | list[PairHealth]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._flags = [_flags(p) for p in self._rows]
        self._search = None
        self._row_of = {p.pair_id: i for i, p in enumerate(self._rows)}
        self.endResetModel()

    def update_rows(self, rows: tuple[PairHealth, ...]) -> None:
        """The same pairs in the same order with some recomputed: only those rows change
        (the view keeps its place, the filter looks at them alone); else all rows anew."""
        if len(rows) != len(self._rows) or any(
            new.pair_id != old.pair_id for new, old in zip(rows, self._rows, strict=True)
        ):
            self.set_rows(rows)
            return
        last = self.columnCount() - 1
        for row, (new, old) in enumerate(zip(rows, self._rows, strict=True)):
            if new is not old:
                self._rows[row] = new
                self._flags[row] = _flags(new)
                if self._search is not None:
                    self._search[row] = _search_text(new)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def rows(self) -> list[PairHealth]:
        return self._rows

    def health_texts(self, limit: int) -> list[str]:
        """The Health column's words of the first `limit` rows (to size the column by)."""
        return [health_words(p) for p in self._rows[:limit]]

    def pair(self, row: int) -> PairHealth:
        return self._rows[row]

    def flags_of(self, row: int) -> _Flags:
        return self._flags[row]

    def search_text_of(self, row: int) -> str:
        """The row's code and names, lower-cased (made for every row at the first search)."""
        if self._search is None:
            self._search = [_search_text(p) for p in self._rows]
        return self._search[row]

    def row_of(self, pair_id: str) -> int | None:
        return self._row_of.get(pair_id)

    def counts(self) -> dict[str, int]:
        """How many pairs each filter shows."""
        return {
            "all": len(self._rows),
            "due": sum(f.due for f in self._flags),
            "overdue": sum(f.overdue for f in self._flags),
            "at_risk": sum(f.at_risk for f in self._flags),
        }

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pair = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(pair, col)
        if role == PAIR_ID_ROLE:
            return pair.pair_id
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole of what a narrow column cuts off
            if col == HEALTH:
                return "\n".join(r.text for r in pair.reasons) or "\n".join(pair.words) or None
            return self._text(pair, col) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(pair, col)
        return None

    def _text(self, pair: PairHealth, col: int) -> str:
        if col == 0:
            return pair.code
        if col == NAMES:
            return _("{mentor} & {mentee}").format(mentor=pair.mentor, mentee=pair.mentee)
        if col == NEXT:
            return "" if pair.closed else checkpoint_words(pair.next_due)
        return health_words(pair)

    @staticmethod
    def _colour(pair: PairHealth, col: int) -> QBrush | None:
        if pair.closed:
            return QBrush(QColor(_GREY))
        if col == HEALTH:
            if pair.at_risk:
                return QBrush(QColor(ERROR_COLOUR))
            if pair.on_cadence:
                return QBrush(QColor(DONE_COLOUR))
        if col == NEXT and pair.next_due is not None and pair.next_due.state == "overdue":
            return QBrush(QColor(PENDING_COLOUR))
        return None


class FollowUpFilter(QSortFilterProxyModel):
    """Keeps the pairs of one filter whose code or names hold the search text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = "all"
        self._search = ""

    def set_mode(self, mode: str) -> None:
        self.beginFilterChange()
        self.mode = mode
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = " ".join(text.split()).casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, FollowUpPairsModel)
        if self.mode != "all" and not getattr(model.flags_of(source_row), self.mode):
            return False
        if not self._search:
            return True
        search = model.search_text_of(source_row)
        return all(word in search for word in self._search.split())
