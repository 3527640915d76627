"""The program's board across the top of the Follow-up page: the source's questions answered
with figures, in words a sponsor reads ("9 of 12 pairs meeting at their agreed cadence")."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from workshop_app.core.i18n import _, ngettext

if TYPE_CHECKING:
    from workshop_app.core.followup.board import Board

TILE_STYLE = "QLabel#tile { border: 1px solid palette(mid); border-radius: 4px; padding: 4px 8px; }"
FIGURE_STYLE = "font-size: 16pt; font-weight: 600;"


def board_figures(board: Board) -> list[tuple[str, str]]:
    """The board's figures as (figure, what it counts), read together as one sentence."""
    cadence, goals = board.on_cadence, board.goals_moving
    return [
        (
            cadence.text,
            # Translators: after a figure such as "9 of 12" in large type.
            ngettext(
                "pair meeting at their agreed cadence",
                "pairs meeting at their agreed cadence",
                cadence.out_of,
            ),
        ),
        # Translators: after a figure such as "7 of 10" in large type.
        (goals.text, ngettext("goal moving", "goals moving", goals.out_of)),
        (
            f"{board.at_risk.count:,}",
            ngettext("pair at risk", "pairs at risk", board.at_risk.count),
        ),
        (
            f"{board.closed.count:,}",
            ngettext("pair closed", "pairs closed", board.closed.count),
        ),
    ]


def board_footnote(board: Board) -> str:
    """What the figures are out of: the program's size, signed charters and check-ins."""
    pairs = ngettext("{n} pair, {active} active", "{n} pairs, {active} active", board.pairs.count)
    signed = ngettext(
        "{signed} of {n} charter signed", "{signed} of {n} charters signed", board.signed.out_of
    )
    checkins = ngettext("{n} check-in received", "{n} check-ins received", board.checkins.count)
    return " · ".join(
        (
            pairs.format(n=f"{board.pairs.count:,}", active=f"{board.active.count:,}"),
            signed.format(signed=f"{board.signed.count:,}", n=f"{board.signed.out_of:,}"),
            checkins.format(n=f"{board.checkins.count:,}"),
        )
    )


class FollowUpBoard(QWidget):
    """Four tiles in a row, each its figure in large type and what it counts, and a line below
    them with what the figures are out of. A tile is one label that wraps: at 1.5x on a
    laptop the page's height is for the pair list."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet(TILE_STYLE)
        self.tiles: list[QLabel] = []
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for _tile in range(4):
            tile = QLabel()
            tile.setObjectName("tile")
            tile.setWordWrap(True)
            tile.setTextFormat(Qt.TextFormat.RichText)
            tile.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            row.addWidget(tile, 1)
            self.tiles.append(tile)
        self.footnote = QLabel()
        self.footnote.setWordWrap(True)
        self.footnote.setAccessibleName(_("What the figures are out of"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.footnote)

    def set_board(self, board: Board | None) -> None:
        figures = board_figures(board) if board is not None else [("", "")] * 4
        for tile, (number, what) in zip(self.tiles, figures, strict=True):
            tile.setText(f'<span style="{FIGURE_STYLE}">{escape(number)}</span> {escape(what)}')
            tile.setAccessibleName(f"{number} {what}".strip())
        self.footnote.setText(board_footnote(board) if board is not None else "")

    def sentences(self) -> list[str]:
        """The board read out, one figure a line (as a screen reader says it)."""
        return [tile.accessibleName() for tile in self.tiles]
