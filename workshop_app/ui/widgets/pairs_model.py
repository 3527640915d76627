"""A thin table model over the core's pair overview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from workshop_app.core.charter_fields import SECTION_BY_KEY
from workshop_app.core.charters.store import PairOverview
from workshop_app.core.i18n import N_, _, ngettext
from workshop_app.core.roster.store import code_sort_key
from workshop_app.ui.style import DONE_COLOUR, ERROR_COLOUR, PENDING_COLOUR

COLUMNS = (N_("Pair"), N_("Mentor"), N_("Mentee"), N_("Charter"), N_("Signature"), N_("Attendance"))
_Index = QModelIndex | QPersistentModelIndex


def _attendance(o: PairOverview) -> str:
    absent = [
        n
        for n, p in ((o.mentor_name, o.mentor_present), (o.mentee_name, o.mentee_present))
        if p is False
    ]
    if absent:
        return _("absent: {names}").format(names=", ".join(absent))
    if o.mentor_present and o.mentee_present:
        return _("both here")
    return _("not checked in")


def charter_state(o: PairOverview) -> str:
    if o.complete:
        return _("complete")
    n = len(o.missing)
    return ngettext("{n} section to fill", "{n} sections to fill", n).format(n=n)


class PairsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PairOverview] = []
        self._search: dict[str, str] = {}

    def set_rows(self, rows: list[PairOverview]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=self._key(self._sort_column), reverse=self._descending)
        self._search = {}
        self.endResetModel()

    def search_text(self, row: int) -> str:
        """Everything a row shows, lower-cased, for the filter box (made on first use)."""
        o = self._rows[row]
        text = self._search.get(o.pair_id)
        if text is None:
            text = " ".join(self._text(o, c) for c in range(len(COLUMNS))).casefold()
            self._search[o.pair_id] = text
        return text

    _sort_column = 0
    _descending = False

    def _key(self, column: int) -> Any:
        if column == 0:
            return lambda o: code_sort_key(o.code)
        if column == 3:
            return lambda o: (len(o.missing), code_sort_key(o.code))
        return lambda o: (self._text(o, column).casefold(), code_sort_key(o.code))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, in one Python sort: a sorting proxy would call data() some 70,000
        times for 5,000 pairs and hold up the window."""
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=self._key(column), reverse=self._descending)
        self.layoutChanged.emit()

    def row(self, index: int) -> PairOverview:
        return self._rows[index]

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
        o = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(o, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and o.missing:
            still = ", ".join(_(SECTION_BY_KEY[k].title) for k in o.missing)
            return _("Still to fill: {sections}").format(sections=still)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 3 and o.complete:
                return QBrush(QColor(DONE_COLOUR))
            if col == 4 and o.signed_version is not None and o.version > o.signed_version:
                return QBrush(QColor(PENDING_COLOUR))
            if col == 5 and (o.mentor_present is False or o.mentee_present is False):
                return QBrush(QColor(ERROR_COLOUR))
        return None

    @staticmethod
    def _text(o: PairOverview, col: int) -> str:
        if col == 0:
            return o.code
        if col == 1:
            return o.mentor_name
        if col == 2:
            return o.mentee_name
        if col == 3:
            return charter_state(o)
        if col == 4:
            return o.signature_text
        return _attendance(o)
