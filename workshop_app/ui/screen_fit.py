"""Windows that fit the screen they open on: a 768-pixel laptop, a projector, 1.5x scaling.

A window's size is asked for in Qt's device-independent pixels, so with scaling the room on
screen is smaller than the screen's pixels; `availableGeometry` already accounts for that and
for task bars. The window manager adds a title bar and borders that are not known before the
window is shown, so room is kept for them.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Room for the window manager's title bar and borders around a window not yet shown.
FRAME_ALLOWANCE = QSize(16, 48)


def screen_of(widget: QWidget) -> QScreen:
    """The screen `widget` is on, or will open on: its parent's, else the primary one."""
    window = widget.window()
    for candidate in (window, window.parentWidget()):
        if candidate is not None and candidate.screen() is not None:
            return candidate.screen()
    return QGuiApplication.primaryScreen()


def available(widget: QWidget) -> QRect:
    """The part of the widget's screen a window may use (without task bars and docks)."""
    return screen_of(widget).availableGeometry()


def room_for(widget: QWidget) -> QSize:
    """The largest size a window's contents can have with its frame still on screen."""
    room = available(widget).size() - FRAME_ALLOWANCE
    return room.expandedTo(QSize(1, 1))


def fitted_size(widget: QWidget, wanted: QSize) -> QSize:
    """`wanted`, made small enough for the screen (never below the widget's minimum)."""
    return wanted.boundedTo(room_for(widget)).expandedTo(widget.minimumSizeHint())


def fit_to_screen(widget: QWidget, wanted: QSize | None = None) -> None:
    """Give a window `wanted` size (by default what its layout asks for), or less if the
    screen is smaller, and keep it on screen."""
    widget.resize(fitted_size(widget, wanted or widget.sizeHint()))
    keep_on_screen(widget)


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a window so that all of it (frame included, once known) is visible:
    a geometry saved on a bigger monitor is pulled back onto this one."""
    area = available(widget)
    frame = widget.frameGeometry()
    extra = frame.size() - widget.size()
    if widget.isVisible() and extra.width() >= 0 and extra.height() >= 0:
        room = area.size() - extra
    else:
        room = area.size() - FRAME_ALLOWANCE
    size = widget.size().boundedTo(room).expandedTo(widget.minimumSizeHint())
    if size != widget.size():
        widget.resize(size)
    frame = widget.frameGeometry()
    x = min(max(frame.left(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.top(), area.top()), area.bottom() + 1 - frame.height())
    target = QPoint(max(x, area.left()), max(y, area.top()))
    if target != frame.topLeft():
        widget.move(target)
