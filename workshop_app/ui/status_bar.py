"""The window's status bar, whose messages never run under the widgets on its right.

Qt draws a message in the room left of the permanent widgets (the time of the last save, the
printing progress) and cuts it there mid-letter: a long German message read "…Jede Änderur"
against "Alle Änderungen um 17:33 gespeichert". Here a message that does not fit ends in an
ellipsis, and its whole text is the tooltip and what `currentMessage()` gives (screen
readers, tests). It is fitted again when the bar is resized or a widget on its right changes
(the save time appears beside the "Opened …" message).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget

# QStatusBar's own margins around a message (qstatusbar.cpp: 6 px on the left, 2 px before
# the first permanent widget, 12 px at the right end when there is none).
_LEFT, _BEFORE_WIDGET, _RIGHT_END = 6, 2, 12
_MOVED = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self._whole = ""
        self._until: float | None = None  # when the message shown goes, if it has a timeout
        self.messageChanged.connect(self._changed)

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:
        self._watch(widget)
        super().addPermanentWidget(widget, stretch or 0)

    def insertPermanentWidget(self, index: int, widget: QWidget, stretch: int | None = 0) -> int:
        self._watch(widget)
        return super().insertPermanentWidget(index, widget, stretch or 0)

    def _watch(self, widget: QWidget) -> None:
        self._permanent.append(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _MOVED and watched in self._permanent:
            self._refit()
        return False

    def showMessage(self, text: str, timeout: int | None = 0) -> None:
        timeout = timeout or 0
        self._whole = text
        self._until = time.monotonic() + timeout / 1000 if timeout > 0 else None
        self.setToolTip(text if self._fitted(text) != text else "")
        super().showMessage(self._fitted(text), timeout)

    def currentMessage(self) -> str:
        return self._whole if super().currentMessage() else ""

    def room(self) -> int:
        """The width a message has, left of the permanent widgets shown."""
        shown = [w.x() for w in self._permanent if w.isVisible()]
        right = min(shown) - _BEFORE_WIDGET if shown else self.width() - _RIGHT_END
        return max(0, right - _LEFT)

    def _fitted(self, text: str) -> str:
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.room())

    def _changed(self, shown: str) -> None:
        if not shown:  # cleared, or its time is up
            self._whole = ""
            self.setToolTip("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        if not self._whole or self._fitted(self._whole) == super().currentMessage():
            return
        left = None if self._until is None else int((self._until - time.monotonic()) * 1000)
        if left is None or left > 0:
            self.showMessage(self._whole, left or 0)
