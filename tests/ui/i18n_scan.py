"""Walk a window's widgets in the pseudo-locale and report what a person would see that is
not marked for translation, and what the longer text clips. Shared by the pseudo-locale tests
of the pages and of the dialogs and widgets.

In the pseudo-locale (`set_interface_language(PSEUDO)`) every translated string is wrapped in
⟦ ⟧ and made 40% longer: a visible text without the mark was never passed through `_()`,
unless it is data (a name, a code, a number), which the caller lists as allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from workshop_app.core.i18n import PSEUDO_OPEN

# Text that is never words: empty, numbers, times, dates, punctuation and symbols alone.
NOT_WORDS = re.compile(r"^[\W\d_]*$")


def _marked(text: str) -> bool:
    return PSEUDO_OPEN in text


def _columns(model, parent: QModelIndex) -> int:  # type: ignore[no-untyped-def]
    """A model's columns; a list widget's model keeps columnCount private: one column."""
    try:
        return int(model.columnCount(parent))
    except TypeError:
        return 1


def _model_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    for orientation in (Qt.Orientation.Horizontal,):
        header_hidden = getattr(view, "isHeaderHidden", lambda: False)()
        if header_hidden:
            continue
        for section in range(_columns(model, QModelIndex())):
            heading = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if heading:
                yield "heading", str(heading)

    def walk(parent: QModelIndex) -> Iterator[tuple[str, str]]:
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role, what in (
                    (Qt.ItemDataRole.DisplayRole, "item"),
                    (Qt.ItemDataRole.ToolTipRole, "item tooltip"),
                ):
                    value = model.data(index, role)
                    if isinstance(value, str) and value:
                        yield what, value
            yield from walk(model.index(row, 0, parent))

    yield from walk(QModelIndex())


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip("…").strip()


def _qt_own(widget: QWidget) -> bool:
    """A standard button of a button box still showing Qt's own text ("Cancel"): the qtbase
    translations that ship with Qt translate it, not the app's catalogue."""
    box = widget.parentWidget()
    return (
        isinstance(widget, QAbstractButton)
        and isinstance(box, QDialogButtonBox)
        and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
    )


def texts(root: QWidget) -> Iterator[tuple[QWidget, str, str]]:
    """Every text `root` and its visible widgets show or say: (widget, what, text)."""
    if root.windowTitle():
        yield root, "window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.toolTip():
            yield widget, "tooltip", widget.toolTip()
        name = widget.accessibleName()
        if name and not (_qt_own(widget) and name == _plain(getattr(widget, "text", str)())):
            yield widget, "accessible name", name
        if widget.accessibleDescription():
            yield widget, "accessible description", widget.accessibleDescription()
        if isinstance(widget, QLabel | QAbstractButton) and widget.text() and not _qt_own(widget):
            yield widget, "text", widget.text()
        if isinstance(widget, QGroupBox) and widget.title():
            yield widget, "title", widget.title()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield widget, "tab", widget.tabText(i)
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            yield widget, "placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield widget, "choice", widget.itemText(i)
        if isinstance(widget, QAbstractItemView):
            for what, text in _model_texts(widget):
                yield widget, what, text


def unmarked(root: QWidget, allowed: Iterable[str] = ()) -> list[str]:
    """The texts under `root` without the pseudo-locale's mark that are neither symbols nor
    numbers nor in `allowed` (data: names, codes, file names; a text containing an allowed
    string whole counts as data)."""
    data = [a for a in allowed if a]
    found = []
    for widget, what, text in texts(root):
        plain = text.replace("&", "")
        if _marked(text) or NOT_WORDS.match(plain) or any(d == plain or d in plain for d in data):
            continue
        found.append(f"{type(widget).__name__} {what}: {text[:60]!r}")
    return sorted(set(found))


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped(window: QWidget, screen: QRect) -> list[str]:
    """What does not fit: the window larger than `screen` (the 1366x768 laptop), a label or
    button (outside scroll areas, which scroll) cut by the window's edge or squeezed below
    the width its text needs, a wrapped label given fewer lines than its text takes."""
    QApplication.processEvents()
    problems = []
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        problems.append(f"the window is {frame.width()}x{frame.height()}")
    shown = _global_rect(window)
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLabel) or not widget.isVisible():
            continue
        if widget.width() == 0 or _in_scroll_area(widget, window):
            continue
        what = f"{type(widget).__name__} {widget.text()[:50]!r}"
        if not shown.contains(_global_rect(widget)):
            problems.append(f"{what} is cut off")
            continue
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        needed = widget.minimumSizeHint() if wraps else widget.sizeHint()
        if widget.width() < needed.width() or widget.height() < widget.minimumSizeHint().height():
            problems.append(f"{what} is squeezed to {widget.width()}x{widget.height()}")
        elif wraps and widget.height() < widget.heightForWidth(widget.width()):
            problems.append(f"{what} has lines cut off at {widget.width()}x{widget.height()}")
    return problems
