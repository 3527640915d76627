"""The pairs beside the charter form, with a completeness badge, and the board view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor

from workshop_app.core.charter_fields import SECTION_BY_KEY
from workshop_app.core.charter_store import PairOverview

_Index = QModelIndex | QPersistentModelIndex
PAIR_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# Fills that read on a projector and in grey-scale alike.
TILE = {
    "signed": QColor("#d7ecdc"),
    "complete": QColor("#e4f1e7"),
    "partial": QColor("#fdf0d9"),
    "empty": QColor("#eeeeee"),
    "edited": QColor("#fde3c4"),
}


def badge(o: PairOverview) -> str:
    parts = []
    if o.complete:
        parts.append("✓ complete")
    else:
        parts.append(f"{len(o.missing)} to fill")
    if o.signed_version is not None:
        parts.append(o.signature_state)
    if o.mentor_present is False or o.mentee_present is False:
        parts.append("⚠ partner absent")
    return " · ".join(parts)


def state(o: PairOverview) -> str:
    if o.signed_version is not None:
        return "edited" if o.version > o.signed_version else "signed"
    if o.complete:
        return "complete"
    return "partial" if len(o.missing) < 10 else "empty"


class CharterListModel(QAbstractListModel):
    def __init__(self, *, board: bool = False) -> None:
        super().__init__()
        self._rows: list[PairOverview] = []
        self._board = board

    def set_rows(self, rows: list[PairOverview]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def update_row(self, overview: PairOverview) -> None:
        for i, row in enumerate(self._rows):
            if row.pair_id == overview.pair_id:
                self._rows[i] = overview
                index = self.index(i)
                self.dataChanged.emit(index, index)
                return

    def rows(self) -> list[PairOverview]:
        return list(self._rows)

    def row_of(self, pair_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.pair_id == pair_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        o = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if self._board:
                return f"{o.code}\n{o.mentor_name}\n{o.mentee_name}\n{badge(o)}"
            return f"{o.code}  {o.mentor_name} & {o.mentee_name}\n{badge(o)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{o.code}, {o.mentor_name} and {o.mentee_name}: {badge(o)}"
        if role == Qt.ItemDataRole.ToolTipRole and o.missing:
            return "Still to fill: " + ", ".join(SECTION_BY_KEY[k].title for k in o.missing)
        if role == Qt.ItemDataRole.BackgroundRole and self._board:
            return QBrush(TILE[state(o)])
        if role == Qt.ItemDataRole.ForegroundRole and self._board:
            return QBrush(QColor("#1a1a1a"))
        if role == Qt.ItemDataRole.SizeHintRole and self._board:
            return QSize(210, 104)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._board:
            return Qt.AlignmentFlag.AlignCenter
        if role == PAIR_ID_ROLE:
            return o.pair_id
        return None
