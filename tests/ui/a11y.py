"""What a screen reader would announce without a name: the one check every accessibility
test uses.

A widget's name is what Qt's accessibility layer gives assistive technology: its accessible
name, or what Qt derives for it (a button's text, the label of its form row, a buddy label).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed(root: QWidget) -> list[str]:
    """The focusable widgets under `root` (and `root` itself), shown, that have no name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            continue  # a scroll area's viewport is announced as the scroll area
        if widget.focusProxy() is not None:
            continue  # the focus goes to the proxy, which is checked itself
        if not spoken_name(widget):
            where = (parent.objectName() or type(parent).__name__) if parent else "the window"
            found.append(f"{type(widget).__name__} in {where} {widget.toolTip()!r}")
    return found
