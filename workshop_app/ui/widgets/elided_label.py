"""A one-line label that ends in "…" when its text is wider than its room, with the whole
text in its tooltip and accessible description. Lines that change as the facilitator moves
through the agenda (titles, the step, what comes next) stay one line high, so the controls
below them never move under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self._elide()

    def text(self) -> str:
        """The whole text, however much of it shows."""
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        # It asks for no width: it takes the room its row gives and shortens its text to it.
        return self.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()  # a new font (a style sheet) changes what fits

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        super().setText(shown)
        cut = shown != self._full
        self.setToolTip(self._full if cut else "")
        self.setAccessibleDescription(self._full if cut else "")
