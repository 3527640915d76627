"""The program's board across the top of the Follow-up page: the source's questions answered
with figures, in words a sponsor reads ("9 of 12 pairs meeting at their agreed cadence")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from workshop_app.core.words import count

if TYPE_CHECKING:
    from workshop_app.core.followup.board import Board

TILE_STYLE = (
    "QFrame#tile { border: 1px solid palette(mid); border-radius: 4px; }"
    " QLabel#figure { font-size: 17pt; font-weight: 600; }"
)


def board_figures(board: Board) -> list[tuple[str, str]]:
    """The board's figures as (figure, what it counts), read together as one sentence."""
    cadence, goals = board.on_cadence, board.goals_moving
    return [
        (
            cadence.text,
            ("pair" if cadence.out_of == 1 else "pairs") + " meeting at their agreed cadence",
        ),
        (goals.text, ("goal" if goals.out_of == 1 else "goals") + " moving"),
        (
            f"{board.at_risk.count:,}",
            ("pair" if board.at_risk.count == 1 else "pairs") + " at risk",
        ),
        (
            f"{board.closed.count:,}",
            ("pair" if board.closed.count == 1 else "pairs") + " closed",
        ),
    ]


def board_footnote(board: Board) -> str:
    """What the figures are out of: the program's size, signed charters and check-ins."""
    return (
        f"{count(board.pairs.count, 'pair')}, {board.active.count:,} active · "
        f"{board.signed.count:,} of {count(board.signed.out_of, 'charter')} signed · "
        f"{count(board.checkins.count, 'check-in')} received"
    )


class FollowUpBoard(QWidget):
    """Four tiles in a row and a line below them with what the figures are out of."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet(TILE_STYLE)
        self.tiles: list[tuple[QLabel, QLabel]] = []
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for _ in range(4):
            tile = QFrame()
            tile.setObjectName("tile")
            column = QVBoxLayout(tile)
            column.setContentsMargins(10, 6, 10, 6)
            column.setSpacing(0)
            figure, words = QLabel(), QLabel()
            figure.setObjectName("figure")
            words.setWordWrap(True)  # at 1.5x a tile is narrower than its words
            words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            column.addWidget(figure)
            column.addWidget(words, 1)
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
            row.addWidget(tile, 1)
            self.tiles.append((figure, words))
        self.footnote = QLabel()
        self.footnote.setWordWrap(True)
        self.footnote.setAccessibleName("What the figures are out of")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.footnote)

    def set_board(self, board: Board | None) -> None:
        figures = board_figures(board) if board is not None else [("", "")] * 4
        for (figure, words), (number, what) in zip(self.tiles, figures, strict=True):
            figure.setText(number)
            words.setText(what)
            sentence = f"{number} {what}".strip()
            figure.setAccessibleName(sentence)
            words.setAccessibleName(sentence)
        self.footnote.setText(board_footnote(board) if board is not None else "")

    def sentences(self) -> list[str]:
        """The board read out, one figure a line (as a screen reader says it)."""
        return [figure.accessibleName() for figure, _ in self.tiles]
