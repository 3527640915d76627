"""The mouse wheel scrolls the page; it changes a value only in the input that has focus.

Scrolling a long form passes the pointer over combo boxes, spin boxes, date edits and sliders.
Qt lets each of them take the wheel as it passes (and the focus with it), which silently
changes, and saves, an answer nobody meant to touch. The application's style guards each
such input as it is polished, on every page and in every dialog: over one without focus the
wheel goes to the scroll area behind it, and these inputs no longer take focus from the
wheel. An input the person clicked or tabbed into still follows the wheel, as everywhere
else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QSlider,
    QWidget,
)

# The inputs whose value the wheel changes (QAbstractSpinBox includes date and time edits).
GUARDED = (QComboBox, QAbstractSpinBox, QSlider)
_NAME = "workshop-app wheel guard"


class WheelGuard(QObject):
    """The filter on each guarded input: the wheel over it without focus scrolls behind."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, GUARDED):
            return False
        if watched.hasFocus():
            return False
        assert isinstance(event, QWheelEvent)
        _scroll_behind(watched, event)
        return True


class _GuardingStyle(QProxyStyle):
    """The application's style, which also guards each input as it is polished (before it is
    first shown): it no longer takes focus from the wheel, and gets the filter above. Only
    these inputs' events reach Python, not every event of every object (an application-wide
    filter made PySide6 wrap the first object of each kind an event reached: 40 ms at start,
    70 ms while a 5,000-pair workshop was listed)."""

    def __init__(self, guard: WheelGuard) -> None:
        super().__init__()
        self._guard = guard

    def polish(
        self, target: QApplication | QWidget | QPalette | Qt.GlobalColor | QColor, /
    ) -> None:
        # One method for Qt's three overloads (an application, a widget, a palette).
        super().polish(target)
        if isinstance(target, GUARDED):
            if target.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            target.installEventFilter(self._guard)


def _scroll_behind(widget: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the nearest scroll area around `widget` (if there is none, nothing
    scrolls and the value stays as it is)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        return
    viewport = area.viewport()
    forwarded = QWheelEvent(
        QPointF(widget.mapTo(viewport, event.position().toPoint())),
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
        event.source(),
    )
    QApplication.sendEvent(viewport, forwarded)


def install_wheel_guard() -> None:
    """Guard the running application (once; later calls do nothing), inputs made before it
    too. The app calls this where it is made; the tests for every GUI test."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.findChild(QObject, _NAME) is not None:
        return
    guard = WheelGuard(app)
    guard.setObjectName(_NAME)
    app.setStyle(_GuardingStyle(guard))
    for widget in app.allWidgets():  # polished before the guard was there
        if isinstance(widget, GUARDED):
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(guard)
