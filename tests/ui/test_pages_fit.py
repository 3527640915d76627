"""The agenda, export, roster and charters pages fit a maximised window on small screens.

150 % scaling on a 1366x768 screen leaves 910x512 logical pixels (fonts keep their size in
logical pixels), so a window of that size here is what a trainer's laptop shows at 1.5x.
The heights are the screens' less a window title bar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from workshop_app.core.demo import create_demo
from workshop_app.ui.main_window import MainWindow

SCREENS = {"1366x768": (1366, 745), "1280x720": (1280, 697), "1366x768 at 150 %": (910, 496)}
PAGES = ("agenda", "export", "roster", "charters")
CONTROLS = (QAbstractButton, QLabel, QLineEdit, QComboBox, QAbstractSpinBox)


def scrolled(widget: QWidget, page: QWidget) -> bool:
    """Whether `widget` sits in a scroll area inside `page` (it may then be scrolled to)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return True
        parent = parent.parentWidget()
    return False


def badly_placed(page: QWidget) -> list[str]:
    """Controls outside the page, or squeezed below the size their text needs."""
    found = []
    inside = page.rect()
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(page):
            continue
        if scrolled(widget, page) or isinstance(
            widget.parentWidget(), QComboBox | QAbstractSpinBox
        ):
            continue
        where = QRect(widget.mapTo(page, widget.rect().topLeft()), widget.size())
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or repr(widget)
        if not inside.contains(where):
            found.append(f"{name}: off the page at {where.getRect()}")
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        needed = widget.minimumSizeHint() if wraps else widget.sizeHint()
        if isinstance(widget, QAbstractButton | QLabel) and (
            widget.width() < needed.width() or widget.height() < widget.minimumSizeHint().height()
        ):
            found.append(f"{name}: {widget.size().toTuple()} is less than {needed.toTuple()}")
    return found


@pytest.mark.parametrize("screen", SCREENS)
def test_pages_fit_a_maximised_window(qtbot, tmp_path: Path, screen: str) -> None:  # type: ignore[no-untyped-def]
    width, height = SCREENS[screen]
    path = tmp_path / "room.workshop"
    create_demo(path).close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    window.open_path(path)
    qtbot.waitUntil(lambda: window.wf is not None)
    problems = {}
    for name in PAGES:
        window.go_to(window._index(name))
        qtbot.waitUntil(lambda n=name: window.current_page() is window._page(window._index(n)))
        qtbot.wait(1)  # one turn of the event loop: the layout settles
        wanted = window.minimumSizeHint()
        if wanted.width() > width or wanted.height() > height:
            problems[name] = [f"the window needs {wanted.toTuple()}"]
        elif placed := badly_placed(window.current_page()):
            problems[name] = placed
    assert window.size().toTuple() == (width, height)  # no page made the window grow
    assert problems == {}
