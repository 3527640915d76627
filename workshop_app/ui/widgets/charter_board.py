"""The pairs beside the charter form, with a completeness badge, and the board view.

Both views use uniform item sizes, so a 5,000-pair workshop is never measured row by row: Qt
sizes every item like the first. The delegates here make that one size fit every item, in any
script: rows are measured with a sample holding every character the names use (a Chinese or
Devanagari name falls back to a taller font than a Latin one), and board tiles are as wide as
their longest line and as tall as their lines, at whatever font size or scale.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from workshop_app.core.charter_fields import CONTENT_SECTIONS, SECTION_BY_KEY
from workshop_app.core.charters.dates import parse_date
from workshop_app.core.charters.store import PairOverview
from workshop_app.core.i18n import _, ngettext, pgettext
from workshop_app.ui.widgets.locale import shown_brief_date

_Index = QModelIndex | QPersistentModelIndex
PAIR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TILE_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class TileLook:
    """How one state of a charter looks on the board. The symbol and the word carry the state
    on their own (a grayscale print, a colour-blind facilitator); the colour only helps."""

    fill: str
    border: str
    text: str
    symbol: str
    pen: Qt.PenStyle = Qt.PenStyle.SolidLine


TILES = {
    "empty": TileLook("#f4f4f4", "#8c8c8c", "#1a1a1a", "○", Qt.PenStyle.DashLine),
    "partial": TileLook("#ffe3a0", "#a36a00", "#1a1a1a", "◐"),
    "complete": TileLook("#8ccf9d", "#2e7d46", "#0b2413", "✓"),
    "signed": TileLook("#1e6b3a", "#0e3d20", "#ffffff", "✔"),
    "edited": TileLook("#a996e6", "#4a2f9e", "#140b33", "✎", Qt.PenStyle.DotLine),
}
TILE_PADDING = 10  # inside a tile, around its text
TILE_MAX_EM = 24  # a longer name is elided (the tooltip has it whole)
WIDEST_CANDIDATES = 64  # names measured to find the widest tile line


def _closed_on(o: PairOverview) -> str:
    day = parse_date(o.closed_on)
    return shown_brief_date(day) if day else str(o.closed_on)


def badge(o: PairOverview) -> str:
    parts = [_("■ closed {date}").format(date=_closed_on(o))] if o.closed_on else []
    if o.complete:
        # Translators: a whole charter is complete (Italian "accordo" is masculine).
        parts.append(pgettext("charter", "✓ complete"))
    else:
        parts.append(_to_fill(o))
    if o.signed_version is not None:
        parts.append(o.signature_text)
    if o.mentor_present is False or o.mentee_present is False:
        parts.append(_("⚠ partner absent"))
    return " · ".join(parts)


def _to_fill(o: PairOverview) -> str:
    n = len(o.missing)
    # Translators: on a small tile: how many sections are still empty.
    return ngettext("{n} to fill", "{n} to fill", n).format(n=n)


def state(o: PairOverview) -> str:
    if o.signed_version is not None:
        return "edited" if o.version > o.signed_version else "signed"
    if o.complete:
        return "complete"
    return "partial" if len(o.missing) < len(CONTENT_SECTIONS) else "empty"


def status_words(o: PairOverview) -> str:
    """The state of a pair's charter in words, for a board tile."""
    kind = state(o)
    if kind in ("signed", "edited"):
        return o.signature_text.capitalize()
    return _("Complete") if kind == "complete" else _to_fill(o)


def tile_lines(o: PairOverview) -> tuple[str, ...]:
    """A board tile's lines: code, mentor, mentee, state, and a warning if someone is absent."""
    lines = [o.code, o.mentor_name, o.mentee_name, f"{TILES[state(o)].symbol} {status_words(o)}"]
    if o.closed_on:
        lines.append(_("■ closed {date}").format(date=_closed_on(o)))
    if o.mentor_present is False or o.mentee_present is False:
        lines.append(_("⚠ partner absent"))  # as the list says it
    return tuple(lines)


class CharterListModel(QAbstractListModel):
    def __init__(self, *, board: bool = False) -> None:
        super().__init__()
        self._rows: list[PairOverview] = []
        self._board = board
        self._sample = ""

    def set_rows(self, rows: list[PairOverview]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._sample = ""
        self.endResetModel()

    def update_row(self, overview: PairOverview) -> None:
        for i, row in enumerate(self._rows):
            if row.pair_id == overview.pair_id:
                self._rows[i] = overview
                self._sample = ""
                index = self.index(i)
                self.dataChanged.emit(index, index)
                return

    def rows(self) -> list[PairOverview]:
        return list(self._rows)

    def row_of(self, pair_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.pair_id == pair_id), -1)

    def sample_text(self) -> str:
        """One of every character the rows show, for measuring the height a row needs."""
        if not self._sample:
            used: set[str] = set("Pg0123456789 &·✓⚠")
            for o in self._rows:
                used.update(o.code, o.mentor_name, o.mentee_name)
            self._sample = "".join(sorted(used))
        return self._sample

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        o = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if self._board:
                return "\n".join(tile_lines(o))
            return f"{o.code}  {o.mentor_name} & {o.mentee_name}\n{badge(o)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _("{code}, {mentor} and {mentee}: {state}").format(
                code=o.code, mentor=o.mentor_name, mentee=o.mentee_name, state=badge(o)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            pair = {"code": o.code, "mentor": o.mentor_name, "mentee": o.mentee_name}
            still = ", ".join(_(SECTION_BY_KEY[k].title) for k in o.missing)
            if still:
                return _("{code}: {mentor} and {mentee}. Still to fill: {sections}.").format(
                    sections=still, **pair
                )
            return _("{code}: {mentor} and {mentee}. {state}.").format(state=badge(o), **pair)
        if role == TILE_ROLE:
            return (state(o), tile_lines(o))
        if role == PAIR_ID_ROLE:
            return o.pair_id
        return None


def _line_height(text: str, font: QFont) -> float:
    """The height of one line of `text` as Qt lays it out, fallback fonts included."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    layout.endLayout()
    return line.height()


class PairRowDelegate(QStyledItemDelegate):
    """Rows of the pairs list, all as tall as the tallest script among the names needs."""

    def __init__(self, model: CharterListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._cached: tuple[tuple[str, str, int], int] | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        sample = self._model.sample_text()
        key = (option.font.key(), sample, size.height())
        if self._cached is None or self._cached[0] != key:
            measured = QStyleOptionViewItem(option)
            self.initStyleOption(measured, index)
            # Both lines as tall as any row's can be (U+2028: the line break item views use).
            measured.text = f"{sample}\u2028{sample}"
            widget = option.widget
            style = widget.style() if widget is not None else None
            height = size.height()
            if style is not None:
                height = style.sizeFromContents(
                    QStyle.ContentsType.CT_ItemViewItem, measured, QSize(), widget
                ).height()
            self._cached = (key, max(height, size.height()))
        return QSize(size.width(), self._cached[1])


class BoardDelegate(QStyledItemDelegate):
    """Board tiles: a fill, a border and a symbol per state, each tile fitted to its text."""

    def __init__(self, model: CharterListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._cached: tuple[str, QSize, float] | None = None  # font, tile size, line height
        model.modelReset.connect(self._forget)
        model.dataChanged.connect(self._forget)

    def _forget(self) -> None:
        self._cached = None

    def _sizes(self, font: QFont) -> tuple[QSize, float]:
        if self._cached is None or self._cached[0] != font.key():
            self._cached = (font.key(), *self._measure(font))
        return self._cached[1], self._cached[2]

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return self._sizes(option.font)[0]

    def _measure(self, font: QFont) -> tuple[QSize, float]:
        """One size for every tile: the widest line of any (up to a limit) and the most lines;
        and the height of a line, whatever script the names are in."""
        bold = QFont(font)
        bold.setBold(True)
        plain, strong = QFontMetrics(font), QFontMetrics(bold)
        tiles = [tile_lines(o) for o in self._model.rows()]
        lines = max((len(t) for t in tiles), default=4)

        # Measuring every line of 5,000 tiles would hold the window too long: only the longest
        # can be the widest (longest in characters, or in UTF-8 bytes, which puts wide scripts
        # such as Chinese first). The bold lines are the codes and the states.
        def longest(texts: list[str]) -> set[str]:
            found = set(heapq.nlargest(WIDEST_CANDIDATES, texts, key=len))
            return found | set(
                heapq.nlargest(WIDEST_CANDIDATES, texts, key=lambda t: len(t.encode()))
            )

        bold_lines = longest([t[0] for t in tiles]) | {t[3] for t in tiles}
        candidates = longest([t[i] for t in tiles for i in (1, 2)])
        candidates.update(t[4] for t in tiles if len(t) > 4)
        widest = max(
            plain.horizontalAdvance("M" * 10),
            *map(strong.horizontalAdvance, bold_lines),
            *map(plain.horizontalAdvance, candidates),
        )
        width = min(widest, plain.horizontalAdvance("M") * TILE_MAX_EM)
        sample = self._model.sample_text()
        line = max(_line_height(sample, bold), _line_height(sample + "○◐✓✔✎⚠", font))
        # 4 px for the border, and 4 more: eliding counts a glyph's overhang that the advance
        # leaves out (a bold "✎" would otherwise cut "edited since").
        size = QSize(int(width + 2 * TILE_PADDING + 8), int(lines * line + 2 * TILE_PADDING + 4))
        return size, line

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        kind, lines = index.data(TILE_ROLE)
        look = TILES[kind]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRect(option.rect).adjusted(2, 2, -2, -2)
        border = option.palette.color(QPalette.ColorRole.Highlight) if selected else look.border
        painter.setPen(QPen(QColor(border), 3 if selected else 1.5, look.pen))
        painter.setBrush(QColor(look.fill))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor(look.text))
        text = rect.adjusted(TILE_PADDING, TILE_PADDING, -TILE_PADDING, -TILE_PADDING)
        bold = QFont(option.font)
        bold.setBold(True)
        height = self._sizes(option.font)[1]
        top = text.top() + (text.height() - height * len(lines)) / 2  # the lines, centred
        for number, line in enumerate(lines):
            font = bold if number in (0, 3) else option.font
            painter.setFont(font)
            elided = QFontMetrics(font).elidedText(line, Qt.TextElideMode.ElideRight, text.width())
            row = QRect(text.left(), int(top + number * height), text.width(), int(height))
            painter.drawText(row, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()
