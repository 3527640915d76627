"""What the dialogs of these pages share: a size that fits the screen, a name on every control."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

MARGIN = 48  # what the window frame and the panels of the desktop take, roughly


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Give `window` the size asked for, or as much of it as the screen has room for."""
    anchor = window.parentWidget() or window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    window.resize(min(width, room.width() - MARGIN), min(height, room.height() - MARGIN))


def name_controls(dialog: QWidget) -> None:
    """Name, for screen readers, what the keyboard can reach in `dialog` that has no name
    yet: buttons by their text, selectable text (a message box's) by what it says."""
    for widget in dialog.findChildren(QWidget):
        if widget.accessibleName() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QAbstractButton):
            widget.setAccessibleName(widget.text().replace("&", "").rstrip("…").strip())
        elif isinstance(widget, QLabel):
            text = widget.text()
            if widget.textFormat() == Qt.TextFormat.RichText or GuiQt.mightBeRichText(text):
                text = QTextDocumentFragment.fromHtml(text).toPlainText()
            widget.setAccessibleName(" ".join(text.split()))
