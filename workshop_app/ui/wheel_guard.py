"""The mouse wheel scrolls the page; it changes a value only in the input that has focus.

Scrolling a long form passes the pointer over combo boxes, spin boxes, date edits and sliders.
Qt lets each of them take the wheel as it passes (and the focus with it), which silently
changes, and saves, an answer nobody meant to touch. One event filter on the application
stops that on every page and in every dialog: over such an input without focus the wheel
goes to the scroll area behind it, and these inputs no longer take focus from the wheel. An
input the person clicked or tabbed into still follows the wheel, as everywhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QSlider,
    QWidget,
)

# The inputs whose value the wheel changes (QAbstractSpinBox includes date and time edits).
GUARDED = (QComboBox, QAbstractSpinBox, QSlider)
_NAME = "workshop-app wheel guard"


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish:
            # Before the widget is first shown: the wheel must not give it focus either, or
            # the next notch would change it.
            if isinstance(watched, GUARDED) and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel or not isinstance(watched, GUARDED) or watched.hasFocus():
            return False
        assert isinstance(event, QWheelEvent)
        _scroll_behind(watched, event)
        return True


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
    too. The window installs it once it has painted its first screen (an application-wide
    filter makes PySide6 wrap every object an event reaches, and the first of each kind costs:
    40 ms of start-up, spent instead once the window is up); tests install it for every GUI
    test."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.findChild(QObject, _NAME) is not None:
        return
    guard = WheelGuard(app)
    guard.setObjectName(_NAME)
    app.installEventFilter(guard)
    for widget in app.allWidgets():  # polished before the guard was there
        if isinstance(widget, GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
