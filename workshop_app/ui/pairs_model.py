"""A thin table model over the core's pair overview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from workshop_app.core.charter_fields import SECTION_BY_KEY
from workshop_app.core.charter_store import PairOverview

COLUMNS = ("Pair", "Mentor", "Mentee", "Charter", "Signature", "Attendance")
_Index = QModelIndex | QPersistentModelIndex


def _attendance(o: PairOverview) -> str:
    absent = [
        n
        for n, p in ((o.mentor_name, o.mentor_present), (o.mentee_name, o.mentee_present))
        if p is False
    ]
    if absent:
        return "absent: " + ", ".join(absent)
    if o.mentor_present and o.mentee_present:
        return "both here"
    return "not checked in"


def charter_state(o: PairOverview) -> str:
    if o.complete:
        return "complete"
    return f"{len(o.missing)} section{'s' if len(o.missing) != 1 else ''} to fill"


class PairsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PairOverview] = []

    def set_rows(self, rows: list[PairOverview]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

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
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        o = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                o.code,
                o.mentor_name,
                o.mentee_name,
                charter_state(o),
                o.signature_state,
                _attendance(o),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and o.missing:
            return "Still to fill: " + ", ".join(SECTION_BY_KEY[k].title for k in o.missing)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 3 and o.complete:
                return QBrush(QColor("#1b7a3d"))
            if col == 4 and o.signed_version is not None and o.version > o.signed_version:
                return QBrush(QColor("#a15c00"))
            if col == 5 and (o.mentor_present is False or o.mentee_present is False):
                return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.UserRole:
            # Sort key: codes by number, the rest as shown.
            if col == 0:
                digits = "".join(ch for ch in o.code if ch.isdigit())
                return int(digits) if digits else 0
            if col == 3:
                return len(o.missing)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None
